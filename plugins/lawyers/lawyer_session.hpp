// SPDX-License-Identifier: Apache-2.0
// The lawyer behind a portal request (identity part). Every portal handler starts here.
//
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "app.hpp"

namespace lawyers {

enum class LawyerState { Pending, Verified, Suspended };

struct Lawyer {
  int64_t id = 0;
  std::string name, licence_no, firm;
  LawyerState state = LawyerState::Pending;
};

// What a route needs of the lawyer: Verified for everything about cases, Any for their own
// profile (a pending lawyer may see their state; a suspended one sees nothing either way).
enum class Need { Verified, Any };

// Why a portal request is refused: 401 (the session is not a lawyer's any more: unknown
// lawyer, or issued before a password change, reset or suspension) or 403 (suspended; not yet
// verified). A courthub::Error with Status::Unauthenticated or PermissionDenied, so the host
// answers it with that HTTP status when a handler lets it through.
class LawyerRefused : public courthub::Error {
 public:
  LawyerRefused(int http_status, const std::string& message)
      : courthub::Error(http_status == 401 ? courthub::Status::Unauthenticated
                                           : courthub::Status::PermissionDenied,
                        message) {}
  int http_status() const noexcept { return status() == courthub::Status::Unauthenticated ? 401 : 403; }
};

// The lawyer whose `lawyer` session made `req` (a portal route: caller kind Outsider).
// Errors: LawyerRefused, which the host answers as 401 (no such lawyer, or a session issued
// before the password last changed or the lawyer was suspended: "session ended; sign in
// again") or 403 (suspended; not yet verified when `need` is Verified): let it propagate.
// Never names another lawyer. Reads the database once per call.
Lawyer require_lawyer(const App& app, const courthub::Request& req, Need need = Need::Verified);

// The lawyer with this id, if any (for staff views and notices).
std::optional<Lawyer> find_lawyer(const courthub::Database& db, int64_t id);

// The lawyer's mobile in full, decrypted: only for the SMS notice of a service. Never log it.
// Errors: NotFound for an unknown lawyer.
std::string lawyer_mobile(const App& app, int64_t id);

}  // namespace lawyers
