// SPDX-License-Identifier: Apache-2.0
// approval_link.hpp — approvals in: what the approvals plugin reports (approvals.instance_finished,
// approvals.request_rejected) becomes the approvals table, the 补卡 requests' states and the 外勤
// punches' approval states. docs/attendance.md "Approvals".
//
// Threading: handlers run on any host thread; each event is one transaction.
// Errors: an event that cannot be read is logged (no personal data) and dropped, never retried.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <courthub/plugin.hpp>
#include <courthub/time.hpp>

#include "approval_store.hpp"
#include "attendance_settings.hpp"

namespace attendance {

// Subscribes approvals.instance_finished and approvals.request_rejected.
void register_approval_link(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

// What a template code means here ("leave", "business_trip", "outing", "punch_fix",
// "outside_punch"), through settings.approval_templates; "" for templates attendance ignores.
std::string approval_kind(const Settings& settings, const std::string& template_code);
// The template code to open for `kind` (the first mapping to it; the kind itself by default).
std::string template_for(const Settings& settings, const std::string& kind);

// A moment written in a form: "2026-12-08", "2026-12-08 09:00[:SS]", "2026-12-08 AM|PM"
// (DingTalk's half days) or ISO "2026-12-08T09:00:00+08:00" (also "Z", or no offset = local).
struct FormMoment {
  courthub::time::Date date;
  int minute = 0;           // local minutes of the day (0 for a date only)
  int64_t unix_ms = 0;      // the instant (local midnight for a date only)
  bool date_only = false;
  int half = 0;             // 1 = "AM", 2 = "PM" (date_only stays false)
};
std::optional<FormMoment> parse_form_moment(std::string_view text);

// The record an instance_finished payload describes, or nullopt with `problem` set (an English
// sentence naming the field, no form values) when the form cannot be read. `kind` is the
// template's meaning (approval_kind).
std::optional<ApprovalRecord> read_finished(const courthub::Json& payload, const std::string& kind,
                                            std::string& problem);

}  // namespace attendance
