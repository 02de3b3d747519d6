#!/usr/bin/env bash
# Single-machine benchmarks of BENCHMARKS.md §7.
#   wt:    OR-Library wt40/50/100 with the default solver `sm` (BKS hits, excess over the BKS,
#          times to the best, proofs);
#   smtt:  generated Potts-Van Wassenhove 1||sum T_j sets (TF 0.2-0.8, RDD 0.2-1.0, seed 1;
#          5 instances per class, 1 for n = 1000) solved exactly by `sm`, and the rules EDD,
#          EDDC, MDD, MDDC, PSK and a 200-kick iterated dynasearch measured against the optima;
#   release: generated 1|r_j|sum w_j T_j sets (Chu's scheme: alpha 0.5-1.5, beta 0.05-0.5,
#          seed 1, 5 instances per class, n = 50, 100, 200): ATC-k, the best rule, 200 kicks
#          of the iterated descent, and `sm` at 1 s and at the time limit, each against the
#          best objective any of them found (no optimum is known).
# Usage: scripts/bench_tardiness.sh wt|smtt|release [ordo-binary] [time-limit] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:?wt, smtt or release}"; ORDO="${2:-build/apps/ordo}"; LIMIT="${3:-10}"; THREADS="${4:-2}"
OUT=bench/results/single_machine
mkdir -p "$OUT"
if [ "$WHAT" = wt ]; then
  for set in wt40 wt50 wt100; do
    "$ORDO" bench "$set" --solver sm --time-limit "$LIMIT" --threads "$THREADS" --out-dir "$OUT" \
      --name "$set-sm-${LIMIT}s-${THREADS}t" >/dev/null
  done
  python3 scripts/tardiness_table.py wt "$OUT"/wt{40,50,100}-sm-"${LIMIT}"s-"${THREADS}"t.csv
elif [ "$WHAT" = release ]; then
  for n in 50 100 200; do
    suite="out/smwt-r/smwt-r-n$n-s1.csv"
    "$ORDO" generate tardiness --jobs "$n" --weighted --release-factors 0.5 1 1.5 --per-class 5 --seed 1 --out-dir out/smwt-r >/dev/null
    for rule in atc-k best; do
      "$ORDO" bench "$suite" --solver sm-dispatch -p rule=$rule --time-limit "$LIMIT" --threads 1 --out-dir "$OUT" \
        --name "smwt-r-n$n-$rule" >/dev/null
    done
    "$ORDO" bench "$suite" --solver sm -p max_kicks=200 --time-limit "$LIMIT" --threads 1 --out-dir "$OUT" \
      --name "smwt-r-n$n-kicks200" >/dev/null
    "$ORDO" bench "$suite" --solver sm --time-limit 1 --threads "$THREADS" --out-dir "$OUT" \
      --name "smwt-r-n$n-sm-1s-${THREADS}t" >/dev/null
    "$ORDO" bench "$suite" --solver sm --time-limit "$LIMIT" --threads "$THREADS" --out-dir "$OUT" \
      --name "smwt-r-n$n-sm-${LIMIT}s-${THREADS}t" >/dev/null
  done
  python3 scripts/tardiness_table.py release "$OUT" "${LIMIT}s-${THREADS}t" "1s-${THREADS}t"
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
