#!/usr/bin/env bash
# The shop-engine benchmark sweep behind BENCHMARKS.md section 3 (issue 3): job shop, flexible
# job shop and blocking job shop suites with 2 threads, one run at a time, every result
# checked by the independent checker. Takes hours; run it on a quiet machine.
# Usage: scripts/bench_shops.sh [part...]   parts: js10 js60 fjsp blocking (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
ORDO=build/apps/ordo
PARTS=("$@"); [ ${#PARTS[@]} -eq 0 ] && PARTS=(js10 js60 fjsp blocking)
run() {  # suite solver seconds out-dir name [extra...]
  local suite=$1 solver=$2 t=$3 dir=$4 name=$5; shift 5
  mkdir -p "$dir"
  echo "$(date -u +%H:%M) $name"
  "$ORDO" bench "$suite" --solver "$solver" --time-limit "$t" --threads 2 --out-dir "$dir" --name "$name" "$@" >/dev/null
}
for part in "${PARTS[@]}"; do
  case "$part" in
    js10)
      for s in ta dmu; do run "$s" jobshop-tabu 10 bench/results/jobshop "$s-tabu-10s-2t"; done ;;
    js60)
      for s in ta dmu la abz orb swv yn ft; do run "$s" jobshop-tabu 60 bench/results/jobshop "$s-tabu-60s-2t"; done ;;
    fjsp)
      for s in mk hurink-e hurink-r hurink-v dpp; do run "$s" fjsp-tabu 60 bench/results/fjsp "$s-fjsp-tabu-60s-2t"; done ;;
    blocking)
      run blocking-la blocking-ig 60 bench/results/blocking la-blocking-ig-60s-2t-swaps
      run blocking-la blocking-ig 60 bench/results/blocking la-blocking-ig-60s-2t-noswaps --no-swaps ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
