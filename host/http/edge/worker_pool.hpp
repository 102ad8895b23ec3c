// SPDX-License-Identifier: Apache-2.0
// The request workers (server.threads): whole requests wait in one FIFO queue, so every
// connection's next request queues behind the others' and none holds a worker between requests.
//
// Threading: submit() from any thread (the event loop); `serve` runs on the workers.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "host/http/edge/connection.hpp"

namespace courthub::http::edge {

class WorkerPool {
 public:
  // `serve` handles the connection's request; it must end by handing the connection back to
  // the event loop (EventLoop::give_back). Starts `threads` workers.
  WorkerPool(int threads, std::function<void(Connection&)> serve);
  ~WorkerPool() { stop(); }

  void submit(Connection* c);
  // Requests waiting for a worker.
  int queued() const;
  // Lets the requests being served finish, drops the queued ones (their connections stay the
  // loop's, which closes them) and joins the workers. Idempotent.
  void stop();

 private:
  void run();

  std::function<void(Connection&)> serve_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Connection*> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace courthub::http::edge
