// SPDX-License-Identifier: Apache-2.0
// GET /me and GET /me/apps.
#include "host/http/me_endpoints.hpp"

#include "host/directory/query.hpp"
#include "host/http/identity.hpp"
#include "host/http/staff_session.hpp"

namespace courthub::http {

void add_me_endpoints(Router& router, const SessionTokens& sessions,
                      const directory::Directory& directory, const AppCatalog& apps,
                      const time::Clock& clock) {
  router.exact("/me", "/me", [s = &sessions, d = &directory, c = &clock](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    auto me = staff_session(ex, *s, *d, *c);
    if (!me) return;
    ex.respond_json(200, Json::object({{"user", directory::to_user_json(*me->snapshot, *me->person)},
                                       {"expires_at", me->session.expires_at},
                                       {"console", opens_console(me->person->roles)}}));
  });
  router.exact("/me/apps", "/me/apps",
               [s = &sessions, d = &directory, a = &apps, c = &clock](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    auto me = staff_session(ex, *s, *d, *c);
    if (!me) return;
    Json list = Json::array();
    for (const AppTile& tile : *a->tiles()) list.push_back(tile.to_json());
    ex.respond_json(200, Json::object({{"apps", list}, {"console", opens_console(me->person->roles)}}));
  });
}

}  // namespace courthub::http
