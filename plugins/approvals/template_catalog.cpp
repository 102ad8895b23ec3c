// SPDX-License-Identifier: Apache-2.0
// Settings → Template: fields and their rules, the approver chain, branches and CC, each checked
// with a JSON pointer to whatever is wrong.
#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "condition.hpp"
#include "settings.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

constexpr size_t kMaxFields = 100;
constexpr size_t kMaxChain = 30;

std::string escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kRoleSpellings = {{
    {"president", "president"},
    {"院长", "president"},
    {"vice_president", "vice_president"},
    {"副院长", "vice_president"},
    {"division_head", "division_head"},
    {"庭长", "division_head"},
    {"部门负责人", "division_head"},
    {"division_leader", "division_leader"},
    {"分管院领导", "division_leader"},
    {"分管领导", "division_leader"},
    {"deputy_division_head", "deputy_division_head"},
    {"副庭长", "deputy_division_head"},
    {"judge", "judge"},
    {"审判员", "judge"},
    {"assistant_judge", "assistant_judge"},
    {"法官助理", "assistant_judge"},
    {"clerk", "clerk"},
    {"书记员", "clerk"},
    {"court_admin", "court_admin"},
    {"综合管理员", "court_admin"},
    {"staff", "staff"},
    {"科员", "staff"},
}};

// Reads one mapping, remembering which keys were looked at so the rest can be reported as
// unknown (a misspelt `requried` would otherwise silently mean "optional").
class Mapping {
 public:
  Mapping(const Json& node, std::string pointer, std::vector<SettingsProblem>& problems)
      : node_(node), at_(std::move(pointer)), problems_(problems) {}

  const std::string& at() const { return at_; }
  std::string at(std::string_view key) const { return at_ + "/" + escape(key); }
  bool has(std::string_view key) {
    seen_.insert(std::string(key));
    return node_.contains(key);
  }
  const Json* get(std::string_view key) {
    seen_.insert(std::string(key));
    return json::find(node_, key);
  }

  std::string text(std::string_view key, bool required, std::string fallback = {}) {
    const Json* v = get(key);
    if (!v || v->is_null()) {
      if (required) fail(at_, std::string(key) + " is required");
      return fallback;
    }
    if (!v->is_string()) {
      fail(at(key), "must be text");
      return fallback;
    }
    return v->get<std::string>();
  }
  bool flag(std::string_view key, bool fallback) {
    const Json* v = get(key);
    if (!v || v->is_null()) return fallback;
    if (!v->is_boolean()) {
      fail(at(key), "must be true or false");
      return fallback;
    }
    return v->get<bool>();
  }
  std::optional<double> number(std::string_view key) {
    const Json* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_number()) {
      fail(at(key), "must be a number");
      return std::nullopt;
    }
    return v->get<double>();
  }
  std::optional<int64_t> count(std::string_view key, int64_t low, int64_t high) {
    const Json* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_number_integer() || v->get<int64_t>() < low || v->get<int64_t>() > high) {
      fail(at(key), "must be a whole number from " + std::to_string(low) + " to " +
                        std::to_string(high));
      return std::nullopt;
    }
    return v->get<int64_t>();
  }
  std::vector<std::string> texts(std::string_view key) {
    std::vector<std::string> out;
    const Json* v = get(key);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) {
      fail(at(key), "must be a list of text");
      return out;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      if (!v->at(i).is_string() || v->at(i).get<std::string>().empty()) {
        fail(at(key) + "/" + std::to_string(i), "must be non-empty text");
        continue;
      }
      out.push_back(v->at(i).get<std::string>());
    }
    return out;
  }

  // Reports every key not read; `hint` lists what is allowed.
  void reject_unknown(std::string_view hint) {
    if (!node_.is_object()) return;
    for (auto& [k, _] : node_.items())
      if (!seen_.count(k)) fail(at(k), "unknown key '" + k + "'; expected " + std::string(hint));
  }

  void fail(std::string pointer, std::string message) {
    problems_.push_back({std::move(pointer), std::move(message)});
  }

 private:
  const Json& node_;
  std::string at_;
  std::vector<SettingsProblem>& problems_;
  std::set<std::string, std::less<>> seen_;
};

