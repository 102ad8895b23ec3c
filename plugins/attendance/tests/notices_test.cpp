// SPDX-License-Identifier: Apache-2.0
// The words of attendance's messages, from plain data: a check in words, the reminder, the
// department digest (only exceptions; none → no message), the monthly report (totals, the people
// with most exceptions, the CSV link), and the robot's today / month replies.
#include <gtest/gtest.h>

#include "example_shift.hpp"
#include "notices.hpp"

namespace attendance {
namespace {

using testing::example_shift;
using testing::hm;
using courthub::time::make_date;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

DayResult day(std::vector<DayPunch> punches, std::vector<Cover> covers = {},
              std::vector<Fix> fixes = {}) {
  DayInput in;
  in.shift = &example_shift();
  in.punches = std::move(punches);
  in.covers = std::move(covers);
  in.fixes = std::move(fixes);
  return compute_day(in);
}

DayResult worked_example() { return day({{1, hm(8, 41)}, {2, hm(12, 3)}, {3, hm(17, 10)}}); }

DayResult all_normal() {
  return day({{1, hm(8, 20)}, {2, hm(12, 1)}, {3, hm(13, 29)}, {4, hm(17, 31)}});
}

TEST(NoticeWords, ACheckInWords) {
  const DayResult r = worked_example();
  EXPECT_EQ(check_words(r.checks[0]), "上班 08:30 迟到 11 分钟（08:41 打卡）");
  EXPECT_EQ(check_words(r.checks[1]), "下班 12:00 正常（12:03 打卡）");
  EXPECT_EQ(check_words(r.checks[2]), "上班 13:30 缺卡");
  EXPECT_EQ(check_words(r.checks[3]), "下班 17:30 早退 20 分钟（17:10 打卡）");
  EXPECT_EQ(check_words(day({{1, hm(9, 0)}}).checks[0]), "上班 08:30 严重迟到 30 分钟（09:00 打卡）");
  EXPECT_EQ(check_words(day({{1, hm(9, 30)}}).checks[0]), "上班 08:30 旷工迟到 60 分钟（09:30 打卡）");
  const DayResult covered = day({}, {{"o1", "outing", "", hm(13, 0), hm(16, 0)},
                                     {"l1", "leave", "病假", hm(8, 0), hm(9, 0)}},
                                {{"f1", CheckType::OffDuty, hm(17, 30)}});
  EXPECT_EQ(check_words(covered.checks[0]), "上班 08:30 正常（病假）");
  EXPECT_EQ(check_words(covered.checks[2]), "上班 13:30 正常（外出）");
  EXPECT_EQ(check_words(covered.checks[3]), "下班 17:30 正常（补卡）");
}

TEST(NoticeWords, DayCounts) {
  EXPECT_EQ(day_count_words(1.0), "1");
  EXPECT_EQ(day_count_words(0.5), "0.5");
  EXPECT_EQ(day_count_words(2.25), "2.25");
  EXPECT_EQ(day_count_words(1.0 / 3 + 1.0 / 3 + 1.0 / 3), "1");
  EXPECT_EQ(day_count_words(0), "0");
}

TEST(NoticeWords, TheReminderNamesTheDayTheTimeAndLinksThePage) {
  const NoticeText n = reminder_text(make_date(2026, 12, 8), hm(8, 30), "https://ch.example/apps/attendance/ui/");
  EXPECT_TRUE(has(n.text, "12月8日 周二")) << n.text;
  EXPECT_TRUE(has(n.text, "08:30"));
  EXPECT_TRUE(has(n.text, "[去打卡](https://ch.example/apps/attendance/ui/)"));
  EXPECT_FALSE(has(reminder_text(make_date(2026, 12, 8), hm(8, 30), "").text, "]("));
}

TEST(NoticeWords, TheDigestListsOnlyExceptionsAndAbsences) {
  const std::vector<DigestEntry> people = {{"张三", worked_example()},
                                           {"李四", day({})},
                                           {"王五", all_normal()},
                                           {"赵六", compute_day(DayInput{DayKind::Rest})}};
  const auto n = digest_text("民一庭", make_date(2026, 12, 7), people, "");
  ASSERT_TRUE(n);
  EXPECT_TRUE(has(n->title, "民一庭")) << n->title;
  EXPECT_TRUE(has(n->title, "2 人异常")) << n->title;
  EXPECT_TRUE(has(n->text, "12月7日 周一"));
  EXPECT_TRUE(has(n->text, "**张三**：上班 08:30 迟到 11 分钟（08:41 打卡）；上班 13:30 缺卡；"
                           "下班 17:30 早退 20 分钟（17:10 打卡）"))
      << n->text;
  EXPECT_FALSE(has(n->text, "12:03")) << "normal checks are not listed";
  EXPECT_TRUE(has(n->text, "**李四**：旷工"));
  EXPECT_FALSE(has(n->text, "王五"));
  EXPECT_FALSE(has(n->text, "赵六"));
}

TEST(NoticeWords, NoExceptionsNoDigest) {
  EXPECT_FALSE(digest_text("民一庭", make_date(2026, 12, 7), {{"王五", all_normal()}}, ""));
  EXPECT_FALSE(digest_text("民一庭", make_date(2026, 12, 7), {}, ""));
}

PersonMonth month_of(std::vector<DayResult> days) { return summarize_month(days); }

TEST(NoticeWords, TheMonthlyReportHasTotalsTheMostExceptionsAndTheCsvLink) {
  const std::vector<MonthEntry> people = {
      {"王五", "立案庭", month_of({all_normal(), all_normal()})},
      {"张三", "民一庭", month_of({worked_example(), all_normal()})},
      {"李四", "民一庭", month_of({day({}), all_normal()})},
      {"钱七", "民一庭",
       month_of({day({{1, hm(8, 41)}, {2, hm(12, 3)}, {3, hm(13, 45)}, {4, hm(17, 10)}}),
                 day({}, {{"l", "leave", "事假", 0, 1440}})})},
  };
  const NoticeText n = monthly_text("沈阳市和平区人民法院", 2026, 11, people,
                                    "/apps/attendance/summary.csv?month=2026-11&court=LN-BC-SY-01");
  EXPECT_EQ(n.title, "考勤月报：沈阳市和平区人民法院 2026年11月");
  EXPECT_TRUE(has(n.text, "人数：4 人，应出勤 8 人天")) << n.text;
  EXPECT_TRUE(has(n.text, "旷工 1 人天"));
  EXPECT_TRUE(has(n.text, "迟到 3 次")) << "张三 1 + 钱七 2";
  EXPECT_TRUE(has(n.text, "共 37 分钟")) << "11 + 11 + 15";
  EXPECT_TRUE(has(n.text, "事假 1 天"));
  // 李四 (an absent day) first, then 张三 (3 checks) and 钱七 (3 checks, more minutes): 钱七
  // first of the two; 王五 has nothing to list.
  const auto li = n.text.find("1. 李四（民一庭）：旷工 1 天");
  const auto qian = n.text.find("2. 钱七（民一庭）：迟到 2 次（26 分钟）、早退 1 次（20 分钟）");
  const auto zhang = n.text.find("3. 张三（民一庭）：迟到 1 次（11 分钟）、早退 1 次（20 分钟）、缺卡 1 次");
  EXPECT_NE(li, std::string::npos) << n.text;
  EXPECT_NE(qian, std::string::npos) << n.text;
  EXPECT_NE(zhang, std::string::npos) << n.text;
  EXPECT_LT(li, qian);
  EXPECT_LT(qian, zhang);
  EXPECT_FALSE(has(n.text, "王五"));
  EXPECT_TRUE(has(n.text, "(/apps/attendance/summary.csv?month=2026-11&court=LN-BC-SY-01)"));
}

TEST(NoticeWords, TheMonthlyReportListsAtMostTopPeople) {
  std::vector<MonthEntry> people;
  for (int i = 0; i < 12; ++i)
    people.push_back({"人员" + std::to_string(i), "", month_of({worked_example()})});
  const NoticeText n = monthly_text("某法院", 2026, 11, people, "", 10);
  EXPECT_TRUE(has(n.text, "10. 人员9："));
  EXPECT_FALSE(has(n.text, "11. "));
  const NoticeText quiet = monthly_text("某法院", 2026, 11, {{"王五", "", month_of({all_normal()})}}, "");
  EXPECT_TRUE(has(quiet.text, "本月无人异常"));
}

TEST(NoticeWords, TodayForTheRobot) {
  const auto d = make_date(2026, 12, 8);
  NoticeText n = today_text(d, true, "冬季作息", day({{1, hm(8, 41)}}));
  EXPECT_TRUE(has(n.text, "12月8日 周二"));
  EXPECT_TRUE(has(n.text, "班次：冬季作息"));
  EXPECT_TRUE(has(n.text, "- 上班 08:30 迟到 11 分钟（08:41 打卡）"));
  EXPECT_TRUE(has(n.text, "- 下班 17:30 未打卡")) << "the day is not over: not yet 缺卡";
  EXPECT_TRUE(has(today_text(d, true, "", compute_day(DayInput{DayKind::Rest})).text, "今天休息"));
  EXPECT_TRUE(has(today_text(d, true, "", compute_day(DayInput{DayKind::Free})).text, "自由工时"));
  EXPECT_TRUE(has(today_text(d, false, "", {}).text, "不在任何考勤组"));
}

TEST(NoticeWords, MonthForTheRobot) {
  PersonMonth m = month_of({worked_example(), day({}), all_normal(),
                            day({}, {{"t", "business_trip", "", 0, 1440}}, {})});
  m.fixes_used = 1;
  const NoticeText n = month_text(make_date(2026, 12, 8), m, "https://x/apps/attendance/ui/");
  EXPECT_TRUE(has(n.text, "2026年12月")) << n.text;
  EXPECT_TRUE(has(n.text, "截至 12月8日 周二"));
  EXPECT_TRUE(has(n.text, "出勤 4 天：正常 2 天，异常 1 天，旷工 1 天"));
  EXPECT_TRUE(has(n.text, "迟到 1 次（11 分钟）、早退 1 次（20 分钟）、缺卡 1 次"));
  EXPECT_TRUE(has(n.text, "补卡 1 次"));
  EXPECT_TRUE(has(n.text, "出差 1 天"));
  EXPECT_TRUE(has(n.text, "[查看我的月历](https://x/apps/attendance/ui/)"));
  EXPECT_TRUE(has(month_text(make_date(2026, 12, 8), month_of({all_normal()}), "").text,
                  "无迟到、早退、缺卡"));
}

TEST(NoticeWords, TheCsvLinkFollowsThePageUrl) {
  Settings s;
  s.page_url = "https://courthub.example/apps/attendance/ui/#/checkin";
  EXPECT_EQ(summary_csv_link(s, "LN-BC-SY-01", 2026, 11),
            "https://courthub.example/apps/attendance/summary.csv?month=2026-11&court=LN-BC-SY-01");
  s.page_url = "";
  EXPECT_EQ(summary_csv_link(s, "LN-BC-SY-01", 2027, 1),
            "/apps/attendance/summary.csv?month=2027-01&court=LN-BC-SY-01");
}

}  // namespace
}  // namespace attendance
