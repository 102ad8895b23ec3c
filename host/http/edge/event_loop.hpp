// SPDX-License-Identifier: Apache-2.0
// The edge's event loop: one thread, epoll(7) over nonblocking sockets, an eventfd to wake it.
// It accepts connections (refusing those beyond the caps with 503 itself), reads each request's
// header and body within their deadlines, answers malformed requests itself, hands whole
// requests to the workers, writes what a worker could not, and keeps idle connections.
//
// Threading: start()/begin_drain()/stop() from the control thread; give_back() from workers;
// the `dispatch` callback runs on the loop thread. Errors: start() fails only when epoll or
// the eventfd cannot be made (Unavailable).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "host/config/config.hpp"
#include "host/http/edge/connection.hpp"
#include "host/http/metrics.hpp"
#include "host/outcome.hpp"

namespace courthub::http::edge {

class EventLoop {
 public:
  // `dispatch` gets each whole request (the connection's phase is Queued): it belongs to the
  // callee until give_back(). `metrics` outlives the loop.
  EventLoop(const config::ServerConfig& config, int listen_fd,
            std::function<void(Connection*)> dispatch, Metrics& metrics);
  ~EventLoop();

  Outcome start();
  // A worker is done with `c`: its response is in c->out (c->out_sent bytes of it written).
  void give_back(Connection* c);
  // Stop accepting (the listening socket closes) and close idle connections; in-flight
  // requests go on, and their connections close after the response.
  void begin_drain();
  // Ends the loop thread and closes every connection. Workers must be stopped first.
  void stop();

  // Gauges (any thread).
  int64_t open_connections() const { return open_.load(); }
  int64_t idle_connections() const { return idle_.load(); }
  int64_t reading_connections() const { return reading_.load(); }

 private:
  void run();
  void wake();
  void accept_all();
  void refuse_connection(int fd, const std::string& reason);
  void on_event(Connection* c, uint32_t events);
  void read_some(Connection* c);
  void advance(Connection* c);
  void after_response(Connection* c);
  bool flush(Connection* c);
  void answer_and_close(Connection* c, const std::string& bytes);
  void linger(Connection* c);
  void close(Connection* c);
  void set_phase(Connection* c, Phase p);
  void check_deadlines(int64_t now);
  void take_returned();

  config::ServerConfig config_;
  ParserLimits limits_;
  int listen_fd_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::function<void(Connection*)> dispatch_;
  Metrics& metrics_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> drain_requested_{false};
  bool draining_ = false;
  int64_t accept_paused_until_ = 0;

  // Loop thread only.
  std::unordered_map<int, std::unique_ptr<Connection>> connections_;
  std::unordered_map<std::string, int64_t> per_address_;
  int64_t lingering_ = 0;
  int64_t last_scan_ = 0;

  std::mutex returned_mu_;
  std::vector<Connection*> returned_;

  std::atomic<int64_t> open_{0};
  std::atomic<int64_t> idle_{0};
  std::atomic<int64_t> reading_{0};
};

// Steady-clock milliseconds.
int64_t steady_ms();

}  // namespace courthub::http::edge
