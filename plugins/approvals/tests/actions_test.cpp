// SPDX-License-Identifier: Apache-2.0
// Acting over HTTP: each action, each step mode, exactly one winner per task, the record.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using Names = std::vector<std::string>;

class Actions : public ApprovalsTest {
 protected:
  Names record_types(int64_t id) {
    Names out;
    for (courthub::Json doc = detail(id); auto& r : doc["records"])
      out.push_back(r["type"].get<std::string>());
    return out;
  }
};

TEST_F(Actions, AThreeStepLeaveCompletesAfterThreeAgrees) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  auto first = agree("T-010", id, "同意");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["task"]["status"], "COMPLETED");
  EXPECT_EQ(first.json()["open_tasks"].at(0)["user_id"], "T-002");
  ASSERT_EQ(agree("T-002", id).status, 200);
  auto last = agree("T-001", id, "准假");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.json()["instance"]["status"], "COMPLETED");
  EXPECT_EQ(last.json()["instance"]["result"], "agree");
  EXPECT_EQ(record_types(id), (Names{"START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL",
                                     "EXECUTE_TASK_NORMAL", "EXECUTE_TASK_NORMAL",
                                     "FINISH_PROCESS_INSTANCE", "PROCESS_CC"}));
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  Json e = finished[0];
  EXPECT_EQ(e["instance_id"].get<int64_t>(), id);
  EXPECT_EQ(e["template"], "leave");
  EXPECT_EQ(e["template_name"], "请假");
  EXPECT_EQ(e["originator"], "T-011");
  EXPECT_EQ(e["court_code"], "T-BC");
  EXPECT_EQ(e["form"]["days"], 5);
  EXPECT_EQ(e["result"], "agree");
  EXPECT_EQ(e["status"], "COMPLETED");
  EXPECT_EQ(e["source"], "");
  EXPECT_EQ(e["request_id"], "");
  EXPECT_GT(e["finished_ms"].get<int64_t>(), 0);
}

