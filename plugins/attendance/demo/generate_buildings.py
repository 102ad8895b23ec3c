#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Generates the attendance demo's court buildings: one per court of config/directory/courts.yaml,
# placed near the centre of its city. THE COORDINATES ARE SYNTHETIC (a deterministic offset of up
# to ~6 km from the city centre): they are not the courts' real addresses.
#
# Standard library only; deterministic (the offset is a hash of the court code), so rerunning it
# gives byte-identical output. It rewrites the block between the "BEGIN buildings" and
# "END buildings" marker lines of plugins/attendance/demo-settings.yaml and of the attendance
# entry in config/courthub.yaml.
#
# Usage: python3 plugins/attendance/demo/generate_buildings.py

import hashlib
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
COURTS_FILE = os.path.join(ROOT, "config", "directory", "courts.yaml")
TARGETS = [os.path.join(ROOT, "plugins", "attendance", "demo-settings.yaml"),
           os.path.join(ROOT, "config", "courthub.yaml")]

# City centres (government seats), rounded: good enough for a demo geofence of 500 m that the
# browser tests emulate anyway.
CITY = {
    "沈阳": (41.8057, 123.4315), "大连": (38.9140, 121.6147), "鞍山": (41.1087, 122.9946),
    "抚顺": (41.8808, 123.9572), "本溪": (41.2940, 123.7665), "丹东": (40.1290, 124.3540),
    "锦州": (41.0951, 121.1270), "营口": (40.6670, 122.2350), "阜新": (42.0220, 121.6700),
    "辽阳": (41.2694, 123.2370), "盘锦": (41.1245, 122.0700), "铁岭": (42.2860, 123.8440),
    "朝阳": (41.5730, 120.4500), "葫芦岛": (40.7110, 120.8370),
}


def read_courts():
    """(code, name, city) of each court, in file order (courts.yaml's simple layout)."""
    courts, current = [], None
    with open(COURTS_FILE, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- code: (\S+)", line)
            if m:
                current = {"code": m.group(1)}
                courts.append(current)
                continue
            m = re.match(r"^  (name|city): (.+)$", line.rstrip("\n"))
            if m and current is not None:
                current[m.group(1)] = m.group(2).strip()
    return [(c["code"], c["name"], c["city"]) for c in courts]


def offset(code):
    """A fixed pseudo-random offset in degrees (about ±6 km north-south, ±5 km east-west)."""
    h = hashlib.sha256(code.encode()).digest()
    dy = (int.from_bytes(h[0:4], "big") / 2**32 - 0.5) * 0.11
    dx = (int.from_bytes(h[4:8], "big") / 2**32 - 0.5) * 0.12
    return dy, dx


def block(indent):
    pad = " " * indent
    lines = [pad + "# BEGIN buildings (plugins/attendance/demo/generate_buildings.py; do not edit)",
             pad + "# SYNTHETIC coordinates near each court's city centre, not real addresses.",
             pad + "buildings:"]
    for code, name, city in read_courts():
        lat, lng = CITY[city]
        dy, dx = offset(code)
        lines.append(f"{pad}  {code}: {{title: {name}审判楼, address: {city}市（示意位置）, "
                     f"latitude: {lat + dy:.5f}, longitude: {lng + dx:.5f}}}")
    lines.append(pad + "# END buildings")
    return "\n".join(lines) + "\n"


def rewrite(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^( *)# BEGIN buildings.*?^ *# END buildings\n", text, re.M | re.S)
    if not m:
        raise SystemExit(f"{path}: no '# BEGIN buildings' ... '# END buildings' block")
    text = text[:m.start()] + block(len(m.group(1))) + text[m.end():]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(read_courts())} buildings into {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    for target in TARGETS:
        rewrite(target)
