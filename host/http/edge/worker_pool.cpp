// SPDX-License-Identifier: Apache-2.0
// WorkerPool: a FIFO queue and its threads.
#include "host/http/edge/worker_pool.hpp"

namespace courthub::http::edge {

WorkerPool::WorkerPool(int threads, std::function<void(Connection&)> serve)
    : serve_(std::move(serve)) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

void WorkerPool::submit(Connection* c) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(c);
  }
  ready_.notify_one();
}

int WorkerPool::queued() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(queue_.size());
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    queue_.clear();
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void WorkerPool::run() {
  while (true) {
    Connection* c = nullptr;
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      c = queue_.front();
      queue_.pop_front();
    }
    serve_(*c);
  }
}

}  // namespace courthub::http::edge
