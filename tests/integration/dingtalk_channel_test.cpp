// SPDX-License-Identifier: Apache-2.0
// The rest of the DingTalk channel over real HTTP, against the local double: robot messages,
// card callbacks, mini-app login, and the outbox's deliveries (including outages, restarts, the
// robot rate limit and dead letters).
//
// The host and the double run on one test clock (COURTHUB_TEST_CLOCK_MS, POST /admin/clock) that
// stands still until a test moves it: a retry or a rate window is stepped over, not slept
// through, and "nothing more was sent" is read from the outbox's state, not hoped for after a
// pause.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>

#include "dingtalk_client.hpp"
#include "host/http/session_token.hpp"
#include "host/time/clock.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: hello\n  - name: outbox_sender\n  - name: throws_in_handler\n";

class DingTalkChannel : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double(3, [this] { return clock_ms_.load(); });
    host_ = start_host();
  }
  // A host on the shared test clock, at its current time.
  std::unique_ptr<HostProcess> start_host(std::vector<std::string> args = {}) {
    return std::make_unique<HostProcess>(
        dingtalk_config(*dt_, kPlugins, 3), std::move(args),
        std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS",
                                            std::to_string(clock_ms_.load())}});
  }
  // Moves the double's clock, then the host's (which tries at once whatever became due).
  void advance(int64_t ms) {
    clock_ms_ += ms;
    auto r = host_->admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  std::string session() const { return dt_->base_url() + "/robot/sendBySession?session=s1"; }
  Json robot(const std::string& text, const std::string& msg_id,
             const std::string& user = "T-BC-01-011") {
    auto r = post_robot(*host_, robot_message(text, user, msg_id, session()));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : Json();
  }
  std::string login(const std::string& user) {
    auto r = host_->post("/auth/dingtalk",
                         Json::object({{"code", dt_->issue_auth_code(user)}}).dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()["token"].get<std::string>() : "";
  }
  HttpResponse send(const Json& message) {
    return host_->post("/apps/outbox_sender/send", message.dump(), kAdminToken);
  }
  Json outbox_counts() { return host_->admin_get("/admin/outbox").json()["outbox"]; }
  bool outbox_is(int pending, int sent, int dead = 0) {
    Json c = outbox_counts();
    return c["pending"] == Json(pending) && c["sent"] == Json(sent) && c["dead"] == Json(dead);
  }
  Json notice(const std::string& key) {
    return Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
                         {"msg", Json::object({{"msgtype", "text"},
                                               {"text", Json::object({{"content", "开庭提醒"}})}})},
                         {"key", key}});
  }
  // An interactive card from outbox_sender to one person; its outTrackId is `track`.
  HttpResponse send_card(const std::string& track, const std::string& user) {
    Json card = Json::object({{"template_id", "it-template"}, {"out_track_id", track}});
    return send(Json::object(
        {{"to", Json::object({{"users", Json::array({user})}})},
         {"msg", Json::object({{"msgtype", "interactive_card"}, {"interactive_card", card}})}}));
  }

  // Unix ms on the test clock; read by the double's threads, so declared before the double.
  std::atomic<int64_t> clock_ms_{now_ms()};
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> stopped_;  // a host a test restarted; outlives its successor
  std::unique_ptr<HostProcess> host_;
};

TEST_F(DingTalkChannel, RobotCommandIsRoutedAndRepliedInTheResponseAndTheSession) {
  Json reply = robot("hello 王五", "msg-1");
  EXPECT_EQ(reply["msgtype"], "markdown");
  EXPECT_EQ(reply["markdown"]["text"], "**你好，王五！**");
  ASSERT_TRUE(eventually([&] { return calls(*dt_, "/robot/sendBySession") == 1; }));
  EXPECT_EQ(dt_->requests("/robot/sendBySession").at(0)["body"], reply);
}

TEST_F(DingTalkChannel, RobotMessageDeliveredTwiceRunsOnce) {
  Json first = robot("hello 赵六", "msg-dup");
  Json second = robot("hello 赵六", "msg-dup");
  EXPECT_EQ(first, second);
  // Both answers are given: the command ran once, and one reply was queued and sent. With no
  // message left pending, nothing more can reach the session.
  std::string metrics = host_->get("/metrics").body;
  EXPECT_NE(metrics.find("\ncourthub_dingtalk_robot_messages_total{command=\"hello\",outcome=\"ok\"} 1\n"),
            std::string::npos)
      << metrics;
  ASSERT_TRUE(eventually([&] { return outbox_is(0, 1); })) << outbox_counts().dump();
  EXPECT_EQ(calls(*dt_, "/robot/sendBySession"), 1u);
}

