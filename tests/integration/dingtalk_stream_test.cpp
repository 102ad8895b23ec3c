// SPDX-License-Identifier: Apache-2.0
// Stream mode over a real WebSocket (issue 19; dingtalk.mode: stream): the host connects out to
// the DingTalk double's gateway, stores each pushed event in the inbox before its ACK says
// SUCCESS, drops a re-pushed eventId, answers robot messages and card presses in their ACKs, and
// keeps a connection: a new one at once after a SYSTEM
// disconnect or a silent connection (its pings unanswered), after a back-off when the socket
// drops or DingTalk is down, with /healthz degraded meanwhile. kill -9 with events pushed and
// not ACKed loses none: DingTalk pushes them again to the restarted host. The host runs on a
// test clock; its timers (ping, pong timeout, back-off) move only when the test moves it.
#include <gtest/gtest.h>
#include <signal.h>

#include <unistd.h>

#include <filesystem>
#include <set>

#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

constexpr int64_t kStart = 1'796'605'200'000;

Json bpms(const std::string& instance) {
  return Json::object({{"processInstanceId", instance}, {"corpId", kCorpId}, {"type", "finish"},
                       {"result", "agree"}, {"staffId", "T-BC-01-011"},
                       {"processCode", "PROC-STREAM"}});
}

class StreamMode : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double();
    yaml_ = in_stream_mode(dingtalk_config(*dt_, "  - name: outbox_sender\n  - name: hello\n"));
    host_ = start_host();
  }

  std::unique_ptr<HostProcess> start_host(std::vector<std::string> args = {}) {
    auto h = std::make_unique<HostProcess>(
        yaml_, std::move(args),
        std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS", std::to_string(clock_)}});
    return h;
  }
  void advance(int64_t ms) {
    clock_ += ms;
    auto r = host_->admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // The outbox_sender plugin's record of the bpms events it handled: instance -> times.
  std::map<std::string, int> handled() const {
    std::map<std::string, int> out;
    const Json seen = host_->get("/apps/outbox_sender/seen", kAdminToken).json();
    for (auto& e : seen["events"]) ++out[e["payload"]["processInstanceId"].get<std::string>()];
    return out;
  }
  // ACKs the double received for `message_id`, as their data's status ("SUCCESS", "LATER").
  std::vector<std::string> acks_of(const std::string& message_id) const {
    std::vector<std::string> out;
    for (auto& a : dt_->stream_acks()) {
      if (a["frame"]["headers"]["messageId"] != message_id) continue;
      out.push_back(
          json::get<std::string>(Json::parse(a["frame"]["data"].get<std::string>()), "status"));
    }
    return out;
  }
  // The ACK frame the double received for `message_id` (null until there is one).
  Json ack_of(const std::string& message_id) const {
    Json received = ack_received(*dt_, message_id);
    return received.is_null() ? Json() : received["frame"];
  }
  size_t tickets() const { return dt_->requests("/v1.0/gateway/connections/open").size(); }
  Json health() const { return host_->get("/healthz").json(); }

  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::string yaml_;
  int64_t clock_ = kStart;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(StreamMode, AnEventIsStoredOnceThenAckedAndPluginsSeeTheHttpPushShape) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; })) << host_->log();
  EXPECT_EQ(health()["status"], "ok");
  EXPECT_EQ(health()["checks"]["dingtalk_stream"], "ok");
  const Json open = dt_->requests("/v1.0/gateway/connections/open").at(0)["body"];
  EXPECT_EQ(open["clientId"], kAppKey);
  EXPECT_EQ(open["subscriptions"],
            Json::parse(R"([{"type":"EVENT","topic":"*"},
                            {"type":"CALLBACK","topic":"/v1.0/im/bot/messages/get"},
                            {"type":"CALLBACK","topic":"/v1.0/card/instances/callback"}])"));

  const std::string id = dt_->stream_push_event("bpms_instance_change", "ev-1", bpms("pi-1"));
  ASSERT_TRUE(eventually([&] { return acks_of(id) == std::vector<std::string>{"SUCCESS"}; }));
  EXPECT_EQ(dt_->stream_unsettled(), 0u);
  ASSERT_TRUE(eventually([&] { return handled()["pi-1"] == 1; }));
  const Json seen = host_->get("/apps/outbox_sender/seen", kAdminToken).json();
  EXPECT_EQ(seen["events"][0]["topic"], "bpms_instance_change");
  EXPECT_EQ(seen["events"][0]["payload"]["EventType"], "bpms_instance_change");
  EXPECT_EQ(seen["events"][0]["payload"]["processCode"], "PROC-STREAM");

  // DingTalk's duplicate (the same eventId again): ACKed, not stored or handled again.
  const std::string dup = dt_->stream_push_again(id);
  ASSERT_TRUE(eventually([&] { return acks_of(dup) == std::vector<std::string>{"SUCCESS"}; }));
  EXPECT_EQ(host_->admin_get("/admin/inbox").json()["inbox"]["events"], 1);
  EXPECT_EQ(handled()["pi-1"], 1);
  EXPECT_NE(host_->log().find("is a duplicate of inbox event"), std::string::npos);

  // A contact event reaches the directory as HTTP push's would.
  dt_->add_user(Json::object({{"userid", "stream-clerk"},
                              {"name", "流式书记员"},
                              {"title", "书记员"},
                              {"dept_id_list", Json::array({2001})}}));
  dt_->stream_push_event("user_add_org", "ev-2",
                         Json::object({{"timeStamp", std::to_string(kStart)},
                                       {"userId", Json::array({"stream-clerk"})}}));
  EXPECT_TRUE(eventually([&] {
    return host_->post("/auth/dingtalk",
                       Json::object({{"code", dt_->issue_auth_code("stream-clerk")}}).dump())
               .status == 200;
  }));
  // HTTP push is off in stream mode, and says so.
  auto push = post_event(*host_, Json::object({{"EventType", "bpms_instance_change"}}));
  EXPECT_EQ(push.status, 503);
  EXPECT_NE(push.body.find("Stream mode"), std::string::npos);
  const std::string metrics = host_->get("/metrics").body;
  EXPECT_NE(metrics.find("\ncourthub_dingtalk_stream_connected 1"), std::string::npos);
}

