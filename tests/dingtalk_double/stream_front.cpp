// SPDX-License-Identifier: Apache-2.0
// One Stream connection: the WebSocket handshake, then write queued frames, answer pings (unless
// silent), record ACKs, close or drop when the gateway says so.
#include "tests/dingtalk_double/stream_front.hpp"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>

#include <chrono>

namespace courthub::dingtalk_double {
namespace {

using Poco::Net::WebSocket;

constexpr int kPong = static_cast<int>(WebSocket::FRAME_FLAG_FIN) | WebSocket::FRAME_OP_PONG;

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void refuse(Poco::Net::HTTPServerResponse& response, int status, const std::string& message) {
  const std::string body =
      Json::object({{"code", "invalidTicket"}, {"message", message}}).dump();
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType("application/json; charset=utf-8");
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.send() << body;
}

class StreamHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit StreamHandler(std::shared_ptr<DoubleState> state) : state_(std::move(state)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    std::string ticket;
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters())
      if (name == "ticket") ticket = value;
    StreamGateway& gateway = state_->stream;
    auto link = gateway.connect(ticket, state_->now_ms());
    if (!link) {
      refuse(response, 401, "the ticket is unknown, used or expired");
      return;
    }
    try {
      WebSocket ws(request, response);
      serve(ws, link);
    } catch (const Poco::Exception&) {
      // the handshake failed or the socket broke: the connection is gone either way
    }
    gateway.disconnected(link);
  }

 private:
  void serve(WebSocket& ws, const std::shared_ptr<StreamLink>& link) {
    StreamGateway& gateway = state_->stream;
    ws.setReceiveTimeout(Poco::Timespan(0, 20 * 1000));
    Poco::Buffer<char> buffer(0);
    for (;;) {
      StreamGateway::Work work = gateway.take_work(link, steady_ms());
      if (work.drop) {
        ws.impl()->shutdown();  // the TCP connection only, no close frame: a broken network
        return;
      }
      for (const std::string& frame : work.frames)
        ws.sendFrame(frame.data(), static_cast<int>(frame.size()), WebSocket::FRAME_TEXT);
      if (work.close) {
        ws.shutdown();  // a close frame, as DingTalk ends a connection after `disconnect`
        return;
      }
      int flags = 0;
      int n = 0;
      buffer.resize(0);
      try {
        n = ws.receiveFrame(buffer, flags);
      } catch (const Poco::TimeoutException&) {
        continue;
      }
      const int opcode = flags & WebSocket::FRAME_OP_BITMASK;
      if (n == 0 && flags == 0) return;  // the peer closed the TCP connection
      if (opcode == WebSocket::FRAME_OP_CLOSE) {
        ws.shutdown();
        return;
      }
      if (opcode == WebSocket::FRAME_OP_PING) {
        if (!gateway.silent())
          ws.sendFrame(buffer.begin(), n, kPong);
        continue;
      }
      if (opcode == WebSocket::FRAME_OP_TEXT) gateway.received(*link, std::string(buffer.begin(), n));
    }
  }

  std::shared_ptr<DoubleState> state_;
};

}  // namespace

bool is_stream_connect(const Poco::Net::HTTPServerRequest& request) {
  const std::string uri = request.getURI();
  return (uri == "/connect" || uri.rfind("/connect?", 0) == 0) && request.has("Upgrade");
}

Poco::Net::HTTPRequestHandler* make_stream_handler(std::shared_ptr<DoubleState> state) {
  return new StreamHandler(std::move(state));
}

}  // namespace courthub::dingtalk_double