TEST_F(DingTalkChannel, HelpListsEveryEnabledPluginsCommandsWithExamples) {
  std::string text = robot("help", "msg-help")["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("`hello 张三` — say hello to someone *(hello)*"), std::string::npos) << text;
  EXPECT_NE(text.find("`boom` — always fails *(throws_in_handler)*"), std::string::npos);
}

TEST_F(DingTalkChannel, UnknownCommandGetsAFriendlyReplyNamingTheClosest) {
  std::string text = robot("helo 王五", "msg-typo")["text"]["content"].get<std::string>();
  EXPECT_NE(text.find("did you mean 'hello'"), std::string::npos) << text;
}

TEST_F(DingTalkChannel, FailingCommandRepliesWithARequestIdAndTheHostLives) {
  std::string text = robot("boom", "msg-boom")["text"]["content"].get<std::string>();
  EXPECT_NE(text.find("quote request id"), std::string::npos) << text;
  EXPECT_EQ(text.find("command exploded"), std::string::npos);
  EXPECT_NE(host_->log().find("command exploded"), std::string::npos);
  EXPECT_EQ(host_->get("/healthz").status, 200);
}

TEST_F(DingTalkChannel, RobotSignatureAndWindowAreChecked) {
  Json m = robot_message("hello", "T-BC-01-011", "msg-sign", session());
  EXPECT_EQ(post_robot(*host_, m, 0, "bm90IHRoZSBzaWdu").status, 401);
  EXPECT_EQ(post_robot(*host_, m, now_ms() - 3600 * 1000 - 60000).status, 401);
  EXPECT_EQ(post_robot(*host_, m, now_ms() + 3600 * 1000 + 60000).status, 401);
  EXPECT_EQ(post_robot(*host_, m).status, 200);
}

TEST_F(DingTalkChannel, ForgedSessionWebhookGetsNoMessage) {
  Json m = robot_message("hello", "T-BC-01-011", "msg-forged", "http://198.51.100.7/steal");
  EXPECT_EQ(post_robot(*host_, m).status, 200);  // answered in the response only
  // A session reply is queued before the answer, or not at all: none was.
  EXPECT_TRUE(outbox_is(0, 0)) << outbox_counts().dump();
  EXPECT_NE(host_->log().find("names a session webhook outside DingTalk"), std::string::npos);
}

TEST_F(DingTalkChannel, CardRouteKeyIsTheCredential) {
  ASSERT_EQ(send_card("route-1", "T-BC-01-011").status, 202);
  auto wrong = post_card(*host_, "not-the-key", "outbox_sender.press", Json::object(),
                         "T-BC-01-011", "route-1");
  EXPECT_EQ(wrong.status, 404);
  auto right =
      post_card(*host_, kCardKey, "outbox_sender.press", Json::object(), "T-BC-01-011", "route-1");
  ASSERT_EQ(right.status, 200) << right.body;
  Json body = right.json();
  EXPECT_EQ(body["cardData"]["cardParamMap"]["pressed_by"].get<std::string>(), "法官甲");
  EXPECT_TRUE(body["cardUpdateOptions"]["updateCardDataByKey"].get<bool>());
  EXPECT_EQ(post_card(*host_, kCardKey, "no.such.action", Json::object(), "T-BC-01-011", "route-1")
                .status,
            404);
}

// Issue 17 (the card_action fuzzer's parser): fields of the wrong type are the caller's mistake,
// answered 400 or 403 like missing ones. They used to throw out of the handler: a 500.
TEST_F(DingTalkChannel, ACardCallbackWithFieldsOfTheWrongTypeIsRefusedNotAnError) {
  ASSERT_EQ(send_card("route-2", "T-BC-01-011").status, 202);
  std::string path = std::string("/dingtalk/cards/") + kCardKey;
  auto number_action = http(host_->port(), "POST", path,
                            R"({"userId":"T-BC-01-011","outTrackId":"route-2",)"
                            R"("value":"{\"cardPrivateData\":{\"params\":{\"action\":7}}}"})");
  EXPECT_EQ(number_action.status, 400) << number_action.body;
  auto number_user = http(host_->port(), "POST", path,
                          R"({"userId":5,"outTrackId":"route-2",)"
                          R"("value":"{\"cardPrivateData\":)"
                          R"({\"actionIds\":[\"outbox_sender.press\"]}}"})");
  EXPECT_EQ(number_user.status, 403) << number_user.body;
}

// Issue 11: a press counts only for a card the host sent, from a person it was sent to, and only
// reaches the plugin that sent it. A made-up outTrackId and someone else's card get the same
// refusal (nothing says whether the card exists) and the plugin never hears of them.
TEST_F(DingTalkChannel, CardPressIsHonouredOnlyForACardTheHostSentToThePresser) {
  ASSERT_EQ(send_card("press-1", "T-BC-01-011").status, 202);
  auto presses = [&] {
    return host_->get("/apps/outbox_sender/presses", kAdminToken).json()["presses"].size();
  };
  auto unknown = post_card(*host_, kCardKey, "outbox_sender.press", Json::object(), "T-BC-01-011",
                           "press-made-up");
  EXPECT_EQ(unknown.status, 403) << unknown.body;
  auto stranger =
      post_card(*host_, kCardKey, "outbox_sender.press", Json::object(), "T-BC-01-012", "press-1");
  EXPECT_EQ(stranger.status, 403) << stranger.body;
  EXPECT_EQ(unknown.json()["error"], stranger.json()["error"]);
  // Another plugin's action on this card does not reach that plugin.
  EXPECT_EQ(
      post_card(*host_, kCardKey, "hello.wave", Json::object(), "T-BC-01-011", "press-1").status,
      404);
  EXPECT_EQ(presses(), 0u);

  auto mine =
      post_card(*host_, kCardKey, "outbox_sender.press", Json::object(), "T-BC-01-011", "press-1");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(presses(), 1u);
}

// Issue 15: a plugin changes a card it sent (an approval canceled under its approvers' eyes);
// DingTalk gets PUT /v1.0/card/instances for each person's copy, after the card itself.
TEST_F(DingTalkChannel, CardUpdateReachesDingTalkForEachCopyOfTheCard) {
  Json card = Json::object({{"template_id", "it-template"}, {"out_track_id", "upd-1"}});
  ASSERT_EQ(send(Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011",
                                                                           "T-BC-01-012"})}})},
                               {"msg", Json::object({{"msgtype", "interactive_card"},
                                                     {"interactive_card", card}})}}))
                .status,
            202);
  Json update = Json::object(
      {{"to", Json::object({{"card", "upd-1"}})},
       {"msg", Json::object({{"msgtype", "card_update"},
                             {"card_update",
                              Json::object({{"card_data", Json::object({{"status", "已取消"}})}})}})}});
  ASSERT_EQ(send(update).status, 202);
  auto puts = [&] {
    std::vector<Json> out;
    for (auto& r : dt_->requests("/v1.0/card/instances"))
      if (r["method"] == "PUT") out.push_back(r);
    return out;
  };
  ASSERT_TRUE(eventually([&] { return puts().size() == 2; })) << outbox_counts().dump();
  std::vector<Json> seen = puts();
  std::vector<std::string> tracks;
  for (auto& r : seen) {
    EXPECT_EQ(r["path"], "/v1.0/card/instances");
    EXPECT_EQ(r["status"], 200) << r.dump();
    EXPECT_FALSE(json::get<std::string>(r["headers"], "x-acs-dingtalk-access-token").empty());
    EXPECT_EQ(r["body"]["cardData"]["cardParamMap"], Json::object({{"status", "已取消"}}));
    EXPECT_EQ(r["body"]["cardUpdateOptions"]["updateCardDataByKey"], true);
    tracks.push_back(r["body"]["outTrackId"].get<std::string>());
  }
  std::sort(tracks.begin(), tracks.end());
  EXPECT_EQ(tracks, (std::vector<std::string>{"upd-1.T-BC-01-011", "upd-1.T-BC-01-012"}));
  EXPECT_TRUE(outbox_is(0, 4)) << outbox_counts().dump();
}

