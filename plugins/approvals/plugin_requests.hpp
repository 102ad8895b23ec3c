// SPDX-License-Identifier: Apache-2.0
// Requests from other plugins: "<source>.approval_requested" opens an instance for the
// originator; "<source>.approval_canceled" cancels it.
//
// Contract (docs/approvals.md): payload {"request_id", "template", "originator", "title",
// "form", optional "approvers", optional "court"}. With "court" the instance belongs to that
// court and its role steps are resolved there (a room's booking: the room's court), never
// routing to the originator. The instance is opened as if the originator submitted it, once per
// (source, request_id) however often the event is delivered. A request that cannot be opened is
// answered with approvals.request_rejected {"source", "request_id", "reason"}, also once.
#pragma once

#include <courthub/calls.hpp>

#include <string>

#include "context.hpp"

namespace approvals {

void handle_approval_request(Context& ctx, const std::string& source, const courthub::Event& e);
void handle_approval_cancel(Context& ctx, const std::string& source, const courthub::Event& e);

}  // namespace approvals