// Robot messages and card presses come over the connection too (CALLBACK frames) and are
// answered by the code that answers HTTP push's: the reply rides in the ACK's response, the robot
// reply also goes to the session webhook, a msgId is run once, and a press counts only on a card
// the host sent to the presser. The cards themselves are sent with callbackType STREAM.
TEST_F(StreamMode, RobotMessagesAndCardPressesAreAnsweredInTheAck) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; })) << host_->log();
  const std::string session = dt_->base_url() + "/robot/sendBySession?session=s1";
  const Json message = robot_message("hello 王五", "T-BC-01-011", "msg-s1", session);
  const std::string id = dt_->stream_push_callback("/v1.0/im/bot/messages/get", message);
  ASSERT_TRUE(eventually([&] { return !ack_of(id).is_null(); })) << host_->log();
  const Json reply = ack_response(ack_of(id));
  EXPECT_EQ(ack_of(id)["code"], 200);
  EXPECT_EQ(reply["markdown"]["text"], "**你好，王五！**");
  ASSERT_TRUE(eventually([&] { return calls(*dt_, "/robot/sendBySession") == 1; }));
  EXPECT_EQ(dt_->requests("/robot/sendBySession").at(0)["body"], reply);
  // The same msgId again (DingTalk's re-push): the same answer, nothing run or sent again.
  const std::string again = dt_->stream_push_callback("/v1.0/im/bot/messages/get", message);
  ASSERT_TRUE(eventually([&] { return !ack_of(again).is_null(); }));
  EXPECT_EQ(ack_response(ack_of(again)), reply);
  EXPECT_NE(host_->get("/metrics").body.find(
                "\ncourthub_dingtalk_robot_messages_total{command=\"hello\",outcome=\"ok\"} 1\n"),
            std::string::npos);
  EXPECT_TRUE(eventually([&] {
    return host_->admin_get("/admin/outbox").json()["outbox"]["pending"] == 0;
  }));
  EXPECT_EQ(calls(*dt_, "/robot/sendBySession"), 1u);

  // A card from outbox_sender, created to call back over Stream.
  Json card = Json::object({{"template_id", "it-template"}, {"out_track_id", "s-card"}});
  auto sent = host_->post(
      "/apps/outbox_sender/send",
      Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
                    {"msg", Json::object({{"msgtype", "interactive_card"},
                                          {"interactive_card", card}})}})
          .dump(),
      kAdminToken);
  ASSERT_EQ(sent.status, 202) << sent.body;
  ASSERT_TRUE(eventually([&] {
    return !dt_->requests("/v1.0/card/instances/createAndDeliver").empty();
  }));
  const Json delivered = dt_->requests("/v1.0/card/instances/createAndDeliver").at(0)["body"];
  EXPECT_EQ(delivered["callbackType"], "STREAM");
  EXPECT_FALSE(delivered.contains("callbackRouteKey"));
  auto presses = [&] {
    return host_->get("/apps/outbox_sender/presses", kAdminToken).json()["presses"].size();
  };
  const std::string topic = "/v1.0/card/instances/callback";
  // Someone it was not sent to: refused as over HTTP, the plugin never hears of it.
  const std::string stranger = dt_->stream_push_callback(
      topic, card_callback("outbox_sender.press", Json::object(), "T-BC-01-012", "s-card"));
  ASSERT_TRUE(eventually([&] { return !ack_of(stranger).is_null(); }));
  EXPECT_EQ(ack_of(stranger)["code"], 400);
  EXPECT_EQ(ack_of(stranger)["message"], "this card was not sent to you");
  EXPECT_TRUE(ack_response(ack_of(stranger)).is_null());
  EXPECT_EQ(presses(), 0u);
  const std::string press = dt_->stream_push_callback(
      topic, card_callback("outbox_sender.press", Json::object(), "T-BC-01-011", "s-card"));
  ASSERT_TRUE(eventually([&] { return !ack_of(press).is_null(); }));
  EXPECT_EQ(ack_of(press)["code"], 200);
  const Json update = ack_response(ack_of(press));
  EXPECT_EQ(update["cardData"]["cardParamMap"]["pressed_by"], "法官甲");
  EXPECT_EQ(update["cardUpdateOptions"]["updateCardDataByKey"], true);
  EXPECT_EQ(presses(), 1u);

  // A callback that cannot be answered is refused in its ACK; the connection stays.
  const std::string bad = dt_->stream_push_callback(topic, Json::object({{"userId", 5}}));
  const std::string other = dt_->stream_push_callback("/v1.0/card/dynamicData/get",
                                                      Json::object({{"outTrackId", "s-card"}}));
  ASSERT_TRUE(eventually([&] { return !ack_of(bad).is_null() && !ack_of(other).is_null(); }));
  EXPECT_EQ(ack_of(bad)["code"], 400);
  EXPECT_EQ(ack_of(other)["code"], 404);
  EXPECT_EQ(dt_->stream_connections_opened(), 1);
}

