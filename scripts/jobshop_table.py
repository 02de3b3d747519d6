#!/usr/bin/env python3
"""Per-size-class summary of `ordo bench` CSVs for job shop suites (BENCHMARKS.md, section 3).
Usage: python3 scripts/jobshop_table.py bench/results/jobshop/ta-tabu-10s-2t.csv [more.csv ...]"""
import csv
import sys
from collections import OrderedDict

for path in sys.argv[1:]:
    rows = list(csv.DictReader(open(path)))
    classes = OrderedDict()
    for r in rows:
        classes.setdefault(r["size_class"], []).append(r)
    print(f"\n`{path}`\n")
    print("| size class | instances | checked | mean gap to BKS % | BKS reached | proved optimal | mean time to best s | mean time s |")
    print("|---|---|---|---|---|---|---|---|")
    def line(name, rs):
        gaps = [float(r["gap_percent"]) for r in rs if r["gap_percent"]]
        hits = sum(1 for r in rs if r["objective"] and r["bks"] and int(r["objective"]) <= int(r["bks"]))
        proved = sum(1 for r in rs if r["status"] == "OPTIMAL" and r["verified"] == "1")
        checked = sum(int(r["verified"]) for r in rs)
        secs = sum(float(r["seconds"]) for r in rs) / len(rs)
        best = sum(float(r.get("seconds_to_best") or 0) for r in rs) / len(rs)
        tb = f"{best:.2f}" if "seconds_to_best" in rs[0] else "-"
        print(f"| {name} | {len(rs)} | {checked} | {sum(gaps) / len(gaps):.2f} | {hits} | {proved} | {tb} | {secs:.2f} |")
    for name, rs in classes.items():
        line(name, rs)
    if len(classes) > 1:
        line("**all**", rows)
