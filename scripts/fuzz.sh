#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS seconds
# (default 5) on the seed corpus in fuzz/corpus/<target>/ (created from bundled files).
# Usage: scripts/fuzz.sh [SECONDS] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-5}"; shift || true
TARGETS=("$@"); [ ${#TARGETS[@]} -eq 0 ] && TARGETS=(jobshop taillard fjs sm rcp wt json solution)
BUILD=build-fuzz
CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORDO_FUZZ=ON \
  -DORDO_BUILD_TESTS=OFF -DORDO_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

seed() {  # target -> seed files
  case "$1" in
    jobshop) ls bench/instances/jssp/{ft06,la01,orb07}.txt ;;
    taillard) printf '2 3\n5 6 7\n1 2 3\n1 2 3\n3 2 1\n' > "$2/t.txt" ;;
    fjs) ls bench/instances/fjsp/brandimarte/mk01.fjs bench/instances/fjsp/kacem/kacem1.fjs ;;
    sm) ls bench/instances/rcpsp/j30/j301_1.sm ;;
    rcp) printf '4 1\n3\n0 0 2 2 3\n3 2 1 4\n4 2 1 4\n0 0 0\n' > "$2/p.rcp" ;;
    wt) printf '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18\n' > "$2/w.txt" ;;
    json) ls examples/*.json ;;
    solution) printf 'job,op,machine,start,end\n0,0,0,0,3\n' > "$2/s.csv" ;;
  esac
}

for t in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$t"; mkdir -p "$corpus"
  for f in $(seed "$t" "$corpus" 2>/dev/null); do cp "$f" "$corpus/"; done
  echo "fuzz_$t: ${SECONDS_EACH}s"
  "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=0 "$corpus" 2>"$BUILD/fuzz_$t.log" || { tail -40 "$BUILD/fuzz_$t.log"; exit 1; }
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$BUILD/fuzz_$t.log" | tail -1 || true
done
echo "fuzz: all targets ran clean"
