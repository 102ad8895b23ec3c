// SPDX-License-Identifier: Apache-2.0
// staff_session: a request's staff session, or a 401 answered.
#include "host/http/staff_session.hpp"

namespace courthub::http {

std::optional<StaffSession> staff_session(Exchange& ex, const SessionTokens& sessions,
                                          const directory::Directory& directory,
                                          const time::Clock& clock) {
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
  StaffSession me;
  me.snapshot = directory.snapshot();
  me.person = me.snapshot->person(session->user_id);
  if (!me.person) {
    unauthenticated("the session's user is no longer in the directory");
    return std::nullopt;
  }
  me.session = *session;
  return me;
}

}  // namespace courthub::http
