#!/usr/bin/env bash
# End-to-end tests of the `ordo` command line: solve a bundled job shop, check the result,
# reject a malformed file with file:line, write a well-formed Gantt page with one bar per
# operation, list solvers, run a tiny benchmark suite, solve a blocking shop and run a blocking suite.
# Usage: tests/cli_test.sh ORDO_BINARY REPO_ROOT
set -u
ORDO="$1"; ROOT="$2"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"
pass=0; fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {  # name, expected exit code, command...
  local name="$1" code="$2"; shift 2
  "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
  if [ "$got" -eq "$code" ]; then ok "$name"; else bad "$name (exit $got, expected $code)"; cat "$TMP/out" "$TMP/err"; fi
}

expect "solve ft06" 0 "$ORDO" solve bench/instances/jssp/ft06.txt -q --out "$TMP/ft06.json" --gantt "$TMP/ft06.html"
grep -Eq "status (FEASIBLE|OPTIMAL) makespan [0-9]+ bound [0-9]+ gap" "$TMP/out" && ok "summary line" || { bad "summary line"; cat "$TMP/out"; }
expect "check ft06 json" 0 "$ORDO" check bench/instances/jssp/ft06.txt "$TMP/ft06.json"
grep -q "feasible: yes" "$TMP/out" && ok "check says feasible" || bad "check says feasible"
python3 tests/gantt_wellformed.py "$TMP/ft06.html" 36 && ok "gantt well-formed, 36 bars" || bad "gantt well-formed"

expect "solve ft06 csv" 0 "$ORDO" solve bench/instances/jssp/ft06.txt -q --out "$TMP/ft06.csv"
head -1 "$TMP/ft06.csv" | grep -qx "job,op,machine,start,end" && ok "csv header" || bad "csv header"
expect "check ft06 csv" 0 "$ORDO" check bench/instances/jssp/ft06.txt "$TMP/ft06.csv"

# A wrong objective and an overlapping schedule are rejected.
sed 's/"objective": [0-9]*/"objective": 1/' "$TMP/ft06.json" > "$TMP/wrong.json"
expect "check wrong objective" 1 "$ORDO" check bench/instances/jssp/ft06.txt "$TMP/wrong.json"
awk -F, 'NR==1{print;next}{$4=0; $5=""; print}' OFS=, "$TMP/ft06.csv" | sed 's/,$//' > /dev/null
python3 - "$TMP/ft06.json" "$TMP/overlap.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for op in s["operations"]:
    op["end"] -= op["start"]; op["start"] = 0
json.dump(s, open(sys.argv[2], "w"))
PY
expect "check overlapping schedule" 1 "$ORDO" check bench/instances/jssp/ft06.txt "$TMP/overlap.json"
grep -q "violation (machine-overlap)" "$TMP/out" && ok "overlap named" || bad "overlap named"

printf '2 2\n0 3 1 x\n1 2 0 4\n' > "$TMP/bad.txt"
expect "malformed file" 2 "$ORDO" solve "$TMP/bad.txt"
grep -q "bad.txt:2: expected an integer" "$TMP/err" && ok "file:line in error" || { bad "file:line in error"; cat "$TMP/err"; }
expect "missing file" 2 "$ORDO" solve "$TMP/none.txt"
expect "unknown solver" 2 "$ORDO" solve bench/instances/jssp/ft06.txt --solver nope
grep -q "valid solvers:" "$TMP/err" && ok "unknown solver lists names" || bad "unknown solver lists names"
expect "bad param" 2 "$ORDO" solve bench/instances/jssp/ft06.txt --solver gt-active -p rule=nope
expect "wrong family" 2 "$ORDO" solve bench/instances/jssp/ft06.txt --solver sm-dispatch

