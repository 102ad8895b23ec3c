// SPDX-License-Identifier: Apache-2.0
// The demo settings (demo-settings.yaml) load, hold the eight demo templates, and accept exactly
// what rooms sends for room_booking and attendance for outside_punch.
#include <yaml-cpp/yaml.h>

#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

// YAML to JSON the way the host types plugin settings: quoted scalars stay text, plain ones
// become null, booleans, integers or decimals when they read as such.
Json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (auto it = node.begin(); it != node.end(); ++it)
        out[it->first.Scalar()] = to_json(it->second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (auto item : node) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return Json(s);
      if (s == "true") return Json(true);
      if (s == "false") return Json(false);
      if (s == "null" || s == "~") return Json();
      try {
        size_t used = 0;
        long long i = std::stoll(s, &used);
        if (used == s.size()) return Json(i);
        double d = std::stod(s, &used);
        if (used == s.size()) return Json(d);
      } catch (...) {
      }
      return Json(s);
    }
    default:
      return Json();
  }
}

class DemoSettings : public ApprovalsTest {
 protected:
  Json settings() override {
    YAML::Node doc = YAML::LoadFile(APPROVALS_DEMO_SETTINGS);
    Json entry = to_json(doc[0]);
    EXPECT_EQ(entry["name"], "approvals");
    return entry["settings"];
  }
};

TEST_F(DemoSettings, HoldTheEightDemoTemplates) {
  auto r = harness().as_admin().get("/templates");
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> names;
  for (courthub::Json doc = r.json(); auto& t : doc["templates"])
    names.push_back(t["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"请假", "出差", "外出", "补卡", "外勤打卡", "公车使用",
                                             "用印", "会议室预订"}));
  // 补卡, 外勤打卡 and 会议室预订 are opened by attendance and rooms, never submitted directly.
  names.clear();
  for (courthub::Json doc = harness().as("T-011").get("/templates").json();
       auto& t : doc["templates"])
    names.push_back(t["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"请假", "出差", "外出", "公车使用", "用印"}));
}

TEST_F(DemoSettings, RoomBookingTakesExactlyTheRoomsForm) {
  auto r = harness().deliver_event(
      "rooms.approval_requested",
      Json::object({{"request_id", "booking:1"}, {"template", "room_booking"},
                    {"originator", "T-011"}, {"title", "会议室预订"},
                    {"form", Json::object({{"room", "第一会议室"}, {"room_id", "12"},
                                           {"court", "T-BC"}, {"start", "2024-05-06 09:00"},
                                           {"end", "2024-05-06 10:00"}, {"subject", "合议"},
                                           {"attendees", 5}})}}));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(events("approvals.request_rejected").empty());
  auto rows = harness().query("SELECT id FROM instance WHERE template = 'room_booking'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(running(rows[0]["id"].get<int64_t>()), std::vector<std::string>{"T-021"});
}

TEST_F(DemoSettings, OutsidePunchTakesExactlyTheAttendanceForm) {
  auto r = harness().deliver_event(
      "attendance.approval_requested",
      Json::object({{"request_id", "punch:7"}, {"template", "outside_punch"},
                    {"originator", "T-011"}, {"title", "外勤打卡：12月8日 08:41 某某街道"},
                    {"form", Json::object({{"time", "2026-12-08 08:41"},
                                           {"address", "沈阳市和平区某某街道"},
                                           {"remark", "外出送达"}})}}));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(events("approvals.request_rejected").empty());
  auto rows = harness().query("SELECT id FROM instance WHERE template = 'outside_punch'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(running(rows[0]["id"].get<int64_t>()), std::vector<std::string>{"T-010"});
}

TEST_F(DemoSettings, LongLeaveOfAJudgeHasThreeSteps) {
  Json form = Json::object({{"leave_type", "年休假"},
                            {"period", Json::array({"2024-05-06 09:00", "2024-05-10 18:00"})},
                            {"days", 5},
                            {"reason", "探亲"}});
  int64_t id = submit("T-011", "leave", form);
  std::vector<std::string> approvers;
  for (courthub::Json doc = detail(id); auto& s : doc["steps"])
    approvers.push_back(s["approvers"].at(0)["user_id"].get<std::string>());
  EXPECT_EQ(approvers, (std::vector<std::string>{"T-010", "T-002", "T-001"}));
  for (auto who : {"T-010", "T-002", "T-001"}) ASSERT_EQ(agree(who, id).status, 200);
  EXPECT_EQ(detail(id)["result"], "agree");
}

TEST_F(DemoSettings, SealNeedsTheChosenReviewerAndThePresidentForTheCourtSeal) {
  Json form = Json::object({{"seals", Json::array({"院章"})},
                            {"document", "关于某某的函"},
                            {"copies", 2},
                            {"department", "9001"},
                            {"files", Json::array({upload_pdf("T-011")})},
                            {"reason", "对外发函"}});
  int64_t id = submit("T-011", "seal", form, Json::object({{"reviewer", "T-014"}}));
  std::vector<std::string> approvers;
  for (courthub::Json doc = detail(id); auto& s : doc["steps"])
    approvers.push_back(s["approvers"].at(0)["user_id"].get<std::string>());
  EXPECT_EQ(approvers, (std::vector<std::string>{"T-014", "T-010", "T-001"}));
  EXPECT_EQ(sent_to("T-021").size(), 1u);  // the seal keeper is copied at the start
}

}  // namespace
}  // namespace approvals::testing
