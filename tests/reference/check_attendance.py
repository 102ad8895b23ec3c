#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Compares the attendance results the real host serves with attendance_reference.py.

Starts `courthub serve` with the approvals and attendance plugins (the demo directory and work
calendar, a test clock, a temporary data dir), and drives it as its users would, over HTTP:

- the court admin's groups: FIXED groups with different shifts and settings, a person taken out
  of their department's group by userid, a TURN group whose duty roster (PUT /admin/groups/{id}/
  roster) puts shifts on weekends and holidays, a NONE group, people in no group;
- five weeks of attendance-machine records (POST /machine-records) with seconds, at the window
  edges, the flex and the late thresholds, noise outside every window, and days with nothing;
- leave, business trips and outings submitted to the approvals plugin and agreed (or refused)
  step by step by the approvers, some overlapping, some starting or ending exactly at a plan
  time, some across days and the National Day holiday and its make-up workdays;
- 补卡 through POST /punch-fixes, agreed in the approvals plugin, and a fourth in one month that
  must be refused;

then reads GET /results for every person and checks each day's status and counts and each check's
plan, result, source, minutes, approval and counting time against the reference.

    check_attendance.py --courthub build/bin/courthub --source .      (exit 0 = identical)
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import random
import shutil
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import attendance_reference as ref  # noqa: E402
from host_process import HostProcess  # noqa: E402

ADMIN = "reference-admin-token-0123456789abcdef"
SECRET = "reference-session-secret-0123456789abcdef"
COURT = "LN-BC-SY-01"
TZ = datetime.timezone(datetime.timedelta(hours=8))
FIRST = datetime.date(2026, 9, 14)   # a Monday; 9-20 (Sunday) is a make-up workday
LAST = datetime.date(2026, 10, 16)   # 10-01..07 National Day, 10-10 (Saturday) works
CLOCK = datetime.datetime(2026, 10, 20, 10, 0, tzinfo=TZ)

SHIFTS = [
    {"id": "winter", "name": "冬季作息", "sections": ["08:30-12:00", "13:30-17:30"]},
    {"id": "civil", "name": "民事庭作息", "sections": ["09:00-12:00", "13:00-18:00"],
     "flex_minutes": 5, "serious_late_minutes": 15, "absent_late_minutes": 45,
     "on_window_before": 60, "off_window_after": 120},
    {"id": "window", "name": "立案窗口", "sections": ["08:00-17:00"], "flex_minutes": 10},
    {"id": "duty", "name": "值班", "sections": ["07:00-09:15", "11:00-13:05", "15:10-20:00"],
     "serious_late_minutes": 20, "absent_late_minutes": 40, "on_window_before": 30,
     "off_window_after": 60},
    # odd sums of adjacent plan minutes: the midpoint's rounding down matters
    {"id": "summer", "name": "夏季作息", "sections": ["08:30-11:45", "13:45-17:15"],
     "flex_minutes": 3},
]
# department id -> group; the 执行局's group also takes one 刑事审判庭 person by userid
GROUPS = [
    {"id": "ref-filing", "name": "立案庭排班", "type": "TURN", "shifts": ["window", "duty"],
     "members": {"departments": ["18001"]}, "skip_holidays": False},
    {"id": "ref-criminal", "name": "刑事审判庭", "type": "FIXED", "shift": "winter",
     "members": {"departments": ["18002"]}},
    {"id": "ref-civil", "name": "民一庭", "type": "FIXED", "shift": "civil",
     "members": {"departments": ["18003"]}},
    {"id": "ref-free", "name": "民二庭（自由工时）", "type": "NONE",
     "members": {"departments": ["18004"]}},
    {"id": "ref-enforcement", "name": "执行局", "type": "FIXED", "shift": "summer",
     "members": {"departments": ["18005"], "users": ["LN-BC-SY-01-017"]}},
]


