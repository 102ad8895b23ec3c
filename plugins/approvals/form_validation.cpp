// SPDX-License-Identifier: Apache-2.0
// Form validation: each field's type and rules, tables row by row, unknown keys refused.
#include "form_validation.hpp"

#include <cmath>
#include <cstdio>
#include <set>

#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

bool blank(const Json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return trim(v.get<std::string>()).empty();
  if (v.is_array() || v.is_object()) return v.size() == 0;
  return false;
}

class FormChecker {
 public:
  FormChecker(const Originator& originator, Org& org) : originator_(originator), org_(org) {}

  std::vector<FieldError> take() { return std::move(errors_); }

  // Checks the object `values` against `fields`; `prefix` names the enclosing table row.
  void object(const std::vector<FieldSpec>& fields, const Json& values,
              const std::string& prefix) {
    for (auto& f : fields) {
      const Json* v = json::find(values, f.name);
      std::string where = prefix.empty() ? f.name : prefix + "." + f.name;
      if (!v || blank(*v)) {
        if (f.required) add(where, f.label + " is required");
        continue;
      }
      value(f, *v, where);
    }
    for (auto& [key, _] : values.items()) {
      bool known = false;
      for (auto& f : fields) known = known || f.name == key;
      if (!known)
        add(prefix.empty() ? key : prefix + "." + key,
            "'" + key + "' is not a field of this " + (prefix.empty() ? "form" : "table"));
    }
  }

 private:
  void add(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

  void items(const FieldSpec& f, const Json& v, const std::string& where) {
    if (f.min_items && static_cast<int64_t>(v.size()) < *f.min_items)
      add(where, f.label + " needs at least " + std::to_string(*f.min_items) + " item(s)");
    if (f.max_items && static_cast<int64_t>(v.size()) > *f.max_items)
      add(where, f.label + " takes at most " + std::to_string(*f.max_items) + " item(s)");
  }

  void value(const FieldSpec& f, const Json& v, const std::string& where) {
    switch (f.type) {
      case FieldType::kText:
      case FieldType::kTextarea: text(f, v, where); break;
      case FieldType::kNumber:
      case FieldType::kMoney: number(f, v, where); break;
      case FieldType::kDate:
        if (!v.is_string() || !valid_date_text(v.get<std::string>(), f.with_time))
          add(where, f.label + " must be a date like " + example(f));
        break;
      case FieldType::kDateRange: date_range(f, v, where); break;
      case FieldType::kSelect:
        if (!v.is_string() || !is_option(f, v.get<std::string>()))
          add(where, f.label + " must be one of: " + options(f));
        break;
      case FieldType::kMultiSelect: multi_select(f, v, where); break;
      case FieldType::kPerson: people(f, v, where); break;
      case FieldType::kDepartment: departments(f, v, where); break;
      case FieldType::kAttachment: attachments(f, v, where); break;
      case FieldType::kTable: table(f, v, where); break;
    }
  }

  void text(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_string()) return add(where, f.label + " must be text");
    const std::string& s = v.get<std::string>();
    auto n = static_cast<int64_t>(utf8_length(s));
    if (f.max_length && n > *f.max_length)
      add(where, f.label + " is " + std::to_string(n) + " characters; at most " +
                     std::to_string(*f.max_length) + " are allowed");
    if (f.min_length && n < *f.min_length)
      add(where, f.label + " needs at least " + std::to_string(*f.min_length) + " characters");
    if (f.compiled_pattern && !std::regex_match(s, *f.compiled_pattern))
      add(where, f.label + " does not match the required format " + f.pattern);
  }

