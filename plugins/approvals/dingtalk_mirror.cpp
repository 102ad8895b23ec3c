// SPDX-License-Identifier: Apache-2.0
// DingTalk bpms events mirrored into instances, tasks, records and instance_finished.
#include "dingtalk_mirror.hpp"

#include "directory_org.hpp"
#include "instance_store.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::InvalidArgument;

constexpr const char* kSource = "dingtalk";

// DingTalk sends times as numbers of ms, sometimes as text.
int64_t ms_of(const Json& payload, std::string_view key, int64_t fallback) {
  const Json* v = json::find(payload, key);
  if (v && v->is_number()) return v->get<int64_t>();
  if (v && v->is_string() && !v->get<std::string>().empty()) {
    try {
      return std::stoll(v->get<std::string>());
    } catch (...) {
    }
  }
  return fallback;
}

std::string text_of(const Json& payload, std::string_view key) {
  const Json* v = json::find(payload, key);
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number()) return std::to_string(v->get<int64_t>());
  return "";
}

struct Facts {
  std::string process_instance_id;
  std::string process_code;
  std::string title;
  std::string staff_id;
  std::string type;
  std::string url;
  int64_t create_ms = 0;
  int64_t finish_ms = 0;
};

Facts facts_of(const courthub::Event& e, int64_t now) {
  if (!e.payload.is_object()) throw InvalidArgument(e.topic + ": the payload must be an object");
  Facts f;
  f.process_instance_id = text_of(e.payload, "processInstanceId");
  if (f.process_instance_id.empty())
    throw InvalidArgument(e.topic + ": processInstanceId is required");
  f.process_code = text_of(e.payload, "processCode");
  f.title = text_of(e.payload, "title");
  f.staff_id = text_of(e.payload, "staffId");
  f.type = text_of(e.payload, "type");
  f.url = text_of(e.payload, "url");
  f.create_ms = ms_of(e.payload, "createTime", now);
  f.finish_ms = ms_of(e.payload, "finishTime", now);
  return f;
}

// The instance for a DingTalk process instance, created on first sight (events may arrive in
// any order). `originator` is known only from instance events.
InstanceRow ensure_instance(Context& ctx, Sql& tx, const Facts& f, const std::string& originator,
                            const courthub::Person* person) {
  auto row = instance_store::find_by_request(tx, kSource, f.process_instance_id);
  if (row) {
    if (row->originator.empty() && !originator.empty()) {
      // A task event came first; the instance event names who started it.
      row->originator = originator;
      row->originator_name = person ? person->name : originator;
      row->court_code = person ? person->court_code : "";
      row->dept_id = person ? person->dept_id : "";
      tx.exec("UPDATE instance SET originator = ?, originator_name = ?, court_code = ?, "
              "dept_id = ? WHERE id = ?",
              {row->originator, row->originator_name, row->court_code, row->dept_id, row->id});
      instance_store::append_record(
          tx, row->id,
          RecordDraft{std::string(record_type::kStart), row->originator, row->originator_name,
                      "NONE", "", 0, Json::object()},
          f.create_ms);
    }
    return *row;
  }
  InstanceRow n;
  const auto& codes = ctx.settings.dingtalk_process_codes;
  auto mapped = codes.find(f.process_code);
  const Template* tpl = mapped == codes.end() ? nullptr : ctx.settings.find(mapped->second);
  n.template_code = tpl ? tpl->code : f.process_code;
  n.template_name = tpl ? tpl->name : (f.title.empty() ? "钉钉审批" : f.title);
  n.title = f.title.empty() ? n.template_name : f.title;
  n.originator = originator;
  n.originator_name = person ? person->name : originator;
  n.court_code = person ? person->court_code : "";
  n.dept_id = person ? person->dept_id : "";
  n.status = std::string(instance_status::kRunning);
  n.source = kSource;
  n.request_id = f.process_instance_id;
  n.mirrored = true;
  n.url = f.url;
  n.created_ms = f.create_ms;
  n.updated_ms = ctx.now_ms();
  instance_store::insert(tx, n);
  if (!originator.empty())
    instance_store::append_record(
        tx, n.id,
        RecordDraft{std::string(record_type::kStart), n.originator, n.originator_name, "NONE", "",
                    0, Json::object()},
        f.create_ms);
  return n;
}

