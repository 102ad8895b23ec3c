// SPDX-License-Identifier: Apache-2.0
// The SMS messages the double's gateway accepted, in arrival order.
#pragma once

#include <mutex>
#include <vector>

#include "courthub/json.hpp"

namespace courthub::dingtalk_double {

class SmsInbox {
 public:
  // Records {"mobile", "content", "at_ms", "id"}. Thread-safe.
  void add(Json message) {
    std::lock_guard lock(mutex_);
    received_.push_back(std::move(message));
  }
  // Oldest first. Thread-safe.
  std::vector<Json> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  size_t size() const {
    std::lock_guard lock(mutex_);
    return received_.size();
  }
  void clear() {
    std::lock_guard lock(mutex_);
    received_.clear();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Json> received_;
};

}  // namespace courthub::dingtalk_double
