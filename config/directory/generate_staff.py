#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Generates the demo staff directory (staff.yaml) for the 128 courts listed in courts.yaml.
#
# Standard library only, so a fresh checkout can regenerate the seed without installing anything;
# courts.yaml is therefore read with a small line parser that understands exactly its layout.
# The output is deterministic (fixed seed, no set/dict-order dependence): rerunning it must give a
# byte-identical file, so a diff of staff.yaml always means a deliberate change here.
#
# Usage: python3 config/directory/generate_staff.py   (reads and writes next to this script)

import os
import json
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COURTS_FILE = os.path.join(HERE, "courts.yaml")
STAFF_FILE = os.path.join(HERE, "staff.yaml")
DOUBLE_USERS_FILE = os.path.join(HERE, "dingtalk-users.json")
SEED = 20200601  # the day the 双激励 board went live; any fixed value would do

# Common surnames, the most frequent first and repeated so they come up more often, as they do.
SURNAMES = (
    "王王王李李李张张张刘刘陈陈杨杨黄赵赵吴周周徐孙孙马马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    "彭曾肖田董袁潘于于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜姜崔崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
    "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤关佟鲍那单")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国文辉力永健世广志义兴良海山仁波"
    "宁贵福生龙元全胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬"
    "震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋"
    "维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘雪琳晗瑶婷雯倩颖璐丹蕾")

PLACES = (
    "城郊", "新城", "东关", "西关", "南站", "北塔", "红旗", "胜利", "新华", "长安", "兴隆", "太平",
    "永安", "河口", "大营", "高台", "三家子", "二道河", "黄旗", "前进", "古城", "石佛", "桥头", "马家",
    "沙岭", "大孤山", "老街", "富民", "双井", "白旗", "西安", "东陵", "金山", "柳河", "新民屯", "朝阳堡")

# Roles and the titles they carry. division_head's title depends on the department (庭长/局长/...).
TITLE = {
    "president": "院长",
    "vice_president": "副院长",
    "judge": "审判员",
    "assistant_judge": "法官助理",
    "clerk": "书记员",
    "court_admin": "综合管理员",
    "staff": "科员",
}

# Divisions per kind of court, in the order their ids are given. Those in OFFICES get a head and
# staff; every other one is a trial division (head, maybe a deputy, judges, assistants, clerks),
# except a 执行局 with ENFORCEMENT_SUBS, whose enforcement staff sit in its sub-departments.
BASIC_DIVISIONS = ["立案庭", "刑事审判庭", "民事审判第一庭", "民事审判第二庭", "行政审判庭", "执行局",
                   "审判管理办公室", "办公室", "政治部"]
UPPER_DIVISIONS = ["立案庭", "刑事审判第一庭", "刑事审判第二庭", "民事审判第一庭", "民事审判第二庭",
                   "民事审判第三庭", "民事审判第四庭", "行政审判庭", "审判监督庭", "执行局",
                   "审判管理办公室", "办公室", "政治部"]
HIGH_DIVISIONS = ["立案庭", "刑事审判第一庭", "刑事审判第二庭", "民事审判第一庭", "民事审判第二庭",
                  "民事审判第三庭", "民事审判第四庭", "行政审判庭", "审判监督庭", "环境资源审判庭",
                  "赔偿委员会办公室", "执行局", "审判管理办公室", "研究室", "办公室", "政治部"]
MARITIME_DIVISIONS = ["立案庭", "海事审判庭", "海商审判庭", "审判监督庭", "执行局", "审判管理办公室",
                      "办公室", "政治部"]
RAILWAY_DIVISIONS = ["立案庭", "刑事审判庭", "民事审判庭", "审判监督庭", "执行局", "审判管理办公室",
                     "办公室", "政治部"]
OFFICES = {"审判管理办公室", "办公室", "政治部", "研究室"}
ENFORCEMENT_SUBS = {"high": ["执行实施处", "执行裁决处", "执行监督处"],
                    "intermediate": ["执行实施处", "执行裁决处"]}