expect "solve j30" 0 "$ORDO" solve bench/instances/rcpsp/j30/j301_1.sm -q --out "$TMP/j30.csv" --gantt "$TMP/j30.html"
head -1 "$TMP/j30.csv" | grep -qx "activity,mode,start,end" && ok "rcpsp csv header" || bad "rcpsp csv header"
expect "check j30" 0 "$ORDO" check bench/instances/rcpsp/j30/j301_1.sm "$TMP/j30.csv"
python3 tests/gantt_wellformed.py "$TMP/j30.html" 32 && ok "rcpsp gantt, 32 bars" || bad "rcpsp gantt"
expect "solve wt40 #1" 0 "$ORDO" solve bench/instances/smwt/wt40.txt --index 1 -q --out "$TMP/wt.csv"
head -1 "$TMP/wt.csv" | grep -qx "job,start,end" && ok "single machine csv header" || bad "single machine csv header"
grep -q "solver sm " "$TMP/out" && grep -q "status OPTIMAL total_weighted_tardiness 913 " "$TMP/out" && ok "wt40 #1: default sm, OPTIMAL 913" || { bad "wt40 #1: default sm, OPTIMAL 913"; cat "$TMP/out"; }
expect "generate tardiness" 0 "$ORDO" generate tardiness --jobs 30 --per-class 1 --seed 2 --out-dir "$TMP/smtt"
[ "$(ls "$TMP/smtt"/*.json | wc -l)" -eq 20 ] && ok "tardiness set has 20 instances" || bad "tardiness set has 20 instances"
expect "bench tardiness" 0 "$ORDO" bench "$TMP/smtt/smtt-n30-s2.csv" -t 5 --out-dir "$TMP/smttbench" --name smtt
[ "$(grep -c ',OPTIMAL,1,' "$TMP/smttbench/smtt.csv")" -eq 20 ] && ok "1||sum T_j n=30: 20/20 proved and checked" || { bad "1||sum T_j n=30 proved"; cat "$TMP/smttbench/smtt.csv"; }
expect "solve mk01" 0 "$ORDO" solve bench/instances/fjsp/brandimarte/mk01.fjs -q
expect "solve json example" 0 "$ORDO" solve examples/rcpsp_calendar.json -q
expect "j30 proved by default" 0 "$ORDO" solve bench/instances/rcpsp/j30/j301_1.sm -q
grep -q "solver project " "$TMP/out" && grep -q "status OPTIMAL makespan 43" "$TMP/out" && ok "j30 default is project, OPTIMAL" || { bad "j30 default is project, OPTIMAL"; cat "$TMP/out"; }
expect "migration plan" 0 "$ORDO" solve examples/datacentre_migration.json -q
grep -q "checked ok" "$TMP/out" && ok "migration plan checked" || bad "migration plan checked"
expect "migration explained" 0 "$ORDO" solve examples/datacentre_migration_tight.json -q
grep -q "status INFEASIBLE" "$TMP/out" && grep -q 'must end by 30 (its deadline)' "$TMP/out" && ok "infeasible migration explained" || { bad "infeasible migration explained"; cat "$TMP/out"; }
expect "generate ramp" 0 "$ORDO" generate ramp --tasks 12 --precedence-levels 8 --constraint-levels 12 --seed 3 --out-dir "$TMP/ramp"
[ "$(ls "$TMP/ramp"/*.json | wc -l)" -eq 20 ] && ok "ramp has 20 levels" || bad "ramp has 20 levels"
expect "bench ramp" 0 "$ORDO" bench "$TMP/ramp/ramp-n12-s3.csv" --solver project -p feasibility=1 -t 5 --out-dir "$TMP/rampbench"
grep -q "proved infeasible" "$TMP/rampbench/ramp-n12-s3-project.md" && ok "ramp report counts proofs" || bad "ramp report counts proofs"
expect "convert" 0 "$ORDO" convert bench/instances/jssp/ft06.txt "$TMP/ft06_native.json"
expect "solve converted" 0 "$ORDO" solve "$TMP/ft06_native.json" -q
expect "solvers" 0 "$ORDO" solvers
grep -q "gt-active" "$TMP/out" && grep -q "rule" "$TMP/out" && ok "solvers lists params" || bad "solvers lists params"
expect "bench smoke" 0 "$ORDO" bench smoke-jssp --solver gt-active -p rule=mwkr --out-dir "$TMP/bench"
[ -s "$TMP/bench/smoke-jssp-gt-active.csv" ] && grep -q "mean gap" "$TMP/bench/smoke-jssp-gt-active.md" && ok "bench writes csv and md" || bad "bench writes csv and md"
expect "solve blocking, no swaps" 0 "$ORDO" solve bench/instances/jssp/la01.txt --no-swaps -t 0.3 -q --out "$TMP/la01b.json"
grep -q "solver blocking-ig" "$TMP/out" && ok "blocking default solver" || { bad "blocking default solver"; cat "$TMP/out"; }
expect "bench blocking suite" 0 "$ORDO" bench blocking-la --limit 1 -t 0.2 --out-dir "$TMP/bench"
grep -q "blocking, swaps allowed" "$TMP/bench/blocking-la-blocking-ig.md" && ok "blocking suite runs as blocking" || bad "blocking suite runs as blocking"
python3 scripts/blocking_table.py "$TMP/bench/blocking-la-blocking-ig.csv" >"$TMP/table" && grep -q "to optalcp_ub" "$TMP/table" && ok "blocking table" || bad "blocking table"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
