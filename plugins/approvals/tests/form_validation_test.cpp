// SPDX-License-Identifier: Apache-2.0
// Form validation: each field type and rule, tables, unknown keys, every error at once.
#include <gtest/gtest.h>

#include <set>

#include "../form_validation.hpp"
#include "fake_org.hpp"

namespace approvals {
namespace {

using courthub::Json;

class FormTest : public ::testing::Test {
 protected:
  testing::FakeOrg org = testing::FakeOrg::court();
  std::shared_ptr<Template> tpl = testing::template_from(R"({"code": "t", "name": "T",
    "fields": [
      {"name": "title", "label": "标题", "type": "text", "required": true, "max_length": 4},
      {"name": "code", "label": "编号", "type": "text", "pattern": "^[A-Z][0-9]{3}$"},
      {"name": "body", "label": "正文", "type": "textarea", "min_length": 2},
      {"name": "days", "label": "天数", "type": "number", "min": 0.5, "max": 30},
      {"name": "count", "label": "份数", "type": "number", "integer": true},
      {"name": "amount", "label": "金额", "type": "money", "max": 1000},
      {"name": "day", "label": "日期", "type": "date"},
      {"name": "when", "label": "时间", "type": "date_range", "format": "datetime"},
      {"name": "kind", "label": "类型", "type": "select", "options": ["事假", "病假"]},
      {"name": "seals", "label": "印章", "type": "multi_select", "options": ["院章", "部门章"],
       "max_items": 1},
      {"name": "who", "label": "同行人", "type": "person", "multiple": true},
      {"name": "boss", "label": "领导", "type": "person"},
      {"name": "dept", "label": "部门", "type": "department"},
      {"name": "files", "label": "附件", "type": "attachment", "max_items": 2},
      {"name": "items", "label": "明细", "type": "table", "max_items": 3, "columns": [
        {"name": "what", "label": "项目", "type": "text", "required": true},
        {"name": "amount", "label": "金额", "type": "money"}]}],
    "chain": []})");

  std::vector<FieldError> check(const std::string& form) {
    return validate_form(*tpl, Json::parse(form), org.originator("T-011"), org);
  }
  // The message for `field`, or "" when that field has no error.
  std::string error(const std::string& form, const std::string& field) {
    for (auto& e : check(form))
      if (e.field == field) return e.message;
    return "";
  }
};

TEST_F(FormTest, AcceptsAValidForm) {
  auto errors = check(R"({"title": "请假", "code": "A123", "body": "因病", "days": 1.5,
    "count": 3, "amount": 12.34, "day": "2024-02-29", "when": ["2024-05-01 09:00",
    "2024-05-02T18:00"], "kind": "病假", "seals": ["院章"], "who": ["T-012"], "boss": "T-010",
    "dept": "9001", "files": [{"id": 1, "name": "证明.pdf", "size": 1024}],
    "items": [{"what": "车票", "amount": 100}]})");
  for (auto& e : errors) ADD_FAILURE() << e.field << ": " << e.message;
}

TEST_F(FormTest, NamesEveryMissingRequiredField) {
  EXPECT_EQ(error("{}", "title"), "标题 is required");
  EXPECT_EQ(error(R"({"title": "  "})", "title"), "标题 is required");
}

TEST_F(FormTest, ChecksTextRules) {
  EXPECT_NE(error(R"({"title": "一二三四五"})", "title").find("at most 4"), std::string::npos);
  EXPECT_EQ(error(R"({"title": "一二三四"})", "title"), "");  // characters, not bytes
  EXPECT_NE(error(R"({"title": 5})", "title").find("must be text"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "code": "a123"})", "code").find("format"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "body": "x"})", "body").find("at least 2"),
            std::string::npos);
}

TEST_F(FormTest, ChecksNumbersAndMoney) {
  EXPECT_NE(error(R"({"title": "a", "days": 0})", "days").find("at least 0.5"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "days": 31})", "days").find("at most 30"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "days": "3"})", "days").find("number"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "count": 1.5})", "count").find("whole"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "amount": 1.234})", "amount").find("two decimals"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "amount": 1000.01})", "amount").find("at most 1000"),
            std::string::npos);
}

TEST_F(FormTest, ChecksDates) {
  EXPECT_NE(error(R"({"title": "a", "day": "2023-02-29"})", "day").find("date like 2024-05-01"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "day": "2024-05-01 09:00"})", "day"), "");
  EXPECT_NE(error(R"({"title": "a", "when": ["2024-05-02 09:00", "2024-05-01 09:00"]})", "when")
                .find("ends before it starts"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "when": ["2024-05-01"]})", "when").find("[start, end]"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "when": ["2024-05-01 25:00", "2024-05-02 09:00"]})", "when"),
            "");
}

TEST_F(FormTest, ChecksOptions) {
  EXPECT_NE(error(R"({"title": "a", "kind": "年假"})", "kind").find("事假, 病假"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "seals": ["院章", "部门章"]})", "seals").find("at most 1"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "seals": ["公章"]})", "seals"), "");
  EXPECT_NE(error(R"({"title": "a", "seals": "院章"})", "seals"), "");
}

TEST_F(FormTest, ChecksPeopleAndDepartmentsInTheDirectory) {
  EXPECT_NE(error(R"({"title": "a", "who": ["T-012", "Nobody"]})", "who").find("'Nobody'"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "boss": ["T-010"]})", "boss").find("one userid"),
            std::string::npos);
  // Departments of the originator's court only.
  EXPECT_NE(error(R"({"title": "a", "dept": "8001"})", "dept").find("in your court"),
            std::string::npos);
}

TEST_F(FormTest, ChecksAttachmentReferences) {
  // Each file is the upload's answer {id, ...}; the id is what counts.
  EXPECT_NE(error(R"({"title": "a", "files": [{"name": "x"}]})", "files[0]").find("{id, ...}"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "files": [{"id": "f-1"}]})", "files[0]").find("{id, ...}"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "files": [{"id": 4}, {"id": 4}]})", "files").find("twice"),
            std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "files": [{"id": 1, "name": "a"},
    {"id": 2, "name": "b"}, {"id": 3, "name": "c"}]})", "files")
                .find("at most 2"),
            std::string::npos);
}

TEST_F(FormTest, NamesTheRowAndColumnOfTableErrors) {
  auto form = R"({"title": "a", "items": [{"what": "车票", "amount": 1},
                                          {"amount": 1.001, "extra": 1}]})";
  EXPECT_EQ(error(form, "items[1].what"), "项目 is required");
  EXPECT_NE(error(form, "items[1].amount").find("two decimals"), std::string::npos);
  EXPECT_NE(error(form, "items[1].extra").find("not a field of this table"), std::string::npos);
  EXPECT_NE(error(R"({"title": "a", "items": [{"what": "1"}, {"what": "2"}, {"what": "3"},
                                               {"what": "4"}]})", "items")
                .find("at most 3"),
            std::string::npos);
}

TEST_F(FormTest, RefusesUnknownFieldsAndReportsEverythingAtOnce) {
  auto errors = check(R"({"titel": "x", "days": 100, "kind": "x"})");
  ASSERT_EQ(errors.size(), 4u);
  std::set<std::string> fields;
  for (auto& e : errors) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "days", "kind", "titel"}));
  EXPECT_EQ(check("[]").front().field, "form");
}

TEST(FieldErrorsJson, IsAListOfFieldAndMessage) {
  Json j = field_errors_json({{"days", "天数 must be at most 30"}});
  EXPECT_EQ(j.dump(), R"([{"field":"days","message":"天数 must be at most 30"}])");
}

}  // namespace
}  // namespace approvals
