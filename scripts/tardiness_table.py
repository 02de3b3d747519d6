#!/usr/bin/env python3
"""Tables of BENCHMARKS.md section 7 from `ordo bench` CSV files (scripts/bench_tardiness.sh).

  tardiness_table.py wt FILE...            one row per file: OR-Library wt sets against the BKS
  tardiness_table.py smtt DIR TAG          generated 1||sum T_j sets: exact times, rule gaps
  tardiness_table.py release DIR TAG TAG1  generated 1|r_j|sum w_j T_j sets against the best found
"""
import csv
import statistics
import sys
from pathlib import Path


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def fmt_time(values):
    return f"{statistics.median(values):.3f} | {max(values):.3f}" if values else "- | -"


def wt_table(files):
    print("| set | instances | checked | BKS reached | sum obj / sum BKS - 1 % | proved optimal | median time to best s | max time to best s | mean time to best s | mean time s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in files:
        r = rows(path)
        ok = [x for x in r if x["verified"] == "1"]
        hits = sum(1 for x in ok if x["bks"] and int(x["objective"]) <= int(x["bks"]))
        sum_obj = sum(int(x["objective"]) for x in ok)
        sum_bks = sum(int(x["bks"]) for x in ok if x["bks"])
        excess = 100.0 * (sum_obj / sum_bks - 1) if sum_bks else 0.0
        proved = sum(1 for x in ok if x["status"] == "OPTIMAL")
        ttb = [float(x["seconds_to_best"]) for x in ok]
        total = [float(x["seconds"]) for x in ok]
        print(f"| {Path(path).stem} | {len(r)} | {len(ok)} | {hits} | {excess:.4f} | {proved} | {fmt_time(ttb)} | {statistics.mean(ttb):.3f} | {statistics.mean(total):.2f} |")


def gap(objective, optimum):
    return 100.0 * (objective - optimum) / optimum


def smtt_table(directory, tag):
    d = Path(directory)
    print("| n | instances | checked | proved optimal | median time of proofs s | max time of proofs s | zero optima | EDD | EDDC | MDD | MDDC | PSK | dynasearch 200 kicks |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in (20, 100, 200, 500, 1000):
        exact_file = d / f"smtt-n{n}-sm-{tag}.csv"
        if not exact_file.exists():
            continue
        exact = {x["instance"]: x for x in rows(exact_file)}
        proved = {k: x for k, x in exact.items() if x["status"] == "OPTIMAL" and x["verified"] == "1"}
        times = [float(x["seconds"]) for x in proved.values()]
        # Gaps against the optimum, or the best found by `sm` where it was not proved.
        reference = {k: int(x["objective"]) for k, x in exact.items() if x["verified"] == "1"}
        positive = {k: v for k, v in reference.items() if v > 0}
        cells = []
        for name in ("edd", "eddc", "mdd", "mddc", "psk", "dynasearch200"):
            f = d / f"smtt-n{n}-{name}.csv"
            if not f.exists():
                cells.append("-")
                continue
            other = {x["instance"]: x for x in rows(f) if x["verified"] == "1"}
            gaps = [gap(int(other[k]["objective"]), opt) for k, opt in positive.items() if k in other]
            cells.append(f"{statistics.mean(gaps):.2f}" if gaps else "-")
        checked = sum(1 for x in exact.values() if x["verified"] == "1")
        print(f"| {n} | {len(exact)} | {checked} | {len(proved)} | {fmt_time(times)} | {len(reference) - len(positive)} | " + " | ".join(cells) + " |")


def release_table(directory, tag, short_tag):
    d = Path(directory)
    runs = [("ATC-k", "atc-k"), ("best rule", "best"), ("200 kicks, 1 thread", "kicks200"),
            (f"sm {short_tag}", f"sm-{short_tag}"), (f"sm {tag}", f"sm-{tag}")]
    print("| n | instances | checked | best found 0 | " + " | ".join(f"{label}: mean gap % / sum gap % / best reached" for label, _ in runs)
          + f" | sm {tag}: median / max time to best s |")
    print("|---|---|---|---|" + "---|" * len(runs) + "---|")
    for n in (50, 100, 200):
        results = {}
        for _, name in runs:
            f = d / f"smwt-r-n{n}-{name}.csv"
            results[name] = {x["instance"]: x for x in rows(f)} if f.exists() else {}
        long_run = results[f"sm-{tag}"]
        if not long_run:
            continue
        # Every run's objective is checked; the reference is the best of them per instance.
        instances = sorted(long_run)
        checked = [k for k in instances if all(results[name].get(k, {}).get("verified") == "1" for _, name in runs)]
        best = {k: min(int(results[name][k]["objective"]) for _, name in runs) for k in checked}
        cells = []
        for _, name in runs:
            gaps = [gap(int(results[name][k]["objective"]), v) for k, v in best.items() if v > 0]
            reached = sum(1 for k, v in best.items() if int(results[name][k]["objective"]) == v)
            total = sum(int(results[name][k]["objective"]) for k in best)
            total_gap = 100.0 * (total / sum(best.values()) - 1) if sum(best.values()) else 0.0
            cells.append(f"{statistics.mean(gaps):.2f} / {total_gap:.2f} / {reached}" if gaps else f"- / - / {reached}")
        ttb = [float(long_run[k]["seconds_to_best"]) for k in checked]
        zero = sum(1 for v in best.values() if v == 0)
        print(f"| {n} | {len(instances)} | {len(checked)} | {zero} | " + " | ".join(cells) + f" | {fmt_time(ttb)} |")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "wt":
        wt_table(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "smtt":
        smtt_table(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "release":
        release_table(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
