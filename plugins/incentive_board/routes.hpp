// SPDX-License-Identifier: Apache-2.0
// routes.hpp — the import routes, and the one place that registers everything the plugin answers:
// its routes, the other parts' routes (boards), robot commands and notices, and the jobs.
//
// Threading: called once from activate(); the handlers it registers run on any host thread and
// share `state` through its mutex. Ownership: every reference must outlive the plugin's
// registrations (the plugin class owns them). Errors: throws courthub::Error when the host
// refuses a registration.
#pragma once

#include <courthub/plugin.hpp>

#include "board_state.hpp"
#include "drop_folder.hpp"
#include "importer.hpp"

namespace board {

// POST /imports and GET /imports (docs/incentive_board.md).
void register_import_routes(courthub::Registrar& r, courthub::Host& host, BoardState& state,
                            Importer& importer);

// Everything: the import routes, the boards' routes, commands and notices, the drop-folder job.
void register_everything(courthub::Registrar& r, courthub::Host& host, BoardState& state,
                         Importer& importer, DropFolder& drop_folder);

// Who may import and list imports: the operator (admin token), or a court_admin of a court whose
// level is high. Asks the directory for the caller's court.
bool may_import(const courthub::Caller& caller, const courthub::Directory& directory);

}  // namespace board
