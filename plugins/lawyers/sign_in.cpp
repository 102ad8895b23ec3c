// SPDX-License-Identifier: Apache-2.0
#include "sign_in.hpp"

#include "api_error.hpp"
#include "lawyer_audit.hpp"
#include "lawyer_record.hpp"
#include "licence_number.hpp"
#include "lockout.hpp"
#include "password.hpp"

namespace lawyers {

namespace {

using courthub::Json;
using courthub::Response;

Response locked(int64_t until_ms, int64_t now_ms) {
  const int64_t seconds = (until_ms - now_ms + 999) / 1000;
  Response r = error_response(
      429, "too_many_requests",
      "too many wrong passwords: sign in again in " + std::to_string(seconds) + " s",
      Json::object({{"retry_after_s", seconds}}));
  r.headers.emplace_back("Retry-After", std::to_string(seconds));
  // Also at the top level, as the API's short form names it.
  Json body = Json::parse(r.body);
  body["retry_after_s"] = seconds;
  r.body = courthub::json::dump(body);
  return r;
}

}  // namespace

Response sign_in(const App& app, const Json& body) {
  const std::string licence = normalize_licence_no(courthub::json::require<std::string>(body, "licence_no"));
  const std::string password = courthub::json::require<std::string>(body, "password");
  const int64_t now = app.host.now_ms();
  auto& db = app.host.db();

  if (const int64_t until = locked_until_ms(db, licence); until > now) return locked(until, now);

  const auto record = load_lawyer_by_licence(db, licence);
  // An unknown licence is checked against a decoy hash: the same work, the same answer.
  const bool right = password_matches(
      password, record ? record->password_hash : decoy_hash(app.settings.identity.password_cost));
  if (!record || !right) {
    const int64_t until =
        db.transaction([&](courthub::Transaction& tx) { return record_failure(tx, licence, now); });
    if (until > now) return locked(until, now);
    throw courthub::Unauthenticated("licence number or password is wrong");
  }
  db.transaction([&](courthub::Transaction& tx) { clear_failures(tx, licence); });
  if (record->lawyer.state == LawyerState::Suspended)
    throw courthub::PermissionDenied("this account is suspended (已停用); please contact the court");
  const auto grant = app.host.issue_session("lawyer", std::to_string(record->lawyer.id));
  return Response::json(Json::object({{"token", grant.token},
                                      {"expires_at", grant.expires_at},
                                      {"lawyer", lawyer_view(*record)}}));
}

void change_password(const App& app, const Lawyer& lawyer, const Json& body) {
  const std::string old_password = courthub::json::require<std::string>(body, "old_password");
  const std::string new_password = courthub::json::require<std::string>(body, "new_password");
  auto field_error = [](const char* field, const std::string& message) {
    return courthub::InvalidArgument(
        std::string(field) + " " + message,
        Json::object({{"fields", Json::array({Json::object(
                                     {{"field", std::string("/") + field}, {"message", message}})})}}));
  };
  if (auto p = password_problem(new_password)) throw field_error("new_password", *p);
  if (new_password == old_password)
    throw field_error("new_password", "must differ from the old password");
  auto& db = app.host.db();
  const auto record = load_lawyer(db, lawyer.id);
  if (!record || !password_matches(old_password, record->password_hash))
    throw field_error("old_password", "is wrong");
  const std::string hash = hash_password(new_password, app.settings.identity.password_cost);
  const int64_t now = app.host.now_ms();
  db.transaction([&](courthub::Transaction& tx) {
    store_password(tx, lawyer.id, hash, now);
    audit(tx, lawyer.id, {"lawyer:" + std::to_string(lawyer.id), lawyer.name}, "password_changed",
          "", now);
  });
}

}  // namespace lawyers
