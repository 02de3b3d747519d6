#!/usr/bin/env python3
"""Writes bench/suites/<suite>.csv from the vendored best-known indexes under bench/instances.

Columns: instance,file,format,index,bks,lb,optimal,size_class
  file       path relative to the repository root
  format     a name `ordo --format` accepts: jobshop, fjs, sm, wt
  index      1-based instance number inside the file (wt files hold 125 instances), else 1
  bks / lb   best known upper / lower bound (lb empty if none is known)
  optimal    1 if lb == bks, else 0
The RCPSP suites (j30, j60, j120, smoke-rcpsp) carry one extra trailing column, cpm_lb (the
critical-path lower bound), which the bench harness uses for the usual "deviation from CPM-LB".
The blocking suites (blocking-<family>, blocking-all) use the JSSP files with the CP reference
values of blocking_jssp/reference_values.csv (swaps allowed): bks = best_ub, lb = best_lb, and
extra columns blocking (1: the harness reads the instances as blocking shops), cpo_ub and
optalcp_ub (for scripts/blocking_table.py).

Reads only bench/instances (never ../shared). Stdlib only. Run from anywhere:
    python3 scripts/make_suites.py
"""
import csv
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
INST = os.path.join(ROOT, "bench", "instances")
OUT = os.path.join(ROOT, "bench", "suites")
COLUMNS = ["instance", "file", "format", "index", "bks", "lb", "optimal", "size_class"]

JSSP_FAMILIES = ["ft", "la", "abz", "orb", "swv", "yn", "ta", "dmu"]  # chronological, as in jssp/bks.csv
FJSP_SETS = {  # bks.csv `set` -> (suite, size_class)
    "brandimarte": ("mk", "mk"),
    "hurink/edata": ("hurink-e", "edata"),
    "hurink/rdata": ("hurink-r", "rdata"),
    "hurink/vdata": ("hurink-v", "vdata"),
    "dauzere_paulli": ("dpp", "dpp"),
    "chambers_barnes": ("barnes", "barnes"),
    "kacem": ("kacem", "kacem"),
}
WT_SIZES = {"wt40": 40, "wt50": 50, "wt100": 100}


