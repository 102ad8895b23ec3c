// SPDX-License-Identifier: Apache-2.0
// The robot signs already used: each (timestamp, sign) pair of a robot callback, remembered in
// the host database for as long as the pair would pass the timestamp window, with the msgId it
// carried. A captured pair sent again with another msgId is a replay.
//
// The sign depends only on the timestamp and the app secret, so whoever captures one request
// may otherwise reuse its headers with any body for the whole window (1 h). Kept in the database,
// not in memory: a restart must not reopen the window, and several hosts sharing one database
// honour each other's record (DESIGN.md "Several hosts").
//
// Threading: claim() from any thread concurrently (the database serialises the writes).
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::dingtalk {

enum class SignUse {
  First,        // the pair was never seen: recorded now
  SameMessage,  // seen with this msgId before: DingTalk's own retry, answer as then
  Replayed,     // seen with another msgId: refuse
};

class UsedRobotSigns {
 public:
  // `db` is the host database (table robot_signs, host migration 8); it must outlive this.
  explicit UsedRobotSigns(storage::Database& db) : db_(db) {}

  // Records that `timestamp`/`sign` (already verified) carried `msg_id`, until `expires_ms`
  // (the timestamp plus the window: afterwards the window check refuses the pair anyway).
  // At most once a minute of `now_ms` it also deletes the pairs that expired.
  // Errors: the database's (Unavailable when busy); the caller answers 503 and nothing runs.
  Expected<SignUse> claim(std::string_view timestamp, std::string_view sign,
                          std::string_view msg_id, int64_t expires_ms, int64_t now_ms);

  // Deletes every pair that expired before `now_ms`; returns how many. Errors: the database's.
  Expected<int64_t> purge(int64_t now_ms);

  static constexpr int64_t kPurgeEveryMs = 60'000;

 private:
  storage::Database& db_;
  std::atomic<int64_t> last_purge_ms_{0};
};

}  // namespace courthub::dingtalk
