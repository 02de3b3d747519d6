"""Shared part of the scripts that derive a variant of a PSPLIB suite (make_deadline_suite.py,
make_due_date_suite.py): read the suite and the makespans a reference run reached, convert each
instance to Ordo's JSON with `ordo convert`, let the caller change it, write it and its suite row."""
import csv
import json
import os
import subprocess
import sys


def make_variant_suite(ordo, suite, results, out_dir, out_suite, tag, change, overrides=None):
    """change(instance, reached_makespan) edits the JSON instance in place; overrides maps the
    suite columns that no longer hold for the variant to their new value (e.g. "" for none)."""
    with open(results, newline="") as f:
        reached = {r["instance"]: int(r["objective"]) for r in csv.DictReader(f) if r["objective"]}
    with open(suite, newline="") as f:
        rows = list(csv.DictReader(f))
    os.makedirs(out_dir, exist_ok=True)
    with open(out_suite, "w", newline="") as f:
        fields = list(rows[0].keys())
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            name = row["instance"]
            if name not in reached:
                sys.exit(f"{results}: no makespan for {name}")
            text = subprocess.run([ordo, "convert", row["file"], "-"], capture_output=True, text=True, check=True).stdout
            instance = json.loads(text)
            change(instance, reached[name])
            instance["name"] = f"{name}-{tag}"
            path = os.path.join(out_dir, f"{name}-{tag}.json")
            with open(path, "w") as out:
                json.dump(instance, out, separators=(",", ":"))
                out.write("\n")
            out_row = {**{k: row[k] for k in fields}, "instance": instance["name"], "file": path, "format": "json"}
            for k, v in (overrides or {}).items():
                if k in out_row:
                    out_row[k] = v
            writer.writerow(out_row)
