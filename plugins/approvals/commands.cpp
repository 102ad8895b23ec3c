// SPDX-License-Identifier: Apache-2.0
// Chat: list pending tasks, approve or refuse by approval number, show one approval's history;
// and the agree / refuse buttons of the task card.
#include "commands.hpp"

#include "actions.hpp"
#include "instance_views.hpp"
#include "routes.hpp"
#include "courthub/time.hpp"
#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::CardAction;
using courthub::CardUpdate;
using courthub::Command;
using courthub::InvalidArgument;
using courthub::PermissionDenied;
using courthub::Reply;

Viewer chat_viewer(const courthub::Caller& caller) {
  Viewer v = Viewer::of(caller);
  if (!v.is_staff())
    throw PermissionDenied("approvals answers members of staff in the court directory");
  return v;
}

// In a group chat everyone reads the reply: what an approval is about (a leave's kind and reason,
// who is away, who else decides) stays out of it and the reply points to where it may be read.
constexpr const char* kPrivately =
    "群聊中不显示审批内容。请私聊机器人发送同一命令，或在工作台打开“审批”查看。";

Reply in_group_reply(const std::string& title) {
  return Reply::md(title, kPrivately);
}

// "12 同意，按规定办理" -> (12, "同意，按规定办理").
std::pair<int64_t, std::string> id_and_text(const std::string& args) {
  std::string rest = trim(args);
  size_t space = rest.find(' ');
  Json first(rest.substr(0, space));
  int64_t id = id_from(&first);
  if (id <= 0) throw InvalidArgument("give the approval number first, e.g. 12");
  return {id, space == std::string::npos ? "" : trim(rest.substr(space + 1))};
}

std::string line_of(Context& ctx, const InstanceRow& row) {
  std::string summary = summary_text(row, ctx.settings.find(row.template_code));
  return "- **#" + std::to_string(row.id) + "** " + row.title + " · " +
         status_text(row.status, row.result) + (summary.empty() ? "" : "  \n  " + summary);
}

Reply list_pending(Context& ctx, const Viewer& v) {
  Page page;
  page.limit = 10;
  auto rows = instance_store::tasks_of(ctx.host.db(), v.user_id, std::string(task_status::kRunning),
                                       page);
  if (rows.empty()) return Reply::md("待我审批", "没有待你审批的事项。");
  std::string text = "### 待我审批\n\n";
  for (auto& r : rows) text += line_of(ctx, r.instance) + "\n";
  text += "\n回复 `approve 编号 [意见]` 同意，`refuse 编号 原因` 拒绝，`approval 编号` 看详情";
  return Reply::md("待我审批", text);
}

Reply list_mine(Context& ctx, const Viewer& v) {
  Page page;
  page.limit = 10;
  auto rows = instance_store::submitted_by(ctx.host.db(), v.user_id, "", page);
  if (rows.empty()) return Reply::md("我发起的", "你还没有发起审批。");
  std::string text = "### 我发起的\n\n";
  for (auto& r : rows) text += line_of(ctx, r) + "\n";
  return Reply::md("我发起的", text);
}

Reply decided(const ActionOutcome& out, std::string_view verb, bool in_group) {
  if (in_group) {
    return Reply::md(
        "审批 #" + std::to_string(out.row.id),
        "已" + std::string(verb) + "：**#" + std::to_string(out.row.id) + "**\n\n" + kPrivately);
  }
  std::string text = "已" + std::string(verb) + "：**#" + std::to_string(out.row.id) + "** " +
                     out.row.title + "\n\n当前状态：" + status_text(out.row.status, out.row.result);
  if (!out.open_tasks.empty()) {
    text += "，等待 ";
    for (size_t i = 0; i < out.open_tasks.size(); ++i)
      text += (i ? "、" : "") + out.open_tasks[i].assignee_name;
  }
  return Reply::md("审批 #" + std::to_string(out.row.id), text);
}

// What a record says happened, in a word or two.
std::string record_text(const RecordDraft& d) {
  if (d.type == record_type::kStart) return "发起";
  if (d.type == record_type::kExecute) return d.result == "REFUSE" ? "拒绝" : "同意";
  if (d.type == record_type::kRedirect)
    return "转交给 " + json::get<std::string>(d.detail, "to_name");
  if (d.type == record_type::kAppendBefore) return "前加签";
  if (d.type == record_type::kAppendAfter) return "后加签";
  if (d.type == record_type::kRemark) return "评论";
  if (d.type == record_type::kUrge) return "催办";
  if (d.type == record_type::kReturn) {
    std::string to = json::get<std::string>(d.detail, "to_label");
    return to.empty() || to == "发起人" ? "退回发起人" : "退回至" + to;
  }
  if (d.type == record_type::kResubmit) return "重新提交";
  if (d.type == record_type::kTerminate) return "撤销/取消";
  if (d.type == record_type::kFinish) return "结束";
  if (d.type == record_type::kCc) return "抄送";
  return d.type;
}

