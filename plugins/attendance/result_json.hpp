// SPDX-License-Identifier: Apache-2.0
// result_json.hpp — results as the API shows them: a day, its checks and punches (docs/
// attendance.md, "Results"), DingTalk's attendance/list records, and the monthly summary as CSV.
//
// Pure functions of their arguments: any thread. Errors: none thrown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <courthub/json.hpp>

#include "month_summary.hpp"
#include "timesheet.hpp"

namespace attendance {

// "rest" | "free" | "normal" | "exception" | "absent", or "unassigned" for a person in no group.
std::string day_status(const DayView& day);

// {"late","serious_late","absenteeism","early","missing","late_minutes","early_minutes"}
courthub::Json counts_json(const DayCounts& counts);

// One check, DingTalk's punch result field for field plus ours ("window", the minutes, the
// approval). `day` supplies the date and the punches a counted check points at.
courthub::Json check_json(const DayView& day, const CheckResult& check);

// A punch as JSON: punch_json.hpp (the punches part).
courthub::Json punch_json(const Punch& punch, bool counted);

// The whole day: status, group, shift, counts, checks, punches, approvals.
courthub::Json day_json(const DayView& day);

// DingTalk's attendance/list records of the day, one per check (none on rest and free days):
// {"id","groupId","planId","workDate","userId","checkType","timeResult","locationResult",
// "approveId","procInstId","baseCheckTime","userCheckTime","sourceType"}. Times are Unix ms;
// an approved check's userCheckTime is its plan time (DingTalk's way), a NotSigned one's null.
std::vector<courthub::Json> dingtalk_records(const DayView& day);

// PersonMonth's fields by their names ({"workdays", …, "fixes_used", "leave_days": {"事假": 1.5}}).
courthub::Json person_month_json(const PersonMonth& month);

// One person's row of GET /summary: {"user_id","name","dept_name","month", …the month's
// figures…} from the person's days of the month (up to today for the current month).
courthub::Json summary_row(const courthub::Person& person, const std::string& month,
                           const std::vector<DayView>& days);

// The monthly summary's rows (the "people" of GET /summary) as CSV: a UTF-8 BOM, a header line
// of Chinese column names, one line per person, CRLF line ends. Columns follow the keys of the
// first row; known keys get their Chinese name, others keep the key. Text cells that a
// spreadsheet would take for a formula (= + - @) are prefixed with '.
std::string summary_csv(const std::vector<courthub::Json>& rows);

}  // namespace attendance
