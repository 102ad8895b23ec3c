// SPDX-License-Identifier: Apache-2.0
// Submit: validate the form, resolve the chain, open the instance and its first tasks.
#include "submissions.hpp"

#include "attachment_store.hpp"
#include "directory_org.hpp"
#include "period_days.hpp"
#include "value_text.hpp"

namespace approvals {

std::vector<FieldError> prepare(Submission& s, const courthub::Sql& db, Org& org,
                                ResolvedChain& chain) {
  auto period = apply_period_days(*s.tpl, s.form,
                                  s.is_workday ? s.is_workday : IsWorkday(monday_to_friday),
                                  Disagreement::kRefuse);
  auto errors = validate_form(*s.tpl, s.form, s.originator, org);
  errors.insert(errors.end(), period.errors.begin(), period.errors.end());
  if (errors.empty())
    errors = attachment_store::check_form(db, *s.tpl, s.form, s.originator.user_id,
                                          s.instance_id);
  // The chain depends on form values (conditions), so it is resolved only for a valid form; the
  // choices are still checked so that one round trip reports everything.
  // Role steps are resolved in the instance's court: the originator stands in it, so a court's
  // roles and departments are that court's (the originator's own department is not among them).
  Originator routed = s.originator;
  if (!s.court.empty()) routed.court_code = s.court;
  chain = ApprovalChain(*s.tpl, routed, org)
              .resolve(errors.empty() ? s.form : Json::object(), s.choices);
  errors.insert(errors.end(), chain.errors.begin(), chain.errors.end());
  if (utf8_length(s.title) > 200) errors.push_back({"title", "title takes at most 200 characters"});
  return errors;
}

Submitted open_instance(Context& ctx, const Submission& s, const ResolvedChain& chain) {
  const int64_t now = ctx.now_ms();
  return transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    Submitted out;
    InstanceRow& row = out.row;
    row.template_code = s.tpl->code;
    row.template_name = s.tpl->name;
    row.title = trim(s.title).empty() ? s.originator.name + "提交的" + s.tpl->name : trim(s.title);
    row.originator = s.originator.user_id;
    row.originator_name = s.originator.name;
    row.court_code = s.court.empty() ? s.originator.court_code : s.court;
    row.dept_id = s.originator.dept_id;
    row.form = s.form;
    row.plan = chain.plan;
    row.cc_finish = chain.cc_finish;
    row.status = std::string(instance_status::kNew);
    row.source = s.source;
    row.request_id = s.request_id;
    row.created_ms = row.updated_ms = now;
    instance_store::insert(tx, row);  // a second (source, request_id) throws Conflict here
    attachment_store::link(tx, row.id, attachment_store::ids_in(*s.tpl, row.form));

    Transition t = InstanceMachine::start(row.plan, {row.originator, row.originator_name},
                                          chain.cc_start);
    Applied applied = instance_store::apply(tx, row, t, now);
    ctx.notifications.announce(fx, row, t, applied, row.originator);
    out.tasks = applied.created;
    return out;
  });
}

namespace {

[[noreturn]] void refuse_form(const Template& tpl, const std::vector<FieldError>& errors) {
  std::string message = std::to_string(errors.size()) + " problem(s) with the " + tpl.name +
                        " form: " + errors.front().message;
  if (errors.size() > 1) message += "; …";
  throw courthub::InvalidArgument(message, field_errors_json(errors));
}

}  // namespace

Submitted submit(Context& ctx, const Submission& s) {
  RequestOrg org(ctx.host.directory());
  ResolvedChain chain;
  Submission checked = s;
  if (!checked.is_workday) checked.is_workday = workdays_of(ctx.host.calendar());
  auto errors = prepare(checked, ctx.host.db(), org, chain);
  if (!errors.empty()) refuse_form(*s.tpl, errors);
  return open_instance(ctx, checked, chain);
}

ResolvedChain prepare_resubmission(Context& ctx, const InstanceRow& row, const Template& tpl,
                                   const Originator& originator, Json& form,
                                   const Json& choices) {
  RequestOrg org(ctx.host.directory());
  ResolvedChain chain;
  Submission s;
  s.tpl = &tpl;
  s.originator = originator;
  s.form = form;
  s.choices = choices;
  s.instance_id = row.id;
  s.court = row.court_code;  // routed where it was first: the instance keeps its court
  s.is_workday = workdays_of(ctx.host.calendar());
  auto errors = prepare(s, ctx.host.db(), org, chain);
  if (!errors.empty()) refuse_form(tpl, errors);
  form = s.form;  // attachments rewritten to their stored descriptions
  return chain;
}

}  // namespace approvals
