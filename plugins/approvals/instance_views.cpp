// SPDX-License-Identifier: Apache-2.0
// JSON shapes of templates, instances, tasks and records; summaries for people.
#include "instance_views.hpp"

#include <map>

#include "approver_chain.hpp"
#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

Json person_json(const std::string& user_id, const std::string& name) {
  return Json::object({{"user_id", user_id}, {"name", name}});
}

Json nullable_ms(int64_t ms) { return ms ? Json(ms) : Json(); }

Json field_json(const FieldSpec& f) {
  Json j = Json::object({{"name", f.name},
                         {"label", f.label},
                         {"type", field_type_name(f.type)},
                         {"required", f.required}});
  if (!f.hint.empty()) j["hint"] = f.hint;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  if (f.integer) j["integer"] = true;
  if (f.min_length) j["min_length"] = *f.min_length;
  if (f.max_length) j["max_length"] = *f.max_length;
  if (!f.pattern.empty()) j["pattern"] = f.pattern;
  if (!f.options.empty()) {
    Json options = Json::array();
    for (auto& o : f.options) options.push_back(o);
    j["options"] = options;
  }
  if (f.min_items) j["min_items"] = *f.min_items;
  if (f.max_items) j["max_items"] = *f.max_items;
  if (f.type == FieldType::kPerson || f.type == FieldType::kDepartment) j["multiple"] = f.multiple;
  if (f.type == FieldType::kDate || f.type == FieldType::kDateRange)
    j["format"] = f.with_time ? "datetime" : "date";
  if (f.from_period)
    j["from_period"] = Json::object({{"field", f.from_period->field},
                                     {"count", f.from_period->workdays ? "workdays"
                                                                       : "calendar_days"}});
  if (!f.columns.empty()) {
    Json columns = Json::array();
    for (auto& c : f.columns) columns.push_back(field_json(c));
    j["columns"] = columns;
  }
  return j;
}

}  // namespace

Json step_preview(const RecipientSpec& s) {
  Json j = Json::object({{"label", s.label.empty() ? ApprovalChain::default_label(s) : s.label},
                         {"mode", step_mode_name(s.mode)},
                         {"conditional", s.when.has_value()}});
  if (s.kind == RecipientKind::kOriginatorChoice) j["choice"] = s.key;
  return j;
}

std::string summary_text(const InstanceRow& row, const Template* tpl,
                         const std::string& separator) {
  if (!tpl) return "";
  std::string out;
  for (auto& name : tpl->summary) {
    const FieldSpec* f = tpl->field(name);
    const Json* v = json::find(row.form, name);
    if (!f || !v || v->is_null()) continue;
    std::string text = display_value(*f, *v);
    if (text.empty()) continue;
    if (!out.empty()) out += separator;
    out += f->label + "：" + text;
  }
  return out;
}

Json instance_summary_json(const InstanceRow& row, const Template* tpl) {
  return Json::object({{"id", row.id},
                       {"title", row.title},
                       {"template", row.template_code},
                       {"template_name", row.template_name},
                       {"originator", person_json(row.originator, row.originator_name)},
                       {"court_code", row.court_code},
                       {"status", row.status},
                       {"result", row.result},
                       {"status_text", status_text(row.status, row.result)},
                       {"summary", summary_text(row, tpl)},
                       {"source", row.source},
                       {"request_id", row.request_id},
                       {"mirrored", row.mirrored},
                       {"created_ms", row.created_ms},
                       {"finished_ms", nullable_ms(row.finished_ms)}});
}

Json task_json(const TaskRow& t) {
  return Json::object({{"id", t.id},
                       {"instance_id", t.instance_id},
                       {"step_id", t.step_id},
                       {"user_id", t.assignee},
                       {"name", t.assignee_name},
                       {"status", t.status},
                       {"result", t.result},
                       {"status_text", t.step_id == kOriginatorStep &&
                                               t.status == task_status::kRunning
                                           ? std::string("待修改")
                                           : task_status_text(t.status, t.result)},
                       {"remark", t.remark},
                       {"created_ms", t.created_ms},
                       {"finished_ms", nullable_ms(t.finished_ms)}});
}

Json record_json(const RecordRow& r) {
  return Json::object({{"id", r.id},
                       {"type", r.draft.type},
                       {"user_id", r.draft.user_id},
                       {"name", r.draft.user_name},
                       {"result", r.draft.result},
                       {"remark", r.draft.remark},
                       {"task_id", r.draft.task_id ? Json(r.draft.task_id) : Json()},
                       {"detail", r.draft.detail},
                       {"at_ms", r.at_ms}});
}