// `courthub simulate` on a stream-mode configuration pushes through the DingTalk double's gateway
// down the host's connection, and prints the host's ACK.
TEST_F(StreamMode, SimulatePushesDownTheConnection) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; })) << host_->log();
  auto simulate = [&](const std::string& args) {
    return run_courthub("simulate --config " + host_->config_path() + " " + args);
  };
  CliRun r = simulate("robot help --user T-BC-01-011");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("-> Stream CALLBACK robot message"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("say hello to someone"), std::string::npos) << r.output;

  r = simulate(R"(event bpms_instance_change '{"processInstanceId":"pi-sim","type":"finish"}')");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("SUCCESS"), std::string::npos) << r.output;
  EXPECT_TRUE(eventually([&] { return handled()["pi-sim"] == 1; }));

  r = simulate("card outbox_sender.press --user T-BC-01-011 --track no-such-card");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("<- ACK 400 this card was not sent to you"), std::string::npos)
      << r.output;

  // --http on a host that takes no HTTP push: the host says so.
  r = simulate("--http --host http://127.0.0.1:" + std::to_string(host_->port()) +
               " event check_url");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("HTTP 503"), std::string::npos) << r.output;
  // No connection: the double says so rather than keeping the frame.
  host_->send_signal(SIGTERM);
  host_->wait_exit(20000);
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 0; }));
  r = simulate("robot help");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("no host is connected over Stream mode"), std::string::npos)
      << r.output;
}

