// SPDX-License-Identifier: Apache-2.0
// The DingTalk double's Stream gateway (dingtalk-protocol.md §5) as a client sees it over a real
// WebSocket: tickets from connections/open (single use, 90 s), pushed frames, re-pushes until an
// ACK says SUCCESS, duplicates, pings both ways, silence, disconnect frames and dropped sockets.
#include <gtest/gtest.h>

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>

#include <atomic>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "courthub/json.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace courthub::dingtalk_double {
namespace {

using Poco::Net::WebSocket;

constexpr int kPing = static_cast<int>(WebSocket::FRAME_FLAG_FIN) | WebSocket::FRAME_OP_PING;

constexpr int64_t kStart = 1'700'000'000'000;

// One client connection: the HTTP session it upgraded and the WebSocket on it.
struct Client {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  std::unique_ptr<WebSocket> ws;

  // The next text frame as JSON; null on a timeout; {"closed": true} when the double closed
  // the connection (a close frame, or the TCP connection gone).
  Json next(int timeout_ms = 5000) {
    ws->setReceiveTimeout(Poco::Timespan(0, timeout_ms * 1000));
    Poco::Buffer<char> buffer(0);
    for (;;) {
      int flags = 0;
      buffer.resize(0);
      int n = 0;
      try {
        n = ws->receiveFrame(buffer, flags);
      } catch (const Poco::TimeoutException&) {
        return Json();
      } catch (const Poco::Exception&) {
        return Json::object({{"closed", true}});
      }
      const int opcode = flags & WebSocket::FRAME_OP_BITMASK;
      if ((n == 0 && flags == 0) || opcode == WebSocket::FRAME_OP_CLOSE)
        return Json::object({{"closed", true}});
      if (opcode == WebSocket::FRAME_OP_PONG) return Json::object({{"pong", std::string(buffer.begin(), n)}});
      if (opcode == WebSocket::FRAME_OP_TEXT) return Json::parse(std::string(buffer.begin(), n));
    }
  }
  void send(const Json& frame) {
    const std::string text = frame.dump();
    ws->sendFrame(text.data(), static_cast<int>(text.size()), WebSocket::FRAME_TEXT);
  }
  // The ACK of `frame` with `status` in its data (an EVENT's).
  void ack(const Json& frame, const std::string& status = "SUCCESS") {
    send(Json::object(
        {{"code", status == "SUCCESS" ? 200 : 500},
         {"headers", Json::object({{"messageId", frame["headers"]["messageId"]},
                                   {"contentType", "application/json"}})},
         {"message", "OK"},
         {"data", Json::object({{"status", status}, {"message", status}}).dump()}}));
  }
};

class DoubleStream : public ::testing::Test {
 protected:
  void SetUp() override {
    DoubleOptions options;
    options.now_ms = [this] { return now_.load(); };
    dtd_ = std::make_unique<DingTalkDouble>(std::move(options));
    dtd_->start();
  }

