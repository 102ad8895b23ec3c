// SPDX-License-Identifier: Apache-2.0
// Condition branches: settings → Condition (checked against the fields) and evaluation on a form.
#include "condition.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

constexpr std::array<std::pair<std::string_view, ConditionOp>, 17> kOps = {{
    {"eq", ConditionOp::kEq},         {"==", ConditionOp::kEq},
    {"ne", ConditionOp::kNe},         {"!=", ConditionOp::kNe},
    {"gt", ConditionOp::kGt},         {">", ConditionOp::kGt},
    {"gte", ConditionOp::kGte},       {">=", ConditionOp::kGte},
    {"lt", ConditionOp::kLt},         {"<", ConditionOp::kLt},
    {"lte", ConditionOp::kLte},       {"<=", ConditionOp::kLte},
    {"in", ConditionOp::kIn},         {"not_in", ConditionOp::kNotIn},
    {"contains", ConditionOp::kContains}, {"empty", ConditionOp::kEmpty},
    {"not_empty", ConditionOp::kNotEmpty},
}};

bool is_numeric(FieldType t) { return t == FieldType::kNumber || t == FieldType::kMoney; }
bool is_date(FieldType t) { return t == FieldType::kDate; }
bool is_textual(FieldType t) {
  return t == FieldType::kText || t == FieldType::kTextarea || t == FieldType::kSelect;
}

// Checks one operand against the field it is compared with; returns a problem or "".
std::string operand_problem(const FieldSpec& f, const Json& v) {
  if (is_numeric(f.type)) return v.is_number() ? "" : "must be a number (" + f.name + " is one)";
  if (!v.is_string()) return "must be text";
  if (is_date(f.type) && !valid_date_text(v.get<std::string>(), f.with_time))
    return std::string("must be a date like ") + (f.with_time ? "2024-05-01 09:00" : "2024-05-01");
  if ((f.type == FieldType::kSelect || f.type == FieldType::kMultiSelect) &&
      std::find(f.options.begin(), f.options.end(), v.get<std::string>()) == f.options.end())
    return "'" + v.get<std::string>() + "' is not one of the options of " + f.name;
  return "";
}

class ConditionReader {
 public:
  ConditionReader(const std::vector<FieldSpec>& fields, std::vector<SettingsProblem>& problems)
      : fields_(fields), problems_(problems) {}

  std::optional<Condition> read(const Json& node, const std::string& at, int depth) {
    if (!node.is_object()) return fail(at, "a condition must be a mapping: {field, op, value} "
                                           "or {all: [...]}, {any: [...]}, {not: {...}}");
    if (depth > 8) return fail(at, "conditions nest deeper than 8 levels");
    for (std::string_view group : {"all", "any"}) {
      if (const Json* list = json::find(node, group)) {
        if (node.size() != 1) return fail(at, std::string(group) + " stands alone in its mapping");
        if (!list->is_array() || list->size() == 0)
          return fail(at + "/" + std::string(group), "must be a non-empty list of conditions");
        Condition c;
        c.op = group == "all" ? ConditionOp::kAll : ConditionOp::kAny;
        for (size_t i = 0; i < list->size(); ++i) {
          auto child = read(list->at(i), at + "/" + std::string(group) + "/" + std::to_string(i),
                            depth + 1);
          if (!child) return std::nullopt;
          c.children.push_back(std::move(*child));
        }
        return c;
      }
    }
    if (const Json* inner = json::find(node, "not")) {
      if (node.size() != 1) return fail(at, "not stands alone in its mapping");
      auto child = read(*inner, at + "/not", depth + 1);
      if (!child) return std::nullopt;
      Condition c;
      c.op = ConditionOp::kNot;
      c.children.push_back(std::move(*child));
      return c;
    }
    return comparison(node, at);
  }

