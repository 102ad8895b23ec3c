// SPDX-License-Identifier: Apache-2.0
// notices.cpp — the words of attendance's messages (notices.hpp); the jobs that send them are in
// notice_jobs.cpp.
#include "notices.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attendance {

namespace time = courthub::time;

std::string_view chinese_name(CheckType t) { return t == CheckType::OnDuty ? "上班" : "下班"; }

std::string_view chinese_name(TimeResult r) {
  switch (r) {
    case TimeResult::Normal: return "正常";
    case TimeResult::Late: return "迟到";
    case TimeResult::SeriousLate: return "严重迟到";
    case TimeResult::Absenteeism: return "旷工迟到";
    case TimeResult::Early: return "早退";
    case TimeResult::NotSigned: return "缺卡";
  }
  return "缺卡";
}

namespace {

std::string_view approval_words(const CheckResult& c) {
  if (c.source == CheckSource::Fix) return "补卡";
  if (c.approval_kind == "business_trip") return "出差";
  if (c.approval_kind == "outing") return "外出";
  return c.approval_sub_type.empty() ? std::string_view("请假") : c.approval_sub_type;
}

std::string link(std::string_view words, const std::string& url) {
  return url.empty() ? std::string() : "\n\n[" + std::string(words) + "](" + url + ")";
}

std::string month_words(int year, unsigned month) {
  return std::to_string(year) + "年" + std::to_string(month) + "月";
}

int exception_checks(const PersonMonth& m) {
  return m.late + m.serious_late + m.absenteeism + m.early + m.missing;
}

// "迟到 3 次（42 分钟）、缺卡 1 次"; "" when the month had none of these.
std::string count_words(const PersonMonth& m) {
  std::vector<std::string> parts;
  auto add = [&parts](std::string_view what, int n, int minutes = -1) {
    if (n == 0) return;
    std::string s = std::string(what) + " " + std::to_string(n) + " 次";
    if (minutes >= 0) s += "（" + std::to_string(minutes) + " 分钟）";
    parts.push_back(std::move(s));
  };
  if (m.absent_days) parts.push_back("旷工 " + std::to_string(m.absent_days) + " 天");
  // Late minutes are reported over all three late classes, so they stand with the first present.
  bool minutes_shown = false;
  for (auto [what, n] : {std::pair<std::string_view, int>{"迟到", m.late},
                         {"严重迟到", m.serious_late},
                         {"旷工迟到", m.absenteeism}}) {
    add(what, n, n && !minutes_shown ? m.late_minutes : -1);
    if (n) minutes_shown = true;
  }
  add("早退", m.early, m.early_minutes);
  add("缺卡", m.missing);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

std::string leave_words(const PersonMonth& m) {
  std::string out;
  for (const auto& [type, days] : m.leave_days)
    out += (out.empty() ? "" : "、") + type + " " + day_count_words(days) + " 天";
  return out;
}

}  // namespace

std::string check_words(const CheckResult& c) {
  std::string s = std::string(chinese_name(c.plan.type)) + " " +
                  time::format_clock(c.plan.plan_minute) + " " +
                  std::string(chinese_name(c.result));
  switch (c.result) {
    case TimeResult::Late:
    case TimeResult::SeriousLate:
    case TimeResult::Absenteeism:
      s += " " + std::to_string(c.late_minutes) + " 分钟";
      break;
    case TimeResult::Early: s += " " + std::to_string(c.early_minutes) + " 分钟"; break;
    case TimeResult::Normal:
    case TimeResult::NotSigned: break;
  }
  if (c.source == CheckSource::Punch)
    s += "（" + time::format_clock(c.user_minute) + " 打卡）";
  else if (c.source != CheckSource::None)
    s += "（" + std::string(approval_words(c)) + "）";
  return s;
}

std::string day_count_words(double days) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(days * 100) / 100);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

NoticeText reminder_text(time::Date day, int plan_minute, const std::string& page_url) {
  return {"考勤提醒：今天还未打上班卡",
          "#### 上班打卡提醒\n\n今天（" + time::format_month_day(day) + "）" +
              time::format_clock(plan_minute) + " 的上班卡还没有打，请尽快打卡。" +
              "如已请假、出差或外出，请忽略本提醒。" + link("去打卡", page_url)};
}

std::optional<NoticeText> digest_text(const std::string& dept_name, time::Date day,
                                      const std::vector<DigestEntry>& people,
                                      const std::string& page_url) {
  std::string lines;
  int n = 0;
  for (const DigestEntry& e : people) {
    if (e.result.status == DayStatus::Absent) {
      lines += "\n- **" + e.name + "**：旷工（全天未打卡）";
    } else if (e.result.status == DayStatus::Exception) {
      std::string what;
      for (const CheckResult& c : e.result.checks)
        if (c.result != TimeResult::Normal) what += (what.empty() ? "" : "；") + check_words(c);
      lines += "\n- **" + e.name + "**：" + what;
    } else {
      continue;
    }
    ++n;
  }
  if (n == 0) return std::nullopt;
  const std::string date = time::format_month_day(day);
  return NoticeText{"考勤日报：" + dept_name + " " + date + " " + std::to_string(n) + " 人异常",
                    "#### " + dept_name + " " + date + " 考勤异常\n\n共 " + std::to_string(n) +
                        " 人：\n" + lines + link("查看部门考勤", page_url)};
}

bool more_exceptions(const PersonMonth& a, const PersonMonth& b) {
  if (a.absent_days != b.absent_days) return a.absent_days > b.absent_days;
  if (exception_checks(a) != exception_checks(b)) return exception_checks(a) > exception_checks(b);
  return a.late_minutes + a.early_minutes > b.late_minutes + b.early_minutes;
}