def minutes(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def shift_of(shift_id):
    s = next(x for x in SHIFTS if x["id"] == shift_id)
    out = dict(ref.DEFAULTS)
    out.update({k: v for k, v in s.items() if k in ref.DEFAULTS})
    out["sections"] = [tuple(minutes(t) for t in sec.split("-")) for sec in s["sections"]]
    return out


def days():
    d = FIRST
    while d <= LAST:
        yield d
        d += datetime.timedelta(days=1)


class Calendar:
    def __init__(self, source):
        self.holidays, self.workdays = set(), set()
        for year in (2025, 2026):
            cal = yaml.safe_load(open(os.path.join(source, f"config/calendar/cn-{year}.yaml")))
            for h in cal["holidays"]:
                d = h["from"]
                while d <= h.get("to", h["from"]):
                    self.holidays.add(d)
                    d += datetime.timedelta(days=1)
                for w in h.get("workdays") or []:
                    self.workdays.add(w)

    def is_workday(self, d):
        if d in self.workdays:
            return True
        return d.weekday() < 5 and d not in self.holidays


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(user):
    """A staff session token, as the host's /auth/dingtalk would mint it (HS256 JWT)."""
    now = int(CLOCK.timestamp())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "courthub", "aud": "staff", "sub": user, "iat": now - 3600,
                             "exp": int(time.time()) + 86400 * 3}).encode())
    sig = hmac.new(SECRET.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(sig)}"


class Host(HostProcess):
    """The approvals plugin (its demo templates) and attendance with `settings`; calls as the
    operator, or as a staff member with their session."""

    def __init__(self, courthub, source, settings, data_dir):
        approvals = yaml.safe_load(open(os.path.join(source, "plugins/approvals/demo-settings.yaml")))
        super().__init__(courthub, source,
                         approvals + [{"name": "attendance", "enabled": True, "settings": settings}],
                         data_dir,
                         env={"COURTHUB_ADMIN_TOKEN": ADMIN,
                              "COURTHUB_TEST_CLOCK_MS": str(int(CLOCK.timestamp() * 1000))},
                         config={"sessions": {"secret": SECRET, "ttl_seconds": 28800}})

    def call(self, method, path, body=None, user=None):
        headers = {"Authorization": "Bearer " + (token(user) if user else ADMIN)}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        return self.request(method, path, data, headers)

    def ok(self, method, path, body=None, user=None, want=(200, 201)):
        status, answer = self.call(method, path, body, user)
        if status not in want:
            raise RuntimeError(f"{method} {path} -> {status}: {json.dumps(answer, ensure_ascii=False)[:600]}")
        return answer

    def settle(self):
        """Waits until the host has delivered every published event (the approvals link)."""
        deadline = time.monotonic() + 120
        while True:
            counts = self.ok("GET", "/admin/inbox")
            inbox = counts.get("inbox", counts)
            if inbox.get("dead"):
                raise RuntimeError(f"dead-lettered events: {inbox}")
            if inbox.get("pending", 0) == 0:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"events still pending: {inbox}")
            time.sleep(0.05)


