#!/usr/bin/env python3
"""Usage: gantt_wellformed.py PAGE.html EXPECTED_BARS — exit 0 iff the page parses as XML
and holds exactly EXPECTED_BARS elements of class "bar" with distinct data-op values."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
bars = [e for e in root.iter() if "bar" in (e.get("class") or "").split()]
ops = {e.get("data-op") for e in bars}
expected = int(sys.argv[2])
if len(bars) != expected or len(ops) != expected:
    print(f"{sys.argv[1]}: {len(bars)} bars, {len(ops)} distinct operations, expected {expected}")
    sys.exit(1)
