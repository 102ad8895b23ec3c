// SPDX-License-Identifier: Apache-2.0
// POST /punch-fixes: a 补卡 request, capped per calendar month, handed to the approvals plugin.
#include "punch_fixes.hpp"

#include <courthub/time.hpp>

#include "approval_link.hpp"
#include "approval_store.hpp"
#include "group_store.hpp"

namespace attendance {

namespace {

namespace t = courthub::time;
namespace json = courthub::json;
using courthub::Json;

std::optional<CheckType> check_type_of(const std::string& s) {
  if (s == "OnDuty" || s == "上班") return CheckType::OnDuty;
  if (s == "OffDuty" || s == "下班") return CheckType::OffDuty;
  return std::nullopt;
}

FixRequest read_request(const Json& body, int64_t now_ms) {
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  FixRequest r;
  auto date = t::parse_date(json::require<std::string>(body, "date"));
  if (!date) throw courthub::InvalidArgument("'date' must be a date YYYY-MM-DD");
  if (std::chrono::sys_days{*date} > std::chrono::sys_days{t::local_date(now_ms)})
    throw courthub::InvalidArgument("'date' is in the future");
  r.fix_date = t::format_date(*date);
  auto type = check_type_of(json::require<std::string>(body, "check_type"));
  if (!type) throw courthub::InvalidArgument("'check_type' must be OnDuty or OffDuty");
  r.fix_type = *type;
  std::string time = json::require<std::string>(body, "time");
  if (time.size() == 16 && time.substr(0, 10) == r.fix_date) time = time.substr(11);
  auto minute = t::parse_clock(time);
  if (!minute || *minute >= 24 * 60) throw courthub::InvalidArgument("'time' must be HH:MM");
  r.fix_minute = *minute;
  r.reason = json::get<std::string>(body, "reason");
  if (r.reason.empty()) throw courthub::InvalidArgument("'reason' is required");
  size_t characters = 0;
  for (unsigned char c : r.reason) characters += (c & 0xC0) != 0x80;
  if (characters > 200) throw courthub::InvalidArgument("'reason' is longer than 200 characters");
  return r;
}

// The caller's plan that day must have a check of that type.
void require_check(courthub::Host& host, const courthub::Person& person, const FixRequest& r) {
  const Date date = *t::parse_date(r.fix_date);
  Schedule schedule(host, date, date);
  const DayPlan plan = schedule.plan(person, date);
  if (plan.kind == DayKind::Work && plan.shift)
    for (auto& c : plan_checks(*plan.shift))
      if (c.type == r.fix_type) return;
  throw courthub::Conflict(r.fix_date + "没有需要补卡的" +
                           (r.fix_type == CheckType::OnDuty ? "上班" : "下班") + "打卡");
}

// A 补卡 is asked within punch_fix_window_days after the day (today minus the window is the
// oldest day accepted).
void require_window(const Settings& settings, const FixRequest& r, int64_t now_ms) {
  const auto day = std::chrono::sys_days{*t::parse_date(r.fix_date)};
  const auto today = std::chrono::sys_days{t::local_date(now_ms)};
  const int window = settings.punch_fix_window_days;
  if ((today - day).count() <= window) return;
  throw courthub::Conflict(
      "补卡须在" + std::to_string(window) + "天内申请：" + r.fix_date + "已超过" +
          std::to_string(window) + "天（punch_fix_window_days）",
      Json::object({{"code", "punch_fix_window"},
                    {"window_days", window},
                    {"oldest_date", t::format_date(t::Date{today - std::chrono::days{window}})}}));
}

courthub::Response submit(courthub::Host& host, const Settings& settings,
                          const courthub::Request& req) {
  if (!req.caller.is_staff()) throw courthub::PermissionDenied("only staff ask for a 补卡");
  const int64_t now = host.now_ms();
  FixRequest r = read_request(req.json(), now);
  auto person = host.directory().person(req.caller.user_id);
  if (!person) throw courthub::PermissionDenied("the caller is not in the directory");
  require_window(settings, r, now);
  require_check(host, *person, r);
  r.user_id = person->user_id;
  r.state = "pending";
  r.created_ms = now;
  const int limit = settings.punch_fix_per_month;
  const std::string month = r.fix_date.substr(0, 7);
  const std::string type_name = r.fix_type == CheckType::OnDuty ? "上班" : "下班";
  const Date date = *t::parse_date(r.fix_date);
  auto [id, used] = host.db().transaction([&](courthub::Transaction& tx) {
    const int counted = fixes_counted(tx, r.user_id, month);
    if (counted >= limit)
      throw courthub::Conflict(
          "本月补卡次数已达上限（每月最多" + std::to_string(limit) + "次）",
          Json::object({{"code", "punch_fix_limit"}, {"used", counted}, {"limit", limit}}));
    const int64_t id = insert_fix_request(tx, r);
    const std::string request_id = "fix:" + std::to_string(id);
    tx.publish("approval_requested",
               Json::object({{"request_id", request_id},
                             {"template", template_for(settings, "punch_fix")},
                             {"originator", r.user_id},
                             {"title", "补卡：" + std::to_string(static_cast<unsigned>(date.month())) +
                                           "月" + std::to_string(static_cast<unsigned>(date.day())) +
                                           "日 " + type_name + " " + t::format_clock(r.fix_minute)},
                             {"form", Json::object({{"date", r.fix_date},
                                                    {"check_type", type_name},
                                                    {"time", r.fix_date + " " +
                                                                 t::format_clock(r.fix_minute)},
                                                    {"reason", r.reason}})}}),
               "approval:" + request_id);
    return std::pair<int64_t, int>{id, counted + 1};
  });
  return courthub::Response::json(Json::object({{"id", id},
                                                {"request_id", "fix:" + std::to_string(id)},
                                                {"used", used},
                                                {"limit", limit}}),
                                  201);
}

}  // namespace

void register_punch_fixes(courthub::Registrar& r, courthub::Host& host, const Settings& settings) {
  r.route("POST", "/punch-fixes", [&host, &settings](const courthub::Request& req) {
    return submit(host, settings, req);
  });
}

}  // namespace attendance