TEST_F(StreamMode, ADisconnectFrameOrASilentConnectionIsReplacedAtOnce) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; }));
  dt_->stream_disconnect_all("connection is expired", 60000);
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections_opened() == 2; }))
      << "no new connection after the disconnect frame";
  EXPECT_EQ(tickets(), 2u) << "a fresh ticket for it";

  // The connection goes quiet: no frame, no pong. After ping_interval the host pings, and
  // pong_timeout later gives the connection up.
  dt_->stream_set_silent(true);
  advance(30000);
  EXPECT_TRUE(eventually([&] {
    advance(2000);
    return dt_->stream_connections_opened() == 3;
  })) << host_->log();
  EXPECT_NE(host_->log().find("no frame and no pong"), std::string::npos);
  dt_->stream_set_silent(false);
  const std::string id = dt_->stream_push_event("bpms_instance_change", "ev-3", bpms("pi-3"));
  EXPECT_TRUE(eventually([&] { return acks_of(id) == std::vector<std::string>{"SUCCESS"}; }));
  const std::string metrics = host_->get("/metrics").body;
  EXPECT_NE(metrics.find("courthub_dingtalk_stream_disconnects_total{reason=\"disconnect\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("courthub_dingtalk_stream_disconnects_total{reason=\"silent\"} 1"),
            std::string::npos);
}

TEST_F(StreamMode, ADroppedConnectionComesBackAfterTheBackOffAndHealthSaysDegraded) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; }));
  dt_->set_down(true);  // connections/open answers 503 too
  dt_->stream_drop_all();
  ASSERT_TRUE(eventually([&] { return health()["status"] == "degraded"; }));
  EXPECT_EQ(health()["checks"]["dingtalk_stream"], "down");
  // Events pushed while no connection is open wait at DingTalk.
  const std::string id = dt_->stream_push_event("bpms_instance_change", "ev-4", bpms("pi-4"));
  // The host waits reconnect_min_ms (and more each time) on its clock: nothing happens until
  // the clock moves, then it tries, fails while DingTalk is down, and waits longer.
  const size_t before = tickets();
  EXPECT_EQ(dt_->stream_connections_opened(), 1);
  advance(1300);
  ASSERT_TRUE(eventually([&] { return tickets() > before; }));
  dt_->set_down(false);
  EXPECT_TRUE(eventually([&] {
    advance(1000);
    return dt_->stream_connections() == 1;
  }));
  EXPECT_TRUE(eventually([&] { return acks_of(id) == std::vector<std::string>{"SUCCESS"}; }))
      << dt_->stream_unsettled() << " unsettled, " << dt_->stream_acks().size() << " ACKs\n"
      << host_->log();
  EXPECT_EQ(health()["status"], "ok");
  EXPECT_TRUE(eventually([&] { return handled()["pi-4"] == 1; }));  // delivered after its ACK
}

