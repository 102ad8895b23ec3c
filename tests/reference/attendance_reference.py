# SPDX-License-Identifier: Apache-2.0
"""An independent implementation of ../shared/docs/attendance-rules.md (and the decisions that
docs/attendance.md adds where the rules are silent), written from those documents alone, without
reading the plugin's C++. check_attendance.py compares the host's GET /results with it.

Everything is in minutes since the day's local midnight; seconds are dropped by the caller.

    day(kind, shift, punches, covers, fixes) -> {"status", "counts", "checks": [...]}

kind     "work" | "rest" | "free"
shift    {"sections": [(on, off), ...], "flex_minutes", "serious_late_minutes",
          "absent_late_minutes", "on_window_before", "off_window_after"}
punches  [(punch_id, minute, eligible)]   every punch of the day, in time order
covers   [(approval_id, kind, sub_type, from_minute, to_minute)]   agreed leave/trip/outing,
          relative to this day's midnight, [from, to)
fixes    [(approval_id, "OnDuty" | "OffDuty", minute)]   agreed 补卡 of the day within the cap,
          in the order they apply
"""

DEFAULTS = {"flex_minutes": 0, "serious_late_minutes": 30, "absent_late_minutes": 60,
            "on_window_before": 120, "off_window_after": 240}


def checks_of(shift):
    """§1: the day's checks, each (type, plan, window_from, window_to), windows inclusive."""
    plans = []
    for on, off in shift["sections"]:
        plans.append(("OnDuty", on))
        plans.append(("OffDuty", off))
    out = []
    for i, (kind, plan) in enumerate(plans):
        if i == 0:
            start = plan - shift["on_window_before"]
        else:
            start = (plans[i - 1][1] + plan) // 2
        if i == len(plans) - 1:
            end = plan + shift["off_window_after"]
        else:
            end = (plan + plans[i + 1][1]) // 2 - 1
        out.append((kind, plan, start, end))
    return out


def fix_target(checks, fix_type, minute):
    """§4.3: the check of that type whose plan is nearest the given time; the earlier on a tie."""
    best = None
    for i, (kind, plan, _, _) in enumerate(checks):
        if kind != fix_type:
            continue
        d = abs(plan - minute)
        if best is None or d < best[0] or (d == best[0] and plan < checks[best[1]][1]):
            best = (d, i)
    return None if best is None else best[1]


def day(kind, shift, punches, covers, fixes):
    if kind != "work":
        return {"status": kind, "counts": zero_counts(), "checks": []}
    checks = checks_of(shift)
    fix_for = {}
    for approval_id, fix_type, minute in fixes:
        i = fix_target(checks, fix_type, minute)
        if i is not None and i not in fix_for:
            fix_for[i] = approval_id
    results = []
    for i, (ctype, plan, w_from, w_to) in enumerate(checks):
        r = {"checkType": ctype, "plan": plan, "timeResult": "NotSigned", "source": "none",
             "punch": None, "user": None, "late": 0, "early": 0, "approval": None}
        holding = [c for c in covers if c[3] <= plan < c[4]]
        if holding:
            c = min(holding, key=lambda c: (c[3], c[0]))
            r.update(timeResult="Normal", source="cover", approval=c[0])
        elif i in fix_for:
            r.update(timeResult="Normal", source="fix", approval=fix_for[i], user=plan)
        else:
            inside = [p for p in punches if p[2] and w_from <= p[1] <= w_to]
            if inside:
                # earliest for OnDuty, latest for OffDuty (by minute; the list is in time order)
                if ctype == "OnDuty":
                    p = min(inside, key=lambda p: p[1])
                else:
                    p = max(inside, key=lambda p: p[1])
                t = p[1]
                r.update(source="punch", punch=p[0], user=t)
                if ctype == "OnDuty":
                    m = t - plan - shift["flex_minutes"]
                    if m <= 0:
                        r["timeResult"] = "Normal"
                    elif m < shift["serious_late_minutes"]:
                        r["timeResult"] = "Late"
                    elif m < shift["absent_late_minutes"]:
                        r["timeResult"] = "SeriousLate"
                    else:
                        r["timeResult"] = "Absenteeism"
                    if r["timeResult"] != "Normal":
                        r["late"] = t - plan
                else:
                    if t >= plan:
                        r["timeResult"] = "Normal"
                    else:
                        r["timeResult"] = "Early"
                        r["early"] = plan - t
        results.append(r)
    if results and all(r["source"] == "none" for r in results):
        return {"status": "absent", "counts": zero_counts(), "checks": results}
    counts = zero_counts()
    for r in results:
        tr = r["timeResult"]
        if tr == "Late":
            counts["late"] += 1
        elif tr == "SeriousLate":
            counts["serious_late"] += 1
        elif tr == "Absenteeism":
            counts["absenteeism"] += 1
        elif tr == "Early":
            counts["early"] += 1
        elif tr == "NotSigned":
            counts["missing"] += 1
        counts["late_minutes"] += r["late"]
        counts["early_minutes"] += r["early"]
    status = "normal" if all(r["timeResult"] == "Normal" for r in results) else "exception"
    return {"status": status, "counts": counts, "checks": results}


def zero_counts():
    return {"late": 0, "serious_late": 0, "absenteeism": 0, "early": 0, "missing": 0,
            "late_minutes": 0, "early_minutes": 0}
