// SPDX-License-Identifier: Apache-2.0
// group_store.hpp — groups, shifts and duty rosters in the plugin's database (seeded from the
// settings at activation, edited by court admins through admin_routes), and the Schedule that
// answers "which group, which shift, what kind of day" for a person on a date.
//
// Threading: any handler thread; each call reads or writes in its own transaction.
// Errors: courthub::Error from the database; Conflict/InvalidArgument from the writers.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/time.hpp>

#include "attendance_settings.hpp"
#include "day_rules.hpp"
#include "group.hpp"
#include "shift.hpp"

namespace attendance {

using courthub::time::Date;

// Writes the settings' shifts and groups into the database by id, the rooms way: new ids are
// added, rows still managed_by "settings" are updated, rows edited through the API are kept (a
// log line), settings rows gone from the settings are deleted. The court default group of every
// court in settings.buildings is written as "<court code lower-cased>-default". Logs each change.
void seed_groups(courthub::Host& host, const Settings& settings);

// The default groups of `settings` (one per court in settings.buildings, when
// default_group.enabled), named "<court name>考勤组" from `court_name` (the code when empty).
std::vector<Group> default_groups(const Settings& settings,
                                  const std::function<std::string(const std::string&)>& court_name);

// The tables, for seed_groups, the admin routes and Schedule. Rows whose body cannot be read
// (never written by this plugin) are skipped. Errors: courthub::Error from the database.
std::vector<Shift> load_shifts(const courthub::Sql& db);
std::vector<Group> load_groups(const courthub::Sql& db);
std::optional<Shift> load_shift(const courthub::Sql& db, std::string_view id);
std::optional<Group> load_group(const courthub::Sql& db, std::string_view id);
// INSERT or UPDATE by id (g.managed_by is written as given).
void save_shift(const courthub::Sql& tx, const Shift& s, const std::string& managed_by,
                int64_t now_ms);
void save_group(const courthub::Sql& tx, const Group& g, int64_t now_ms);

// One row of a TURN group's duty roster: the person works `shift_id` that day (nullopt: rest).
struct RosterEntry {
  std::string user_id;
  Date day;
  std::optional<std::string> shift_id;
};
// The rows of [from, to], by day then user.
std::vector<RosterEntry> load_roster(const courthub::Sql& db, std::string_view group_id,
                                     Date from, Date to);
// The demo's roster of a TURN group: `days` days from `from`, member i on day k works
// shift_ids[(i + k) % (n + 1)], the n-th slot being a rest day (n = the group's shift count).
std::vector<RosterEntry> demo_roster(const Group& g, const std::vector<std::string>& members,
                                     Date from, int days);
// Writes each entry (replacing that person's row of that day).
void save_roster(const courthub::Sql& tx, std::string_view group_id,
                 const std::vector<RosterEntry>& entries, int64_t now_ms);

// What a person's day is.
struct DayPlan {
  DayKind kind = DayKind::Rest;
  const Group* group = nullptr;  // nullptr: the person is in no group (kind Rest)
  const Shift* shift = nullptr;  // kind == Work
};

// Every group and shift, the rosters of [from, to] and the work calendar of those days, read
// once; then answers from memory. Build one per request (or per job run), not per person.
class Schedule {
 public:
  Schedule(courthub::Host& host, Date from, Date to);
  ~Schedule();
  Schedule(const Schedule&) = delete;
  Schedule& operator=(const Schedule&) = delete;

  // The person's group: a group listing them by userid, else the group listing their department
  // or its nearest ancestor, else their court's default group; nullptr if none.
  const Group* group_of(const courthub::Person& person) const;
  // FIXED: Work(shift) on a calendar workday, else Rest. TURN: the roster's shift, else Rest; on
  // a calendar rest day Rest when skip_holidays. NONE: Free on a workday, else Rest. No group:
  // Rest with group nullptr. `day` must lie in [from, to].
  DayPlan plan(const courthub::Person& person, Date day) const;
  bool is_workday(Date day) const;
  const Shift* shift(std::string_view id) const;  // nullptr if unknown
  const Group* group(std::string_view id) const;  // nullptr if unknown
  std::vector<const Group*> groups_of_court(std::string_view court) const;

 private:
  struct Data;
  std::unique_ptr<Data> d_;
};

}  // namespace attendance
