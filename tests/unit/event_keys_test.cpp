// SPDX-License-Identifier: Apache-2.0
// De-duplication keys per DingTalk event type (docs/dingtalk-events.md).
#include <gtest/gtest.h>

#include "host/dingtalk/event_keys.hpp"

namespace courthub::dingtalk {
namespace {

Json parse(const char* s) { return Json::parse(s); }

TEST(EventKeys, ContactEventsKeyOnSortedIdsAndTimestamp) {
  auto a = event_dedup_key(parse(R"({"EventType":"user_add_org","UserId":["b","a"],"TimeStamp":"1"})"));
  auto b = event_dedup_key(parse(R"({"TimeStamp":"1","UserId":["a","b"],"EventType":"user_add_org"})"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, "user_add_org:a,b@1");
  EXPECT_NE(a, event_dedup_key(parse(R"({"EventType":"user_add_org","UserId":["a","b"],"TimeStamp":"2"})")));
  EXPECT_EQ(event_dedup_key(parse(R"({"EventType":"org_dept_create","DeptId":[7,5],"TimeStamp":"9"})")),
            "org_dept_create:5,7@9");
}

TEST(EventKeys, ApprovalEventsKeyOnInstanceTaskTypeAndResult) {
  EXPECT_EQ(event_dedup_key(parse(
                R"({"EventType":"bpms_instance_change","processInstanceId":"p","type":"finish","result":"agree"})")),
            "bpms_instance_change:p:finish:agree");
  EXPECT_EQ(event_dedup_key(parse(
                R"({"EventType":"bpms_task_change","processInstanceId":"p","taskId":42,"type":"start"})")),
            "bpms_task_change:p:42:start:");
}

TEST(EventKeys, ExplicitEventIdWinsAndOthersHashTheirContent) {
  EXPECT_EQ(event_dedup_key(parse(R"({"EventType":"x","eventId":"E1","v":1})")), "x:id:E1");
  auto h1 = event_dedup_key(parse(R"({"EventType":"chat_update_title","a":1,"b":[1,2]})"));
  auto h2 = event_dedup_key(parse(R"({"b":[1,2],"a":1,"EventType":"chat_update_title"})"));
  auto h3 = event_dedup_key(parse(R"({"EventType":"chat_update_title","a":2,"b":[1,2]})"));
  EXPECT_EQ(h1, h2);
  EXPECT_NE(h1, h3);
  EXPECT_EQ(h1.rfind("chat_update_title:sha256:", 0), 0u);
}

// A long fuzzing run (tests/fuzz/corpus/json_input/event_id_number): a number where DingTalk
// sends a string threw, which answered the callback 500 and had DingTalk retry it for ever.
TEST(EventKeys, IdsOfAnyJsonTypeGiveAKeyInsteadOfAnError) {
  EXPECT_EQ(event_dedup_key(parse(R"({"EventType":"x","EventId":9551615})")), "x:id:9551615");
  EXPECT_EQ(event_dedup_key(parse(R"({"EventType":7,"eventId":"E1"})")), "7:id:E1");
  EXPECT_EQ(event_dedup_key(parse(
                R"({"EventType":"bpms_instance_change","processInstanceId":12,"type":"finish","result":true})")),
            "bpms_instance_change:12:finish:true");
  EXPECT_EQ(event_dedup_key(parse(
                R"({"EventType":"attendance_check_record","DataList":[5,{"userId":3,"checkTime":4}]})")),
            "attendance_check_record:3@4,@,");
  EXPECT_FALSE(event_dedup_key(parse(R"([1,2])")).empty());
}

TEST(EventKeys, AttendanceKeysOnBizIds) {
  EXPECT_EQ(event_dedup_key(parse(
                R"({"EventType":"attendance_check_record","DataList":[{"bizId":"b2"},{"bizId":"b1"}]})")),
            "attendance_check_record:b1,b2,");
}

TEST(EventKeys, ContactEventTypes) {
  EXPECT_TRUE(is_contact_event("user_leave_org"));
  EXPECT_TRUE(is_contact_event("org_dept_remove"));
  EXPECT_FALSE(is_contact_event("bpms_task_change"));
}

}  // namespace
}  // namespace courthub::dingtalk
