// SPDX-License-Identifier: Apache-2.0
// A small closed-loop HTTP load generator for the benchmarks that wrk cannot express (a request
// that depends on the previous answer): N threads, each with its own keep-alive connection,
// recording every call's latency.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace courthub::bench {

struct Answer {
  int status = 0;
  std::string body;
};

// One keep-alive connection; not shared between threads.
class Connection {
 public:
  Connection(const std::string& host, uint16_t port) : session_(host, port) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(30, 0));
  }
  Answer call(const std::string& method, const std::string& path, const std::string& body,
              const std::string& bearer, std::vector<double>* latencies_ms) {
    auto start = std::chrono::steady_clock::now();
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    if (!bearer.empty()) req.set("Authorization", "Bearer " + bearer);
    if (!body.empty()) {
      req.setContentType("application/json");
      req.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session_.sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::istream& in = session_.receiveResponse(res);
    std::stringstream text;
    text << in.rdbuf();
    if (latencies_ms) {
      latencies_ms->push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    return Answer{res.getStatus(), text.str()};
  }

 private:
  Poco::Net::HTTPClientSession session_;
};

struct RunResult {
  double seconds = 0;
  uint64_t units = 0;  // what the loop counts (instances, bookings, requests)
  uint64_t calls = 0;
  uint64_t failures = 0;
  double p50_ms = 0, p99_ms = 0;
  double units_per_second() const { return units / seconds; }
  double calls_per_second() const { return calls / seconds; }
};

// Runs `body(thread, connection, latencies)` in a loop on `threads` threads for `seconds`;
// `body` returns how many units it completed (0 on failure, counted as a failure).
inline RunResult run_closed_loop(
    const std::string& host, uint16_t port, int threads, double seconds,
    const std::function<uint64_t(int, Connection&, std::vector<double>&)>& body) {
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> units{0}, failures{0};
  std::mutex mu;
  std::vector<double> all;
  std::vector<std::thread> pool;
  auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      Connection conn(host, port);
      std::vector<double> mine;
      while (!stop.load()) {
        uint64_t n = 0;
        try {
          n = body(t, conn, mine);
        } catch (const std::exception&) {
          n = 0;
        }
        if (n == 0) failures++;
        units += n;
      }
      std::lock_guard lock(mu);
      all.insert(all.end(), mine.begin(), mine.end());
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& th : pool) th.join();
  RunResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.units = units;
  r.failures = failures;
  r.calls = all.size();
  std::sort(all.begin(), all.end());
  if (!all.empty()) {
    r.p50_ms = all[all.size() / 2];
    r.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return r;
}

}  // namespace courthub::bench
