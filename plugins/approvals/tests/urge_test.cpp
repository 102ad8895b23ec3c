// SPDX-License-Identifier: Apache-2.0
// 催办: the originator urges the approvers deciding now, once per urge_interval_minutes (kept
// across a restart), over HTTP and the robot; the detail offers it with next_urge_ms.
#include <filesystem>

#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

constexpr int64_t kMinute = 60000;
constexpr int64_t kMondayTen = 1793584800000;  // 2026-11-02 10:00 in Shanghai

class Urge : public ApprovalsTest {
 protected:
  void SetUp() override {
    ApprovalsTest::SetUp();
    harness().set_now_ms(kMondayTen);
  }
  HttpResult urge(const std::string& user, int64_t id, Json body = Json::object()) {
    return harness().as(user).post("/instances/" + std::to_string(id) + "/urge", body);
  }
  std::vector<Json> urges_to(const std::string& user) {
    std::vector<Json> out;
    for (auto& m : sent_to(user))
      if (m["msg"].contains("markdown") && m["msg"]["markdown"]["title"] == "催办") out.push_back(m);
    return out;
  }
  Json urge_entry(const std::string& user, int64_t id) {
    Json detail = harness().as(user).get("/instances/" + std::to_string(id)).json();
    for (auto& a : detail["allowed_actions"])
      if (a["action"] == "urge") return a;
    return Json();
  }
};

TEST_F(Urge, TheOriginatorUrgesTheCurrentApproversOnce) {
  int64_t id = submit("T-011", "countersign", Json::object());  // T-011 is skipped: T-012
  auto r = urge("T-011", id, Json::object({{"comment", "明天开庭，请尽快"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["urged"], Json::parse(R"([{"user_id": "T-012", "name": "赵法官"}])"));
  EXPECT_EQ(r.json()["next_urge_ms"], kMondayTen + 30 * kMinute);

  auto sent = urges_to("T-012");
  ASSERT_EQ(sent.size(), 1u);
  std::string text = sent[0]["msg"]["markdown"]["text"];
  EXPECT_NE(text.find("明天开庭，请尽快"), std::string::npos);
  EXPECT_NE(text.find("approve " + std::to_string(id)), std::string::npos);
  auto records = harness().query("SELECT user_id, remark, detail, at_ms FROM record WHERE "
                                 "instance_id = ? AND type = 'URGE_TASK'",
                                 {Json(id)});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["user_id"], "T-011");
  EXPECT_EQ(Json::parse(records[0]["detail"].get<std::string>())["users"][0]["user_id"], "T-012");
  EXPECT_EQ(records[0]["at_ms"], kMondayTen);
}

TEST_F(Urge, AgainTooSoonIsRefusedWithTheWait) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  ASSERT_EQ(urge("T-011", id).status, 200);
  harness().advance_ms(10 * kMinute);
  auto again = urge("T-011", id);
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json()["error"]["message"], "已催办，请20分钟后再试");
  EXPECT_EQ(again.json()["error"]["details"]["retry_after_s"], 20 * 60);
  EXPECT_EQ(urge_entry("T-011", id)["next_urge_ms"], kMondayTen + 30 * kMinute);

  harness().advance_ms(20 * kMinute);
  EXPECT_EQ(urge_entry("T-011", id)["next_urge_ms"], 0);
  ASSERT_EQ(urge("T-011", id).status, 200);
  auto sent = urges_to("T-010");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1]["msg"]["markdown"]["title"], "催办");
}

TEST_F(Urge, OnlyTheOriginatorWhileApproversAreDeciding) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  EXPECT_EQ(urge("T-010", id).status, 403);  // the approver
  EXPECT_EQ(urge("T-021", id).status, 403);  // the court_admin
  EXPECT_TRUE(urge_entry("T-010", id).is_null());
  EXPECT_EQ(urge_entry("T-011", id), Json::parse(R"({"action": "urge", "next_urge_ms": 0})"));
  EXPECT_EQ(urge("T-011", 999999).status, 404);

  ASSERT_EQ(agree("T-010", id).status, 200);  // one day: the 庭长 alone, now completed
  EXPECT_EQ(urge("T-011", id).status, 409);
  EXPECT_TRUE(urge_entry("T-011", id).is_null());
}

TEST_F(Urge, TheRobotUrgesInBothLanguages) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  auto ok = harness().as("T-011").command("urge " + std::to_string(id));
  ASSERT_TRUE(ok.ok) << ok.text;
  EXPECT_NE(ok.text.find("王庭长"), std::string::npos);
  auto soon = harness().as("T-011").command("催办 " + std::to_string(id));
  EXPECT_FALSE(soon.ok);
  EXPECT_NE(soon.text.find("已催办，请30分钟后再试"), std::string::npos);
  harness().advance_ms(30 * kMinute);
  auto later = harness().as("T-011").command("催办 " + std::to_string(id) + " 请今天处理");
  ASSERT_TRUE(later.ok) << later.text;
  EXPECT_EQ(urges_to("T-010").size(), 2u);
}

TEST(UrgeAcrossRestart, TheLimitSurvivesARestart) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("approvals-urge-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto options = harness_options(test_settings(Json::object({{"urge_interval_minutes", 60}})));
  options.data_dir = dir.string();
  options.start_ms = kMondayTen;
  int64_t id = 0;
  {
    PluginHarness h(APPROVALS_PLUGIN_FILE, options);
    seed_court(h);
    auto r = h.as("T-011").post("/instances",
                                Json::object({{"template", "leave"}, {"form", leave_form(2)}}));
    ASSERT_EQ(r.status, 201) << r.body;
    id = r.json()["id"].get<int64_t>();
    ASSERT_EQ(h.as("T-011").post("/instances/" + std::to_string(id) + "/urge", Json::object())
                  .status,
              200);
  }
  options.start_ms = kMondayTen + 59 * kMinute;
  {
    PluginHarness h(APPROVALS_PLUGIN_FILE, options);
    seed_court(h);
    auto r = h.as("T-011").post("/instances/" + std::to_string(id) + "/urge", Json::object());
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.json()["error"]["message"], "已催办，请1分钟后再试");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace approvals::testing
