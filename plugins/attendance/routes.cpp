// SPDX-License-Identifier: Apache-2.0
// Registers every part of the plugin. Each part offers one register_* function (its header says
// what it registers); this file is the only caller.
#include "routes.hpp"

#include "admin_routes.hpp"
#include "approval_link.hpp"
#include "commands.hpp"
#include "dingtalk_punches.hpp"
#include "notices.hpp"
#include "punch_fixes.hpp"
#include "punch_routes.hpp"
#include "result_routes.hpp"

namespace attendance {

void register_everything(courthub::Registrar& r, courthub::Host& host, const Settings& settings) {
  register_admin_routes(r, host, settings);     // groups: /admin/groups, /admin/shifts, rosters
  register_punch_routes(r, host, settings);     // punches: /punches, /machine-records
  register_dingtalk_punches(r, host, settings); // punches: attendance_check_record
  register_approval_link(r, host, settings);    // results: approvals.instance_finished, ...
  register_punch_fixes(r, host, settings);      // results: /punch-fixes
  register_result_routes(r, host, settings);    // results: /me, /results, /summary, ...
  register_commands(r, host, settings);         // rules: checkin, attendance today|month
  register_notices(r, host, settings);          // rules: reminder, digest, monthly report jobs
}

}  // namespace attendance
