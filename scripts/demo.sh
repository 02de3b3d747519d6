#!/usr/bin/env bash
# The main job on a bundled instance: installs what is missing, builds (Release), solves the
# job shop ft10, checks the schedule with the independent checker, writes a Gantt page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
mkdir -p out
build/apps/ordo solve bench/instances/jssp/ft10.txt --time-limit 10 --out out/ft10.json --gantt out/ft10.html
build/apps/ordo check bench/instances/jssp/ft10.txt out/ft10.json
echo "Gantt chart: $(pwd)/out/ft10.html"