 private:
  std::optional<Condition> comparison(const Json& node, const std::string& at) {
    for (auto& [k, _] : node.items())
      if (k != "field" && k != "op" && k != "value")
        return fail(at + "/" + k, "unknown key; a comparison has field, op and value");
    const Json* field = json::find(node, "field");
    if (!field || !field->is_string()) return fail(at, "field is required: a form field name");
    const FieldSpec* f = nullptr;
    for (auto& candidate : fields_)
      if (candidate.name == field->get<std::string>()) f = &candidate;
    if (!f)
      return fail(at + "/field", "no field '" + field->get<std::string>() + "' in this template");
    const Json* op_node = json::find(node, "op");
    if (!op_node || !op_node->is_string())
      return fail(at, "op is required: eq, ne, gt, gte, lt, lte, in, not_in, contains, empty, "
                      "not_empty");
    std::optional<ConditionOp> op;
    for (auto& [name, o] : kOps)
      if (name == op_node->get<std::string>()) op = o;
    if (!op)
      return fail(at + "/op", "unknown operator '" + op_node->get<std::string>() +
                                  "'; use eq, ne, gt, gte, lt, lte, in, not_in, contains, empty "
                                  "or not_empty");
    Condition c;
    c.op = *op;
    c.field = f->name;
    const Json* value = json::find(node, "value");
    std::string type = std::string(field_type_name(f->type));
    switch (*op) {
      case ConditionOp::kEmpty:
      case ConditionOp::kNotEmpty:
        if (value) return fail(at + "/value", "empty and not_empty take no value");
        return c;
      case ConditionOp::kGt:
      case ConditionOp::kGte:
      case ConditionOp::kLt:
      case ConditionOp::kLte:
        if (!is_numeric(f->type) && !is_date(f->type))
          return fail(at + "/op", "a " + type + " field cannot be compared by size");
        break;
      case ConditionOp::kEq:
      case ConditionOp::kNe:
      case ConditionOp::kIn:
      case ConditionOp::kNotIn:
        if (!is_numeric(f->type) && !is_date(f->type) && !is_textual(f->type))
          return fail(at + "/op", "a " + type + " field can only be tested with contains, empty "
                                                "or not_empty");
        break;
      case ConditionOp::kContains:
        if (f->type != FieldType::kMultiSelect && f->type != FieldType::kText &&
            f->type != FieldType::kTextarea && !(f->type == FieldType::kPerson && f->multiple))
          return fail(at + "/op", "contains applies to multi_select, text, textarea and "
                                  "multiple person fields");
        break;
      default:
        break;
    }
    if (!value) return fail(at, "value is required for " + op_node->get<std::string>());
    if (*op == ConditionOp::kIn || *op == ConditionOp::kNotIn) {
      if (!value->is_array() || value->size() == 0)
        return fail(at + "/value", "must be a non-empty list");
      for (size_t i = 0; i < value->size(); ++i)
        if (auto p = operand_problem(*f, value->at(i)); !p.empty())
          return fail(at + "/value/" + std::to_string(i), p);
    } else if (*op == ConditionOp::kContains && f->type != FieldType::kMultiSelect) {
      if (!value->is_string()) return fail(at + "/value", "must be text");
    } else if (auto p = operand_problem(*f, *value); !p.empty()) {
      return fail(at + "/value", p);
    }
    c.value = *value;
    return c;
  }

  std::nullopt_t fail(const std::string& at, std::string message) {
    problems_.push_back({at, std::move(message)});
    return std::nullopt;
  }

  const std::vector<FieldSpec>& fields_;
  std::vector<SettingsProblem>& problems_;
};

bool is_blank(const Json* v) {
  if (!v || v->is_null()) return true;
  if (v->is_string()) return v->get<std::string>().empty();
  if (v->is_array() || v->is_object()) return v->size() == 0;
  return false;
}

// Equality of a form value and an operand: numbers by value, everything else as JSON.
bool same(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  if (a.is_string() && b.is_string())
    return normalized_date_text(a.get<std::string>()) == normalized_date_text(b.get<std::string>());
  return a == b;
}

// -1, 0, 1, or nullopt when the two cannot be ordered.
std::optional<int> order(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    // ISO dates order as text once the 'T' separator is normalised.
    int c = normalized_date_text(a.get<std::string>())
                .compare(normalized_date_text(b.get<std::string>()));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Condition> parse_condition(const Json& node, const std::string& pointer,
                                         const std::vector<FieldSpec>& fields,
                                         std::vector<SettingsProblem>& problems) {
  return ConditionReader(fields, problems).read(node, pointer, 0);
}

bool holds(const Condition& c, const Json& form) {
  switch (c.op) {
    case ConditionOp::kAll:
      for (auto& child : c.children)
        if (!holds(child, form)) return false;
      return true;
    case ConditionOp::kAny:
      for (auto& child : c.children)
        if (holds(child, form)) return true;
      return false;
    case ConditionOp::kNot:
      return !holds(c.children.front(), form);
    default:
      break;
  }
  const Json* v = json::find(form, c.field);
  bool blank = is_blank(v);
  switch (c.op) {
    case ConditionOp::kEmpty: return blank;
    case ConditionOp::kNotEmpty: return !blank;
    case ConditionOp::kNe: return blank || !same(*v, c.value);
    case ConditionOp::kNotIn:
      if (blank) return true;
      for (auto& x : c.value)
        if (same(*v, x)) return false;
      return true;
    default:
      break;
  }
  if (blank) return false;
  switch (c.op) {
    case ConditionOp::kEq: return same(*v, c.value);
    case ConditionOp::kIn:
      for (auto& x : c.value)
        if (same(*v, x)) return true;
      return false;
    case ConditionOp::kContains:
      if (v->is_array()) {
        for (auto& x : *v)
          if (same(x, c.value)) return true;
        return false;
      }
      return v->is_string() && c.value.is_string() &&
             v->get<std::string>().find(c.value.get<std::string>()) != std::string::npos;
    case ConditionOp::kGt:
    case ConditionOp::kGte:
    case ConditionOp::kLt:
    case ConditionOp::kLte: {
      auto o = order(*v, c.value);
      if (!o) return false;
      if (c.op == ConditionOp::kGt) return *o > 0;
      if (c.op == ConditionOp::kGte) return *o >= 0;
      if (c.op == ConditionOp::kLt) return *o < 0;
      return *o <= 0;
    }
    default:
      return false;
  }
}

void read_fields(const Condition& c, std::vector<std::string>& fields) {
  for (auto& child : c.children) read_fields(child, fields);
  if (c.field.empty()) return;
  for (auto& f : fields)
    if (f == c.field) return;
  fields.push_back(c.field);
}

}  // namespace approvals
