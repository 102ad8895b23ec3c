// SPDX-License-Identifier: Apache-2.0
// One day's result, rule by rule of attendance-rules.md §2–§6, expectations computed by hand:
// the worked example (both variants), every window edge minute, seconds dropped, flex, the three
// late classes at their thresholds, early, which punch counts, 外勤 punches waiting for approval,
// rest and free days, covers (edges, several at once), 补卡 (nearest check, ties), absent vs
// missing, and the day's counts.
#include <gtest/gtest.h>

#include <courthub/time.hpp>

#include "day_rules.hpp"
#include "example_shift.hpp"

namespace attendance {
namespace {

using testing::example_shift;
using testing::hm;

const Shift& winter() { return example_shift(); }

DayInput work(std::vector<DayPunch> punches, const Shift& shift = winter()) {
  DayInput in;
  in.kind = DayKind::Work;
  in.shift = &shift;
  in.punches = std::move(punches);
  return in;
}

DayPunch at(int64_t id, int minute, bool eligible = true) { return {id, minute, eligible}; }

// Which check (0..3) a lone punch at `minute` counts for, or -1.
int check_of_lone_punch(int minute) {
  const DayResult r = compute_day(work({at(7, minute)}));
  for (size_t i = 0; i < r.checks.size(); ++i)
    if (r.checks[i].source == CheckSource::Punch) return static_cast<int>(i);
  return -1;
}

// The OnDuty 08:30 result of a day with one punch at `minute` under `shift`.
CheckResult morning(int minute, const Shift& shift = winter()) {
  return compute_day(work({at(1, minute)}, shift)).checks.at(0);
}

// ---- §6 worked example ----------------------------------------------------------------------

TEST(DayRules, WorkedExample) {
  const DayResult r = compute_day(work({at(1, hm(8, 41)), at(2, hm(12, 3)), at(3, hm(17, 10))}));
  ASSERT_EQ(r.checks.size(), 4u);
  EXPECT_EQ(r.checks[0].result, TimeResult::Late);
  EXPECT_EQ(r.checks[0].late_minutes, 11);
  EXPECT_EQ(r.checks[0].punch_id, 1);
  EXPECT_EQ(r.checks[0].user_minute, hm(8, 41));
  EXPECT_EQ(r.checks[1].result, TimeResult::Normal);
  EXPECT_EQ(r.checks[1].user_minute, hm(12, 3));
  EXPECT_EQ(r.checks[2].result, TimeResult::NotSigned);
  EXPECT_EQ(r.checks[2].source, CheckSource::None);
  EXPECT_EQ(r.checks[2].user_minute, -1);
  EXPECT_EQ(r.checks[3].result, TimeResult::Early);
  EXPECT_EQ(r.checks[3].early_minutes, 20);
  EXPECT_EQ(r.checks[3].punch_id, 3);
  EXPECT_EQ(r.status, DayStatus::Exception);
  EXPECT_EQ(r.counts.late, 1);
  EXPECT_EQ(r.counts.late_minutes, 11);
  EXPECT_EQ(r.counts.early, 1);
  EXPECT_EQ(r.counts.early_minutes, 20);
  EXPECT_EQ(r.counts.missing, 1);
  EXPECT_EQ(r.counts.serious_late, 0);
  EXPECT_EQ(r.counts.absenteeism, 0);
  EXPECT_EQ(r.counted_punch_ids, (std::vector<int64_t>{1, 2, 3}));
}

TEST(DayRules, WorkedExampleWithAnOutingFrom1300To1600) {
  DayInput in = work({at(1, hm(8, 41)), at(2, hm(12, 3)), at(3, hm(17, 10))});
  in.covers.push_back({"inst-outing", "outing", "", hm(13, 0), hm(16, 0)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[2].result, TimeResult::Normal);
  EXPECT_EQ(r.checks[2].source, CheckSource::Cover);
  EXPECT_EQ(r.checks[2].approval_id, "inst-outing");
  EXPECT_EQ(r.checks[2].approval_kind, "outing");
  EXPECT_EQ(r.checks[2].user_minute, -1);
  EXPECT_EQ(r.checks[3].result, TimeResult::Early) << "17:30 lies after the outing's end";
  EXPECT_EQ(r.checks[0].result, TimeResult::Late);
  EXPECT_EQ(r.counts.missing, 0);
  EXPECT_EQ(r.counts.late, 1);
  EXPECT_EQ(r.counts.early, 1);
  EXPECT_EQ(r.status, DayStatus::Exception);
}

// ---- §1 windows at their boundary minutes ---------------------------------------------------

TEST(DayRules, WindowsAtTheirBoundaryMinutes) {
  EXPECT_EQ(check_of_lone_punch(hm(6, 29)), -1);
  EXPECT_EQ(check_of_lone_punch(hm(6, 30)), 0);
  EXPECT_EQ(check_of_lone_punch(hm(10, 14)), 0);
  EXPECT_EQ(check_of_lone_punch(hm(10, 15)), 1);
  EXPECT_EQ(check_of_lone_punch(hm(12, 44)), 1);
  EXPECT_EQ(check_of_lone_punch(hm(12, 45)), 2);
  EXPECT_EQ(check_of_lone_punch(hm(15, 29)), 2);
  EXPECT_EQ(check_of_lone_punch(hm(15, 30)), 3);
  EXPECT_EQ(check_of_lone_punch(hm(21, 30)), 3);
  EXPECT_EQ(check_of_lone_punch(hm(21, 31)), -1);
}

TEST(DayRules, APunchAtAWindowEdgeIsJudgedAgainstItsOwnCheck) {
  DayResult r = compute_day(work({at(1, hm(10, 14))}));
  EXPECT_EQ(r.checks[0].result, TimeResult::Absenteeism);
  EXPECT_EQ(r.checks[0].late_minutes, 104);
  r = compute_day(work({at(1, hm(10, 15))}));
  EXPECT_EQ(r.checks[1].result, TimeResult::Early);
  EXPECT_EQ(r.checks[1].early_minutes, 105);
  r = compute_day(work({at(1, hm(15, 29))}));
  EXPECT_EQ(r.checks[2].result, TimeResult::Absenteeism);
  EXPECT_EQ(r.checks[2].late_minutes, 119);
  r = compute_day(work({at(1, hm(15, 30))}));
  EXPECT_EQ(r.checks[3].result, TimeResult::Early);
  EXPECT_EQ(r.checks[3].early_minutes, 120);
}

TEST(DayRules, APunchInNoWindowIsARecordOnly) {
  const DayResult r = compute_day(work({at(1, hm(6, 29)), at(2, hm(8, 20)), at(3, hm(21, 31))}));
  EXPECT_EQ(r.counted_punch_ids, (std::vector<int64_t>{2}));
  EXPECT_EQ(r.checks[3].result, TimeResult::NotSigned);
}

// ---- seconds dropped -------------------------------------------------------------------------

TEST(DayRules, SecondsAreDropped) {
  const auto day = courthub::time::make_date(2026, 12, 8);
  const int64_t at_0830 = courthub::time::to_unix_ms(day, hm(8, 30));
  EXPECT_EQ(punch_minute(at_0830 + 59'999), hm(8, 30));  // 08:30:59.999 counts as 08:30
  EXPECT_EQ(punch_minute(at_0830 + 60'000), hm(8, 31));
  EXPECT_EQ(punch_minute(at_0830 - 1), hm(8, 29));
  // So 08:30:59 is on time and 08:31:00 one minute late.
  EXPECT_EQ(morning(punch_minute(at_0830 + 59'000)).result, TimeResult::Normal);
  const CheckResult late = morning(punch_minute(at_0830 + 60'000));
  EXPECT_EQ(late.result, TimeResult::Late);
  EXPECT_EQ(late.late_minutes, 1);
  // And 17:29:59 is still a minute early.
  const int64_t at_1729_59 = courthub::time::to_unix_ms(day, hm(17, 29)) + 59'000;
  const DayResult r = compute_day(work({at(1, punch_minute(at_1729_59))}));
  EXPECT_EQ(r.checks[3].result, TimeResult::Early);
  EXPECT_EQ(r.checks[3].early_minutes, 1);
}

// ---- §3 OnDuty: on time, flex, the three late classes -----------------------------------------

TEST(DayRules, OnDutyAtOrBeforePlanIsNormal) {
  EXPECT_EQ(morning(hm(6, 30)).result, TimeResult::Normal);
  EXPECT_EQ(morning(hm(8, 30)).result, TimeResult::Normal);
  EXPECT_EQ(morning(hm(8, 30)).late_minutes, 0);
}

TEST(DayRules, LateClassesAtTheirThresholds) {
  struct Case { int minute; TimeResult result; int late; };
  for (const Case& c : {Case{hm(8, 31), TimeResult::Late, 1},
                        Case{hm(8, 59), TimeResult::Late, 29},
                        Case{hm(9, 0), TimeResult::SeriousLate, 30},
                        Case{hm(9, 29), TimeResult::SeriousLate, 59},
                        Case{hm(9, 30), TimeResult::Absenteeism, 60},
                        Case{hm(9, 31), TimeResult::Absenteeism, 61}}) {
    const CheckResult r = morning(c.minute);
    EXPECT_EQ(r.result, c.result) << c.minute;
    EXPECT_EQ(r.late_minutes, c.late) << c.minute;
  }
}

TEST(DayRules, EachLateClassIsCountedAndTheirMinutesSummed) {
  // 08:59 Late 29; 14:00 SeriousLate 30 (second section, 13:30).
  DayResult r = compute_day(work({at(1, hm(8, 59)), at(2, hm(14, 0))}));
  EXPECT_EQ(r.counts.late, 1);
  EXPECT_EQ(r.counts.serious_late, 1);
  EXPECT_EQ(r.counts.absenteeism, 0);
  EXPECT_EQ(r.counts.late_minutes, 59);
  // 09:30 Absenteeism 60; 13:31 Late 1.
  r = compute_day(work({at(1, hm(9, 30)), at(2, hm(13, 31))}));
  EXPECT_EQ(r.counts.absenteeism, 1);
  EXPECT_EQ(r.counts.late, 1);
  EXPECT_EQ(r.counts.late_minutes, 61);
  EXPECT_EQ(r.counts.missing, 2);
  EXPECT_EQ(r.status, DayStatus::Exception);
}

TEST(DayRules, FlexShiftsTheClassesButNotTheReportedMinutes) {
  Shift s = winter();
  s.rules.flex_minutes = 10;
  EXPECT_EQ(morning(hm(8, 40), s).result, TimeResult::Normal) << "m = 0 at exactly the flex";
  EXPECT_EQ(morning(hm(8, 40), s).late_minutes, 0);
  EXPECT_EQ(morning(hm(8, 41), s).result, TimeResult::Late);
  EXPECT_EQ(morning(hm(8, 41), s).late_minutes, 11) << "t - P, without the flex";
  EXPECT_EQ(morning(hm(9, 9), s).result, TimeResult::Late);          // m = 29
  EXPECT_EQ(morning(hm(9, 10), s).result, TimeResult::SeriousLate);  // m = 30
  EXPECT_EQ(morning(hm(9, 10), s).late_minutes, 40);
  EXPECT_EQ(morning(hm(9, 39), s).result, TimeResult::SeriousLate);  // m = 59
  EXPECT_EQ(morning(hm(9, 40), s).result, TimeResult::Absenteeism);  // m = 60
  EXPECT_EQ(morning(hm(9, 40), s).late_minutes, 70);
}

TEST(DayRules, ThresholdsFollowTheShiftSettings) {
  Shift s = winter();
  s.rules.serious_late_minutes = 15;
  s.rules.absent_late_minutes = 45;
  EXPECT_EQ(morning(hm(8, 44), s).result, TimeResult::Late);
  EXPECT_EQ(morning(hm(8, 45), s).result, TimeResult::SeriousLate);
  EXPECT_EQ(morning(hm(9, 14), s).result, TimeResult::SeriousLate);
  EXPECT_EQ(morning(hm(9, 15), s).result, TimeResult::Absenteeism);
}

TEST(DayRules, FlexDoesNotApplyToOffDuty) {
  Shift s = winter();
  s.rules.flex_minutes = 10;
  const DayResult r = compute_day(work({at(1, hm(17, 25))}, s));
  EXPECT_EQ(r.checks[3].result, TimeResult::Early);
  EXPECT_EQ(r.checks[3].early_minutes, 5);
}

// ---- §3 OffDuty ------------------------------------------------------------------------------

TEST(DayRules, OffDutyEarlyOneMinuteBeforePlanNormalAtPlan) {
  DayResult r = compute_day(work({at(1, hm(17, 29))}));
  EXPECT_EQ(r.checks[3].result, TimeResult::Early);
  EXPECT_EQ(r.checks[3].early_minutes, 1);
  EXPECT_EQ(r.checks[3].late_minutes, 0);
  r = compute_day(work({at(1, hm(17, 30))}));
  EXPECT_EQ(r.checks[3].result, TimeResult::Normal);
  EXPECT_EQ(r.checks[3].early_minutes, 0);
  r = compute_day(work({at(1, hm(21, 0))}));
  EXPECT_EQ(r.checks[3].result, TimeResult::Normal);
}

// ---- §2 which punch counts -------------------------------------------------------------------

TEST(DayRules, OnDutyCountsTheEarliestOffDutyTheLatestPunchOfTheWindow) {
  // Given out of time order on purpose: the choice is by minute.
  const DayResult r = compute_day(work({at(1, hm(8, 40)), at(2, hm(7, 0)), at(3, hm(18, 0)),
                                        at(4, hm(16, 0)), at(5, hm(17, 40))}));
  EXPECT_EQ(r.checks[0].punch_id, 2);
  EXPECT_EQ(r.checks[0].result, TimeResult::Normal) << "07:00, not the late 08:40";
  EXPECT_EQ(r.checks[3].punch_id, 3);
  EXPECT_EQ(r.checks[3].result, TimeResult::Normal) << "18:00, not the early 16:00";
  EXPECT_EQ(r.counted_punch_ids, (std::vector<int64_t>{2, 3}));
}

TEST(DayRules, AtTheSameMinuteOnDutyTakesTheFirstAndOffDutyTheLastListed) {
  // Punches arrive in time order; within a minute the first is the earliest instant.
  const DayResult r = compute_day(work({at(1, hm(8, 0)), at(2, hm(8, 0)), at(3, hm(18, 0)),
                                        at(4, hm(18, 0))}));
  EXPECT_EQ(r.checks[0].punch_id, 1);
  EXPECT_EQ(r.checks[3].punch_id, 4);
}

TEST(DayRules, APunchWaitingForItsOutsideApprovalDoesNotCount) {
  DayResult r = compute_day(work({at(1, hm(8, 0), false), at(2, hm(8, 45))}));
  EXPECT_EQ(r.checks[0].punch_id, 2);
  EXPECT_EQ(r.checks[0].result, TimeResult::Late);
  EXPECT_EQ(r.checks[0].late_minutes, 15);
  r = compute_day(work({at(1, hm(17, 40)), at(2, hm(18, 0), false)}));
  EXPECT_EQ(r.checks[3].punch_id, 1);
  r = compute_day(work({at(1, hm(8, 0), false), at(2, hm(17, 30), false)}));
  EXPECT_EQ(r.status, DayStatus::Absent) << "only ineligible punches: nothing counts";
  EXPECT_TRUE(r.counted_punch_ids.empty());
}

// ---- §4.1 rest and free days -----------------------------------------------------------------

TEST(DayRules, ARestDayHasNoChecksAndItsPunchesAreRecordsOnly) {
  DayInput in = work({at(1, hm(8, 41)), at(2, hm(17, 10))});
  in.kind = DayKind::Rest;
  in.fixes.push_back({"fix-1", CheckType::OnDuty, hm(8, 30)});
  in.covers.push_back({"leave-1", "leave", "事假", 0, 1440});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.status, DayStatus::Rest);
  EXPECT_TRUE(r.checks.empty());
  EXPECT_TRUE(r.counted_punch_ids.empty());
  EXPECT_EQ(r.counts.late + r.counts.early + r.counts.missing, 0);
}

TEST(DayRules, AFreeDayHasNoChecksAndIsNeverLateOrEarly) {
  DayInput in = work({at(1, hm(11, 0))});
  in.kind = DayKind::Free;
  in.shift = nullptr;
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.status, DayStatus::Free);
  EXPECT_TRUE(r.checks.empty());
  EXPECT_EQ(r.counts.missing, 0);
  DayInput nothing;
  nothing.kind = DayKind::Free;
  EXPECT_EQ(compute_day(nothing).status, DayStatus::Free) << "no punch on a free day: not absent";
}

// ---- §4.2 covers -----------------------------------------------------------------------------

TEST(DayRules, ACoverContainsAPlanTimeFromItsStartUpToButNotItsEnd) {
  DayInput in = work({});
  in.covers.push_back({"leave-am", "leave", "事假", hm(8, 30), hm(12, 0)});
  DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].source, CheckSource::Cover) << "start == P covers";
  EXPECT_EQ(r.checks[0].approval_sub_type, "事假");
  EXPECT_EQ(r.checks[1].source, CheckSource::None) << "end == P does not";
  EXPECT_EQ(r.checks[1].result, TimeResult::NotSigned);
  EXPECT_EQ(r.status, DayStatus::Exception) << "a cover is an override: not absent";
  EXPECT_EQ(r.counts.missing, 3);

  in.covers = {{"leave-am", "leave", "事假", hm(8, 31), hm(12, 1)}};
  r = compute_day(in);
  EXPECT_EQ(r.checks[0].source, CheckSource::None) << "start after P";
  EXPECT_EQ(r.checks[1].source, CheckSource::Cover) << "end after P";
}

TEST(DayRules, ACoverWinsOverALatePunchWhichThenDoesNotCount) {
  DayInput in = work({at(1, hm(9, 45)), at(2, hm(12, 5)), at(3, hm(13, 20)), at(4, hm(17, 35))});
  in.covers.push_back({"trip-1", "business_trip", "", hm(8, 0), hm(9, 0)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].result, TimeResult::Normal);
  EXPECT_EQ(r.checks[0].source, CheckSource::Cover);
  EXPECT_EQ(r.checks[0].punch_id, 0);
  EXPECT_EQ(r.checks[0].late_minutes, 0);
  EXPECT_EQ(r.status, DayStatus::Normal);
  EXPECT_EQ(r.counts.late, 0);
  EXPECT_EQ(r.counted_punch_ids, (std::vector<int64_t>{2, 3, 4}));
}

TEST(DayRules, AMultiDayCoverReachingBeyondTheDayCoversEveryCheck) {
  DayInput in = work({});
  in.covers.push_back({"trip-2", "business_trip", "", -1440, 2 * 1440});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.status, DayStatus::Normal);
  for (const CheckResult& c : r.checks) {
    EXPECT_EQ(c.source, CheckSource::Cover);
    EXPECT_EQ(c.approval_kind, "business_trip");
  }
  EXPECT_EQ(r.counts.missing, 0);
}

TEST(DayRules, OverlappingCoversTheEarliestFromThenTheSmallestId) {
  DayInput in = work({});
  in.covers.push_back({"b-later", "outing", "", hm(8, 0), hm(9, 0)});
  in.covers.push_back({"z-earliest", "leave", "病假", hm(7, 0), hm(9, 0)});
  in.covers.push_back({"a-not-containing", "leave", "事假", hm(6, 0), hm(8, 0)});
  DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].approval_id, "z-earliest");
  EXPECT_EQ(r.checks[0].approval_sub_type, "病假");

  in.covers = {{"leave-2", "leave", "年假", hm(8, 0), hm(18, 0)},
               {"leave-10", "leave", "事假", hm(8, 0), hm(12, 30)}};
  r = compute_day(in);
  EXPECT_EQ(r.checks[0].approval_id, "leave-10") << "same from: the smaller id (as text)";
  EXPECT_EQ(r.checks[2].approval_id, "leave-2") << "only one contains 13:30";
}

// ---- §4.3 补卡 --------------------------------------------------------------------------------

TEST(DayRules, AFixMakesItsCheckNormalAtThePlanTime) {
  DayInput in = work({at(1, hm(8, 20)), at(2, hm(12, 5)), at(3, hm(13, 25))});
  in.fixes.push_back({"fix-1", CheckType::OffDuty, hm(17, 30)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[3].result, TimeResult::Normal);
  EXPECT_EQ(r.checks[3].source, CheckSource::Fix);
  EXPECT_EQ(r.checks[3].user_minute, hm(17, 30));
  EXPECT_EQ(r.checks[3].approval_id, "fix-1");
  EXPECT_EQ(r.checks[3].approval_kind, "punch_fix");
  EXPECT_EQ(r.status, DayStatus::Normal);
}

TEST(DayRules, AFixWinsOverAPunchOfItsCheck) {
  DayInput in = work({at(1, hm(9, 40))});
  in.fixes.push_back({"fix-1", CheckType::OnDuty, hm(8, 30)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].source, CheckSource::Fix);
  EXPECT_EQ(r.checks[0].result, TimeResult::Normal);
  EXPECT_EQ(r.counts.absenteeism, 0);
  EXPECT_TRUE(r.counted_punch_ids.empty());
}

TEST(DayRules, ACoverWinsOverAFix) {
  DayInput in = work({});
  in.fixes.push_back({"fix-1", CheckType::OnDuty, hm(8, 30)});
  in.covers.push_back({"leave-1", "leave", "事假", hm(8, 0), hm(9, 0)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].source, CheckSource::Cover);
  EXPECT_EQ(r.checks[0].approval_id, "leave-1");
}

TEST(DayRules, AFixAppliesToTheNearestCheckOfItsTypeTheEarlierOnATie) {
  const auto target = [](CheckType type, int minute) {
    DayInput in = work({});
    in.fixes.push_back({"fix", type, minute});
    const DayResult r = compute_day(in);
    for (size_t i = 0; i < r.checks.size(); ++i)
      if (r.checks[i].source == CheckSource::Fix) return static_cast<int>(i);
    return -1;
  };
  EXPECT_EQ(target(CheckType::OnDuty, hm(9, 0)), 0);
  EXPECT_EQ(target(CheckType::OnDuty, hm(11, 0)), 0) << "150 from both 08:30 and 13:30: earlier";
  EXPECT_EQ(target(CheckType::OnDuty, hm(11, 1)), 2);
  EXPECT_EQ(target(CheckType::OnDuty, hm(10, 59)), 0);
  EXPECT_EQ(target(CheckType::OnDuty, hm(23, 0)), 2);
  EXPECT_EQ(target(CheckType::OffDuty, hm(8, 0)), 1) << "the nearest OffDuty, not the nearest check";
  EXPECT_EQ(target(CheckType::OffDuty, hm(14, 45)), 1) << "165 from 12:00 and 17:30: earlier";
  EXPECT_EQ(target(CheckType::OffDuty, hm(14, 46)), 3);
}

TEST(DayRules, TwoFixesForOneCheckTheFirstListedApplies) {
  DayInput in = work({});
  in.fixes.push_back({"fix-b", CheckType::OnDuty, hm(8, 30)});
  in.fixes.push_back({"fix-a", CheckType::OnDuty, hm(8, 0)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.checks[0].approval_id, "fix-b");
  EXPECT_EQ(r.checks[2].source, CheckSource::None) << "the second fix does not move on";
}

TEST(DayRules, AFixWithNoCheckOfItsTypeAppliesNowhere) {
  const std::vector<PlannedCheck> only_on = {{CheckType::OnDuty, hm(8, 30), 0, 600}};
  EXPECT_FALSE(fix_target(only_on, {"fix", CheckType::OffDuty, hm(8, 30)}));
  EXPECT_EQ(fix_target(only_on, {"fix", CheckType::OnDuty, hm(20, 0)}), 0u);
  EXPECT_FALSE(fix_target({}, {"fix", CheckType::OnDuty, hm(8, 30)}));
}

// ---- §5 the day ------------------------------------------------------------------------------

TEST(DayRules, NoPunchNoOverrideIsOneAbsentDayNotFourMissingChecks) {
  const DayResult r = compute_day(work({}));
  EXPECT_EQ(r.status, DayStatus::Absent);
  ASSERT_EQ(r.checks.size(), 4u);
  for (const CheckResult& c : r.checks) EXPECT_EQ(c.result, TimeResult::NotSigned);
  EXPECT_EQ(r.counts.missing, 0);
  EXPECT_EQ(r.counts.late + r.counts.serious_late + r.counts.absenteeism + r.counts.early, 0);
}

TEST(DayRules, PunchesOutsideEveryWindowStillMakeAnAbsentDay) {
  const DayResult r = compute_day(work({at(1, hm(5, 0)), at(2, hm(22, 0))}));
  EXPECT_EQ(r.status, DayStatus::Absent);
  EXPECT_TRUE(r.counted_punch_ids.empty());
}

TEST(DayRules, OneCountingPunchMakesTheRestMissingNotAbsent) {
  const DayResult r = compute_day(work({at(1, hm(8, 0))}));
  EXPECT_EQ(r.status, DayStatus::Exception);
  EXPECT_EQ(r.counts.missing, 3);
  const DayResult late_only = compute_day(work({at(1, hm(9, 50))}));
  EXPECT_EQ(late_only.status, DayStatus::Exception) << "an Absenteeism check is still a punch";
  EXPECT_EQ(late_only.counts.absenteeism, 1);
  EXPECT_EQ(late_only.counts.missing, 3);
}

TEST(DayRules, AFixAloneMakesTheRestMissingNotAbsent) {
  DayInput in = work({});
  in.fixes.push_back({"fix-1", CheckType::OnDuty, hm(8, 30)});
  const DayResult r = compute_day(in);
  EXPECT_EQ(r.status, DayStatus::Exception);
  EXPECT_EQ(r.counts.missing, 3);
}

TEST(DayRules, EveryCheckNormalIsANormalDay) {
  const DayResult r = compute_day(
      work({at(1, hm(8, 25)), at(2, hm(12, 0)), at(3, hm(13, 30)), at(4, hm(17, 31))}));
  EXPECT_EQ(r.status, DayStatus::Normal);
  EXPECT_EQ(r.counts.missing + r.counts.late + r.counts.early, 0);
  EXPECT_EQ(r.counts.late_minutes + r.counts.early_minutes, 0);
  EXPECT_EQ(r.counted_punch_ids, (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST(DayRules, EarlyCountsAndMinutesSumOverChecks) {
  const DayResult r = compute_day(
      work({at(1, hm(8, 30)), at(2, hm(11, 50)), at(3, hm(13, 30)), at(4, hm(17, 0))}));
  EXPECT_EQ(r.counts.early, 2);
  EXPECT_EQ(r.counts.early_minutes, 40);
  EXPECT_EQ(r.status, DayStatus::Exception);
}

TEST(DayRules, TheRecomputationIsIdempotent) {
  DayInput in = work({at(1, hm(8, 41)), at(2, hm(12, 3)), at(3, hm(17, 10))});
  in.covers.push_back({"o", "outing", "", hm(13, 0), hm(16, 0)});
  const DayResult a = compute_day(in);
  const DayResult b = compute_day(in);
  ASSERT_EQ(a.checks.size(), b.checks.size());
  for (size_t i = 0; i < a.checks.size(); ++i) {
    EXPECT_EQ(a.checks[i].result, b.checks[i].result);
    EXPECT_EQ(a.checks[i].source, b.checks[i].source);
  }
  EXPECT_EQ(a.counted_punch_ids, b.counted_punch_ids);
}

TEST(DayRules, NamesAreDingTalksWords) {
  EXPECT_EQ(name_of(TimeResult::Normal), "Normal");
  EXPECT_EQ(name_of(TimeResult::Early), "Early");
  EXPECT_EQ(name_of(TimeResult::Late), "Late");
  EXPECT_EQ(name_of(TimeResult::SeriousLate), "SeriousLate");
  EXPECT_EQ(name_of(TimeResult::Absenteeism), "Absenteeism");
  EXPECT_EQ(name_of(TimeResult::NotSigned), "NotSigned");
  EXPECT_EQ(name_of(DayStatus::Rest), "rest");
  EXPECT_EQ(name_of(DayStatus::Free), "free");
  EXPECT_EQ(name_of(DayStatus::Normal), "normal");
  EXPECT_EQ(name_of(DayStatus::Exception), "exception");
  EXPECT_EQ(name_of(DayStatus::Absent), "absent");
}

}  // namespace
}  // namespace attendance
