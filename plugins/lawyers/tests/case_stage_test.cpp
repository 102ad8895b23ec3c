// SPDX-License-Identifier: Apache-2.0
// Case stages: codes and labels, forward only, and what a hearing's status proves.
#include "case_stage.hpp"

#include <gtest/gtest.h>

namespace lawyers {
namespace {

using S = CaseStage;

TEST(CaseStage, CodesAndLabelsRoundTrip) {
  EXPECT_EQ(stage_code(S::Filed), "filed");
  EXPECT_EQ(stage_label(S::Filed), "立案");
  EXPECT_EQ(stage_label(S::Scheduled), "排期");
  EXPECT_EQ(stage_label(S::Archived), "归档");
  for (S s : kAllStages) EXPECT_EQ(parse_stage(stage_code(s)), s);
  EXPECT_FALSE(parse_stage("排期"));
  EXPECT_FALSE(parse_stage(""));
}

TEST(CaseStage, MovesOnlyForward) {
  EXPECT_TRUE(moves_forward(S::Filed, S::Assigned));
  EXPECT_TRUE(moves_forward(S::Assigned, S::Decided)) << "stages may be skipped";
  EXPECT_FALSE(moves_forward(S::Heard, S::Heard));
  EXPECT_FALSE(moves_forward(S::Heard, S::Scheduled));
  EXPECT_FALSE(moves_forward(S::Archived, S::Filed));
}

TEST(CaseStage, AHearingProvesSchedulingThenTheHearing) {
  for (const char* s : {"已预约", "已通知", "测试通过"}) EXPECT_EQ(stage_of_hearing(s), S::Scheduled) << s;
  for (const char* s : {"进行中", "已结束"}) EXPECT_EQ(stage_of_hearing(s), S::Heard) << s;
  for (const char* s : {"已改期", "已取消", "已释放", "", "unknown"})
    EXPECT_FALSE(stage_of_hearing(s)) << s;
}

TEST(CaseStage, EvidenceNeverMovesACaseBack) {
  EXPECT_EQ(later_stage(S::Assigned, S::Scheduled), S::Scheduled);
  EXPECT_EQ(later_stage(S::Scheduled, S::Heard), S::Heard);
  EXPECT_EQ(later_stage(S::Heard, S::Scheduled), S::Heard) << "a late 已预约 after 开庭";
  EXPECT_EQ(later_stage(S::Decided, S::Heard), S::Decided);
}

}  // namespace
}  // namespace lawyers
