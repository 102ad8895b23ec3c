// SPDX-License-Identifier: Apache-2.0
// Settings and templates: defaults, every field type and step kind, and errors by JSON pointer.
#include <gtest/gtest.h>

#include "../settings.hpp"
#include "fake_org.hpp"

namespace approvals {
namespace {

using courthub::Json;

std::vector<SettingsProblem> problems_of(const std::string& settings) {
  std::vector<SettingsProblem> problems;
  parse_settings(Json::parse(settings), problems);
  return problems;
}

// The message at `pointer`, or "" when there is none.
std::string problem_at(const std::vector<SettingsProblem>& problems, const std::string& pointer) {
  for (auto& p : problems)
    if (p.pointer == pointer) return p.message;
  return "";
}

std::string dump(const std::vector<SettingsProblem>& problems) {
  std::string out;
  for (auto& p : problems) out += p.pointer + ": " + p.message + "\n";
  return out;
}

std::string with_template(const std::string& body) {
  return R"({"templates": [{"code": "t", "name": "T", )" + body + "}]}";
}

TEST(Settings, DefaultsAreSensible) {
  std::vector<SettingsProblem> problems;
  Settings s = parse_settings(Json::object(), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(s.templates.empty());
  EXPECT_EQ(s.card_template_id, "courthub.approvals.task");
  EXPECT_EQ(s.remind_after_minutes, 240);
  EXPECT_EQ(s.request_sources, (std::vector<std::string>{"rooms", "attendance", "lawyers"}));
}

TEST(Settings, ReadsEveryFieldTypeAndStepKind) {
  std::vector<SettingsProblem> problems;
  Settings s = parse_settings(Json::parse(R"({
    "card_template_id": "tpl-1", "remind_after_minutes": 30, "request_sources": ["rooms"],
    "dingtalk_process_codes": {"PROC-1": "all"}, "detail_url": "https://x/{id}",
    "templates": [{"code": "all", "name": "全部", "group": "g", "requested_only": false,
      "may_start": {"roles": ["judge", "院长"], "courts": ["T-*"]},
      "fields": [
        {"name": "a", "label": "A", "type": "text", "required": true, "max_length": 5,
         "pattern": "^[0-9]+$"},
        {"name": "b", "type": "textarea", "min_length": 2},
        {"name": "c", "type": "number", "min": 0, "max": 10, "integer": true},
        {"name": "d", "type": "money", "max": 100},
        {"name": "e", "type": "date"},
        {"name": "f", "type": "date_range", "format": "datetime"},
        {"name": "g", "type": "select", "options": ["x", "y"]},
        {"name": "h", "type": "multi_select", "options": ["x", "y"], "max_items": 2},
        {"name": "i", "type": "person", "multiple": true},
        {"name": "j", "type": "department"},
        {"name": "k", "type": "attachment", "max_items": 3},
        {"name": "l", "type": "table", "columns": [{"name": "m", "type": "number"}]}],
      "chain": [
        {"type": "person", "user": "T-011"},
        {"type": "person", "users": ["T-011", "T-012"], "mode": "or"},
        {"type": "supervisor", "level": 2},
        {"type": "role", "role": "庭长"},
        {"type": "role", "role": "clerk", "mode": "and"},
        {"type": "originator_choice", "key": "pick", "mode": "or"},
        {"branch": [{"when": {"field": "c", "op": "gt", "value": 3}, "steps": []},
                    {"steps": [{"type": "role", "role": "president"}]}]}],
      "cc": [{"type": "role", "role": "court_admin", "at": "start_finish"}]}]})"),
                              problems);
  ASSERT_TRUE(problems.empty()) << dump(problems);
  ASSERT_EQ(s.templates.size(), 1u);
  const Template& t = *s.templates[0];
  EXPECT_EQ(t.fields.size(), 12u);
  EXPECT_EQ(t.fields[5].type, FieldType::kDateRange);
  EXPECT_TRUE(t.fields[5].with_time);
  EXPECT_EQ(t.fields[11].columns.size(), 1u);
  EXPECT_EQ(t.start_roles, (std::vector<std::string>{"judge", "president"}));
  ASSERT_EQ(t.chain.size(), 7u);
  EXPECT_EQ(t.chain[0].step->mode, StepMode::kSingle);
  EXPECT_EQ(t.chain[1].step->mode, StepMode::kOr);
  EXPECT_EQ(t.chain[2].step->level, 2);
  EXPECT_EQ(t.chain[3].step->role, "division_head");
  EXPECT_EQ(t.chain[4].step->mode, StepMode::kAnd);
  EXPECT_EQ(t.chain[5].step->key, "pick");
  EXPECT_EQ(t.chain[6].branches.size(), 2u);
  EXPECT_EQ(t.cc[0].at, CcAt::kStartFinish);
  EXPECT_EQ(t.summary, (std::vector<std::string>{"a", "b", "c"}));  // the first three
  EXPECT_EQ(s.dingtalk_process_codes.at("PROC-1"), "all");
  EXPECT_EQ(s.remind_after_minutes, 30);
}

TEST(Settings, ModesDefaultByHowManyPeopleAStepNames) {
  auto t = testing::template_from(R"({"code": "t", "name": "T",
    "fields": [{"name": "a", "type": "text"}],
    "chain": [{"type": "person", "users": ["a", "b"]}, {"type": "role", "role": "judge"},
              {"type": "role", "role": "president"}, {"type": "supervisor", "level": 1}]})");
  EXPECT_EQ(t->chain[0].step->mode, StepMode::kAnd);  // named people all sign
  EXPECT_EQ(t->chain[1].step->mode, StepMode::kOr);   // a role: whoever comes first
  EXPECT_EQ(t->chain[2].step->mode, StepMode::kSingle);
  EXPECT_EQ(t->chain[3].step->mode, StepMode::kSingle);
}

struct BadCase {
  std::string settings;
  std::string pointer;
  std::string words;  // part of the message
};

TEST(Settings, EveryMistakeIsReportedWhereItIs) {
  const std::string f = R"("fields": [{"name": "days", "type": "number"},
                                      {"name": "kind", "type": "select", "options": ["a", "b"]}])";
  const std::vector<BadCase> cases = {
      {R"({"templatez": []})", "/templatez", "unknown key"},
      {R"({"remind_after_minutes": -1})", "/remind_after_minutes", "from 0"},
      {R"({"request_sources": ["Rooms"]})", "/request_sources/0", "plugin id"},
      {R"({"card_template_id": ""})", "/card_template_id", "interactive-card"},
      {R"({"templates": {}})", "/templates", "list"},
      {R"({"templates": [{"name": "T",
        "fields": [{"name": "a", "type": "text"}], "chain": []}]})",
       "/templates/0", "code is required"},
      {with_template(R"("fields": [{"name": "a", "type": "txt"}], "chain": [])"),
       "/templates/0/fields/0/type", "unknown field type 'txt'"},
      {with_template(R"("fields": [{"name": "a", "type": "text", "requried": true}], "chain": [])"),
       "/templates/0/fields/0/requried", "unknown key 'requried'"},
      {with_template(R"("fields": [{"name": "a", "type": "select"}], "chain": [])"),
       "/templates/0/fields/0", "needs options"},
      {with_template(R"("fields": [{"name": "a", "type": "number", "min": 5, "max": 1}],
                        "chain": [])"),
       "/templates/0/fields/0/min", "greater than max"},
      {with_template(R"("fields": [{"name": "a", "type": "text", "pattern": "(["}], "chain": [])"),
       "/templates/0/fields/0/pattern", "regular expression"},
      {with_template(R"("fields": [{"name": "a", "type": "text", "options": ["x"]}], "chain": [])"),
       "/templates/0/fields/0/options", "does not apply"},
      {with_template(R"("fields": [{"name": "a", "type": "text"}, {"name": "a", "type": "text"}],
                        "chain": [])"),
       "/templates/0/fields/1/name", "appears twice"},
      {with_template(R"("fields": [{"name": "A b", "type": "text"}], "chain": [])"),
       "/templates/0/fields/0/name", "[a-z]"},
      {with_template(R"("fields": [{"name": "t", "type": "table", "columns": [
                        {"name": "u", "type": "table", "columns": [{"name": "v"}]}]}],
                        "chain": [])"),
       "/templates/0/fields/0/columns/0/type", "cannot hold a table"},
      {with_template(f + R"(, "chain": [{"type": "role", "role": "boss"}])"),
       "/templates/0/chain/0/role", "unknown role 'boss'"},
      {with_template(f + R"(, "chain": [{"type": "role", "role": "judge", "mode": "single"}])"),
       "/templates/0/chain/0/mode", "several people"},
      {with_template(f + R"(, "chain": [{"type": "supervisor"}])"), "/templates/0/chain/0",
       "level is required"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1, "mode": "and"}])"),
       "/templates/0/chain/0/mode", "one person"},
      {with_template(f + R"(, "chain": [{"type": "manager"}])"), "/templates/0/chain/0/type",
       "unknown type 'manager'"},
      {with_template(f + R"(, "chain": [{"type": "person"}])"), "/templates/0/chain/0",
       "names user"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1,
                                          "when": {"field": "dayz", "op": "gt", "value": 1}}])"),
       "/templates/0/chain/0/when/field", "no field 'dayz'"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1,
                                          "when": {"field": "kind", "op": "gt", "value": "a"}}])"),
       "/templates/0/chain/0/when/op", "by size"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1,
                                          "when": {"field": "kind", "op": "eq", "value": "c"}}])"),
       "/templates/0/chain/0/when/value", "not one of the options"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1,
                                          "when": {"field": "days", "op": "gt", "value": "3"}}])"),
       "/templates/0/chain/0/when/value", "must be a number"},
      {with_template(f + R"(, "chain": [{"type": "supervisor", "level": 1,
                                          "when": {"field": "days", "op": "about"}}])"),
       "/templates/0/chain/0/when/op", "unknown operator"},
      {with_template(f + R"(, "chain": [{"branch": [{"steps": []},
                                                    {"when": {"field": "days", "op": "gt",
                                                              "value": 1}, "steps": []}]}])"),
       "/templates/0/chain/0/branch/0", "only the last branch"},
      {with_template(f + R"(, "chain": [{"type": "originator_choice", "key": "k"},
                                        {"type": "originator_choice", "key": "k"}])"),
       "/templates/0/chain", "used twice"},
      {with_template(f + R"(, "chain": [], "cc": [{"type": "originator_choice", "key": "k"}])"),
       "/templates/0/cc/0/type", "unknown type"},
      {with_template(f + R"(, "chain": [],
                            "cc": [{"type": "role", "role": "judge", "at": "end"}])"),
       "/templates/0/cc/0/at", "start, finish"},
      {with_template(f + R"(, "chain": [], "summary": ["nope"])"), "/templates/0/summary/0",
       "no field 'nope'"},
      {R"({"templates": [{"code": "a", "name": "A", "fields": [{"name": "x", "type": "text"}],
           "chain": []}, {"code": "a", "name": "B", "fields": [{"name": "x", "type": "text"}],
           "chain": []}]})",
       "/templates/1/code", "used twice"},
      {R"({"dingtalk_process_codes": {"PROC-1": "missing"}})", "/dingtalk_process_codes/PROC-1",
       "no template"},
  };
  for (auto& c : cases) {
    auto problems = problems_of(c.settings);
    std::string message = problem_at(problems, c.pointer);
    EXPECT_NE(message.find(c.words), std::string::npos)
        << "settings " << c.settings << "\nexpected at " << c.pointer << ": " << c.words
        << "\ngot:\n" << dump(problems);
  }
}

