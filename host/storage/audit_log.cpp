// SPDX-License-Identifier: Apache-2.0
// AuditLog: appending and listing audit rows.
#include "host/storage/audit_log.hpp"

#include "host/log.hpp"

namespace courthub::storage {

Outcome AuditLog::record(const std::string& actor, const std::string& action,
                         const std::string& target, const std::string& detail,
                         const std::string& result) {
  const int64_t now = clock_.now_ms();
  std::string rid(log::request_id());
  ch_value p[] = {int_value(now),    text_value(actor),  text_value(action), text_value(target),
                  text_value(detail), text_value(result), text_value(rid)};
  return db_.query(
      "INSERT INTO audit_log(at_ms, actor, action, target, detail, result, request_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      p);
}

Expected<Json> AuditLog::list(int limit, int64_t before_id) {
  Json rows = Json::array();
  ch_value p[] = {int_value(before_id > 0 ? before_id : INT64_MAX), int_value(limit)};
  Outcome o = db_.query(
      "SELECT id, at_ms, actor, action, target, detail, result, request_id FROM audit_log "
      "WHERE id < ? ORDER BY id DESC LIMIT ?",
      p, [&](const ch_str*, const ch_value* v, size_t) {
        rows.push_back(Json::object({{"id", int_of(v[0])},
                                     {"at_ms", int_of(v[1])},
                                     {"actor", text_of(v[2])},
                                     {"action", text_of(v[3])},
                                     {"target", text_of(v[4])},
                                     {"detail", text_of(v[5])},
                                     {"result", text_of(v[6])},
                                     {"request_id", text_of(v[7])}}));
        return Outcome::success();
      });
  if (!o.ok()) return o;
  return rows;
}

}  // namespace courthub::storage
