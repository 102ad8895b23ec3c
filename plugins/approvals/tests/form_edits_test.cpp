// SPDX-License-Identifier: Apache-2.0
// Approver edits (editable fields) and the changes a record keeps.
#include <gtest/gtest.h>

#include "../form_edits.hpp"

namespace approvals {
namespace {

Template leave() {
  Template t;
  t.name = "请假";
  FieldSpec days;
  days.name = "days";
  days.label = "请假天数";
  days.type = FieldType::kNumber;
  FieldSpec reason;
  reason.name = "reason";
  reason.label = "请假事由";
  t.fields = {days, reason};
  return t;
}

TEST(FormEdits, APatchTouchesOnlyTheStepsEditableFields) {
  Template t = leave();
  EXPECT_TRUE(check_patch(t, {"days"}, Json::parse(R"({"days": 3})")).empty());
  auto errors = check_patch(t, {"days"}, Json::parse(R"({"days": 3, "reason": "改"})"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "reason");
  EXPECT_EQ(errors[0].message, "请假事由 is not editable at this step");
  EXPECT_EQ(check_patch(t, {}, Json::parse(R"({"days": 3})")).size(), 1u);
  EXPECT_EQ(check_patch(t, {"days"}, Json::parse(R"({"nope": 1})")).at(0).field, "nope");
  EXPECT_EQ(check_patch(t, {"days"}, Json::array()).at(0).field, "form");
}

TEST(FormEdits, PatchedSetsAndRemovesMembers) {
  Json form = Json::parse(R"({"days": 2, "reason": "家中有事"})");
  EXPECT_EQ(patched(form, Json::parse(R"({"days": 3})")),
            Json::parse(R"({"days": 3, "reason": "家中有事"})"));
  EXPECT_EQ(patched(form, Json::parse(R"({"reason": null})")), Json::parse(R"({"days": 2})"));
}

TEST(FormEdits, ChangesListEachDifferentFieldInTheTemplatesOrder) {
  Template t = leave();
  Json before = Json::parse(R"({"reason": "家中有事", "days": 2})");
  Json after = Json::parse(R"({"reason": "看病", "days": 3, "extra": true})");
  EXPECT_EQ(form_changes(t, before, after), Json::parse(R"([
    {"field": "days", "label": "请假天数", "from": 2, "to": 3},
    {"field": "reason", "label": "请假事由", "from": "家中有事", "to": "看病"},
    {"field": "extra", "label": "extra", "from": null, "to": true}])"));
  EXPECT_TRUE(form_changes(t, before, before).empty());
}

}  // namespace
}  // namespace approvals
