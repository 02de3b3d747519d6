#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer, runs
# every test (unit, property, golden, CLI) with ctest, then each libFuzzer target briefly.
# Usage: scripts/test.sh [fuzz-seconds-per-target]   (default 5; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${1:-5}"
scripts/setup.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DORDO_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
if [ "$FUZZ_SECONDS" != "0" ]; then
  scripts/fuzz.sh "$FUZZ_SECONDS"
fi
