// SPDX-License-Identifier: Apache-2.0
// Custom group robots (自定义机器人) the double knows, and whether a /robot/send may pass:
// token, 加签 and the per-minute rate limit.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

// DingTalk rejects a signed send whose timestamp is more than an hour from its clock (§3).
inline constexpr int64_t kRobotTimestampWindowMs = 60 * 60 * 1000;
inline constexpr int64_t kRobotRateWindowMs = 60 * 1000;

class GroupRobots {
 public:
  // Adds or replaces a robot; secret "" = the robot does not use 加签. Thread-safe.
  void add(const std::string& access_token, const std::string& secret);

  // Decides one send at now_ms. `timestamp` and `sign` are the url-decoded query values ("" when
  // absent). Returns {"errcode":0,"errmsg":"ok"} and counts the send against the robot's sliding
  // 60 s window, or the DingTalk error: 300001 unknown token, 310000 bad or missing signature or
  // timestamp, 130101 over `per_minute`. Rejected sends do not count. Thread-safe.
  ApiReply admit(const std::string& access_token, const std::string& timestamp,
                 const std::string& sign, int64_t now_ms, int per_minute);

  // Forgets the rate windows; robots stay. Thread-safe.
  void clear_windows();

 private:
  struct Robot {
    std::string secret;
    std::deque<int64_t> sent_at_ms;  // accepted sends inside the current window, oldest first
  };
  std::mutex mutex_;
  std::map<std::string, Robot> robots_;
};

}  // namespace courthub::dingtalk_double
