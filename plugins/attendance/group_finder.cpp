// SPDX-License-Identifier: Apache-2.0
// A Schedule kept while the groups and shifts are unchanged.
#include "group_finder.hpp"

#include <chrono>
#include <functional>

#include <courthub/time.hpp>

namespace attendance {

namespace {

constexpr int64_t kMaxAgeMs = 60 * 1000;

// A hash of every group and shift row as stored: any edit, even one that keeps a body's length
// within the same millisecond, gives another value.
size_t tables_version(courthub::Database& db) {
  // PostgreSQL spells it string_agg and chr, and orders inside the aggregate.
  auto row = db.one(
      db.dialect() == courthub::Dialect::kPostgres
          ? "SELECT (SELECT string_agg(id || chr(31) || managed_by || chr(31) || body, chr(30) "
            "ORDER BY id) FROM groups) AS g, "
            "(SELECT string_agg(id || chr(31) || body, chr(30) ORDER BY id) FROM shifts) AS s"
          : "SELECT (SELECT group_concat(id || char(31) || managed_by || char(31) || body, "
            "char(30)) FROM (SELECT * FROM groups ORDER BY id)) AS g, "
            "(SELECT group_concat(id || char(31) || body, char(30)) "
            "FROM (SELECT * FROM shifts ORDER BY id)) AS s");
  if (!row) return 0;
  return std::hash<std::string>{}(row->text("g")) * 31 + std::hash<std::string>{}(row->text("s"));
}

}  // namespace

GroupFinder::Found GroupFinder::group_of(const courthub::Person& person, int64_t now_ms) {
  const auto today = courthub::time::local_date(now_ms);
  const int64_t serial = std::chrono::sys_days{today}.time_since_epoch().count();
  const size_t version = tables_version(host_.db());
  std::shared_ptr<const Schedule> schedule;
  {
    std::lock_guard lock(mu_);
    if (schedule_ && version == version_ && serial == date_serial_ &&
        now_ms - built_ms_ < kMaxAgeMs && now_ms >= built_ms_)
      schedule = schedule_;
  }
  if (!schedule) {
    // Built outside the lock: two threads may both build one; the later one is kept.
    schedule = std::make_shared<const Schedule>(host_, today, today);
    std::lock_guard lock(mu_);
    schedule_ = schedule;
    version_ = version;
    built_ms_ = now_ms;
    date_serial_ = serial;
  }
  return Found{schedule, schedule->group_of(person)};
}

}  // namespace attendance
