// SPDX-License-Identifier: Apache-2.0
// The signed-in staff member behind a request to a host endpoint of the pages (/me, /me/apps,
// /directory/people): their session token checked, their person looked up in the directory.
#pragma once

#include <memory>
#include <optional>

#include "host/directory/directory.hpp"
#include "host/http/exchange.hpp"
#include "host/http/session_token.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

struct StaffSession {
  std::shared_ptr<const directory::Snapshot> snapshot;  // keeps person alive
  const directory::Person* person = nullptr;            // never null in a returned value
  Session session;
};

// The caller's staff session and person. Without a bearer token, with one that is not a valid
// staff session (expired, forged, another audience), or for someone no longer in the directory:
// answers 401 {"error": {"code": "unauthenticated", ...}} with WWW-Authenticate and returns
// nullopt. Thread-safe (reads only).
std::optional<StaffSession> staff_session(Exchange& ex, const SessionTokens& sessions,
                                          const directory::Directory& directory,
                                          const time::Clock& clock);

}  // namespace courthub::http
