// SPDX-License-Identifier: Apache-2.0
// Identity and Authenticator: bearer tokens to callers.
#include "host/http/identity.hpp"

#include "host/constant_time.hpp"

namespace courthub::http {
namespace {
ch_str view(const std::string& s) { return ch_str{s.data(), s.size()}; }
}  // namespace

bool opens_console(const std::vector<std::string>& roles) {
  for (auto& r : roles)
    if (r == kConsoleRole) return true;
  return false;
}

const ch_caller& Identity::caller() {
  role_views_.clear();
  for (auto& r : roles) role_views_.push_back(view(r));
  caller_ = ch_caller{sizeof(ch_caller),  kind,          view(user_id),     view(name),
                      view(court_code),   view(dept_id), view(title),       role_views_.data(),
                      role_views_.size(), view(audience), session_issued_at};
  return caller_;
}

Identity Identity::of(const directory::Person& p) {
  Identity id;
  id.kind = CH_CALLER_STAFF;
  id.user_id = p.user_id;
  id.name = p.name;
  id.court_code = p.court_code;
  id.dept_id = std::to_string(p.dept_id);
  id.title = p.title;
  id.roles = p.roles;
  return id;
}

Identity Identity::admin() {
  Identity id;
  id.kind = CH_CALLER_ADMIN;
  id.name = "admin";
  return id;
}

Identity Identity::system() {
  Identity id;
  id.kind = CH_CALLER_SYSTEM;
  id.name = "courthub";
  return id;
}

Identity Identity::outsider(std::string subject, std::string audience, int64_t issued_at) {
  Identity id;
  id.kind = CH_CALLER_OUTSIDER;
  id.user_id = std::move(subject);
  id.audience = std::move(audience);
  id.session_issued_at = issued_at;
  return id;
}

Outcome admits(std::string_view route_audience, const Identity& who) {
  const bool outsider = who.kind == CH_CALLER_OUTSIDER;
  if (route_audience.empty()) {
    if (!outsider) return Outcome::success();
    return Outcome::failure(Status::PermissionDenied,
                            "a " + who.audience + " session does not open staff routes");
  }
  if (outsider && who.audience == route_audience) return Outcome::success();
  return Outcome::failure(Status::PermissionDenied,
                          "this route is for " + std::string(route_audience) +
                              " sessions only: sign in on the " + std::string(route_audience) +
                              " portal");
}

bool Authenticator::is_admin(const std::string& bearer) const {
  return !bearer.empty() && !admin_token_.empty() &&
         constant_time_equal(bearer, admin_token_);
}

Expected<Identity> Authenticator::authenticate(const std::string& bearer,
                                               int64_t now_seconds) const {
  if (bearer.empty()) {
    return Outcome::failure(Status::PermissionDenied,
                            "missing credentials: send Authorization: Bearer <session token>");
  }
  if (is_admin(bearer)) return Identity::admin();
  if (!sessions_) return Outcome::failure(Status::PermissionDenied, "sessions are not configured");
  auto session = sessions_->verify(bearer, audience_, now_seconds);
  if (!session) return session.outcome();
  auto snapshot = directory_ ? directory_->snapshot() : nullptr;  // keeps `p` alive
  const directory::Person* p = snapshot ? snapshot->person(session->user_id) : nullptr;
  if (!p) {
    return Outcome::failure(Status::PermissionDenied,
                            "the session's user is no longer in the directory");
  }
  return Identity::of(*p);
}

Expected<Identity> Authenticator::authenticate_outsider(const std::string& bearer,
                                                       std::string_view audience,
                                                       std::string_view plugin,
                                                       int64_t now_seconds) const {
  const std::string portal = "this route is for " + std::string(audience) + " sessions only";
  if (bearer.empty()) {
    return Outcome::failure(Status::PermissionDenied,
                            "missing credentials: sign in on the " + std::string(audience) +
                                " portal and send Authorization: Bearer <session token>");
  }
  if (is_admin(bearer)) return Outcome::failure(Status::PermissionDenied, portal);
  if (!sessions_) return Outcome::failure(Status::PermissionDenied, "sessions are not configured");
  auto session = sessions_->verify(bearer, audience, now_seconds);
  if (!session) return session.outcome();
  if (session->plugin != plugin) {
    return Outcome::failure(Status::PermissionDenied,
                            "the session was issued for another portal; sign in here");
  }
  return Identity::outsider(session->user_id, session->audience, session->issued_at);
}

}  // namespace courthub::http
