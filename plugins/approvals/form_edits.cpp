// SPDX-License-Identifier: Apache-2.0
// Approver edits and the changes between two forms.
#include "form_edits.hpp"

#include <algorithm>
#include <set>

namespace json = courthub::json;

namespace approvals {

std::vector<FieldError> check_patch(const Template& tpl, const std::vector<std::string>& editable,
                                    const Json& patch) {
  std::vector<FieldError> errors;
  if (!patch.is_object()) {
    errors.push_back({"form", "form must be an object of the fields you change"});
    return errors;
  }
  for (auto& [name, _] : patch.items()) {
    const FieldSpec* f = tpl.field(name);
    if (!f)
      errors.push_back({name, "no field '" + name + "' in " + tpl.name});
    else if (std::find(editable.begin(), editable.end(), name) == editable.end())
      errors.push_back({name, f->label + " is not editable at this step"});
  }
  return errors;
}

Json patched(const Json& form, const Json& patch) {
  Json out = form.is_object() ? form : Json::object();
  for (auto& [name, value] : patch.items()) {
    if (value.is_null()) out.erase(name);
    else out[name] = value;
  }
  return out;
}

Json form_changes(const Template& tpl, const Json& before, const Json& after) {
  Json changes = Json::array();
  std::set<std::string> seen;
  auto compare = [&](const std::string& name, const std::string& label) {
    if (!seen.insert(name).second) return;
    const Json* from = before.is_object() ? json::find(before, name) : nullptr;
    const Json* to = after.is_object() ? json::find(after, name) : nullptr;
    Json a = from ? *from : Json();
    Json b = to ? *to : Json();
    if (a == b) return;
    changes.push_back(Json::object({{"field", name}, {"label", label}, {"from", a}, {"to", b}}));
  };
  for (auto& f : tpl.fields) compare(f.name, f.label);
  for (const Json* form : {&before, &after})
    if (form->is_object())
      for (auto& [name, _] : form->items()) compare(name, name);
  return changes;
}

}  // namespace approvals