# Staffing per court profile, each entry the values to draw from (repeats weight a value):
# vice presidents, chance of a deputy head, judges, assistants, clerks and office staff per
# division, and how many 人民法庭 a basic court runs. Small basic courts sit at the low end of every
# range: the structure above already needs some 5,600 people, and the demo should stay near that.
PROFILES = {
    "high": {"vps": (4,), "deputy": 0.8, "judges": (3, 4, 5), "assistants": (2, 3),
             "clerks": (2, 3), "office": (2, 3)},
    "intermediate": {"vps": (3, 4), "deputy": 0.5, "judges": (2, 2, 3, 4), "assistants": (1, 1, 2),
                     "clerks": (1, 1, 2), "office": (1, 1, 2)},
    "basic_large": {"vps": (3,), "deputy": 0.3, "judges": (2, 3, 3), "assistants": (1, 1, 2),
                    "clerks": (1, 1, 2), "office": (1, 1, 2), "tribunals": (1, 2)},
    "basic_small": {"vps": (2, 2, 3), "deputy": 0.1, "judges": (2, 2, 2, 3), "assistants": (1,),
                    "clerks": (1,), "office": (1,), "tribunals": (1, 1, 1, 2)},
}


def read_courts(path):
    """Returns the courts as dicts, in file order. Understands only courts.yaml's block layout."""
    courts, current, in_courts = [], None, False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith((" ", "-")):
                in_courts = line.startswith("courts:")
                continue
            if not in_courts:
                continue  # continuation lines of the multi-line note
            if line.startswith("- "):
                current = {}
                courts.append(current)
                line = "  " + line[2:]
            key, _, value = line.strip().partition(":")
            value = value.strip()
            current[key] = None if value in ("null", "~", "") else value
    for c in courts:
        for key in ("code", "name", "level", "kind", "city"):
            if not c.get(key):
                raise SystemExit(f"{path}: court {c} has no {key}")
    return courts


def profile_of(court):
    if court["level"] in ("high", "intermediate"):
        return court["level"]
    # Urban districts of the two big cities carry the heaviest basic-court caseloads.
    big_city_district = court["city"] in ("沈阳", "大连") and "区人民法院" in court["name"]
    return "basic_large" if big_city_district and court["kind"] == "ordinary" else "basic_small"


def head_title(dept_name):
    if dept_name.endswith("局"):
        return "局长"
    if dept_name.endswith("处"):
        return "处长"
    if dept_name.endswith("庭"):
        return "庭长"
    return "主任"


def deputy_title(dept_name):
    return "副" + head_title(dept_name)


def administrative_courts(courts, rng):
    """Picks the basic courts that keep an 行政审判庭: Liaoning concentrates administrative cases in
    a few designated basic courts per city (集中管辖), so most basic courts have none."""
    chosen = set()
    by_parent = {}
    for c in courts:
        if c["level"] == "basic" and c["kind"] == "ordinary":
            by_parent.setdefault(c["parent"], []).append(c["code"])
    for parent in sorted(by_parent):
        codes = by_parent[parent]
        count = 2 if len(codes) >= 10 else 1
        chosen.update(rng.sample(codes, count))
    return chosen


class CourtStaff:
    """Builds one court's departments and people; names are unique within the court."""

    def __init__(self, court, index, rng):
        self.court, self.rng = court, rng
        self.root_id = index * 1000
        self.next_dept = self.root_id + 1
        self.next_seq = 10  # 001 is the president, 002-009 are kept for the court's leadership
        self.names = set()
        self.departments, self.people = [], []
        self.profile = PROFILES[profile_of(court)]

    def name(self):
        while True:
            given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            full = self.rng.choice(SURNAMES) + given
            if full not in self.names:
                self.names.add(full)
                return full

    def person(self, dept_id, role, title=None, seq=None):
        if seq is None:
            seq, self.next_seq = self.next_seq, self.next_seq + 1
        if seq > 999:
            raise SystemExit(f"{self.court['code']}: more people than 3-digit user ids allow")
        uid = f"{self.court['code']}-{seq:03d}"
        self.people.append({"id": uid, "name": self.name(), "court": self.court["code"],
                            "dept": dept_id, "title": title or TITLE[role], "roles": [role]})
        return uid

    def count(self, what):
        return self.rng.choice(self.profile[what])

    def department(self, name, parent, leader=None):
        dept = {"id": self.next_dept, "court": self.court["code"], "name": name,
                "parent": parent, "head": None, "leader": leader}
        self.next_dept += 1
        self.departments.append(dept)
        return dept

    def staff_trial(self, dept):
        dept["head"] = self.person(dept["id"], "division_head", head_title(dept["name"]))
        if self.rng.random() < self.profile["deputy"]:
            self.person(dept["id"], "deputy_division_head", deputy_title(dept["name"]))
        for role, what in (("judge", "judges"), ("assistant_judge", "assistants"),
                           ("clerk", "clerks")):
            for _ in range(self.count(what)):
                self.person(dept["id"], role)

    def staff_office(self, dept):
        dept["head"] = self.person(dept["id"], "division_head", head_title(dept["name"]))
        if dept["name"] == "办公室":
            self.person(dept["id"], "court_admin")
        for _ in range(self.count("office")):
            self.person(dept["id"], "staff")

    def build(self, division_names, tribunals):
        root = {"id": self.root_id, "court": self.court["code"], "name": self.court["name"],
                "parent": None, "head": None, "leader": None}
        self.departments.append(root)
        root["head"] = self.person(root["id"], "president", seq=1)
        vps = [self.person(root["id"], "vice_president", seq=2 + i)
               for i in range(self.count("vps"))]
        level = self.court["level"]
        for i, name in enumerate(division_names + tribunals):
            dept = self.department(name, self.root_id, leader=vps[i % len(vps)])
            if name in OFFICES:
                self.staff_office(dept)
            elif name == "执行局" and level in ENFORCEMENT_SUBS:
                # The bureau's own people are its leadership; the enforcement work is done in
                # the sub-departments, each with its own head and no 分管院领导 of its own.
                dept["head"] = self.person(dept["id"], "division_head", "局长")
                self.person(dept["id"], "deputy_division_head", "副局长")
                for sub in ENFORCEMENT_SUBS[level]:
                    self.staff_trial(self.department(sub, dept["id"]))
            else:
                self.staff_trial(dept)


