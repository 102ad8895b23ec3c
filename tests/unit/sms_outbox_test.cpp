// SPDX-License-Identifier: Apache-2.0
// The outbox's `sms` recipient: what is accepted and refused at queue time (never echoing the
// number), the mask every view uses, the gateway's signature and answers (against the double's
// /sms/send, which checks the signature on its own), and the courier that routes SMS apart from
// DingTalk.
#include <gtest/gtest.h>

#include "host/jobs/mobile_mask.hpp"
#include "host/jobs/outbox.hpp"
#include "host/sms/sms_courier.hpp"
#include "host/sms/sms_gateway.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace courthub {
namespace {

Json sms_to(const Json& mobile, const Json& msg) {
  return Json::object({{"to", Json::object({{"sms", mobile}})}, {"msg", msg}});
}
Json text(const std::string& content) {
  return Json::object({{"msgtype", "text"}, {"text", Json::object({{"content", content}})}});
}
auto no_robot = [](const std::string&) { return false; };

TEST(SmsOutbox, AMainlandMobileWithTextIsAnSmsRow) {
  auto parsed = jobs::parse_outbox_message(sms_to("13812345678", text("有新的送达文书")), no_robot);
  ASSERT_TRUE(parsed) << parsed.outcome().message();
  EXPECT_EQ(parsed->channel, "sms");
  EXPECT_EQ(parsed->target, "13812345678");
}

TEST(SmsOutbox, AWrongNumberIsRefusedWithoutRepeatingIt) {
  for (const Json& bad : {Json("23812345678"), Json("1381234567"), Json("138123456789"),
                          Json("1381234567a"), Json(13812345678LL), Json("")}) {
    auto parsed = jobs::parse_outbox_message(sms_to(bad, text("x")), no_robot);
    ASSERT_FALSE(parsed) << bad.dump();
    EXPECT_EQ(parsed.outcome().message(),
              "to.sms must be a mainland mobile number: 11 digits starting with 1");
  }
}

TEST(SmsOutbox, OnlyShortPlainTextGoesBySms) {
  Json markdown = Json::object(
      {{"msgtype", "markdown"}, {"markdown", Json::object({{"title", "t"}, {"text", "x"}})}});
  auto md = jobs::parse_outbox_message(sms_to("13812345678", markdown), no_robot);
  ASSERT_FALSE(md);
  EXPECT_EQ(md.outcome().message(), "to.sms takes only msgtype 'text'");
  std::string long_text;
  for (int i = 0; i < 501; ++i) long_text += "字";
  auto too_long = jobs::parse_outbox_message(sms_to("13812345678", text(long_text)), no_robot);
  ASSERT_FALSE(too_long);
  EXPECT_NE(too_long.outcome().message().find("at most 500 characters"), std::string::npos);
  Json two = sms_to("13812345678", text("x"));
  two["to"]["users"] = Json::array({"u1"});
  EXPECT_FALSE(jobs::parse_outbox_message(two, no_robot));
}

TEST(SmsOutbox, AMobileIsShownAsItsFirstThreeAndLastFour) {
  EXPECT_EQ(jobs::mask_mobile("13812345678"), "138****5678");
  EXPECT_EQ(jobs::mask_mobile("1234567"), "****");
}

TEST(SmsGateway, TheSignatureIsHexHmacSha256OfTheBody) {
  // RFC 4231-style known answer (the Wikipedia HMAC example).
  EXPECT_EQ(sms::sms_signature("key", "The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

class SmsGatewayAgainstDouble : public ::testing::Test {
 protected:
  void SetUp() override { dt_.start(); }
  sms::SmsGateway gateway(const std::string& secret) {
    return sms::SmsGateway(config::SmsConfig{dt_.base_url() + "/sms/send", secret});
  }
  dingtalk_double::DingTalkDouble dt_;
};

TEST_F(SmsGatewayAgainstDouble, ASignedMessageArrivesOnce) {
  Outcome o = gateway("demo-sms-secret").send("13812345678", "【测试】您好");
  ASSERT_TRUE(o.ok()) << o.message();
  auto got = dt_.sms_received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["mobile"], "13812345678");
  EXPECT_EQ(got[0]["content"], "【测试】您好");
}

TEST_F(SmsGatewayAgainstDouble, AWrongSecretIsARefusalNamingTheSignature) {
  Outcome o = gateway("not-the-secret").send("13812345678", "您好");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.code(), Status::InvalidArgument);
  EXPECT_EQ(o.message(), "the SMS gateway answered HTTP 401: signature does not match");
  EXPECT_TRUE(dt_.sms_received().empty());
}

TEST_F(SmsGatewayAgainstDouble, AnOutageIsWorthARetry) {
  dt_.fail_next("/sms/send", 1, 503, -1);
  Outcome o = gateway("demo-sms-secret").send("13812345678", "您好");
  EXPECT_EQ(o.code(), Status::Unavailable) << o.message();
  EXPECT_EQ(o.message().find("13812345678"), std::string::npos);
  dt_.stop();
  Outcome down = gateway("demo-sms-secret").send("13812345678", "您好");
  EXPECT_EQ(down.code(), Status::Unavailable) << down.message();
}

struct RecordingCourier : jobs::Courier {
  jobs::Delivery deliver(const jobs::OutboxMessage& m) override {
    channels.push_back(m.channel);
    return {};
  }
  std::vector<std::string> channels;
};

TEST(SmsCourier, SmsGoesToTheGatewayEverythingElseToDingTalk) {
  RecordingCourier dingtalk;
  sms::SmsCourier without_gateway(nullptr, &dingtalk);
  jobs::OutboxMessage notice{1, "p", "work_notice", "u1", text("x"), 1};
  EXPECT_EQ(without_gateway.deliver(notice).result, jobs::Delivery::Result::Sent);
  EXPECT_EQ(dingtalk.channels, std::vector<std::string>{"work_notice"});
  jobs::OutboxMessage sms{2, "p", "sms", "13812345678", text("x"), 1};
  auto waiting = without_gateway.deliver(sms);
  EXPECT_EQ(waiting.result, jobs::Delivery::Result::Retry);
  EXPECT_EQ(waiting.retry_after_ms, 600000);
  EXPECT_EQ(dingtalk.channels.size(), 1u);  // an SMS never goes to DingTalk

  sms::SmsCourier without_dingtalk(nullptr, nullptr);
  EXPECT_EQ(without_dingtalk.deliver(notice).result, jobs::Delivery::Result::Retry);
}

}  // namespace
}  // namespace courthub
