// SPDX-License-Identifier: Apache-2.0
// 阅卷 requests: a lawyer asks to read some materials of a case they represent during some
// days; the request goes through the approvals plugin (its file_access template: the judge,
// then the 庭长), whose outcome approves or refuses it here.
//
// States: pending 审批中, approved 已批准, refused 未批准, expired 已过期 (an approved request
// whose last day has passed; computed, never stored).
// Threading: any handler or event thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>
#include <courthub/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "case_access.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

inline constexpr int kMaxAccessDays = 30;

struct FileAccessForm {
  std::vector<std::string> materials;
  courthub::time::Date first, last;
  std::string first_text, last_text;  // "YYYY-MM-DD" as given
  std::string reason;
};

// Reads the body {materials, access_period: [first, last], reason}. Errors: InvalidArgument
// with details {"fields": {...}} naming every wrong field: materials (empty, unknown, repeated,
// or 副卷, which is never open to lawyers), access_period (not two dates, reversed, ending
// before today in Beijing, longer than kMaxAccessDays days), reason (missing, over 500 chars).
FileAccessForm read_file_access_form(const courthub::Json& body, int64_t now_ms);

// Records the request (pending) and, in the same transaction, publishes
// lawyers.approval_requested for the approvals plugin; returns its id. The originator is the
// case's clerk, else its judge; the judge is the chain's 承办法官.
// Errors: Conflict when the case has no judge yet (before 分案 nobody can approve).
int64_t request_file_access(const App& app, const Lawyer& lawyer, const CaseRef& c,
                            const FileAccessForm& form);

// The lawyer's requests for the case, newest first: {items: [FileAccessView]}.
courthub::Json file_access_views(const courthub::Sql& db, int64_t lawyer_id, int64_t case_id,
                                 int64_t now_ms);

// approvals.instance_finished: a lawyers file_access request is approved (agree) or refused
// (refuse, terminated, canceled), once; anything else is ignored. Errors: InvalidArgument for
// an unknown result (the event is dead-lettered).
void file_access_finished(const App& app, const courthub::Json& payload);
// approvals.request_rejected: the approval could not be opened; the request is refused with
// approvals' reason.
void file_access_rejected(const App& app, const courthub::Json& payload);

// "file_access:<id>" -> id.
std::optional<int64_t> file_access_id_of(std::string_view request_id);

}  // namespace lawyers
