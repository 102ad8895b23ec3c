// SPDX-License-Identifier: Apache-2.0
// AdminTokenBackoff: per-address failure counts, waits and log decisions.
#include "host/http/admin_token_backoff.hpp"

#include <algorithm>

#include "host/log.hpp"

namespace courthub::http {

int64_t AdminTokenBackoff::wait_ms(const std::string& address) {
  const int64_t now = clock_.now_ms();
  if (shared_) {
    int64_t until = 0;
    ch_value p[] = {storage::text_value(address)};
    Outcome o = shared_->query("SELECT blocked_until_ms FROM admin_backoff WHERE address = ?", p,
                               [&](const ch_str*, const ch_value* v, size_t) {
                                 until = storage::int_of(v[0]);
                                 return Outcome::success();
                               });
    if (o.ok()) return std::max<int64_t>(0, until - now);
    log::error("admin", "cannot read the shared admin back-off (this host's decides): " +
                            o.message());
  }
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  if (it == by_address_.end()) return 0;
  return std::max<int64_t>(0, it->second->blocked_until_ms - now);
}

int64_t AdminTokenBackoff::wait_for(int failures) const {
  if (failures < limits_.free_failures) return 0;
  const int doublings = std::min(failures - limits_.free_failures, 40);
  return std::min(limits_.max_wait_ms, limits_.first_wait_ms << doublings);
}

std::optional<int> AdminTokenBackoff::shared_failure(const std::string& address, int64_t now) {
  std::optional<int> failures;
  Outcome o = shared_->transaction([&](storage::Transaction& txn) -> Outcome {
    failures.reset();
    ch_value up[] = {storage::text_value(address), storage::int_value(now),
                     storage::int_value(now - limits_.forget_after_ms)};
    // An address quiet for forget_after_ms starts afresh, as in memory.
    Outcome w = txn.query(
        "INSERT INTO admin_backoff(address, failures, last_failure_ms, blocked_until_ms) "
        "VALUES (?, 1, ?, 0) ON CONFLICT (address) DO UPDATE SET "
        "failures = CASE WHEN admin_backoff.last_failure_ms <= ? THEN 1 "
        "ELSE admin_backoff.failures + 1 END, last_failure_ms = excluded.last_failure_ms "
        "RETURNING failures",
        up, [&](const ch_str*, const ch_value* v, size_t) {
          failures = static_cast<int>(storage::int_of(v[0]));
          return Outcome::success();
        });
    if (!w.ok() || !failures) return w.ok() ? Outcome::error("no count returned") : w;
    if (int64_t wait = wait_for(*failures); wait > 0) {
      ch_value block[] = {storage::int_value(now + wait), storage::text_value(address)};
      w = txn.query("UPDATE admin_backoff SET blocked_until_ms = ? WHERE address = ?", block);
      if (!w.ok()) return w;
    }
    if (now - pruned_ms_ >= limits_.log_every_ms) {
      ch_value old[] = {storage::int_value(now - limits_.forget_after_ms)};
      w = txn.query("DELETE FROM admin_backoff WHERE last_failure_ms <= ?", old);
      if (!w.ok()) return w;
    }
    return Outcome::success();
  });
  if (!o.ok()) {
    log::error("admin", "cannot record in the shared admin back-off (this host's decides): " +
                            o.message());
    return std::nullopt;
  }
  if (now - pruned_ms_ >= limits_.log_every_ms) pruned_ms_ = now;
  return failures;
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
  if (counts && shared_) {
    // Every host's failures count (the table's answer); this host's count stands in if not.
    if (auto all = shared_failure(address, now)) v.failures = *all;
  }
  if (counts && (v.wait_ms = wait_for(v.failures)) > 0) {
    e.blocked_until_ms = now + v.wait_ms;
    v.entered_backoff = v.failures == limits_.free_failures;
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
  if (shared_) {
    ch_value p[] = {storage::text_value(address)};
    Outcome o = shared_->query("DELETE FROM admin_backoff WHERE address = ?", p);
    if (!o.ok()) log::error("admin", "cannot reset the shared admin back-off: " + o.message());
  }
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
