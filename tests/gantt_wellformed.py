#!/usr/bin/env python3
"""Usage: gantt_wellformed.py PAGE.html EXPECTED_BARS

Parses the Gantt page written by `ordo solve --gantt` as XML (standard library only) and
counts the elements whose class list contains "bar". Exits 0 iff the page is well-formed,
holds exactly EXPECTED_BARS bars and every bar has its own data-op index; otherwise prints
why and exits 1 (2 on bad usage).
"""
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    path = argv[1]
    try:
        expected = int(argv[2])
    except ValueError:
        print(f"expected bar count must be an integer, got {argv[2]!r}", file=sys.stderr)
        return 2
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"{path}: not well-formed XML: {error}")
        return 1
    bars = [e for e in root.iter() if "bar" in (e.get("class") or "").split()]
    ops = {e.get("data-op") for e in bars if e.get("data-op") is not None}
    if len(bars) != expected or len(ops) != len(bars):
        print(f"{path}: {len(bars)} bars with {len(ops)} distinct data-op values, expected {expected}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
