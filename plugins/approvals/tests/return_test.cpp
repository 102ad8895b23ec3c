// SPDX-License-Identifier: Apache-2.0
// 退回 over HTTP: back to the originator with a reason, who is told and may resubmit.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Return : public ApprovalsTest {
 protected:
  HttpResult give_back(const std::string& user, int64_t id, const std::string& comment) {
    return act(user, id, Json::object({{"action", "return"}, {"comment", comment}}));
  }
};

TEST_F(Return, EndsTheInstanceAsReturnedAndTellsTheOriginatorWhatToFix) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  ASSERT_EQ(agree("T-010", id).status, 200);
  harness().clear_outbox();
  auto r = give_back("T-002", id, "请补充交接安排");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "TERMINATED");
  EXPECT_EQ(r.json()["instance"]["result"], "returned");
  EXPECT_EQ(r.json()["instance"]["status_text"], "已退回");
  EXPECT_EQ(r.json()["task"]["status_text"], "已退回");
  EXPECT_TRUE(r.json()["open_tasks"].empty());
  EXPECT_EQ(r.json()["records"].at(0)["type"], "RETURN_TASK");

  auto told = sent_to("T-011");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0]["msg"]["markdown"]["title"], "审批已退回");
  EXPECT_NE(told[0]["msg"]["markdown"]["text"].get<std::string>().find("请补充交接安排"),
            std::string::npos);
  EXPECT_TRUE(sent_to("T-001").empty());  // the president was never asked
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["result"], "terminated");  // the contract's value; rooms knows it
  EXPECT_EQ(finished[0]["reason"], "请补充交接安排");

  Json d = detail(id);
  EXPECT_EQ(d["records"].back()["type"], "RETURN_TASK");
  EXPECT_EQ(d["records"].back()["step"], "分管院领导");
  EXPECT_EQ(agree("T-002", id).status, 409);
}

TEST_F(Return, StopsTheOtherApproversOfTheStep) {
  int64_t id = submit("T-013", "orsign", Json::object());
  harness().clear_outbox();
  ASSERT_EQ(give_back("T-011", id, "说明不清").status, 200);
  EXPECT_TRUE(running(id).empty());
  EXPECT_EQ(sent_to("T-012").size(), 1u);  // 无需再处理
}

TEST_F(Return, NeedsAReasonAndIsNotForRequestsFromOtherPlugins) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  auto blank = give_back("T-010", id, "");
  EXPECT_EQ(blank.status, 400) << blank.body;
  EXPECT_EQ(give_back("T-012", id, "改").status, 403);  // no task of theirs

  ASSERT_TRUE(harness()
                  .deliver_event("rooms.approval_requested",
                                 Json::object({{"request_id", "booking:1"},
                                               {"template", "room_booking"},
                                               {"originator", "T-011"},
                                               {"form", room_form()}}))
                  .ok);
  auto rows = harness().query("SELECT id FROM instance WHERE source = 'rooms'");
  ASSERT_EQ(rows.size(), 1u);
  auto r = give_back("T-021", rows[0]["id"].get<int64_t>(), "改时间");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("refuse it instead"), std::string::npos);
}

}  // namespace
}  // namespace approvals::testing