// Which rule keys make sense for which field types.
bool applies(std::string_view key, FieldType t, bool multiple) {
  using F = FieldType;
  if (key == "min" || key == "max") return t == F::kNumber || t == F::kMoney;
  if (key == "integer") return t == F::kNumber;
  if (key == "min_length" || key == "max_length") return t == F::kText || t == F::kTextarea;
  if (key == "pattern") return t == F::kText;
  if (key == "options") return t == F::kSelect || t == F::kMultiSelect;
  if (key == "multiple") return t == F::kPerson || t == F::kDepartment;
  if (key == "format") return t == F::kDate || t == F::kDateRange;
  if (key == "columns") return t == F::kTable;
  if (key == "from_period") return t == F::kNumber;
  if (key == "min_items" || key == "max_items")
    return t == F::kMultiSelect || t == F::kAttachment || t == F::kTable ||
           ((t == F::kPerson || t == F::kDepartment) && multiple);
  return true;
}

// from_period: {field: <a date_range field>, count: workdays | calendar_days}. The field is
// checked once the template's fields are known (check_period_sources).
std::optional<PeriodSource> parse_period_source(const Json& node, const std::string& at,
                                                std::vector<SettingsProblem>& problems) {
  if (!node.is_object()) {
    problems.push_back({at, "must be {field: <a date_range field>, count: workdays | "
                            "calendar_days}"});
    return std::nullopt;
  }
  Mapping m(node, at, problems);
  PeriodSource source;
  source.field = m.text("field", true);
  std::string count = m.text("count", true);
  if (count == "calendar_days") source.workdays = false;
  else if (count != "workdays" && !count.empty())
    m.fail(m.at("count"), "must be workdays (the work calendar's) or calendar_days");
  m.reject_unknown("field, count");
  if (source.field.empty() || (count != "workdays" && count != "calendar_days"))
    return std::nullopt;
  return source;
}

// Each from_period names a date_range field of the same template.
void check_period_sources(const Template& tpl, const std::string& fields_at,
                          std::vector<SettingsProblem>& problems) {
  for (size_t i = 0; i < tpl.fields.size(); ++i) {
    const FieldSpec& f = tpl.fields[i];
    if (!f.from_period) continue;
    const FieldSpec* source = tpl.field(f.from_period->field);
    if (!source || source->type != FieldType::kDateRange)
      problems.push_back({fields_at + "/" + std::to_string(i) + "/from_period/field",
                          "no date_range field '" + f.from_period->field + "' in this template"});
  }
}

constexpr std::string_view kFieldKeys =
    "name, label, type, required, hint, min, max, integer, min_length, max_length, pattern, "
    "options, min_items, max_items, multiple, format, columns, from_period";

