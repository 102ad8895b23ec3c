// SPDX-License-Identifier: Apache-2.0
// RobotSendLedger: the robot_sends table.
#include "host/dingtalk/robot_send_ledger.hpp"

namespace courthub::dingtalk {

using storage::int_of;
using storage::int_value;
using storage::text_value;

Expected<int64_t> RobotSendLedger::reserve(std::string_view robot, int per_minute,
                                           int64_t now_ms) {
  int64_t wait_ms = 0;
  Outcome o = db_.transaction([&](storage::Transaction& txn) -> Outcome {
    ch_value expired[] = {text_value(robot), int_value(now_ms - kWindowMs)};
    Outcome r = txn.query("DELETE FROM robot_sends WHERE robot = ? AND sent_ms <= ?", expired);
    if (!r.ok()) return r;
    int64_t sends = 0, oldest = now_ms;
    ch_value key[] = {text_value(robot)};
    r = txn.query("SELECT COUNT(*), MIN(sent_ms) FROM robot_sends WHERE robot = ?", key,
                  [&](const ch_str*, const ch_value* v, size_t) {
                    sends = int_of(v[0]);
                    if (v[1].type != CH_VALUE_NULL) oldest = int_of(v[1]);
                    return Outcome::success();
                  });
    if (!r.ok()) return r;
    if (sends >= per_minute) {
      wait_ms = oldest + kWindowMs - now_ms;
      if (wait_ms < 1) wait_ms = 1;
      return Outcome::success();
    }
    ch_value send[] = {text_value(robot), int_value(now_ms)};
    return txn.query("INSERT INTO robot_sends(robot, sent_ms) VALUES (?, ?)", send);
  });
  if (!o.ok()) return o;
  return wait_ms;
}

}  // namespace courthub::dingtalk
