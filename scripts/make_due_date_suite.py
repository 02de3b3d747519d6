#!/usr/bin/env python3
"""Make a due-date variant of a PSPLIB suite: minimise the total weighted tardiness, where
every real activity (one job each in PSPLIB) is due at its earliest finish in the critical-path
schedule stretched to the makespan a reference run reached, times a tightness factor, and
weighs 1, 2 or 3 (drawn with a fixed seed per instance). The dummy start and end weigh 0.

Usage: scripts/make_due_date_suite.py ORDO SUITE.csv RESULTS.csv TIGHTNESS OUT_DIR OUT_SUITE.csv

Example (the set of BENCHMARKS.md 6.6):
  scripts/make_due_date_suite.py build/apps/ordo bench/suites/j120-dev10.csv \\
      bench/results/project/j120-project-10s-2t.csv 1.0 bench/instances/rcpsp/j120-due \\
      bench/suites/j120-dev10-due100.csv

Why: PSPLIB has no due dates, and there is no standard RCPSP set with them; this gives
project-scheduling runs with the tardiness objective on instances whose structure is standard.
The due dates follow the project's own precedence structure (an activity early in the network
is due early), so that meeting them is a resource question. The suite's best-known and bound
columns are makespans, so they are left empty; compare runs by the objective."""
import math
import random
import sys

from suite_variant import make_variant_suite


def earliest_finishes(instance):
    ops = instance["operations"]
    preds = [[] for _ in ops]
    for p in instance.get("precedences", []):
        preds[p["to"]].append(p)
    finish = [None] * len(ops)

    def ef(o):
        # PSPLIB precedences are end-to-start without lags; the suite has no others.
        if finish[o] is None:
            start = 0
            for p in preds[o]:
                if p.get("type", "end_to_start") != "end_to_start" or p.get("lag", 0) != 0:
                    sys.exit(f"{instance['name']}: only plain end-to-start precedences are expected")
                start = max(start, ef(p["from"]))
            finish[o] = start + ops[o]["duration"]
        return finish[o]

    sys.setrecursionlimit(10000)
    return [ef(o) for o in range(len(ops))]


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    ordo, suite, results, tightness, out_dir, out_suite = argv[1:]
    tightness = float(tightness)
    tag = f"due{round(tightness * 100)}"

    def change(instance, makespan):
        finish = earliest_finishes(instance)
        stretch = makespan / max(finish)
        rng = random.Random(f"{instance['name']}-{tag}")
        jobs = instance["jobs"]
        for job in jobs:
            job["weight"] = 0
        for o, op in enumerate(instance["operations"]):
            if op["duration"] == 0:
                continue  # the dummy start and end
            job = jobs[op["job"]]
            job["due"] = math.ceil(finish[o] * stretch * tightness)
            job["weight"] = rng.randint(1, 3)
        instance["objective"] = "total_weighted_tardiness"

    make_variant_suite(ordo, suite, results, out_dir, out_suite, tag, change, overrides={"bks": "", "lb": "", "cpm_lb": "", "optimal": "0"})


if __name__ == "__main__":
    main(sys.argv)
