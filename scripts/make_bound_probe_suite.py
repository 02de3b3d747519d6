#!/usr/bin/env python3
"""Make a lower-bound probe of a PSPLIB suite: every activity of each instance whose best-known
makespan is proved optimal (suite column optimal = 1) gets the deadline D = optimum - 1, so the
probe is infeasible and an exact engine that proves it so has proved the optimum's lower bound,
without having to find the optimal schedule first.

Usage: scripts/make_bound_probe_suite.py ORDO SUITE.csv OUT_DIR OUT_SUITE.csv

Example (the J60 probe of BENCHMARKS.md 6.4: the 22 instances with a known optimum that the
hybrid did not prove within 60 s):
  scripts/make_bound_probe_suite.py build/apps/ordo bench/suites/j60-open22.csv \\
      /tmp/j60-probe /tmp/j60-open22-probe.csv
  build/apps/ordo bench /tmp/j60-open22-probe.csv --solver project-lcg -p feasibility=1 \\
      -p explain=0 -p search=activity --time-limit 30 --threads 1 --out-dir /tmp --name probe

Why: it separates the two halves of a proof of optimality, finding the optimum and proving that
nothing shorter exists, and says which one limits the exact engine."""
import csv
import os
import sys
import tempfile

from suite_variant import make_variant_suite


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    ordo, suite, out_dir, out_suite = argv[1:]
    with open(suite, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("optimal") == "1" and r.get("bks")]
    if not rows:
        sys.exit(f"{suite}: no instance with a proved optimum (columns bks, optimal)")
    with tempfile.TemporaryDirectory() as tmp:
        proved = os.path.join(tmp, "proved.csv")
        with open(proved, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        optimum = os.path.join(tmp, "optimum.csv")
        with open(optimum, "w", newline="") as f:
            f.write("instance,objective\n")
            for r in rows:
                f.write(f"{r['instance']},{r['bks']}\n")

        def change(instance, best):
            for op in instance["operations"]:
                op["deadline"] = best - 1

        make_variant_suite(ordo, proved, optimum, out_dir, out_suite, "probe", change, {"bks": "", "optimal": "0"})


if __name__ == "__main__":
    main(sys.argv)
