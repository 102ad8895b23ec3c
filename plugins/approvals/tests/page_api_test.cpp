// SPDX-License-Identifier: Apache-2.0
// What the mini-app's pages read: the task badge, the approvers preview, the buttons a person
// gets, the timeline's step labels, the person picker.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using Names = std::vector<std::string>;

class PageApi : public ApprovalsTest {
 protected:
  int64_t count(const std::string& user) {
    auto r = harness().as(user).get("/tasks/count");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["count"].get<int64_t>();
  }
  HttpResult preview(const std::string& user, const std::string& tpl, Json form,
                     Json approvers = Json()) {
    Json body = Json::object({{"form", form}});
    if (!approvers.is_null()) body["approvers"] = approvers;
    return harness().as(user).post("/templates/" + tpl + "/preview", body);
  }
  static Names labels(const Json& steps, const char* key) {
    Names out;
    for (auto& s : steps) {
      std::string v = s[key].is_null() ? "-" : s[key].dump();
      out.push_back(s["label"].get<std::string>() + ":" + v);
    }
    return out;
  }
  static Names names(const Json& people) {
    Names out;
    for (auto& p : people) out.push_back(p["name"].get<std::string>());
    return out;
  }
  Names actions(const std::string& user, int64_t id) {
    auto r = harness().as(user).get("/instances/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    Names out;
    Json doc = r.json();
    for (auto& a : doc["allowed_actions"]) {
      std::string s = a["action"].get<std::string>();
      if (a.contains("task_id")) s += "#" + std::to_string(a["task_id"].get<int64_t>());
      out.push_back(s);
    }
    return out;
  }
};

TEST_F(PageApi, TheBadgeCountsTheCallersPendingTasks) {
  EXPECT_EQ(count("T-011"), 0);
  int64_t a = submit("T-013", "orsign", Json::object());
  submit("T-012", "leave", leave_form(1));
  EXPECT_EQ(count("T-011"), 1);
  EXPECT_EQ(count("T-010"), 1);
  ASSERT_EQ(agree("T-011", a).status, 200);
  EXPECT_EQ(count("T-011"), 0);  // decided
  EXPECT_EQ(count("T-012"), 0);  // its 或签 sibling was canceled
  EXPECT_EQ(harness().as_admin().get("/tasks/count").status, 403);
}

TEST_F(PageApi, ThePreviewResolvesTheChainForTheFormSoFarWithoutOpeningAnything) {
  auto empty = preview("T-011", "leave", Json::object());
  ASSERT_EQ(empty.status, 200) << empty.body;
  Json e = empty.json();
  EXPECT_EQ(labels(e["steps"], "skipped"),
            (Names{"直属主管:-", "分管院领导:\"condition\"", "院长:\"condition\""}));
  EXPECT_EQ(names(e["steps"][0]["people"]), Names{"王庭长"});
  EXPECT_EQ(e["steps"][0]["people"][0]["title"], "庭长");
  EXPECT_EQ(e["steps"][1]["conditional"], true);
  ASSERT_EQ(e["waiting_for"].size(), 1u);
  EXPECT_EQ(e["waiting_for"][0]["label"], "请假天数");
  ASSERT_EQ(e["cc"].size(), 1u);
  EXPECT_EQ(e["cc"][0]["name"], "刘管理员");
  EXPECT_EQ(e["cc"][0]["at"], "finish");

  Json partial = Json::object({{"days", 5}});  // the other required fields still missing
  Json p = preview("T-011", "leave", partial).json();
  EXPECT_EQ(labels(p["steps"], "skipped"), (Names{"直属主管:-", "分管院领导:-", "院长:-"}));
  EXPECT_EQ(names(p["steps"][2]["people"]), Names{"周院长"});
  EXPECT_TRUE(p["waiting_for"].empty());

  // A value a submit would refuse counts as not filled in.
  Json bad = preview("T-011", "leave", Json::object({{"days", "五"}})).json();
  EXPECT_EQ(bad["steps"][1]["skipped"], "condition");
  EXPECT_EQ(bad["waiting_for"].size(), 1u);

  EXPECT_TRUE(harness().query("SELECT id FROM instance").empty());
  EXPECT_TRUE(harness().outbox().empty());
}

TEST_F(PageApi, ThePreviewFollowsBranchesAndListsCcAtBothEnds) {
  Json p = preview("T-011", "trip", Json::object({{"amount", 6000}})).json();
  EXPECT_EQ(labels(p["steps"], "skipped"), Names{"院长:-"});
  Names cc;
  for (auto& c : p["cc"]) cc.push_back(c["name"].get<std::string>() + "@" + c["at"].get<std::string>());
  EXPECT_EQ(cc, (Names{"刘管理员@start", "周院长@finish"}));
  Json small = preview("T-011", "trip", Json::object({{"amount", 100}})).json();
  EXPECT_EQ(labels(small["steps"], "skipped"), Names{"分管院领导:-"});
}

TEST_F(PageApi, ThePreviewAsksForTheOriginatorsChoiceAndNamesAWrongOne) {
  Json none = preview("T-011", "choice", Json::object()).json();
  EXPECT_EQ(none["steps"][0]["needs_choice"], true);
  EXPECT_EQ(none["steps"][0]["choice"], "reviewer");
  EXPECT_TRUE(none["errors"].empty());
  Json self = preview("T-011", "choice", Json::object(),
                      Json::object({{"reviewer", "T-011"}})).json();
  ASSERT_EQ(self["errors"].size(), 1u);
  EXPECT_EQ(self["errors"][0]["field"], "approvers.reviewer");
  Json picked = preview("T-011", "choice", Json::object(),
                        Json::object({{"reviewer", Json::array({"T-012"})}})).json();
  EXPECT_EQ(picked["steps"][0]["needs_choice"], false);
  EXPECT_EQ(names(picked["steps"][0]["people"]), Names{"赵法官"});
}

TEST_F(PageApi, ThePreviewIsForTemplatesTheCallerMaySubmit) {
  EXPECT_EQ(preview("T-011", "room_booking", Json::object()).status, 404);
  EXPECT_EQ(preview("T-011", "nope", Json::object()).status, 404);
  EXPECT_EQ(preview("T-013", "judges_only", Json::object()).status, 403);
  EXPECT_EQ(preview("T-011", "leave", Json::array()).status, 400);
}

TEST_F(PageApi, EachPersonGetsTheButtonsTheyMayPress) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  std::string task = "#" + std::to_string(task_of(id, "T-010"));
  EXPECT_EQ(actions("T-010", id), (Names{"agree" + task, "refuse" + task, "transfer" + task,
                                         "add_approver" + task, "return" + task, "comment"}));
  EXPECT_EQ(actions("T-011", id), (Names{"withdraw", "comment", "urge"}));
  EXPECT_EQ(actions("T-021", id), (Names{"cancel", "comment"}));  // the court_admin
  ASSERT_EQ(act("T-010", id, Json::object({{"action", "return"}, {"comment", "补充事由"}})).status,
            200);
  // Returned to the originator: their step-0 task takes a resubmission in place.
  std::string mine = "#" + std::to_string(task_of(id, "T-011"));
  EXPECT_EQ(actions("T-011", id), (Names{"resubmit" + mine, "withdraw", "comment"}));
  EXPECT_EQ(actions("T-010", id), Names{"comment"});
}

