// SPDX-License-Identifier: Apache-2.0
// group_store.cpp — groups, shifts and rosters in the database: the seeding from the settings
// (the rooms way, docs/attendance.md "Settings"), the reads and writes the admin routes use, and
// the Schedule that answers "what kind of day is this for this person".
#include "group_store.hpp"

#include <mutex>
#include <set>
#include <unordered_map>

#include "group_json.hpp"

namespace attendance {

using courthub::Json;

namespace {

int64_t serial(Date d) { return std::chrono::sys_days{d}.time_since_epoch().count(); }

template <class T, class Read>
std::vector<T> read_bodies(const std::vector<courthub::Row>& rows, Read read) {
  std::vector<T> out;
  for (const auto& row : rows) {
    try {
      JsonProblems ignored;
      T value = read(Json::parse(row.text("body")), ignored);
      if constexpr (std::is_same_v<T, Group>) value.managed_by = row.text("managed_by");
      out.push_back(std::move(value));
    } catch (const Json::exception&) {
      // Written by this plugin only; a damaged body is skipped rather than failing every read.
    }
  }
  return out;
}

Shift shift_of(const Json& j, JsonProblems& p) { return read_shift(j, "", p); }
Group group_of_body(const Json& j, JsonProblems& p) { return read_group(j, "", p); }

}  // namespace

std::vector<Shift> load_shifts(const courthub::Sql& db) {
  return read_bodies<Shift>(db.query("SELECT body, managed_by FROM shifts ORDER BY id"), shift_of);
}

std::vector<Group> load_groups(const courthub::Sql& db) {
  return read_bodies<Group>(db.query("SELECT body, managed_by FROM groups ORDER BY court, id"),
                            group_of_body);
}

std::optional<Shift> load_shift(const courthub::Sql& db, std::string_view id) {
  auto v = read_bodies<Shift>(db.query("SELECT body, managed_by FROM shifts WHERE id = ?", {id}),
                              shift_of);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<Group> load_group(const courthub::Sql& db, std::string_view id) {
  auto v = read_bodies<Group>(db.query("SELECT body, managed_by FROM groups WHERE id = ?", {id}),
                              group_of_body);
  if (v.empty()) return std::nullopt;
  return v.front();
}

void save_shift(const courthub::Sql& tx, const Shift& s, const std::string& managed_by,
                int64_t now_ms) {
  tx.exec(
      "INSERT INTO shifts(id, court, body, managed_by, updated_ms) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET court = excluded.court, body = excluded.body, "
      "managed_by = excluded.managed_by, updated_ms = excluded.updated_ms",
      {s.id, s.court, shift_json(s).dump(), managed_by, now_ms});
}

void save_group(const courthub::Sql& tx, const Group& g, int64_t now_ms) {
  tx.exec(
      "INSERT INTO groups(id, court, body, managed_by, updated_ms) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET court = excluded.court, body = excluded.body, "
      "managed_by = excluded.managed_by, updated_ms = excluded.updated_ms",
      {g.id, g.court, group_json(g).dump(), g.managed_by, now_ms});
}

std::vector<RosterEntry> load_roster(const courthub::Sql& db, std::string_view group_id, Date from,
                                     Date to) {
  std::vector<RosterEntry> out;
  for (const auto& row : db.query(
           "SELECT user_id, day, shift_id FROM roster WHERE group_id = ? AND day >= ? AND day <= ? "
           "ORDER BY day, user_id",
           {group_id, courthub::time::format_date(from), courthub::time::format_date(to)})) {
    auto day = courthub::time::parse_date(row.text("day"));
    if (!day) continue;
    RosterEntry e{row.text("user_id"), *day, std::nullopt};
    if (!row.is_null("shift_id")) e.shift_id = row.text("shift_id");
    out.push_back(std::move(e));
  }
  return out;
}

void save_roster(const courthub::Sql& tx, std::string_view group_id,
                 const std::vector<RosterEntry>& entries, int64_t now_ms) {
  for (const RosterEntry& e : entries)
    tx.exec(
        "INSERT INTO roster(group_id, user_id, day, shift_id, updated_ms) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(group_id, user_id, day) DO UPDATE SET shift_id = excluded.shift_id, "
        "updated_ms = excluded.updated_ms",
        {group_id, e.user_id, courthub::time::format_date(e.day), e.shift_id, now_ms});
}

std::vector<RosterEntry> demo_roster(const Group& g, const std::vector<std::string>& members,
                                     Date from, int days) {
  std::vector<RosterEntry> out;
  const size_t slots = g.shift_ids.size() + 1;
  for (int k = 0; k < days; ++k) {
    Date day{std::chrono::sys_days{from} + std::chrono::days{k}};
    for (size_t i = 0; i < members.size(); ++i) {
      size_t slot = (i + static_cast<size_t>(k)) % slots;
      RosterEntry e{members[i], day, std::nullopt};
      if (slot < g.shift_ids.size()) e.shift_id = g.shift_ids[slot];
      out.push_back(std::move(e));
    }
  }
  return out;
}

namespace {

// The demo's rosters: each settings TURN group whose roster is empty (never at a later start
// once a roster exists, so an admin's roster is never overwritten).
void seed_demo_rosters(courthub::Host& host, const Settings& settings) {
  if (settings.demo_roster_days <= 0) return;
  const Date today = courthub::time::local_date(host.now_ms());
  for (const Group& g : settings.groups) {
    if (g.type != GroupType::Turn) continue;
    if (host.db().one("SELECT 1 FROM roster WHERE group_id = ? LIMIT 1", {g.id})) continue;
    std::set<std::string> people(g.member_users.begin(), g.member_users.end());
    for (const std::string& dept : g.member_depts)
      for (const courthub::Person& p : host.directory().people({g.court, dept, ""}))
        people.insert(p.user_id);
    if (people.empty()) continue;
    auto entries = demo_roster(g, {people.begin(), people.end()}, today, settings.demo_roster_days);
    host.db().transaction([&](courthub::Transaction& tx) {
      save_roster(tx, g.id, entries, host.now_ms());
    });
    host.info("attendance: wrote a demo roster of " + std::to_string(settings.demo_roster_days) +
              " days for group " + g.id + " (" + std::to_string(people.size()) + " people)");
  }
}

}  // namespace

std::vector<Group> default_groups(const Settings& settings,
                                  const std::function<std::string(const std::string&)>& court_name) {
  std::vector<Group> out;
  if (!settings.default_group.enabled) return out;
  for (const auto& [court, building] : settings.buildings) {
    Group g;
    g.id = default_group_id(court);
    g.court = court;
    std::string name = court_name ? court_name(court) : std::string();
    g.name = (name.empty() ? court : name) + "考勤组";
    g.type = settings.default_group.type;
    if (g.type == GroupType::Fixed) g.shift_id = settings.default_group.shift_id;
    GeoFence f = building;
    f.radius_m = settings.default_group.radius_m;
    g.locations.push_back(f);
    g.outside = settings.default_group.outside;
    g.managed_by = "settings";
    out.push_back(std::move(g));
  }
  return out;
}

void seed_groups(courthub::Host& host, const Settings& settings) {
  auto court_name = [&host](const std::string& code) -> std::string {
    try {
      if (auto c = host.directory().court(code)) return c->name;
    } catch (const courthub::Error&) {
    }
    host.warn("attendance: court " + code + " of /buildings is not in the directory");
    return {};
  };
  std::vector<Group> groups = settings.groups;
  for (Group& g : default_groups(settings, court_name)) groups.push_back(std::move(g));
  const int64_t now = host.now_ms();
  std::vector<std::string> notes = host.db().transaction([&](courthub::Transaction& tx) {
    std::vector<std::string> notes;
    // Shifts first: groups name them.
    std::set<std::string> listed_shifts;
    for (const Shift& wanted : settings.shifts) {
      listed_shifts.insert(wanted.id);
      auto row = tx.one("SELECT body, managed_by FROM shifts WHERE id = ?", {wanted.id});
      if (row && row->text("managed_by") == "api") {
        notes.push_back("kept shift " + wanted.id + " as edited through the API");
        continue;
      }
      if (row && row->text("body") == shift_json(wanted).dump()) continue;
      save_shift(tx, wanted, "settings", now);
      notes.push_back((row ? "updated shift " : "added shift ") + wanted.id);
    }
    std::set<std::string> listed_groups;
    for (const Group& wanted : groups) {
      listed_groups.insert(wanted.id);
      auto row = tx.one("SELECT body, managed_by FROM groups WHERE id = ?", {wanted.id});
      if (row && row->text("managed_by") == "api") {
        notes.push_back("kept group " + wanted.id + " as edited through the API");
        continue;
      }
      if (row && row->text("body") == group_json(wanted).dump()) continue;
      save_group(tx, wanted, now);
      notes.push_back((row ? "updated group " : "added group ") + wanted.id);
    }
    for (const auto& row : tx.query("SELECT id FROM groups WHERE managed_by = 'settings'")) {
      std::string id = row.text("id");
      if (listed_groups.count(id)) continue;
      tx.exec("DELETE FROM groups WHERE id = ?", {id});
      notes.push_back("removed group " + id + " (gone from the settings; its roster rows are kept)");
    }
    // A shift gone from the settings is removed unless a remaining group still names it.
    std::set<std::string> used;
    for (const Group& g : load_groups(tx)) {
      if (!g.shift_id.empty()) used.insert(g.shift_id);
      used.insert(g.shift_ids.begin(), g.shift_ids.end());
    }
    for (const auto& row : tx.query("SELECT id FROM shifts WHERE managed_by = 'settings'")) {
      std::string id = row.text("id");
      if (listed_shifts.count(id)) continue;
      if (used.count(id)) {
        notes.push_back("kept shift " + id + " (gone from the settings, still used by a group)");
        continue;
      }
      tx.exec("DELETE FROM shifts WHERE id = ?", {id});
      notes.push_back("removed shift " + id + " (gone from the settings)");
    }
    return notes;
  });
  for (const std::string& n : notes) host.info("attendance: " + n);
  seed_demo_rosters(host, settings);
}

// --- Schedule ---

struct Schedule::Data {
  courthub::Host& host;
  Date from, to;
  std::vector<Group> groups;
  std::vector<Shift> shifts;
  std::unordered_map<std::string, const Group*> group_by_id;
  std::unordered_map<std::string, const Shift*> shift_by_id;
  std::unordered_map<std::string, const Group*> by_user;
  std::unordered_map<std::string, const Group*> by_dept;
  // "<group>\n<user>\n<day serial>" -> the roster's shift (nullptr: rest).
  std::unordered_map<std::string, const Shift*> roster;
  std::vector<bool> workday;  // index: day - from

  // Filled on demand (a Schedule is used by one request or job, but stay safe if shared).
  mutable std::mutex mutex;
  mutable std::unordered_map<std::string, std::unordered_map<std::string, std::string>> parents;
  mutable std::unordered_map<std::string, const Group*> person_group;

  explicit Data(courthub::Host& h) : host(h) {}

  static std::string roster_key(const std::string& group, const std::string& user, int64_t day) {
    return group + "\n" + user + "\n" + std::to_string(day);
  }

  const std::unordered_map<std::string, std::string>& parents_of(const std::string& court) const {
    auto it = parents.find(court);
    if (it != parents.end()) return it->second;
    auto& map = parents[court];
    try {
      for (const auto& d : host.directory().departments(court)) map[d.id] = d.parent_id;
    } catch (const courthub::Error&) {
      // An unknown court: only the person's own department is looked up.
    }
    return map;
  }

  const Group* find_group(const courthub::Person& p) const {
    if (auto it = by_user.find(p.user_id); it != by_user.end()) return it->second;
    const auto& parent = parents_of(p.court_code);
    std::string dept = p.dept_id;
    for (int depth = 0; !dept.empty() && depth < 64; ++depth) {
      if (auto it = by_dept.find(dept); it != by_dept.end()) return it->second;
      auto up = parent.find(dept);
      if (up == parent.end()) break;
      dept = up->second;
    }
    if (auto it = group_by_id.find(default_group_id(p.court_code)); it != group_by_id.end())
      return it->second;
    return nullptr;
  }
};

Schedule::Schedule(courthub::Host& host, Date from, Date to) : d_(std::make_unique<Data>(host)) {
  d_->from = from;
  d_->to = to;
  d_->groups = load_groups(host.db());
  d_->shifts = load_shifts(host.db());
  for (const Shift& s : d_->shifts) d_->shift_by_id[s.id] = &s;
  for (const Group& g : d_->groups) {
    d_->group_by_id[g.id] = &g;
    for (const auto& u : g.member_users) d_->by_user.emplace(u, &g);
    for (const auto& dept : g.member_depts) d_->by_dept.emplace(dept, &g);
  }
  for (const auto& row : host.db().query(
           "SELECT group_id, user_id, day, shift_id FROM roster WHERE day >= ? AND day <= ?",
           {courthub::time::format_date(from), courthub::time::format_date(to)})) {
    auto day = courthub::time::parse_date(row.text("day"));
    if (!day) continue;
    const Shift* s = nullptr;
    if (!row.is_null("shift_id")) {
      auto it = d_->shift_by_id.find(row.text("shift_id"));
      if (it == d_->shift_by_id.end()) continue;  // a shift deleted since: no work that day
      s = it->second;
    }
    d_->roster[Data::roster_key(row.text("group_id"), row.text("user_id"), serial(*day))] = s;
  }
  for (int64_t day = serial(from); day <= serial(to); ++day)
    d_->workday.push_back(
        host.calendar().is_workday(std::chrono::sys_days{std::chrono::days{day}}));
}

Schedule::~Schedule() = default;

const Group* Schedule::group_of(const courthub::Person& person) const {
  std::lock_guard lock(d_->mutex);
  auto it = d_->person_group.find(person.user_id);
  if (it != d_->person_group.end()) return it->second;
  const Group* g = d_->find_group(person);
  d_->person_group.emplace(person.user_id, g);
  return g;
}

bool Schedule::is_workday(Date day) const {
  int64_t i = serial(day) - serial(d_->from);
  if (i < 0 || i >= static_cast<int64_t>(d_->workday.size()))
    return d_->host.calendar().is_workday(std::chrono::sys_days{day});
  return d_->workday[static_cast<size_t>(i)];
}

DayPlan Schedule::plan(const courthub::Person& person, Date day) const {
  DayPlan out;
  out.group = group_of(person);
  if (!out.group) return out;
  const bool workday = is_workday(day);
  switch (out.group->type) {
    case GroupType::Fixed:
      if (workday) out.shift = shift(out.group->shift_id);
      break;
    case GroupType::Turn: {
      auto it = d_->roster.find(Data::roster_key(out.group->id, person.user_id, serial(day)));
      if (it != d_->roster.end() && (workday || !out.group->skip_holidays)) out.shift = it->second;
      break;
    }
    case GroupType::None:
      out.kind = workday ? DayKind::Free : DayKind::Rest;
      return out;
  }
  out.kind = out.shift ? DayKind::Work : DayKind::Rest;
  return out;
}

const Shift* Schedule::shift(std::string_view id) const {
  auto it = d_->shift_by_id.find(std::string(id));
  return it == d_->shift_by_id.end() ? nullptr : it->second;
}

const Group* Schedule::group(std::string_view id) const {
  auto it = d_->group_by_id.find(std::string(id));
  return it == d_->group_by_id.end() ? nullptr : it->second;
}

std::vector<const Group*> Schedule::groups_of_court(std::string_view court) const {
  std::vector<const Group*> out;
  for (const Group& g : d_->groups)
    if (g.court == court) out.push_back(&g);
  return out;
}

}  // namespace attendance