def divisions_for(court, admin_courts, rng):
    level, kind = court["level"], court["kind"]
    if level == "high":
        return list(HIGH_DIVISIONS), []
    if kind == "maritime":
        return list(MARITIME_DIVISIONS), ["营口法庭", "丹东法庭"]
    if kind == "railway":
        return list(RAILWAY_DIVISIONS), []
    if level == "intermediate":
        return list(UPPER_DIVISIONS), []
    divisions = [d for d in BASIC_DIVISIONS
                 if d != "行政审判庭" or court["code"] in admin_courts]
    count = 1 if kind == "dev_zone" else rng.choice(PROFILES[profile_of(court)]["tribunals"])
    places = rng.sample(PLACES, count)
    return divisions, [p + "人民法庭" for p in places]


def plain(value):
    """A value written unquoted; refuses text that YAML would read as something else."""
    text = str(value)
    if not text or any(c in text for c in ",:{}[]#&*!|>'\"%@`") or text.strip() != text:
        raise SystemExit(f"cannot write {text!r} as a plain YAML scalar")
    return text


def flow(items):
    """One YAML flow mapping."""
    parts = []
    for key, value in items:
        if value is None:
            value = "null"
        elif isinstance(value, list):
            value = "[" + ", ".join(plain(v) for v in value) + "]"
        else:
            value = plain(value)
        parts.append(f"{key}: {value}")
    return "  - {" + ", ".join(parts) + "}"


def main():
    rng = random.Random(SEED)
    courts = read_courts(COURTS_FILE)
    admin_courts = administrative_courts(courts, rng)
    departments, people = [], []
    for index, court in enumerate(courts, start=1):
        divisions, tribunals = divisions_for(court, admin_courts, rng)
        staff = CourtStaff(court, index, rng)
        staff.build(divisions, tribunals)
        departments += staff.departments
        people += staff.people

    lines = ["# generated by generate_staff.py — do not edit by hand", "departments:"]
    for d in departments:
        items = [("id", d["id"]), ("court", d["court"]), ("name", d["name"]),
                 ("parent", d["parent"]), ("head", d["head"])]
        if d["leader"]:
            items.append(("leader", d["leader"]))
        lines.append(flow(items))
    lines.append("people:")
    for p in people:
        lines.append(flow([("id", p["id"]), ("name", p["name"]), ("court", p["court"]),
                           ("dept", p["dept"]), ("title", p["title"]), ("roles", p["roles"])]))
    with open(STAFF_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{STAFF_FILE}: {len(courts)} courts, {len(departments)} departments, "
          f"{len(people)} people")
    write_double_users(people)


def write_double_users(people):
    # The same people as DingTalk would hold them, for the local DingTalk double: it answers
    # mini-app logins and user lookups for them (tests/dingtalk_double, ./dev run).
    users = [{"userid": p["id"], "unionid": "union-" + p["id"], "name": p["name"],
              "title": p["title"], "dept_id_list": [p["dept"]], "active": True}
             for p in people]
    with open(DOUBLE_USERS_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n" + ",\n".join(json.dumps(u, ensure_ascii=False, separators=(",", ":"))
                                   for u in users) + "\n]\n")
    print(f"{DOUBLE_USERS_FILE}: {len(users)} users")


if __name__ == "__main__":
    main()
