// SPDX-License-Identifier: Apache-2.0
// UsedRobotSigns: the robot_signs table.
#include "host/dingtalk/used_robot_signs.hpp"

#include <string>

namespace courthub::dingtalk {

using storage::int_value;
using storage::text_of;
using storage::text_value;

Expected<SignUse> UsedRobotSigns::claim(std::string_view timestamp, std::string_view sign,
                                        std::string_view msg_id, int64_t expires_ms,
                                        int64_t now_ms) {
  int64_t last = last_purge_ms_.load();
  if (now_ms - last >= kPurgeEveryMs && last_purge_ms_.compare_exchange_strong(last, now_ms)) {
    (void)purge(now_ms);  // a failed purge only leaves rows for the next one
  }
  storage::QueryResult inserted;
  ch_value row[] = {text_value(timestamp), text_value(sign), text_value(msg_id),
                    int_value(expires_ms)};
  Outcome o = db_.query(
      "INSERT INTO robot_signs(timestamp, sign, msg_id, expires_ms) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(timestamp, sign) DO NOTHING",
      row, {}, &inserted);
  if (!o.ok()) return o;
  if (inserted.changes == 1) return SignUse::First;
  std::string first_msg_id;
  ch_value key[] = {text_value(timestamp), text_value(sign)};
  o = db_.query("SELECT msg_id FROM robot_signs WHERE timestamp = ? AND sign = ?", key,
                [&](const ch_str*, const ch_value* v, size_t) {
                  first_msg_id = std::string(text_of(v[0]));
                  return Outcome::success();
                });
  if (!o.ok()) return o;
  return first_msg_id == msg_id ? SignUse::SameMessage : SignUse::Replayed;
}

Expected<int64_t> UsedRobotSigns::purge(int64_t now_ms) {
  storage::QueryResult deleted;
  ch_value now[] = {int_value(now_ms)};
  Outcome o = db_.query("DELETE FROM robot_signs WHERE expires_ms < ?", now, {}, &deleted);
  if (!o.ok()) return o;
  return deleted.changes;
}

}  // namespace courthub::dingtalk
