// SPDX-License-Identifier: Apache-2.0
// Attendance-machine records: read, check every one, store them all in one transaction.
#include "machine_records.hpp"

#include <chrono>
#include <map>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "group_store.hpp"
#include "person_access.hpp"
#include "punch_store.hpp"

namespace attendance {

namespace json = courthub::json;
using courthub::Json;

namespace {

bool digits(std::string_view s, size_t at, size_t n, int& out) {
  out = 0;
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

Json where(size_t index, std::string_view field) {
  return Json::object({{"index", index}, {"field", field}});
}

courthub::Error bad(size_t index, std::string_view field, const std::string& problem) {
  return courthub::InvalidArgument(
      "records[" + std::to_string(index) + "]" + (field.empty() ? "" : ".") + std::string(field) +
          ": " + problem,
      where(index, field));
}

std::string required_text(const Json& record, size_t index, std::string_view field,
                          size_t max_bytes) {
  const Json* v = json::find(record, field);
  if (!v || !v->is_string() || v->get<std::string>().empty())
    throw bad(index, field, "required, a non-empty string");
  std::string s = v->get<std::string>();
  if (s.size() > max_bytes)
    throw bad(index, field, "at most " + std::to_string(max_bytes) + " bytes");
  return s;
}

}  // namespace

std::optional<int64_t> parse_instant(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]
  if (t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
  auto date = courthub::time::parse_date(t.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!date || !digits(t, 11, 2, h) || !digits(t, 14, 2, m) || !digits(t, 17, 2, s) || h > 23 ||
      m > 59 || s > 59)
    return std::nullopt;
  size_t at = 19;
  int64_t ms = 0;
  if (at < t.size() && t[at] == '.') {
    size_t start = ++at;
    int64_t scale = 100;
    while (at < t.size() && t[at] >= '0' && t[at] <= '9') {
      ms += (t[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    if (at == start || at - start > 9) return std::nullopt;
  }
  int offset_minutes = 0;
  if (at < t.size() && t[at] == 'Z' && at + 1 == t.size()) {
    offset_minutes = 0;
  } else if (at + 6 == t.size() && (t[at] == '+' || t[at] == '-') && t[at + 3] == ':') {
    int oh = 0, om = 0;
    if (!digits(t, at + 1, 2, oh) || !digits(t, at + 4, 2, om) || oh > 14 || om > 59)
      return std::nullopt;
    offset_minutes = (oh * 60 + om) * (t[at] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const int64_t day_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::sys_days{*date}.time_since_epoch())
                             .count();
  return day_ms + ((h * 60 + m - offset_minutes) * 60 + s) * int64_t{1000} + ms;
}

std::vector<MachineRecord> read_machine_records(const Json& body) {
  if (!body.is_array())
    throw courthub::InvalidArgument(
        "request body: must be an array of {\"user_id\",\"time\",\"device_id\"}");
  if (body.size() > kMaxMachineRecords)
    throw courthub::InvalidArgument("request body: at most " +
                                    std::to_string(kMaxMachineRecords) + " records a call, got " +
                                    std::to_string(body.size()));
  std::vector<MachineRecord> out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    const Json& r = body[i];
    if (!r.is_object()) throw bad(i, "", "must be an object");
    MachineRecord rec;
    rec.user_id = required_text(r, i, "user_id", 64);
    std::string time = required_text(r, i, "time", 40);
    auto ms = parse_instant(time);
    if (!ms) throw bad(i, "time", "must be like 2026-12-08T08:29:40+08:00");
    rec.time_ms = *ms;
    rec.device_id = required_text(r, i, "device_id", 128);
    out.push_back(std::move(rec));
  }
  return out;
}

ImportCount import_machine_records(courthub::Host& host, const courthub::Caller& caller,
                                   const std::vector<MachineRecord>& records, int64_t now_ms) {
  if (caller.kind != courthub::Caller::Kind::Admin && !caller.has_role("court_admin"))
    throw courthub::PermissionDenied(
        "machine records are imported by the court's court_admin or the operator");
  const Date today = courthub::time::local_date(now_ms);
  Schedule schedule(host, today, today);
  std::map<std::string, std::optional<courthub::Person>> people;
  std::vector<Punch> punches;
  punches.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const MachineRecord& rec = records[i];
    auto [it, fresh] = people.try_emplace(rec.user_id);
    if (fresh) it->second = host.directory().person(rec.user_id);
    const auto& person = it->second;
    if (!person) throw bad(i, "user_id", "no such person in the directory");
    if (!administers_court(caller, person->court_code))
      throw courthub::Error(courthub::Status::PermissionDenied,
                            "records[" + std::to_string(i) +
                                "].user_id: not a person of your court",
                            where(i, "user_id"));
    Punch p;
    p.user_id = rec.user_id;
    p.court = person->court_code;
    p.time_ms = rec.time_ms;
    p.work_date = courthub::time::format_date(courthub::time::local_date(rec.time_ms));
    p.source_type = "ATM";
    p.location_result = "Normal";
    p.location_method = "ATM";
    p.device_id = rec.device_id;
    if (const Group* g = schedule.group_of(*person)) p.group_id = g->id;
    p.created_ms = now_ms;
    punches.push_back(std::move(p));
  }
  return host.db().transaction([&](courthub::Transaction& tx) {
    ImportCount count;
    for (const Punch& p : punches) {
      const std::string key =
          "ATM:" + p.user_id + ":" + std::to_string(p.time_ms) + ":" + p.device_id;
      (insert_punch(tx, p, key).inserted ? count.accepted : count.duplicates)++;
    }
    return count;
  });
}

}  // namespace attendance
