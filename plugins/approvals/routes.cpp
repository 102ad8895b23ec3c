// SPDX-License-Identifier: Apache-2.0
// HTTP routes: templates, submit, lists, detail with history, actions.
#include "routes.hpp"

#include "actions.hpp"
#include "allowed_actions.hpp"
#include "approvers_preview.hpp"
#include "directory_org.hpp"
#include "instance_views.hpp"
#include "submissions.hpp"
#include "urge.hpp"
#include "value_text.hpp"
#include "visibility.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::InvalidArgument;
using courthub::NotFound;
using courthub::PermissionDenied;
using courthub::Request;
using courthub::Response;

int64_t path_id(const Request& req) {
  const std::string& text = req.param("id");
  Json v(text);
  int64_t id = id_from(&v);
  if (id <= 0) throw NotFound("no approval '" + text + "'");
  return id;
}

Page page_of(const Request& req) {
  Page page;
  if (auto before = req.query_value("before")) {
    Json v(*before);
    page.before = id_from(&v);
    if (page.before <= 0) throw InvalidArgument("before must be an id from the previous page");
  }
  if (auto limit = req.query_value("limit")) {
    Json v(*limit);
    page.limit = id_from(&v);
    if (page.limit < 1 || page.limit > 100) throw InvalidArgument("limit must be 1 to 100");
  }
  return page;
}

Json page_json(Json items, const Page& page, int64_t last_id) {
  size_t n = items.size();
  return Json::object({{"items", std::move(items)},
                       {"next_before", n == static_cast<size_t>(page.limit) ? Json(last_id)
                                                                            : Json()}});
}

Viewer staff_viewer(const Request& req, std::string_view doing) {
  Viewer v = Viewer::of(req.caller);
  if (!v.is_staff())
    throw PermissionDenied("sign in as a member of staff to " + std::string(doing));
  return v;
}

std::string status_filter(const Request& req) {
  std::string status = req.query_value("status").value_or("");
  if (!status.empty() && status != "RUNNING" && status != "COMPLETED" && status != "TERMINATED" &&
      status != "CANCELED")
    throw InvalidArgument("status must be RUNNING, COMPLETED, TERMINATED or CANCELED");
  return status;
}

std::vector<std::string> id_list(const Json* v) {
  std::vector<std::string> out;
  if (!v || v->is_null()) return out;
  if (v->is_string()) {
    out.push_back(v->get<std::string>());
    return out;
  }
  if (!v->is_array()) throw InvalidArgument("user_ids must be a list of userids");
  for (auto& x : *v) {
    if (!x.is_string()) throw InvalidArgument("user_ids must be a list of userids");
    out.push_back(x.get<std::string>());
  }
  return out;
}

Json return_targets_json(const std::vector<ReturnTarget>& targets) {
  Json out = Json::array();
  for (auto& t : targets)
    out.push_back(Json::object({{"step_id", t.step_id}, {"label", t.label}}));
  return out;
}

// The detail, with the actions this viewer may take now.
Json detail_for(Context& ctx, const InstanceRow& row, const Viewer& v) {
  auto& db = ctx.host.db();
  const Template* tpl = ctx.settings.find(row.template_code);
  auto tasks = instance_store::tasks(db, row.id);
  Json out = instance_detail_json(row, tpl, tasks, instance_store::records(db, row.id),
                                  instance_store::cc(db, row.id));
  InstanceState state = instance_state(row, tasks);
  ActionOptions options;
  options.staff = v.is_staff();
  options.may_cancel = may_cancel(v, row.court_code);
  options.mirrored = row.mirrored;
  options.may_resubmit = tpl && !tpl->requested_only && may_start(*tpl, v.as_originator());
  Json allowed = Json::array();
  for (auto& a : allowed_actions(state, v.user_id, options)) {
    Json j = Json::object({{"action", a.action}});
    if (a.task_id) j["task_id"] = a.task_id;
    if (a.editable) j["editable"] = *a.editable;
    if (a.action == "return") j["targets"] = return_targets_json(a.targets);
    allowed.push_back(std::move(j));
  }
  if (Json urge = urge_action(ctx, row, tasks, v); !urge.is_null()) allowed.push_back(urge);
  out["allowed_actions"] = allowed;
  if (tpl) {
    RequestOrg org(ctx.host.directory());
    out["value_names"] = value_names(*tpl, row.form, row.court_code, org);
  }
  return out;
}

