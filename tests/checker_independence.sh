#!/usr/bin/env bash
# Fails if a checker source includes anything from the project other than the model or the
# checker itself, or if the ordo_check target links anything but the model (and fmt).
set -u
root="$1"
bad=$(grep -hE '^\s*#\s*include\s*"' "$root"/src/check/*.h "$root"/src/check/*.cc | grep -vE '"(model|check)/' || true)
if [ -n "$bad" ]; then echo "checker includes non-model headers:"; echo "$bad"; exit 1; fi
# The checker computes operation ends (resumable operations) itself, not with the helper the
# solvers and writers share.
if grep -qE '#\s*include\s*"model/calendar.h"' "$root"/src/check/*; then echo "checker uses model/calendar.h"; exit 1; fi
links=$(awk '/add_library\(ordo_check/,/\)/' "$root/src/CMakeLists.txt"; grep -E 'target_link_libraries\(ordo_check ' "$root/src/CMakeLists.txt")
if echo "$links" | grep -qE 'ordo_(solve|io|report)'; then echo "ordo_check links a solver or io library:"; echo "$links"; exit 1; fi
echo "checker independence: ok"
