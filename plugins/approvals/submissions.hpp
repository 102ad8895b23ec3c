// SPDX-License-Identifier: Apache-2.0
// Opening instances: a person's submit, or another plugin's request on someone's behalf.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "approver_chain.hpp"
#include "context.hpp"
#include "form_validation.hpp"
#include "instance_store.hpp"
#include "working_time.hpp"

namespace approvals {

struct Submission {
  const Template* tpl = nullptr;
  Originator originator;
  Json form = Json::object();
  Json choices;        // the originator's picks for 发起人自选 steps: {"<key>": [userids]}
  int64_t instance_id = 0;  // a resubmission in place: the instance (its own files are free)
  std::string title;   // "" = "<name>提交的<template>"
  std::string source;  // requesting plugin; "" for a direct submit
  std::string request_id;
  // The work calendar for from_period fields (period_days.hpp); empty = Monday to Friday.
  // submit() sets the host's.
  IsWorkday is_workday;
  // The court the instance belongs to, whose role holders approve it; "" = the originator's.
  // A plugin request sets it (a room's booking belongs to the room's court).
  std::string court;
};

struct Submitted {
  InstanceRow row;
  std::vector<TaskRow> tasks;  // opened by the start
};

// Fills in the from_period fields (a disagreeing value is an error naming the computed one),
// checks the form (its attachments in `db`: attachment_store::check_form, which rewrites each
// file to its stored {id, name, type, size}) and the choices, and resolves the chain (directory
// queries happen here, outside any transaction). Returns every problem; `chain` is usable only
// when there are none.
std::vector<FieldError> prepare(Submission& s, const courthub::Sql& db, Org& org,
                                ResolvedChain& chain);

// Opens the instance in one transaction: the row, its start record and CC, its first tasks (or
// its completion when nobody is to be asked), the links to its attachments, and the
// notifications. Throws Error(Conflict) when (source, request_id) already has an instance, and
// InvalidArgument when an attachment was taken by another instance since prepare.
Submitted open_instance(Context& ctx, const Submission& s, const ResolvedChain& chain);

// A returned instance's originator resubmits `form` and `choices` in place: checked exactly like
// a submission (prepare, the instance's own files allowed), the chain resolved again. Throws
// InvalidArgument listing each field error, as submit() does.
ResolvedChain prepare_resubmission(Context& ctx, const InstanceRow& row, const Template& tpl,
                                   const Originator& originator, Json& form, const Json& choices);

// A person's submit: prepare, then open. Throws InvalidArgument whose details list each field
// error ({"field", "message"}).
Submitted submit(Context& ctx, const Submission& s);

}  // namespace approvals
