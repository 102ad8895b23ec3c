// SPDX-License-Identifier: Apache-2.0
// 催办: route, robot command, the rate limit kept in the operation record.
#include "urge.hpp"

#include "routes.hpp"
#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::Conflict;
using courthub::InvalidArgument;
using courthub::NotFound;
using courthub::PermissionDenied;

constexpr size_t kMaxComment = 500;

std::string ref(int64_t id) { return "approval " + std::to_string(id); }

// The approvers asked now: RUNNING tasks of plan steps (step 0 is the originator's own task
// while an approval is returned to them).
std::vector<Approver> waiting(const std::vector<TaskRow>& tasks) {
  std::vector<Approver> out;
  for (auto& t : tasks)
    if (t.status == task_status::kRunning && t.step_id != 0) {
      bool listed = false;
      for (auto& a : out) listed = listed || a.user_id == t.assignee;
      if (!listed) out.push_back({t.assignee, t.assignee_name});
    }
  return out;
}

struct UrgeHistory {
  int64_t count = 0;
  int64_t last_ms = 0;  // 0 = never urged
};

UrgeHistory history(const courthub::Sql& sql, int64_t instance_id) {
  auto r = sql.one("SELECT COUNT(*) AS n, COALESCE(MAX(at_ms), 0) AS last FROM record "
                   "WHERE instance_id = ? AND type = ?",
                   {instance_id, std::string(record_type::kUrge)});
  return r ? UrgeHistory{r->integer("n"), r->integer("last")} : UrgeHistory{};
}

int64_t next_allowed(const Context& ctx, const UrgeHistory& h) {
  return h.last_ms ? h.last_ms + ctx.settings.urge_interval_minutes * 60000 : 0;
}

// Whether `viewer` may urge the instance at all (the rate limit aside): its originator, staff,
// while it runs here with approvers deciding.
bool may_urge(const InstanceRow& row, const std::vector<Approver>& waiting_now,
              const Viewer& viewer) {
  return viewer.is_staff() && row.originator == viewer.user_id && !row.mirrored &&
         row.status == instance_status::kRunning && !waiting_now.empty();
}

}  // namespace

Urged urge(Context& ctx, const Viewer& viewer, int64_t instance_id, const std::string& comment) {
  if (!viewer.is_staff()) throw PermissionDenied("sign in as a member of staff to urge approvals");
  const std::string remark = trim(comment);
  if (utf8_length(remark) > kMaxComment)
    throw InvalidArgument("the comment takes at most " + std::to_string(kMaxComment) +
                          " characters");
  const int64_t now = ctx.now_ms();
  return transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    auto row = instance_store::find(tx, instance_id);
    if (!row) throw NotFound("no " + ref(instance_id));
    if (row->originator != viewer.user_id)
      throw PermissionDenied("only the originator of " + ref(row->id) + " can urge it (催办)");
    if (row->mirrored)
      throw Conflict(ref(row->id) + " runs in DingTalk; urge it in the DingTalk approval app");
    if (row->status != instance_status::kRunning)
      throw Conflict(ref(row->id) + " is no longer running: nobody is waiting to decide");
    Urged out;
    out.urged = waiting(instance_store::tasks(tx, row->id));
    if (out.urged.empty())
      throw Conflict("no approver of " + ref(row->id) + " is deciding now: nobody to urge");
    const UrgeHistory before = history(tx, row->id);
    if (const int64_t next = next_allowed(ctx, before); next > now) {
      const int64_t wait_ms = next - now;
      const int64_t minutes = (wait_ms + 59999) / 60000;
      throw Conflict("已催办，请" + std::to_string(minutes) + "分钟后再试",
                     Json::object({{"retry_after_s", (wait_ms + 999) / 1000}}));
    }
    RecordDraft draft{std::string(record_type::kUrge), viewer.user_id, viewer.name, "NONE",
                      remark, 0, Json::object({{"users", approvers_json(out.urged)}})};
    instance_store::append_record(tx, row->id, draft, now);
    ctx.notifications.urged(fx, *row, out.urged, remark, before.count + 1);
    out.row = *row;
    out.next_urge_ms = next_allowed(ctx, {before.count + 1, now});
    return out;
  });
}

Json urge_action(Context& ctx, const InstanceRow& row, const std::vector<TaskRow>& tasks,
                 const Viewer& viewer) {
  if (!may_urge(row, waiting(tasks), viewer)) return Json();
  const int64_t next = next_allowed(ctx, history(ctx.host.db(), row.id));
  return Json::object({{"action", "urge"}, {"next_urge_ms", next > ctx.now_ms() ? next : 0}});
}

void register_urge(courthub::Registrar& r, Context& ctx) {
  r.route("POST", "/instances/{id}/urge", [&ctx](const courthub::Request& req) {
    Json id_text(req.param("id"));
    const int64_t id = id_from(&id_text);
    if (id <= 0) throw NotFound("no approval '" + req.param("id") + "'");
    std::string comment;
    if (!req.body.empty()) {
      Json body = req.json();
      if (!body.is_object()) throw InvalidArgument("the body must be a JSON object");
      const Json* c = json::find(body, "comment");
      if (c && !c->is_null() && !c->is_string()) throw InvalidArgument("comment must be text");
      if (c && c->is_string()) comment = c->get<std::string>();
    }
    Urged out = urge(ctx, Viewer::of(req.caller), id, comment);
    return courthub::Response::json(Json::object(
        {{"urged", approvers_json(out.urged)}, {"next_urge_ms", out.next_urge_ms}}));
  });

  auto command = [&ctx](const courthub::Command& c) {
    Viewer v = Viewer::of(c.caller);
    if (!v.is_staff())
      throw PermissionDenied("approvals answers members of staff in the court directory");
    std::string args = trim(c.args);
    size_t space = args.find(' ');
    Json first(args.substr(0, space));
    const int64_t id = id_from(&first);
    if (id <= 0) throw InvalidArgument("give the approval number first, e.g. urge 12");
    Urged out = urge(ctx, v, id, space == std::string::npos ? "" : args.substr(space + 1));
    std::string head = "已催办 #" + std::to_string(out.row.id);
    if (c.is_group) return courthub::Reply::md(head, "已提醒当前审批人。");
    std::string names;
    for (auto& a : out.urged) names += (names.empty() ? "" : "、") + a.name;
    return courthub::Reply::md(head, "已催办：**#" + std::to_string(out.row.id) + "** " +
                                         out.row.title + "\n\n已提醒 " + names + "，" +
                                         std::to_string(ctx.settings.urge_interval_minutes) +
                                         " 分钟内不能再次催办");
  };
  r.command("urge", "urge 12", "remind the approvers of your approval 12 (催办)", command);
  r.command("催办", "催办 12", "催办：提醒你发起的审批 12 的当前审批人", command);
}

}  // namespace approvals
