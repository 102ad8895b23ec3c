// SPDX-License-Identifier: Apache-2.0
// Condition branches: every operator, absent values, combinations.
#include <gtest/gtest.h>

#include "../condition.hpp"
#include "fake_org.hpp"

namespace approvals {
namespace {

using courthub::Json;

class ConditionTest : public ::testing::Test {
 protected:
  std::shared_ptr<Template> tpl = testing::template_from(R"({"code": "t", "name": "T",
    "fields": [{"name": "days", "type": "number"},
               {"name": "kind", "type": "select", "options": ["事假", "病假"]},
               {"name": "seals", "type": "multi_select", "options": ["院章", "部门章"]},
               {"name": "day", "type": "date"},
               {"name": "note", "type": "text"}],
    "chain": []})");

  bool eval(const std::string& condition, const std::string& form) {
    std::vector<SettingsProblem> problems;
    auto c = parse_condition(Json::parse(condition), "/when", tpl->fields, problems);
    for (auto& p : problems) ADD_FAILURE() << p.pointer << ": " << p.message;
    if (!c) return false;
    return holds(*c, Json::parse(form));
  }
};

TEST_F(ConditionTest, ComparesNumbers) {
  EXPECT_TRUE(eval(R"({"field": "days", "op": "gt", "value": 3})", R"({"days": 3.5})"));
  EXPECT_FALSE(eval(R"({"field": "days", "op": "gt", "value": 3})", R"({"days": 3})"));
  EXPECT_TRUE(eval(R"({"field": "days", "op": "gte", "value": 3})", R"({"days": 3})"));
  EXPECT_TRUE(eval(R"({"field": "days", "op": "lt", "value": 3})", R"({"days": 1})"));
  EXPECT_TRUE(eval(R"({"field": "days", "op": "<=", "value": 3})", R"({"days": 3})"));
  EXPECT_TRUE(eval(R"({"field": "days", "op": "eq", "value": 2})", R"({"days": 2.0})"));
  EXPECT_TRUE(eval(R"({"field": "days", "op": "in", "value": [1, 2]})", R"({"days": 2})"));
}

TEST_F(ConditionTest, ComparesOptionsAndText) {
  EXPECT_TRUE(eval(R"({"field": "kind", "op": "eq", "value": "病假"})", R"({"kind": "病假"})"));
  EXPECT_TRUE(eval(R"({"field": "kind", "op": "ne", "value": "病假"})", R"({"kind": "事假"})"));
  EXPECT_TRUE(eval(R"({"field": "kind", "op": "not_in", "value": ["病假"]})",
                   R"({"kind": "事假"})"));
  EXPECT_TRUE(eval(R"({"field": "seals", "op": "contains", "value": "院章"})",
                   R"({"seals": ["部门章", "院章"]})"));
  EXPECT_FALSE(eval(R"({"field": "seals", "op": "contains", "value": "院章"})",
                    R"({"seals": ["部门章"]})"));
  EXPECT_TRUE(eval(R"({"field": "note", "op": "contains", "value": "加急"})",
                   R"({"note": "请加急办理"})"));
}

TEST_F(ConditionTest, ComparesDatesAsDates) {
  EXPECT_TRUE(eval(R"({"field": "day", "op": "gte", "value": "2024-05-01"})",
                   R"({"day": "2024-05-02"})"));
  EXPECT_FALSE(eval(R"({"field": "day", "op": "gt", "value": "2024-05-01"})",
                    R"({"day": "2024-04-30"})"));
}

TEST_F(ConditionTest, AnAbsentValueMatchesOnlyEmptyNeAndNotIn) {
  EXPECT_FALSE(eval(R"({"field": "days", "op": "gt", "value": 0})", "{}"));
  EXPECT_FALSE(eval(R"({"field": "days", "op": "lt", "value": 100})", "{}"));
  EXPECT_FALSE(eval(R"({"field": "kind", "op": "eq", "value": "病假"})", "{}"));
  EXPECT_TRUE(eval(R"({"field": "kind", "op": "ne", "value": "病假"})", "{}"));
  EXPECT_TRUE(eval(R"({"field": "kind", "op": "not_in", "value": ["病假"]})", "{}"));
  EXPECT_TRUE(eval(R"({"field": "note", "op": "empty"})", R"({"note": ""})"));
  EXPECT_TRUE(eval(R"({"field": "note", "op": "not_empty"})", R"({"note": "x"})"));
  EXPECT_TRUE(eval(R"({"field": "seals", "op": "empty"})", R"({"seals": []})"));
}

TEST_F(ConditionTest, CombinesWithAllAnyNot) {
  const std::string any = R"({"any": [{"field": "days", "op": "gt", "value": 5},
                                      {"field": "kind", "op": "eq", "value": "病假"}]})";
  EXPECT_TRUE(eval(any, R"({"days": 1, "kind": "病假"})"));
  EXPECT_TRUE(eval(any, R"({"days": 6, "kind": "事假"})"));
  EXPECT_FALSE(eval(any, R"({"days": 1, "kind": "事假"})"));
  const std::string all = R"({"all": [{"field": "days", "op": "gt", "value": 5},
                                      {"field": "kind", "op": "eq", "value": "病假"}]})";
  EXPECT_FALSE(eval(all, R"({"days": 6, "kind": "事假"})"));
  EXPECT_TRUE(eval(all, R"({"days": 6, "kind": "病假"})"));
  EXPECT_TRUE(eval(R"({"not": {"field": "days", "op": "gt", "value": 5}})", R"({"days": 1})"));
}

TEST_F(ConditionTest, RejectsMalformedConditions) {
  std::vector<SettingsProblem> problems;
  EXPECT_FALSE(parse_condition(Json::parse(R"({"any": []})"), "/w", tpl->fields, problems));
  EXPECT_FALSE(parse_condition(Json::parse(R"({"field": "days", "op": "in", "value": 3})"), "/w",
                               tpl->fields, problems));
  EXPECT_FALSE(parse_condition(Json::parse(R"({"field": "seals", "op": "gt", "value": 1})"), "/w",
                               tpl->fields, problems));
  EXPECT_FALSE(parse_condition(Json::parse(R"({"field": "day", "op": "gt", "value": "May"})"),
                               "/w", tpl->fields, problems));
  EXPECT_FALSE(parse_condition(Json::parse(R"({"field": "note", "op": "empty", "value": 1})"),
                               "/w", tpl->fields, problems));
  EXPECT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].pointer, "/w/any");
}

}  // namespace
}  // namespace approvals
