// SPDX-License-Identifier: Apache-2.0
// The outbox's SMS through the real host and the double's gateway: a queued SMS arrives once,
// signed; an outage is retried; a wrong secret is visible as a dead letter naming the signature,
// with the mobile masked in the admin view and absent from the log.
#include <gtest/gtest.h>

#include <atomic>

#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: outbox_sender\n";

class SmsThroughGateway : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double(20, [this] { return clock_ms_.load(); });
  }
  void start_host(const std::string& secret) {
    std::string config = dingtalk_config(*dt_, kPlugins) + "sms:\n  url: \"" + dt_->base_url() +
                         "/sms/send\"\n  secret: \"" + secret + "\"\n";
    host_ = std::make_unique<HostProcess>(
        config, std::vector<std::string>{},
        std::map<std::string, std::string>{
            {"COURTHUB_TEST_CLOCK_MS", std::to_string(clock_ms_.load())}});
  }
  void advance(int64_t ms) {
    clock_ms_ += ms;
    auto r = host_->admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  HttpResponse send_sms(const std::string& mobile, const std::string& content) {
    Json message = Json::object(
        {{"to", Json::object({{"sms", mobile}})},
         {"msg",
          Json::object({{"msgtype", "text"}, {"text", Json::object({{"content", content}})}})}});
    return host_->post("/apps/outbox_sender/send", message.dump(), kAdminToken);
  }
  Json counts() { return host_->admin_get("/admin/outbox").json()["outbox"]; }

  std::atomic<int64_t> clock_ms_{1796607000000};
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(SmsThroughGateway, AQueuedSmsArrivesExactlyOnceSigned) {
  start_host("demo-sms-secret");
  auto r =
      send_sms("13812345678", "【沈阳市和平区人民法院】张三律师：您代理的案件有新的送达文书。");
  ASSERT_EQ(r.status, 202) << r.body;
  ASSERT_TRUE(eventually([&] { return counts()["sent"] == Json(1); })) << counts().dump();
  auto got = dt_->sms_received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["mobile"], "13812345678");
  EXPECT_EQ(got[0]["content"], "【沈阳市和平区人民法院】张三律师：您代理的案件有新的送达文书。");
  // Later polls of the worker do not send it again.
  advance(60 * 60 * 1000);
  EXPECT_TRUE(eventually([&] { return counts()["pending"] == Json(0); }));
  EXPECT_EQ(dt_->sms_received().size(), 1u);
  EXPECT_EQ(host_->log().find("13812345678"), std::string::npos) << "a mobile in the host log";
}

TEST_F(SmsThroughGateway, AnOutageIsRetriedAndStillDeliversOnce) {
  start_host("demo-sms-secret");
  dt_->fail_next("/sms/send", 1, 503, -1);
  ASSERT_EQ(send_sms("13812345678", "您好").status, 202);
  ASSERT_TRUE(eventually([&] { return dt_->requests("/sms/send").size() == 1; }));
  EXPECT_TRUE(dt_->sms_received().empty());
  // The first backoff. The double sees the request before the host has recorded its failure
  // and scheduled the retry (from the clock's time then): a single step could come too early.
  ASSERT_TRUE(eventually([&] {
    advance(1000);
    return counts()["sent"] == Json(1);
  })) << counts().dump();
  EXPECT_EQ(dt_->sms_received().size(), 1u);
  EXPECT_EQ(host_->log().find("13812345678"), std::string::npos);
}

TEST_F(SmsThroughGateway, AWrongSecretIsADeadLetterNamingTheSignatureWithTheMobileMasked) {
  start_host("not-the-gateways-secret");
  ASSERT_EQ(send_sms("13812345678", "您好").status, 202);
  ASSERT_TRUE(eventually([&] { return counts()["dead"] == Json(1); })) << counts().dump();
  EXPECT_TRUE(dt_->sms_received().empty());
  auto dead = host_->admin_get("/admin/outbox/dead");
  ASSERT_EQ(dead.status, 200) << dead.body;
  EXPECT_NE(dead.body.find("signature does not match"), std::string::npos) << dead.body;
  EXPECT_NE(dead.body.find("138****5678"), std::string::npos) << dead.body;
  EXPECT_EQ(dead.body.find("13812345678"), std::string::npos) << dead.body;
  EXPECT_NE(host_->log().find("signature does not match"), std::string::npos);
  EXPECT_EQ(host_->log().find("13812345678"), std::string::npos);
}

TEST_F(SmsThroughGateway, ANumberThatIsNoMobileIsRefusedAtOnce) {
  start_host("demo-sms-secret");
  auto r = send_sms("02412345678", "您好");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("to.sms must be a mainland mobile number"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("02412345678"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace courthub::it
