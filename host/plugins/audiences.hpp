// SPDX-License-Identifier: Apache-2.0
// The outside audiences: who, besides staff, may hold a session that plugins issue and serve
// (ch_host_api.issue_session, register_portal_route). One list for the host table and the edge.
#pragma once

#include <string_view>

namespace courthub::plugins {

inline constexpr std::string_view kLawyerAudience = "lawyer";  // the lawyers' portal

inline bool is_outside_audience(std::string_view audience) { return audience == kLawyerAudience; }

}  // namespace courthub::plugins
