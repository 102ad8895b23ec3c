// SPDX-License-Identifier: Apache-2.0
// What clients read: JSON for the mini-app API, one-line summaries for cards and chat.
#pragma once

#include <string>
#include <vector>

#include "instance_store.hpp"
#include "model.hpp"
#include "org.hpp"

namespace approvals {

// "请假类型：事假 · 请假天数：2" from the template's summary fields ("" for unknown templates).
std::string summary_text(const InstanceRow& row, const Template* tpl,
                         const std::string& separator = " · ");

Json instance_summary_json(const InstanceRow& row, const Template* tpl);
Json task_json(const TaskRow& task);
Json record_json(const RecordRow& record);
// Everything about one instance: the summary, form (with field labels), steps with their
// progress, tasks, the operation record and the CC list.
Json instance_detail_json(const InstanceRow& row, const Template* tpl,
                          const std::vector<TaskRow>& tasks, const std::vector<RecordRow>& records,
                          const std::vector<CcRow>& cc);
// One step of a template's chain before it is resolved: label, mode, whether a condition decides
// it, and the choice key of a 发起人自选 step.
Json step_preview(const RecipientSpec& step);
// The names behind the ids a form holds, for people to read: {"people": {userid: name},
// "departments": {id: name}} for the person and department fields (table columns included) of
// `form`. Unknown ids are left out. Directory questions go through `org` (an OrgCache).
Json value_names(const Template& tpl, const Json& form, const std::string& court_code, Org& org);
// A template as the mini-app needs it to render the form and ask for the originator's choices.
Json template_json(const Template& tpl);

}  // namespace approvals