std::optional<FieldSpec> parse_field(const Json& node, const std::string& at, bool in_table,
                                     std::vector<SettingsProblem>& problems) {
  if (!node.is_object()) {
    problems.push_back({at, "a field must be a mapping with name, label and type"});
    return std::nullopt;
  }
  Mapping m(node, at, problems);
  FieldSpec f;
  f.name = m.text("name", true);
  if (!f.name.empty() && !is_identifier(f.name))
    m.fail(m.at("name"), "must match [a-z][a-z0-9_]* (it is the key in the submitted form)");
  f.label = m.text("label", false, f.name);
  std::string type = m.text("type", true);
  auto parsed = field_type_from(type);
  if (!type.empty() && !parsed)
    m.fail(m.at("type"), "unknown field type '" + type +
                             "'; use text, textarea, number, money, date, date_range, select, "
                             "multi_select, person, department, attachment or table");
  f.type = parsed.value_or(FieldType::kText);
  if (in_table && f.type == FieldType::kTable) m.fail(m.at("type"), "a table cannot hold a table");
  f.required = m.flag("required", false);
  f.hint = m.text("hint", false);
  f.multiple = m.flag("multiple", false);

  // A rule that does not apply to the type is a mistake worth naming, not ignoring.
  for (std::string_view key : {"min", "max", "integer", "min_length", "max_length", "pattern",
                               "options", "multiple", "format", "columns", "min_items",
                               "max_items", "from_period"}) {
    if (parsed && node.contains(key) && !applies(key, f.type, f.multiple))
      m.fail(m.at(key), std::string(key) + " does not apply to a " + type + " field");
  }
  f.min = m.number("min");
  f.max = m.number("max");
  if (f.min && f.max && *f.min > *f.max) m.fail(m.at("min"), "min is greater than max");
  f.integer = m.flag("integer", false);
  f.min_length = m.count("min_length", 0, 100000);
  f.max_length = m.count("max_length", 1, 100000);
  if (f.min_length && f.max_length && *f.min_length > *f.max_length)
    m.fail(m.at("min_length"), "min_length is greater than max_length");
  f.pattern = m.text("pattern", false);
  if (!f.pattern.empty()) {
    try {
      f.compiled_pattern = std::make_shared<const std::regex>(f.pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      m.fail(m.at("pattern"), std::string("not a valid regular expression: ") + e.what());
    }
  }
  f.options = m.texts("options");
  if ((f.type == FieldType::kSelect || f.type == FieldType::kMultiSelect) && f.options.empty())
    m.fail(node.contains("options") ? m.at("options") : at, "a " + type + " field needs options");
  std::set<std::string> unique_options(f.options.begin(), f.options.end());
  if (unique_options.size() != f.options.size()) m.fail(m.at("options"), "options repeat");
  f.min_items = m.count("min_items", 0, 1000);
  f.max_items = m.count("max_items", 1, 1000);
  if (f.min_items && f.max_items && *f.min_items > *f.max_items)
    m.fail(m.at("min_items"), "min_items is greater than max_items");
  std::string format = m.text("format", false, "date");
  if (format != "date" && format != "datetime")
    m.fail(m.at("format"), "must be date (2024-05-01) or datetime (2024-05-01 09:00)");
  f.with_time = format == "datetime";

  if (const Json* columns = m.get("columns"); columns && f.type == FieldType::kTable) {
    if (!columns->is_array() || columns->size() == 0) {
      m.fail(m.at("columns"), "must be a non-empty list of fields");
    } else {
      std::set<std::string> names;
      for (size_t i = 0; i < columns->size(); ++i) {
        auto col = parse_field(columns->at(i), m.at("columns") + "/" + std::to_string(i), true,
                               problems);
        if (!col) continue;
        if (!names.insert(col->name).second)
          m.fail(m.at("columns") + "/" + std::to_string(i) + "/name",
                 "column '" + col->name + "' appears twice");
        f.columns.push_back(std::move(*col));
      }
    }
  } else if (f.type == FieldType::kTable) {
    m.fail(at, "a table field needs columns");
  }
  if (const Json* period = m.get("from_period"); period && f.type == FieldType::kNumber)
    f.from_period = parse_period_source(*period, m.at("from_period"), problems);
  m.reject_unknown(kFieldKeys);
  return f;
}

enum class RecipientUse { kStep, kCc };

std::optional<RecipientSpec> parse_recipient(const Json& node, const std::string& at,
                                             RecipientUse use, const Template& tpl,
                                             std::vector<SettingsProblem>& problems) {
  if (!node.is_object()) {
    problems.push_back({at, "must be a mapping with a type: person, supervisor, role" +
                                std::string(use == RecipientUse::kStep ? ", originator_choice"
                                                                       : "")});
    return std::nullopt;
  }
  Mapping m(node, at, problems);
  RecipientSpec r;
  std::string type = m.text("type", true);
  r.label = m.text("label", false);
  bool ok = true;
  // Whether the kind names exactly one person, which decides the modes it allows.
  bool one_person = true;
  if (type == "person") {
    r.kind = RecipientKind::kPerson;
    if (m.has("user")) r.users.push_back(m.text("user", true));
    for (auto& u : m.texts("users")) r.users.push_back(u);
    if (r.users.empty()) {
      m.fail(at, "a person step names user: <userid> or users: [<userid>, ...]");
      ok = false;
    }
    one_person = r.users.size() == 1;
  } else if (type == "supervisor") {
    r.kind = RecipientKind::kSupervisor;
    auto level = m.count("level", 1, 10);
    if (!level && !node.contains("level"))
      m.fail(at, "level is required: 1 is the nearest supervisor");
    r.level = static_cast<int>(level.value_or(1));
  } else if (type == "role") {
    r.kind = RecipientKind::kRole;
    std::string role = m.text("role", true);
    r.role = canonical_role(role);
    if (!role.empty() && r.role.empty()) {
      m.fail(m.at("role"), "unknown role '" + role +
                               "'; use president (院长), vice_president, division_head (庭长), "
                               "division_leader (分管院领导), deputy_division_head, judge, "
                               "assistant_judge, clerk, court_admin or staff");
      ok = false;
    }
    one_person = r.role == kDivisionHead || r.role == kDivisionLeader || r.role == kPresident;
  } else if (type == "originator_choice" && use == RecipientUse::kStep) {
    r.kind = RecipientKind::kOriginatorChoice;
    r.key = m.text("key", true);
    if (!r.key.empty() && !is_identifier(r.key))
      m.fail(m.at("key"), "must match [a-z][a-z0-9_]* (the member of the submit's approvers)");
    one_person = false;
  } else {
    if (!type.empty())
      m.fail(m.at("type"), "unknown type '" + type + "'; use person, supervisor, role" +
                               (use == RecipientUse::kStep ? ", originator_choice" : ""));
    ok = false;
  }

  if (use == RecipientUse::kStep) {
    std::string mode_text = m.text("mode", false);
    StepMode fallback = StepMode::kSingle;
    if (!one_person) fallback = r.kind == RecipientKind::kPerson ? StepMode::kAnd : StepMode::kOr;
    if (r.kind == RecipientKind::kOriginatorChoice) fallback = StepMode::kSingle;
    r.mode = fallback;
    if (!mode_text.empty()) {
      auto mode = step_mode_from(mode_text);
      if (!mode) {
        m.fail(m.at("mode"), "must be single, or (或签), and (会签) or sequential (依次审批)");
      } else if (*mode == StepMode::kSequential && r.kind != RecipientKind::kRole &&
                 (r.kind != RecipientKind::kPerson || one_person)) {
        m.fail(m.at("mode"), "sequential (依次审批) applies to a person step with several users "
                             "or a role step");
      } else if (*mode == StepMode::kSingle && !one_person &&
                 r.kind != RecipientKind::kOriginatorChoice) {
        m.fail(m.at("mode"), "this step can name several people; use or (或签) or and (会签)");
      } else if (*mode != StepMode::kSingle && one_person && r.kind != RecipientKind::kRole) {
        m.fail(m.at("mode"), "this step names one person; only single applies");
      } else {
        r.mode = *mode;
      }
    }
  } else {
    std::string where = m.text("at", false, "finish");
    if (where == "start") r.at = CcAt::kStart;
    else if (where == "finish") r.at = CcAt::kFinish;
    else if (where == "start_finish") r.at = CcAt::kStartFinish;
    else m.fail(m.at("at"), "must be start, finish or start_finish");
  }
  if (use == RecipientUse::kStep) {
    // Fields the step's approvers may change when they agree (approver-editable fields).
    auto editable = m.texts("editable");
    for (size_t i = 0; i < editable.size(); ++i) {
      const FieldSpec* f = tpl.field(editable[i]);
      std::string here = m.at("editable") + "/" + std::to_string(i);
      if (!f) m.fail(here, "no field '" + editable[i] + "' in this template");
      else if (f->type == FieldType::kAttachment)
        m.fail(here, "attachment fields are not editable by approvers");
      else if (std::find(r.editable.begin(), r.editable.end(), f->name) != r.editable.end())
        m.fail(here, "field '" + f->name + "' is named twice");
      else r.editable.push_back(f->name);
    }
  }
  if (const Json* when = m.get("when"))
    r.when = parse_condition(*when, m.at("when"), tpl.fields, problems);
  m.reject_unknown(use == RecipientUse::kStep
                       ? "type, mode, label, when, user, users, level, role, key, editable"
                       : "type, label, when, at, user, users, level, role");
  if (!ok) return std::nullopt;
  return r;
}

std::optional<ChainItem> parse_chain_item(const Json& node, const std::string& at,
                                          const Template& tpl,
                                          std::vector<SettingsProblem>& problems) {
  ChainItem item;
  const Json* branches = node.is_object() ? json::find(node, "branch") : nullptr;
  if (!branches) {
    auto step = parse_recipient(node, at, RecipientUse::kStep, tpl, problems);
    if (!step) return std::nullopt;
    item.step = std::move(*step);
    return item;
  }
  if (node.size() != 1) {
    problems.push_back({at, "a branch group is {branch: [{when: ..., steps: [...]}, ...]} alone"});
    return std::nullopt;
  }
  std::string bat = at + "/branch";
  if (!branches->is_array() || branches->size() == 0) {
    problems.push_back({bat, "must be a non-empty list of {when, steps}"});
    return std::nullopt;
  }
  for (size_t i = 0; i < branches->size(); ++i) {
    std::string here = bat + "/" + std::to_string(i);
    const Json& b = branches->at(i);
    if (!b.is_object()) {
      problems.push_back({here, "a branch is a mapping {when: <condition>, steps: [...]}"});
      continue;
    }
    Mapping m(b, here, problems);
    Branch branch;
    if (const Json* when = m.get("when")) {
      branch.when = parse_condition(*when, m.at("when"), tpl.fields, problems);
    } else if (i + 1 != branches->size()) {
      m.fail(here, "only the last branch may omit when (it is the default)");
    }
    const Json* steps = m.get("steps");
    if (!steps || !steps->is_array()) {
      m.fail(steps ? m.at("steps") : here, "steps is required: a list of steps (may be empty)");
    } else {
      for (size_t s = 0; s < steps->size(); ++s) {
        if (steps->at(s).is_object() && steps->at(s).contains("branch")) {
          m.fail(m.at("steps") + "/" + std::to_string(s), "branch groups do not nest");
          continue;
        }
        auto step = parse_recipient(steps->at(s), m.at("steps") + "/" + std::to_string(s),
                                    RecipientUse::kStep, tpl, problems);
        if (step) branch.steps.push_back(std::move(*step));
      }
    }
    m.reject_unknown("when, steps");
    item.branches.push_back(std::move(branch));
  }
  return item;
}

}  // namespace

