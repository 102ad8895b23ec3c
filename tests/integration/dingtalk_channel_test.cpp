// SPDX-License-Identifier: Apache-2.0
// The rest of the DingTalk channel over real HTTP, against the local double: robot messages,
// card callbacks, mini-app login, and the outbox's deliveries (including outages, restarts, the
// robot rate limit and dead letters).
#include <gtest/gtest.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include <thread>

#include "dingtalk_client.hpp"
#include "host/http/session_token.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: hello\n  - name: outbox_sender\n  - name: throws_in_handler\n";

class DingTalkChannel : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double(3);
    host_ = std::make_unique<HostProcess>(dingtalk_config(*dt_, kPlugins, 3));
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
  // An interactive card from outbox_sender to one person; its outTrackId is `track`.
  HttpResponse send_card(const std::string& track, const std::string& user) {
    Json card = Json::object({{"template_id", "it-template"}, {"out_track_id", track}});
    return send(Json::object(
        {{"to", Json::object({{"users", Json::array({user})}})},
         {"msg", Json::object({{"msgtype", "interactive_card"}, {"interactive_card", card}})}}));
  }

  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
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
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
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
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(outbox_counts()["pending"].get<int64_t>() + outbox_counts()["sent"].get<int64_t>(), 0);
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
  dt_->set_down(true);
  auto r = send(Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
                              {"msg", Json::object({{"msgtype", "text"},
                                                    {"text", Json::object({{"content", "开庭提醒"}})}})},
                              {"key", "notice-1"}}));
  ASSERT_EQ(r.status, 202) << r.body;
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // an attempt or two fail
  EXPECT_EQ(outbox_counts()["pending"], 1);
  EXPECT_EQ(outbox_counts()["sent"], 0);
  dt_->set_down(false);
  ASSERT_TRUE(eventually(
      [&] { return calls(*dt_, "/topapi/message/corpconversation/asyncsend_v2") == 1; }, 20000));
  EXPECT_TRUE(eventually([&] { return outbox_counts()["sent"].get<int64_t>() == 1; }));
  // The same key again is not a second message.
  send(Json::object({{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
                     {"msg", Json::object({{"msgtype", "text"},
                                           {"text", Json::object({{"content", "开庭提醒"}})}})},
                     {"key", "notice-1"}}));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_EQ(calls(*dt_, "/topapi/message/corpconversation/asyncsend_v2"), 1u);
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
  HostProcess second(dingtalk_config(*dt_, kPlugins, 3), {"--data-dir", data});
  ASSERT_TRUE(eventually([&] { return calls(*dt_, "/robot/send") == 1; }, 20000));
  // Signed (加签) as the robot's secret requires; the double checked it.
  auto sent = dt_->requests("/robot/send");
  EXPECT_EQ(sent.at(0)["response"]["errcode"], 0) << sent.at(0).dump();
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_EQ(calls(*dt_, "/robot/send"), 1u);
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
  ASSERT_TRUE(eventually([&] { return outbox_counts()["sent"].get<int64_t>() == 3; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(outbox_counts()["sent"], 3);
  EXPECT_EQ(outbox_counts()["pending"], 2);
  EXPECT_EQ(calls(*dt_, "/robot/send"), 3u);
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
    std::string cmd = courthub_binary() + " simulate --config " + host_->config_path() +
                      " --host http://127.0.0.1:" + std::to_string(host_->port()) + " " + args +
                      " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int st = pclose(p);
    return std::make_pair(WIFEXITED(st) ? WEXITSTATUS(st) : -1, out);
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