NoticeText monthly_text(const std::string& court_name, int year, unsigned month,
                        const std::vector<MonthEntry>& people, const std::string& csv_link,
                        size_t top) {
  PersonMonth total;
  for (const MonthEntry& e : people) {
    const PersonMonth& m = e.month;
    total.workdays += m.workdays;
    total.normal_days += m.normal_days;
    total.exception_days += m.exception_days;
    total.absent_days += m.absent_days;
    total.late += m.late;
    total.late_minutes += m.late_minutes;
    total.serious_late += m.serious_late;
    total.absenteeism += m.absenteeism;
    total.early += m.early;
    total.early_minutes += m.early_minutes;
    total.missing += m.missing;
    total.fixes_used += m.fixes_used;
    for (const auto& [type, days] : m.leave_days) total.leave_days[type] += days;
  }
  const std::string when = month_words(year, month);
  std::string text = "#### " + court_name + " " + when + "考勤汇总\n\n- 人数：" +
                     std::to_string(people.size()) + " 人，应出勤 " +
                     std::to_string(total.workdays) + " 人天\n- 正常 " +
                     std::to_string(total.normal_days) + " 人天，异常 " +
                     std::to_string(total.exception_days) + " 人天，旷工 " +
                     std::to_string(total.absent_days) + " 人天\n- 迟到 " +
                     std::to_string(total.late) + " 次，严重迟到 " +
                     std::to_string(total.serious_late) + " 次，旷工迟到 " +
                     std::to_string(total.absenteeism) + " 次，共 " +
                     std::to_string(total.late_minutes) + " 分钟\n- 早退 " +
                     std::to_string(total.early) + " 次，共 " +
                     std::to_string(total.early_minutes) + " 分钟\n- 缺卡 " +
                     std::to_string(total.missing) + " 次，补卡 " +
                     std::to_string(total.fixes_used) + " 次";
  if (!total.leave_days.empty()) text += "\n- 请假、出差、外出：" + leave_words(total);

  std::vector<const MonthEntry*> ranked;
  for (const MonthEntry& e : people)
    if (e.month.absent_days > 0 || exception_checks(e.month) > 0) ranked.push_back(&e);
  std::stable_sort(ranked.begin(), ranked.end(), [](const MonthEntry* a, const MonthEntry* b) {
    return more_exceptions(a->month, b->month);
  });
  if (ranked.size() > top) ranked.resize(top);
  if (!ranked.empty()) {
    text += "\n\n**异常较多的人员**\n";
    for (size_t i = 0; i < ranked.size(); ++i)
      text += "\n" + std::to_string(i + 1) + ". " + ranked[i]->name +
              (ranked[i]->dept_name.empty() ? "" : "（" + ranked[i]->dept_name + "）") + "：" +
              count_words(ranked[i]->month);
  } else {
    text += "\n\n本月无人异常。";
  }
  text += link("下载月度汇总（CSV）", csv_link);
  return {"考勤月报：" + court_name + " " + when, text};
}

NoticeText today_text(time::Date day, bool in_group, const std::string& shift_name,
                      const DayResult& result) {
  std::string text = "#### " + time::format_month_day(day) + " 我的考勤\n\n";
  if (!in_group) {
    text += "您不在任何考勤组，请联系本院考勤管理员。";
  } else if (result.status == DayStatus::Rest) {
    text += "今天休息，无需打卡。";
  } else if (result.status == DayStatus::Free) {
    text += "自由工时：打卡只作记录，不计迟到早退。";
  } else {
    if (!shift_name.empty()) text += "班次：" + shift_name + "\n";
    for (const CheckResult& c : result.checks) {
      // The day is not over: a check without a punch yet is "未打卡", not yet "缺卡".
      text += "\n- " + (c.result == TimeResult::NotSigned
                            ? std::string(chinese_name(c.plan.type)) + " " +
                                  time::format_clock(c.plan.plan_minute) + " 未打卡"
                            : check_words(c));
    }
  }
  return {"今日考勤", text};
}

NoticeText month_text(time::Date through, const PersonMonth& m, const std::string& page_url) {
  const int year = static_cast<int>(through.year());
  const unsigned month = static_cast<unsigned>(through.month());
  std::string text = "#### " + month_words(year, month) + "我的考勤（截至 " +
                     time::format_month_day(through) + "）\n\n- 出勤 " +
                     std::to_string(m.workdays) + " 天：正常 " + std::to_string(m.normal_days) +
                     " 天，异常 " + std::to_string(m.exception_days) + " 天，旷工 " +
                     std::to_string(m.absent_days) + " 天";
  PersonMonth without_absent = m;
  without_absent.absent_days = 0;  // already on the line above
  const std::string counts = count_words(without_absent);
  text += "\n- " + (counts.empty() ? std::string("无迟到、早退、缺卡") : counts);
  if (m.fixes_used) text += "\n- 补卡 " + std::to_string(m.fixes_used) + " 次";
  if (!m.leave_days.empty()) text += "\n- 请假、出差、外出：" + leave_words(m);
  text += link("查看我的月历", page_url);
  return {"本月考勤", text};
}

std::string summary_csv_link(const Settings& settings, std::string_view court, int year,
                             unsigned month) {
  constexpr std::string_view kPrefix = "/apps/attendance";
  std::string base;
  if (auto at = settings.page_url.find(kPrefix); at != std::string::npos)
    base = settings.page_url.substr(0, at);
  char ym[16];
  std::snprintf(ym, sizeof ym, "%04d-%02u", year, month);
  return base + std::string(kPrefix) + "/summary.csv?month=" + ym + "&court=" + std::string(court);
}

}  // namespace attendance
