// SPDX-License-Identifier: Apache-2.0
// approval_requested / approval_canceled from rooms, attendance, lawyers and other plugins.
#include "plugin_requests.hpp"

#include "actions.hpp"
#include "directory_org.hpp"
#include "submissions.hpp"
#include "visibility.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::InvalidArgument;

std::string request_id_of(const courthub::Event& e) {
  if (!e.payload.is_object()) throw InvalidArgument(e.topic + ": the payload must be an object");
  const Json* id = json::find(e.payload, "request_id");
  // Without an id there is nobody to answer: dead-letter it for the operator to see.
  if (!id || !id->is_string() || id->get<std::string>().empty() ||
      id->get<std::string>().size() > 200)
    throw InvalidArgument(e.topic + ": request_id is required (text, at most 200 characters)");
  return id->get<std::string>();
}

void reject(Context& ctx, const std::string& source, const std::string& request_id,
            const std::string& reason) {
  transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    auto r = tx.exec(
        "INSERT INTO request_rejection(source, request_id, reason, at_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {source, request_id, reason, ctx.now_ms()});
    if (r.changes == 1)
      fx.publish("request_rejected", Json::object({{"source", source},
                                                   {"request_id", request_id},
                                                   {"reason", reason}}),
                 source + "/" + request_id);
  });
  ctx.host.info("request " + source + "/" + request_id + " rejected: " + reason);
}

// Why the request cannot be opened, or "" when `s` and `chain` are ready.
std::string check(Context& ctx, const Json& p, Submission& s, ResolvedChain& chain) {
  std::string code = json::get<std::string>(p, "template");
  s.tpl = ctx.settings.find(code);
  if (!s.tpl) return "unknown template '" + code + "'";
  std::string originator = json::get<std::string>(p, "originator");
  RequestOrg org(ctx.host.directory());
  auto person = org.person(originator);
  if (!person) return "unknown originator '" + originator + "': not in the directory";
  s.originator = Originator::of(*person);
  if (!may_start(*s.tpl, s.originator))
    return s.originator.name + " may not start " + s.tpl->name + " approvals";
  if (const Json* court = json::find(p, "court"); court && !court->is_null()) {
    if (!court->is_string() || court->get<std::string>().empty())
      return "court must be a court code";
    if (!ctx.host.directory().court(court->get<std::string>()))
      return "unknown court '" + court->get<std::string>() + "': not in the directory";
    s.court = court->get<std::string>();
  }
  const Json* form = json::find(p, "form");
  if (!form || !form->is_object()) return "form is required: an object of field values";
  s.form = *form;
  if (const Json* choices = json::find(p, "approvers")) s.choices = *choices;
  const Json* title = json::find(p, "title");
  if (title && title->is_string()) s.title = title->get<std::string>();
  s.is_workday = workdays_of(ctx.host.calendar());
  auto errors = prepare(s, ctx.host.db(), org, chain);
  if (errors.empty()) return "";
  std::string reason = "invalid form: ";
  for (size_t i = 0; i < errors.size(); ++i)
    reason += (i ? "; " : "") + errors[i].field + ": " + errors[i].message;
  return reason;
}

}  // namespace

void handle_approval_request(Context& ctx, const std::string& source, const courthub::Event& e) {
  std::string request_id = request_id_of(e);
  if (instance_store::find_by_request(ctx.host.db(), source, request_id)) return;
  if (ctx.host.db().one("SELECT 1 FROM request_rejection WHERE source = ? AND request_id = ?",
                        {source, request_id}))
    return;

  Submission s;
  s.source = source;
  s.request_id = request_id;
  ResolvedChain chain;
  std::string reason = check(ctx, e.payload, s, chain);
  if (!reason.empty()) return reject(ctx, source, request_id, reason);
  try {
    open_instance(ctx, s, chain);
  } catch (const courthub::Error& err) {
    // Opened meanwhile by a redelivery: the unique (source, request_id) kept it to one.
    if (err.status() != courthub::Status::Conflict) throw;
  }
}

void handle_approval_cancel(Context& ctx, const std::string& source, const courthub::Event& e) {
  std::string request_id = request_id_of(e);
  auto row = instance_store::find_by_request(ctx.host.db(), source, request_id);
  if (!row || row->status != instance_status::kRunning) return;  // nothing (left) to cancel
  ActionInput in;
  in.viewer.kind = Viewer::Kind::kSystem;
  in.viewer.name = source;
  in.instance_id = row->id;
  in.action = "cancel";
  in.remark = json::get<std::string>(e.payload, "reason", "canceled by " + source);
  try {
    act(ctx, in);
  } catch (const courthub::Error& err) {
    if (err.status() != courthub::Status::Conflict) throw;  // finished meanwhile: fine
  }
}

}  // namespace approvals
