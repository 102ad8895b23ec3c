// SPDX-License-Identifier: Apache-2.0
// Bug 3 over HTTP: a number field with from_period takes its value from the period on the host's
// work calendar. A leave of 10 workdays submitted as 1 day (which the 庭长 alone would approve)
// is refused with the computed value; without days it is filled in and reaches the 院长.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

Json leave_days_template() {
  return Json::parse(R"({"code": "leave_days", "name": "请假（按时间）",
     "fields": [
       {"name": "period", "label": "请假时间", "type": "date_range", "format": "datetime",
        "required": true},
       {"name": "days", "label": "请假天数", "type": "number", "required": true, "min": 0.5,
        "max": 180, "from_period": {"field": "period", "count": "workdays"}}],
     "chain": [
       {"type": "supervisor", "level": 1},
       {"type": "role", "role": "division_leader",
        "when": {"field": "days", "op": "gt", "value": 1}},
       {"type": "role", "role": "president", "when": {"field": "days", "op": "gt", "value": 3}}]})");
}

class PeriodDaysHttp : public ApprovalsTest {
 protected:
  Json settings() override {
    Json templates = test_templates();
    templates.push_back(leave_days_template());
    return test_settings(Json::object({{"templates", templates}}));
  }
  static Json form(const char* from, const char* to, Json days = Json()) {
    Json f = Json::object({{"period", Json::array({from, to})}});
    if (!days.is_null()) f["days"] = days;
    return f;
  }
  std::vector<std::string> planned(int64_t id) {
    std::vector<std::string> out;
    Json d = detail(id);
    for (auto& s : d["steps"])
      for (auto& a : s["approvers"]) out.push_back(a["user_id"].get<std::string>());
    return out;
  }
};

// Two working weeks in November 2026.
constexpr const char* kFrom = "2026-11-02 09:00";
constexpr const char* kTo = "2026-11-13 17:30";

TEST_F(PeriodDaysHttp, OneDayForTenWorkdaysIsRefusedWithTheComputedValue) {
  auto r = submit_as("T-011", "leave_days", form(kFrom, kTo, 1));
  ASSERT_EQ(r.status, 400) << r.body;
  Json details = r.json()["error"]["details"];
  ASSERT_EQ(details.size(), 1u) << r.body;
  EXPECT_EQ(details[0]["field"], "days");
  EXPECT_EQ(details[0]["message"], "请假天数 must be 10: computed from 请假时间 (workdays)");
  EXPECT_TRUE(harness().query("SELECT id FROM instance").empty());
}

TEST_F(PeriodDaysHttp, AbsentDaysAreFilledInAndRouteToThePresident) {
  int64_t id = submit("T-011", "leave_days", form(kFrom, kTo));
  ASSERT_NE(id, 0);
  EXPECT_EQ(detail(id)["form"]["days"], 10);
  EXPECT_EQ(planned(id), (std::vector<std::string>{"T-010", "T-002", "T-001"}));
  // The agreeing value is accepted as it is.
  EXPECT_NE(submit("T-011", "leave_days", form(kFrom, kTo, 10)), 0);
}

TEST_F(PeriodDaysHttp, TheHostWorkCalendarCountsHolidaysAndMakeUpDays) {
  // Wednesday 09-30 to the make-up Saturday 10-10 across 国庆: 09-30, 10-08, 10-09, 10-10.
  auto r = submit_as("T-011", "leave_days", form("2026-09-30 09:00", "2026-10-10 12:00", 8));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["details"][0]["message"],
            "请假天数 must be 3.5: computed from 请假时间 (workdays)");
}

TEST_F(PeriodDaysHttp, ThePreviewFillsInTheDaysAndSaysSo) {
  auto r = harness().as("T-011").post(
      "/templates/leave_days/preview", Json::object({{"form", form(kFrom, kTo, 1)}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["computed"], Json::parse(R"({"days": 10})"));
  std::vector<std::string> people;
  Json preview = r.json();
  for (auto& s : preview["steps"])
    for (auto& p : s["people"]) people.push_back(p["user_id"].get<std::string>());
  EXPECT_EQ(people, (std::vector<std::string>{"T-010", "T-002", "T-001"}));

  auto empty = harness().as("T-011").post("/templates/leave_days/preview",
                                          Json::object({{"form", Json::object()}}));
  EXPECT_EQ(empty.json()["computed"], Json::object());
}

TEST_F(PeriodDaysHttp, TheTemplateShowsWhereTheDaysComeFrom) {
  auto r = harness().as("T-011").get("/templates/leave_days");
  ASSERT_EQ(r.status, 200);
  Json days;
  Json tpl = r.json();
  for (auto& f : tpl["fields"])
    if (f["name"] == "days") days = f;
  EXPECT_EQ(days["from_period"], Json::parse(R"({"field": "period", "count": "workdays"})"));
}

}  // namespace
}  // namespace approvals::testing