std::string canonical_role(std::string_view spelling) {
  for (auto& [s, role] : kRoleSpellings)
    if (s == spelling) return std::string(role);
  return "";
}

std::shared_ptr<Template> parse_template(const Json& node, const std::string& at,
                                         std::vector<SettingsProblem>& problems) {
  auto tpl = std::make_shared<Template>();
  if (!node.is_object()) {
    problems.push_back({at, "a template must be a mapping with code, name, fields and chain"});
    return tpl;
  }
  Mapping m(node, at, problems);
  tpl->code = m.text("code", true);
  if (!tpl->code.empty() && !is_identifier(tpl->code))
    m.fail(m.at("code"), "must match [a-z][a-z0-9_]*, at most 64 characters (e.g. leave)");
  tpl->name = m.text("name", true);
  tpl->description = m.text("description", false);
  tpl->group = m.text("group", false);
  tpl->requested_only = m.flag("requested_only", false);

  if (const Json* who = m.get("may_start")) {
    if (!who->is_object()) {
      m.fail(m.at("may_start"), "must be a mapping {roles: [...], courts: [...]}");
    } else {
      Mapping w(*who, m.at("may_start"), problems);
      for (auto& role : w.texts("roles")) {
        std::string canonical = canonical_role(role);
        if (canonical.empty() || canonical == kDivisionLeader)
          w.fail(w.at("roles"), "unknown role '" + role + "'");
        else
          tpl->start_roles.push_back(canonical);
      }
      tpl->start_courts = w.texts("courts");
      w.reject_unknown("roles, courts");
    }
  }

  const Json* fields = m.get("fields");
  if (!fields || !fields->is_array() || fields->size() == 0) {
    m.fail(fields ? m.at("fields") : at, "fields is required: a non-empty list of form fields");
  } else if (fields->size() > kMaxFields) {
    m.fail(m.at("fields"), "at most " + std::to_string(kMaxFields) + " fields");
  } else {
    std::set<std::string> names;
    for (size_t i = 0; i < fields->size(); ++i) {
      auto f = parse_field(fields->at(i), m.at("fields") + "/" + std::to_string(i), false,
                           problems);
      if (!f) continue;
      if (!f->name.empty() && !names.insert(f->name).second)
        m.fail(m.at("fields") + "/" + std::to_string(i) + "/name",
               "field '" + f->name + "' appears twice");
      tpl->fields.push_back(std::move(*f));
    }
    check_period_sources(*tpl, m.at("fields"), problems);
  }

  const Json* chain = m.get("chain");
  if (!chain || !chain->is_array()) {
    m.fail(chain ? m.at("chain") : at,
           "chain is required: a list of approver steps ([] approves at once)");
  } else if (chain->size() > kMaxChain) {
    m.fail(m.at("chain"), "at most " + std::to_string(kMaxChain) + " chain items");
  } else {
    for (size_t i = 0; i < chain->size(); ++i) {
      auto item = parse_chain_item(chain->at(i), m.at("chain") + "/" + std::to_string(i), *tpl,
                                   problems);
      if (item) tpl->chain.push_back(std::move(*item));
    }
    std::set<std::string> keys;
    for (auto* step : tpl->choice_steps())
      if (!step->key.empty() && !keys.insert(step->key).second)
        m.fail(m.at("chain"), "originator_choice key '" + step->key + "' is used twice");
  }

  if (const Json* cc = m.get("cc")) {
    if (!cc->is_array()) {
      m.fail(m.at("cc"), "must be a list of recipients");
    } else {
      for (size_t i = 0; i < cc->size(); ++i) {
        auto r = parse_recipient(cc->at(i), m.at("cc") + "/" + std::to_string(i),
                                 RecipientUse::kCc, *tpl, problems);
        if (r) tpl->cc.push_back(std::move(*r));
      }
    }
  }

  if (m.has("summary")) {
    auto names = m.texts("summary");
    for (size_t i = 0; i < names.size(); ++i)
      if (!tpl->field(names[i]))
        m.fail(m.at("summary") + "/" + std::to_string(i), "no field '" + names[i] + "'");
    tpl->summary = std::move(names);
  } else {
    for (auto& f : tpl->fields) {
      if (tpl->summary.size() == 3) break;
      if (f.type != FieldType::kTable && f.type != FieldType::kAttachment)
        tpl->summary.push_back(f.name);
    }
  }
  m.reject_unknown(
      "code, name, description, group, requested_only, may_start, fields, chain, cc, summary");
  return tpl;
}

}  // namespace approvals
