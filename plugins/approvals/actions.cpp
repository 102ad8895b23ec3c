// SPDX-License-Identifier: Apache-2.0
// One action, one transaction: load, decide (InstanceMachine), write, notify.
#include "actions.hpp"

#include "attachment_store.hpp"
#include "directory_org.hpp"
#include "form_edits.hpp"
#include "period_days.hpp"
#include "submissions.hpp"
#include "value_text.hpp"

namespace approvals {
namespace {

using courthub::Conflict;
using courthub::InvalidArgument;
using courthub::NotFound;
using courthub::PermissionDenied;

ActionKind parse_kind(const ActionInput& in) {
  if (in.action == "add_approver" && in.position != "before" && in.position != "after")
    throw InvalidArgument("add_approver needs position: before (前加签) or after (后加签)");
  auto kind = action_kind_from(in.action, in.position);
  if (!kind)
    throw InvalidArgument("unknown action '" + in.action +
                          "'; use agree, refuse, return, resubmit, comment, transfer, "
                          "add_approver, withdraw or cancel");
  return *kind;
}

bool is_task_action(ActionKind k) {
  return k == ActionKind::kAgree || k == ActionKind::kRefuse || k == ActionKind::kTransfer ||
         k == ActionKind::kAddBefore || k == ActionKind::kAddAfter || k == ActionKind::kReturn ||
         k == ActionKind::kResubmit;
}

// The viewer's task in the instance when they did not name one: the open one, else their latest
// (so that acting twice reads "already decided", not "not yours").
std::optional<TaskRow> own_task(const std::vector<TaskRow>& tasks, const std::string& user_id) {
  std::optional<TaskRow> latest;
  for (auto& t : tasks) {
    if (t.assignee != user_id) continue;
    if (t.status == task_status::kRunning) return t;
    if (!latest || t.status == task_status::kPaused) latest = t;
  }
  return latest;
}

// A change of the form (an approver's edit or a resubmission), decided before the transaction:
// checking it asks the directory, which does not belong inside the write lock. The transaction
// then only accepts it if the form is still the one it was checked against.
struct FormChange {
  Json before;  // the form the change was made to
  Json after;   // the whole form after it, checked like a submission
  Json changes = Json::array();
  ResolvedChain chain = {};  // resubmit: the chain resolved again
};

const Template& template_of(Context& ctx, const InstanceRow& row) {
  const Template* tpl = ctx.settings.find(row.template_code);
  if (!tpl)
    throw Conflict("approval " + std::to_string(row.id) + "'s template '" + row.template_code +
                   "' is no longer configured; its form cannot change");
  return *tpl;
}

// An approver's agree with `form`: only the fields their step may change, and the result valid.
FormChange approver_edit(Context& ctx, const ActionInput& in, const InstanceRow& row,
                         const TaskRow& task) {
  const Template& tpl = template_of(ctx, row);
  std::vector<std::string> editable;
  for (auto& step : row.plan)
    if (step.id == task.step_id) editable = step.editable;
  auto errors = check_patch(tpl, editable, in.form);
  FormChange change{row.form, Json()};
  if (errors.empty()) {
    change.after = patched(row.form, in.form);
    Originator originator{row.originator, row.originator_name, row.court_code, row.dept_id, {}};
    RequestOrg org(ctx.host.directory());
    // Days computed from a period must still agree with it, as at submission.
    auto period = apply_period_days(tpl, change.after, workdays_of(ctx.host.calendar()),
                                    Disagreement::kRefuse);
    errors = validate_form(tpl, change.after, originator, org);
    errors.insert(errors.end(), period.errors.begin(), period.errors.end());
  }
  if (!errors.empty())
    throw InvalidArgument(errors.front().message, field_errors_json(errors));
  change.changes = form_changes(tpl, row.form, change.after);
  return change;
}

// The originator's resubmission: checked exactly like a submission, the chain resolved again.
FormChange resubmission(Context& ctx, const ActionInput& in, const InstanceRow& row) {
  if (row.originator != in.viewer.user_id)
    throw PermissionDenied("only the originator resubmits approval " + std::to_string(row.id));
  if (row.status != instance_status::kRunning || row.result != instance_result::kReturned)
    throw Conflict("approval " + std::to_string(row.id) + " is " +
                   status_text(row.status, row.result) +
                   ", not returned to you: only a returned approval is resubmitted");
  const Template& tpl = template_of(ctx, row);
  FormChange change{row.form, in.form.is_null() ? Json::object() : in.form};
  change.chain = prepare_resubmission(ctx, row, tpl, in.viewer.as_originator(), change.after,
                                      in.choices);
  change.changes = form_changes(tpl, row.form, change.after);
  return change;
}

}  // namespace

InstanceState instance_state(const InstanceRow& row, const std::vector<TaskRow>& tasks) {
  InstanceState state;
  state.id = row.id;
  state.originator = row.originator;
  state.status = row.status;
  state.result = row.result;
  state.plan = row.plan;
  state.current_step = row.current_step;
  state.originator_name = row.originator_name;
  state.requested = !row.source.empty();
  state.form = row.form;
  for (auto& t : tasks)
    if (t.status == task_status::kRunning || t.status == task_status::kPaused)
      state.open_tasks.push_back(t);
    else if (t.status == task_status::kCompleted && t.result == task_result::kAgree)
      state.agreed.push_back(t);
  return state;
}

ActionOutcome act(Context& ctx, const ActionInput& in) {
  ActionOutcome out;
  out.kind = parse_kind(in);
  if (!in.viewer.is_staff() && !(out.kind == ActionKind::kCancel && in.viewer.sees_everything()))
    throw PermissionDenied("sign in as a member of staff to act on approvals");
  if (in.remark.size() > 4000) throw InvalidArgument("the comment is longer than 4000 bytes");

  // People named by a transfer or 加签 are looked up before the transaction: directory queries
  // do not belong inside the write lock.
  std::vector<Approver> targets;
  if (out.kind == ActionKind::kTransfer || out.kind == ActionKind::kAddBefore ||
      out.kind == ActionKind::kAddAfter) {
    if (in.targets.empty())
      throw InvalidArgument(out.kind == ActionKind::kTransfer
                                ? "transfer needs to: the userid to hand the task to"
                                : "add_approver needs user_ids: whom to add");
    RequestOrg org(ctx.host.directory());
    for (auto& id : in.targets) {
      auto p = org.person(id);
      if (!p) throw InvalidArgument("no person '" + id + "' in the directory");
      targets.push_back({p->user_id, p->name});
    }
  }
  std::optional<StepMode> mode;
  if (!in.mode.empty()) {
    mode = step_mode_from(in.mode);
    if (!mode || *mode == StepMode::kSingle || *mode == StepMode::kSequential)
      throw InvalidArgument("mode must be or (或签) or and (会签)");
  }

  std::optional<FormChange> form_change;
  const bool edits = out.kind == ActionKind::kAgree && !in.form.is_null();
  if (edits || out.kind == ActionKind::kResubmit) {
    auto& db = ctx.host.db();
    std::optional<TaskRow> task;
    int64_t instance_id = in.instance_id;
    if (in.task_id) {
      task = instance_store::task(db, in.task_id);
      if (!task) throw NotFound("no task " + std::to_string(in.task_id));
      instance_id = task->instance_id;
    }
    auto row = instance_store::find(db, instance_id);
    if (!row) throw NotFound("no approval " + std::to_string(instance_id));
    if (out.kind == ActionKind::kResubmit) {
      form_change = resubmission(ctx, in, *row);
    } else {
      if (!task) task = own_task(instance_store::tasks(db, row->id), in.viewer.user_id);
      // Not theirs or already decided: the transaction says which, as for a plain agree.
      if (task && task->assignee == in.viewer.user_id && task->status == task_status::kRunning)
        form_change = approver_edit(ctx, in, *row, *task);
    }
  }

  const int64_t now = ctx.now_ms();
  transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    int64_t instance_id = in.instance_id;
    std::optional<TaskRow> task;
    if (in.task_id) {
      task = instance_store::task(tx, in.task_id);
      if (!task || (instance_id && task->instance_id != instance_id))
        throw NotFound("no task " + std::to_string(in.task_id) +
                       (instance_id ? " in approval " + std::to_string(instance_id) : ""));
      instance_id = task->instance_id;
    }
    auto row = instance_store::find(tx, instance_id);
    if (!row) throw NotFound("no approval " + std::to_string(instance_id));
    // Every task of the instance, read once: they answer "is this an approver", "which task is
    // mine", "what is open" and, after the action, what the caller gets back.
    std::vector<TaskRow> tasks = instance_store::tasks(tx, row->id);
    Involvement how;
    how.originator = in.viewer.is_staff() && row->originator == in.viewer.user_id;
    for (auto& t : tasks) how.approver = how.approver || t.assignee == in.viewer.user_id;
    if (in.viewer.is_staff() && !how.originator && !how.approver)
      how = instance_store::involvement(tx, *row, in.viewer.user_id);  // the CC list
    if (!may_view(in.viewer, row->court_code, how))
      throw PermissionDenied("approval " + std::to_string(row->id) +
                             " is not yours: only its originator, approvers and CC see it");
    if (row->mirrored)
      throw Conflict("approval " + std::to_string(row->id) +
                     " runs in DingTalk; act on it in the DingTalk approval app");
    if (is_task_action(out.kind) && !task) {
      task = own_task(tasks, in.viewer.user_id);
      if (!task && out.kind == ActionKind::kResubmit)
        throw Conflict("approval " + std::to_string(row->id) + " is not returned to you");
      if (!task)
        throw PermissionDenied("you have no task in approval " + std::to_string(row->id));
    }
    // The task became decidable after the edits were looked at (a 前加签 agreed meanwhile).
    if (edits && !form_change && task && task->assignee == in.viewer.user_id &&
        task->status == task_status::kRunning)
      throw Conflict("task " + std::to_string(task->id) + " changed meanwhile; try again");
    if (form_change && row->form != form_change->before)
      throw Conflict("approval " + std::to_string(row->id) +
                     "'s form changed meanwhile; reload it and try again");

    InstanceState state = instance_state(*row, tasks);
    ActionRequest request;
    request.kind = out.kind;
    request.actor = Actor{in.viewer.user_id, in.viewer.name.empty() ? "管理员" : in.viewer.name,
                          may_cancel(in.viewer, row->court_code)};
    if (task) request.task = static_cast<const TaskState&>(*task);
    request.remark = in.remark;
    request.targets = targets;
    request.mode = mode;
    request.to_step = in.to_step;
    if (form_change) {
      request.form = form_change->after;
      request.changes = form_change->changes;
      request.plan = form_change->chain.plan;
      request.cc_finish = form_change->chain.cc_finish;
    }

    Transition t = InstanceMachine::act(state, request);
    Applied applied = instance_store::apply(tx, *row, t, now);
    if (out.kind == ActionKind::kResubmit)
      if (const Template* tpl = ctx.settings.find(row->template_code))
        attachment_store::relink(tx, row->id, attachment_store::ids_in(*tpl, row->form));
    ctx.notifications.announce(fx, *row, t, applied, in.viewer.user_id);
    if (out.kind == ActionKind::kComment && !applied.records.empty())
      ctx.notifications.remarked(fx, *row, applied.records.front());

    // The tasks as they are now, without reading them again.
    for (auto& c : t.task_changes)
      for (auto& r : tasks)
        if (r.id == c.id) {
          r.status = c.status;
          if (!c.result.empty()) r.result = c.result;
          if (c.status == task_status::kCompleted || c.status == task_status::kCanceled) {
            r.remark = c.remark;
            r.finished_ms = now;
          }
        }
    tasks.insert(tasks.end(), applied.created.begin(), applied.created.end());
    out.row = *row;
    out.records = applied.records;
    for (auto& r : tasks) {
      if (task && r.id == task->id) out.task = r;
      if (r.status == task_status::kRunning || r.status == task_status::kPaused)
        out.open_tasks.push_back(r);
    }
  });
  return out;
}

}  // namespace approvals
