#!/usr/bin/env python3
"""Reference rows for a job-shop results table: per size class of one `ordo bench` CSV, the mean
gap to the same BKS and the number proved optimal (lb == ub) of the CP engines in
bench/reference/jssp_engines_600s_4cores.csv (600 s, 4 cores; see bench/reference/README.md),
next to our own figures from the CSV; and, where the suite has them, CP-SAT 7.1 measured on this
project's machine type (bench/reference/jssp_small_cpsat71_here_60s_1thread.csv, 60 s, 1 worker;
"n/s" counts its instances without any solution, left out of its mean gap).
Usage: python3 scripts/reference_rows.py bench/results/jobshop/ta-tabu-60s-2t.csv [label]"""
import csv
import sys
from collections import OrderedDict

ENGINES = [("CP-SAT 9.15", "cpsat_9_15"), ("CP Optimizer 22.1", "cpo_22_1_1"), ("OptalCP 2026.4", "optalcp_2026_4")]

ours_path = sys.argv[1]
label = sys.argv[2] if len(sys.argv) > 2 else "Ordo"
ours = list(csv.DictReader(open(ours_path)))
ref = {r["instance"].removesuffix("js"): r for r in csv.DictReader(open("bench/reference/jssp_engines_600s_4cores.csv"))}
classes = OrderedDict()
for r in ours:
    classes.setdefault(r["size_class"], []).append(r)
names = list(classes) + (["all"] if len(classes) > 1 else [])


def rows_of(name):
    return ours if name == "all" else classes[name]


def cell(gaps, proved):
    return f"{sum(gaps) / len(gaps):.2f} ({proved})" if gaps else "-"


print("| method (mean gap to BKS %, proved optimal) | " + " | ".join(names) + " |")
print("|---" * (len(names) + 1) + "|")
line = []
for name in names:
    rs = rows_of(name)
    gaps = [float(r["gap_percent"]) for r in rs if r["gap_percent"]]
    proved = sum(1 for r in rs if r["status"] == "OPTIMAL" and r["verified"] == "1")
    line.append(cell(gaps, proved))
print(f"| **{label}** | " + " | ".join(line) + " |")
for title, key in ENGINES:
    line = []
    for name in names:
        gaps, proved = [], 0
        for r in rows_of(name):
            e = ref.get(r["instance"])
            if not e or not e.get(f"{key}_ub") or not r["bks"]:
                continue
            ub, bks = int(e[f"{key}_ub"]), int(r["bks"])
            gaps.append((ub - bks) / bks * 100)
            proved += e.get(f"{key}_lb") == e[f"{key}_ub"]
        line.append(cell(gaps, proved))
    print(f"| {title}, 600 s, 4 cores | " + " | ".join(line) + " |")

here = {r["instance"]: r for r in csv.DictReader(open("bench/reference/jssp_small_cpsat71_here_60s_1thread.csv"))}
if any(r["instance"] in here for r in ours):
    line = []
    for name in names:
        gaps, proved, unsolved = [], 0, 0
        for r in rows_of(name):
            e = here.get(r["instance"])
            if not e or not r["bks"]:
                continue
            if e["makespan"] in ("", "NA"):
                unsolved += 1
                continue
            bks = int(r["bks"])
            gaps.append((int(e["makespan"]) - bks) / bks * 100)
            proved += e["status"] == "OPTIMAL"
        text = cell(gaps, proved)
        line.append(text + (f" {unsolved} n/s" if unsolved else ""))
    print("| CP-SAT 7.1, 60 s, 1 worker, this machine type | " + " | ".join(line) + " |")