TEST_F(PageApi, TheTimelineNamesTheStepOfEachDecision) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  agree("T-010", id, "同意");
  Json records = detail(id)["records"];
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["step"], "");  // the start
  EXPECT_EQ(records[1]["step"], "直属主管");
  EXPECT_EQ(records[1]["name"], "王庭长");
  EXPECT_EQ(records[1]["remark"], "同意");
  EXPECT_GT(records[1]["at_ms"].get<int64_t>(), 0);
}

class PageApiWithPeopleFields : public PageApi {
 protected:
  Json settings() override {
    Json s = test_settings();
    s["templates"].push_back(Json::parse(R"({"code": "errand", "name": "公务",
      "fields": [{"name": "with", "label": "同行", "type": "person", "multiple": true},
                 {"name": "dept", "label": "部门", "type": "department"},
                 {"name": "legs", "label": "行程", "type": "table",
                  "columns": [{"name": "host", "label": "接待人", "type": "person"}]}],
      "chain": [{"type": "supervisor", "level": 1}]})"));
    return s;
  }
};

TEST_F(PageApiWithPeopleFields, TheDetailNamesThePeopleAndDepartmentsOfItsForm) {
  int64_t id = submit("T-011", "errand",
                      Json::parse(R"({"with": ["T-012", "T-013"], "dept": "9002",
                                      "legs": [{"host": "T-021"}]})"));
  Json names = detail(id)["value_names"];
  EXPECT_EQ(names["people"], Json::parse(R"({"T-012": "赵法官", "T-013": "钱书记员",
                                             "T-021": "刘管理员"})"));
  EXPECT_EQ(names["departments"], Json::parse(R"({"9002": "办公室"})"));
}

TEST_F(PageApi, TheDepartmentFieldListsTheCallersCourt) {
  auto r = harness().as("T-011").get("/departments");
  ASSERT_EQ(r.status, 200) << r.body;
  Json departments = r.json()["departments"];
  Names ids;
  for (auto& d : departments) ids.push_back(d["id"].get<std::string>());
  EXPECT_EQ(ids, (Names{"9000", "9001", "9002", "9003", "9004"}));
  EXPECT_EQ(departments[1]["name"], "民一庭");
  EXPECT_EQ(harness().as_admin().get("/departments").status, 403);
}

}  // namespace
}  // namespace approvals::testing
