// SPDX-License-Identifier: Apache-2.0
// SQL for instances, tasks, records and CC. Statements are fixed texts (prepared once).
#include "instance_store.hpp"

#include <courthub/error.hpp>

namespace json = courthub::json;

namespace approvals::instance_store {
namespace {

using courthub::Row;
using courthub::Value;

constexpr const char* kInstanceColumns =
    "id, template, template_name, title, originator, originator_name, court_code, dept_id, form, "
    "plan, cc_finish, current_step, status, result, source, request_id, mirrored, url, "
    "created_ms, updated_ms, finished_ms";

constexpr const char* kTaskColumns =
    "id, instance_id, step_id, assignee, assignee_name, status, result, remark, external_id, "
    "created_ms, since_ms, finished_ms";

std::vector<Approver> approvers_from(const Json& j) {
  std::vector<Approver> out;
  if (j.is_array())
    for (auto& a : j)
      out.push_back({json::get<std::string>(a, "user_id"), json::get<std::string>(a, "name")});
  return out;
}

Json parse_or(const std::string& text, Json fallback) {
  try {
    return text.empty() ? fallback : Json::parse(text);
  } catch (const courthub::Json::exception&) {
    return fallback;
  }
}

InstanceRow instance_of(const Row& r, size_t offset = 0) {
  auto col = [&](size_t i) -> const Value& { return r[offset + i]; };
  InstanceRow row;
  row.id = col(0).as_int();
  row.template_code = col(1).as_string();
  row.template_name = col(2).as_string();
  row.title = col(3).as_string();
  row.originator = col(4).as_string();
  row.originator_name = col(5).as_string();
  row.court_code = col(6).as_string();
  row.dept_id = col(7).as_string();
  row.form = parse_or(col(8).as_string(), Json::object());
  row.plan = plan_from_json(parse_or(col(9).as_string(), Json::array()));
  row.cc_finish = approvers_from(parse_or(col(10).as_string(), Json::array()));
  row.current_step = static_cast<int>(col(11).as_int());
  row.status = col(12).as_string();
  row.result = col(13).as_string();
  row.source = col(14).as_string();
  row.request_id = col(15).as_string();
  row.mirrored = col(16).as_int() != 0;
  row.url = col(17).as_string();
  row.created_ms = col(18).as_int();
  row.updated_ms = col(19).as_int();
  row.finished_ms = col(20).as_int();
  return row;
}

TaskRow task_of(const Row& r, size_t offset = 0) {
  auto col = [&](size_t i) -> const Value& { return r[offset + i]; };
  TaskRow t;
  t.id = col(0).as_int();
  t.instance_id = col(1).as_int();
  t.step_id = static_cast<int>(col(2).as_int());
  t.assignee = col(3).as_string();
  t.assignee_name = col(4).as_string();
  t.status = col(5).as_string();
  t.result = col(6).as_string();
  t.remark = col(7).as_string();
  t.external_id = col(8).as_string();
  t.created_ms = col(9).as_int();
  t.since_ms = col(10).as_int();
  t.finished_ms = col(11).as_int();
  return t;
}

std::vector<InstanceRow> instances(const std::vector<Row>& rows) {
  std::vector<InstanceRow> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(instance_of(r));
  return out;
}

int64_t before_or_max(const Page& page) {
  return page.before > 0 ? page.before : INT64_MAX;
}

}  // namespace

int64_t insert(Sql& tx, InstanceRow& row) {
  auto r = tx.one(
      "INSERT INTO instance(template, template_name, title, originator, originator_name, "
      "court_code, dept_id, form, plan, cc_finish, current_step, status, result, source, "
      "request_id, mirrored, url, created_ms, updated_ms, finished_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {row.template_code, row.template_name, row.title, row.originator, row.originator_name,
       row.court_code, row.dept_id, row.form.dump(), plan_to_json(row.plan).dump(),
       approvers_json(row.cc_finish).dump(), row.current_step, row.status, row.result,
       row.source, row.request_id, row.mirrored ? 1 : 0, row.url, row.created_ms,
       row.updated_ms, row.finished_ms ? Value(row.finished_ms) : Value()});
  row.id = r->integer("id");
  return row.id;
}

