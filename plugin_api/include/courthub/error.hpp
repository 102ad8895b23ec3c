// SPDX-License-Identifier: Apache-2.0
// Errors a plugin throws from a handler; the SDK turns them into ABI status codes.
//
// Throw Error (or one of the named helpers) from any handler: the caller then sees the matching
// HTTP status (or chat reply) with your message. Any other exception becomes CH_ERROR: the caller
// sees a generic message and the text goes to the host log only.
#pragma once

#include <stdexcept>
#include <string>

#include "courthub/detail/json_value.hpp"
#include "courthub/plugin_abi.h"

namespace courthub {

enum class Status : int32_t {
  Ok = CH_OK,
  Error = CH_ERROR,
  InvalidArgument = CH_INVALID_ARGUMENT,
  NotFound = CH_NOT_FOUND,
  Conflict = CH_CONFLICT,
  PermissionDenied = CH_PERMISSION_DENIED,
  Unavailable = CH_UNAVAILABLE,
  Unsupported = CH_UNSUPPORTED,
  Unauthenticated = CH_UNAUTHENTICATED,  // 2.2: HTTP 401, "sign in again"
};

class Error : public std::runtime_error {
 public:
  // `details` is optional structured context (for example a list of field errors), sent to the
  // HTTP caller as error.details.
  Error(Status status, const std::string& message, Json details = Json())
      : std::runtime_error(message), status_(status), details_(std::move(details)) {}

  Status status() const noexcept { return status_; }
  const Json& details() const noexcept { return details_; }

 private:
  Status status_;
  Json details_;
};

inline Error InvalidArgument(const std::string& message, Json details = Json()) {
  return Error(Status::InvalidArgument, message, std::move(details));
}
inline Error NotFound(const std::string& message) { return Error(Status::NotFound, message); }
inline Error Conflict(const std::string& message, Json details = Json()) {
  return Error(Status::Conflict, message, std::move(details));
}
inline Error PermissionDenied(const std::string& message) {
  return Error(Status::PermissionDenied, message);
}
// 2.2: the caller's sign-in no longer holds (a session ended by a password change): HTTP 401.
inline Error Unauthenticated(const std::string& message) {
  return Error(Status::Unauthenticated, message);
}
inline Error Unavailable(const std::string& message) {
  return Error(Status::Unavailable, message);
}

}  // namespace courthub
