// SPDX-License-Identifier: Apache-2.0
// CallLane: handing calls to a plugin's own threads, with a bulkhead and a deadline.
#include "host/plugins/call_lane.hpp"

#include <algorithm>

namespace courthub::plugins {

CallLane::CallLane(Limits limits, std::function<void()> on_late)
    : limits_(limits), on_late_(std::move(on_late)) {}

CallLane::~CallLane() {
  drain();
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  for (auto& t : threads_) t.join();
}

int CallLane::running() const {
  std::lock_guard lock(mu_);
  return running_;
}

int CallLane::queued() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(queue_.size());
}

void CallLane::drain() {
  std::unique_lock lock(mu_);
  drained_.wait(lock, [&] { return running_ == 0 && queue_.empty(); });
}

CallLane::Ran CallLane::run(std::function<void()> task, Mode mode) {
  const auto start = std::chrono::steady_clock::now();
  auto ticket = std::make_shared<Ticket>();
  ticket->task = std::move(task);
  std::unique_lock lock(mu_);
  const int outstanding = running_ + static_cast<int>(queue_.size());
  if (mode == Mode::Request && outstanding >= limits_.max_concurrent + limits_.max_queued) {
    return Ran{Ending::Refused, {}};
  }
  queue_.push_back(ticket);
  // Lazily: a lane thread more while every one is busy, up to the cap.
  if (static_cast<int>(threads_.size()) < limits_.max_concurrent &&
      outstanding >= static_cast<int>(threads_.size())) {
    threads_.emplace_back([this] { serve(); });
  }
  work_.notify_one();
  if (mode == Mode::Delivery) {
    ticket->ended.wait(lock, [&] { return ticket->done; });
    return Ran{Ending::Done, std::chrono::steady_clock::now() - start};
  }
  if (ticket->ended.wait_until(lock, start + limits_.deadline, [&] { return ticket->done; })) {
    return Ran{Ending::Done, std::chrono::steady_clock::now() - start};
  }
  ticket->abandoned = true;
  if (ticket->started) return Ran{Ending::Abandoned, std::chrono::steady_clock::now() - start};
  queue_.erase(std::find(queue_.begin(), queue_.end(), ticket));
  if (running_ == 0 && queue_.empty()) drained_.notify_all();
  return Ran{Ending::Expired, std::chrono::steady_clock::now() - start};
}

void CallLane::serve() {
  std::unique_lock lock(mu_);
  while (true) {
    work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    std::shared_ptr<Ticket> ticket = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    ticket->started = true;
    lock.unlock();
    ticket->task();
    ticket->task = nullptr;  // what it captured goes now, on this thread
    lock.lock();
    --running_;
    ticket->done = true;
    const bool late = ticket->abandoned;
    ticket->ended.notify_all();
    if (running_ == 0 && queue_.empty()) drained_.notify_all();
    if (late && on_late_) {
      lock.unlock();
      on_late_();
      lock.lock();
    }
  }
}

}  // namespace courthub::plugins