TEST_F(DingTalkChannel, LoginGivesASessionTokenThatCarriesTheIdentity) {
  auto token = login("T-BC-01-012");
  auto r = host_->get("/apps/throws_in_handler/ok", token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["caller"], "T-BC-01-012");
  // gettoken is cached: two logins, one token request.
  login("T-BC-01-013");
  EXPECT_EQ(calls(*dt_, "/gettoken"), 1u);
}

TEST_F(DingTalkChannel, LoginRefusals) {
  auto r = host_->post("/auth/dingtalk", R"({"code": "made-up"})");
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(host_->post("/auth/dingtalk", R"({})").status, 400);
  // Known to DingTalk, not to the court directory.
  dt_->add_user(Json::object({{"userid", "outsider"}, {"name", "外人"}}));
  r = host_->post("/auth/dingtalk", Json::object({{"code", dt_->issue_auth_code("outsider")}}).dump());
  EXPECT_EQ(r.status, 403) << r.body;
  // DingTalk unreachable.
  dt_->set_down(true);
  r = host_->post("/auth/dingtalk", R"({"code": "any"})");
  EXPECT_EQ(r.status, 503) << r.body;
  dt_->set_down(false);
  // Expired and forged tokens.
  http::SessionTokens tokens(kSessionSecret, 60);
  std::string expired = tokens.issue("T-BC-01-011", http::kStaffAudience, now_ms() / 1000 - 3600);
  EXPECT_EQ(host_->get("/apps/throws_in_handler/ok", expired).status, 401);
  http::SessionTokens other("some-other-secret-0123456789", 3600);
  EXPECT_EQ(host_
                ->get("/apps/throws_in_handler/ok",
                      other.issue("T-BC-01-011", http::kStaffAudience, now_ms() / 1000))
                .status,
            401);
}

