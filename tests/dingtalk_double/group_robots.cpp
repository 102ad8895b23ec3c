// SPDX-License-Identifier: Apache-2.0
// Custom group robots and the checks DingTalk applies to /robot/send.
#include "tests/dingtalk_double/group_robots.hpp"

#include <charconv>

#include "tests/dingtalk_double/robot_sign.hpp"

namespace courthub::dingtalk_double {
namespace {

bool parse_ms(const std::string& text, int64_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

void GroupRobots::add(const std::string& access_token, const std::string& secret) {
  std::lock_guard lock(mutex_);
  robots_[access_token] = Robot{secret, {}};
}

ApiReply GroupRobots::admit(const std::string& access_token, const std::string& timestamp,
                            const std::string& sign, int64_t now_ms, int per_minute) {
  std::lock_guard lock(mutex_);
  auto it = robots_.find(access_token);
  if (it == robots_.end()) return errcode_reply(300001, "token is not exist");
  Robot& robot = it->second;

  if (!robot.secret.empty()) {
    if (timestamp.empty() || sign.empty()) return errcode_reply(310000, "sign not match");
    int64_t ts = 0;
    if (!parse_ms(timestamp, ts) || ts < now_ms - kRobotTimestampWindowMs ||
        ts > now_ms + kRobotTimestampWindowMs) {
      return errcode_reply(310000, "invalid timestamp");
    }
    // POCO's query parser has already undone the url-encoding, so this compares raw Base64.
    if (!constant_time_equal(sign, robot_sign_base64(timestamp, robot.secret))) {
      return errcode_reply(310000, "sign not match");
    }
  }

  while (!robot.sent_at_ms.empty() && robot.sent_at_ms.front() <= now_ms - kRobotRateWindowMs) {
    robot.sent_at_ms.pop_front();
  }
  if (static_cast<int>(robot.sent_at_ms.size()) >= per_minute) {
    return errcode_reply(
        130101, "send too fast, exceed " + std::to_string(per_minute) + " times per minute");
  }
  robot.sent_at_ms.push_back(now_ms);
  return errcode_reply(0, "ok");
}

void GroupRobots::clear_windows() {
  std::lock_guard lock(mutex_);
  for (auto& [token, robot] : robots_) robot.sent_at_ms.clear();
}

}  // namespace courthub::dingtalk_double
