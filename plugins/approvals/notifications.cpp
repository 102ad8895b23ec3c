// SPDX-License-Identifier: Apache-2.0
// Work notifications, interactive cards and the instance_finished event.
#include "notifications.hpp"

#include <algorithm>

#include "instance_views.hpp"
#include "courthub/time.hpp"
#include "value_text.hpp"

namespace approvals {
namespace {

using courthub::Message;

std::string id_text(int64_t id) { return std::to_string(id); }

// Work notifications take at most 2048 bytes of msg; long summaries are cut on a character.
std::string clip(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// A markdown work notification that stays inside the 2048-byte limit of msg once escaped.
Message note(const std::string& title, const std::string& text) {
  return Message::markdown(title, clip(text, 1400));
}

std::string event_result(const InstanceRow& row) {
  if (row.status == instance_status::kTerminated) return "terminated";
  if (row.status == instance_status::kCanceled) return "canceled";
  return row.result;
}

}  // namespace

std::string Notifications::link(const InstanceRow& row) const {
  std::string url = settings_.detail_url;
  if (url.empty()) return row.url;
  auto at = url.find("{id}");
  if (at != std::string::npos) url.replace(at, 4, id_text(row.id));
  return url;
}

Json Notifications::card_data(const InstanceRow& row, const TaskRow& task) const {
  std::string step;
  for (auto& s : row.plan)
    if (s.id == task.step_id) step = s.label;
  return Json::object({{"title", row.title},
                       {"template_name", row.template_name},
                       {"originator_name", row.originator_name},
                       {"summary", clip(summary_text(row, tpl(row), "\n"), 1000)},
                       {"step", step},
                       {"status", task_status_text(task.status, task.result)},
                       {"task_id", id_text(task.id)},
                       {"instance_id", id_text(row.id)},
                       {"created", courthub::time::format_local(row.created_ms)},
                       {"url", link(row)}});
}

Json Notifications::finished_event(const InstanceRow& row, const std::string& reason) const {
  return Json::object({{"instance_id", row.id},
                       {"template", row.template_code},
                       {"template_name", row.template_name},
                       {"originator", row.originator},
                       {"court_code", row.court_code},
                       {"form", row.form},
                       {"result", event_result(row)},
                       {"status", row.status},
                       {"source", row.source},
                       {"request_id", row.request_id},
                       {"finished_ms", row.finished_ms},
                       {"reason", reason}});
}

void Notifications::announce(Effects& fx, const InstanceRow& row, const Transition& t,
                             const Applied& applied, const std::string& actor_id) const {
  for (auto& task : applied.created) {
    if (task.step_id == kOriginatorStep) continue;  // returned: told below, no card
    fx.notify({task.assignee},
              Message::card(settings_.card_template_id, "task-" + id_text(task.id),
                            card_data(row, task)),
              "task-" + id_text(task.id));
  }
  for (auto& c : t.task_changes) {
    // A task closed without its holder acting (the instance canceled, withdrawn, returned past
    // it): its card stops offering buttons that can only fail now and says why.
    if (c.status == task_status::kCanceled)
      fx.update_card("task-" + id_text(c.id),
                     Json::object({{"status", task_status_text(c.status, c.result)}}),
                     "task-" + id_text(c.id) + "-canceled");
    if (!c.resumed) continue;
    // Their card still works; they only need to know it is their turn again.
    fx.notify({c.assignee},
              Message::text("加签人已同意，请继续审批：" + row.title + "（审批 " + id_text(row.id) +
                            "）"),
              "resume-" + id_text(c.id) + "-" + std::to_string(row.updated_ms));
  }
  copied(fx, row, t.cc_start, "start");
  for (auto& r : applied.records) {
    if (r.draft.type == record_type::kReturn) returned(fx, row, t, r, actor_id);
    if (r.draft.type == record_type::kResubmit && row.status == instance_status::kRunning)
      fx.notify({row.originator},
                note("审批已重新提交", "### 审批已重新提交\n\n**" + row.title + "**（审批 " +
                                       id_text(row.id) + "）已重新进入审批"),
                "resubmitted-" + id_text(r.id));
  }
  if (!t.finished) return;

  if (row.status == instance_status::kCompleted) {
    bool agreed = row.result == "agree";
    std::string remark;
    for (auto& r : applied.records)
      if (r.draft.type == record_type::kExecute && !r.draft.remark.empty())
        remark = r.draft.remark;
    std::string head = agreed ? "审批已通过" : "审批被拒绝";
    std::string text = "### " + head + "\n\n**" + row.title + "**\n\n" +
                       clip(summary_text(row, tpl(row), "  \n"), 700) +
                       (remark.empty() ? "" : "\n\n意见：" + clip(remark, 300));
    fx.notify({row.originator}, note(head, text), "outcome-" + id_text(row.id));
    copied(fx, row, applied.copied_at_finish, "finish");
  } else {
    // Withdrawn or canceled: whoever was still asked can stop; a cancel also tells the originator.
    std::vector<std::string> asked;
    for (auto& c : t.task_changes)
      if (c.status == task_status::kCanceled && c.assignee != actor_id &&
          std::find(asked.begin(), asked.end(), c.assignee) == asked.end())
        asked.push_back(c.assignee);
    std::string reason;
    for (auto& r : applied.records)
      if ((r.draft.type == record_type::kTerminate || r.draft.type == record_type::kReturn) &&
          !r.draft.remark.empty())
        reason = "\n\n原因：" + clip(r.draft.remark, 300);
    std::string head = "审批" + status_text(row.status, row.result);
    std::string text = "### " + head + "\n\n**" + row.title + "**（审批 " + id_text(row.id) +
                       "）无需再处理" + reason;
    fx.notify(asked, note(head, text), "closed-" + id_text(row.id));
    if (row.status == instance_status::kCanceled && row.originator != actor_id)
      fx.notify({row.originator},
                note(head, "### " + head + "\n\n**" + row.title + "** 已取消" + reason),
                "outcome-" + id_text(row.id));
  }
  // What the deciding record said, for plugins that show it (rooms notes a refusal's reason).
  std::string why;
  for (auto& r : applied.records)
    if ((r.draft.type == record_type::kExecute && r.draft.result == "REFUSE") ||
        r.draft.type == record_type::kTerminate || r.draft.type == record_type::kReturn)
      why = r.draft.remark;
  fx.publish("instance_finished", finished_event(row, why), id_text(row.id));
}

void Notifications::returned(Effects& fx, const InstanceRow& row, const Transition& t,
                             const RecordRow& record, const std::string& actor_id) const {
  std::string reason =
      record.draft.remark.empty() ? "" : "\n\n原因：" + clip(record.draft.remark, 300);
  // Whoever was still asked can stop; those of the target step get fresh cards.
  std::vector<std::string> asked;
  for (auto& c : t.task_changes)
    if (c.status == task_status::kCanceled && c.assignee != actor_id &&
        std::find(asked.begin(), asked.end(), c.assignee) == asked.end())
      asked.push_back(c.assignee);
  if (!asked.empty())
    fx.notify(asked,
            note("审批已退回", "### 审批已退回\n\n**" + row.title + "**（审批 " + id_text(row.id) +
                                "）无需再处理" + reason),
            "closed-" + id_text(row.id) + "-" + id_text(record.id));
  if (row.current_step == kOriginatorStep && row.status == instance_status::kRunning)
    fx.notify({row.originator},
              note("审批已退回", "### 审批已退回\n\n**" + row.title + "** 已退回给你，请修改后重新提交" +
                                  reason),
              "returned-" + id_text(record.id));
}

void Notifications::copied(Effects& fx, const InstanceRow& row,
                           const std::vector<Approver>& people, std::string_view at) const {
  if (people.empty()) return;
  std::vector<std::string> users;
  for (auto& p : people) users.push_back(p.user_id);
  std::string head = at == "start" ? "抄送：" + row.originator_name + "提交了审批"
                                   : "抄送：审批" + status_text(row.status, row.result);
  std::string text = "### " + head + "\n\n**" + row.title + "**\n\n" +
                     clip(summary_text(row, tpl(row), "  \n"), 700);
  fx.notify(users, note(head, text),
            "cc-" + id_text(row.id) + "-" + std::string(at));
}

void Notifications::remarked(Effects& fx, const InstanceRow& row, const RecordRow& r) const {
  if (r.draft.user_id == row.originator || row.originator.empty()) return;
  std::string text = "### " + r.draft.user_name + " 评论了你的审批\n\n**" + row.title + "**\n\n" +
                     clip(r.draft.remark, 1000);
  fx.notify({row.originator}, note("审批评论", text), "remark-" + id_text(r.id));
}

void Notifications::remind(Effects& fx, const InstanceRow& row, const TaskRow& task,
                           int64_t period, int64_t waited_minutes) const {
  std::string waited = waited_minutes >= 60 ? std::to_string(waited_minutes / 60) + " 个工作小时"
                                            : std::to_string(waited_minutes) + " 分钟（工作时间）";
  std::string text = "### 催办：待你审批\n\n**" + row.title + "** 已等待 " + waited + "\n\n" +
                     clip(summary_text(row, tpl(row), "  \n"), 600) + "\n\n回复 `approve " +
                     id_text(row.id) + "` 同意，或 `refuse " + id_text(row.id) + " 原因` 拒绝";
  fx.notify({task.assignee}, note("催办：待你审批", text),
            "remind-" + id_text(task.id) + "-" + std::to_string(period));
}

void Notifications::urged(Effects& fx, const InstanceRow& row,
                          const std::vector<Approver>& approvers, const std::string& comment,
                          int64_t n) const {
  std::vector<std::string> users;
  for (auto& a : approvers) users.push_back(a.user_id);
  std::string text = "### 催办：请尽快审批\n\n" + row.originator_name + " 催办了 **" + row.title +
                     "**（审批 " + id_text(row.id) + "）" +
                     (comment.empty() ? "" : "\n\n留言：" + clip(comment, 300)) + "\n\n" +
                     clip(summary_text(row, tpl(row), "  \n"), 600) + "\n\n回复 `approve " +
                     id_text(row.id) + "` 同意，或 `refuse " + id_text(row.id) + " 原因` 拒绝";
  fx.notify(users, note("催办", text), "urge-" + id_text(row.id) + "-" + std::to_string(n));
}

}  // namespace approvals