std::optional<InstanceRow> find(const Sql& sql, int64_t id) {
  auto r = sql.one(std::string("SELECT ") + kInstanceColumns + " FROM instance WHERE id = ?",
                   {id});
  if (!r) return std::nullopt;
  return instance_of(*r);
}

std::optional<InstanceRow> find_by_request(const Sql& sql, const std::string& source,
                                           const std::string& request_id) {
  auto r = sql.one(std::string("SELECT ") + kInstanceColumns +
                       " FROM instance WHERE source = ? AND request_id = ? AND request_id <> ''",
                   {source, request_id});
  if (!r) return std::nullopt;
  return instance_of(*r);
}

std::optional<TaskRow> task(const Sql& sql, int64_t task_id) {
  auto r = sql.one(std::string("SELECT ") + kTaskColumns + " FROM task WHERE id = ?", {task_id});
  if (!r) return std::nullopt;
  return task_of(*r);
}

std::optional<TaskRow> task_by_external(const Sql& sql, const std::string& external_id) {
  auto r = sql.one(std::string("SELECT ") + kTaskColumns + " FROM task WHERE external_id = ?",
                   {external_id});
  if (!r) return std::nullopt;
  return task_of(*r);
}

std::vector<TaskRow> tasks(const Sql& sql, int64_t instance_id) {
  std::vector<TaskRow> out;
  for (auto& r : sql.query(std::string("SELECT ") + kTaskColumns +
                               " FROM task WHERE instance_id = ? ORDER BY id",
                           {instance_id}))
    out.push_back(task_of(r));
  return out;
}

std::vector<TaskState> open_tasks(const Sql& sql, int64_t instance_id) {
  std::vector<TaskState> out;
  for (auto& r : sql.query(
           "SELECT id, step_id, assignee, assignee_name, status, result FROM task "
           "WHERE instance_id = ? AND status IN ('RUNNING', 'PAUSED') ORDER BY id",
           {instance_id}))
    out.push_back(TaskState{r.integer("id"), static_cast<int>(r.integer("step_id")),
                            r.text("assignee"), r.text("assignee_name"), r.text("status"),
                            r.text("result")});
  return out;
}

