// SPDX-License-Identifier: Apache-2.0
// Errors as values inside the host: Outcome (ok or a coded message) and Expected<T>.
//
// The codes are the ABI's (courthub::Status), so an Outcome crosses to a plugin or to HTTP
// without translation tables. Exceptions stay at the SDK boundary and the HTTP edge.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "courthub/error.hpp"

namespace courthub {

// The HTTP status and JSON error code of a status: one table for the edge and for the plugin
// dispatch, which both answer HTTP.
constexpr std::pair<int, const char*> http_status_of(Status code) {
  switch (code) {
    case Status::Ok: return {200, "ok"};
    case Status::InvalidArgument: return {400, "invalid_argument"};
    case Status::Unauthenticated: return {401, "unauthenticated"};
    case Status::PermissionDenied: return {403, "permission_denied"};
    case Status::NotFound: return {404, "not_found"};
    case Status::Conflict: return {409, "conflict"};
    case Status::Unavailable: return {503, "unavailable"};
    case Status::Unsupported: return {501, "unsupported"};
    default: return {500, "internal"};
  }
}

class [[nodiscard]] Outcome {
 public:
  Outcome() = default;  // success
  static Outcome success() { return Outcome(); }
  static Outcome failure(Status code, std::string message) {
    return Outcome(code, std::move(message));
  }
  static Outcome invalid(std::string message) {
    return Outcome(Status::InvalidArgument, std::move(message));
  }
  static Outcome not_found(std::string message) {
    return Outcome(Status::NotFound, std::move(message));
  }
  static Outcome conflict(std::string message) {
    return Outcome(Status::Conflict, std::move(message));
  }
  static Outcome error(std::string message) { return Outcome(Status::Error, std::move(message)); }
  static Outcome unavailable(std::string message) {
    return Outcome(Status::Unavailable, std::move(message));
  }

  bool ok() const { return code_ == Status::Ok; }
  explicit operator bool() const { return ok(); }
  Status code() const { return code_; }
  const std::string& message() const { return message_; }
  int32_t abi_code() const { return static_cast<int32_t>(code_); }

 private:
  Outcome(Status code, std::string message) : code_(code), message_(std::move(message)) {}
  Status code_ = Status::Ok;
  std::string message_;
};

// A value or the Outcome explaining why there is none.
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Outcome failure) : v_(std::move(failure)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Outcome& outcome() const {
    static const Outcome success;
    if (ok()) return success;
    return std::get<Outcome>(v_);
  }

 private:
  std::variant<T, Outcome> v_;
};

}  // namespace courthub
