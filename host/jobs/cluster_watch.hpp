// SPDX-License-Identifier: Apache-2.0
// Keeps a host in step with the other hosts that share its database (PostgreSQL): a thread that
// runs the host's catch-up checks (has another host changed the directory? reloaded the
// configuration?) every `every`; they compare versions in host_meta (storage/host_meta.hpp). A
// host alone on SQLite runs none.
// Threading: start/stop from the control thread; the checks run on the watch's own thread, one
// at a time, and must not wait for the control thread's lock while stop() is joining.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>


namespace courthub::jobs {

class ClusterWatch {
 public:
  using Check = std::function<void()>;
  ClusterWatch(std::chrono::milliseconds every, std::vector<Check> checks)
      : every_(every), checks_(std::move(checks)) {}
  ~ClusterWatch() { stop(); }
  ClusterWatch(const ClusterWatch&) = delete;
  ClusterWatch& operator=(const ClusterWatch&) = delete;

  void start();
  // Waits for a check under way to finish. Idempotent.
  void stop();

 private:
  const std::chrono::milliseconds every_;
  const std::vector<Check> checks_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool running_ = false;
  std::thread thread_;
};

}  // namespace courthub::jobs
