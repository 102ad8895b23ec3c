// SPDX-License-Identifier: Apache-2.0
// CallLane: the threads one plugin instance's code runs on, with a bulkhead and a deadline.
//
// Every call into a live plugin is handed to its lane. At most `max_concurrent` lane threads
// (started on demand, kept until the lane ends) run plugin code; up to `max_queued` more calls
// wait in arrival order. A request (Mode::Request) that finds both full is refused at once, and
// its caller waits for the answer only until `deadline`: then it gets DeadlineExceeded and goes
// back to its own work, while the lane thread finishes the call (its late result is dropped; the
// lane reports it through `on_late`). A request whose deadline passes before its call started
// is taken out of the queue and never runs. A delivery (Mode::Delivery: inbox events, jobs) is
// never refused nor abandoned: the inbox and the scheduler need its real outcome; it only waits
// its turn, and the caller learns how long the call took.
//
// So a slow plugin holds at most max_concurrent + max_queued request threads of the host, each
// for at most its deadline, and a plugin that is not thread-safe (max_concurrent 1) queues only
// its own callers.
//
// Threading: run() from any thread, concurrently; drain() and the destructor from the owner once
// no new run() can start. A task must not throw (the lane's caller wraps plugin code).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace courthub::plugins {

class CallLane {
 public:
  struct Limits {
    std::chrono::milliseconds deadline{5000};
    int max_concurrent = 4;  // >= 1
    int max_queued = 4;      // >= 0
  };
  enum class Mode { Request, Delivery };
  enum class Ending {
    Done,       // the task ran to its end; the caller may read what it produced
    Abandoned,  // Request past its deadline while the task runs; it finishes on its own
    Expired,    // Request past its deadline before the task started; it never runs
    Refused,    // Request that found the lane full; the task never runs
  };
  struct Ran {
    Ending ending = Ending::Done;
    std::chrono::steady_clock::duration elapsed{};  // from run() to the task's end (Done)
  };

  // `on_late` runs on the lane thread after an abandoned task ends (for counting).
  CallLane(Limits limits, std::function<void()> on_late = {});
  // Waits for every task that will still run (drain()), then ends the lane threads.
  ~CallLane();
  CallLane(const CallLane&) = delete;
  CallLane& operator=(const CallLane&) = delete;

  // Runs `task` on a lane thread and waits as `mode` says. `task` must own (or share) all it
  // touches when the call may be abandoned: the caller's frame may be gone when it runs.
  Ran run(std::function<void()> task, Mode mode);

  // Blocks until no task runs or waits. New run() calls meanwhile extend the wait.
  void drain();

  const Limits& limits() const { return limits_; }
  // Snapshots, any thread: tasks running on lane threads (abandoned ones included) and waiting.
  int running() const;
  int queued() const;

 private:
  struct Ticket {
    std::function<void()> task;
    std::condition_variable ended;
    bool started = false;
    bool done = false;
    bool abandoned = false;
  };

  void serve();

  const Limits limits_;
  const std::function<void()> on_late_;

  mutable std::mutex mu_;
  std::condition_variable work_;     // a ticket was queued, or the lane is stopping
  std::condition_variable drained_;  // running_ and queue_ reached zero
  std::deque<std::shared_ptr<Ticket>> queue_;
  int running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace courthub::plugins