TEST_F(StreamMode, AKillWithEventsInFlightLosesNoneThatWereAcked) {
  ASSERT_TRUE(eventually([&] { return dt_->stream_connections() == 1; }));
  constexpr int kEvents = 300;
  std::vector<std::string> ids;
  for (int i = 0; i < kEvents; ++i) {
    ids.push_back(dt_->stream_push_event("bpms_instance_change", "ev-k" + std::to_string(i),
                                         bpms("pi-k" + std::to_string(i))));
    if (i == kEvents / 3) {
      ASSERT_TRUE(eventually([&] { return dt_->stream_acks().size() >= 20; }));
      host_->send_signal(SIGKILL);
    }
  }
  host_->wait_exit(20000);
  std::set<std::string> acked_before;
  for (auto& a : dt_->stream_acks()) acked_before.insert(a["frame"]["headers"]["messageId"]);
  const std::string data = host_->data_dir();
  auto killed = std::move(host_);
  host_ = start_host({"--data-dir", data});
  // DingTalk pushes what was not ACKed to the new connection.
  ASSERT_TRUE(eventually([&] { return dt_->stream_unsettled() == 0; }, 60000))
      << dt_->stream_unsettled() << " not ACKed";
  ASSERT_TRUE(eventually([&] {
    return host_->admin_get("/admin/inbox").json()["inbox"]["pending"] == 0;
  }));
  auto times = handled();
  for (int i = 0; i < kEvents; ++i)
    EXPECT_EQ(times["pi-k" + std::to_string(i)], 1) << "event " << i;
  EXPECT_GE(acked_before.size(), 20u);
  EXPECT_LT(acked_before.size(), static_cast<size_t>(kEvents)) << "the kill came too late";
  std::printf("[ stream   ] %zu of %d events ACKed before kill -9; all %d handled once after "
              "the restart\n",
              acked_before.size(), kEvents, kEvents);
}

// DingTalk is reached over TLS: connections/open over HTTPS, the WebSocket over wss://. A server
// the host cannot verify gets no connection (and the host says so, degraded); trusting its CA
// (dingtalk.ca_file, for a TLS-inspecting proxy) the whole exchange works.
TEST(StreamModeOverTls, TheHostConnectsOverWssOnlyToAServerItCanVerify) {
  const std::string dir = ::testing::TempDir() + "courthub-stream-tls-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const TlsFiles tls = self_signed_certificate(dir);
  auto dt = start_double(20, {}, tls);
  ASSERT_EQ(dt->base_url().rfind("https://", 0), 0u);
  const std::string yaml =
      in_stream_mode(dingtalk_config(*dt, "  - name: outbox_sender\n  - name: hello\n"));
  {
    HostProcess untrusting(yaml);
    ASSERT_TRUE(eventually([&] {
      return untrusting.log().find("Stream mode: cannot open a connection") != std::string::npos;
    })) << untrusting.log();
    EXPECT_EQ(untrusting.get("/healthz").json()["status"], "degraded");
    EXPECT_EQ(dt->stream_connections_opened(), 0);
    EXPECT_NE(untrusting.log().find("certificate verify failed"), std::string::npos)
        << untrusting.log();
  }
  HostProcess host(with_dingtalk_keys(yaml, "  ca_file: " + tls.cert + "\n"));
  ASSERT_TRUE(eventually([&] { return dt->stream_connections() == 1; })) << host.log();
  EXPECT_EQ(host.get("/healthz").json()["status"], "ok");
  const std::string id = dt->stream_push_callback(
      "/v1.0/im/bot/messages/get",
      robot_message("hello 王五", "T-BC-01-011", "msg-tls",
                    dt->base_url() + "/robot/sendBySession?session=tls"));
  ASSERT_TRUE(eventually([&] {
    const Json ack = ack_received(*dt, id);
    return !ack.is_null() && ack["frame"]["code"] == 200;
  })) << host.log();
  // The reply also goes back over HTTPS, to the session webhook.
  EXPECT_TRUE(eventually([&] { return calls(*dt, "/robot/sendBySession") == 1; })) << host.log();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace courthub::it
