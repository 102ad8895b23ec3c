// SPDX-License-Identifier: Apache-2.0
// Unavailability rows.
#include "unavailability.hpp"

#include <courthub/error.hpp>

namespace lawyers {

using courthub::Json;
using courthub::Value;

Json unavailability_of(const courthub::Sql& q, int64_t lawyer_id, int64_t from_ms) {
  Json out = Json::array();
  for (auto& r : q.query("SELECT id, start_ms, end_ms, reason, created_ms FROM unavailability "
                         "WHERE lawyer_id = ? AND end_ms > ? ORDER BY start_ms, id",
                         {Value(lawyer_id), Value(from_ms)}))
    out.push_back(Json::object({{"id", r.integer("id")},
                                {"start_ms", r.integer("start_ms")},
                                {"end_ms", r.integer("end_ms")},
                                {"reason", r.text("reason")},
                                {"created_ms", r.integer("created_ms")}}));
  return out;
}

int64_t add_unavailability(const courthub::Sql& tx, int64_t lawyer_id, int64_t start_ms,
                           int64_t end_ms, const std::string& reason, int64_t now_ms) {
  auto row = tx.one(
      "INSERT INTO unavailability(lawyer_id, start_ms, end_ms, reason, created_ms) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {Value(lawyer_id), Value(start_ms), Value(end_ms), reason, Value(now_ms)});
  return row->integer("id");
}

void remove_unavailability(const courthub::Sql& tx, int64_t lawyer_id, int64_t id) {
  if (tx.exec("DELETE FROM unavailability WHERE id = ? AND lawyer_id = ?",
              {Value(id), Value(lawyer_id)})
          .changes != 1)
    throw courthub::NotFound("no unavailability " + std::to_string(id) + " among yours");
}

}  // namespace lawyers
