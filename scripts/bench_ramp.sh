#!/usr/bin/env bash
# Generates the project feasibility ramps of BENCHMARKS.md §6 (R-ConstraintBench style,
# seeds 1-5, 30 tasks, 3 resources, 40 precedence levels then 30 constraint levels) into
# out/ramp and runs `ordo bench` on each with the project solver asked only for feasibility
# (-p feasibility=1: a schedule, or a proof of infeasibility with its explanation).
# Usage: scripts/bench_ramp.sh [ordo-binary] [time-limit] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
ORDO="${1:-build/apps/ordo}"; LIMIT="${2:-10}"; THREADS="${3:-2}"
for seed in 1 2 3 4 5; do
  "$ORDO" generate ramp --tasks 30 --layers 6 --resources 3 --precedence-levels 40 --constraint-levels 30 \
    --seed "$seed" --out-dir out/ramp >/dev/null
  "$ORDO" bench "out/ramp/ramp-n30-s$seed.csv" --solver project -p feasibility=1 --time-limit "$LIMIT" --threads "$THREADS" \
    --out-dir bench/results/project --name "ramp-n30-s$seed-project-${LIMIT}s-${THREADS}t" >/dev/null
done
python3 scripts/ramp_table.py bench/results/project/ramp-n30-s*-project-"${LIMIT}"s-"${THREADS}"t.csv
