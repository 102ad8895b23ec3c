// SPDX-License-Identifier: Apache-2.0
// The signed-in staff member's own view: GET /me and GET /me/apps (the 工作台's tiles).
//
//   GET /me       -> {"user": {...directory person, court_name...}, "expires_at": s, "console": b}
//   GET /me/apps  -> {"apps": [{"plugin","title","description","icon","url","badge","order"}],
//                     "console": b}
// Both need a staff session token (Authorization: Bearer); without one, or with an expired one,
// or for someone no longer in the directory: 401. console is true for the court_admin role only.
#pragma once

#include "host/directory/directory.hpp"
#include "host/http/app_catalog.hpp"
#include "host/http/router.hpp"
#include "host/http/session_token.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

// Everything passed in must outlive the router.
void add_me_endpoints(Router& router, const SessionTokens& sessions,
                      const directory::Directory& directory, const AppCatalog& apps,
                      const time::Clock& clock);

}  // namespace courthub::http
