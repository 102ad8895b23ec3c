// SPDX-License-Identifier: Apache-2.0
// The booking card's buttons: rooms.checkin and rooms.cancel, params {"booking_id": "..."}.
//
// A refused press (outside the check-in window, not the organizer) is not an error for DingTalk:
// the card is refreshed with the booking's current state and the person who pressed sees why in
// userPrivateData {result: "refused", message}. A card naming no booking is a 400/404.
#include <courthub/error.hpp>

#include "booking_desk.hpp"
#include "notices.hpp"
#include "routes.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::CardAction;
using courthub::CardUpdate;

int64_t booking_of(const CardAction& a) {
  const courthub::Json& id = json::get<courthub::Json>(a.params, "booking_id");
  if (id.is_number_integer()) return id.get<int64_t>();
  if (id.is_string()) return parse_booking_id(id.get<std::string>());
  throw courthub::InvalidArgument("card params need booking_id");
}

CardUpdate card_for(const RoomsApp& app, const Booking& b, std::string result,
                    std::string message) {
  CardUpdate u;
  for (courthub::Json doc = booking_card_data(b, app.settings); auto& [k, v] : doc.items())
    u.card_data[k] = v.get<std::string>();
  u.user_private_data["result"] = std::move(result);
  u.user_private_data["message"] = std::move(message);
  return u;
}

template <class Act>
CardUpdate press(const RoomsApp& app, const CardAction& a, Act act, const std::string& done) {
  int64_t id = booking_of(a);
  try {
    return card_for(app, act(id), "ok", done);
  } catch (const courthub::Error& e) {
    if (e.status() != courthub::Status::Conflict &&
        e.status() != courthub::Status::PermissionDenied)
      throw;
    auto b = app.store.find(id);
    if (!b) throw;
    return card_for(app, *b, "refused", e.what());
  }
}

}  // namespace

void register_card_actions(courthub::Registrar& r, RoomsApp& app) {
  r.card_action("rooms.checkin", [&app](const CardAction& a) {
    return press(
        app, a, [&](int64_t id) { return app.desk.check_in(a.caller, id, app.host.now_ms()); },
        "签到成功");
  });
  r.card_action("rooms.cancel", [&app](const CardAction& a) {
    return press(
        app, a,
        [&](int64_t id) {
          auto done = app.desk.cancel(a.caller, id, false, "", app.host.now_ms());
          return done.front();
        },
        "已取消");
  });
}

}  // namespace rooms
