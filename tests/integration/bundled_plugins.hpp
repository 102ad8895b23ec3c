// SPDX-License-Identifier: Apache-2.0
// The bundled business plugins as the integration tests enable them, and mini-app sessions for
// their users.
#pragma once

#include <cstdint>
#include <string>

namespace courthub::it {

// The approvals plugin's demo entry (plugins/approvals/demo-settings.yaml), indented to sit under
// `plugins:`.
std::string approvals_demo();

// The rooms plugin with one meeting room in the tiny test directory's court T-BC-01.
inline constexpr const char* kRooms =
    "  - name: rooms\n"
    "    settings:\n"
    "      rooms:\n"
    "        - {id: t-101, court: T-BC-01, name: 一号会议室, kind: 会议室, capacity: 20,\n"
    "           location: 一楼, equipment: [投屏]}\n";

// Two approval rooms: one in the judge's court, one in the high court that T-BC-01 may book.
inline const std::string kRoomsWithApproval =
    "  - name: rooms\n"
    "    settings:\n"
    "      rooms:\n"
    "        - {id: t-101, court: T-BC-01, name: 一号会议室, kind: 会议室, capacity: 20}\n"
    "        - {id: t-102, court: T-BC-01, name: 党组会议室, kind: 会议室, capacity: 12,\n"
    "           approval: true}\n"
    "        - {id: hc-301, court: T-HC, name: 高院第一会议室, kind: 会议室, capacity: 30,\n"
    "           approval: true, bookers: {courts: [T-HC, T-BC-01]}}\n";

// `plugins_yaml` (entries of `plugins:`) with `isolation: <mode>` added to every entry, so a
// test can run the same plugins in the host's process and in runner processes.
std::string with_isolation(const std::string& plugins_yaml, const std::string& mode);

// A staff mini-app session token for `user`, valid for an hour, signed with kSessionSecret.
std::string session_token(const std::string& user);
// The same, issued at `issued_at_s` (Unix seconds): for a host on a test clock.
std::string session_token(const std::string& user, int64_t issued_at_s);

}  // namespace courthub::it
