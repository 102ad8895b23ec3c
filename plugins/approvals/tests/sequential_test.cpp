// SPDX-License-Identifier: Apache-2.0
// 依次审批 (approvers one after another, in order) and approver-editable fields, over HTTP.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using Names = std::vector<std::string>;

class Sequential : public ApprovalsTest {
 protected:
  Json settings() override {
    Json templates = test_templates();
    templates.push_back(Json::parse(R"({"code": "seq", "name": "依次测试",
      "fields": [{"name": "note", "label": "说明", "type": "text"}],
      "chain": [{"type": "person", "users": ["T-014", "T-011", "T-010", "T-012"],
                 "mode": "sequential", "label": "依次"},
                {"type": "role", "role": "president"}]})"));
    templates.push_back(Json::parse(R"({"code": "edit", "name": "可改测试",
      "fields": [{"name": "days", "label": "请假天数", "type": "number", "required": true,
                  "min": 0.5, "max": 30},
                 {"name": "reason", "label": "请假事由", "type": "text"}],
      "chain": [{"type": "supervisor", "level": 1, "editable": ["days"]},
                {"type": "role", "role": "president"}]})"));
    return test_settings(Json::object({{"templates", templates}}));
  }
  Json agree_action(const std::string& user, int64_t id) {
    auto r = harness().as(user).get("/instances/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    Json doc = r.json();
    for (auto& a : doc["allowed_actions"])
      if (a["action"] == "agree") return a;
    ADD_FAILURE() << r.body;
    return Json();
  }
};

TEST_F(Sequential, AsksOneApproverAtATimeInTheListedOrder) {
  int64_t id = submit("T-011", "seq", Json::object());
  Json d = detail(id);
  EXPECT_EQ(d["steps"][0]["mode"], "sequential");
  Names order;
  for (auto& a : d["steps"][0]["approvers"]) order.push_back(a["user_id"].get<std::string>());
  EXPECT_EQ(order, (Names{"T-014", "T-010", "T-012"}));  // the originator left out, order kept
  EXPECT_EQ(running(id), Names{"T-014"});
  harness().clear_outbox();
  ASSERT_EQ(agree("T-014", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-010"});
  EXPECT_EQ(sent_to("T-010").size(), 1u);  // their card, now
  EXPECT_TRUE(sent_to("T-012").empty());
  EXPECT_EQ(detail(id)["steps"][0]["progress"], "running");
  EXPECT_EQ(agree("T-012", id).status, 403);  // not their turn: no task yet
  ASSERT_EQ(agree("T-010", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-012"});
  ASSERT_EQ(agree("T-012", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-001"});
}

TEST_F(Sequential, TransferTakesThePlaceInTheOrderAndARefusalEndsIt) {
  int64_t id = submit("T-011", "seq", Json::object());
  ASSERT_EQ(act("T-014", id, Json::object({{"action", "transfer"}, {"to", "T-013"}})).status,
            200);
  Json d = detail(id);
  EXPECT_EQ(d["steps"][0]["approvers"][0]["user_id"], "T-013");
  ASSERT_EQ(agree("T-013", id).status, 200);
  EXPECT_EQ(running(id), Names{"T-010"});
  ASSERT_EQ(act("T-010", id, Json::object({{"action", "refuse"}, {"comment", "不行"}})).status,
            200);
  EXPECT_EQ(detail(id)["result"], "refuse");
  EXPECT_TRUE(running(id).empty());
}

TEST_F(Sequential, TwoAgreesOnOneTaskHaveOneWinnerAndOpenOneNextTask) {
  int64_t id = submit("T-011", "seq", Json::object());
  int64_t task = task_of(id, "T-014");
  auto body = Json::object({{"action", "agree"}, {"task_id", task}});
  EXPECT_EQ(act("T-014", id, body).status, 200);
  EXPECT_EQ(act("T-014", id, body).status, 409);
  EXPECT_EQ(running(id), Names{"T-010"});
  EXPECT_EQ(harness().query("SELECT id FROM task WHERE instance_id = ? AND assignee = 'T-010'",
                            {Json(id)}).size(), 1u);
}

TEST_F(Sequential, AnApproverChangesAnEditableFieldWhenAgreeing) {
  int64_t id = submit("T-011", "edit", Json::object({{"days", 1}, {"reason", "病"}}));
  EXPECT_EQ(agree_action("T-010", id)["editable"], Json::parse(R"(["days"])"));
  EXPECT_EQ(detail(id)["steps"][0]["editable"], Json::parse(R"(["days"])"));
  EXPECT_EQ(detail(id)["steps"][1]["editable"], Json::array());

  auto other = act("T-010", id, Json::object({{"action", "agree"},
                                              {"form", Json::object({{"reason", "改"}})}}));
  ASSERT_EQ(other.status, 400) << other.body;
  EXPECT_NE(other.body.find("请假事由 is not editable at this step"), std::string::npos);
  auto invalid = act("T-010", id, Json::object({{"action", "agree"},
                                                {"form", Json::object({{"days", 0}})}}));
  ASSERT_EQ(invalid.status, 400) << invalid.body;
  EXPECT_EQ(invalid.json()["error"]["details"][0]["field"], "days");
  EXPECT_EQ(running(id), Names{"T-010"});  // nothing decided

  auto r = act("T-010", id, Json::object({{"action", "agree"}, {"comment", "按实际天数"},
                                          {"form", Json::object({{"days", 3}})}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["records"][0]["type"], "EXECUTE_TASK_NORMAL");
  EXPECT_EQ(r.json()["records"][0]["result"], "AGREE");
  EXPECT_EQ(r.json()["records"][0]["detail"]["changes"],
            Json::parse(R"([{"field": "days", "label": "请假天数", "from": 1, "to": 3}])"));
  EXPECT_EQ(detail(id)["form"]["days"], 3);
  EXPECT_EQ(detail(id)["form"]["reason"], "病");
  EXPECT_EQ(agree_action("T-001", id)["editable"], Json::array());
  auto late = act("T-001", id, Json::object({{"action", "agree"},
                                             {"form", Json::object({{"days", 2}})}}));
  EXPECT_EQ(late.status, 400) << late.body;
}

}  // namespace
}  // namespace approvals::testing
