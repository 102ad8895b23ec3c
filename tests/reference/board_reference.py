#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""An independent implementation of the board's definitions (the project's indicator spec,
../shared/docs/incentive-indicators.md, with the decisions recorded in docs/incentive_board.md):
the 18 indicators, T-scores, group scores, composite, ranks, tiers, weakest three and no-rank
bands, for courts and for judges.

Written from the document alone, without reading the plugin's C++, so that the two can be
compared (check_board.py does, over real HTTP). Plain Python, no third-party module except PyYAML
for the directory.

    board_reference.py cases.csv courts.yaml staff.yaml --as-of 2026-12-05 [--from 2026-06-01]
                       [--settings settings.json]   -> JSON on stdout
"""
import argparse
import csv
import datetime
import json
import math
import sys

INDICATORS = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4",
              "D1", "D2", "D3", "E1", "E2", "E3"]
DOWN = {"A3", "A4", "B1", "B2", "B3", "B4", "C3", "C4", "E2"}
JUDGE_INDICATORS = ["A1", "A2", "A3", "A4", "B1", "C1", "C2", "E1"]
GROUPS = ["A", "B", "C", "D", "E"]
TRIAL = {"first_instance", "second_instance", "retrial"}


def day(text):
    return datetime.date.fromisoformat(text).toordinal()


def boolean(text):
    return (text or "").strip().lower() in ("true", "1")


def integer(text, default=0):
    text = (text or "").strip()
    return int(text) if text else default


def number(text):
    text = (text or "").strip()
    return float(text) if text else 0.0


class Case:
    __slots__ = ("case_id", "court", "judge", "dispute", "category", "procedure", "filed",
                 "closed", "limit", "extended", "deducted", "method", "appealed",
                 "appeal_outcome", "retrial_applied", "retrial_outcome", "filing_changed",
                 "petitions", "doc_reviewed", "doc_error", "applied", "collected")

    def __init__(self, row):
        self.case_id = row["case_id"].strip()
        self.court = row["court_code"].strip()
        self.judge = row["judge_id"].strip()
        self.dispute = row["dispute_id"].strip()
        self.category = row["category"].strip()
        self.procedure = row["procedure"].strip()
        self.filed = day(row["filed_on"].strip())
        closed = (row.get("closed_on") or "").strip()
        self.closed = day(closed) if closed else None
        self.limit = integer(row.get("limit_days"), -1)
        self.extended = integer(row.get("extended_days"))
        self.deducted = integer(row.get("deducted_days"))
        self.method = (row.get("closing_method") or "").strip()
        self.appealed = boolean(row.get("appealed"))
        self.appeal_outcome = (row.get("appeal_outcome") or "").strip()
        self.retrial_applied = boolean(row.get("retrial_applied"))
        self.retrial_outcome = (row.get("retrial_outcome") or "").strip()
        self.filing_changed = boolean(row.get("filing_changed"))
        self.petitions = integer(row.get("petitions"))
        self.doc_reviewed = boolean(row.get("doc_reviewed"))
        self.doc_error = boolean(row.get("doc_error"))
        self.applied = number(row.get("amount_applied"))
        self.collected = number(row.get("amount_collected"))

    def trial_days(self):
        return (self.closed - self.filed) + 1 - self.deducted


def measures(cases, frm, to, judges_in_court, dispute_sizes, is_judge):
    """{indicator: (numerator, denominator, sample)} for one member's cases."""
    def closed(c):
        return c.closed is not None and frm <= c.closed <= to

    def filed(c):
        return frm <= c.filed <= to

    def pending_at(c, d):
        return c.filed <= d and (c.closed is None or c.closed > d)

    T = [c for c in cases if c.procedure in TRIAL]
    F = [c for c in cases if c.procedure == "first_instance"]
    E = [c for c in cases if c.procedure == "enforcement"]
    P = [c for c in cases if c.procedure == "pre_litigation"]
    cT = [c for c in T if closed(c)]
    cF = [c for c in F if closed(c)]
    cE = [c for c in E if closed(c)]
    cP = [c for c in P if closed(c)]
    out = {}
    den = sum(1 for c in T if pending_at(c, frm - 1)) + sum(1 for c in T if filed(c))
    out["A1"] = (len(cT), den, den)
    out["A2"] = (sum(1 for c in cT if c.trial_days() <= c.limit + c.extended), len(cT), len(cT))
    out["A3"] = (sum(c.trial_days() for c in cT), len(cT), len(cT))
    pend = [c for c in T if pending_at(c, to)]
    out["A4"] = (sum(1 for c in pend if to - c.filed >= 365), len(pend), len(pend))
    out["B1"] = (sum(1 for c in cF if c.appeal_outcome in ("revised", "remanded")), len(cF), len(cF))
    out["B2"] = (sum(1 for c in cT if c.retrial_outcome in ("revised", "remanded")), len(cT), len(cT))
    rulings = sum(1 for c in cT if c.method in ("dismissal_ruling", "rejection_ruling"))
    out["B3"] = (sum(1 for c in cT if c.filing_changed), rulings, rulings)
    reviewed = sum(1 for c in cT if c.doc_reviewed)
    out["B4"] = (sum(1 for c in cT if c.doc_reviewed and c.doc_error), reviewed, reviewed)
    out["C1"] = (sum(1 for c in cF if c.appealed or c.retrial_applied), len(cF), len(cF))
    civil = [c for c in cF if c.category == "civil"]
    out["C2"] = (sum(1 for c in civil if c.method in ("mediation", "withdrawal")), len(civil), len(civil))
    out["C3"] = (sum(1 for c in cT if c.retrial_applied), len(cT), len(cT))
    out["C4"] = (sum(c.petitions for c in cT), len(cT), len(cT))
    out["D1"] = (sum(c.collected for c in cE), sum(c.applied for c in cE), len(cE))
    out["D2"] = (sum(1 for c in cE if c.method == "completed"), len(cE), len(cE))
    out["D3"] = (sum(1 for c in cE if c.trial_days() <= 180 + c.extended), len(cE), len(cE))
    done = len(cT) + len(cE)
    out["E1"] = (done, 1, 1) if is_judge else (done, judges_in_court, judges_in_court)
    disputes = {c.dispute for c in cases if c.procedure != "pre_litigation" and filed(c)}
    out["E2"] = (sum(dispute_sizes[d] for d in disputes), len(disputes), len(disputes))
    out["E3"] = (sum(1 for c in cP if c.method == "mediated"), len(cP), len(cP))
    return out


