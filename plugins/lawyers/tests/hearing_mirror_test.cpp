// SPDX-License-Identifier: Apache-2.0
// Reading rooms' hearing events: the payload's checks and the order of rooms' statuses that
// decides which of two states of a hearing is the later.
#include "hearing_mirror.hpp"

#include <gtest/gtest.h>

namespace lawyers {
namespace {

using courthub::Json;

Json payload() {
  return Json::object({{"hearing_id", 7},
                       {"court", "LN-BC-SY-01"},
                       {"case_number", "(2026)辽0102民初1号"},
                       {"start_ms", 1000},
                       {"end_ms", 2000},
                       {"room", "远程视频庭审室"},
                       {"mode", "online"},
                       {"status", "已预约"},
                       {"judge", "j"},
                       {"clerk", "c"},
                       {"changed_ms", 5}});
}

TEST(HearingMirror, ReadsRoomsPayloadAndNormalisesTheCaseNumber) {
  MirroredHearing h = hearing_from_event(payload());
  EXPECT_EQ(h.hearing_id, 7);
  EXPECT_EQ(h.case_number, "（2026）辽0102民初1号");
  EXPECT_EQ(h.start_ms, 1000);
  EXPECT_EQ(h.changed_ms, 5);
}

TEST(HearingMirror, RefusesWhatRoomsNeverSends) {
  for (const char* key : {"hearing_id", "court", "case_number", "start_ms", "end_ms", "status"}) {
    Json p = payload();
    p.erase(key);
    EXPECT_THROW(hearing_from_event(p), courthub::Error) << key;
  }
  Json p = payload();
  p["status"] = "postponed";
  EXPECT_THROW(hearing_from_event(p), courthub::Error);
  p = payload();
  p["end_ms"] = 1000;
  EXPECT_THROW(hearing_from_event(p), courthub::Error);
}

TEST(HearingMirror, StatusesRankAlongRoomsPath) {
  EXPECT_LT(*hearing_status_rank("已预约"), *hearing_status_rank("已通知"));
  EXPECT_LT(*hearing_status_rank("已通知"), *hearing_status_rank("测试通过"));
  EXPECT_LT(*hearing_status_rank("测试通过"), *hearing_status_rank("进行中"));
  for (const char* final : {"已结束", "已改期", "已取消", "已释放"})
    EXPECT_LT(*hearing_status_rank("进行中"), *hearing_status_rank(final)) << final;
  EXPECT_FALSE(hearing_status_rank("unknown"));
  EXPECT_TRUE(hearing_pending("测试通过"));
  EXPECT_FALSE(hearing_pending("进行中"));
  EXPECT_FALSE(hearing_pending("已取消"));
}

}  // namespace
}  // namespace lawyers
