// SPDX-License-Identifier: Apache-2.0
// GET /me and GET /me/apps.
#include "host/http/me_endpoints.hpp"

#include "host/directory/query.hpp"
#include "host/http/identity.hpp"

namespace courthub::http {
namespace {

struct Me {
  std::shared_ptr<const directory::Snapshot> snapshot;  // keeps person alive
  const directory::Person* person = nullptr;
  Session session;
};

// The caller's session and person, or nullopt after answering 401.
std::optional<Me> signed_in(Exchange& ex, const SessionTokens& sessions,
                            const directory::Directory& directory, const time::Clock& clock) {
  auto unauthenticated = [&ex](const std::string& why) {
    ex.respond(401, "application/json; charset=utf-8",
               json::dump(Json::object(
                   {{"error", Json::object({{"code", "unauthenticated"}, {"message", why}})},
                    {"request_id", ex.request_id()}})),
               {{"WWW-Authenticate", "Bearer realm=\"courthub\""}});
  };
  std::string bearer = ex.bearer_token();
  if (bearer.empty()) {
    unauthenticated("log in first: send Authorization: Bearer <session token>");
    return std::nullopt;
  }
  auto session = sessions.verify(bearer, kStaffAudience, clock.now_seconds());
  if (!session) {
    unauthenticated("the session is not valid (" + session.outcome().message() + "); log in again");
    return std::nullopt;
  }
  Me me;
  me.snapshot = directory.snapshot();
  me.person = me.snapshot->person(session->user_id);
  if (!me.person) {
    unauthenticated("the session's user is no longer in the directory");
    return std::nullopt;
  }
  me.session = *session;
  return me;
}

}  // namespace

void add_me_endpoints(Router& router, const SessionTokens& sessions,
                      const directory::Directory& directory, const AppCatalog& apps,
                      const time::Clock& clock) {
  router.exact("/me", "/me", [s = &sessions, d = &directory, c = &clock](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    auto me = signed_in(ex, *s, *d, *c);
    if (!me) return;
    ex.respond_json(200, Json::object({{"user", directory::to_user_json(*me->snapshot, *me->person)},
                                       {"expires_at", me->session.expires_at},
                                       {"console", opens_console(me->person->roles)}}));
  });
  router.exact("/me/apps", "/me/apps",
               [s = &sessions, d = &directory, a = &apps, c = &clock](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    auto me = signed_in(ex, *s, *d, *c);
    if (!me) return;
    Json list = Json::array();
    for (const AppTile& tile : *a->tiles()) list.push_back(tile.to_json());
    ex.respond_json(200, Json::object({{"apps", list}, {"console", opens_console(me->person->roles)}}));
  });
}

}  // namespace courthub::http
