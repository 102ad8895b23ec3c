// SPDX-License-Identifier: Apache-2.0
// The person pickers' search of the directory:
//
//   GET /directory/people?q=&court=&role=&limit=
//     -> {"people": [{"user_id","name","title","dept_name","court_code","court_name"}]}
//
// for a staff session (401 without one). q: at most 100 bytes, matched and ranked by
// directory::search_people with the caller's court first (an empty q lists the caller's court,
// or `court`); role: one of directory::kRoles; limit: 1 to 100, default 20. A bad one: 400
// {"error": {"code": "invalid_argument", "details": {"fields": [{"field", "message"}]}}}.
// Nothing else of a person is answered (no roles, phone or department id): a picker shows a name,
// a title and where they work, and sends the user id.
#pragma once

#include <cstddef>
#include <optional>

#include "courthub/json.hpp"
#include "host/directory/directory.hpp"
#include "host/directory/people_search.hpp"
#include "host/http/router.hpp"
#include "host/http/session_token.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

// Reads q, court, role and limit (default `default_limit`, 1 to `max_limit`) from the query
// string. When one is malformed, answers 400 naming the field and returns nullopt.
// caller_court is left empty for the caller to set.
std::optional<directory::PeopleSearch> read_people_search(Exchange& ex, size_t default_limit,
                                                          size_t max_limit);

// Everything passed in must outlive the router. Handlers run on any server thread.
void add_directory_endpoint(Router& router, const SessionTokens& sessions,
                            const directory::Directory& directory, const time::Clock& clock);

}  // namespace courthub::http
