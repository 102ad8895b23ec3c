// SPDX-License-Identifier: Apache-2.0
// Failures a test asked for: the next N calls to a path fail, or the whole double is "down".
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

class FailurePlan {
 public:
  // The next `count` calls to exactly `path` fail: http_status != 200 answers that status with
  // {"errcode":-1,...}; http_status 200 answers {"errcode":errcode,...}. Plans for one path queue
  // up in the order given. Throws std::invalid_argument on count < 1, a status outside
  // 100..599, or status 200 with errcode 0 (that would not be a failure). Thread-safe.
  void fail_next(const std::string& path, int count, int http_status, int errcode);

  // While down, every API call answers 503. Thread-safe.
  void set_down(bool down);

  // The injected reply for this call, consuming one planned failure; nullopt = handle normally.
  // Down mode does not consume planned failures. Thread-safe.
  std::optional<ApiReply> take(const std::string& path);

  // Forgets all plans and leaves down mode. Thread-safe.
  void clear();

 private:
  struct Planned {
    int remaining;
    int http_status;
    int errcode;
  };
  std::mutex mutex_;
  bool down_ = false;
  std::map<std::string, std::deque<Planned>> by_path_;
};

}  // namespace courthub::dingtalk_double