def value(ind, m, min_sample):
    num, den, sample = m
    if den == 0:
        return None
    if ind != "E1" and sample < min_sample:
        return None
    v = num / den
    return 1 - v if ind == "C1" else v


def t_scores(values, ind):
    present = [v for v in values.values() if v is not None]
    if not present:
        return {k: None for k in values}
    mu = sum(present) / len(present)
    sigma = math.sqrt(sum((x - mu) ** 2 for x in present) / len(present))
    out = {}
    for k, v in values.items():
        if v is None:
            out[k] = None
        elif sigma <= 1e-12 * max(1.0, abs(mu)):
            out[k] = 50.0
        else:
            z = (v - mu) / sigma
            if ind in DOWN:
                z = -z
            z = max(-3.0, min(3.0, z))
            out[k] = 50 + 10 * z
    return out


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def score_group(members, indicators, settings):
    """members: {code: {ind: value}} -> {code: result}"""
    weights = settings["weights"]
    res = {code: {"values": dict(vals), "scores": {}, "tiers": {}} for code, vals in members.items()}
    for ind in indicators:
        scores = t_scores({c: members[c][ind] for c in members}, ind)
        for c in members:
            res[c]["scores"][ind] = scores[c]
        scored = sorted((s, c) for c, s in scores.items() if s is not None)
        n = len(scored)
        k_red = -(-n * settings["red_percent"] // 100)
        k_yellow = -(-n * settings["yellow_percent"] // 100)
        for i, (_, c) in enumerate(scored):
            res[c]["tiers"][ind] = "red" if i < k_red else ("yellow" if i < k_red + k_yellow else "green")
        for c in members:
            res[c]["tiers"].setdefault(ind, None)
    for c, r in res.items():
        gs = {}
        for g in GROUPS:
            ss = [r["scores"][i] for i in indicators if i[0] == g and r["scores"][i] is not None]
            gs[g] = sum(ss) / len(ss) if ss else None
        r["group_scores"] = gs
        wsum = sum(weights[g] for g in GROUPS if gs[g] is not None)
        if wsum > 0:
            r["composite"] = sum(weights[g] * gs[g] for g in GROUPS if gs[g] is not None) / wsum
        else:
            r["composite"] = None
    order = sorted((c for c in res if res[c]["composite"] is not None),
                   key=lambda c: (-res[c]["composite"], c))
    n = len(order)
    for i, c in enumerate(order):
        if i > 0 and abs(res[c]["composite"] - res[order[i - 1]]["composite"]) <= 1e-9:
            res[c]["rank"] = res[order[i - 1]]["rank"]
        else:
            res[c]["rank"] = i + 1
        p = res[c]["rank"] / n
        res[c]["band"] = ("top_25" if p <= 0.25 else "25_50" if p <= 0.5 else
                          "50_75" if p <= 0.75 else "bottom_25")
    for c in res:
        res[c].setdefault("rank", None)
        res[c].setdefault("band", None)
    medians, best = {}, {}
    for ind in indicators:
        vs = [members[c][ind] for c in members if members[c][ind] is not None]
        medians[ind] = median(vs)
        best[ind] = (min(vs) if ind in DOWN else max(vs)) if vs else None
    for c, r in res.items():
        scored = sorted((r["scores"][i], i) for i in indicators if r["scores"][i] is not None)
        r["weakest"] = [{"indicator": i, "value": r["values"][i], "score": s,
                         "peer_median": medians[i], "peer_best": best[i]} for s, i in scored[:3]]
    return res, medians, best


def load_yaml(path):
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def read_cases(path):
    by_id = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            c = Case(row)
            by_id[c.case_id] = c  # re-imported: the later row wins
    return list(by_id.values())


def compute(cases, courts, staff, as_of, frm=None, settings=None):
    """The court and judge boards: {"courts": {code: result}, "judges": {user_id: result}}."""
    base = {"weights": {"A": 25, "B": 25, "C": 20, "D": 20, "E": 10},
            "min_sample": {}, "red_percent": 10, "yellow_percent": 20}
    base.update(settings or {})
    settings = base
    level = {c["code"]: c["level"] for c in courts}
    group = {}
    for c in courts:
        if c["level"] == "high":
            group[c["code"]] = "high"
        elif c.get("kind") in ("maritime", "railway"):
            group[c["code"]] = "special"
        elif c["level"] == "intermediate":
            group[c["code"]] = "intermediate"
        else:
            group[c["code"]] = "basic"
    judges = sorted((p["id"], p["court"]) for p in staff["people"]
                    if "judge" in (p.get("roles") or []) and p.get("active", True))
    judge_count = {}
    for _, court in judges:
        judge_count[court] = judge_count.get(court, 0) + 1
    dispute_sizes = {}
    for c in cases:
        if c.procedure != "pre_litigation":
            dispute_sizes[c.dispute] = dispute_sizes.get(c.dispute, 0) + 1
    to = day(as_of)
    frm = day(frm) if frm else datetime.date(datetime.date.fromordinal(to).year, 1, 1).toordinal()

    def min_sample(ind):
        return settings["min_sample"].get(ind, settings["min_sample"].get("default", 10))

    by_court, by_judge = {}, {}
    for c in cases:
        by_court.setdefault(c.court, []).append(c)
        by_judge.setdefault(c.judge, []).append(c)
    out = {"as_of": as_of, "from": datetime.date.fromordinal(frm).isoformat(),
           "courts": {}, "judges": {}}
    court_values, court_measures = {}, {}
    for code in level:
        m = measures(by_court.get(code, []), frm, to, judge_count.get(code, 0), dispute_sizes, False)
        court_measures[code] = m
        court_values[code] = {i: value(i, m[i], min_sample(i)) for i in INDICATORS}
    for g in ("basic", "intermediate", "special"):
        members = {c: court_values[c] for c in level if group[c] == g}
        res, _, _ = score_group(members, INDICATORS, settings)
        for c, r in res.items():
            r["peer_group"] = g
            r["measures"] = court_measures[c]
            out["courts"][c] = r
    for c in level:
        if group[c] == "high":
            out["courts"][c] = {"peer_group": "high", "values": court_values[c],
                                "measures": court_measures[c]}
    for lv in ("high", "intermediate", "basic"):
        members = {}
        for uid, court in judges:
            if level.get(court) == lv:
                m = measures(by_judge.get(uid, []), frm, to, 0, dispute_sizes, True)
                members[uid] = {i: value(i, m[i], min_sample(i)) for i in JUDGE_INDICATORS}
        res, _, _ = score_group(members, JUDGE_INDICATORS, settings)
        for uid, r in res.items():
            r["level"] = lv
            out["judges"][uid] = r
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("courts")
    ap.add_argument("staff")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--from", dest="frm")
    ap.add_argument("--settings")
    a = ap.parse_args()
    settings = json.load(open(a.settings)) if a.settings else None
    out = compute(read_cases(a.cases), load_yaml(a.courts)["courts"], load_yaml(a.staff),
                  a.as_of, a.frm, settings)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