TEST_F(DingTalkChannel, WorkNotificationIsSentOnceEvenWhileDingTalkIsDown) {
  const std::string kSend = "/topapi/message/corpconversation/asyncsend_v2";
  dt_->set_down(true);
  auto first = send(notice("notice-1"));
  ASSERT_EQ(first.status, 202) << first.body;
  // The first attempt fails; the next waits for its backoff, which the clock has not reached.
  ASSERT_TRUE(eventually([&] { return host_->log().find("not sent, attempt 1") != std::string::npos; }));
  EXPECT_TRUE(outbox_is(1, 0)) << outbox_counts().dump();
  dt_->set_down(false);
  advance(time::kSecondMs);  // the outbox's first backoff
  ASSERT_TRUE(eventually([&] { return outbox_is(0, 1); })) << outbox_counts().dump();
  EXPECT_EQ(calls(*dt_, kSend), 1u);
  // The same key again is the same message: its id comes back and nothing new is queued, so
  // nothing more can be sent.
  auto again = send(notice("notice-1"));
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(again.json()["id"], first.json()["id"]);
  EXPECT_TRUE(outbox_is(0, 1)) << outbox_counts().dump();
  EXPECT_EQ(calls(*dt_, kSend), 1u);
}

TEST_F(DingTalkChannel, QueuedMessageSurvivesARestart) {
  dt_->set_down(true);
  ASSERT_EQ(send(Json::object({{"to", Json::object({{"group_robot", "board"}})},
                               {"msg", Json::object({{"msgtype", "markdown"},
                                                     {"markdown", Json::object({{"title", "通报"},
                                                                                {"text", "今日排名"}})}})}}))
                .status,
            202);
  std::string data = host_->data_dir();
  host_->send_signal(SIGTERM);
  ASSERT_EQ(host_->wait_exit(20000), 0);
  dt_->reset();  // forget the refused attempts; ends the outage too
  clock_ms_ += time::kMinuteMs;  // the host comes back a minute later: any retry is due
  stopped_ = std::move(host_);  // its folder holds the data: kept until the test ends
  host_ = start_host({"--data-dir", data});
  ASSERT_TRUE(eventually([&] { return outbox_is(0, 1); })) << outbox_counts().dump();
  // Sent once, signed (加签) as the robot's secret requires; the double checked it. Nothing is
  // left pending, so nothing more can be sent.
  auto sent = dt_->requests("/robot/send");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent.at(0)["response"]["errcode"], Json(0)) << sent.at(0).dump();
}

TEST_F(DingTalkChannel, GroupRobotLimitIsRespected) {
  // The configuration allows 3 messages a minute to the robot: the fourth and fifth wait.
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(send(Json::object({{"to", Json::object({{"group_robot", "board"}})},
                                 {"msg", Json::object({{"msgtype", "text"},
                                                       {"text", Json::object({{"content",
                                                                               "通报 " +
                                                                                   std::to_string(i)}})}})}}))
                  .status,
              202);
  }
  // Three go at once; the other two are held for the rest of the minute, and the clock stands
  // still.
  ASSERT_TRUE(eventually([&] { return outbox_is(2, 3); })) << outbox_counts().dump();
  EXPECT_EQ(calls(*dt_, "/robot/send"), 3u);
  // A minute later the window has moved on: the two go.
  advance(time::kMinuteMs);
  // (This once failed under load: a retry's wait was counted from a clock reading taken after
  // the attempt, so an advance between the two pushed it a minute further. Now it counts from
  // before the attempt, host/jobs/outbox.cpp.)
  ASSERT_TRUE(eventually([&] { return outbox_is(0, 5); }))
      << outbox_counts().dump() << "\n" << host_->log();
  // The double keeps the same limit on the same clock: it accepted every one (a send over the
  // limit would have been answered 130101).
  auto sent = dt_->requests("/robot/send");
  ASSERT_EQ(sent.size(), 5u);
  for (auto& s : sent) EXPECT_EQ(s["response"]["errcode"], Json(0)) << s.dump();
}

