// SPDX-License-Identifier: Apache-2.0
// What the mini-app's pages need besides bookings and hearings: what the caller may do here (so
// a page offers only what the server will accept). Colleagues to invite are found through the
// host (GET /directory/people).
#include <courthub/error.hpp>

#include "booking_request.hpp"
#include "hearing_rules.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace rooms {

using courthub::Json;
using courthub::Request;
using courthub::Response;

void register_page_routes(courthub::Registrar& r, RoomsApp& app) {
  // GET /my/permissions  — what the caller may do in this plugin, and its limits.
  r.route("GET", "/my/permissions", [&app](const Request& req) {
    require_person(req.caller);
    const Settings& s = app.settings;
    int64_t now = app.host.now_ms();
    const courthub::Caller& c = req.caller;
    Json out = Json::object(
        {{"court", c.court_code},
         {"court_admin", is_court_admin(c, c.court_code)},
         {"schedules_hearings", schedules_hearings(c)},
         {"overrides_notice", may_override_notice(c)},
         {"horizon_days", s.horizon_days},
         {"last_bookable_day", format_date(last_bookable_day(now, s.horizon_days))},
         {"checkin", Json::object({{"before_minutes", s.checkin_before_minutes},
                                   {"after_minutes", s.checkin_after_minutes}})},
         {"hearing",
          Json::object({{"notice_days", s.notice_days}, {"test_minutes", s.test_minutes}})}});
    return Response::json(out);
  });
}

}  // namespace rooms
