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
import csv
import json
import math
import os
import subprocess
import sys


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    ordo, suite, results, slack, out_dir, out_suite = argv[1:]
    slack = float(slack)
    with open(results, newline="") as f:
        reached = {r["instance"]: int(r["objective"]) for r in csv.DictReader(f) if r["objective"]}
    with open(suite, newline="") as f:
        rows = list(csv.DictReader(f))
    os.makedirs(out_dir, exist_ok=True)
    tag = f"dl{slack:g}"
    with open(out_suite, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            name = row["instance"]
            if name not in reached:
                sys.exit(f"{results}: no makespan for {name}")
            deadline = math.ceil(reached[name] * (1 + slack / 100))
            text = subprocess.run([ordo, "convert", row["file"], "-"], capture_output=True, text=True, check=True).stdout
            instance = json.loads(text)
            for op in instance["operations"]:
                op["deadline"] = deadline
            instance["name"] = f"{name}-{tag}"
            path = os.path.join(out_dir, f"{name}-{tag}.json")
            with open(path, "w") as out:
                json.dump(instance, out, separators=(",", ":"))
                out.write("\n")
            writer.writerow({**row, "instance": instance["name"], "file": path, "format": "json"})


if __name__ == "__main__":
    main(sys.argv)
