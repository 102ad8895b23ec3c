// SPDX-License-Identifier: Apache-2.0
// InboxLeases: one upsert takes or renews a lease, one delete gives it up.
#include "host/jobs/inbox_lease.hpp"

#include <unistd.h>

#include <cstdio>
#include <random>

#include "host/log.hpp"

namespace courthub::jobs {

using storage::int_value;
using storage::text_value;

std::string InboxLeases::new_holder() {
  char name[256] = {0};
  if (gethostname(name, sizeof name - 1) != 0) name[0] = 0;
  std::random_device rd;
  const uint64_t bits = (static_cast<uint64_t>(rd()) << 32) | rd();
  char tail[40];
  std::snprintf(tail, sizeof tail, ":%d:%016llx", static_cast<int>(getpid()),
                static_cast<unsigned long long>(bits));
  return std::string(name) + tail;
}

Expected<bool> InboxLeases::hold(const std::string& subscriber, int64_t now_ms) {
  ch_value p[] = {text_value(subscriber), text_value(holder_), int_value(now_ms + lease_ms_),
                  int_value(now_ms)};
  storage::QueryResult r;
  // The update applies only to this holder's lease or a lapsed one; otherwise nothing changes.
  Outcome o = db_.query(
      "INSERT INTO inbox_leases(subscriber, holder, until_ms) VALUES (?, ?, ?) "
      "ON CONFLICT (subscriber) DO UPDATE SET holder = excluded.holder, "
      "until_ms = excluded.until_ms "
      "WHERE inbox_leases.holder = excluded.holder OR inbox_leases.until_ms <= ?",
      p, {}, &r);
  if (!o.ok()) return o;
  std::lock_guard lock(mu_);
  if (r.changes == 0) {
    held_.erase(subscriber);
    return false;
  }
  held_.insert(subscriber);
  return true;
}

void InboxLeases::release(const std::string& subscriber) {
  {
    std::lock_guard lock(mu_);
    if (!held_.erase(subscriber)) return;
  }
  ch_value p[] = {text_value(subscriber), text_value(holder_)};
  Outcome o = db_.query("DELETE FROM inbox_leases WHERE subscriber = ? AND holder = ?", p);
  if (!o.ok()) log::warn("inbox", "cannot give up the lease of " + subscriber + ": " + o.message());
}

void InboxLeases::release_all() {
  {
    std::lock_guard lock(mu_);
    held_.clear();
  }
  ch_value p[] = {text_value(holder_)};
  Outcome o = db_.query("DELETE FROM inbox_leases WHERE holder = ?", p);
  if (!o.ok()) log::warn("inbox", "cannot give up this host's leases: " + o.message());
}

}  // namespace courthub::jobs