std::vector<RecordRow> records(const Sql& sql, int64_t instance_id) {
  std::vector<RecordRow> out;
  for (auto& r : sql.query(
           "SELECT id, type, user_id, user_name, result, remark, task_id, detail, at_ms "
           "FROM record WHERE instance_id = ? ORDER BY id",
           {instance_id})) {
    RecordRow rec;
    rec.id = r.integer("id");
    rec.instance_id = instance_id;
    rec.draft = RecordDraft{r.text("type"),   r.text("user_id"),   r.text("user_name"),
                            r.text("result"), r.text("remark"),    r.integer("task_id"),
                            parse_or(r.text("detail"), Json::object())};
    rec.at_ms = r.integer("at_ms");
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<CcRow> cc(const Sql& sql, int64_t instance_id) {
  std::vector<CcRow> out;
  for (auto& r : sql.query(
           "SELECT user_id, name, at, at_ms FROM cc WHERE instance_id = ? ORDER BY at_ms, user_id",
           {instance_id}))
    out.push_back(CcRow{r.text("user_id"), r.text("name"), r.text("at"), r.integer("at_ms")});
  return out;
}

Involvement involvement(const Sql& sql, const InstanceRow& row, const std::string& user_id) {
  Involvement how;
  how.originator = !user_id.empty() && row.originator == user_id;
  if (user_id.empty() || how.originator) return how;
  auto r = sql.one(
      "SELECT EXISTS(SELECT 1 FROM task WHERE instance_id = ? AND assignee = ?) AS approver, "
      "EXISTS(SELECT 1 FROM cc WHERE instance_id = ? AND user_id = ?) AS copied",
      {row.id, user_id, row.id, user_id});
  how.approver = r && r->integer("approver") != 0;
  how.copied = r && r->integer("copied") != 0;
  return how;
}

RecordRow append_record(Sql& tx, int64_t instance_id, const RecordDraft& d, int64_t now_ms) {
  auto r = tx.one(
      "INSERT INTO record(instance_id, type, user_id, user_name, result, remark, task_id, "
      "detail, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {instance_id, d.type, d.user_id, d.user_name, d.result, d.remark,
       d.task_id ? Value(d.task_id) : Value(), d.detail.dump(), now_ms});
  return RecordRow{r->integer("id"), instance_id, d, now_ms};
}

std::vector<Approver> add_cc(Sql& tx, int64_t instance_id, const std::vector<Approver>& people,
                             std::string_view at, int64_t now_ms) {
  std::vector<Approver> added;
  for (auto& p : people) {
    auto r = tx.exec(
        "INSERT INTO cc(instance_id, user_id, name, at, at_ms) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {instance_id, p.user_id, p.name, std::string(at), now_ms});
    if (r.changes == 1) added.push_back(p);
  }
  return added;
}

Applied apply(Sql& tx, InstanceRow& row, const Transition& t, int64_t now_ms) {
  Applied out;
  for (auto& c : t.task_changes) {
    courthub::ExecResult r;
    if (c.status == task_status::kPaused) {
      r = tx.exec("UPDATE task SET status = 'PAUSED' WHERE id = ? AND status = ?", {c.id, c.from});
    } else if (c.resumed) {
      r = tx.exec(
          "UPDATE task SET status = 'RUNNING', since_ms = ?, reminded_period = 0 "
          "WHERE id = ? AND status = ?",
          {now_ms, c.id, c.from});
    } else {
      r = tx.exec(
          "UPDATE task SET status = ?, result = ?, remark = ?, finished_ms = ? "
          "WHERE id = ? AND status = ?",
          {c.status, c.result, c.remark, now_ms, c.id, c.from});
    }
    // The state was read in this same transaction, so this only fires on a logic error.
    if (r.changes != 1)
      throw courthub::Conflict("task " + std::to_string(c.id) + " changed while being decided");
  }
  for (auto& n : t.new_tasks) {
    auto r = tx.one(
        "INSERT INTO task(instance_id, step_id, assignee, assignee_name, status, created_ms, "
        "since_ms) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?) RETURNING id",
        {row.id, n.step_id, n.approver.user_id, n.approver.name, now_ms, now_ms});
    TaskRow task;
    task.id = r->integer("id");
    task.instance_id = row.id;
    task.step_id = n.step_id;
    task.assignee = n.approver.user_id;
    task.assignee_name = n.approver.name;
    task.status = std::string(task_status::kRunning);
    task.created_ms = task.since_ms = now_ms;
    out.created.push_back(std::move(task));
  }

  row.status = t.status;
  row.result = t.result;
  row.current_step = t.current_step;
  if (t.plan_changed) row.plan = t.plan;
  if (t.finished) row.finished_ms = now_ms;
  row.updated_ms = now_ms;
  tx.exec(
      "UPDATE instance SET status = ?, result = ?, current_step = ?, plan = COALESCE(?, plan), "
      "updated_ms = ?, finished_ms = ? WHERE id = ?",
      {row.status, row.result, row.current_step,
       t.plan_changed ? Value(plan_to_json(row.plan).dump()) : Value(), now_ms,
       row.finished_ms ? Value(row.finished_ms) : Value(), row.id});

  if (t.form || t.cc_finish) {
    if (t.form) row.form = *t.form;
    if (t.cc_finish) row.cc_finish = *t.cc_finish;
    tx.exec("UPDATE instance SET form = ?, cc_finish = ? WHERE id = ?",
            {row.form.dump(), approvers_json(row.cc_finish).dump(), row.id});
  }
  for (auto& d : t.records) out.records.push_back(append_record(tx, row.id, d, now_ms));
  if (!t.cc_start.empty()) add_cc(tx, row.id, t.cc_start, "start", now_ms);

  if (t.finished && row.status == instance_status::kCompleted && !row.cc_finish.empty()) {
    out.copied_at_finish = add_cc(tx, row.id, row.cc_finish, "finish", now_ms);
    if (!out.copied_at_finish.empty()) {
      RecordDraft d{std::string(record_type::kCc), "", "系统", "NONE", "", 0,
                    Json::object({{"cc_users", approvers_json(out.copied_at_finish)},
                                  {"at", "finish"}})};
      out.records.push_back(append_record(tx, row.id, d, now_ms));
    }
  }
  return out;
}

std::vector<InstanceRow> submitted_by(const Sql& sql, const std::string& user_id,
                                      const std::string& status, const Page& page) {
  return instances(sql.query(
      std::string("SELECT ") + kInstanceColumns +
          " FROM instance WHERE originator = ? AND id < ? AND (? = '' OR status = ?) "
          "ORDER BY id DESC LIMIT ?",
      {user_id, before_or_max(page), status, status, page.limit}));
}

std::vector<InstanceRow> copied_to(const Sql& sql, const std::string& user_id, const Page& page) {
  return instances(sql.query(
      std::string("SELECT ") + kInstanceColumns +
          " FROM instance WHERE id IN (SELECT instance_id FROM cc WHERE user_id = ? AND "
          "instance_id < ?) ORDER BY id DESC LIMIT ?",
      {user_id, before_or_max(page), page.limit}));
}

std::vector<InstanceRow> of_court(const Sql& sql, const std::string& court_code,
                                  const std::string& status, const std::string& template_code,
                                  const Page& page) {
  return instances(sql.query(
      std::string("SELECT ") + kInstanceColumns +
          " FROM instance WHERE (? = '' OR court_code = ?) AND id < ? AND (? = '' OR status = ?) "
          "AND (? = '' OR template = ?) ORDER BY id DESC LIMIT ?",
      {court_code, court_code, before_or_max(page), status, status, template_code, template_code,
       page.limit}));
}

std::vector<TaskWithInstance> tasks_of(const Sql& sql, const std::string& user_id,
                                       const std::string& status, const Page& page) {
  std::vector<TaskWithInstance> out;
  for (auto& r : sql.query(
           std::string("SELECT t.id, t.instance_id, t.step_id, t.assignee, t.assignee_name, "
                       "t.status, t.result, t.remark, t.external_id, t.created_ms, t.since_ms, "
                       "t.finished_ms, i.") +
               "id, i.template, i.template_name, i.title, i.originator, i.originator_name, "
               "i.court_code, i.dept_id, i.form, i.plan, i.cc_finish, i.current_step, i.status, "
               "i.result, i.source, i.request_id, i.mirrored, i.url, i.created_ms, i.updated_ms, "
               "i.finished_ms FROM task t JOIN instance i ON i.id = t.instance_id "
               "WHERE t.assignee = ? AND t.status = ? AND t.id < ? ORDER BY t.id DESC LIMIT ?",
           {user_id, status, before_or_max(page), page.limit}))
    out.push_back(TaskWithInstance{task_of(r, 0), instance_of(r, 12)});
  return out;
}

int64_t count_tasks(const Sql& sql, const std::string& user_id, const std::string& status) {
  auto r = sql.one("SELECT COUNT(*) AS n FROM task WHERE assignee = ? AND status = ?",
                   {user_id, status});
  return r ? r->integer("n") : 0;
}

}  // namespace approvals::instance_store
