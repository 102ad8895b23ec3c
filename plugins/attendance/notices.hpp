// SPDX-License-Identifier: Apache-2.0
// notices.hpp — what attendance tells people, and the three jobs that send it: the check-in
// reminder, the department heads' morning digest of yesterday's exceptions, and the court
// admins' monthly report. The robot's replies (commands.cpp) use the same words.
//
// The texts are pure functions of plain data (day results, month summaries, names), so they are
// tested without a host. Wording: Chinese, DingTalk markdown; a work notice goes only to the
// person it is about or to the people who may see it (the head, the court_admin); nothing names a
// person in a group chat.
//
// Threading: the text builders are pure and may run concurrently; the jobs run on the host's job
// thread and read everything they need per run. Errors: the builders throw nothing; a job throws
// courthub::Error when messages could not be queued (after trying every one; the host logs it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/plugin.hpp>
#include <courthub/time.hpp>

#include "attendance_settings.hpp"
#include "day_rules.hpp"
#include "month_summary.hpp"

namespace attendance {

// A markdown message: `title` in the notification list, `text` when opened.
struct NoticeText {
  std::string title;
  std::string text;
};

std::string_view chinese_name(CheckType t);   // 上班, 下班
std::string_view chinese_name(TimeResult r);  // 正常, 迟到, 严重迟到, 旷工迟到, 早退, 缺卡

// One check in words: "上班 08:30 迟到 11 分钟（08:41 打卡）", "下班 17:30 早退 20 分钟（17:10
// 打卡）", "上班 13:30 缺卡", "上班 13:30 正常（外出）", "下班 17:30 正常（补卡）".
std::string check_words(const CheckResult& c);

// "1", "0.5", "2.25": leave days without trailing zeros (two decimals at most).
std::string day_count_words(double days);

// The reminder to a person who has not checked in `plan_minute` (their first on-duty time) on
// `day`, with a link to the check-in page when `page_url` is not empty.
NoticeText reminder_text(courthub::time::Date day, int plan_minute, const std::string& page_url);

// A person of a department's digest and their day.
struct DigestEntry {
  std::string name;
  DayResult result;
};
// The digest of `day` for the head of department `dept_name`: each person whose day was an
// exception (the checks that were not Normal) or absent (旷工). nullopt when nobody was: no
// message then.
std::optional<NoticeText> digest_text(const std::string& dept_name, courthub::time::Date day,
                                      const std::vector<DigestEntry>& people,
                                      const std::string& page_url);

// A person of a court's monthly report.
struct MonthEntry {
  std::string name;
  std::string dept_name;
  PersonMonth month;
};
// How many exceptions a month has, for ranking (absent days first, then checks not Normal, then
// minutes late or early).
bool more_exceptions(const PersonMonth& a, const PersonMonth& b);
// The court admin's report of `court_name`'s month `year`-`month`: the totals, up to
// `top` people with the most exceptions (none listed when nobody had any), and a link to the
// CSV summary.
NoticeText monthly_text(const std::string& court_name, int year, unsigned month,
                        const std::vector<MonthEntry>& people, const std::string& csv_link,
                        size_t top = 10);

// The robot's `attendance today`: the caller's checks of `day` (no group: says so).
NoticeText today_text(courthub::time::Date day, bool in_group, const std::string& shift_name,
                      const DayResult& result);
// The robot's `attendance month`: the caller's month from its first day to `through`.
NoticeText month_text(courthub::time::Date through, const PersonMonth& m,
                      const std::string& page_url);

// settings.page_url's "/apps/attendance" prefix + "/summary.csv?month=YYYY-MM&court=CODE" (a
// path from the root when page_url is empty or not under /apps/attendance).
std::string summary_csv_link(const Settings& settings, std::string_view court, int year,
                             unsigned month);

// Registers the jobs (Asia/Shanghai):
// - "attendance-remind" every minute: on each person's workday (their plan), those whose first
//   OnDuty plan + settings.remind_after_minutes is this minute and whose first check has no
//   counting punch, leave, trip, outing or 补卡 so far get reminder_text (key
//   "remind:<user>:<date>").
// - "attendance-digest" at settings.digest_time, on workdays of the calendar: each department
//   head gets digest_text of yesterday for their department and its sub-departments (key
//   "digest:<dept>:<date>"); no exceptions, no message.
// - "attendance-monthly" at settings.monthly_report_time on the month's first workday: each
//   court's court_admins get monthly_text of last month (key "monthly:<court>:<YYYY-MM>").
// `settings` and `host` must outlive the registration (the plugin owns both).
// Errors: the registrar's (courthub::Error).
void register_notices(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
