// SPDX-License-Identifier: Apache-2.0
// timesheet.hpp — results on read: gathers a person's plan (Schedule), punches and approvals for
// each day and runs compute_day. Nothing is cached, so a changed rule, calendar, punch or
// approval shows in the next read (the rules doc's "recomputed … idempotently").
//
// Threading: any handler thread; each call reads the database once per table.
// Errors: courthub::Error from the host (database, directory).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/time.hpp>

#include "approval_store.hpp"
#include "attendance_settings.hpp"
#include "day_rules.hpp"
#include "group.hpp"
#include "punch_store.hpp"
#include "shift.hpp"

namespace attendance {

using courthub::time::Date;

// One person's one day, with everything the result was made from.
struct DayView {
  std::string user_id;
  Date date;
  bool workday = true;                 // of the court's calendar
  std::optional<Group> group;          // none: not in any group ("unassigned")
  std::optional<Shift> shift;          // DayKind::Work
  DayResult result;
  std::vector<Punch> punches;          // every punch of the day, counted or not
  std::vector<ApprovalRecord> approvals;  // agreed approvals touching the day (leave, 补卡 ...)
};

class Timesheet {
 public:
  Timesheet(courthub::Host& host, const Settings& settings);

  // [from, to], both included, at most 366 days.
  std::vector<DayView> person(const courthub::Person& person, Date from, Date to) const;
  // Many people at once (a department, a court, the bench): one read of each table. The map
  // has every given person, each with to − from + 1 days.
  std::map<std::string, std::vector<DayView>> people(const std::vector<courthub::Person>& people,
                                                     Date from, Date to) const;

  // How much of each punch a DayView carries. Full: every column. Checks: what the checks show
  // (id, user_id, time_ms, source_type, location_result, approval_state) — departments and the
  // DingTalk export. Times: id, user_id, time_ms and approval_state only when it keeps the punch
  // from counting — summaries. Checks and Times read the table in one streamed pass (a court's
  // month is ~10^6 punches); with many people their time_ms is whole seconds.
  enum class PunchDetail { Full, Checks, Times };
  std::map<std::string, std::vector<DayView>> people(const std::vector<courthub::Person>& people,
                                                     Date from, Date to,
                                                     PunchDetail detail) const;

  // The same, one person at a time in the order given (each person once): `fn` gets the
  // person's days and may take them; they are not kept. A court's month never holds more than
  // one person's days at once.
  using PersonDays = std::function<void(const courthub::Person&, std::vector<DayView>& days)>;
  void each_person(const std::vector<courthub::Person>& people, Date from, Date to,
                   PunchDetail detail, const PersonDays& fn) const;

 private:
  courthub::Host& host_;
  const Settings& settings_;
};

}  // namespace attendance
