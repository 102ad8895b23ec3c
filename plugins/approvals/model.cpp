// SPDX-License-Identifier: Apache-2.0
// Spellings of the domain enums and the JSON form of a plan (stored in the instance row).
#include "model.hpp"

#include <array>
#include <utility>

namespace json = courthub::json;

namespace approvals {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 12> kFieldTypes = {{
    {FieldType::kText, "text"},
    {FieldType::kTextarea, "textarea"},
    {FieldType::kNumber, "number"},
    {FieldType::kMoney, "money"},
    {FieldType::kDate, "date"},
    {FieldType::kDateRange, "date_range"},
    {FieldType::kSelect, "select"},
    {FieldType::kMultiSelect, "multi_select"},
    {FieldType::kPerson, "person"},
    {FieldType::kDepartment, "department"},
    {FieldType::kAttachment, "attachment"},
    {FieldType::kTable, "table"},
}};

}  // namespace

std::string_view field_type_name(FieldType type) {
  for (auto& [t, name] : kFieldTypes)
    if (t == type) return name;
  return "text";
}

std::optional<FieldType> field_type_from(std::string_view name) {
  for (auto& [t, n] : kFieldTypes)
    if (n == name) return t;
  return std::nullopt;
}

std::string_view step_mode_name(StepMode mode) {
  switch (mode) {
    case StepMode::kOr: return "or";
    case StepMode::kAnd: return "and";
    case StepMode::kSequential: return "sequential";
    default: return "single";
  }
}

std::optional<StepMode> step_mode_from(std::string_view name) {
  if (name == "single") return StepMode::kSingle;
  if (name == "or") return StepMode::kOr;
  if (name == "and") return StepMode::kAnd;
  if (name == "sequential") return StepMode::kSequential;
  return std::nullopt;
}

std::vector<const RecipientSpec*> Template::choice_steps() const {
  std::vector<const RecipientSpec*> out;
  auto visit = [&](const RecipientSpec& s) {
    if (s.kind == RecipientKind::kOriginatorChoice) out.push_back(&s);
  };
  for (auto& item : chain) {
    if (item.step) visit(*item.step);
    for (auto& branch : item.branches)
      for (auto& s : branch.steps) visit(s);
  }
  return out;
}

Json approvers_json(const std::vector<Approver>& people) {
  Json out = Json::array();
  for (auto& a : people) out.push_back(Json::object({{"user_id", a.user_id}, {"name", a.name}}));
  return out;
}

Json plan_to_json(const Plan& plan) {
  Json steps = Json::array();
  for (auto& s : plan) {
    Json step = Json::object({{"id", s.id},
                              {"label", s.label},
                              {"mode", step_mode_name(s.mode)},
                              {"approvers", approvers_json(s.approvers)},
                              {"origin", s.origin}});
    if (!s.added_by.empty()) step["added_by"] = s.added_by;
    if (!s.editable.empty()) step["editable"] = s.editable;
    if (s.void_through) step["void_through"] = s.void_through;
    steps.push_back(std::move(step));
  }
  return steps;
}

Plan plan_from_json(const Json& json) {
  Plan plan;
  if (!json.is_array()) return plan;
  for (auto& s : json) {
    PlanStep step;
    step.id = static_cast<int>(json::get<int64_t>(s, "id"));
    step.label = json::get<std::string>(s, "label");
    step.mode = step_mode_from(json::get<std::string>(s, "mode")).value_or(StepMode::kSingle);
    if (const Json* approvers = json::find(s, "approvers"); approvers && approvers->is_array())
      for (auto& a : *approvers)
        step.approvers.push_back(
            {json::get<std::string>(a, "user_id"), json::get<std::string>(a, "name")});
    step.origin = json::get<std::string>(s, "origin", std::string(kOriginTemplate));
    step.added_by = json::get<std::string>(s, "added_by");
    if (const Json* editable = json::find(s, "editable"); editable && editable->is_array())
      for (auto& f : *editable)
        if (f.is_string()) step.editable.push_back(f.get<std::string>());
    step.void_through = json::get<int64_t>(s, "void_through");
    plan.push_back(std::move(step));
  }
  return plan;
}

}  // namespace approvals