  void number(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_number()) return add(where, f.label + " must be a number");
    double d = v.get<double>();
    if (f.integer && std::floor(d) != d) add(where, f.label + " must be a whole number");
    if (f.type == FieldType::kMoney && std::fabs(d * 100 - std::round(d * 100)) > 1e-6)
      add(where, f.label + " has more than two decimals (分 is the smallest unit)");
    if (f.min && d < *f.min) add(where, f.label + " must be at least " + number_text(*f.min));
    if (f.max && d > *f.max) add(where, f.label + " must be at most " + number_text(*f.max));
  }

  void date_range(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_array() || v.size() != 2 || !v.at(0).is_string() || !v.at(1).is_string() ||
        !valid_date_text(v.at(0).get<std::string>(), f.with_time) ||
        !valid_date_text(v.at(1).get<std::string>(), f.with_time))
      return add(where, f.label + " must be [start, end], each a date like " + example(f));
    if (normalized_date_text(v.at(0).get<std::string>()) >
        normalized_date_text(v.at(1).get<std::string>()))
      add(where, f.label + " ends before it starts");
  }

  void multi_select(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_array()) return add(where, f.label + " must be a list of options");
    std::set<std::string> seen;
    for (auto& item : v) {
      if (!item.is_string() || !is_option(f, item.get<std::string>()))
        return add(where, f.label + " takes only: " + options(f));
      if (!seen.insert(item.get<std::string>()).second)
        return add(where, f.label + " lists '" + item.get<std::string>() + "' twice");
    }
    items(f, v, where);
  }

  // A single id, or a list of ids when the field is `multiple`.
  std::vector<std::string> ids(const FieldSpec& f, const Json& v, const std::string& where,
                               std::string_view what) {
    std::vector<std::string> out;
    if (!f.multiple) {
      if (!v.is_string()) add(where, f.label + " must be one " + std::string(what));
      else
        out.push_back(v.get<std::string>());
      return out;
    }
    if (!v.is_array()) {
      add(where, f.label + " must be a list of " + std::string(what) + "s");
      return out;
    }
    for (auto& item : v) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        add(where, f.label + " must be a list of " + std::string(what) + "s");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    items(f, v, where);
    return out;
  }

  void people(const FieldSpec& f, const Json& v, const std::string& where) {
    for (auto& id : ids(f, v, where, "userid"))
      if (!org_.person(id)) add(where, f.label + ": no person '" + id + "' in the directory");
  }

  void departments(const FieldSpec& f, const Json& v, const std::string& where) {
    auto wanted = ids(f, v, where, "department id");
    if (wanted.empty()) return;
    auto known = org_.departments(originator_.court_code);
    for (auto& id : wanted) {
      bool found = false;
      for (auto& d : known) found = found || d.id == id;
      if (!found) add(where, f.label + ": no department '" + id + "' in your court");
    }
  }

  // Items are the upload's answers, {"id": n, ...}: the id is what counts (the store checks it
  // and rewrites name, type and size from the file); other keys are accepted and replaced.
  void attachments(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_array()) return add(where, f.label + " must be a list of uploaded files {id, name}");
    std::set<int64_t> seen;
    for (size_t i = 0; i < v.size(); ++i) {
      const Json& a = v.at(i);
      const Json* id = a.is_object() ? json::find(a, "id") : nullptr;
      if (!id || !id->is_number_integer() || id->get<int64_t>() <= 0)
        return add(where + "[" + std::to_string(i) + "]",
                   f.label + ": each file is {id, ...} with the id POST /attachments answered");
      if (!seen.insert(id->get<int64_t>()).second)
        return add(where,
                   f.label + " lists file " + std::to_string(id->get<int64_t>()) + " twice");
    }
    items(f, v, where);
  }

  void table(const FieldSpec& f, const Json& v, const std::string& where) {
    if (!v.is_array()) return add(where, f.label + " must be a list of rows");
    for (size_t i = 0; i < v.size(); ++i) {
      std::string row = where + "[" + std::to_string(i) + "]";
      if (!v.at(i).is_object()) {
        add(row, f.label + ": row " + std::to_string(i + 1) + " must be an object");
        continue;
      }
      object(f.columns, v.at(i), row);
    }
    items(f, v, where);
  }

  static bool is_option(const FieldSpec& f, const std::string& s) {
    for (auto& o : f.options)
      if (o == s) return true;
    return false;
  }
  static std::string options(const FieldSpec& f) {
    std::string out;
    for (auto& o : f.options) out += (out.empty() ? "" : ", ") + o;
    return out;
  }
  static std::string example(const FieldSpec& f) {
    return f.with_time ? "2024-05-01 09:00" : "2024-05-01";
  }

  const Originator& originator_;
  Org& org_;
  std::vector<FieldError> errors_;
};

}  // namespace

std::vector<FieldError> validate_form(const Template& tpl, const Json& form,
                                      const Originator& originator, Org& org) {
  if (!form.is_object()) return {{"form", "form must be an object of field values"}};
  FormChecker checker(originator, org);
  checker.object(tpl.fields, form, "");
  return checker.take();
}

Json field_errors_json(const std::vector<FieldError>& errors) {
  Json out = Json::array();
  for (auto& e : errors) out.push_back(Json::object({{"field", e.field}, {"message", e.message}}));
  return out;
}

}  // namespace approvals
