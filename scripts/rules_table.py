#!/usr/bin/env python3
"""Summarises the CSVs of scripts/bench_rules.sh into the Markdown tables of BENCHMARKS.md.
Usage: python3 scripts/rules_table.py bench/results/foundation"""
import csv
import glob
import os
import sys
from collections import defaultdict

out_dir = sys.argv[1]


def load(name):
    with open(os.path.join(out_dir, name + ".csv")) as f:
        return list(csv.DictReader(f))


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def checked(rows):
    return sum(int(r["verified"]) for r in rows)


# Job shop: mean gap per Taillard size class.
classes = ["15x15", "20x15", "20x20", "30x15", "30x20", "50x15", "50x20", "100x20"]
for gen in ["gt-active", "gt-nondelay"]:
    print(f"\n**{gen}** — mean gap to BKS % per size class (ta01–80)\n")
    print("| rule | " + " | ".join(classes) + " | all 80 | checked |")
    print("|---" * (len(classes) + 3) + "|")
    for rule in ["spt", "lpt", "mwkr", "lwkr", "mopnr", "fifo", "fdd-mwkr", "random"]:
        name = f"ta-{gen}-{rule}"
        if not os.path.exists(os.path.join(out_dir, name + ".csv")):
            continue
        rows = load(name)
        by = defaultdict(list)
        for r in rows:
            by[r["size_class"]].append(float(r["gap_percent"]))
        cells = [f"{mean(by[c]):.1f}" for c in classes]
        allg = mean([float(r["gap_percent"]) for r in rows])
        print(f"| {rule} | " + " | ".join(cells) + f" | {allg:.2f} | {checked(rows)}/{len(rows)} |")

# RCPSP: mean deviation from the CPM bound and mean gap to BKS.
print("\n**RCPSP** — mean deviation from the critical-path bound % / mean gap to BKS %\n")
print("| scheme | rule | j30 | j60 | j120 | checked |")
print("|---|---|---|---|---|---|")
for scheme in ["sgs-serial", "sgs-parallel"]:
    for rule in ["lft", "lst", "mts", "grpw", "random"]:
        cells, ok, total = [], 0, 0
        for s in ["j30", "j60", "j120"]:
            name = f"{s}-{scheme}-{rule}"
            if not os.path.exists(os.path.join(out_dir, name + ".csv")):
                cells.append("-")
                continue
            rows = load(name)
            cells.append(f"{mean([float(r['cpm_deviation_percent']) for r in rows]):.2f} / "
                         f"{mean([float(r['gap_percent']) for r in rows]):.2f}")
            ok += checked(rows)
            total += len(rows)
        print(f"| {scheme} | {rule} | " + " | ".join(cells) + f" | {ok}/{total} |")

# Single machine: sum of objectives over sum of best-known minus one, and BKS hits.
print("\n**Single machine 1||ΣwjTj** — (Σ objective / Σ best-known − 1) % and best-known values reached\n")
print("| rule | wt40 | wt50 | wt100 | checked |")
print("|---|---|---|---|---|")
for rule in ["edd", "spt", "wspt", "mdd", "wmdd", "atc", "covert"]:
    cells, ok, total = [], 0, 0
    for s in ["wt40", "wt50", "wt100"]:
        name = f"{s}-sm-dispatch-{rule}"
        if not os.path.exists(os.path.join(out_dir, name + ".csv")):
            cells.append("-")
            continue
        rows = load(name)
        obj = sum(int(r["objective"]) for r in rows)
        bks = sum(int(r["bks"]) for r in rows)
        hits = sum(1 for r in rows if int(r["objective"]) <= int(r["bks"]))
        cells.append(f"{100 * (obj / bks - 1):.2f} ({hits} hits)")
        ok += checked(rows)
        total += len(rows)
    print(f"| {rule} | " + " | ".join(cells) + f" | {ok}/{total} |")
