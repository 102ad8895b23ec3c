// SPDX-License-Identifier: Apache-2.0
// Stream mode (dingtalk-protocol.md §5; dingtalk.mode: stream | both): the host connects out to
// DingTalk over a WebSocket and receives its events there, for courts whose servers have no
// inbound address. One thread per host keeps one connection:
//
//   1. POST v1.0/gateway/connections/open (OpenApi) -> an endpoint and a single-use ticket;
//   2. the WebSocket to <endpoint>?ticket=... (ws:// or wss://);
//   3. frames: an EVENT goes to `on_event` (the durable inbox) and is ACKed SUCCESS only once it
//      is stored, LATER otherwise (DingTalk pushes it again); a CALLBACK (a robot message, a
//      card press) goes to `on_callback`, whose ACK carries the answer; a SYSTEM ping is echoed;
//      a SYSTEM disconnect ends the connection and a new one is opened at once;
//   4. liveness: a WebSocket ping after dingtalk.stream.ping_interval_ms without a frame; no
//      frame or pong within pong_timeout_ms after it and the connection counts as dead (one that
//      died silently, without a close) and is replaced;
//   5. a failed open, handshake or connection waits before the next attempt: reconnect_min_ms,
//      doubling to reconnect_max_ms, plus up to 20% jitter; a connection that carried a frame
//      starts the doubling afresh.
//
// Timers run on the host clock (time/clock.hpp), so a test on a test clock moves them on.
// Each host keeps its own connection; DingTalk spreads pushes over them, and the shared inbox's
// unique keys keep each event once (stream_frames.hpp: "stream:<eventId>").
//
// Metrics: courthub_dingtalk_stream_connected (0/1), courthub_dingtalk_stream_connects_total,
// courthub_dingtalk_stream_disconnects_total{reason}.
// Threading: start/stop from one controlling thread; connected() from any thread. The sinks run
// on the client's thread, one frame at a time. A sink that throws fails its frame (LATER, or a
// CALLBACK ACK with code 500), never the connection.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "host/config/config.hpp"
#include "host/dingtalk/open_api.hpp"
#include "host/dingtalk/stream_frames.hpp"
#include "host/http/metrics.hpp"
#include "host/outcome.hpp"
#include "host/time/clock.hpp"

namespace Poco::Net {
class WebSocket;
}

namespace courthub::dingtalk {

class StreamClient {
 public:
  // Stores one EVENT durably; ok() means stored (or a duplicate of a stored one).
  using EventSink = std::function<Outcome(const StreamFrame& frame)>;
  // Answers one CALLBACK: the ACK frame to send (stream_frames.hpp: callback_ack).
  using CallbackSink = std::function<std::string(const StreamFrame& frame)>;

  // Everything passed by reference must outlive the client.
  StreamClient(const config::DingTalkConfig& config, OpenApi& api, const time::Clock& clock,
               http::Metrics& metrics, EventSink on_event, CallbackSink on_callback);
  ~StreamClient();  // stop()
  StreamClient(const StreamClient&) = delete;
  StreamClient& operator=(const StreamClient&) = delete;

  // Starts the connection thread. Not thread-safe against stop().
  void start();
  // Closes the connection and joins the thread; idempotent. An EVENT being stored finishes
  // first (and is ACKed).
  void stop();
  // Whether a connection is open now.
  bool connected() const { return connected_.load(); }

 private:
  // How a connection ended: what to wait before the next one.
  enum class Next { kAtOnce, kBackOff, kStop };
  void run();
  Next serve(Poco::Net::WebSocket& ws);
  // Answers one text frame (ACKs it); sets `disconnect` for a SYSTEM disconnect. True when the
  // frame was handled (an EVENT: stored; a CALLBACK: answered).
  bool handle(Poco::Net::WebSocket& ws, const std::string& text, bool& disconnect);
  // Waits until the host clock reaches `until_ms` or stop(); false when stopped.
  bool wait_until(int64_t until_ms);
  int64_t next_backoff_ms();
  void ended(const std::string& reason);

  const config::DingTalkConfig config_;
  OpenApi& api_;
  const time::Clock& clock_;
  http::Metrics& metrics_;
  EventSink on_event_;
  CallbackSink on_callback_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> connected_{false};
  std::mutex mu_;  // with wake_: stop() ends a back-off wait at once
  std::condition_variable wake_;
  int failures_ = 0;  // consecutive connections that failed before carrying a frame
  std::mt19937_64 jitter_{std::random_device{}()};
};

}  // namespace courthub::dingtalk
