// SPDX-License-Identifier: Apache-2.0
// Results as JSON and CSV: the shapes of docs/attendance.md "Results".
#include "result_json.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <courthub/time.hpp>

#include "month_summary.hpp"
#if __has_include("punch_json.hpp")
#include "punch_json.hpp"
#define ATTENDANCE_HAS_PUNCH_JSON 1
#endif

namespace attendance {

namespace {

namespace t = courthub::time;
using courthub::Json;

const Punch* punch_of(const DayView& day, int64_t id) {
  for (auto& p : day.punches)
    if (p.id == id) return &p;
  return nullptr;
}

int64_t plan_ms(const DayView& day, int minute) { return t::to_unix_ms(day.date, minute); }

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// The instants of an approval, for the day's "approvals".
Json approval_json(const ApprovalRecord& a) {
  Json out = Json::object({{"id", a.instance_id}, {"type", a.kind}, {"sub_type", a.sub_type}});
  if (a.kind == "punch_fix") {
    auto date = t::parse_date(a.fix_date);
    const std::string at = date ? t::format_iso(t::to_unix_ms(*date, a.fix_minute)) : a.fix_date;
    out["from"] = at;
    out["to"] = at;
    out["check_type"] = std::string(name_of(a.fix_type));
  } else {
    out["from"] = t::format_iso(a.from_ms);
    out["to"] = t::format_iso(a.to_ms);
  }
  return out;
}

std::string clamp_clock(int minute) { return t::format_clock(std::clamp(minute, 0, 1439)); }

// The summary's Chinese column names, in the order a court's report reads them.
const std::vector<std::pair<std::string, std::string>>& known_columns() {
  static const std::vector<std::pair<std::string, std::string>> kColumns = {
      {"user_id", "工号"},
      {"name", "姓名"},
      {"dept_name", "部门"},
      {"month", "月份"},
      {"workdays", "应出勤天数"},
      {"normal_days", "正常天数"},
      {"exception_days", "异常天数"},
      {"absent_days", "旷工天数"},
      {"rest_days", "休息天数"},
      {"free_days", "自由工时天数"},
      {"unassigned_days", "未分组天数"},
      {"late", "迟到次数"},
      {"late_minutes", "迟到分钟"},
      {"serious_late", "严重迟到次数"},
      {"absenteeism", "旷工迟到次数"},
      {"early", "早退次数"},
      {"early_minutes", "早退分钟"},
      {"missing", "缺卡次数"},
      {"fixes_used", "补卡次数"},
  };
  return kColumns;
}

std::string column_name(const std::string& key) {
  for (auto& [k, v] : known_columns())
    if (k == key) return v;
  return key;
}

std::string csv_cell(const Json& v) {
  std::string s;
  if (v.is_null()) return "";
  if (v.is_string()) {
    s = v.get<std::string>();
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
  } else if (v.is_number_float()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
    s = buf;
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  } else if (v.is_boolean()) {
    s = v.get<bool>() ? "是" : "否";
  } else if (v.is_number()) {
    s = v.dump();
  } else {
    s = courthub::json::dump(v);
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// A nested object ({"leave_days": {"事假": 1.5}}) becomes columns "<key>.<sub>", named
// "<sub>天数" when the key is a leave map.
void flatten(const std::string& key, const Json& v, std::vector<std::pair<std::string, Json>>& out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) flatten(key + "." + it.key(), it.value(), out);
    return;
  }
  out.emplace_back(key, v);
}

std::string header_of(const std::string& key) {
  const auto dot = key.find('.');
  if (dot == std::string::npos) return column_name(key);
  const std::string sub = key.substr(dot + 1);
  if (key.rfind("leave", 0) == 0) return sub + "天数";
  return column_name(key.substr(0, dot)) + "." + sub;
}

}  // namespace

std::string day_status(const DayView& day) {
  if (!day.group) return "unassigned";
  return std::string(name_of(day.result.status));
}

Json counts_json(const DayCounts& c) {
  return Json::object({{"late", c.late},
                       {"serious_late", c.serious_late},
                       {"absenteeism", c.absenteeism},
                       {"early", c.early},
                       {"missing", c.missing},
                       {"late_minutes", c.late_minutes},
                       {"early_minutes", c.early_minutes}});
}

Json check_json(const DayView& day, const CheckResult& c) {
  Json out = Json::object();
  out["checkType"] = std::string(name_of(c.plan.type));
  out["planCheckTime"] = t::format_iso(plan_ms(day, c.plan.plan_minute));
  out["window"] = Json::array({clamp_clock(c.plan.window_from), clamp_clock(c.plan.window_to)});
  const Punch* punch = c.source == CheckSource::Punch ? punch_of(day, c.punch_id) : nullptr;
  switch (c.source) {
    case CheckSource::Punch:
      out["userCheckTime"] = punch ? Json(t::format_iso(punch->time_ms))
                                   : Json(t::format_iso(plan_ms(day, c.user_minute)));
      break;
    case CheckSource::Fix: out["userCheckTime"] = t::format_iso(plan_ms(day, c.plan.plan_minute)); break;
    default: out["userCheckTime"] = nullptr; break;
  }
  out["timeResult"] = std::string(name_of(c.result));
  switch (c.source) {
    case CheckSource::Punch:
      out["locationResult"] = punch ? punch->location_result : std::string("Normal");
      out["sourceType"] = punch ? punch->source_type : std::string("USER");
      break;
    case CheckSource::Cover:
    case CheckSource::Fix:
      out["locationResult"] = "Normal";
      out["sourceType"] = "APPROVE";
      break;
    case CheckSource::None:
      out["locationResult"] = "NotSigned";
      out["sourceType"] = nullptr;
      break;
  }
  out["lateMinutes"] = c.late_minutes;
  out["earlyMinutes"] = c.early_minutes;
  out["punchId"] = c.source == CheckSource::Punch ? Json(c.punch_id) : Json(nullptr);
  const bool approved = c.source == CheckSource::Cover || c.source == CheckSource::Fix;
  out["approveId"] = approved ? text_or_null(c.approval_id) : Json(nullptr);
  out["approveType"] = approved ? text_or_null(c.approval_kind) : Json(nullptr);
  out["approveSubType"] = approved ? text_or_null(c.approval_sub_type) : Json(nullptr);
  return out;
}

#ifndef ATTENDANCE_HAS_PUNCH_JSON
// Until punch_json.hpp (the punches part) is merged.
static Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json punch_json(const Punch& p, bool counted) {
  return Json::object({{"id", p.id},
                       {"time", t::format_iso(p.time_ms)},
                       {"work_date", p.work_date},
                       {"source_type", p.source_type},
                       {"location_result", p.location_result},
                       {"location_method", p.location_method},
                       {"latitude", optional_number(p.latitude)},
                       {"longitude", optional_number(p.longitude)},
                       {"accuracy", optional_number(p.accuracy)},
                       {"address", p.address},
                       {"ssid", p.ssid},
                       {"bssid", p.bssid},
                       {"device_id", p.device_id},
                       {"outside_remark", p.outside_remark},
                       {"group_id", p.group_id},
                       {"approval_state", p.approval_state},
                       {"counted", counted}});
}
#endif

Json day_json(const DayView& day) {
  Json out = Json::object();
  out["date"] = t::format_date(day.date);
  out["weekday"] = std::string(t::weekday_name(day.date));
  out["workday"] = day.workday;
  out["status"] = day_status(day);
  out["group"] = day.group ? Json::object({{"id", day.group->id},
                                           {"name", day.group->name},
                                           {"type", std::string(name_of(day.group->type))}})
                           : Json(nullptr);
  if (day.shift) {
    Json sections = Json::array();
    for (auto& s : day.shift->sections) sections.push_back(format_section(s));
    out["shift"] = Json::object(
        {{"id", day.shift->id}, {"name", day.shift->name}, {"sections", sections}});
  } else {
    out["shift"] = nullptr;
  }
  out["counts"] = counts_json(day.result.counts);
  Json checks = Json::array();
  for (auto& c : day.result.checks) checks.push_back(check_json(day, c));
  out["checks"] = std::move(checks);
  Json punches = Json::array();
  const auto& counted = day.result.counted_punch_ids;
  for (auto& p : day.punches)
    punches.push_back(
        punch_json(p, std::find(counted.begin(), counted.end(), p.id) != counted.end()));
  out["punches"] = std::move(punches);
  Json approvals = Json::array();
  for (auto& a : day.approvals) approvals.push_back(approval_json(a));
  out["approvals"] = std::move(approvals);
  return out;
}

std::vector<Json> dingtalk_records(const DayView& day) {
  std::vector<Json> out;
  const int64_t work_date = t::to_unix_ms(day.date, 0);
  const int64_t plan_base = static_cast<int64_t>(static_cast<int>(day.date.year())) * 100000 +
                            static_cast<unsigned>(day.date.month()) * 1000 +
                            static_cast<unsigned>(day.date.day()) * 10;
  for (size_t i = 0; i < day.result.checks.size(); ++i) {
    const CheckResult& c = day.result.checks[i];
    const Punch* punch = c.source == CheckSource::Punch ? punch_of(day, c.punch_id) : nullptr;
    const int64_t base = plan_ms(day, c.plan.plan_minute);
    Json r = Json::object();
    r["id"] = punch ? Json(punch->id) : Json(nullptr);
    r["groupId"] = day.group ? Json(day.group->id) : Json(nullptr);
    r["planId"] = plan_base + static_cast<int64_t>(i);
    r["workDate"] = work_date;
    r["userId"] = day.user_id;
    r["checkType"] = std::string(name_of(c.plan.type));
    r["timeResult"] = std::string(name_of(c.result));
    const bool approved = c.source == CheckSource::Cover || c.source == CheckSource::Fix;
    r["locationResult"] = c.source == CheckSource::None ? std::string("NotSigned")
                          : punch                      ? punch->location_result
                                                       : std::string("Normal");
    r["approveId"] = approved ? text_or_null(c.approval_id) : Json(nullptr);
    r["procInstId"] = approved ? text_or_null(c.approval_id) : Json(nullptr);
    r["baseCheckTime"] = base;
    r["userCheckTime"] = punch      ? Json(punch->time_ms)
                         : approved ? Json(base)
                                    : Json(nullptr);
    r["sourceType"] = punch ? Json(punch->source_type) : approved ? Json("APPROVE") : Json(nullptr);
    out.push_back(std::move(r));
  }
  return out;
}

Json person_month_json(const PersonMonth& m) {
  Json leave = Json::object();
  for (auto& [type, days] : m.leave_days) leave[type] = days;
  return Json::object({{"workdays", m.workdays},
                       {"normal_days", m.normal_days},
                       {"exception_days", m.exception_days},
                       {"absent_days", m.absent_days},
                       {"rest_days", m.rest_days},
                       {"free_days", m.free_days},
                       {"unassigned_days", m.unassigned_days},
                       {"late", m.late},
                       {"late_minutes", m.late_minutes},
                       {"serious_late", m.serious_late},
                       {"absenteeism", m.absenteeism},
                       {"early", m.early},
                       {"early_minutes", m.early_minutes},
                       {"missing", m.missing},
                       {"fixes_used", m.fixes_used},
                       {"leave_days", leave}});
}

Json summary_row(const courthub::Person& person, const std::string& month,
                 const std::vector<DayView>& days) {
  Json row = Json::object({{"user_id", person.user_id},
                           {"name", person.name},
                           {"dept_name", person.dept_name},
                           {"month", month}});
  const Json figures = person_month_json(summarize_month(days));
  for (auto it = figures.begin(); it != figures.end(); ++it) row[it.key()] = it.value();
  return row;
}

std::string summary_csv(const std::vector<Json>& rows) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> keys;
  std::vector<std::vector<std::pair<std::string, Json>>> flat;
  for (auto& row : rows) {
    std::vector<std::pair<std::string, Json>> cells;
    for (auto it = row.begin(); it != row.end(); ++it) flatten(it.key(), it.value(), cells);
    for (auto& [k, v] : cells)
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    flat.push_back(std::move(cells));
  }
  if (keys.empty()) keys = {"user_id", "name", "dept_name"};
  for (size_t i = 0; i < keys.size(); ++i) out += (i ? "," : "") + csv_cell(Json(header_of(keys[i])));
  out += "\r\n";
  for (auto& cells : flat) {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (i) out += ",";
      for (auto& [k, v] : cells)
        if (k == keys[i]) {
          out += csv_cell(v);
          break;
        }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace attendance
