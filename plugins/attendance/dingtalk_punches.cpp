// SPDX-License-Identifier: Apache-2.0
// attendance_check_record events into punches.
#include "dingtalk_punches.hpp"

#include <map>
#include <optional>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "geofence.hpp"
#include "group_store.hpp"
#include "punch_store.hpp"

namespace attendance {

namespace json = courthub::json;
using courthub::Json;

namespace {

std::string text_of(const Json& entry, std::string_view key) {
  const Json* v = json::find(entry, key);
  if (!v) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
  return {};
}

std::optional<double> number_of(const Json& entry, std::string_view key) {
  const Json* v = json::find(entry, key);
  if (v && v->is_number()) return v->get<double>();
  if (v && v->is_string()) {
    try {
      size_t used = 0;
      double d = std::stod(v->get<std::string>(), &used);
      if (used == v->get<std::string>().size()) return d;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

std::optional<int64_t> check_time_of(const Json& entry) {
  const Json* v = json::find(entry, "checkTime");
  if (v && v->is_number_integer()) return v->get<int64_t>();
  if (v && v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (s.empty() || s.size() > 16 || s.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return std::stoll(s);
  }
  return std::nullopt;
}

}  // namespace

PunchEventCount store_dingtalk_punches(courthub::Host& host, const Json& payload) {
  const Json* list = json::find(payload, "DataList");
  if (!list || !list->is_array())
    throw courthub::InvalidArgument("attendance_check_record: DataList must be an array");
  PunchEventCount count;
  const int64_t now = host.now_ms();
  const Date today = courthub::time::local_date(now);
  std::optional<Schedule> schedule;
  std::map<std::string, std::optional<courthub::Person>> people;
  std::vector<std::pair<Punch, std::string>> punches;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& e = (*list)[i];
    const std::string user = e.is_object() ? text_of(e, "userId") : "";
    const auto at = e.is_object() ? check_time_of(e) : std::nullopt;
    if (user.empty() || !at) {
      host.warn("attendance_check_record: entry " + std::to_string(i) +
                " has no userId or checkTime; skipped");
      count.skipped++;
      continue;
    }
    auto [it, fresh] = people.try_emplace(user);
    if (fresh) it->second = host.directory().person(user);
    if (!it->second) {
      host.warn("attendance_check_record: entry " + std::to_string(i) +
                " names a user the directory does not know; skipped");
      count.skipped++;
      continue;
    }
    const courthub::Person& person = *it->second;
    if (!schedule) schedule.emplace(host, today, today);
    const Group* group = schedule->group_of(person);

    Punch p;
    p.user_id = user;
    p.court = person.court_code;
    p.time_ms = *at;
    p.work_date = courthub::time::format_date(courthub::time::local_date(*at));
    p.location_method = text_of(e, "locationMethod");
    p.source_type = p.location_method == "ATM" ? "ATM" : "USER";
    p.latitude = number_of(e, "latitude");
    p.longitude = number_of(e, "longitude");
    p.accuracy = number_of(e, "accuracy");
    p.address = text_of(e, "address");
    p.device_id = text_of(e, "deviceSN");
    if (p.device_id.empty()) p.device_id = text_of(e, "deviceId");
    if (p.device_id.empty()) p.device_id = text_of(e, "deviceName");
    p.outside_remark = text_of(e, "outsideRemark");
    p.location_result = "Normal";
    if (group && p.source_type != "ATM" && p.latitude && p.longitude &&
        !group->locations.empty() &&
        !place(*group, Position{*p.latitude, *p.longitude, p.accuracy}, std::nullopt).inside)
      p.location_result = "Outside";
    if (group) p.group_id = group->id;
    p.created_ms = now;
    const std::string biz = text_of(e, "bizId");
    punches.emplace_back(std::move(p), biz.empty() ? "DT:" + user + "@" + std::to_string(*at)
                                                   : "DT:" + biz);
  }
  if (punches.empty()) return count;
  host.db().transaction([&](courthub::Transaction& tx) {
    for (auto& [p, key] : punches) (insert_punch(tx, p, key).inserted ? count.stored : count.duplicates)++;
  });
  return count;
}

void register_dingtalk_punches(courthub::Registrar& r, courthub::Host& host, const Settings&) {
  r.subscribe("attendance_check_record", [&host](const courthub::Event& e) {
    auto n = store_dingtalk_punches(host, e.payload);
    host.debug("attendance_check_record: " + std::to_string(n.stored) + " stored, " +
               std::to_string(n.duplicates) + " already stored, " + std::to_string(n.skipped) +
               " skipped");
  });
}

}  // namespace attendance
