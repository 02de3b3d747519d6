#!/usr/bin/env python3
"""Merge the per-instance CSVs of several `ordo bench` runs (parts of one set, run with the same
binary and settings) and print the summary row of `ordo bench`'s report for the union.

Usage: scripts/merge_bench.py NAME part1.csv part2.csv ...

Why: a full set at a long time limit (J120 at 60 s: 600 runs, about 6 hours on 2 cores) is run
in parts, one suite each (bench/suites/j120-part1..4.csv: rows 1-150, 151-300, ... of j120.csv); this recomputes the table from the
instances themselves rather than averaging the parts' averages. Fails when an instance
appears twice or a run has an error."""
import csv
import sys


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    name, paths = argv[1], argv[2:]
    rows, seen = [], set()
    for path in paths:
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                if row["instance"] in seen:
                    sys.exit(f"{path}: instance {row['instance']} appears twice")
                seen.add(row["instance"])
                rows.append(row)
    if not rows:
        sys.exit("no instances")

    def mean(values):
        return sum(values) / len(values) if values else float("nan")

    def number(row, key):
        return float(row[key]) if row.get(key) else None

    # The same definitions as the summary of `ordo bench` (src/report/bench.cc).
    for r in rows:
        if r.get("error"):
            sys.exit(f"instance {r['instance']}: {r['error']}")
    checked = sum(1 for r in rows if r["verified"] == "1")
    gaps = [number(r, "gap_percent") for r in rows if number(r, "gap_percent") is not None]
    devs = [number(r, "cpm_deviation_percent") for r in rows if number(r, "cpm_deviation_percent") is not None]
    with_both = [r for r in rows if r["objective"] and r["bks"]]
    objective = sum(float(r["objective"]) for r in with_both)
    bks = sum(float(r["bks"]) for r in with_both)
    reached = sum(1 for r in with_both if float(r["objective"]) <= float(r["bks"]))
    proved = sum(1 for r in rows if r["status"] == "OPTIMAL" and r["verified"] == "1")
    to_best = mean([float(r["seconds_to_best"]) for r in rows])
    seconds = mean([float(r["seconds"]) for r in rows])
    ratio = 100.0 * (objective / bks - 1) if bks else float("nan")
    print("| set | instances | checked | mean gap to BKS % | sum obj / sum BKS - 1 % | mean deviation from CPM bound % "
          "| BKS reached | proved optimal | mean time to best s | mean time s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {name} | {len(rows)} | {checked} | {mean(gaps):.2f} | {ratio:.2f} | "
          f"{mean(devs):.2f} | {reached} | {proved} | {to_best:.2f} | {seconds:.2f} |")


if __name__ == "__main__":
    main(sys.argv)
