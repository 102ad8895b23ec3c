// SPDX-License-Identifier: Apache-2.0
// The remind-pending job counts working minutes on the host's work calendar and sends only in
// working hours on workdays.
#include "harness_fixture.hpp"

#include <courthub/time.hpp>

namespace approvals::testing {
namespace {

int64_t at(int month, int day, int hour, int minute = 0) {
  return courthub::time::to_unix_ms(
      courthub::time::make_date(2026, static_cast<unsigned>(month), static_cast<unsigned>(day)),
      hour * 60 + minute);
}

class WorkingHoursReminders : public ApprovalsTest {
 protected:
  Json settings() override {
    return test_settings(Json::object({{"remind_after_minutes", 60}}));
  }
  int64_t submit_at(int64_t when) {
    harness().set_now_ms(when);
    int64_t id = submit("T-011", "leave", leave_form(2));
    harness().clear_outbox();
    return id;
  }
  size_t reminders_at(int64_t when) {
    harness().run_job("remind-pending", when);
    size_t n = 0;
    for (auto& m : sent_to("T-010"))
      if (m["msg"].contains("markdown") && m["msg"]["markdown"]["title"] == "催办：待你审批") ++n;
    return n;
  }
};

TEST_F(WorkingHoursReminders, TheEveningAndTheWeekendDoNotCount) {
  submit_at(at(11, 6, 17));                      // Friday 17:00
  EXPECT_EQ(reminders_at(at(11, 6, 18)), 0u);    // an hour later, but 30 working minutes
  EXPECT_EQ(reminders_at(at(11, 7, 10)), 0u);    // Saturday
  EXPECT_EQ(reminders_at(at(11, 9, 8, 50)), 0u); // Monday: 30 + 20 working minutes
  EXPECT_EQ(reminders_at(at(11, 9, 9)), 1u);     // 60
  EXPECT_EQ(reminders_at(at(11, 9, 9, 30)), 1u); // same period
  // It says the working time waited (one hour), not the 64 hours on the clock.
  std::string text;
  for (auto& m : sent_to("T-010"))
    if (m["msg"].contains("markdown")) text = m["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("已等待 1 个工作小时"), std::string::npos) << text;
}

TEST_F(WorkingHoursReminders, SentOnlyInsideWorkingHours) {
  submit_at(at(11, 2, 8, 30));                    // Monday 08:30
  EXPECT_EQ(reminders_at(at(11, 2, 18)), 0u);     // nine periods due, but after hours
  EXPECT_EQ(reminders_at(at(11, 2, 23)), 0u);
  EXPECT_EQ(reminders_at(at(11, 3, 8, 30)), 1u);  // Tuesday morning: one reminder, not nine
}

TEST_F(WorkingHoursReminders, HolidaysFollowTheHostCalendar) {
  submit_at(at(9, 30, 17));                       // Wednesday before 国庆
  EXPECT_EQ(reminders_at(at(10, 2, 10)), 0u);     // 国庆: not a workday
  EXPECT_EQ(reminders_at(at(10, 8, 8, 50)), 0u);  // 30 + 20
  EXPECT_EQ(reminders_at(at(10, 8, 9)), 1u);
}

TEST_F(WorkingHoursReminders, AMakeUpSaturdayIsAWorkday) {
  submit_at(at(10, 9, 17));                       // Friday before the make-up Saturday
  EXPECT_EQ(reminders_at(at(10, 10, 9)), 1u);     // Saturday 10-10 is a workday (调休)
}

TEST(WorkingHoursSettings, ANonsenseWorkingDayIsASettingsError) {
  courthub::testing::HarnessOptions options;
  options.settings = test_settings(Json::object({{"working_hours", "17:30-08:30"}}));
  try {
    PluginHarness h(APPROVALS_PLUGIN_FILE, options);
    FAIL() << "settings accepted";
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/working_hours"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace approvals::testing
