// SPDX-License-Identifier: Apache-2.0
// commands.hpp — the robot's attendance commands:
//   checkin            a link to the check-in page (fine in a group chat: nothing personal)
//   attendance today   the caller's checks of today (also "attendance 今天")
//   attendance month   the caller's month so far (also "attendance 本月")
// In a group chat `attendance` answers only with a pointer to the private chat, so no one's
// attendance is shown to the group.
//
// Threading: handlers run on any host thread; each reads the directory and the Timesheet per
// call. Errors: an unknown caller gets PermissionDenied, a bad argument InvalidArgument, both with
// a Chinese message the chat shows; the registrar's errors at registration.
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

// `settings` and `host` must outlive the registration (the plugin owns both).
void register_commands(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
