// SPDX-License-Identifier: Apache-2.0
// The lawyer behind a portal request, and the identity facts other parts need.
#include "lawyer_session.hpp"

#include <charconv>

#include "lawyer_record.hpp"

namespace lawyers {

namespace {

std::optional<int64_t> subject_id(const std::string& user_id) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(user_id.data(), user_id.data() + user_id.size(), id);
  if (ec != std::errc() || end != user_id.data() + user_id.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

Lawyer require_lawyer(const App& app, const courthub::Request& req, Need need) {
  const courthub::Caller& caller = req.caller;
  if (!caller.is_outsider() || caller.audience != "lawyer")
    throw LawyerRefused(401, "sign in as a lawyer first");
  const auto id = subject_id(caller.user_id);
  const auto record = id ? load_lawyer(app.host.db(), *id) : std::nullopt;
  if (!record) throw LawyerRefused(401, "session ended; sign in again");
  if (caller.session_issued_at < record->sessions_valid_after)
    throw LawyerRefused(401, "session ended; sign in again");
  if (record->lawyer.state == LawyerState::Suspended)
    throw LawyerRefused(403, "this account is suspended (已停用); please contact the court");
  if (need == Need::Verified && record->lawyer.state != LawyerState::Verified)
    throw LawyerRefused(403, "your registration is not verified yet (待核验): the court checks it "
                             "against the lawyers' registry first");
  return record->lawyer;
}

std::optional<Lawyer> find_lawyer(const courthub::Database& db, int64_t id) {
  auto r = load_lawyer(db, id);
  if (!r) return std::nullopt;
  return r->lawyer;
}

std::string lawyer_mobile(const App& app, int64_t id) {
  auto row = app.host.db().one("SELECT mobile_sealed FROM lawyers WHERE id = ?", {id});
  if (!row) throw courthub::NotFound("no lawyer " + std::to_string(id));
  return require_data_key(app.settings.identity).open((*row)["mobile_sealed"].as_string());
}

}  // namespace lawyers
