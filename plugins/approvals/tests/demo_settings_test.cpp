// SPDX-License-Identifier: Apache-2.0
// The demo settings (demo-settings.yaml) load, hold the thirteen demo templates, and accept exactly
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
  EXPECT_EQ(names, (std::vector<std::string>{"请假", "出差", "外出", "加班", "调休", "补卡",
                                             "外勤打卡", "公车使用", "用印", "阅卷申请", "调查令",
                                             "延长审限", "会议室预订"}));
  // 补卡, 外勤打卡 and 会议室预订 are opened by attendance and rooms, never submitted directly.
  names.clear();
  for (courthub::Json doc = harness().as("T-011").get("/templates").json();
       auto& t : doc["templates"])
    names.push_back(t["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"请假", "出差", "外出", "加班", "调休", "公车使用",
                                             "用印", "阅卷申请", "调查令", "延长审限"}));
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

TEST_F(DemoSettings, LeaveDaysComeFromThePeriodInWorkdays) {
  // Bug 3: one day claimed for two working weeks is refused with the computed value.
  Json form = Json::object({{"leave_type", "事假"},
                            {"period", Json::array({"2026-11-02 09:00", "2026-11-13 17:30"})},
                            {"days", 1},
                            {"reason", "家中有事"}});
  auto refused = submit_as("T-011", "leave", form);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json()["error"]["details"][0]["message"],
            "请假天数 must be 10: computed from 请假时间 (workdays)");
  form.erase("days");
  int64_t id = submit("T-011", "leave", form);
  EXPECT_EQ(detail(id)["form"]["days"], 10);
  EXPECT_EQ(running(id), std::vector<std::string>{"T-010"});
  std::vector<std::string> approvers;
  for (courthub::Json doc = detail(id); auto& s : doc["steps"])
    approvers.push_back(s["approvers"].at(0)["user_id"].get<std::string>());
  EXPECT_EQ(approvers, (std::vector<std::string>{"T-010", "T-002", "T-001"}));  // > 3: 院长
}

TEST_F(DemoSettings, TripDaysAreCalendarDaysAndTimeOffDaysWorkdays) {
  // Friday to Monday: four calendar days of travel, two workdays of 调休.
  int64_t trip = submit("T-011", "business_trip",
                        Json::object({{"destination", "北京"},
                                      {"period", Json::array({"2026-11-06", "2026-11-09"})},
                                      {"transport", "火车"},
                                      {"reason", "参加培训"}}));
  EXPECT_EQ(detail(trip)["form"]["days"], 4);
  int64_t off = submit("T-011", "time_off",
                       Json::object({{"period",
                                      Json::array({"2026-11-06 13:30", "2026-11-09 17:30"})}}));
  EXPECT_EQ(detail(off)["form"]["days"], 1.5);
  EXPECT_EQ(running(off), std::vector<std::string>{"T-010"});
}

TEST_F(DemoSettings, TrialExtensionGoesToThePresidentAboveThirtyDays) {
  auto chain = [&](int days) {
    int64_t id = submit("T-011", "trial_extension",
                        Json::object({{"case_number", "（2026）辽0102民初123号"},
                                      {"procedure", "普通程序"},
                                      {"deadline", "2026-12-31"},
                                      {"extension_days", days},
                                      {"reason", "需要鉴定"}}));
    std::vector<std::string> approvers;
    for (courthub::Json doc = detail(id); auto& s : doc["steps"])
      approvers.push_back(s["approvers"].at(0)["user_id"].get<std::string>());
    return approvers;
  };
  EXPECT_EQ(chain(30), (std::vector<std::string>{"T-010", "T-002"}));
  EXPECT_EQ(chain(180), (std::vector<std::string>{"T-010", "T-002", "T-001"}));
}

TEST_F(DemoSettings, FileAccessGoesToTheCasesJudgeThenTheDivisionHead) {
  // As the lawyers plugin will ask for it: the clerk receiving it originates, the judge chosen.
  auto r = harness().deliver_event(
      "lawyers.approval_requested",
      Json::object({{"request_id", "access:1"}, {"template", "file_access"},
                    {"originator", "T-013"}, {"title", "阅卷申请：（2026）辽0102民初123号"},
                    {"approvers", Json::object({{"judge", Json::array({"T-012"})}})},
                    {"form", Json::object({{"case_number", "（2026）辽0102民初123号"},
                                           {"applicant", "张律师"},
                                           {"applicant_kind", "代理律师"},
                                           {"materials", Json::array({"正卷", "庭审笔录"})},
                                           {"access_period",
                                            Json::array({"2026-11-02", "2026-11-06"})},
                                           {"reason", "准备庭审"}})}}));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(events("approvals.request_rejected").empty());
  auto rows = harness().query("SELECT id FROM instance WHERE template = 'file_access'");
  ASSERT_EQ(rows.size(), 1u);
  int64_t id = rows[0]["id"].get<int64_t>();
  EXPECT_EQ(running(id), std::vector<std::string>{"T-012"});
  ASSERT_EQ(agree("T-012", id).status, 200);
  EXPECT_EQ(running(id), std::vector<std::string>{"T-010"});
}

TEST_F(DemoSettings, InvestigationOrderGoesToTheDivisionHead) {
  int64_t id = submit("T-011", "investigation_order",
                      Json::object({{"case_number", "（2026）辽0102民初123号"},
                                    {"lawyer", "张律师"},
                                    {"law_firm", "某某律师事务所"},
                                    {"holder", "某某银行"},
                                    {"evidence", "被告 2025 年银行流水"},
                                    {"valid_until", "2026-12-31"},
                                    {"reason", "银行不向个人提供"}}));
  EXPECT_EQ(running(id), std::vector<std::string>{"T-010"});
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
