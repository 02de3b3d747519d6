#!/usr/bin/env python3
"""Make a project-deadline variant of a PSPLIB suite: every activity of each instance gets the
deadline D = ceil(makespan x (1 + slack)), where makespan is what a reference run reached on that
instance without a deadline, so that a schedule meeting D is known to exist.

Usage: scripts/make_deadline_suite.py ORDO SUITE.csv RESULTS.csv SLACK_PERCENT OUT_DIR OUT_SUITE.csv

Example (the sets of BENCHMARKS.md 6.5):
  scripts/make_deadline_suite.py build/apps/ordo bench/suites/j120-dev10.csv \\
      bench/results/project/j120-project-10s-2t.csv 2 bench/instances/rcpsp/j120-deadline \\
      bench/suites/j120-dev10-deadline2.csv

Why: with deadlines the genetic algorithm used to be off, and a deadline a little above the best
makespan is where that showed (no schedule at all). The instances are written in Ordo's JSON
format (`ordo convert`), the only one of the bundled formats with deadlines; the best-known
values of the suite stay valid, since D is at least the reference makespan, itself at least
the best known."""
import math
import sys

from suite_variant import make_variant_suite


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    ordo, suite, results, slack, out_dir, out_suite = argv[1:]
    slack = float(slack)

    def change(instance, makespan):
        deadline = math.ceil(makespan * (1 + slack / 100))
        for op in instance["operations"]:
            op["deadline"] = deadline

    make_variant_suite(ordo, suite, results, out_dir, out_suite, f"dl{slack:g}", change)


if __name__ == "__main__":
    main(sys.argv)
