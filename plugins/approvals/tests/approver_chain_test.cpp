// SPDX-License-Identifier: Apache-2.0
// Chain resolution: every step kind, conditions and branches, choices, de-duplication, CC, and
// the directory asked once per kind of question.
#include <gtest/gtest.h>

#include "../approver_chain.hpp"
#include "../org_cache.hpp"
#include "fake_org.hpp"

namespace approvals {
namespace {

using courthub::Json;

class ChainTest : public ::testing::Test {
 protected:
  testing::FakeOrg org = testing::FakeOrg::court();

  ResolvedChain resolve(const std::string& chain, const std::string& originator,
                        const std::string& form = "{}", const std::string& choices = "null",
                        const std::string& cc = "[]") {
    tpl = testing::template_from(R"({"code": "t", "name": "T",
      "fields": [{"name": "days", "type": "number"}, {"name": "amount", "type": "money"}],
      "chain": )" + chain + R"(, "cc": )" + cc + "}");
    auto who = org.originator(originator);
    return ApprovalChain(*tpl, who, org).resolve(Json::parse(form), Json::parse(choices));
  }

  // Approver ids of each step, e.g. {{"T-010"}, {}, {"T-001"}}.
  static std::vector<std::vector<std::string>> ids(const ResolvedChain& c) {
    std::vector<std::vector<std::string>> out;
    for (auto& s : c.plan) {
      out.emplace_back();
      for (auto& a : s.approvers) out.back().push_back(a.user_id);
    }
    return out;
  }
  using Steps = std::vector<std::vector<std::string>>;

  std::shared_ptr<Template> tpl;
};

TEST_F(ChainTest, SupervisorLevelsFollowTheDirectoryChain) {
  auto c = resolve(R"([{"type": "supervisor", "level": 1}, {"type": "supervisor", "level": 2},
                       {"type": "supervisor", "level": 3}, {"type": "supervisor", "level": 4}])",
                   "T-011");
  EXPECT_EQ(ids(c), (Steps{{"T-010"}, {"T-002"}, {"T-001"}, {}}));  // no 4th level: skipped
  EXPECT_EQ(c.plan[0].label, "直属主管");
  EXPECT_EQ(c.plan[1].label, "第2级主管");
  // In a sub-department the chain is longer: 处长, 局长, 分管副院长, 院长.
  c = resolve(R"([{"type": "supervisor", "level": 2}, {"type": "supervisor", "level": 3}])",
              "T-032");
  EXPECT_EQ(ids(c), (Steps{{"T-030"}, {"T-003"}}));
}

TEST_F(ChainTest, RolesAreResolvedInTheOriginatorsCourt) {
  auto c = resolve(R"([{"type": "role", "role": "division_head"},
                       {"type": "role", "role": "division_leader"},
                       {"type": "role", "role": "president"},
                       {"type": "role", "role": "court_admin"}])",
                   "T-032");
  EXPECT_EQ(ids(c), (Steps{{"T-031"}, {"T-003"}, {"T-001"}, {"T-021"}}));
  EXPECT_EQ(c.plan[1].label, "分管院领导");
  EXPECT_EQ(c.plan[3].mode, StepMode::kOr);
}

TEST_F(ChainTest, APlainRoleAsksEveryoneWithItButTheOriginator) {
  auto c = resolve(R"([{"type": "role", "role": "judge", "mode": "or"}])", "T-011");
  EXPECT_EQ(ids(c), (Steps{{"T-012", "T-032"}}));
  EXPECT_EQ(c.plan[0].mode, StepMode::kOr);
}

TEST_F(ChainTest, NamedPeopleKeepTheirModeAndSkipThoseWhoLeft) {
  auto c = resolve(R"([{"type": "person", "users": ["T-012", "T-013", "GONE"]},
                       {"type": "person", "user": "T-020"}])",
                   "T-011");
  EXPECT_EQ(ids(c), (Steps{{"T-012", "T-013"}, {"T-020"}}));
  EXPECT_EQ(c.plan[0].mode, StepMode::kAnd);
  EXPECT_EQ(c.plan[0].approvers[0].name, "赵法官");
}

TEST_F(ChainTest, ConditionsAddSteps) {
  const std::string chain = R"([{"type": "supervisor", "level": 1},
    {"type": "role", "role": "division_leader", "when": {"field": "days", "op": "gt", "value": 1}},
    {"type": "role", "role": "president", "when": {"field": "days", "op": "gt", "value": 3}}])";
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"days": 1})")), (Steps{{"T-010"}}));
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"days": 2})")), (Steps{{"T-010"}, {"T-002"}}));
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"days": 4})")),
            (Steps{{"T-010"}, {"T-002"}, {"T-001"}}));
}