def at(d, minute, second=0):
    return datetime.datetime(d.year, d.month, d.day, minute // 60, minute % 60, second, tzinfo=TZ)


class World:
    """What the script did, in the reference's terms."""

    def __init__(self, source, rng):
        self.rng = rng
        self.calendar = Calendar(source)
        staff = yaml.safe_load(open(os.path.join(source, "config/directory/staff.yaml")))
        self.people = [p for p in staff["people"] if p["court"] == COURT]
        self.group_of = {}
        for p in self.people:
            g = None
            for group in GROUPS:
                if p["id"] in group["members"].get("users", []):
                    g = group
            if g is None:
                for group in GROUPS:
                    if str(p["dept"]) in group["members"]["departments"]:
                        g = group
            self.group_of[p["id"]] = g
        self.roster = {}          # (user, date) -> shift id or None
        self.punches = {}         # (user, date) -> [(id placeholder, datetime)]
        self.covers = []          # (approval id, user, kind, sub_type, from dt, to dt)
        self.fixes = []           # (approval id, user, date, type, minute)

    def plan(self, user, d):
        g = self.group_of[user]
        workday = self.calendar.is_workday(d)
        if g is None:
            return "unassigned", None
        if g["type"] == "FIXED":
            return ("work", shift_of(g["shift"])) if workday else ("rest", None)
        if g["type"] == "NONE":
            return ("free", None) if workday else ("rest", None)
        s = self.roster.get((user, d))
        if s is None or (not workday and g.get("skip_holidays", True)):
            return "rest", None
        return "work", shift_of(s)

    def expected(self, user, d):
        kind, shift = self.plan(user, d)
        if kind == "unassigned":
            return {"status": "unassigned", "counts": ref.zero_counts(), "checks": []}
        midnight = at(d, 0)
        punches = [(i, int((t - midnight).total_seconds()) // 60, True)
                   for i, t in enumerate(sorted(self.punches.get((user, d), [])))]
        covers = []
        for approval, who, kind_, sub, start, end in self.covers:
            if who != user:
                continue
            covers.append((approval, kind_, sub, int((start - midnight).total_seconds()) // 60,
                           int((end - midnight).total_seconds()) // 60))
        fixes = [(a, t, m) for a, who, fd, t, m in self.fixes if who == user and fd == d]
        return ref.day(kind, shift, punches, covers, fixes)


def make_punches(world):
    rng = world.rng
    records = []
    for p in world.people:
        user = p["id"]
        for d in days():
            kind, shift = world.plan(user, d)
            times = []
            roll = rng.random()
            if roll < 0.08:
                pass  # nothing at all that day
            elif kind == "work":
                for ctype, plan, w_from, w_to in ref.checks_of(shift):
                    r = rng.random()
                    if r < 0.15:
                        continue
                    if r < 0.40:  # an edge: of the window, the flex, the late classes
                        candidates = [w_from, w_from - 1, w_to, w_to + 1, plan, plan - 1, plan + 1]
                        if ctype == "OnDuty":
                            f = shift["flex_minutes"]
                            candidates += [plan + f, plan + f + 1,
                                           plan + f + shift["serious_late_minutes"],
                                           plan + f + shift["serious_late_minutes"] - 1,
                                           plan + f + shift["absent_late_minutes"],
                                           plan + f + shift["absent_late_minutes"] - 1]
                        m = rng.choice(candidates)
                    else:
                        m = plan + int(rng.gauss(0, 25))
                    if 0 <= m < 1440:
                        times.append(at(d, m, rng.randint(0, 59)))
                    if rng.random() < 0.2:  # a second punch for the same check
                        m2 = plan + rng.randint(-40, 40)
                        if 0 <= m2 < 1440:
                            times.append(at(d, m2, rng.randint(0, 59)))
            elif rng.random() < 0.5:  # a rest day, a free day or no group: records only
                times.append(at(d, rng.randint(7 * 60, 19 * 60), rng.randint(0, 59)))
            if rng.random() < 0.15:  # noise anywhere in the day
                times.append(at(d, rng.randint(0, 1439), rng.randint(0, 59)))
            times = sorted(set(times))
            world.punches[(user, d)] = times
            device = rng.choice(["ATM-1F-01", "ATM-1F-02"])
            for t in times:
                records.append({"user_id": user, "time": t.isoformat(), "device_id": device})
    return records


def approve(host, instance_id, refuse=False):
    """Acts as each approver in turn until the instance finishes."""
    for _ in range(10):
        detail = host.ok("GET", f"/apps/approvals/instances/{instance_id}")
        if detail["status"] != "RUNNING":
            return detail
        task = next(t for t in detail["tasks"] if t["status"] == "RUNNING")
        host.ok("POST", f"/apps/approvals/instances/{instance_id}/actions",
                {"action": "refuse" if refuse else "agree", "task_id": task["id"],
                 "comment": "不同意" if refuse else "同意"}, user=task["user_id"])
    raise RuntimeError(f"instance {instance_id} did not finish")


def make_approvals(host, world):
    rng = world.rng
    assigned = [p for p in world.people if world.group_of[p["id"]] and
                world.group_of[p["id"]]["type"] != "NONE"]
    for p in rng.sample(assigned, min(len(assigned), 24)):
        user = p["id"]
        for _ in range(rng.randint(1, 2)):
            d = FIRST + datetime.timedelta(days=rng.randint(0, (LAST - FIRST).days))
            kind = rng.choice(["leave", "leave", "outing", "business_trip"])
            refuse = rng.random() < 0.15
            if kind == "business_trip":
                end = d + datetime.timedelta(days=rng.randint(0, 3))
                form = {"destination": "北京", "period": [d.isoformat(), end.isoformat()],
                        "days": (end - d).days + 1, "transport": "火车", "reason": "参加培训"}
                start_dt, end_dt = at(d, 0), at(end + datetime.timedelta(days=1), 0)
                sub = ""
            else:
                # start and end on the hour or half hour, or exactly at a plan time
                start_m = rng.choice([8 * 60, 8 * 60 + 30, 9 * 60, 12 * 60, 13 * 60 + 30,
                                      14 * 60, 15 * 60])
                span = rng.choice([60, 120, 210, 240, 480, 1440 + 240, 2 * 1440])
                start_dt = at(d, start_m)
                end_dt = start_dt + datetime.timedelta(minutes=span)
                period = [start_dt.strftime("%Y-%m-%d %H:%M"), end_dt.strftime("%Y-%m-%d %H:%M")]
                if kind == "leave" and not covers_workday(world.calendar, start_dt, end_dt):
                    kind = "outing"  # a leave must cover a workday: approvals counts its days
                if kind == "leave":
                    # `days` is left out: approvals computes it from the period (workdays).
                    sub = rng.choice(["事假", "病假", "年休假"])
                    form = {"leave_type": sub, "period": period, "reason": "个人事务"}
                else:
                    sub = ""
                    form = {"outing_type": "外出送达", "period": period, "destination": "当事人住所",
                            "reason": "送达法律文书"}
            created = host.ok("POST", "/apps/approvals/instances",
                              {"template": kind, "form": form}, user=user)
            detail = approve(host, created["id"], refuse)
            if detail["result"] == "agree":
                world.covers.append((str(created["id"]), user, kind, sub, start_dt, end_dt))


def covers_workday(calendar, start, end):
    """Whether [start, end) takes any time of a workday."""
    d = start.date()
    while d <= end.date():
        day_start = at(d, 0)
        if calendar.is_workday(d) and max(start, day_start) < min(end, day_start +
                                                                   datetime.timedelta(days=1)):
            return True
        d += datetime.timedelta(days=1)
    return False


def make_fixes(host, world):
    """补卡: up to three per person and month, agreed; a fourth in the month is refused."""
    rng = world.rng
    fixed = [p for p in world.people if world.group_of[p["id"]] and
             world.group_of[p["id"]]["type"] == "FIXED"]
    for n, p in enumerate(rng.sample(fixed, min(len(fixed), 10))):
        user = p["id"]
        shift = shift_of(world.group_of[user]["shift"])
        workdays = [d for d in days() if world.calendar.is_workday(d) and d.month == 9]
        wanted = 4 if n < 3 else rng.randint(1, 3)
        for i, d in enumerate(rng.sample(workdays, wanted)):
            ctype, plan, _, _ = rng.choice(ref.checks_of(shift))
            minute = plan + rng.choice([0, -3, 7, 45])
            status, answer = host.call("POST", "/apps/attendance/punch-fixes",
                                       {"date": d.isoformat(), "check_type": ctype,
                                        "time": f"{minute // 60:02d}:{minute % 60:02d}",
                                        "reason": "忘记打卡"}, user=user)
            if i == 3:
                if status != 409:
                    raise RuntimeError(f"a fourth 补卡 in a month gave {status}: {answer}")
                continue
            if status != 201:
                raise RuntimeError(f"POST /punch-fixes -> {status}: {answer}")
            host.settle()
            items = host.ok("GET", f"/apps/approvals/instances?court={COURT}&template=punch_fix"
                                   "&status=RUNNING&limit=100")["items"]
            inst = next(x for x in items if x["request_id"] == answer["request_id"])
            approve(host, inst["id"])
            world.fixes.append((str(inst["id"]), user, d, ctype, minute))


def hhmm(iso):
    return None if iso is None else iso[11:16]


def compare(world, user, got_day, problems):
    d = datetime.date.fromisoformat(got_day["date"])
    want = world.expected(user, d)
    where = f"{user} {d}"
    if got_day["status"] != want["status"]:
        problems.append(f"{where}: status {got_day['status']} != {want['status']}")
        return
    for k, v in want["counts"].items():
        if got_day["counts"].get(k) != v:
            problems.append(f"{where}: counts.{k} {got_day['counts'].get(k)} != {v}")
    if len(got_day["checks"]) != len(want["checks"]):
        problems.append(f"{where}: {len(got_day['checks'])} checks != {len(want['checks'])}")
        return
    for i, (g, w) in enumerate(zip(got_day["checks"], want["checks"])):
        at_ = f"{where} check {i}"
        plan = f"{w['plan'] // 60:02d}:{w['plan'] % 60:02d}"
        source = {"punch": "ATM", "cover": "APPROVE", "fix": "APPROVE", "none": None}[w["source"]]
        user_time = None if w["user"] is None else f"{w['user'] // 60:02d}:{w['user'] % 60:02d}"
        pairs = [("checkType", g["checkType"], w["checkType"]),
                 ("planCheckTime", hhmm(g["planCheckTime"]), plan),
                 ("timeResult", g["timeResult"], w["timeResult"]),
                 ("sourceType", g["sourceType"], source),
                 ("lateMinutes", g["lateMinutes"], w["late"]),
                 ("earlyMinutes", g["earlyMinutes"], w["early"]),
                 ("userCheckTime", hhmm(g["userCheckTime"]), user_time),
                 ("approveId", None if g["approveId"] is None else str(g["approveId"]),
                  w["approval"])]
        for name, a, b in pairs:
            if a != b:
                problems.append(f"{at_}: {name} {a} != {b}")


def run(args):
    source = os.path.abspath(args.source)
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="attendance-reference-")
    settings = {"shifts": SHIFTS,
                "groups": [dict(g, court=COURT) for g in GROUPS],
                "punch_fix_per_month": 3,
                # the check runs after the months it fixes: the window must reach back to them
                "punch_fix_window_days": 366}
    host = Host(args.courthub, source, settings, tmp)
    try:
        world = World(source, rng)
        # the duty roster: window or duty shifts, rest days, on weekends and holidays too
        filing = [p["id"] for p in world.people if (world.group_of[p["id"]] or {}).get("id") == "ref-filing"]
        entries = []
        for user in filing:
            for d in days():
                s = rng.choice(["window", "window", "duty", None])
                world.roster[(user, d)] = s
                entries.append({"user_id": user, "date": d.isoformat(), "shift_id": s})
        host.ok("PUT", "/apps/attendance/admin/groups/ref-filing/roster", {"entries": entries})
        records = make_punches(world)
        for i in range(0, len(records), 2000):
            host.ok("POST", "/apps/attendance/machine-records", records[i:i + 2000])
        make_approvals(host, world)
        make_fixes(host, world)
        host.settle()
        problems, n_days, n_checks = [], 0, 0
        for p in world.people:
            got = host.ok("GET", f"/apps/attendance/results?user_id={p['id']}"
                                 f"&from={FIRST.isoformat()}&to={LAST.isoformat()}")
            for day in got["days"]:
                n_days += 1
                n_checks += len(day["checks"])
                compare(world, p["id"], day, problems)
        print(f"check_attendance: {len(world.people)} people, {n_days} days, {n_checks} checks, "
              f"{len(records)} machine records, {len(world.covers)} agreed approvals, "
              f"{len(world.fixes)} 补卡: {len(problems)} differences")
        for line in problems[:40]:
            print("  " + line)
        return 1 if problems else 0
    finally:
        host.stop()
        if args.keep:
            print("kept " + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--courthub", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--seed", type=int, default=20261005)
    ap.add_argument("--keep", action="store_true", help="keep the data dir and the host's log")
    sys.exit(run(ap.parse_args()))


if __name__ == "__main__":
    main()