  // POSTs `body` to the double's `path`: {status, body}.
  std::pair<int, Json> post(const std::string& path, const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", dtd_->port());
    Poco::Net::HTTPRequest request("POST", path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::stringstream text;
    text << session.receiveResponse(response).rdbuf();
    return {response.getStatus(), Json::parse(text.str(), nullptr, false)};
  }
  // POST /v1.0/gateway/connections/open: {status, body}.
  std::pair<int, Json> open(const std::string& secret = "demo-app-secret") {
    return post("/v1.0/gateway/connections/open",
                Json::object({{"clientId", "demo-app-key"},
                              {"clientSecret", secret},
                              {"subscriptions", Json::array({Json::object({{"type", "EVENT"},
                                                                           {"topic", "*"}})})},
                              {"ua", "courthub-test"}})
                    .dump());
  }

  // Connects with `ticket` at the endpoint connections/open gave. Throws WebSocketException
  // when the double refuses the ticket.
  Client connect(const std::string& endpoint, const std::string& ticket) {
    Poco::URI uri(endpoint);
    Client c;
    c.session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    std::string encoded;
    Poco::URI::encode(ticket, "&=+", encoded);
    Poco::Net::HTTPRequest request("GET", uri.getPath() + "?ticket=" + encoded,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    c.ws = std::make_unique<WebSocket>(*c.session, request, response);
    return c;
  }
  Client open_and_connect() {
    auto [status, body] = open();
    EXPECT_EQ(status, 200) << body.dump();
    return connect(body["endpoint"].get<std::string>(), body["ticket"].get<std::string>());
  }

  std::atomic<int64_t> now_{kStart};
  std::unique_ptr<DingTalkDouble> dtd_;
};

TEST_F(DoubleStream, ATicketOpensOneConnectionWithinNinetySeconds) {
  EXPECT_EQ(open("wrong-secret").first, 401);
  auto [status, body] = open();
  ASSERT_EQ(status, 200) << body.dump();
  const std::string endpoint = body["endpoint"].get<std::string>();
  EXPECT_EQ(endpoint, "ws://127.0.0.1:" + std::to_string(dtd_->port()) + "/connect");
  const std::string ticket = body["ticket"].get<std::string>();
  Client first = connect(endpoint, ticket);
  EXPECT_EQ(dtd_->stream_connections(), 1u);
  EXPECT_THROW(connect(endpoint, ticket), Poco::Net::WebSocketException) << "used twice";
  EXPECT_THROW(connect(endpoint, "made-up"), Poco::Net::WebSocketException);
  const std::string late = open().second["ticket"].get<std::string>();
  now_ += 90'001;
  EXPECT_THROW(connect(endpoint, late), Poco::Net::WebSocketException) << "expired";
  EXPECT_EQ(dtd_->stream_connections_opened(), 1);
  EXPECT_EQ(dtd_->requests("/v1.0/gateway/connections/open").size(), 3u);
}

TEST_F(DoubleStream, AnEventIsPushedAgainUntilItsAckSaysSuccess) {
  Client a = open_and_connect();
  const std::string id = dtd_->stream_push_event("user_add_org", "ev-1",
                                                 Json::object({{"userId", Json::array({"u1"})}}));
  Json frame = a.next();
  ASSERT_EQ(frame["type"], "EVENT") << frame.dump();
  EXPECT_EQ(frame["headers"]["messageId"], id);
  EXPECT_EQ(frame["headers"]["eventType"], "user_add_org");
  EXPECT_EQ(frame["headers"]["eventId"], "ev-1");
  EXPECT_EQ(Json::parse(frame["data"].get<std::string>())["userId"][0], "u1");
  // LATER: pushed again at once.
  a.ack(frame, "LATER");
  Json again = a.next();
  EXPECT_EQ(again["headers"]["messageId"], id);
  // No ACK, and the connection closes: the next connection gets it.
  a.ws->shutdown();
  a.ws->close();
  Client b = open_and_connect();
  Json third = b.next();
  ASSERT_EQ(third["headers"]["messageId"], id) << third.dump();
  EXPECT_EQ(dtd_->stream_unsettled(), 1u);
  b.ack(third);
  EXPECT_EQ(b.next(200), Json()) << "settled: not pushed again";
  // The ACKs are recorded for the test: the LATER one and the SUCCESS one.
  EXPECT_EQ(dtd_->stream_unsettled(), 0u);
  EXPECT_EQ(dtd_->stream_acks().size(), 2u);
  // A duplicate keeps the eventId under a new messageId.
  const std::string dup = dtd_->stream_push_again(id);
  Json copy = b.next();
  EXPECT_EQ(copy["headers"]["messageId"], dup);
  EXPECT_NE(dup, id);
  EXPECT_EQ(copy["headers"]["eventId"], "ev-1");
}

TEST_F(DoubleStream, PushesSpreadOverConnectionsAndWaitWhenThereIsNone) {
  const std::string early = dtd_->stream_push_callback(
      "/v1.0/im/bot/messages/get", Json::object({{"msgId", "m-early"}}));
  Client a = open_and_connect();
  Json first = a.next();
  EXPECT_EQ(first["type"], "CALLBACK");
  EXPECT_EQ(first["headers"]["messageId"], early);
  EXPECT_EQ(first["headers"]["topic"], "/v1.0/im/bot/messages/get");
  Client b = open_and_connect();
  dtd_->stream_push_callback("/v1.0/card/instances/callback", Json::object({{"n", 1}}));
  dtd_->stream_push_callback("/v1.0/card/instances/callback", Json::object({{"n", 2}}));
  Json on_a = a.next(), on_b = b.next();
  ASSERT_TRUE(on_a.is_object() && on_b.is_object());
  EXPECT_NE(on_a["data"], on_b["data"]) << "one each";
}

TEST_F(DoubleStream, PingsBothWaysAndSilence) {
  Client a = open_and_connect();
  dtd_->stream_ping("opaque-1");
  Json ping = a.next();
  EXPECT_EQ(ping["type"], "SYSTEM");
  EXPECT_EQ(ping["headers"]["topic"], "ping");
  EXPECT_EQ(Json::parse(ping["data"].get<std::string>())["opaque"], "opaque-1");
  a.ws->sendFrame("p1", 2, kPing);
  EXPECT_EQ(a.next()["pong"], "p1");
  dtd_->stream_set_silent(true);
  a.ws->sendFrame("p2", 2, kPing);
  dtd_->stream_ping("opaque-2");
  EXPECT_EQ(a.next(300), Json()) << "silent: no pong, no frame";
  dtd_->stream_set_silent(false);
  EXPECT_EQ(Json::parse(a.next()["data"].get<std::string>())["opaque"], "opaque-2");
}

TEST_F(DoubleStream, ADisconnectFrameIsFollowedByTheClose) {
  Client a = open_and_connect();
  dtd_->stream_disconnect_all("connection is expired", 100);
  Json frame = a.next();
  EXPECT_EQ(frame["type"], "SYSTEM");
  EXPECT_EQ(frame["headers"]["topic"], "disconnect");
  EXPECT_EQ(Json::parse(frame["data"].get<std::string>())["reason"], "connection is expired");
  EXPECT_EQ(dtd_->stream_connections(), 0u) << "no longer given pushes";
  EXPECT_EQ(a.next(), Json::object({{"closed", true}}));
}

TEST_F(DoubleStream, ADroppedConnectionEndsWithoutACloseFrame) {
  Client a = open_and_connect();
  dtd_->stream_drop_all();
  EXPECT_EQ(dtd_->stream_connections(), 0u);
  EXPECT_EQ(a.next(), Json::object({{"closed", true}}));
  // What is pushed meanwhile goes to the next connection.
  const std::string id = dtd_->stream_push_event("user_add_org", "ev-after-drop", Json::object());
  Client b = open_and_connect();
  EXPECT_EQ(b.next()["headers"]["messageId"], id);
}

// POST /__double/stream/push (what `courthub simulate` uses on a stream-mode host): the frame goes
// down a live connection and the answer is the client's ACK; with no connection, a 409 and
// nothing kept.
TEST_F(DoubleStream, AControlCallPushesAFrameAndAnswersWithItsAck) {
  auto [none, refused] = post("/__double/stream/push",
                              R"({"callback":"/v1.0/im/bot/messages/get","data":{"msgId":"m"}})");
  EXPECT_EQ(none, 409) << refused.dump();
  EXPECT_NE(refused["error"].get<std::string>().find("no host is connected"), std::string::npos);
  EXPECT_EQ(post("/__double/stream/push", R"({"data":{}})").first, 400);
  EXPECT_EQ(post("/__double/stream/push", R"({"event":"x","callback":"y"})").first, 400);
  EXPECT_EQ(post("/__double/stream/push", R"({"event":"x","data":[1]})").first, 400);

  Client a = open_and_connect();
  std::pair<int, Json> pushed;
  std::thread control([&] {
    pushed = post("/__double/stream/push",
                  R"({"event":"user_add_org","event_id":"ev-c","data":{"userId":["u1"]}})");
  });
  Json frame = a.next();
  ASSERT_EQ(frame["type"], "EVENT") << frame.dump();
  EXPECT_EQ(frame["headers"]["eventId"], "ev-c");
  EXPECT_EQ(frame["headers"]["eventCorpId"], "dingdemocorp");
  a.ack(frame);
  control.join();
  ASSERT_EQ(pushed.first, 200) << pushed.second.dump();
  EXPECT_EQ(pushed.second["message_id"], frame["headers"]["messageId"]);
  EXPECT_EQ(Json::parse(pushed.second["ack"]["data"].get<std::string>())["status"], "SUCCESS");
  // Not ACKed within wait_ms: answered with a null ack (and the event still unsettled).
  auto [status, unanswered] = post("/__double/stream/push",
                                   R"({"event":"user_add_org","data":{},"wait_ms":0})");
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(unanswered["ack"].is_null()) << unanswered.dump();
  EXPECT_EQ(dtd_->stream_unsettled(), 1u);
}

}  // namespace
}  // namespace courthub::dingtalk_double