TEST_F(ChainTest, TheFirstMatchingBranchWins) {
  const std::string chain = R"([{"branch": [
      {"when": {"field": "amount", "op": "gt", "value": 5000},
       "steps": [{"type": "role", "role": "president"}]},
      {"when": {"field": "amount", "op": "gt", "value": 1000},
       "steps": [{"type": "role", "role": "division_leader"}]},
      {"steps": [{"type": "supervisor", "level": 1}]}]}])";
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"amount": 9000})")), (Steps{{"T-001"}}));
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"amount": 2000})")), (Steps{{"T-002"}}));
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({"amount": 10})")), (Steps{{"T-010"}}));
  EXPECT_EQ(ids(resolve(chain, "T-011", R"({})")), (Steps{{"T-010"}}));
}

TEST_F(ChainTest, TheOriginatorChoosesTheirOwnStep) {
  const std::string chain = R"([{"type": "originator_choice", "key": "reviewer", "label": "审核人"},
                                {"type": "supervisor", "level": 1}])";
  auto c = resolve(chain, "T-011", "{}", R"({"reviewer": ["T-013"]})");
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(ids(c), (Steps{{"T-013"}, {"T-010"}}));
  EXPECT_EQ(c.plan[0].label, "审核人");

  auto message = [&](const std::string& choices) {
    auto r = resolve(chain, "T-011", "{}", choices);
    return r.errors.empty() ? std::string() : r.errors[0].field + " " + r.errors[0].message;
  };
  EXPECT_EQ(message("null"),
            "approvers.reviewer 审核人 is required: choose who approves this step");
  EXPECT_NE(message(R"({"reviewer": ["T-012", "T-013"]})").find("exactly one"), std::string::npos);
  EXPECT_NE(message(R"({"reviewer": "T-011"})").find("your own request"), std::string::npos);
  EXPECT_NE(message(R"({"reviewer": "NOBODY"})").find("no person 'NOBODY'"), std::string::npos);
  EXPECT_NE(message(R"({"reviewer": "T-013", "other": "T-012"})").find("approvers.other"),
            std::string::npos);
}

TEST_F(ChainTest, NobodyApprovesTwiceAndNobodyApprovesThemselves) {
  const std::string chain = R"([{"type": "supervisor", "level": 1},
    {"type": "role", "role": "division_leader"}, {"type": "role", "role": "president"}])";
  // A 庭长's first supervisor is also the 分管院领导: the plan lists them in both steps, and the
  // instance skips the second only once they have agreed in the first (by deed, not by plan).
  auto c = resolve(chain, "T-010");
  EXPECT_EQ(ids(c), (Steps{{"T-002"}, {"T-002"}, {"T-001"}}));
  // The president has nobody to ask: every step is empty and the instance will pass at once.
  EXPECT_EQ(ids(resolve(chain, "T-001")), (Steps{{}, {}, {}}));
  // The court_admin booking a room is not asked to approve it.
  EXPECT_EQ(ids(resolve(R"([{"type": "role", "role": "court_admin"}])", "T-021")), (Steps{{}}));
}

TEST_F(ChainTest, CopiesGoToTheirStage) {
  auto c = resolve("[]", "T-011", R"({"days": 5})", "null",
                   R"([{"type": "role", "role": "court_admin", "at": "start"},
                       {"type": "supervisor", "level": 1, "at": "finish"},
                       {"type": "role", "role": "president", "at": "start_finish",
                        "when": {"field": "days", "op": "gt", "value": 3}},
                       {"type": "person", "user": "T-011"}])");
  auto names = [](const std::vector<Approver>& v) {
    std::vector<std::string> out;
    for (auto& a : v) out.push_back(a.user_id);
    return out;
  };
  EXPECT_EQ(names(c.cc_start), (std::vector<std::string>{"T-021", "T-001"}));
  EXPECT_EQ(names(c.cc_finish), (std::vector<std::string>{"T-010", "T-001"}));  // not T-011
}

TEST_F(ChainTest, ThroughAnOrgCacheEachQuestionIsAskedOnce) {
  tpl = testing::template_from(R"({"code": "t", "name": "T",
    "fields": [{"name": "days", "type": "number"}],
    "chain": [{"type": "supervisor", "level": 1}, {"type": "supervisor", "level": 2},
              {"type": "supervisor", "level": 3}, {"type": "role", "role": "division_head"},
              {"type": "role", "role": "division_leader"}, {"type": "role", "role": "president"}],
    "cc": [{"type": "role", "role": "president"}]})");
  OrgCache cached(org);
  auto who = org.originator("T-011");
  auto c = ApprovalChain(*tpl, who, cached).resolve(Json::parse("{}"), Json());
  EXPECT_EQ(org.supervisor_calls, 1);
  EXPECT_EQ(org.department_calls, 1);
  EXPECT_EQ(org.role_calls, 1);
  EXPECT_EQ(org.person_calls, 0);  // people named by heads were already in the supervisor answer
}

}  // namespace
}  // namespace approvals
