#!/usr/bin/env python3
"""Writes bench/suites/<suite>.csv from the vendored best-known indexes under bench/instances.

Columns: instance,file,format,index,bks,lb,optimal,size_class
(file is relative to the repository root; format is a name `ordo --format` accepts.)
Run from anywhere: python3 scripts/make_suites.py
"""
import csv
import os
import re

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
INST = os.path.join(ROOT, "bench", "instances")
OUT = os.path.join(ROOT, "bench", "suites")


def natural(s):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write(name, entries):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        header = ["instance", "file", "format", "index", "bks", "lb", "optimal", "size_class"]
        extra = len(entries[0]) > 8 and isinstance(entries[0][8], dict)
        if extra:
            header += list(entries[0][8].keys())
        w.writerow(header)
        for e in entries:
            assert os.path.exists(os.path.join(ROOT, e[1])), e[1]
            w.writerow(e[:8] + (list(e[8].values()) if extra else []))
    print(f"{name}: {len(entries)}")


def jssp():
    out = []
    for r in rows(os.path.join(INST, "jssp", "bks.csv")):
        out.append([r["instance"], f"bench/instances/jssp/{r['instance']}.txt", "jobshop", 1, r["ub"], r["lb"],
                    r["optimal"], f"{r['n_jobs']}x{r['n_machines']}", r["family"]])
    out.sort(key=lambda e: natural(e[0]))
    return out


def fjsp():
    out = []
    for r in rows(os.path.join(INST, "fjsp", "bks.csv")):
        size = r["set"].split("/")[-1] if "/" in r["set"] else r["set"]
        if r["set"].startswith("hurink"):
            size = r["instance"].rsplit("_", 1)[-1]
        out.append([r["instance"], f"bench/instances/fjsp/{r['file']}", "fjs", 1, r["ub"], r["lb"], r["optimal"], size,
                    r["set"]])
    out.sort(key=lambda e: natural(e[0]))
    return out


def rcpsp(name):
    out = []
    for r in rows(os.path.join(INST, "rcpsp", f"bks_{name}.csv")):
        out.append([r["instance"], f"bench/instances/rcpsp/{name}/{r['instance']}.sm", "sm", 1, r["ub"], r["lb"],
                    r["optimal"], name, {"cpm_lb": r["critical_path_lb"]}, (int(r["param"]), int(r["inst"]))])
    out.sort(key=lambda e: e[-1])
    return [e[:9] for e in out]


def smwt(name):
    out = []
    for r in rows(os.path.join(INST, "smwt", "bks.csv")):
        if r["set"] != name:
            continue
        lb = r["best_value"] if r["status"] == "optimal" else ""
        out.append([f"{name}-{r['instance']}", f"bench/instances/smwt/{name}.txt", "wt", r["instance"], r["best_value"],
                    lb, 1 if r["status"] == "optimal" else 0, name])
    out.sort(key=lambda e: int(e[3]))
    return out


def main():
    js = jssp()
    for fam in ["ft", "la", "abz", "orb", "swv", "yn", "ta", "dmu"]:
        write(fam, [e[:8] for e in js if e[8] == fam])
    write("jssp-all", [e[:8] for e in js])
    write("smoke-jssp", [e[:8] for e in js if e[0] in ("ft06", "la01", "la02")])
    fj = fjsp()
    mk = [e for e in fj if e[8] == "brandimarte"]
    write("mk", [e[:8] for e in mk])
    write("mk10", [e[:8] for e in mk if natural(e[0])[1] <= 10])
    hur = [e for e in fj if e[8].startswith("hurink")]
    write("hurink", [e[:8] for e in sorted(hur, key=lambda e: (e[7], natural(e[0])))])
    for k in ["e", "r", "v"]:
        write(f"hurink-{k}", [e[:8] for e in hur if e[7] == f"{k}data"])
    for suite, folder in [("dpp", "dauzere_paulli"), ("barnes", "chambers_barnes"), ("kacem", "kacem")]:
        write(suite, [e[:8] for e in fj if e[8] == folder])
    for name in ["j30", "j60", "j120"]:
        entries = rcpsp(name)
        write(name, entries)
        if name == "j30":
            write("smoke-rcpsp", entries[:3])
    for name in ["wt40", "wt50", "wt100"]:
        entries = smwt(name)
        write(name, entries)
        if name == "wt40":
            write("smoke-wt", entries[:3])


if __name__ == "__main__":
    main()
