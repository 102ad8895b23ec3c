// SPDX-License-Identifier: Apache-2.0
// hello's own tests, in-process through courthub/testing.hpp: no server, no network.
#include <courthub/testing.hpp>
#include <gtest/gtest.h>

using courthub::Json;
using courthub::testing::PluginHarness;

namespace {

PluginHarness make(Json settings = Json::object()) {
  courthub::testing::HarnessOptions options;
  options.settings = std::move(settings);
  return PluginHarness(HELLO_PLUGIN_FILE, options);
}

}  // namespace

TEST(Hello, RegistersOneOfEachCapability) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  EXPECT_EQ(h.plugin_name(), "hello");
  EXPECT_EQ(h.routes(), std::vector<std::string>{"POST /greetings"});
  EXPECT_EQ(h.commands(), std::vector<std::string>{"hello"});
  EXPECT_EQ(h.subscriptions(), std::vector<std::string>{"user_add_org"});
  EXPECT_EQ(h.jobs(), std::vector<std::string>{"daily-count 0 18 * * 1-5 Asia/Shanghai"});
  EXPECT_EQ(h.card_actions(), std::vector<std::string>{"hello.wave"});
}

TEST(Hello, RouteStoresAGreetingForTheCaller) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  h.add_person({"u1", "张三", "LN-HC", "1001", "审判员", {"judge"}});
  auto r = h.as("u1").post("/greetings", Json::object({{"to", "李四"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["text"].get<std::string>(), "你好，李四！");
  auto rows = h.query("SELECT sender, recipient FROM greetings");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["sender"].get<std::string>(), "u1");
}

TEST(Hello, RouteRejectsAMissingRecipientWithA400) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  auto r = h.post("/greetings", Json::object());
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("'to' is required"),
            std::string::npos);
}

TEST(Hello, RouteRefusesABodyThatIsNotUtf8WithA400) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  auto r = h.request("POST", "/greetings", "{\"to\": \"\xff\xfe\"}");
  EXPECT_EQ(r.status, 400) << r.body;
  Json body = Json::parse(r.body);  // still a JSON answer, itself valid UTF-8
  EXPECT_NE(body["error"]["message"].get<std::string>().find("UTF-8"), std::string::npos) << r.body;
  EXPECT_TRUE(h.query("SELECT id FROM greetings").empty());
}

TEST(Hello, RouteNamesTheFieldOfTheWrongType) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  auto r = h.post("/greetings", Json::object({{"to", 42}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["message"], "'to' must be a string") << r.body;
}

TEST(Hello, CommandUsesTheConfiguredGreeting) {
  auto h = make(Json::object({{"greeting", "早上好"}}));
  auto reply = h.command("hello 王五");
  ASSERT_TRUE(reply.ok) << reply.text;
  EXPECT_TRUE(reply.markdown);
  EXPECT_EQ(reply.text, "**早上好，王五！**");
}

TEST(Hello, NewStaffAreWelcomedOnceEvenIfTheEventComesTwice) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  Json event = Json::object({{"EventType", "user_add_org"}, {"UserId", Json::array({"u9"})}});
  ASSERT_TRUE(h.deliver_event("user_add_org", event).ok);
  ASSERT_TRUE(h.deliver_event("user_add_org", event).ok);
  auto sent = h.outbox();
  ASSERT_EQ(sent.size(), 1u);  // the outbox key made the second send a no-op
  EXPECT_EQ(sent[0]["channel"].get<std::string>(), "work_notice");
  EXPECT_EQ(sent[0]["target"].get<std::string>(), "u9");
  EXPECT_EQ(h.published().size(), 2u);
  EXPECT_EQ(h.published()[0]["topic"].get<std::string>(), "hello.welcomed");
}

TEST(Hello, DailyJobReportsTheCount) {
  auto h = make(Json::object({{"notify", Json::array({"boss"})}}));
  h.post("/greetings", Json::object({{"to", "a"}}));
  h.run_job("daily-count");
  auto sent = h.outbox();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["msg"]["text"]["content"].get<std::string>(), "今日问候 1 次");
}

TEST(Hello, CardWaveNamesWhoPressed) {
  PluginHarness h(HELLO_PLUGIN_FILE);
  h.add_person({"u1", "张三", "LN-HC", "1001", "审判员", {"judge"}});
  auto r = h.as("u1").card_action("hello.wave", Json::object());
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body["cardData"]["cardParamMap"]["waved_by"].get<std::string>(), "张三");
}

TEST(Hello, BadSettingsAreRefusedWithTheirPointer) {
  try {
    make(Json::object({{"greeting", ""}}));
    FAIL() << "empty greeting accepted";
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("settings/greeting: must not be empty"),
              std::string::npos)
        << e.what();
  }
}
