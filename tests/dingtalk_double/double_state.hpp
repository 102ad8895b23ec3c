// SPDX-License-Identifier: Apache-2.0
// Everything one running double remembers, shared by the API and control endpoints.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "tests/dingtalk_double/failure_plan.hpp"
#include "tests/dingtalk_double/group_robots.hpp"
#include "tests/dingtalk_double/options.hpp"
#include "tests/dingtalk_double/request_log.hpp"
#include "tests/dingtalk_double/sms_inbox.hpp"
#include "tests/dingtalk_double/stream_gateway.hpp"
#include "tests/dingtalk_double/token_store.hpp"
#include "tests/dingtalk_double/user_directory.hpp"

namespace courthub::dingtalk_double {

// Each member synchronises itself, so handlers on POCO's worker threads share one DoubleState
// without a lock of their own.
struct DoubleState {
  explicit DoubleState(DoubleOptions opts)
      : options(std::move(opts)), clock(options.now_ms ? options.now_ms : Clock(system_now_ms)) {}

  const DoubleOptions options;
  const Clock clock;
  TokenStore tokens;
  UserDirectory users;
  GroupRobots robots;
  SmsInbox sms;
  FailurePlan failures;
  RequestLog log;
  StreamGateway stream;
  std::atomic<int64_t> next_task_id{256271667526};  // the shape of the id in the official example

  // Thread-safe.
  int64_t now_ms() const { return clock(); }
  bool token_valid(const std::string& token) const { return tokens.valid(token, now_ms()); }

  // Forgets what happened (recorded calls, failure plans, down mode, outstanding auth codes, robot
  // rate windows, SMS received, Stream ACKs and pushes) and keeps what was set up (users, robots, issued tokens), so a host under test
  // that cached a token keeps working across tests. Thread-safe.
  void reset() {
    log.clear();
    failures.clear();
    users.clear_codes();
    robots.clear_windows();
    sms.clear();
    stream.reset();
  }
};

}  // namespace courthub::dingtalk_double
