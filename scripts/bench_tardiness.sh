#!/usr/bin/env bash
# Single-machine benchmarks of BENCHMARKS.md §7.
#   wt:    OR-Library wt40/50/100 with the default solver `sm` (BKS hits, excess over the BKS,
#          times to the best, proofs);
#   smtt:  generated Potts-Van Wassenhove 1||sum T_j sets (TF 0.2-0.8, RDD 0.2-1.0, seed 1;
#          5 instances per class, 1 for n = 1000) solved exactly by `sm`, and the rules EDD,
#          EDDC, MDD, MDDC, PSK and a 200-kick iterated dynasearch measured against the optima.
# Usage: scripts/bench_tardiness.sh wt|smtt [ordo-binary] [time-limit] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:?wt or smtt}"; ORDO="${2:-build/apps/ordo}"; LIMIT="${3:-10}"; THREADS="${4:-2}"
OUT=bench/results/single_machine
mkdir -p "$OUT"
if [ "$WHAT" = wt ]; then
  for set in wt40 wt50 wt100; do
    "$ORDO" bench "$set" --solver sm --time-limit "$LIMIT" --threads "$THREADS" --out-dir "$OUT" \
      --name "$set-sm-${LIMIT}s-${THREADS}t" >/dev/null
  done
  python3 scripts/tardiness_table.py wt "$OUT"/wt{40,50,100}-sm-"${LIMIT}"s-"${THREADS}"t.csv
else
  for n in 20 100 200 500 1000; do
    per=5; [ "$n" = 1000 ] && per=1
    suite="out/smtt/smtt-n$n-s1.csv"
    "$ORDO" generate tardiness --jobs "$n" --per-class "$per" --seed 1 --out-dir out/smtt >/dev/null
    "$ORDO" bench "$suite" --solver sm --time-limit "$LIMIT" --threads "$THREADS" --out-dir "$OUT" \
      --name "smtt-n$n-sm-${LIMIT}s-${THREADS}t" >/dev/null
    for rule in edd eddc mdd mddc psk; do
      "$ORDO" bench "$suite" --solver sm-dispatch -p rule=$rule --time-limit "$LIMIT" --threads 1 --out-dir "$OUT" \
        --name "smtt-n$n-$rule" >/dev/null
    done
    "$ORDO" bench "$suite" --solver sm -p exact=false -p lagrangian_iterations=0 -p max_kicks=200 --time-limit "$LIMIT" --threads 1 --out-dir "$OUT" \
      --name "smtt-n$n-dynasearch200" >/dev/null
  done
  python3 scripts/tardiness_table.py smtt "$OUT" "${LIMIT}s-${THREADS}t"
fi
