// SPDX-License-Identifier: Apache-2.0
// ClusterWatch: a timed loop over the catch-up checks.
#include "host/jobs/cluster_watch.hpp"

namespace courthub::jobs {

void ClusterWatch::start() {
  std::lock_guard lock(mu_);
  if (running_) return;
  running_ = true;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (running_) {
      cv_.wait_for(lock, every_, [&] { return !running_; });
      if (!running_) break;
      lock.unlock();
      for (auto& check : checks_) check();
      lock.lock();
    }
  });
}

void ClusterWatch::stop() {
  {
    std::lock_guard lock(mu_);
    if (!running_) return;
    running_ = false;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace courthub::jobs
