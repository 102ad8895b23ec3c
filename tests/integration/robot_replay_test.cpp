// SPDX-License-Identifier: Apache-2.0
// A robot callback's timestamp/sign pair is good for one message (issue 17 §3): captured and
// sent again with another body and sender it is refused, also after a restart; DingTalk's own
// retry (the same msgId) is answered as before.
#include <gtest/gtest.h>
#include <signal.h>

#include "dingtalk_client.hpp"
#include "host/dingtalk/robot_signature.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: hello\n";

class RobotReplay : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double();
    host_ = std::make_unique<HostProcess>(dingtalk_config(*dt_, kPlugins));
  }
  // POST /dingtalk/robot with exactly these headers: what an eavesdropper replays.
  HttpResponse post_with(const Json& message, const std::string& ts, const std::string& sign) {
    return http(host_->port(), "POST", "/dingtalk/robot", message.dump(),
                {{"timestamp", ts}, {"sign", sign}});
  }
  std::string session() const { return dt_->base_url() + "/robot/sendBySession?session=r1"; }
  size_t refused_metric() {
    std::string m = host_->get("/metrics").body;
    const std::string name = "\ncourthub_robot_replays_refused_total ";
    size_t at = m.find(name);
    return at == std::string::npos ? 9999 : std::stoul(m.substr(at + name.size()));
  }

  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> stopped_;
  std::unique_ptr<HostProcess> host_;
};

void expect_replay_refused(const HttpResponse& r) {
  EXPECT_EQ(r.status, 401) << r.body;
  Json body = Json::parse(r.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << r.body;
  EXPECT_EQ(body["error"]["code"], "replayed") << r.body;
  EXPECT_TRUE(body.contains("request_id"));
}

TEST_F(RobotReplay, CapturedPairWithAnotherBodyIsRefusedAlsoAfterARestart) {
  const std::string ts = std::to_string(now_ms());
  const std::string sign = dingtalk::robot_sign(ts, kAppSecret);
  auto first = post_with(robot_message("hello 王五", "T-BC-01-011", "msg-a", session()), ts, sign);
  ASSERT_EQ(first.status, 200) << first.body;

  // The captured headers, another sender and another command.
  Json forged = robot_message("hello 攻击者", "T-BC-01-001", "msg-forged", session());
  expect_replay_refused(post_with(forged, ts, sign));
  EXPECT_EQ(refused_metric(), 1u);

  // DingTalk's retry of the first message: the same answer, nothing run twice.
  auto retry = post_with(robot_message("hello 王五", "T-BC-01-011", "msg-a", session()), ts, sign);
  EXPECT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(refused_metric(), 1u);

  // A restart does not reopen the window.
  std::string data = host_->data_dir();
  host_->send_signal(SIGTERM);
  ASSERT_EQ(host_->wait_exit(20000), 0);
  stopped_ = std::move(host_);
  host_ = std::make_unique<HostProcess>(dingtalk_config(*dt_, kPlugins),
                                        std::vector<std::string>{"--data-dir", data});
  expect_replay_refused(post_with(forged, ts, sign));
  EXPECT_EQ(refused_metric(), 1u);
  auto again = post_with(robot_message("hello 王五", "T-BC-01-011", "msg-a", session()), ts, sign);
  EXPECT_EQ(again.status, 200) << again.body;

  // A fresh pair still works.
  auto fresh = post_robot(*host_, robot_message("hello 赵六", "T-BC-01-011", "msg-b", session()));
  EXPECT_EQ(fresh.status, 200) << fresh.body;
}

}  // namespace
}  // namespace courthub::it
