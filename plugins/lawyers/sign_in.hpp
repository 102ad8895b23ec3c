// SPDX-License-Identifier: Apache-2.0
// A lawyer's sign-in (POST /public/login) and password change (POST /portal/password).
//
// Sign-in answers 200 {token, expires_at, lawyer}, or 429 with Retry-After and retry_after_s
// while locked (a Response: no courthub::Status carries 429).
// Threading: any handler thread. Errors: Unauthenticated (401) "licence number or password is
// wrong", also for an unknown licence (after as long a check; the failure is counted first, in
// its own transaction); PermissionDenied (403) when suspended; InvalidArgument (400) for a body
// without the fields; database errors.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include "app.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

courthub::Response sign_in(const App& app, const courthub::Json& body);

// Checks the old password, sets the new one and ends every earlier session (the caller's too).
// Errors: InvalidArgument (fields) for a wrong old password or a new one that breaks the rule
// or equals the old one.
void change_password(const App& app, const Lawyer& lawyer, const courthub::Json& body);

}  // namespace lawyers