Json list_json(Context& ctx, const std::vector<InstanceRow>& rows, const Page& page) {
  Json items = Json::array();
  for (auto& r : rows)
    items.push_back(instance_summary_json(r, ctx.settings.find(r.template_code)));
  return page_json(std::move(items), page, rows.empty() ? 0 : rows.back().id);
}

}  // namespace

int64_t id_from(const Json* v) {
  if (!v) return 0;
  if (v->is_number()) return json::as<int64_t>(*v, "id");  // refuses 2^63 and up
  if (!v->is_string()) return 0;
  std::string s = v->get<std::string>();
  if (!s.empty() && s[0] == '#') s.erase(0, 1);
  if (s.empty() || s.size() > 18) return 0;
  int64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

void register_routes(courthub::Registrar& r, Context& ctx) {
  r.route("GET", "/templates", [&ctx](const Request& req) {
    Viewer v = Viewer::of(req.caller);
    Json items = Json::array();
    for (auto& t : ctx.settings.templates) {
      bool usable = v.sees_everything() ||
                    (v.is_staff() && !t->requested_only && may_start(*t, v.as_originator()));
      if (usable) items.push_back(template_json(*t));
    }
    return Response::json(Json::object({{"templates", items}}));
  });

  r.route("GET", "/templates/{code}", [&ctx](const Request& req) {
    const Template* t = ctx.settings.find(req.param("code"));
    if (!t) throw NotFound("no template '" + req.param("code") + "'");
    return Response::json(template_json(*t));
  });

  r.route("POST", "/templates/{code}/preview", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "preview approvers");
    const Template* t = ctx.settings.find(req.param("code"));
    if (!t || t->requested_only) throw NotFound("no template '" + req.param("code") + "'");
    if (!may_start(*t, v.as_originator()))
      throw PermissionDenied("you may not start " + t->name + " approvals");
    Json body = req.json();
    if (!body.is_object()) throw InvalidArgument("the body must be a JSON object");
    const Json* form = json::find(body, "form");
    const Json* choices = json::find(body, "approvers");
    RequestOrg org(ctx.host.directory());
    return Response::json(preview_approvers(*t, v.as_originator(),
                                            form && !form->is_null() ? *form : Json::object(),
                                            choices ? *choices : Json(), org,
                                            workdays_of(ctx.host.calendar())));
  });

  // The choices of a department field: the caller's court's departments (the rule
  // form_validation applies), in the directory's order.
  r.route("GET", "/departments", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "list departments");
    Json items = Json::array();
    for (auto& d : ctx.host.directory().departments(v.court_code))
      items.push_back(Json::object({{"id", d.id}, {"name", d.name}, {"parent_id", d.parent_id}}));
    return Response::json(Json::object({{"departments", items}}));
  });

  r.route("POST", "/instances", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "submit approvals");
    Json body = req.json();
    if (!body.is_object()) throw InvalidArgument("the body must be a JSON object");
    std::string code = json::get<std::string>(body, "template");
    if (code.empty())
      throw InvalidArgument("template is required: the code of the form (GET /templates)",
                            Json::array({Json::object({{"field", "template"},
                                                       {"message", "template is required"}})}));
    const Template* t = ctx.settings.find(code);
    if (!t)
      throw InvalidArgument("no template '" + code + "'",
                            Json::array({Json::object({{"field", "template"},
                                                       {"message", "no template '" + code +
                                                                       "'"}})}));
    if (t->requested_only)
      throw PermissionDenied(t->name + " is started by another app (for example a room "
                             "booking), not submitted directly");
    Submission s;
    s.tpl = t;
    s.originator = v.as_originator();
    if (!may_start(*t, s.originator))
      throw PermissionDenied("you may not start " + t->name + " approvals");
    const Json* form = json::find(body, "form");
    s.form = form ? *form : Json::object();
    if (const Json* choices = json::find(body, "approvers")) s.choices = *choices;
    s.title = json::get<std::string>(body, "title");
    Submitted out = submit(ctx, s);
    Json view = instance_detail_json(out.row, t, out.tasks, {}, {});
    view.erase("records");  // the start record only; GET /instances/{id} has the history
    return Response::json(view, 201);
  });

  r.route("GET", "/instances", [&ctx](const Request& req) {
    Viewer v = Viewer::of(req.caller);
    std::string court = req.query_value("court").value_or(v.is_staff() ? v.court_code : "");
    if (!may_list_court(v, court))
      throw PermissionDenied("only the court's court_admin (综合管理员) or president (院长) "
                             "lists a court's approvals; use /instances/submitted, "
                             "/instances/copied or /tasks");
    Page page = page_of(req);
    auto rows = instance_store::of_court(ctx.host.db(), court, status_filter(req),
                                         req.query_value("template").value_or(""), page);
    return Response::json(list_json(ctx, rows, page));
  });

  r.route("GET", "/instances/submitted", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "list your approvals");
    Page page = page_of(req);
    auto rows = instance_store::submitted_by(ctx.host.db(), v.user_id, status_filter(req), page);
    return Response::json(list_json(ctx, rows, page));
  });

  r.route("GET", "/instances/copied", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "list approvals copied to you");
    Page page = page_of(req);
    return Response::json(list_json(ctx, instance_store::copied_to(ctx.host.db(), v.user_id, page),
                                    page));
  });

  r.route("GET", "/instances/{id}", [&ctx](const Request& req) {
    Viewer v = Viewer::of(req.caller);
    auto row = instance_store::find(ctx.host.db(), path_id(req));
    if (!row) throw NotFound("no approval " + req.param("id"));
    if (!may_view(v, row->court_code, instance_store::involvement(ctx.host.db(), *row, v.user_id)))
      throw PermissionDenied("approval " + req.param("id") +
                             " is not yours: only its originator, approvers and CC see it");
    return Response::json(detail_for(ctx, *row, v));
  });

  r.route("POST", "/instances/{id}/actions", [&ctx](const Request& req) {
    Json body = req.json();
    if (!body.is_object()) throw InvalidArgument("the body must be a JSON object");
    ActionInput in;
    in.viewer = Viewer::of(req.caller);
    in.instance_id = path_id(req);
    in.action = json::get<std::string>(body, "action");
    if (in.action.empty())
      throw InvalidArgument("action is required: agree, refuse, return, resubmit, comment, "
                            "transfer, add_approver, withdraw or cancel");
    in.task_id = id_from(json::find(body, "task_id"));
    if (body.contains("task_id") && in.task_id <= 0) throw InvalidArgument("task_id must be an id");
    in.remark = json::get<std::string>(body, "comment", json::get<std::string>(body, "remark"));
    in.position = json::get<std::string>(body, "position");
    in.mode = json::get<std::string>(body, "mode");
    if (in.action == "transfer") in.targets = id_list(json::find(body, "to"));
    if (in.action == "add_approver") in.targets = id_list(json::find(body, "user_ids"));
    if (const Json* to = json::find(body, "to_step"); to && !to->is_null()) {
      if (!to->is_number_integer() || to->get<int64_t>() < 0 || to->get<int64_t>() > 100000)
        throw InvalidArgument("to_step must be a step id from the return targets (0: the "
                              "originator)");
      in.to_step = static_cast<int>(to->get<int64_t>());
    }
    if (const Json* form = json::find(body, "form")) in.form = *form;
    if (in.action == "resubmit")
      if (const Json* choices = json::find(body, "approvers")) in.choices = *choices;
    ActionOutcome out = act(ctx, in);
    Json open = Json::array();
    for (auto& t : out.open_tasks) open.push_back(task_json(t));
    Json records = Json::array();
    for (auto& r : out.records) records.push_back(record_json(r));
    return Response::json(Json::object(
        {{"instance", instance_summary_json(out.row, ctx.settings.find(out.row.template_code))},
         {"task", out.task ? task_json(*out.task) : Json()},
         {"open_tasks", open},
         {"records", records}}));
  });

  r.route("GET", "/tasks/count", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "count your tasks");
    return Response::json(Json::object(
        {{"count", instance_store::count_tasks(ctx.host.db(), v.user_id,
                                               std::string(task_status::kRunning))}}));
  });

  r.route("GET", "/tasks", [&ctx](const Request& req) {
    Viewer v = staff_viewer(req, "list your tasks");
    std::string which = req.query_value("status").value_or("pending");
    std::string status;
    if (which == "pending") status = task_status::kRunning;
    else if (which == "done") status = task_status::kCompleted;
    else throw InvalidArgument("status must be pending or done");
    Page page = page_of(req);
    auto rows = instance_store::tasks_of(ctx.host.db(), v.user_id, status, page);
    Json items = Json::array();
    for (auto& r : rows)
      items.push_back(Json::object(
          {{"task", task_json(r.task)},
           {"instance",
            instance_summary_json(r.instance, ctx.settings.find(r.instance.template_code))}}));
    int64_t last = rows.empty() ? 0 : rows.back().task.id;
    return Response::json(page_json(std::move(items), page, last));
  });
}

}  // namespace approvals
