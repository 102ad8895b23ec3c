// SPDX-License-Identifier: Apache-2.0
// Files for attachment fields: POST /attachments (upload), GET /attachments/{id} (download), and
// the job that deletes uploads no approval took (docs/approvals.md, "Attachments").
#pragma once

#include <courthub/plugin.hpp>

#include "context.hpp"

namespace approvals {

// How long an upload no instance holds is kept: a day.
inline constexpr int64_t kUnusedAttachmentMs = 24LL * 3600 * 1000;

// Registers the two routes. `ctx` outlives the plugin's registrations.
void register_attachment_routes(courthub::Registrar& r, Context& ctx);

// The purge-attachments job: deletes uploads older than kUnusedAttachmentMs (counted back from
// `now_ms`, the job's scheduled time) that no instance holds. Returns how many; logs the count.
int64_t purge_unused_attachments(Context& ctx, int64_t now_ms);

}  // namespace approvals
