// SPDX-License-Identifier: Apache-2.0
// The POCO HTTP server in front of dispatch(): sockets, threads, and ApiRequest <-> HTTP.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "tests/dingtalk_double/double_state.hpp"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
class ServerSocket;
}  // namespace Net
}  // namespace Poco

namespace courthub::dingtalk_double {

// Largest request body the double reads; DingTalk's own limits are far smaller, so anything above
// this is a client bug worth a 413.
inline constexpr size_t kMaxBodyBytes = 4 << 20;

class HttpFront {
 public:
  explicit HttpFront(std::shared_ptr<DoubleState> state);
  ~HttpFront();  // stop()

  // Thread-safe. Throws Poco::Exception when the address cannot be bound, std::logic_error when
  // already serving.
  void start();
  // Idempotent. Thread-safe; must not be called from a handler thread (it waits for them).
  void stop();
  // Bound port while serving, else the configured one. Thread-safe.
  uint16_t port() const;

 private:
  const std::shared_ptr<DoubleState> state_;
  mutable std::mutex mutex_;
  // A private pool, so stop() can wait for exactly this double's handlers.
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::ServerSocket> socket_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  uint16_t bound_port_ = 0;
};

}  // namespace courthub::dingtalk_double
