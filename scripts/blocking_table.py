#!/usr/bin/env python3
"""Per-size-class comparison of `ordo bench` results on a blocking suite with the CP reference
values of bench/instances/blocking_jssp/reference_values.csv (30-minute runs, 4 workers, blocking
with swaps allowed; see that folder's README).

Usage: python3 scripts/blocking_table.py RESULTS.csv [SUITE]
  RESULTS.csv  a CSV written by `ordo bench blocking-<family> ...`
  SUITE        the suite it ran (default: guessed from the file name, e.g. blocking-la)

For each size class: mean gap (objective - ref) / ref in % to best_ub (the better of the two CP
solvers), to CP Optimizer's and to OptalCP's value, and how many instances are strictly better
(<), equal (=) or worse (>) than best_ub. Results of runs without swaps are compared with the
same (with-swaps) values, which are then only a yardstick: no-swap optima are >= with-swap optima.
Stdlib only.
"""
import csv
import os
import re
import sys
from collections import OrderedDict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    results = sys.argv[1]
    suite = sys.argv[2] if len(sys.argv) > 2 else None
    if suite is None:
        m = re.match(r"(blocking-[a-z]+)", os.path.basename(results))
        if not m:
            sys.exit("cannot guess the suite from the file name; give it as the second argument")
        suite = m.group(1)
    ref = {r["instance"]: r for r in csv.DictReader(open(os.path.join(ROOT, "bench", "suites", suite + ".csv")))}
    rows = [r for r in csv.DictReader(open(results)) if r["objective"]]
    classes = OrderedDict()
    for r in rows:
        classes.setdefault(r["size_class"], []).append(r)

    def gap(r, column):
        value = int(ref[r["instance"]][column])
        return 100.0 * (int(r["objective"]) - value) / value

    print(f"\n`{results}` against the CP reference values ({suite})\n")
    print("| size class | instances | checked | mean gap to best_ub % | to cpo_ub % | to optalcp_ub % | < / = / > best_ub |")
    print("|---|---|---|---|---|---|---|")

    def line(name, rs):
        checked = sum(int(r["verified"]) for r in rs)
        means = [sum(gap(r, c) for r in rs) / len(rs) for c in ("bks", "cpo_ub", "optalcp_ub")]
        below = sum(1 for r in rs if int(r["objective"]) < int(ref[r["instance"]]["bks"]))
        equal = sum(1 for r in rs if int(r["objective"]) == int(ref[r["instance"]]["bks"]))
        print(f"| {name} | {len(rs)} | {checked} | {means[0]:.2f} | {means[1]:.2f} | {means[2]:.2f} | "
              f"{below} / {equal} / {len(rs) - below - equal} |")

    for name, rs in classes.items():
        line(name, rs)
    if len(classes) > 1:
        line("**all**", rows)


if __name__ == "__main__":
    main()