def natural(s):
    """Natural sort key: la2 < la10, j301_2 < j301_10 < j302_1."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def rows(*parts):
    with open(os.path.join(INST, *parts), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def entry(instance, path, fmt, index, bks, lb, optimal, size_class, **extra):
    e = {"instance": instance, "file": path, "format": fmt, "index": int(index), "bks": bks, "lb": lb,
         "optimal": int(optimal), "size_class": size_class}
    e.update(extra)
    return e


def check(name, entries):
    """Every referenced file exists, names are unique, bounds are consistent."""
    assert entries, f"{name}: empty suite"
    seen = set()
    wt_counts = {}
    for e in entries:
        where = f"{name}: {e['instance']}"
        assert e["instance"] not in seen, f"{where}: duplicate instance"
        seen.add(e["instance"])
        assert not os.path.isabs(e["file"]) and e["file"].startswith("bench/instances/"), f"{where}: {e['file']}"
        assert os.path.isfile(os.path.join(ROOT, e["file"])), f"{where}: missing file {e['file']}"
        assert e["format"] in ("jobshop", "fjs", "sm", "wt"), f"{where}: format {e['format']}"
        bks = int(e["bks"])
        if e["lb"] != "":
            assert int(e["lb"]) <= bks, f"{where}: lb {e['lb']} > bks {bks}"
        assert e["optimal"] == int(e["lb"] != "" and int(e["lb"]) == bks), f"{where}: optimal flag inconsistent"
        if e["format"] == "wt":
            path = os.path.join(ROOT, e["file"])
            if path not in wt_counts:
                with open(path) as f:
                    wt_counts[path] = len(f.read().split()) // (3 * WT_SIZES[e["size_class"]])
            assert 1 <= e["index"] <= wt_counts[path], f"{where}: index {e['index']} out of range"
        else:
            assert e["index"] == 1, f"{where}: index {e['index']}"


def write(name, entries, counts):
    check(name, entries)
    extra = [k for k in entries[0] if k not in COLUMNS]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS + extra, lineterminator="\n")
        w.writeheader()
        w.writerows(entries)
    counts[name] = len(entries)


def jssp():
    by_family = {fam: [] for fam in JSSP_FAMILIES}
    for r in rows("jssp", "bks.csv"):
        by_family[r["family"]].append(entry(
            r["instance"], f"bench/instances/jssp/{r['instance']}.txt", "jobshop", 1, r["ub"], r["lb"],
            r["optimal"], f"{r['n_jobs']}x{r['n_machines']}"))
    for fam in by_family.values():
        fam.sort(key=lambda e: natural(e["instance"]))
    return by_family


def fjsp():
    by_set = {s: [] for s in FJSP_SETS}
    for r in rows("fjsp", "bks.csv"):
        by_set[r["set"]].append(entry(
            r["instance"], f"bench/instances/fjsp/{r['file']}", "fjs", 1, r["ub"], r["lb"], r["optimal"],
            FJSP_SETS[r["set"]][1]))
    for s in by_set.values():
        s.sort(key=lambda e: natural(e["instance"]))
    return by_set


def rcpsp(name):
    keyed = []
    for r in rows("rcpsp", f"bks_{name}.csv"):
        assert r["set"] == name, r
        keyed.append(((int(r["param"]), int(r["inst"])), entry(
            r["instance"], f"bench/instances/rcpsp/{name}/{r['instance']}.sm", "sm", 1, r["ub"], r["lb"],
            r["optimal"], name, cpm_lb=r["critical_path_lb"])))
    keyed.sort(key=lambda k: k[0])
    return [e for _, e in keyed]


def smwt(name):
    out = []
    for r in rows("smwt", "bks.csv"):
        if r["set"] != name:
            continue
        optimal = r["status"] == "optimal"
        out.append(entry(f"{name}-{r['instance']}", f"bench/instances/smwt/{name}.txt", "wt", r["instance"],
                         r["best_value"], r["best_value"] if optimal else "", optimal, name))
    out.sort(key=lambda e: e["index"])
    return out


def blocking_jssp():
    """Blocking suites per JSSP family, from the CP reference values (swaps allowed)."""
    sizes = {r["instance"]: f"{r['n_jobs']}x{r['n_machines']}" for r in rows("jssp", "bks.csv")}
    by_family = {fam: [] for fam in JSSP_FAMILIES}
    for r in rows("blocking_jssp", "reference_values.csv"):
        by_family[r["family"]].append(entry(
            r["instance"], f"bench/instances/jssp/{r['instance']}.txt", "jobshop", 1, r["best_ub"], r["best_lb"],
            r["optimal"], sizes[r["instance"]], blocking=1, cpo_ub=r["cpo_ub"], optalcp_ub=r["optalcp_ub"]))
    for fam in by_family.values():
        fam.sort(key=lambda e: natural(e["instance"]))
    return by_family


def main():
    counts = {}
    js = jssp()
    for fam in JSSP_FAMILIES:
        write(fam, js[fam], counts)
    all_jssp = [e for fam in JSSP_FAMILIES for e in js[fam]]
    write("jssp-all", all_jssp, counts)
    write("smoke-jssp", [e for e in all_jssp if e["instance"] in ("ft06", "la01", "la02")], counts)

    bj = blocking_jssp()
    for fam in JSSP_FAMILIES:
        write(f"blocking-{fam}", bj[fam], counts)
    write("blocking-all", [e for fam in JSSP_FAMILIES for e in bj[fam]], counts)

    fj = fjsp()
    write("mk", fj["brandimarte"], counts)
    write("mk10", [e for e in fj["brandimarte"] if natural(e["instance"])[1] <= 10], counts)
    write("hurink", fj["hurink/edata"] + fj["hurink/rdata"] + fj["hurink/vdata"], counts)
    for s in ("hurink/edata", "hurink/rdata", "hurink/vdata", "dauzere_paulli", "chambers_barnes", "kacem"):
        write(FJSP_SETS[s][0], fj[s], counts)

    for name in ("j30", "j60", "j120"):
        entries = rcpsp(name)
        write(name, entries, counts)
        if name == "j30":
            write("smoke-rcpsp", entries[:3], counts)

    for name in WT_SIZES:
        entries = smwt(name)
        write(name, entries, counts)
        if name == "wt40":
            write("smoke-wt", entries[:3], counts)

    for name, n in counts.items():
        print(f"{name:12s} {n:4d}")
    print(f"{len(counts)} suites written to {os.path.relpath(OUT, os.getcwd())}", file=sys.stderr)


if __name__ == "__main__":
    main()