Reply show(Context& ctx, const Viewer& v, int64_t id) {
  auto& db = ctx.host.db();
  auto row = instance_store::find(db, id);
  if (!row) throw courthub::NotFound("no approval " + std::to_string(id));
  if (!may_view(v, row->court_code, instance_store::involvement(db, *row, v.user_id)))
    throw PermissionDenied("approval " + std::to_string(id) + " is not yours to see");
  const Template* tpl = ctx.settings.find(row->template_code);
  std::string text = "### #" + std::to_string(row->id) + " " + row->title + "\n\n" +
                     "状态：**" + status_text(row->status, row->result) + "**  \n";
  std::string summary = summary_text(*row, tpl, "  \n");
  if (!summary.empty()) text += summary + "\n";
  text += "\n**审批记录**\n\n";
  for (auto& r : instance_store::records(db, row->id)) {
    const auto& d = r.draft;
    text += "- " + courthub::time::format_local(r.at_ms) + " " + (d.user_name.empty() ? "系统" : d.user_name) +
            " " + record_text(d) + (d.remark.empty() ? "" : "：" + d.remark) + "\n";
  }
  for (auto& t : instance_store::tasks(db, row->id))
    if (t.status == task_status::kRunning || t.status == task_status::kPaused)
      text += "- 待 " + t.assignee_name + " " + task_status_text(t.status, t.result) + "\n";
  return Reply::md("审批 #" + std::to_string(row->id), text);
}

CardUpdate card_decision(Context& ctx, const CardAction& a, const std::string& action) {
  ActionInput in;
  in.viewer = chat_viewer(a.caller);
  in.task_id = id_from(json::find(a.params, "task_id"));
  if (in.task_id <= 0) throw InvalidArgument("the card carries no task_id");
  in.action = action;
  in.remark = json::get<std::string>(a.params, "comment");
  ActionOutcome out = act(ctx, in);
  CardUpdate update;
  update.card_data["status"] = out.task ? task_status_text(out.task->status, out.task->result)
                                        : status_text(out.row.status, out.row.result);
  update.card_data["handled_by"] = in.viewer.name;
  update.card_data["handled_at"] = courthub::time::format_local(ctx.now_ms());
  update.card_data["instance_status"] = status_text(out.row.status, out.row.result);
  update.user_private_data["result"] = action;
  if (!in.remark.empty()) update.card_data["remark"] = in.remark;
  return update;
}

}  // namespace

void register_commands(courthub::Registrar& r, Context& ctx) {
  r.command("approvals", "approvals pending",
            "list approvals waiting for you (pending) or started by you (mine)",
            [&ctx](const Command& c) {
              Viewer v = chat_viewer(c.caller);
              std::string what = trim(c.args);
              bool pending = what.empty() || what == "pending" || what == "待办";
              if (!pending && what != "mine" && what != "我发起的")
                throw InvalidArgument("say approvals pending or approvals mine");
              if (c.is_group) return in_group_reply(pending ? "待我审批" : "我发起的");
              return pending ? list_pending(ctx, v) : list_mine(ctx, v);
            });
  r.command("approve", "approve 12 同意", "agree to approval 12, with an optional comment",
            [&ctx](const Command& c) {
              auto [id, comment] = id_and_text(c.args);
              ActionInput in;
              in.viewer = chat_viewer(c.caller);
              in.instance_id = id;
              in.action = "agree";
              in.remark = comment;
              return decided(act(ctx, in), "同意", c.is_group);
            });
  r.command("refuse", "refuse 12 材料不全", "refuse approval 12, giving the reason",
            [&ctx](const Command& c) {
              auto [id, reason] = id_and_text(c.args);
              if (reason.empty()) throw InvalidArgument("give the reason after the number");
              ActionInput in;
              in.viewer = chat_viewer(c.caller);
              in.instance_id = id;
              in.action = "refuse";
              in.remark = reason;
              return decided(act(ctx, in), "拒绝", c.is_group);
            });
  r.command("approval", "approval 12", "show approval 12: its status and history",
            [&ctx](const Command& c) {
              auto [id, rest] = id_and_text(c.args);
              if (!rest.empty()) throw InvalidArgument("approval takes only the number");
              Viewer v = chat_viewer(c.caller);
              if (c.is_group) return in_group_reply("审批 #" + std::to_string(id));
              return show(ctx, v, id);
            });
}

void register_card_actions(courthub::Registrar& r, Context& ctx) {
  r.card_action("approvals.agree",
                [&ctx](const CardAction& a) { return card_decision(ctx, a, "agree"); });
  r.card_action("approvals.refuse",
                [&ctx](const CardAction& a) { return card_decision(ctx, a, "refuse"); });
}

}  // namespace approvals