Json instance_detail_json(const InstanceRow& row, const Template* tpl,
                          const std::vector<TaskRow>& tasks, const std::vector<RecordRow>& records,
                          const std::vector<CcRow>& cc) {
  Json out = instance_summary_json(row, tpl);
  out["form"] = row.form;
  if (tpl) {
    Json fields = Json::array();
    for (auto& f : tpl->fields) fields.push_back(field_json(f));
    out["fields"] = fields;
  }
  out["url"] = row.url;
  out["current_step"] = row.current_step;

  // A step's tasks that still count: a 退回 to it or before it voids the earlier ones.
  std::map<int, std::vector<const TaskRow*>> by_step;
  for (auto& s : row.plan)
    for (auto& t : tasks)
      if (t.step_id == s.id && t.id > s.void_through) by_step[s.id].push_back(&t);
  Json steps = Json::array();
  for (auto& s : row.plan) {
    std::string progress;
    auto it = by_step.find(s.id);
    if (s.id == row.current_step && row.status == instance_status::kRunning) {
      progress = "running";
    } else if (it != by_step.end()) {
      bool paused = false;
      for (auto* t : it->second) paused = paused || t->status == task_status::kPaused;
      progress = paused ? "paused" : "done";
    } else if (s.approvers.empty()) {
      progress = "skipped";
    } else {
      progress = row.status == instance_status::kRunning ? "waiting" : "not_reached";
    }
    Json approvers = Json::array();
    for (auto& a : s.approvers) approvers.push_back(person_json(a.user_id, a.name));
    Json step = Json::object({{"id", s.id},
                              {"label", s.label},
                              {"mode", step_mode_name(s.mode)},
                              {"approvers", approvers},
                              {"origin", s.origin},
                              {"editable", s.editable},
                              {"progress", progress}});
    steps.push_back(std::move(step));
  }
  out["steps"] = steps;

  Json task_list = Json::array();
  for (auto& t : tasks) task_list.push_back(task_json(t));
  out["tasks"] = task_list;
  // The timeline names the step each decision was made at.
  // Steps a resubmission replaced keep their labels in its record (previous_plan).
  std::map<int, std::string> step_labels;
  for (auto& r : records)
    if (r.draft.type == record_type::kResubmit)
      if (const Json* previous = json::find(r.draft.detail, "previous_plan"))
        for (auto& s : plan_from_json(*previous)) step_labels[s.id] = s.label;
  for (auto& s : row.plan) step_labels[s.id] = s.label;
  step_labels[kOriginatorStep] = "发起人";
  std::map<int64_t, std::string> step_of_task;
  for (auto& t : tasks)
    if (auto it = step_labels.find(t.step_id); it != step_labels.end())
      step_of_task[t.id] = it->second;
  Json record_list = Json::array();
  for (auto& r : records) {
    Json j = record_json(r);
    auto it = step_of_task.find(r.draft.task_id);
    j["step"] = it == step_of_task.end() ? "" : it->second;
    record_list.push_back(std::move(j));
  }
  out["records"] = record_list;
  Json cc_list = Json::array();
  for (auto& c : cc)
    cc_list.push_back(Json::object(
        {{"user_id", c.user_id}, {"name", c.name}, {"at", c.at}, {"at_ms", c.at_ms}}));
  out["cc"] = cc_list;
  return out;
}

namespace {

void ids_of(const Json* v, std::vector<std::string>& out) {
  if (!v) return;
  if (v->is_string()) out.push_back(v->get<std::string>());
  if (v->is_array())
    for (auto& x : *v)
      if (x.is_string()) out.push_back(x.get<std::string>());
}

// The ids in person (or department) fields of `fields`, wherever they are in `form`.
void collect(const std::vector<FieldSpec>& fields, const Json& form, FieldType type,
             std::vector<std::string>& out) {
  if (!form.is_object()) return;
  for (auto& f : fields) {
    const Json* v = json::find(form, f.name);
    if (f.type == type) ids_of(v, out);
    if (f.type == FieldType::kTable && v && v->is_array())
      for (auto& row : *v) collect(f.columns, row, type, out);
  }
}

}  // namespace

Json value_names(const Template& tpl, const Json& form, const std::string& court_code, Org& org) {
  std::vector<std::string> ids;
  collect(tpl.fields, form, FieldType::kPerson, ids);
  Json people = Json::object();
  for (auto& id : ids)
    if (!people.contains(id))
      if (auto p = org.person(id)) people[id] = p->name;
  ids.clear();
  collect(tpl.fields, form, FieldType::kDepartment, ids);
  Json departments = Json::object();
  if (!ids.empty())
    for (auto& d : org.departments(court_code))
      for (auto& id : ids)
        if (d.id == id) departments[id] = d.name;
  return Json::object({{"people", people}, {"departments", departments}});
}

Json template_json(const Template& tpl) {
  Json fields = Json::array();
  for (auto& f : tpl.fields) fields.push_back(field_json(f));
  Json chain = Json::array();
  Json choices = Json::array();
  for (auto& item : tpl.chain) {
    if (item.step) {
      chain.push_back(step_preview(*item.step));
      continue;
    }
    Json branches = Json::array();
    for (auto& b : item.branches) {
      Json steps = Json::array();
      for (auto& s : b.steps) steps.push_back(step_preview(s));
      branches.push_back(Json::object({{"conditional", b.when.has_value()}, {"steps", steps}}));
    }
    chain.push_back(Json::object({{"branches", branches}}));
  }
  for (auto* s : tpl.choice_steps())
    choices.push_back(Json::object({{"key", s->key},
                                    {"label", s->label.empty() ? "发起人自选" : s->label},
                                    {"mode", step_mode_name(s->mode)},
                                    {"conditional", s->when.has_value()}}));
  Json summary = Json::array();
  for (auto& s : tpl.summary) summary.push_back(s);
  return Json::object({{"code", tpl.code},
                       {"name", tpl.name},
                       {"description", tpl.description},
                       {"group", tpl.group},
                       {"fields", fields},
                       {"chain", chain},
                       {"choices", choices},
                       {"summary", summary}});
}

}  // namespace approvals
