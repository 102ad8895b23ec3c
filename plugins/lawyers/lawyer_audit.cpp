// SPDX-License-Identifier: Apache-2.0
#include "lawyer_audit.hpp"

namespace lawyers {

AuditActor staff_actor(const courthub::Caller& caller) {
  if (caller.kind == courthub::Caller::Kind::Admin) return {"admin", "运维管理员"};
  return {caller.user_id, caller.name};
}

void audit(const courthub::Sql& tx, int64_t lawyer_id, const AuditActor& actor,
           std::string_view action, std::string_view reason, int64_t at_ms) {
  tx.exec(
      "INSERT INTO lawyer_audit (lawyer_id, action, actor, actor_name, reason, at_ms) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {lawyer_id, std::string(action), actor.id, actor.name, std::string(reason), at_ms});
}

courthub::Json audit_items(const courthub::Sql& db, int64_t lawyer_id) {
  courthub::Json items = courthub::Json::array();
  for (auto& row : db.query(
           "SELECT action, actor, actor_name, reason, at_ms FROM lawyer_audit "
           "WHERE lawyer_id = ? ORDER BY id",
           {lawyer_id}))
    items.push_back(courthub::Json::object({{"action", row.text("action")},
                                            {"actor", row.text("actor")},
                                            {"actor_name", row.text("actor_name")},
                                            {"reason", row.text("reason")},
                                            {"at_ms", row.integer("at_ms")}}));
  return courthub::Json::object({{"items", items}});
}

}  // namespace lawyers