void finish(Context& ctx, Sql& tx, Effects& fx, InstanceRow& row, const Facts& f,
            const std::string& result) {
  bool terminated = f.type == "terminate";
  row.status = std::string(terminated ? instance_status::kTerminated : instance_status::kCompleted);
  row.result = terminated ? "" : result;
  row.finished_ms = f.finish_ms;
  row.updated_ms = ctx.now_ms();
  tx.exec("UPDATE instance SET status = ?, result = ?, finished_ms = ?, updated_ms = ? "
          "WHERE id = ?",
          {row.status, row.result, row.finished_ms, row.updated_ms, row.id});
  // DingTalk cancels whatever was still open when an instance ends.
  tx.exec("UPDATE task SET status = 'CANCELED', finished_ms = ? WHERE instance_id = ? AND "
          "status IN ('RUNNING', 'PAUSED', 'NEW')",
          {f.finish_ms, row.id});
  RecordDraft d;
  d.type = std::string(terminated ? record_type::kTerminate : record_type::kFinish);
  d.user_id = terminated ? row.originator : "";
  d.user_name = terminated ? row.originator_name : "钉钉";
  d.result = terminated ? "NONE" : (result == "refuse" ? "REFUSE" : "AGREE");
  instance_store::append_record(tx, row.id, d, f.finish_ms);
  fx.publish("instance_finished", ctx.notifications.finished_event(row), std::to_string(row.id));
}

}  // namespace

void mirror_instance_event(Context& ctx, const courthub::Event& e) {
  Facts f = facts_of(e, ctx.now_ms());
  if (f.type != "start" && f.type != "finish" && f.type != "terminate") {
    ctx.host.warn("bpms_instance_change of type '" + f.type + "' ignored");
    return;
  }
  std::string result = text_of(e.payload, "result");
  if (f.type == "finish" && result != "agree" && result != "refuse")
    throw InvalidArgument("bpms_instance_change finish: result must be agree or refuse");
  std::optional<courthub::Person> person;
  if (!f.staff_id.empty()) person = DirectoryOrg(ctx.host.directory()).person(f.staff_id);

  transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    InstanceRow row = ensure_instance(ctx, tx, f, f.staff_id, person ? &*person : nullptr);
    // A redelivered or late event about an instance already finished changes nothing.
    if (f.type == "start" || row.status != instance_status::kRunning) return;
    finish(ctx, tx, fx, row, f, result);
  });
}

void mirror_task_event(Context& ctx, const courthub::Event& e) {
  Facts f = facts_of(e, ctx.now_ms());
  std::string task_id = text_of(e.payload, "taskId");
  if (task_id.empty()) throw InvalidArgument("bpms_task_change: taskId is required");
  if (f.type != "start" && f.type != "finish" && f.type != "cancel") {
    ctx.host.warn("bpms_task_change of type '" + f.type + "' ignored");
    return;
  }
  std::string result = text_of(e.payload, "result");
  std::string remark = text_of(e.payload, "remark");
  std::optional<courthub::Person> approver;
  if (!f.staff_id.empty()) approver = DirectoryOrg(ctx.host.directory()).person(f.staff_id);
  std::string approver_name = approver ? approver->name : f.staff_id;
  std::string external = "dingtalk:" + task_id;

  transaction(ctx.host, [&](Sql& tx, Effects&) {
    InstanceRow row = ensure_instance(ctx, tx, f, "", nullptr);
    auto task = instance_store::task_by_external(tx, external);
    if (!task) {
      tx.exec("INSERT INTO task(instance_id, step_id, assignee, assignee_name, status, "
              "external_id, created_ms, since_ms) VALUES (?, 0, ?, ?, 'RUNNING', ?, ?, ?)",
              {row.id, f.staff_id, approver_name, external, f.create_ms, f.create_ms});
      task = instance_store::task_by_external(tx, external);
    }
    if (f.type == "start" || task->status != task_status::kRunning) return;
    if (f.type == "cancel") {
      tx.exec("UPDATE task SET status = 'CANCELED', finished_ms = ? WHERE id = ?",
              {f.finish_ms, task->id});
      return;
    }
    std::string task_result = result == "agree"      ? std::string(task_result::kAgree)
                              : result == "refuse"   ? std::string(task_result::kRefuse)
                              : result == "redirect" ? std::string(task_result::kRedirected)
                                                     : std::string();
    tx.exec("UPDATE task SET status = 'COMPLETED', result = ?, remark = ?, finished_ms = ? "
            "WHERE id = ?",
            {task_result, remark, f.finish_ms, task->id});
    RecordDraft d;
    d.type = std::string(result == "redirect" ? record_type::kRedirect : record_type::kExecute);
    d.user_id = f.staff_id;
    d.user_name = approver_name;
    d.result = result == "agree" ? "AGREE" : (result == "refuse" ? "REFUSE" : "NONE");
    d.remark = remark;
    d.task_id = task->id;
    instance_store::append_record(tx, row.id, d, f.finish_ms);
  });
}

}  // namespace approvals
