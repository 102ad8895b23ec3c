// SPDX-License-Identifier: Apache-2.0
// Resubmission in place: the originator of a returned approval edits the form and it runs again
// from its first step, with the chain resolved from the new form.
#include <set>

#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Resubmit : public ApprovalsTest {
 protected:
  Json settings() override {
    Json templates = test_templates();
    templates.push_back(Json::parse(R"({"code": "filing", "name": "报送",
      "fields": [{"name": "files", "label": "附件", "type": "attachment", "max_items": 2},
                 {"name": "note", "label": "说明", "type": "text"}],
      "chain": [{"type": "supervisor", "level": 1}]})"));
    return test_settings(Json::object({{"templates", templates}}));
  }
  // T-011's leave of `days`, agreed by 王庭长 and returned by 吴副院长 (when days > 1).
  int64_t returned_leave(double days) {
    int64_t id = submit("T-011", "leave", leave_form(days));
    EXPECT_EQ(agree("T-010", id).status, 200);
    auto r = act("T-002", id, Json::object({{"action", "return"}, {"comment", "天数不对"}}));
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }
  HttpResult resubmit(const std::string& user, int64_t id, const Json& form) {
    return act(user, id, Json::object({{"action", "resubmit"}, {"form", form},
                                       {"comment", "已改"}}));
  }
};

TEST_F(Resubmit, ChangedDaysRerouteTheChainWhichRunsFromItsFirstStep) {
  int64_t id = returned_leave(2);
  harness().clear_outbox();
  auto r = resubmit("T-011", id, leave_form(5));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "RUNNING");
  EXPECT_EQ(r.json()["instance"]["status_text"], "审批中");
  EXPECT_EQ(r.json()["task"]["status_text"], "已重新提交");
  // 王庭长 agreed before the return; that no longer counts.
  EXPECT_EQ(running(id), std::vector<std::string>{"T-010"});
  Json rec = r.json()["records"].at(0);
  EXPECT_EQ(rec["type"], "RESUBMIT_PROCESS_INSTANCE");
  EXPECT_EQ(rec["detail"]["changes"],
            Json::parse(R"([{"field": "days", "label": "请假天数", "from": 2, "to": 5}])"));
  EXPECT_EQ(rec["detail"]["previous_form"]["days"], 2);

  Json d = detail(id);
  EXPECT_EQ(d["form"]["days"], 5);
  ASSERT_EQ(d["steps"].size(), 3u);  // 5 days: the president too
  EXPECT_EQ(d["steps"][2]["label"], "院长");
  EXPECT_EQ(d["steps"][0]["progress"], "running");
  for (auto& rec : d["records"])  // the earlier decisions keep their steps' names
    if (rec["type"] == "RETURN_TASK") EXPECT_EQ(rec["step"], "分管院领导");

  auto told = sent_to("T-011");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0]["msg"]["markdown"]["title"], "审批已重新提交");
  ASSERT_EQ(sent_to("T-010").size(), 1u);  // the first step's card
  EXPECT_TRUE(sent_to("T-010")[0]["msg"].contains("interactive_card"));

  ASSERT_EQ(agree("T-010", id).status, 200);
  ASSERT_EQ(agree("T-002", id).status, 200);
  ASSERT_EQ(agree("T-001", id).status, 200);
  EXPECT_EQ(detail(id)["result"], "agree");
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["form"]["days"], 5);
}

TEST_F(Resubmit, TheFormIsCheckedLikeASubmission) {
  int64_t id = returned_leave(2);
  Json bad = leave_form(2);
  bad["days"] = 99;
  bad.erase("reason");
  auto r = resubmit("T-011", id, bad);
  ASSERT_EQ(r.status, 400) << r.body;
  std::set<std::string> fields;
  Json details = r.json()["error"]["details"];
  for (auto& e : details) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"days", "reason"})) << r.body;
  EXPECT_EQ(running(id), std::vector<std::string>{"T-011"});  // still returned
  EXPECT_EQ(detail(id)["status_text"], "已退回");
}

TEST_F(Resubmit, OnlyTheOriginatorOfAReturnedApprovalResubmitsOnce) {
  int64_t running_one = submit("T-011", "leave", leave_form(1));
  EXPECT_EQ(resubmit("T-011", running_one, leave_form(1)).status, 409);
  int64_t id = returned_leave(2);
  EXPECT_EQ(resubmit("T-010", id, leave_form(2)).status, 403);
  EXPECT_EQ(resubmit("T-011", id, leave_form(2)).status, 200);
  EXPECT_EQ(resubmit("T-011", id, leave_form(2)).status, 409);  // the second one loses
}

TEST_F(Resubmit, AWithdrawalWhileReturnedEndsIt) {
  int64_t id = returned_leave(2);
  auto r = act("T-011", id, Json::object({{"action", "withdraw"}, {"comment", "不请了"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["instance"]["status"], "TERMINATED");
  EXPECT_EQ(r.json()["instance"]["status_text"], "已撤销");
  EXPECT_TRUE(running(id).empty());
  EXPECT_EQ(events("approvals.instance_finished").size(), 1u);
}

TEST_F(Resubmit, TheInstanceKeepsItsFilesAndReleasesTheDroppedOnes) {
  Json a = upload_pdf("T-011", "甲.pdf");
  Json b = upload_pdf("T-011", "乙.pdf");
  auto ref = [](const Json& up) { return Json::object({{"id", up["id"]}}); };
  int64_t id = submit("T-011", "filing",
                      Json::object({{"files", Json::array({ref(a), ref(b)})}}));
  ASSERT_EQ(act("T-010", id, Json::object({{"action", "return"}, {"comment", "乙不需要"}})).status,
            200);
  auto r = resubmit("T-011", id, Json::object({{"files", Json::array({ref(a)})}}));
  ASSERT_EQ(r.status, 200) << r.body;
  auto held = [&](const Json& up) {
    return harness()
        .query("SELECT instance_id FROM instance_attachment WHERE attachment_id = ?", {up["id"]})
        .size();
  };
  EXPECT_EQ(held(a), 1u);
  EXPECT_EQ(held(b), 0u);  // released: free for another submission
  EXPECT_EQ(submit_as("T-011", "filing",
                      Json::object({{"files", Json::array({ref(b)})}})).status, 201);
  EXPECT_EQ(submit_as("T-011", "filing",
                      Json::object({{"files", Json::array({ref(a)})}})).status, 400);
}

}  // namespace
}  // namespace approvals::testing
