// SPDX-License-Identifier: Apache-2.0
// Registration, the template list and submitting: validation with every field named, chains.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using Names = std::vector<std::string>;

class Submit : public ApprovalsTest {};

TEST_F(Submit, RegistersItsRoutesCommandsCardsEventsAndJobs) {
  auto& h = harness();
  EXPECT_EQ(h.plugin_name(), "approvals");
  auto routes = h.routes();
  for (const char* r : {"GET /templates", "GET /templates/{code}", "POST /instances",
                        "GET /instances", "GET /instances/submitted", "GET /instances/copied",
                        "GET /instances/{id}", "POST /instances/{id}/actions", "GET /tasks",
                        "POST /attachments", "GET /attachments/{id}",
                        "POST /instances/{id}/urge"})
    EXPECT_NE(std::find(routes.begin(), routes.end(), r), routes.end()) << r;
  // Colleagues are found through the host (GET /directory/people), not here.
  EXPECT_EQ(std::find(routes.begin(), routes.end(), "GET /people"), routes.end());
  EXPECT_EQ(h.commands(), (Names{"approvals", "approve", "refuse", "approval", "urge", "催办"}));
  EXPECT_EQ(h.card_actions(), (Names{"approvals.agree", "approvals.refuse"}));
  EXPECT_EQ(h.subscriptions(),
            (Names{"rooms.approval_requested", "rooms.approval_canceled",
                   "attendance.approval_requested", "attendance.approval_canceled",
                   "lawyers.approval_requested", "lawyers.approval_canceled",
                   "bpms_instance_change", "bpms_task_change"}));
  EXPECT_EQ(h.jobs(), (Names{"remind-pending */10 * * * * Asia/Shanghai",
                             "purge-attachments 17 * * * * Asia/Shanghai"}));
}

TEST_F(Submit, ListsTheTemplatesTheCallerMayUse) {
  auto codes = [&](const HttpResult& r) {
    Names out;
    for (courthub::Json doc = r.json(); auto& t : doc["templates"])
      out.push_back(t["code"].get<std::string>());
    return out;
  };
  auto judge = harness().as("T-011").get("/templates");
  ASSERT_EQ(judge.status, 200) << judge.body;
  EXPECT_EQ(codes(judge), (Names{"leave", "countersign", "orsign", "choice", "trip",
                                 "judges_only"}));  // never room_booking
  EXPECT_EQ(codes(harness().as("T-013").get("/templates")),
            (Names{"leave", "countersign", "orsign", "choice", "trip"}));
  EXPECT_EQ(codes(harness().as_admin().get("/templates")).size(), 7u);
  auto one = harness().as("T-011").get("/templates/choice").json();
  EXPECT_EQ(one["choices"].at(0)["key"], "reviewer");
  EXPECT_EQ(one["fields"].at(0)["type"], "text");
  EXPECT_EQ(harness().get("/templates/nope").status, 404);
}

TEST_F(Submit, OpensAnInstanceAtItsFirstStep) {
  auto r = submit_as("T-011", "leave", leave_form(2));
  ASSERT_EQ(r.status, 201) << r.body;
  Json view = r.json();
  EXPECT_EQ(view["status"], "RUNNING");
  EXPECT_EQ(view["title"], "李法官提交的请假");
  EXPECT_EQ(view["originator"]["user_id"], "T-011");
  EXPECT_EQ(view["court_code"], "T-BC");
  EXPECT_EQ(view["summary"], "请假类型：事假 · 请假天数：2");
  ASSERT_EQ(view["steps"].size(), 2u);  // the president's step needs more than 3 days
  EXPECT_EQ(view["steps"].at(0)["label"], "直属主管");
  EXPECT_EQ(view["steps"].at(0)["progress"], "running");
  EXPECT_EQ(view["steps"].at(1)["approvers"].at(0)["user_id"], "T-002");
  EXPECT_EQ(view["steps"].at(1)["progress"], "waiting");
  ASSERT_EQ(view["tasks"].size(), 1u);
  EXPECT_EQ(view["tasks"].at(0)["user_id"], "T-010");
  int64_t id = view["id"].get<int64_t>();
  auto records = detail(id)["records"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.at(0)["type"], "START_PROCESS_INSTANCE");
  EXPECT_EQ(records.at(0)["user_id"], "T-011");
}

TEST_F(Submit, NamesEveryWrongFieldInTheDetails) {
  auto r = submit_as("T-011", "leave",
                     Json::object({{"leave_type", "休假"}, {"days", 99}, {"reson", "x"}}));
  ASSERT_EQ(r.status, 400) << r.body;
  Json error = r.json()["error"];
  EXPECT_NE(error["message"].get<std::string>().find("problem(s) with the 请假 form"),
            std::string::npos);
  Names fields;
  for (auto& d : error["details"]) fields.push_back(d["field"].get<std::string>());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (Names{"days", "leave_type", "period", "reason", "reson"}));
  EXPECT_TRUE(harness().query("SELECT id FROM instance").empty());
}

TEST_F(Submit, RefusesWhatCannotBeSubmitted) {
  auto no_template =
      harness().as("T-011").post("/instances", Json::object({{"form", Json::object()}}));
  EXPECT_EQ(no_template.status, 400);
  EXPECT_EQ(no_template.json()["error"]["details"].at(0)["field"], "template");
  EXPECT_EQ(submit_as("T-011", "nope", Json::object()).status, 400);
  EXPECT_EQ(submit_as("T-011", "room_booking", room_form()).status, 403);  // rooms opens these
  EXPECT_EQ(submit_as("T-013", "judges_only", Json::object()).status, 403);
  EXPECT_EQ(harness().as_admin().post("/instances", Json::object({{"template", "leave"}})).status,
            403);
  EXPECT_EQ(harness().as("T-011").request("POST", "/instances", "{oops").status, 400);
}

TEST_F(Submit, LongLeaveGoesToThePresident) {
  int64_t id = submit("T-011", "leave", leave_form(5));
  Names approvers;
  for (courthub::Json doc = detail(id); auto& s : doc["steps"])
    approvers.push_back(s["approvers"].at(0)["user_id"].get<std::string>());
  EXPECT_EQ(approvers, (Names{"T-010", "T-002", "T-001"}));
}

TEST_F(Submit, BranchesChooseTheirSteps) {
  int64_t big = submit("T-011", "trip", Json::object({{"amount", 9000}}));
  int64_t small = submit("T-011", "trip", Json::object({{"amount", 100}}));
  EXPECT_EQ(running(big), Names{"T-001"});
  EXPECT_EQ(running(small), Names{"T-002"});
}

TEST_F(Submit, TheOriginatorsChoiceIsRequiredAndUsed) {
  auto missing = submit_as("T-011", "choice", Json::object());
  ASSERT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json()["error"]["details"].at(0)["field"], "approvers.reviewer");
  int64_t id = submit("T-011", "choice", Json::object(), Json::object({{"reviewer", "T-022"}}));
  EXPECT_EQ(running(id), Names{"T-022"});
}

TEST_F(Submit, WithNobodyToAskItIsApprovedAtOnce) {
  int64_t id = submit("T-001", "leave", leave_form(5));  // the president has no supervisor
  Json view = detail(id);
  EXPECT_EQ(view["status"], "COMPLETED");
  EXPECT_EQ(view["result"], "agree");
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["result"], "agree");
}

}  // namespace
}  // namespace approvals::testing
