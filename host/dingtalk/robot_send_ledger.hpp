// SPDX-License-Identifier: Apache-2.0
// The group robots' sends of the last minute, in the host database: DingTalk allows a custom
// group robot 20 messages a minute (more, and it throttles the robot for ten minutes), and the
// limit is the robot's, not a host's. Kept in the database so that every host sharing it counts
// the same sends (DESIGN.md "Several hosts"); an in-memory count would let N hosts send N times
// the limit.
//
// Threading: reserve() from any thread concurrently. The count and the record are one write
// transaction, and writers are serialised per database (on PostgreSQL across hosts), so two
// callers never both take the last place.
#pragma once

#include <cstdint>
#include <string_view>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::dingtalk {

class RobotSendLedger {
 public:
  // `db` is the host database (table robot_sends, host migration 10); it must outlive this.
  explicit RobotSendLedger(storage::Database& db) : db_(db) {}

  // Takes one of `per_minute` places of `robot` in the minute before `now_ms` and returns 0, or,
  // when all are taken, takes none and returns the milliseconds until the oldest place frees.
  // Sends older than a minute are forgotten on the way.
  // Errors: the database's (Unavailable when busy): the caller retries the message later.
  Expected<int64_t> reserve(std::string_view robot, int per_minute, int64_t now_ms);

  static constexpr int64_t kWindowMs = 60'000;

 private:
  storage::Database& db_;
};

}  // namespace courthub::dingtalk
