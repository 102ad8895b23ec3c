// SPDX-License-Identifier: Apache-2.0
// 退回 over HTTP: to the originator (the instance keeps running at their step-0 task) or to an
// earlier step (asked again, later agreements voided).
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Return : public ApprovalsTest {
 protected:
  HttpResult give_back(const std::string& user, int64_t id, const std::string& comment,
                       Json to_step = Json()) {
    Json body = Json::object({{"action", "return"}, {"comment", comment}});
    if (!to_step.is_null()) body["to_step"] = to_step;
    return act(user, id, body);
  }
  Json detail_as(const std::string& user, int64_t id) {
    auto r = harness().as(user).get("/instances/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  static Json action(const Json& d, const std::string& name) {
    for (auto& a : d["allowed_actions"])
      if (a["action"] == name) return a;
    return Json();
  }
};

TEST_F(Return, ToTheOriginatorKeepsItRunningAndGivesThemAStep0Task) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  ASSERT_EQ(agree("T-010", id).status, 200);
  harness().clear_outbox();
  auto r = give_back("T-002", id, "请补充交接安排");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "RUNNING");
  EXPECT_EQ(r.json()["instance"]["status_text"], "已退回");
  EXPECT_EQ(r.json()["task"]["status_text"], "已退回");
  ASSERT_EQ(r.json()["open_tasks"].size(), 1u);
  EXPECT_EQ(r.json()["open_tasks"][0]["user_id"], "T-011");
  EXPECT_EQ(r.json()["open_tasks"][0]["step_id"], 0);
  EXPECT_EQ(r.json()["open_tasks"][0]["status_text"], "待修改");
  EXPECT_EQ(r.json()["records"].at(0)["type"], "RETURN_TASK");
  EXPECT_EQ(r.json()["records"].at(0)["detail"],
            Json::parse(R"({"to_step": 0, "to_label": "发起人"})"));

  auto told = sent_to("T-011");
  ASSERT_EQ(told.size(), 1u);  // a work notice, no task card
  EXPECT_EQ(told[0]["msg"]["markdown"]["title"], "审批已退回");
  EXPECT_NE(told[0]["msg"]["markdown"]["text"].get<std::string>().find("请补充交接安排"),
            std::string::npos);
  EXPECT_TRUE(sent_to("T-001").empty());  // the president was never asked
  EXPECT_TRUE(events("approvals.instance_finished").empty());

  Json d = detail_as("T-011", id);
  EXPECT_EQ(d["status"], "RUNNING");
  EXPECT_EQ(d["current_step"], 0);
  EXPECT_EQ(d["records"].back()["step"], "分管院领导");
  int64_t mine = task_of(id, "T-011");
  EXPECT_EQ(action(d, "resubmit"), Json::parse("{\"action\": \"resubmit\", \"task_id\": " +
                                               std::to_string(mine) + "}"));
  EXPECT_FALSE(action(d, "withdraw").is_null());
  EXPECT_TRUE(action(d, "agree").is_null());
  auto pending = harness().as("T-011").get("/tasks?status=pending");
  ASSERT_EQ(pending.json()["items"].size(), 1u);
  EXPECT_EQ(pending.json()["items"][0]["task"]["status_text"], "待修改");
  EXPECT_EQ(pending.json()["items"][0]["instance"]["status_text"], "已退回");

  EXPECT_EQ(agree("T-002", id).status, 409);
  EXPECT_EQ(agree("T-011", id).status, 409);  // the originator resubmits, never agrees
}

TEST_F(Return, StopsTheOtherApproversOfTheStep) {
  int64_t id = submit("T-013", "orsign", Json::object());
  harness().clear_outbox();
  ASSERT_EQ(give_back("T-011", id, "说明不清").status, 200);
  EXPECT_EQ(running(id), std::vector<std::string>{"T-013"});
  EXPECT_EQ(sent_to("T-012").size(), 1u);  // 无需再处理
}

TEST_F(Return, ToAnEarlierStepAsksItAgainAndLaterAgreementsNoLongerCount) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  ASSERT_EQ(agree("T-010", id).status, 200);
  ASSERT_EQ(agree("T-002", id).status, 200);
  Json targets = action(detail_as("T-001", id), "return")["targets"];
  EXPECT_EQ(targets, Json::parse(R"([{"step_id": 0, "label": "发起人 · 李法官"},
                                     {"step_id": 1, "label": "直属主管 · 王庭长"},
                                     {"step_id": 2, "label": "分管院领导 · 吴副院长"}])"));
  harness().clear_outbox();
  auto r = give_back("T-001", id, "请庭长再核实", 1);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status_text"], "审批中");
  EXPECT_EQ(r.json()["records"].at(0)["detail"],
            Json::parse(R"({"to_step": 1, "to_label": "直属主管"})"));
  EXPECT_EQ(running(id), std::vector<std::string>{"T-010"});
  ASSERT_EQ(sent_to("T-010").size(), 1u);  // a fresh task card
  EXPECT_TRUE(sent_to("T-010")[0]["msg"].contains("interactive_card"));
  EXPECT_TRUE(sent_to("T-011").empty());
  Json d = detail(id);
  EXPECT_EQ(d["current_step"], 1);
  EXPECT_EQ(d["steps"][0]["progress"], "running");
  EXPECT_EQ(d["steps"][1]["progress"], "waiting");  // its agreement no longer counts

  ASSERT_EQ(agree("T-010", id).status, 200);
  EXPECT_EQ(running(id), std::vector<std::string>{"T-002"});  // asked again
  ASSERT_EQ(agree("T-002", id).status, 200);
  ASSERT_EQ(agree("T-001", id).status, 200);
  EXPECT_EQ(detail(id)["result"], "agree");
}

TEST_F(Return, ToAStepThatIsNotAnEarlierDoneStepIs400) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  ASSERT_EQ(agree("T-010", id).status, 200);
  for (Json to : {Json(2), Json(3), Json(99), Json("1"), Json(-1)}) {
    auto r = give_back("T-002", id, "改", to);
    EXPECT_EQ(r.status, 400) << to.dump() << " " << r.body;
  }
  EXPECT_EQ(running(id), std::vector<std::string>{"T-002"});
}

TEST_F(Return, TheSameTaskReturnedAndAgreedHasOneWinner) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  int64_t task = task_of(id, "T-010");
  auto one = act("T-010", id, Json::object({{"action", "return"}, {"task_id", task},
                                            {"comment", "改"}}));
  auto two = act("T-010", id, Json::object({{"action", "agree"}, {"task_id", task}}));
  EXPECT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(two.status, 409) << two.body;
  EXPECT_EQ(running(id), std::vector<std::string>{"T-011"});
}

TEST_F(Return, NeedsAReasonAndRequestsFromOtherPluginsNeverGoBackToTheOriginator) {
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
  int64_t room = rows[0]["id"].get<int64_t>();
  EXPECT_TRUE(action(detail_as("T-021", room), "return").is_null());  // no target at all
  auto r = give_back("T-021", room, "改时间");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("refuse it instead"), std::string::npos);
}

TEST_F(Return, AnOldReturnedRowStillReadsAsReturned) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  // What 退回 wrote before it kept the instance running.
  harness().query("UPDATE instance SET status = 'TERMINATED', result = 'returned' WHERE id = ?",
                  {Json(id)});
  Json d = detail_as("T-011", id);
  EXPECT_EQ(d["status_text"], "已退回");
  EXPECT_FALSE(action(d, "resubmit").is_null());  // the page's: a new submission
  EXPECT_FALSE(action(d, "resubmit").contains("task_id"));
}

}  // namespace
}  // namespace approvals::testing
