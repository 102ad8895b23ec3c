// SPDX-License-Identifier: Apache-2.0
// Registration of everything the plugin answers: mini-app routes, admin routes, hearing routes,
// robot commands and card actions. docs/rooms.md documents each.
#pragma once

#include <courthub/plugin.hpp>

#include "rooms_app.hpp"

namespace rooms {

void register_booking_routes(courthub::Registrar& r, RoomsApp& app);
void register_admin_routes(courthub::Registrar& r, RoomsApp& app);
void register_hearing_routes(courthub::Registrar& r, RoomsApp& app);
void register_page_routes(courthub::Registrar& r, RoomsApp& app);
// The public 开庭公告: the only routes anonymous callers may use.
void register_public_routes(courthub::Registrar& r, RoomsApp& app);
void register_commands(courthub::Registrar& r, RoomsApp& app);
void register_card_actions(courthub::Registrar& r, RoomsApp& app);

}  // namespace rooms
