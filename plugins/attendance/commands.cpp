// SPDX-License-Identifier: Apache-2.0
// commands.cpp — the robot's `checkin` and `attendance today|month` (commands.hpp).
#include "commands.hpp"

#include <string>
#include <string_view>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "month_summary.hpp"
#include "notices.hpp"
#include "timesheet.hpp"

namespace attendance {
namespace {

namespace time = courthub::time;
using courthub::Command;
using courthub::Reply;

std::string trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

courthub::Person caller_person(const courthub::Host& host, const Command& cmd) {
  if (cmd.caller.is_staff() && !cmd.caller.user_id.empty())
    if (auto p = host.directory().person(cmd.caller.user_id)) return *p;
  throw courthub::PermissionDenied(
      "未能识别您的身份：请先在钉钉工作台打开“考勤”登录，或请本院管理员将您加入通讯录后再试。");
}

Reply checkin(const Settings& settings) {
  if (settings.page_url.empty())
    return Reply::md("考勤打卡", "#### 考勤打卡\n\n请在钉钉工作台打开“考勤”应用打卡。");
  return Reply::md("考勤打卡", "#### 考勤打卡\n\n[打开考勤打卡](" + settings.page_url + ")");
}

Reply today(courthub::Host& host, const Settings& settings, const courthub::Person& who) {
  const Date day = time::local_date(host.now_ms());
  const auto views = Timesheet(host, settings).person(who, day, day);
  if (views.empty()) return Reply::md("今日考勤", today_text(day, false, "", {}).text);
  const DayView& v = views.front();
  const NoticeText n =
      today_text(day, v.group.has_value(), v.shift ? v.shift->name : std::string(), v.result);
  return Reply::md(n.title, n.text + (settings.page_url.empty()
                                          ? std::string()
                                          : "\n\n[去打卡](" + settings.page_url + ")"));
}

Reply month(courthub::Host& host, const Settings& settings, const courthub::Person& who) {
  const Date day = time::local_date(host.now_ms());
  const Date first = day.year() / day.month() / std::chrono::day{1};
  const PersonMonth m = summarize_month(Timesheet(host, settings).person(who, first, day));
  const NoticeText n = month_text(day, m, settings.page_url);
  return Reply::md(n.title, n.text);
}

Reply attendance_command(courthub::Host& host, const Settings& settings, const Command& cmd) {
  const std::string what = trimmed(cmd.args);
  const bool is_today = what == "today" || what == "今天" || what == "今日";
  const bool is_month = what == "month" || what == "本月";
  if (!is_today && !is_month)
    throw courthub::InvalidArgument(
        "请发送 `attendance today` 查看今天的打卡，或 `attendance month` 查看本月考勤。");
  if (cmd.is_group)
    return Reply::md("考勤", "#### 考勤\n\n个人考勤只在单聊中查看：请在与机器人的单聊中发送 `attendance " +
                                 std::string(is_today ? "today" : "month") + "`。");
  const courthub::Person who = caller_person(host, cmd);
  return is_today ? today(host, settings, who) : month(host, settings, who);
}

}  // namespace

void register_commands(courthub::Registrar& r, courthub::Host& host, const Settings& settings) {
  r.command("checkin", "checkin", "考勤打卡：打开打卡页面",
            [&settings](const Command&) { return checkin(settings); });
  r.command("attendance", "attendance today", "我的考勤：attendance today（今天）或 attendance month（本月）",
            [&host, &settings](const Command& cmd) {
              return attendance_command(host, settings, cmd);
            });
}

}  // namespace attendance