TEST_F(Actions, ARefusalEndsIt) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  agree("T-010", id);
  auto r = act("T-002", id, Json::object({{"action", "refuse"}, {"comment", "人手不足"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["result"], "refuse");
  EXPECT_TRUE(running(id).empty());
  EXPECT_EQ(events("approvals.instance_finished").at(0)["result"], "refuse");
  EXPECT_EQ(events("approvals.instance_finished").at(0)["reason"], "人手不足");
  EXPECT_EQ(agree("T-001", id).status, 403);  // the president was never asked
}

TEST_F(Actions, TwoActionsOnOneTaskHaveExactlyOneWinner) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  int64_t task = task_of(id, "T-010");
  auto body = Json::object({{"action", "agree"}, {"task_id", task}});
  auto refuse = Json::object({{"action", "refuse"}, {"task_id", task}, {"comment", "不行"}});
  auto one = act("T-010", id, body);
  auto two = act("T-010", id, refuse);
  EXPECT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(two.status, 409) << two.body;
  EXPECT_NE(two.json()["error"]["message"].get<std::string>().find("already 已同意"),
            std::string::npos);
  EXPECT_EQ(detail(id)["result"], "agree");
  EXPECT_EQ(events("approvals.instance_finished").size(), 1u);
}

TEST_F(Actions, OrSignTakesTheFirstDecisionAndTheSecondGets409) {
  int64_t id = submit("T-013", "orsign", Json::object());
  EXPECT_EQ(running(id), (Names{"T-011", "T-012", "T-032"}));
  ASSERT_EQ(agree("T-012", id).status, 200);
  auto late = agree("T-011", id);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(detail(id)["status"], "COMPLETED");
  auto tasks = detail(id)["tasks"];
  int canceled = 0;
  for (auto& t : tasks) canceled += t["status"].get<std::string>() == "CANCELED";
  EXPECT_EQ(canceled, 2);
}

TEST_F(Actions, CountersignWaitsForEveryone) {
  int64_t id = submit("T-013", "countersign", Json::object());
  EXPECT_EQ(running(id), (Names{"T-011", "T-012"}));
  ASSERT_EQ(agree("T-011", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-012"});
  ASSERT_EQ(agree("T-012", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-010"});
}

TEST_F(Actions, ApproversActOnlyOnTheirOwnTasks) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  int64_t task = task_of(id, "T-010");
  // Someone who can see the instance but holds no such task.
  auto originator = act("T-011", id, Json::object({{"action", "agree"}, {"task_id", task}}));
  EXPECT_EQ(originator.status, 403) << originator.body;
  EXPECT_EQ(agree("T-012", id).status, 403);
  EXPECT_EQ(act("T-010", id + 1, Json::object({{"action", "agree"}})).status, 404);
  EXPECT_EQ(act("T-010", id, Json::object({{"action", "agree"}, {"task_id", 999}})).status, 404);
  EXPECT_EQ(act("T-010", id, Json::object({{"action", "approve"}})).status, 400);
}

TEST_F(Actions, TransferHandsTheTaskOver) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  auto r = act("T-010", id, Json::object({{"action", "transfer"}, {"to", "T-014"},
                                          {"comment", "请孙副庭长处理"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["task"]["result"], "REDIRECTED");
  EXPECT_EQ(running(id), Names{"T-014"});
  ASSERT_EQ(agree("T-014", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-002"});
  EXPECT_EQ(act("T-002", id, Json::object({{"action", "transfer"}, {"to", "T-011"}})).status,
            400);  // not to the originator
  EXPECT_EQ(act("T-002", id, Json::object({{"action", "transfer"}, {"to", "NOBODY"}})).status,
            400);
  auto types = record_types(id);
  EXPECT_NE(std::find(types.begin(), types.end(), "REDIRECT_TASK"), types.end());
}

TEST_F(Actions, AddingAnApproverBeforeMakesThemDecideFirst) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  auto r = act("T-010", id, Json::object({{"action", "add_approver"}, {"position", "before"},
                                          {"user_ids", Json::array({"T-014"})}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(running(id), Names{"T-014"});
  EXPECT_EQ(agree("T-010", id).status, 409);  // paused until the added approver agrees
  ASSERT_EQ(agree("T-014", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-010"});
  ASSERT_EQ(agree("T-010", id).status, 200);
  EXPECT_EQ(detail(id)["status"], "COMPLETED");
  EXPECT_EQ(record_types(id)[1], "APPEND_TASK_BEFORE");
}

TEST_F(Actions, AddingAnApproverAfterPutsThemNext) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  auto r = act("T-010", id, Json::object({{"action", "add_approver"}, {"position", "after"},
                                          {"user_ids", "T-012"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(running(id), Names{"T-010"});
  agree("T-010", id);
  EXPECT_EQ(running(id), Names{"T-012"});
  agree("T-012", id);
  EXPECT_EQ(running(id), Names{"T-002"});
  auto steps = detail(id)["steps"];
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps.at(1)["origin"], "append_after");
  EXPECT_EQ(act("T-002", id, Json::object({{"action", "add_approver"},
                                           {"user_ids", "T-012"}})).status,
            400);  // position is required
}

TEST_F(Actions, TheOriginatorWithdraws) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  EXPECT_EQ(act("T-010", id, Json::object({{"action", "withdraw"}})).status, 403);
  auto r = act("T-011", id, Json::object({{"action", "withdraw"}, {"comment", "不请了"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "TERMINATED");
  EXPECT_TRUE(running(id).empty());
  auto e = events("approvals.instance_finished");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0]["result"], "terminated");
  EXPECT_EQ(e[0]["status"], "TERMINATED");
  EXPECT_EQ(act("T-011", id, Json::object({{"action", "withdraw"}})).status, 409);
  EXPECT_EQ(agree("T-010", id).status, 409);
}

TEST_F(Actions, TheCourtAdminOrTheOperatorCancels) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  EXPECT_EQ(act("T-010", id, Json::object({{"action", "cancel"}})).status, 403);
  EXPECT_EQ(act("X-011", id, Json::object({{"action", "cancel"}})).status, 403);  // other court
  auto r = act("T-021", id, Json::object({{"action", "cancel"}, {"comment", "重复提交"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "CANCELED");
  EXPECT_EQ(events("approvals.instance_finished").at(0)["result"], "canceled");
  int64_t other = submit("T-011", "leave", leave_form(2));
  EXPECT_EQ(act("", other, Json::object({{"action", "cancel"}})).status, 200);  // operator
}

TEST_F(Actions, CommentsAreRecordedAndReachTheOriginator) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  harness().clear_outbox();
  auto r = act("T-010", id, Json::object({{"action", "comment"}, {"comment", "请补充材料"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["records"].at(0)["type"], "ADD_REMARK");
  EXPECT_EQ(sent_to("T-011").size(), 1u);
  EXPECT_EQ(act("T-022", id, Json::object({{"action", "comment"}, {"comment", "x"}})).status,
            403);
  EXPECT_EQ(act("T-010", id, Json::object({{"action", "comment"}})).status, 400);
}

TEST_F(Actions, TheOperationRecordIsNeverRewritten) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  // The database refuses it (a trigger on either engine), as a constraint: Conflict.
  auto refusal = [&](const std::string& sql, const std::vector<Json>& params) {
    try {
      harness().query(sql, params);
    } catch (const courthub::Error& e) {
      EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
      return std::string(e.what());
    }
    ADD_FAILURE() << "accepted: " << sql;
    return std::string();
  };
  EXPECT_NE(refusal("UPDATE record SET remark = 'x' WHERE instance_id = ?", {Json(id)})
                .find("operation records are never rewritten"),
            std::string::npos);
  EXPECT_NE(refusal("DELETE FROM record", {}).find("operation records are never deleted"),
            std::string::npos);
  EXPECT_EQ(detail(id)["records"].size(), 1u);
}

}  // namespace
}  // namespace approvals::testing
