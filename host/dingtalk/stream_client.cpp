// SPDX-License-Identifier: Apache-2.0
// StreamClient: open, connect, serve frames, watch liveness, back off, again.
#include "host/dingtalk/stream_client.hpp"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>

#include <algorithm>

#include "host/dingtalk/connection_pool.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {

using Poco::Net::WebSocket;

constexpr int kPollMs = 50;  // how often the thread looks at the clock and at stop()
constexpr int kPing = static_cast<int>(WebSocket::FRAME_FLAG_FIN) | WebSocket::FRAME_OP_PING;
constexpr int kPong = static_cast<int>(WebSocket::FRAME_FLAG_FIN) | WebSocket::FRAME_OP_PONG;

void send_text(WebSocket& ws, const std::string& text) {
  ws.sendFrame(text.data(), static_cast<int>(text.size()), WebSocket::FRAME_TEXT);
}

}  // namespace

StreamClient::StreamClient(const config::DingTalkConfig& config, OpenApi& api,
                           const time::Clock& clock, http::Metrics& metrics, EventSink on_event,
                           CallbackSink on_callback)
    : config_(config), api_(api), clock_(clock), metrics_(metrics),
      on_event_(std::move(on_event)), on_callback_(std::move(on_callback)) {
  metrics_.gauge("courthub_dingtalk_stream_connected",
                 "Whether the Stream mode connection to DingTalk is open (1) or not (0)",
                 [this] { return connected_.load() ? 1.0 : 0.0; });
  metrics_.describe("courthub_dingtalk_stream_connects_total", "counter",
                    "Stream mode connections opened");
  metrics_.describe("courthub_dingtalk_stream_disconnects_total", "counter",
                    "Stream mode connections that ended or could not be opened, by reason");
  metrics_.count("courthub_dingtalk_stream_connects_total", {}, 0);
}

StreamClient::~StreamClient() { stop(); }

void StreamClient::start() {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { run(); });
}

