#!/usr/bin/env bash
# The foundation's benchmark sweep (BENCHMARKS.md, "Dispatching rules"): every shop rule on
# Taillard ta01-80 with the active and non-delay generators, every SGS rule on j30/j60/j120,
# every single-machine rule on wt40/50/100. One run at a time, 1 thread, checked results.
# Usage: scripts/bench_rules.sh [out-dir]   (then: python3 scripts/rules_table.py out-dir)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-bench/results/foundation}"
ORDO=build/apps/ordo
mkdir -p "$OUT"
run() { "$ORDO" bench "$@" --out-dir "$OUT" --threads 1 --time-limit 10 >/dev/null; }
for gen in gt-active gt-nondelay; do
  for rule in spt lpt mwkr lwkr mopnr fifo fdd-mwkr random; do
    run ta --solver "$gen" -p rule="$rule" --name "ta-$gen-$rule"
  done
done
for scheme in sgs-serial sgs-parallel; do
  for rule in lft lst mts grpw random; do
    for set in j30 j60 j120; do
      run "$set" --solver "$scheme" -p rule="$rule" --name "$set-$scheme-$rule"
    done
  done
done
for rule in edd spt wspt mdd wmdd atc covert; do
  for set in wt40 wt50 wt100; do
    run "$set" --solver sm-dispatch -p rule="$rule" --name "$set-sm-dispatch-$rule"
  done
done
echo "results in $OUT"
