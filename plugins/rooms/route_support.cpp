// SPDX-License-Identifier: Apache-2.0
// Caller checks, court selection and date windows for the routes.
#include "route_support.hpp"

#include <courthub/error.hpp>

#include "booking_desk.hpp"
#include "room.hpp"
#include "time_expression.hpp"

namespace json = courthub::json;

namespace rooms {

using courthub::Caller;
using courthub::Json;

void require_person(const Caller& c) {
  if (c.kind != Caller::Kind::Staff && c.kind != Caller::Kind::Admin)
    throw courthub::PermissionDenied("请先登录：会议室预订需要知道你是谁");
}

std::string court_of(const Caller& c, const Json& query) {
  require_person(c);
  std::string court = json::get<std::string>(query, "court");
  if (court.empty()) court = c.court_code;
  if (court.empty()) {
    FieldErrors e;
    e.add("/court", "is required: the operator has no court of its own");
    e.throw_if_any();
  }
  if (!valid_court_code(court)) {
    FieldErrors e;
    e.add("/court", "is not a court code such as LN-BC-SY-01");
    e.throw_if_any();
  }
  return court;
}

std::string admin_court(const Caller& c, const std::string& requested) {
  require_person(c);
  std::string court = requested.empty() ? c.court_code : requested;
  if (court.empty()) {
    FieldErrors e;
    e.add("/court", "is required: the operator has no court of its own");
    e.throw_if_any();
  }
  if (!is_court_admin(c, court))
    throw courthub::PermissionDenied("只有 " + court + " 的管理员（court_admin）或院长可以这样做");
  return court;
}

Slot date_window(const Json& q, int64_t now_ms, int default_days, FieldErrors& errors) {
  LocalDate today = local_date(now_ms);
  auto read = [&](std::string_view key, const LocalDate& fallback) {
    std::string text = json::get<std::string>(q, key);
    if (text.empty()) return fallback;
    try {
      if (auto d = parse_date_word(normalize_width(text), today)) return *d;
      errors.add("/" + std::string(key), "must be a date such as 2026-03-02, 明天 or 周一");
    } catch (const courthub::Error& e) {
      errors.add("/" + std::string(key), e.what());
    }
    return fallback;
  };
  LocalDate from = read("from", today);
  LocalDate to = read("to", add_days(from, default_days - 1));
  if (to < from) errors.add("/to", "must not be before from");
  if (days_between(from, to) > 366)
    errors.add("/to", "a window spans at most 366 days");
  return Slot{to_instant(from, 0), to_instant(add_days(to, 1), 0)};
}

int64_t id_param(const courthub::Request& request) {
  const std::string& id = request.param("id");
  try {
    return parse_booking_id(id);
  } catch (const courthub::Error&) {
    throw courthub::NotFound("'" + id + "' is not an id (ids are numbers)");
  }
}

}  // namespace rooms
