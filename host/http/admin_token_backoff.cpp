// SPDX-License-Identifier: Apache-2.0
// AdminTokenBackoff: per-address failure counts, waits and log decisions.
#include "host/http/admin_token_backoff.hpp"

#include <algorithm>

namespace courthub::http {

int64_t AdminTokenBackoff::wait_ms(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  if (it == by_address_.end()) return 0;
  return std::max<int64_t>(0, it->second->blocked_until_ms - clock_.now_ms());
}

FailureVerdict AdminTokenBackoff::failed(const std::string& address, bool counts) {
  const int64_t now = clock_.now_ms();
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  if (it == by_address_.end()) {
    if (order_.size() >= limits_.max_addresses && !order_.empty()) {
      by_address_.erase(order_.back().address);
      order_.pop_back();
    }
    order_.push_front(Entry{address});
    it = by_address_.emplace(address, order_.begin()).first;
  } else {
    order_.splice(order_.begin(), order_, it->second);  // most recent failure first
  }
  Entry& e = *it->second;
  if (e.failures > 0 && now - e.last_failure_ms >= limits_.forget_after_ms) e.failures = 0;
  if (counts) e.failures += 1;
  e.last_failure_ms = now;

  FailureVerdict v;
  v.failures = e.failures;
  if (counts && e.failures >= limits_.free_failures) {
    const int doublings = std::min(e.failures - limits_.free_failures, 40);
    v.wait_ms = std::min(limits_.max_wait_ms, limits_.first_wait_ms << doublings);
    e.blocked_until_ms = now + v.wait_ms;
    v.entered_backoff = e.failures == limits_.free_failures;
  }
  if (e.last_log_ms == INT64_MIN || now - e.last_log_ms >= limits_.log_every_ms) {
    v.log = true;
    v.unlogged = e.unlogged;
    e.unlogged = 0;
    e.last_log_ms = now;
  } else {
    e.unlogged += 1;
  }
  return v;
}

void AdminTokenBackoff::succeeded(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  if (it == by_address_.end()) return;
  // The log limit stays: a guesser who also holds a session must not reset it.
  it->second->failures = 0;
  it->second->blocked_until_ms = 0;
}

size_t AdminTokenBackoff::size() const {
  std::lock_guard lock(mu_);
  return order_.size();
}

std::string address_without_port(const std::string& address) {
  if (!address.empty() && address.front() == '[') {
    size_t close = address.find(']');
    return close == std::string::npos ? address : address.substr(1, close - 1);
  }
  size_t colon = address.rfind(':');
  if (colon == std::string::npos || address.find(':') != colon) return address;  // no port, or bare IPv6
  return address.substr(0, colon);
}

}  // namespace courthub::http
