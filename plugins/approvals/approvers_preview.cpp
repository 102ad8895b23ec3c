// SPDX-License-Identifier: Apache-2.0
// The approvers preview of a form being filled in.
#include "approvers_preview.hpp"

#include <courthub/error.hpp>

#include "approver_chain.hpp"
#include "form_validation.hpp"
#include "instance_views.hpp"
#include "period_days.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

// The top-level key a field error is about: "items[2].amount" -> "items".
std::string top_key(const std::string& field) {
  return field.substr(0, field.find_first_of(".["));
}

bool blank(const Json* v) {
  return !v || v->is_null() || (v->is_string() && v->get<std::string>().empty()) ||
         ((v->is_array() || v->is_object()) && v->empty());
}

Json person_json(const Approver& a, Org& org) {
  auto p = org.person(a.user_id);
  return Json::object({{"user_id", a.user_id}, {"name", a.name}, {"title", p ? p->title : ""}});
}

}  // namespace

Json preview_approvers(const Template& tpl, const Originator& originator, const Json& form,
                       const Json& choices, Org& org, const IsWorkday& is_workday) {
  if (!form.is_object()) throw courthub::InvalidArgument("form must be a JSON object");
  // Conditions see only the values a submit would accept, with the days a period comes to.
  Json filled = form;
  PeriodDays period = apply_period_days(tpl, filled, is_workday, Disagreement::kOverwrite);
  Json usable = filled;
  for (auto& e : validate_form(tpl, filled, originator, org)) usable.erase(top_key(e.field));

  ResolvedChain chain = ApprovalChain(tpl, originator, org).resolve(usable, choices);

  Json steps = Json::array();
  for (auto& reached : chain.reached) {
    Json step = step_preview(*reached.spec);
    Json people = Json::array();
    Json skipped;
    bool needs_choice = false;
    if (reached.plan_step == 0) {
      skipped = "condition";
    } else {
      const PlanStep& planned = chain.plan.at(static_cast<size_t>(reached.plan_step - 1));
      step["mode"] = step_mode_name(planned.mode);
      for (auto& a : planned.approvers) people.push_back(person_json(a, org));
      bool picked = choices.is_object() && !blank(json::find(choices, reached.spec->key));
      if (planned.approvers.empty()) {
        if (reached.spec->kind == RecipientKind::kOriginatorChoice && !picked)
          needs_choice = true;
        else
          skipped = "empty";
      }
    }
    step["people"] = people;
    step["skipped"] = skipped;
    step["needs_choice"] = needs_choice;
    steps.push_back(std::move(step));
  }

  Json cc = Json::array();
  for (auto& a : chain.cc_start) {
    Json j = person_json(a, org);
    bool both = false;
    for (auto& f : chain.cc_finish) both = both || f.user_id == a.user_id;
    j["at"] = both ? "both" : "start";
    cc.push_back(std::move(j));
  }
  for (auto& a : chain.cc_finish) {
    bool listed = false;
    for (auto& s : chain.cc_start) listed = listed || s.user_id == a.user_id;
    if (listed) continue;
    Json j = person_json(a, org);
    j["at"] = "finish";
    cc.push_back(std::move(j));
  }

  Json waiting = Json::array();
  for (auto& name : chain.condition_fields) {
    if (!blank(json::find(usable, name))) continue;
    const FieldSpec* f = tpl.field(name);
    waiting.push_back(Json::object({{"name", name}, {"label", f ? f->label : name}}));
  }

  // A choice not made yet is what the step's needs_choice says; only wrong picks are errors.
  std::vector<FieldError> errors;
  for (auto& e : chain.errors) {
    std::string key = e.field.substr(e.field.find('.') == std::string::npos
                                         ? e.field.size()
                                         : e.field.find('.') + 1);
    if (!key.empty() && (!choices.is_object() || blank(json::find(choices, key)))) continue;
    errors.push_back(e);
  }
  return Json::object({{"steps", steps},
                       {"cc", cc},
                       {"waiting_for", waiting},
                       {"errors", field_errors_json(errors)},
                       {"computed", period.computed}});
}

}  // namespace approvals