// The test clock the tests above lean on: on only with COURTHUB_TEST_CLOCK_MS, said in the log,
// moved only by the admin, forward only.
TEST_F(DingTalkChannel, TestClockIsMovedByTheAdminAndExistsOnlyWhenAskedFor) {
  EXPECT_NE(host_->log().find("WARN  [server] COURTHUB_TEST_CLOCK_MS is set"), std::string::npos)
      << host_->log();
  const std::string one_second = Json::object({{"advance_ms", 1000}}).dump();
  EXPECT_EQ(host_->post("/admin/clock", one_second).status, 401);
  EXPECT_EQ(host_->admin_post("/admin/clock", R"({"advance_ms": -5})").status, 400);
  EXPECT_EQ(host_->admin_post("/admin/clock", R"({"advance_ms": "soon"})").status, 400);
  auto moved = host_->admin_post("/admin/clock", one_second);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["now_ms"], Json(clock_ms_.load() + 1000));

  HostProcess real_time(test_config("  - name: hello\n"));
  EXPECT_EQ(real_time.admin_post("/admin/clock", one_second).status, 404);
  EXPECT_EQ(real_time.log().find("COURTHUB_TEST_CLOCK_MS"), std::string::npos);
}

TEST_F(DingTalkChannel, PermanentRefusalIsDeadLetteredThenReplayed) {
  dt_->fail_next("/topapi/message/corpconversation/asyncsend_v2", 1, 200, 40035);
  ASSERT_EQ(send(Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
                               {"msg", Json::object({{"msgtype", "text"},
                                                     {"text", Json::object({{"content", "x"}})}})}}))
                .status,
            202);
  Json dead;
  ASSERT_TRUE(eventually([&] {
    dead = host_->admin_get("/admin/outbox/dead").json()["dead_letters"];
    return dead.size() == 1;
  }));
  EXPECT_NE(dead.at(0)["last_error"].get<std::string>().find("40035"), std::string::npos);
  auto replay = host_->admin_post("/admin/outbox/replay",
                                  Json::object({{"id", dead.at(0)["id"]}}).dump());
  ASSERT_EQ(replay.status, 200);
  EXPECT_TRUE(eventually([&] { return outbox_counts()["sent"].get<int64_t>() == 1; }));
}

TEST_F(DingTalkChannel, BadOutboxMessagesAreRefusedNamingTheField) {
  auto r = send(Json::object({{"to", Json::object({{"group_robot", "nosuch"}})},
                              {"msg", Json::object({{"msgtype", "text"},
                                                    {"text", Json::object({{"content", "x"}})}})}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("not configured in dingtalk.group_robots"), std::string::npos) << r.body;
  r = send(Json::object({{"to", Json::object({{"users", Json::array({"u"})}})},
                         {"msg", Json::object({{"msgtype", "text"}})}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("msg.text must be an object"), std::string::npos) << r.body;
}

TEST_F(DingTalkChannel, SimulateVerbsDriveARunningHost) {
  auto run = [&](const std::string& args) {
    CliRun r = run_courthub("simulate --config " + host_->config_path() +
                            " --host http://127.0.0.1:" + std::to_string(host_->port()) + " " +
                            args);
    return std::make_pair(r.status, r.output);
  };
  auto [rc, out] = run("robot help --user T-BC-01-011");
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("say hello to someone"), std::string::npos) << out;
  std::tie(rc, out) = run("event check_url");
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("decrypted reply: success"), std::string::npos) << out;
  // A press counts only on a card the host sent to that user.
  std::tie(rc, out) = run("card outbox_sender.press --user T-BC-01-011");
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("HTTP 403"), std::string::npos) << out;
  ASSERT_EQ(send_card("sim-1", "T-BC-01-011").status, 202);
  std::tie(rc, out) = run("card outbox_sender.press --user T-BC-01-011 --track sim-1");
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("法官甲"), std::string::npos) << out;
  std::tie(rc, out) = run("login T-BC-01-011");
  ASSERT_EQ(rc, 0) << out;
  std::string token = out.substr(0, out.find('\n'));
  EXPECT_EQ(host_->get("/apps/throws_in_handler/ok", token).status, 200);
}

}  // namespace
}  // namespace courthub::it