void StreamClient::stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StreamClient::run() {
  while (!stop_) {
    auto opened = api_.open_stream_connection(stream_subscriptions());
    Next next = Next::kBackOff;
    if (!opened) {
      log::warn("dingtalk", "Stream mode: cannot open a connection: " +
                                opened.outcome().message());
      ended("open_failed");
    } else {
      try {
        Poco::URI uri(json::get<std::string>(*opened, "endpoint"));
        if (uri.getPort() == 0) uri.setPort(uri.getScheme() == "wss" ? 443 : 80);
        std::string ticket;
        Poco::URI::encode(json::get<std::string>(*opened, "ticket"), "!#$&'()*+,/:;=?@[]",
                          ticket);
        std::string path = uri.getPath().empty() ? "/" : uri.getPath();
        path += uri.getRawQuery().empty() ? std::string("?") : "?" + uri.getRawQuery() + "&";
        path += "ticket=" + ticket;
        auto session = new_session(uri, config_.ca_file);
        session->setTimeout(Poco::Timespan(10, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        Poco::Net::HTTPResponse response;
        WebSocket ws(*session, request, response);
        // Reads wait for readability first (serve), so a frame split over several packets is
        // read whole; this only bounds a stalled one.
        ws.setReceiveTimeout(Poco::Timespan(10, 0));
        connected_ = true;
        metrics_.count("courthub_dingtalk_stream_connects_total", {});
        log::info("dingtalk", "Stream mode: connected to " + uri.getHost());
        next = serve(ws);
        connected_ = false;
        try {
          ws.close();
        } catch (const Poco::Exception&) {
        }
      } catch (const Poco::Exception& e) {
        connected_ = false;
        log::warn("dingtalk", "Stream mode: the connection failed: " + e.displayText());
        ended("error");
      }
    }
    if (next == Next::kStop || stop_) return;
    if (next == Next::kBackOff && !wait_until(clock_.now_ms() + next_backoff_ms())) return;
  }
}

StreamClient::Next StreamClient::serve(WebSocket& ws) {
  int64_t last_heard = clock_.now_ms();
  int64_t ping_sent = 0;  // when the outstanding ping went out; 0: none
  bool carried = false;
  Poco::Buffer<char> buffer(0);
  for (;;) {
    if (stop_) {
      try {
        ws.shutdown();  // a close frame: DingTalk stops pushing here
      } catch (const Poco::Exception&) {
      }
      return Next::kStop;
    }
    int flags = 0;
    int n = -1;
    buffer.resize(0);
    // available() first: bytes that came with the handshake's response wait in the WebSocket's
    // own buffer, where poll() cannot see them (DingTalk may push right after the upgrade).
    if (ws.available() > 0 ||
        ws.poll(Poco::Timespan(0, kPollMs * 1000), Poco::Net::Socket::SELECT_READ))
      n = ws.receiveFrame(buffer, flags);
    const int64_t now = clock_.now_ms();
    if (n >= 0) {
      const int opcode = flags & WebSocket::FRAME_OP_BITMASK;
      if ((n == 0 && flags == 0) || opcode == WebSocket::FRAME_OP_CLOSE) {
        log::warn("dingtalk", "Stream mode: DingTalk closed the connection");
        ended("closed");
        return Next::kBackOff;
      }
      last_heard = now;
      ping_sent = 0;
      if (!carried) failures_ = 0;  // the connection works: back-off starts afresh
      carried = true;
      if (opcode == WebSocket::FRAME_OP_PING) {
        ws.sendFrame(buffer.begin(), n, kPong);
      } else if (opcode == WebSocket::FRAME_OP_TEXT) {
        bool disconnect = false;
        handle(ws, std::string(buffer.begin(), static_cast<size_t>(n)), disconnect);
        if (disconnect) {
          ended("disconnect");
          return Next::kAtOnce;
        }
      }
    }
    if (ping_sent == 0 && now - last_heard >= config_.stream_ping_interval_ms) {
      ws.sendFrame("courthub", 8, kPing);
      ping_sent = now;
    } else if (ping_sent != 0 && now - ping_sent >= config_.stream_pong_timeout_ms) {
      log::warn("dingtalk", "Stream mode: no frame and no pong for " +
                                std::to_string(now - last_heard) +
                                " ms; the connection is dead, opening a new one");
      ended("silent");
      return Next::kAtOnce;
    }
  }
}

bool StreamClient::handle(WebSocket& ws, const std::string& text, bool& disconnect) {
  auto frame = parse_stream_frame(text);
  if (!frame) {
    log::warn("dingtalk", "Stream mode: a frame was ignored: " + frame.outcome().message());
    return false;
  }
  if (frame->type == "SYSTEM") {
    if (frame->topic == "ping") {
      send_text(ws, stream_ack(*frame, 200, "OK", frame->data));
    } else if (frame->topic == "disconnect") {
      log::info("dingtalk", "Stream mode: DingTalk asked to reconnect (" +
                                json::get<std::string>(Json::parse(frame->data, nullptr, false),
                                                       "reason", "no reason") +
                                ")");
      disconnect = true;
    }
    return true;
  }
  if (frame->type == "EVENT") {
    Outcome stored = Outcome::unavailable("the event could not be stored");
    try {
      stored = on_event_(*frame);
    } catch (const std::exception& e) {
      log::error("dingtalk", std::string("Stream event failed: ") + e.what());
    }
    send_text(ws, event_ack(*frame, stored.ok()));
    return stored.ok();
  }
  if (frame->type == "CALLBACK") {
    std::string ack;
    try {
      ack = on_callback_(*frame);
    } catch (const std::exception& e) {
      log::error("dingtalk", std::string("Stream callback failed: ") + e.what());
      ack = callback_ack(*frame, 500, "internal error", Json());
    }
    send_text(ws, ack);
    return true;
  }
  send_text(ws, callback_ack(*frame, 400, "unknown frame type", Json()));
  return false;
}

bool StreamClient::wait_until(int64_t until_ms) {
  std::unique_lock lock(mu_);
  while (!stop_ && clock_.now_ms() < until_ms)
    wake_.wait_for(lock, std::chrono::milliseconds(kPollMs));
  return !stop_;
}

int64_t StreamClient::next_backoff_ms() {
  const int shift = std::min(failures_++, 20);
  const int64_t base = std::min(config_.stream_reconnect_max_ms,
                                config_.stream_reconnect_min_ms << shift);
  std::uniform_int_distribution<int64_t> jitter(0, base / 5);
  return base + jitter(jitter_);
}

void StreamClient::ended(const std::string& reason) {
  metrics_.count("courthub_dingtalk_stream_disconnects_total", {{"reason", reason}});
}

}  // namespace courthub::dingtalk
