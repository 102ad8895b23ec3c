// SPDX-License-Identifier: Apache-2.0
// The punches table: insert once per dedup key, reads by person and time, the 外勤 approval.
#include "punch_store.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace attendance {

namespace {

constexpr std::string_view kColumns =
    "id, user_id, court, time_ms, work_date, source_type, location_result, location_method, "
    "latitude, longitude, accuracy, address, ssid, bssid, device_id, outside_remark, group_id, "
    "approval_state, request_id, created_ms";

std::optional<double> optional_real(const courthub::Row& r, std::string_view name) {
  if (r.is_null(name)) return std::nullopt;
  return r.real(name);
}

Punch punch_of(const courthub::Row& r) {
  Punch p;
  p.id = r.integer("id");
  p.user_id = r.text("user_id");
  p.court = r.text("court");
  p.time_ms = r.integer("time_ms");
  p.work_date = r.text("work_date");
  p.source_type = r.text("source_type");
  p.location_result = r.text("location_result");
  p.location_method = r.text("location_method");
  p.latitude = optional_real(r, "latitude");
  p.longitude = optional_real(r, "longitude");
  p.accuracy = optional_real(r, "accuracy");
  p.address = r.text("address");
  p.ssid = r.text("ssid");
  p.bssid = r.text("bssid");
  p.device_id = r.text("device_id");
  p.outside_remark = r.text("outside_remark");
  p.group_id = r.text("group_id");
  p.approval_state = r.text("approval_state");
  p.request_id = r.text("request_id");
  p.created_ms = r.integer("created_ms");
  return p;
}

std::vector<Punch> punches_of(const std::vector<courthub::Row>& rows) {
  std::vector<Punch> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(punch_of(r));
  return out;
}

}  // namespace

Stored insert_punch(courthub::Transaction& tx, const Punch& p, const std::string& dedup_key) {
  // No row back when the punch was stored before: then the stored one's id.
  auto inserted = tx.one(
      "INSERT INTO punches (user_id, court, time_ms, work_date, source_type, location_result, "
      "location_method, latitude, longitude, accuracy, address, ssid, bssid, device_id, "
      "outside_remark, group_id, approval_state, request_id, dedup_key, created_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(dedup_key) DO NOTHING RETURNING id",
      {p.user_id, p.court, p.time_ms, p.work_date, p.source_type, p.location_result,
       p.location_method, p.latitude, p.longitude, p.accuracy, p.address, p.ssid, p.bssid,
       p.device_id, p.outside_remark, p.group_id, p.approval_state, p.request_id, dedup_key,
       p.created_ms});
  if (inserted) return Stored{inserted->integer("id"), true};
  auto existing = tx.one("SELECT id FROM punches WHERE dedup_key = ?", {dedup_key});
  return Stored{existing ? existing->integer("id") : 0, false};
}

std::vector<Punch> punches_between(courthub::Database& db, const std::vector<std::string>& user_ids,
                                   int64_t from_ms, int64_t to_ms) {
  std::vector<Punch> out;
  // One statement per chunk of people: SQLite's default limit is 32,766 parameters.
  constexpr size_t kChunk = 500;
  for (size_t at = 0; at < user_ids.size(); at += kChunk) {
    const size_t n = std::min(kChunk, user_ids.size() - at);
    std::string sql = "SELECT " + std::string(kColumns) + " FROM punches WHERE user_id IN (";
    std::vector<courthub::Value> params;
    params.reserve(n + 2);
    for (size_t i = 0; i < n; ++i) {
      sql += i ? ",?" : "?";
      params.emplace_back(user_ids[at + i]);
    }
    sql += ") AND time_ms >= ? AND time_ms < ? ORDER BY user_id, time_ms, id";
    params.emplace_back(from_ms);
    params.emplace_back(to_ms);
    auto chunk = punches_of(db.query(sql, params));
    out.insert(out.end(), std::make_move_iterator(chunk.begin()),
               std::make_move_iterator(chunk.end()));
  }
  if (user_ids.size() > kChunk)
    std::stable_sort(out.begin(), out.end(), [](const Punch& a, const Punch& b) {
      return a.user_id < b.user_id;
    });
  return out;
}

std::vector<Punch> all_punches_between(courthub::Database& db, int64_t from_ms, int64_t to_ms) {
  return punches_of(db.query("SELECT " + std::string(kColumns) +
                                 " FROM punches WHERE time_ms >= ? AND time_ms < ? "
                                 "ORDER BY user_id, time_ms, id",
                             {from_ms, to_ms}));
}

std::optional<Punch> punch_by_id(courthub::Database& db, int64_t id) {
  auto r = db.one("SELECT " + std::string(kColumns) + " FROM punches WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return punch_of(*r);
}

void set_request_id(courthub::Transaction& tx, int64_t id, const std::string& request_id) {
  tx.exec("UPDATE punches SET request_id = ? WHERE id = ?", {request_id, id});
}

bool set_outside_approval(courthub::Transaction& tx, const std::string& request_id,
                          const std::string& state) {
  if (request_id.empty()) return false;
  auto r = tx.exec(
      "UPDATE punches SET approval_state = ? WHERE request_id = ? AND approval_state <> ?",
      {state, request_id, state});
  return r.changes > 0;
}

}  // namespace attendance
