// SPDX-License-Identifier: Apache-2.0
// Days from a period (bug 3): whole days, half days by noon, workdays on a calendar with a
// weekend, a holiday week and a make-up Saturday; filling in and refusing a form's value; the
// template's from_period checked at load.
#include <gtest/gtest.h>

#include "../period_days.hpp"
#include "../settings.hpp"

namespace approvals {
namespace {

using courthub::Json;
using courthub::time::make_date;

// 2026: 国庆 2026-10-01..07 off; Saturday 2026-10-10 a make-up workday.
bool calendar_2026(courthub::time::Date d) {
  if (d == make_date(2026, 10, 10)) return true;
  if (d >= make_date(2026, 10, 1) && d <= make_date(2026, 10, 7)) return false;
  return monday_to_friday(d);
}

double workdays(const char* from, const char* to) {
  return period_days(from, to, true, calendar_2026).value_or(-1);
}
double calendar_days(const char* from, const char* to) {
  return period_days(from, to, false, calendar_2026).value_or(-1);
}

TEST(PeriodDays, WholeDatesCountOnePerDay) {
  EXPECT_EQ(workdays("2026-11-02", "2026-11-06"), 5);
  EXPECT_EQ(calendar_days("2026-11-02", "2026-11-02"), 1);
  // Friday to Monday: the weekend counts only as calendar days.
  EXPECT_EQ(workdays("2026-11-06", "2026-11-09"), 2);
  EXPECT_EQ(calendar_days("2026-11-06", "2026-11-09"), 4);
}

TEST(PeriodDays, HolidaysAndMakeUpDays) {
  // Monday 09-28 to Friday 10-09 across 国庆: 3 + 2 workdays, 12 calendar days.
  EXPECT_EQ(workdays("2026-09-28", "2026-10-09"), 5);
  EXPECT_EQ(calendar_days("2026-09-28", "2026-10-09"), 12);
  // Friday 10-09, the make-up Saturday, Sunday, Monday.
  EXPECT_EQ(workdays("2026-10-09", "2026-10-12"), 3);
}

TEST(PeriodDays, HalfDaysByNoon) {
  EXPECT_EQ(workdays("2026-11-02 09:00", "2026-11-02 12:00"), 0.5);
  EXPECT_EQ(workdays("2026-11-02 13:00", "2026-11-02 17:30"), 0.5);
  EXPECT_EQ(workdays("2026-11-02 12:00", "2026-11-02 17:30"), 0.5);
  EXPECT_EQ(workdays("2026-11-02 09:00", "2026-11-02 17:30"), 1);
  EXPECT_EQ(workdays("2026-11-02 09:00", "2026-11-04 12:00"), 2.5);
  EXPECT_EQ(workdays("2026-11-02 14:00", "2026-11-03 18:00"), 1.5);
  // A period ending at midnight covers nothing of the last day.
  EXPECT_EQ(workdays("2026-11-02 09:00", "2026-11-03 00:00"), 1);
  // Friday afternoon to Monday morning: the weekend is skipped.
  EXPECT_EQ(workdays("2026-11-06 13:00", "2026-11-09 12:00"), 1);
  EXPECT_EQ(calendar_days("2026-11-06 13:00", "2026-11-09 12:00"), 3);
  EXPECT_EQ(workdays("2026-11-02T09:00:00", "2026-11-02 12:00"), 0.5);
}

TEST(PeriodDays, NothingForNonsense) {
  EXPECT_FALSE(period_days("2026-11-03", "2026-11-02", true, calendar_2026));
  EXPECT_FALSE(period_days("2026-11-02 10:00", "2026-11-02 09:00", true, calendar_2026));
  EXPECT_FALSE(period_days("2026-11-02", "2026-11-02 09:00", true, calendar_2026));
  EXPECT_FALSE(period_days("2026-13-02", "2026-13-03", true, calendar_2026));
  EXPECT_FALSE(period_days("1990-01-01", "2026-01-01", false, calendar_2026));
  EXPECT_EQ(workdays("2026-11-07", "2026-11-08"), 0);  // a weekend is a valid, empty period
}

std::shared_ptr<Template> leave_template(const char* count = "workdays") {
  std::vector<SettingsProblem> problems;
  auto tpl = parse_template(
      Json::parse(std::string(R"({"code": "leave", "name": "请假",
        "fields": [
          {"name": "period", "label": "请假时间", "type": "date_range", "format": "datetime"},
          {"name": "days", "label": "请假天数", "type": "number",
           "from_period": {"field": "period", "count": ")") + count + R"("}}],
        "chain": []})"),
      "/templates/0", problems);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].message);
  return tpl;
}

TEST(PeriodDays, FillsInAnAbsentValue) {
  auto tpl = leave_template();
  Json form = Json::parse(R"({"period": ["2026-11-02 09:00", "2026-11-04 12:00"]})");
  PeriodDays out = apply_period_days(*tpl, form, calendar_2026, Disagreement::kRefuse);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(form["days"], 2.5);
  EXPECT_EQ(out.computed, Json::parse(R"({"days": 2.5})"));
}

TEST(PeriodDays, RefusesADisagreeingValueWithTheComputedOne) {
  auto tpl = leave_template();
  Json form = Json::parse(R"({"period": ["2026-11-02 09:00", "2026-11-04 12:00"], "days": 1})");
  PeriodDays out = apply_period_days(*tpl, form, calendar_2026, Disagreement::kRefuse);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].field, "days");
  EXPECT_EQ(out.errors[0].message, "请假天数 must be 2.5: computed from 请假时间 (workdays)");
  EXPECT_EQ(form["days"], 1);  // left as submitted

  Json agreeing = Json::parse(R"({"period": ["2026-11-02 09:00", "2026-11-04 12:00"],
                                  "days": 2.5})");
  EXPECT_TRUE(apply_period_days(*tpl, agreeing, calendar_2026, Disagreement::kRefuse)
                  .errors.empty());
}

TEST(PeriodDays, PreviewOverwritesAndCalendarDaysCount) {
  auto tpl = leave_template("calendar_days");
  Json form = Json::parse(R"({"period": ["2026-11-06 09:00", "2026-11-09 18:00"], "days": 1})");
  PeriodDays out = apply_period_days(*tpl, form, calendar_2026, Disagreement::kOverwrite);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(form["days"], 4);
}

TEST(PeriodDays, AMalformedPeriodComputesNothing) {
  auto tpl = leave_template();
  Json form = Json::parse(R"({"period": ["2026-11-04 09:00", "2026-11-02 12:00"], "days": 1})");
  PeriodDays out = apply_period_days(*tpl, form, calendar_2026, Disagreement::kRefuse);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_TRUE(out.computed.empty());
}

TEST(PeriodDays, TemplateChecksFromPeriod) {
  std::vector<SettingsProblem> problems;
  parse_template(Json::parse(R"({"code": "t", "name": "T",
      "fields": [
        {"name": "note", "type": "text"},
        {"name": "days", "type": "number", "from_period": {"field": "note", "count": "workdays"}},
        {"name": "more", "type": "number", "from_period": {"field": "note", "count": "weeks"}},
        {"name": "label", "type": "text", "from_period": {"field": "note", "count": "workdays"}}],
      "chain": []})"),
                 "/templates/0", problems);
  std::vector<std::string> pointers;
  for (auto& p : problems) pointers.push_back(p.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{"/templates/0/fields/2/from_period/count",
                                                "/templates/0/fields/3/from_period",
                                                "/templates/0/fields/1/from_period/field"}));
}

}  // namespace
}  // namespace approvals
