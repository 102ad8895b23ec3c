// SPDX-License-Identifier: Apache-2.0
// Failures a test asked for, handed out one call at a time.
#include "tests/dingtalk_double/failure_plan.hpp"

#include <stdexcept>

namespace courthub::dingtalk_double {

void FailurePlan::fail_next(const std::string& path, int count, int http_status, int errcode) {
  if (count < 1) throw std::invalid_argument("fail_next: count must be at least 1");
  if (http_status < 100 || http_status > 599) {
    throw std::invalid_argument("fail_next: status " + std::to_string(http_status) +
                                " is not an HTTP status (100..599)");
  }
  if (http_status == 200 && errcode == 0) {
    throw std::invalid_argument(
        "fail_next: status 200 with errcode 0 is a success; give a non-200 status or an errcode");
  }
  std::lock_guard lock(mutex_);
  by_path_[path].push_back(Planned{count, http_status, errcode});
}

void FailurePlan::set_down(bool down) {
  std::lock_guard lock(mutex_);
  down_ = down;
}

std::optional<ApiReply> FailurePlan::take(const std::string& path) {
  std::lock_guard lock(mutex_);
  if (down_) {
    ApiReply reply = errcode_reply(-1, "the DingTalk double is down (set_down)", 503);
    reply.injected = true;
    return reply;
  }
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return std::nullopt;
  Planned& next = it->second.front();
  ApiReply reply = next.http_status != 200 ? errcode_reply(-1, "injected failure", next.http_status)
                                           : errcode_reply(next.errcode, "injected failure");
  reply.injected = true;
  if (--next.remaining == 0) {
    it->second.pop_front();
    if (it->second.empty()) by_path_.erase(it);
  }
  return reply;
}

void FailurePlan::clear() {
  std::lock_guard lock(mutex_);
  down_ = false;
  by_path_.clear();
}

}  // namespace courthub::dingtalk_double
