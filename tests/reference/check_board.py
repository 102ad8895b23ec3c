#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Compares the incentive board the real host serves with board_reference.py, to 1e-9.

Starts `courthub serve` (only the incentive_board plugin, the 128-court demo directory, a test
clock, a temporary data dir), imports a set of cases built here to hit the definitions' corners
(window edges, the 365-day line, insufficient samples, zero denominators, identical courts so
σ = 0 and ranks tie, pre-litigation and cross-court disputes, re-imported cases, bad rows) over
POST /apps/incentive_board/imports, then reads GET /boards/courts and /boards/judges for several
as-of dates and windows, in ranked and in no-rank mode, and checks every value, score, tier,
group score, composite, rank or band and weakest indicator against the reference.

    check_board.py --courthub build/bin/courthub --source .      (exit 0 = identical)
"""
import argparse
import csv
import datetime
import io
import json
import os
import random
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import board_reference as ref  # noqa: E402
from host_process import HostProcess  # noqa: E402

FIELDS = ["case_id", "case_no", "court_code", "judge_id", "dispute_id", "category", "procedure",
          "filed_on", "closed_on", "limit_days", "extended_days", "deducted_days",
          "closing_method", "appealed", "appeal_outcome", "retrial_applied", "retrial_outcome",
          "filing_changed", "petitions", "doc_reviewed", "doc_error", "amount_applied",
          "amount_collected"]
ADMIN = "reference-admin-token-0123456789abcdef"
AS_OF = datetime.date(2026, 12, 5)
CLOCK_MS = int(datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.timezone.utc).timestamp() * 1000)


def iso(d):
    return d.isoformat() if d else ""


class Cases:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.rows = []
        self.n = 0

    def add(self, court, judge, procedure, filed, closed=None, dispute=None, **kw):
        self.n += 1
        rng = self.rng
        category = kw.pop("category", None) or (
            "enforcement" if procedure == "enforcement" else
            rng.choice(["civil", "civil", "civil", "criminal", "administrative"]))
        row = {"case_id": f"R{self.n:07d}", "case_no": f"(2026)辽{self.n}号", "court_code": court,
               "judge_id": judge, "dispute_id": dispute or f"D{self.n:07d}", "category": category,
               "procedure": procedure, "filed_on": iso(filed), "closed_on": iso(closed),
               "limit_days": "", "extended_days": "", "deducted_days": "", "closing_method": "",
               "appealed": "", "appeal_outcome": "", "retrial_applied": "", "retrial_outcome": "",
               "filing_changed": "", "petitions": "", "doc_reviewed": "", "doc_error": "",
               "amount_applied": "", "amount_collected": ""}
        if procedure in ref.TRIAL:
            row["limit_days"] = str(rng.choice([90, 180, 365]))
            if rng.random() < 0.1:
                row["extended_days"] = str(rng.choice([30, 90]))
            if rng.random() < 0.1:
                row["deducted_days"] = str(rng.randint(1, 20))
        if closed:
            if procedure == "enforcement":
                row["closing_method"] = rng.choice(["completed", "completed", "terminated", "other"])
            elif procedure == "pre_litigation":
                row["closing_method"] = rng.choice(["mediated", "failed"])
            else:
                row["closing_method"] = rng.choice(
                    ["judgment"] * 5 + ["mediation", "withdrawal", "dismissal_ruling",
                                         "rejection_ruling", "transfer", "other"])
            if procedure == "first_instance" and rng.random() < 0.12:
                row["appealed"] = "true"
                row["appeal_outcome"] = rng.choice(["affirmed", "revised", "remanded", "withdrawn", ""])
            if procedure in ref.TRIAL and rng.random() < 0.05:
                row["retrial_applied"] = rng.choice(["true", "1", "TRUE"])
                row["retrial_outcome"] = rng.choice(["revised", "remanded", "dismissed", ""])
            if row["closing_method"] in ("dismissal_ruling", "rejection_ruling") and rng.random() < 0.3:
                row["filing_changed"] = "true"
            if rng.random() < 0.03:
                row["petitions"] = str(rng.randint(1, 3))
            if rng.random() < 0.3:
                row["doc_reviewed"] = "true"
                row["doc_error"] = "true" if rng.random() < 0.1 else "false"
        if procedure == "enforcement":
            applied = round(rng.uniform(1000, 2_000_000), 2)
            row["amount_applied"] = f"{applied:.2f}"
            row["amount_collected"] = f"{applied * rng.random() if closed else 0:.2f}"
        row.update({k: str(v) for k, v in kw.items()})
        self.rows.append(row)
        return row

    def csv(self, rows=None):
        out = io.StringIO()
        w = csv.DictWriter(out, FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows if rows is not None else self.rows:
            w.writerow(r)
        return out.getvalue()


def build_cases(directory):
    courts, judges_of = directory
    c = Cases(20261205)
    rng = c.rng
    start = datetime.date(2025, 10, 1)
    span = (AS_OF - start).days
    special = [x["code"] for x in courts if x.get("kind") in ("maritime", "railway")]
    parent = {x["code"]: x.get("parent") for x in courts}
    for court in courts:
        code = court["code"]
        judges = judges_of.get(code) or [None]
        if code in special[1:]:
            continue  # a copy of the first special court, made below
        volume = {"high": 60, "intermediate": 220}.get(court["level"], 160)
        if code.endswith("-03"):
            volume = 12  # small courts: samples near the minimum
        for _ in range(volume):
            judge = rng.choice(judges) or f"{code}-001"
            proc = rng.choice(["first_instance"] * 6 + ["second_instance", "retrial",
                                                        "enforcement", "enforcement", "pre_litigation"])
            filed = start + datetime.timedelta(days=rng.randint(0, span))
            closed = None
            if rng.random() < 0.8:
                closed = filed + datetime.timedelta(days=rng.randint(0, 260))
                if closed > AS_OF + datetime.timedelta(days=3):
                    closed = None
            row = c.add(code, judge, proc, filed, closed)
            # appeals and enforcement of the same dispute, often at another court
            if proc == "first_instance" and closed and rng.random() < 0.15:
                up = parent.get(code) or code
                uj = rng.choice(judges_of.get(up) or [judge])
                f2 = closed + datetime.timedelta(days=rng.randint(1, 30))
                c.add(up, uj, "second_instance", f2,
                      f2 + datetime.timedelta(days=rng.randint(10, 90)) if rng.random() < 0.7 else None,
                      dispute=row["dispute_id"])
            if proc == "first_instance" and closed and rng.random() < 0.1:
                f3 = closed + datetime.timedelta(days=rng.randint(20, 60))
                c.add(code, judge, "enforcement", f3, None, dispute=row["dispute_id"])
            if proc == "pre_litigation" and rng.random() < 0.3:
                c.add(code, judge, "first_instance", filed + datetime.timedelta(days=30), None,
                      dispute=row["dispute_id"])
        # the corners, for the first judge of the court
        j = judges[0] or f"{code}-001"
        jan1 = datetime.date(AS_OF.year, 1, 1)
        c.add(code, j, "first_instance", jan1 - datetime.timedelta(days=10), jan1)           # closed on from
        c.add(code, j, "first_instance", jan1 - datetime.timedelta(days=10),
              jan1 - datetime.timedelta(days=1))                                            # closed the day before
        c.add(code, j, "first_instance", AS_OF - datetime.timedelta(days=365), None)         # exactly 365 days
        c.add(code, j, "first_instance", AS_OF - datetime.timedelta(days=364), None)         # 364 days
        c.add(code, j, "second_instance", AS_OF, AS_OF)                                     # filed and closed on to
        c.add(code, j, "first_instance", AS_OF + datetime.timedelta(days=1), None)           # after the window
    # the second special court: the first one's cases again (other ids and disputes), so the two
    # have equal values: σ = 0 in their group, equal composites, a shared rank.
    if len(special) >= 2:
        src, dst = special[0], special[1]
        map_j = dict(zip(judges_of.get(src, []), judges_of.get(dst, []) * 50))
        for row in [r for r in c.rows if r["court_code"] == src]:
            copy = dict(row)
            c.n += 1
            copy["case_id"] = f"S{c.n:07d}"
            copy["dispute_id"] = "S" + row["dispute_id"]
            copy["court_code"] = dst
            copy["judge_id"] = map_j.get(row["judge_id"], row["judge_id"])
            c.rows.append(copy)
    # two basic courts with as many judges each: the second gets the first's disputes again (every
    # case of them, wherever filed), so the two have equal values and share a rank.
    basic = [x["code"] for x in courts if x["level"] == "basic"]
    pair = next(((a, b) for i, a in enumerate(basic) for b in basic[i + 1:]
                 if len(judges_of.get(a, [])) == len(judges_of.get(b, [])) and a[-3:] != "-03"
                 and b[-3:] != "-03"), None)
    if pair:
        a, b = pair
        c.rows = [r for r in c.rows if r["court_code"] != b]
        map_j = dict(zip(judges_of[a], judges_of[b]))
        disputes = {r["dispute_id"] for r in c.rows if r["court_code"] == a}
        for row in [r for r in c.rows if r["dispute_id"] in disputes]:
            copy = dict(row)
            c.n += 1
            copy["case_id"] = f"T{c.n:07d}"
            copy["dispute_id"] = "T" + row["dispute_id"]
            if row["court_code"] == a:
                copy["court_code"] = b
                copy["judge_id"] = map_j.get(row["judge_id"], row["judge_id"])
            c.rows.append(copy)
    return c


class Host(HostProcess):
    """Only the incentive_board plugin; calls go to /apps/incentive_board as the operator."""

    def __init__(self, courthub, source, settings, data_dir):
        super().__init__(courthub, source,
                         [{"name": "incentive_board", "enabled": True, "settings": settings}],
                         data_dir, env={"COURTHUB_ADMIN_TOKEN": ADMIN,
                                        "COURTHUB_TEST_CLOCK_MS": str(CLOCK_MS),
                                        "COURTHUB_BOARD_DEMO_CASES": "0"})

    def call(self, method, path, body=None, content_type=None):
        headers = {"Authorization": "Bearer " + ADMIN}
        if content_type:
            headers["Content-Type"] = content_type
        return self.request(method, "/apps/incentive_board" + path, body, headers)


class Mismatch(Exception):
    pass


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def compare(where, got, want, problems):
    if isinstance(want, float) or isinstance(got, float):
        if not close(got, want):
            problems.append(f"{where}: host {got!r}, reference {want!r}")
    elif got != want:
        problems.append(f"{where}: host {got!r}, reference {want!r}")


def check_member(where, got, want, indicators, mode, problems):
    for i in indicators:
        compare(f"{where} values.{i}", got["values"].get(i), want["values"][i], problems)
    if "scores" not in want:  # the high court: values only
        compare(f"{where} composite", got.get("composite"), None, problems)
        return
    for i in indicators:
        compare(f"{where} scores.{i}", got["scores"].get(i), want["scores"][i], problems)
        compare(f"{where} tiers.{i}", got["tiers"].get(i), want["tiers"][i], problems)
    for g in ref.GROUPS:
        if any(i[0] == g for i in indicators):
            compare(f"{where} group_scores.{g}", got["group_scores"].get(g), want["group_scores"][g], problems)
    compare(f"{where} composite", got.get("composite"), want["composite"], problems)
    if mode == "ranked":
        compare(f"{where} rank", got.get("rank"), want["rank"], problems)
        if "band" in got:
            problems.append(f"{where}: a band in ranked mode")
    else:
        compare(f"{where} band", got.get("band"), want["band"], problems)
        if "rank" in got:
            problems.append(f"{where}: a rank in no-rank mode")
    gw = [(w["indicator"], w.get("peer_median"), w.get("peer_best")) for w in got.get("weakest", [])]
    ww = [(w["indicator"], w["peer_median"], w["peer_best"]) for w in want["weakest"]]
    if len(gw) != len(ww) or any(a[0] != b[0] or not close(a[1], b[1]) or not close(a[2], b[2])
                                 for a, b in zip(gw, ww)):
        problems.append(f"{where} weakest: host {gw}, reference {ww}")


def run(args):
    source = os.path.abspath(args.source)
    courts = ref.load_yaml(os.path.join(source, "config/directory/courts.yaml"))["courts"]
    staff = ref.load_yaml(os.path.join(source, "config/directory/staff.yaml"))
    judges_of = {}
    for p in staff["people"]:
        if "judge" in (p.get("roles") or []):
            judges_of.setdefault(p["court"], []).append(p["id"])
    cases = build_cases((courts, judges_of))
    tmp = tempfile.mkdtemp(prefix="board-reference-")
    problems = []
    try:
        csv_path = os.path.join(tmp, "cases.csv")
        # a second import re-sends a sample of the cases with changes (the later row wins)
        first = cases.rows
        rng = random.Random(7)
        changed = []
        for r in rng.sample(first, 300):
            r2 = dict(r)
            if not r2["closed_on"]:
                continue
            r2["petitions"] = str(int(r2["petitions"] or 0) + 1)
            changed.append(r2)
        bad = [dict(first[0], case_id="BAD1", court_code="LN-NOPE"),
               dict(first[0], case_id="BAD2", judge_id="nobody"),
               dict(first[0], case_id="BAD3", filed_on="2026-02-30"),
               dict(first[1], case_id="BAD4", closed_on="2000-01-01")]
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(cases.csv(first + changed))
        ref_cases = ref.read_cases(csv_path)
        settings_sets = [("ranked", {"mode": "ranked", "demo": {"cases": 0}}),
                         ("no_rank", {"mode": "no_rank", "demo": {"cases": 0},
                                      "weights": {"A": 30, "B": 20, "C": 20, "D": 10, "E": 20},
                                      "min_sample": {"default": 12, "A3": 20},
                                      "tiers": {"red_percent": 15, "yellow_percent": 25}})]
        for mode, settings in settings_sets:
            data_dir = tempfile.mkdtemp(dir=tmp)
            host = Host(args.courthub, source, settings, data_dir)
            try:
                status, body = host.call("POST", "/imports", cases.csv(first), "text/csv")
                if status != 200 or body.get("rejected"):
                    raise Mismatch(f"import: {status} {json.dumps(body)[:500]}")
                status, body = host.call("POST", "/imports", cases.csv(changed + bad), "text/csv")
                lines = sorted(r["line"] for r in body.get("rejected", []))
                want_lines = list(range(len(changed) + 2, len(changed) + 2 + len(bad)))
                if status != 200 or body.get("updated") != len(changed) or lines != want_lines:
                    raise Mismatch(f"second import: {status} {json.dumps(body)[:800]}")
                ref_settings = {"weights": settings.get("weights", {"A": 25, "B": 25, "C": 20, "D": 20, "E": 10}),
                                "min_sample": settings.get("min_sample", {}),
                                "red_percent": settings.get("tiers", {}).get("red_percent", 10),
                                "yellow_percent": settings.get("tiers", {}).get("yellow_percent", 20)}
                for as_of, frm in [("2026-12-05", None), ("2026-06-30", None), ("2026-12-05", "2026-07-01")]:
                    query = f"as_of={as_of}" + (f"&from={frm}" if frm else "")
                    want = ref.compute(ref_cases, courts, staff, as_of, frm, ref_settings)
                    status, board = host.call("GET", f"/boards/courts?{query}")
                    if status != 200:
                        raise Mismatch(f"GET /boards/courts?{query}: {status} {board}")
                    seen = 0
                    for group in board["peer_groups"]:
                        for m in group["members"]:
                            seen += 1
                            w = want["courts"][m["court_code"]]
                            compare(f"[{mode} {query}] {m['court_code']} peer group", group["id"], w["peer_group"], problems)
                            check_member(f"[{mode} {query}] {m['court_code']}", m, w, ref.INDICATORS, mode, problems)
                    compare(f"[{mode} {query}] courts on the board", seen, len(want["courts"]), problems)
                    for code in sorted(want["courts"])[::9]:
                        status, jb = host.call("GET", f"/boards/judges?court={code}&{query}")
                        if status != 200:
                            raise Mismatch(f"GET /boards/judges?court={code}&{query}: {status} {jb}")
                        mine = {uid for uid in judges_of.get(code, [])}
                        compare(f"[{mode} {query}] judges of {code}", sorted(m["user_id"] for m in jb["members"]), sorted(mine), problems)
                        for m in jb["members"]:
                            check_member(f"[{mode} {query}] judge {m['user_id']}", m, want["judges"][m["user_id"]],
                                         ref.JUDGE_INDICATORS, mode, problems)
                    # the numerators and denominators behind a court's values
                    for code in sorted(want["courts"])[::16]:
                        status, page = host.call("GET", f"/boards/courts/{code}?{query}")
                        if status != 200:
                            raise Mismatch(f"GET /boards/courts/{code}?{query}: {status} {page}")
                        for i in ref.INDICATORS:
                            num, den, sample = want["courts"][code]["measures"][i]
                            got = page["court"]["indicators"][i]
                            compare(f"[{mode} {query}] {code} {i} numerator", float(got["numerator"]), float(num), problems)
                            compare(f"[{mode} {query}] {code} {i} denominator", float(got["denominator"]), float(den), problems)
                            compare(f"[{mode} {query}] {code} {i} sample", got["sample"], sample, problems)
            finally:
                host.stop()
    except Mismatch as e:
        problems.append(str(e))
    finally:
        if os.environ.get("COURTHUB_KEEP_TEST_DIRS"):
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if problems:
        print(f"{len(problems)} differences from the reference implementation:")
        for p in problems[:60]:
            print("  " + p)
        return 1
    print("the host's boards equal the reference implementation's (1e-9)")
    return 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--courthub", required=True)
    ap.add_argument("--source", required=True)
    sys.exit(run(ap.parse_args()))