TEST(Settings, SequentialStepsAndEditableFields) {
  std::vector<SettingsProblem> problems;
  Settings s = parse_settings(Json::parse(with_template(R"(
    "fields": [{"name": "days", "type": "number"}, {"name": "f", "type": "attachment"}],
    "chain": [{"type": "person", "users": ["u1", "u2"], "mode": "sequential",
               "editable": ["days"]},
              {"type": "role", "role": "judge", "mode": "sequential"}])")),
                              problems);
  ASSERT_TRUE(problems.empty()) << dump(problems);
  const auto& chain = s.templates.at(0)->chain;
  EXPECT_EQ(chain.at(0).step->mode, StepMode::kSequential);
  EXPECT_EQ(chain.at(0).step->editable, std::vector<std::string>{"days"});
  EXPECT_EQ(chain.at(1).step->mode, StepMode::kSequential);
  EXPECT_TRUE(chain.at(1).step->editable.empty());

  auto bad = problems_of(with_template(R"(
    "fields": [{"name": "days", "type": "number"}, {"name": "f", "type": "attachment"}],
    "chain": [{"type": "person", "user": "u1", "mode": "sequential"},
              {"type": "originator_choice", "key": "k", "mode": "sequential"},
              {"type": "supervisor", "level": 1, "editable": ["nope", "f", "days", "days"]}],
    "cc": [{"type": "role", "role": "judge", "editable": ["days"]}])"));
  EXPECT_NE(problem_at(bad, "/templates/0/chain/0/mode"), "") << dump(bad);
  EXPECT_NE(problem_at(bad, "/templates/0/chain/1/mode").find("sequential"), std::string::npos)
      << dump(bad);
  EXPECT_EQ(problem_at(bad, "/templates/0/chain/2/editable/0"), "no field 'nope' in this template");
  EXPECT_NE(problem_at(bad, "/templates/0/chain/2/editable/1"), "");
  EXPECT_EQ(problem_at(bad, "/templates/0/chain/2/editable/2"), "");
  EXPECT_NE(problem_at(bad, "/templates/0/chain/2/editable/3"), "");
  EXPECT_NE(problem_at(bad, "/templates/0/cc/0/editable"), "") << dump(bad);
}

TEST(Settings, ReportsAllProblemsAtOnce) {
  auto problems = problems_of(with_template(
      R"("fields": [{"name": "a", "type": "txt"}, {"name": "b", "type": "select"}],
         "chain": [{"type": "role", "role": "boss"}])"));
  EXPECT_EQ(problems.size(), 3u) << dump(problems);
}

TEST(Settings, RoleSpellingsIncludeChinese) {
  EXPECT_EQ(canonical_role("院长"), "president");
  EXPECT_EQ(canonical_role("庭长"), "division_head");
  EXPECT_EQ(canonical_role("分管院领导"), "division_leader");
  EXPECT_EQ(canonical_role("综合管理员"), "court_admin");
  EXPECT_EQ(canonical_role("boss"), "");
}

}  // namespace
}  // namespace approvals
