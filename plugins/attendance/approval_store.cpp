// SPDX-License-Identifier: Apache-2.0
// The approvals table (what the approvals plugin last reported per instance) and the 补卡
// requests this plugin opened.
#include "approval_store.hpp"

#include <unordered_set>

#include <courthub/time.hpp>

namespace attendance {

namespace {

// Above this many users one pass over the interval beats binding every userid.
constexpr size_t kBoundUsers = 200;

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

ApprovalRecord record_of(const courthub::Row& r) {
  ApprovalRecord a;
  a.instance_id = r[0].as_string();
  a.kind = r[1].as_string();
  a.user_id = r[2].as_string();
  a.sub_type = r[3].as_string();
  a.from_ms = r[4].as_int();
  a.to_ms = r[5].as_int();
  a.fix_date = r[6].as_string();
  a.fix_type = r[7].as_string() == "OffDuty" ? CheckType::OffDuty : CheckType::OnDuty;
  a.fix_minute = static_cast<int>(r[8].as_int());
  a.state = r[9].as_string();
  a.finished_ms = r[10].as_int();
  a.request_id = r[11].as_string();
  return a;
}

constexpr std::string_view kColumns =
    "SELECT instance_id, kind, user_id, sub_type, from_ms, to_ms, fix_date, fix_type, "
    "fix_minute, state, finished_ms, request_id FROM approvals ";

// Runs `where` (with `params`) for the given users: bound when few, filtered here when many.
std::vector<ApprovalRecord> select_for(courthub::Database& db,
                                       const std::vector<std::string>& user_ids,
                                       const std::string& where, std::vector<courthub::Value> params,
                                       const std::string& order) {
  std::vector<ApprovalRecord> out;
  if (user_ids.empty()) return out;
  const bool bound = user_ids.size() <= kBoundUsers;
  std::string sql = std::string(kColumns) + "WHERE state = 'agree' AND " + where;
  if (bound) {
    sql += " AND user_id IN (" + placeholders(user_ids.size()) + ")";
    for (auto& u : user_ids) params.emplace_back(u);
  }
  sql += " ORDER BY " + order;
  std::unordered_set<std::string> wanted;
  if (!bound) wanted.insert(user_ids.begin(), user_ids.end());
  db.each(sql, params, [&](const courthub::Row& r) {
    if (!bound && !wanted.count(r[2].as_string())) return;
    out.push_back(record_of(r));
  });
  return out;
}

std::optional<int64_t> id_after(std::string_view request_id, std::string_view prefix) {
  if (request_id.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view digits = request_id.substr(prefix.size());
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t id = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace

std::vector<ApprovalRecord> agreed_between(courthub::Database& db,
                                           const std::vector<std::string>& user_ids,
                                           int64_t from_ms, int64_t to_ms) {
  // A 补卡's check lies in the interval when its date does (checks lie within their day).
  const std::string first = courthub::time::format_date(courthub::time::local_date(from_ms));
  const std::string last = courthub::time::format_date(courthub::time::local_date(to_ms - 1));
  return select_for(db, user_ids,
                    "((kind IN ('leave','business_trip','outing') AND from_ms < ? AND to_ms > ?)"
                    " OR (kind = 'punch_fix' AND fix_date >= ? AND fix_date <= ?))",
                    {to_ms, from_ms, first, last}, "user_id, from_ms, instance_id");
}

std::vector<ApprovalRecord> agreed_fixes(courthub::Database& db,
                                         const std::vector<std::string>& user_ids,
                                         const std::string& first_date,
                                         const std::string& last_date) {
  return select_for(db, user_ids, "kind = 'punch_fix' AND fix_date >= ? AND fix_date <= ?",
                    {first_date, last_date}, "finished_ms, instance_id");
}

void put_approval(const courthub::Sql& tx, const ApprovalRecord& r, const std::string& source,
                  int64_t now_ms) {
  tx.exec(
      "INSERT INTO approvals (instance_id, kind, user_id, sub_type, from_ms, to_ms, fix_date, "
      "fix_type, fix_minute, state, finished_ms, request_id, source, updated_ms) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(instance_id) DO UPDATE SET kind = excluded.kind, user_id = excluded.user_id, "
      "sub_type = excluded.sub_type, from_ms = excluded.from_ms, to_ms = excluded.to_ms, "
      "fix_date = excluded.fix_date, fix_type = excluded.fix_type, "
      "fix_minute = excluded.fix_minute, state = excluded.state, "
      "finished_ms = excluded.finished_ms, request_id = excluded.request_id, "
      "source = excluded.source, updated_ms = excluded.updated_ms",
      {r.instance_id, r.kind, r.user_id, r.sub_type, r.from_ms, r.to_ms, r.fix_date,
       r.kind == "punch_fix" ? std::string(name_of(r.fix_type)) : std::string(), r.fix_minute,
       r.state, r.finished_ms, r.request_id, source, now_ms});
}

std::optional<int64_t> fix_request_id(std::string_view request_id) {
  return id_after(request_id, "fix:");
}
std::optional<int64_t> punch_request_id(std::string_view request_id) {
  return id_after(request_id, "punch:");
}

int64_t insert_fix_request(const courthub::Sql& tx, const FixRequest& r) {
  auto row = tx.one(
      "INSERT INTO punch_fix_requests (user_id, fix_date, fix_type, fix_minute, reason, state, "
      "instance_id, created_ms) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
      {r.user_id, r.fix_date, std::string(name_of(r.fix_type)), r.fix_minute, r.reason, r.state,
       r.instance_id, r.created_ms});
  return row->integer("id");
}

bool set_fix_request_state(const courthub::Sql& tx, int64_t id, const std::string& state,
                           const std::string& instance_id) {
  return tx
             .exec("UPDATE punch_fix_requests SET state = ?, "
                   "instance_id = CASE WHEN ? = '' THEN instance_id ELSE ? END WHERE id = ?",
                   {state, instance_id, instance_id, id})
             .changes > 0;
}

int fixes_counted(const courthub::Sql& db, const std::string& user_id, const std::string& month) {
  const std::string first = month + "-01", last = month + "-31";
  auto agreed = db.one(
      "SELECT count(*) FROM approvals WHERE kind = 'punch_fix' AND state = 'agree' "
      "AND user_id = ? AND fix_date >= ? AND fix_date <= ?",
      {user_id, first, last});
  auto pending = db.one(
      "SELECT count(*) FROM punch_fix_requests WHERE state = 'pending' "
      "AND user_id = ? AND fix_date >= ? AND fix_date <= ?",
      {user_id, first, last});
  return static_cast<int>((agreed ? (*agreed)[0].as_int() : 0) +
                          (pending ? (*pending)[0].as_int() : 0));
}

}  // namespace attendance
