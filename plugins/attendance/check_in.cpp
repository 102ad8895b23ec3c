// SPDX-License-Identifier: Apache-2.0
// The mini-app check-in: read, place, refuse or store (with the 外勤 approval request).
#include "check_in.hpp"

#include <cctype>
#include <cmath>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

namespace attendance {

namespace json = courthub::json;
using courthub::InvalidArgument;
using courthub::Json;

namespace {

size_t characters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string text_field(const Json& obj, const std::string& key, size_t max_chars,
                       const std::string& where = "") {
  const Json* v = json::find(obj, key);
  if (!v || v->is_null()) return {};
  if (!v->is_string()) throw InvalidArgument(where + key + ": must be a string");
  std::string s = v->get<std::string>();
  if (characters(s) > max_chars)
    throw InvalidArgument(where + key + ": at most " + std::to_string(max_chars) + " characters");
  return s;
}

std::optional<double> number_field(const Json& obj, const std::string& key, double min,
                                   double max) {
  const Json* v = json::find(obj, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_number()) throw InvalidArgument(key + ": must be a number");
  double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max)
    throw InvalidArgument(key + ": must lie between " + json::dump(Json(min)) + " and " +
                          json::dump(Json(max)));
  return d;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

CheckIn read_check_in(const Json& body) {
  if (!body.is_object()) throw InvalidArgument("request body: must be a JSON object");
  CheckIn in;
  auto lat = number_field(body, "latitude", -90, 90);
  auto lng = number_field(body, "longitude", -180, 180);
  auto accuracy = number_field(body, "accuracy", 0, 1e7);
  if (lat.has_value() != lng.has_value())
    throw InvalidArgument(std::string(lat ? "longitude" : "latitude") +
                          ": latitude and longitude come together");
  if (lat) in.position = Position{*lat, *lng, accuracy};
  if (const Json* w = json::find(body, "wifi"); w && !w->is_null()) {
    if (!w->is_object()) throw InvalidArgument("wifi: must be an object {\"ssid\",\"bssid\"}");
    WifiSeen seen{text_field(*w, "ssid", 64, "wifi."), lower(text_field(*w, "bssid", 64, "wifi."))};
    if (!seen.ssid.empty() || !seen.bssid.empty()) in.wifi = seen;
  }
  if (!in.position && !in.wifi)
    throw InvalidArgument("latitude: a position (latitude, longitude) or a wifi is required");
  in.address = text_field(body, "address", 200);
  in.remark = text_field(body, "remark", 500);
  return in;
}

Json outside_approval_request(const Punch& p) {
  const auto date = courthub::time::local_date(p.time_ms);
  std::string when = std::to_string(static_cast<unsigned>(date.month())) + "月" +
                     std::to_string(static_cast<unsigned>(date.day())) + "日 " +
                     courthub::time::format_clock(courthub::time::local_minute(p.time_ms));
  std::string title = "外勤打卡：" + when;
  if (!p.address.empty()) title += " " + p.address;
  return Json::object({{"request_id", p.request_id},
                       {"template", "outside_punch"},
                       {"originator", p.user_id},
                       {"title", title},
                       {"form", Json::object({{"time", courthub::time::format_local(p.time_ms)},
                                              {"address", p.address},
                                              {"remark", p.outside_remark}})}});
}

Punch record_check_in(courthub::Host& host, const courthub::Person& person, const Group* group,
                      const CheckIn& in, int64_t now_ms, const std::string& request_key) {
  if (!group)
    throw CheckInRefused(409, "not_in_group", "你不在任何考勤组中，无法打卡，请联系本院考勤管理员");
  const Placement where = place(*group, in.position, in.wifi);
  const bool needs_approval =
      !where.inside && group->outside.approval != OutsideApproval::None;
  if (!where.inside) {
    if (!group->outside.allowed)
      throw CheckInRefused(409, "outside_not_allowed",
                           "你不在考勤范围内，本考勤组不允许外勤打卡");
    if (group->outside.remark_required && in.remark.empty())
      throw InvalidArgument("remark: an outside check-in (外勤打卡) needs a remark");
  }

  Punch p;
  p.user_id = person.user_id;
  p.court = person.court_code;
  p.time_ms = now_ms;
  p.work_date = courthub::time::format_date(courthub::time::local_date(now_ms));
  p.source_type = "USER";
  p.location_result = where.location_result();
  p.location_method = where.method;
  if (in.position) {
    p.latitude = in.position->latitude;
    p.longitude = in.position->longitude;
    p.accuracy = in.position->accuracy;
  }
  if (in.wifi) {
    p.ssid = in.wifi->ssid;
    p.bssid = in.wifi->bssid;
  }
  p.address = in.address;
  if (!where.inside) p.outside_remark = in.remark;
  p.group_id = group->id;
  p.approval_state = needs_approval ? "pending" : "";
  p.created_ms = now_ms;

  const std::string dedup = "USER:" + person.user_id + ":" + request_key;
  const Stored stored = host.db().transaction([&](courthub::Transaction& tx) {
    Stored s = insert_punch(tx, p, dedup);
    if (s.inserted && needs_approval) {
      p.id = s.id;
      p.request_id = "punch:" + std::to_string(s.id);
      set_request_id(tx, s.id, p.request_id);
      tx.publish("approval_requested", outside_approval_request(p), "approval:" + p.request_id);
    }
    return s;
  });
  if (stored.inserted) {
    p.id = stored.id;
    return p;
  }
  // The same request again (a retry): what the first one stored.
  auto first = punch_by_id(host.db(), stored.id);
  if (!first) throw courthub::Unavailable("the punch of this request is being stored; try again");
  return *first;
}

}  // namespace attendance
