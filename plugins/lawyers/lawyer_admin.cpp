// SPDX-License-Identifier: Apache-2.0
#include "lawyer_admin.hpp"

#include "lawyer_audit.hpp"
#include "lawyer_record.hpp"
#include "lockout.hpp"
#include "password.hpp"
#include "registration.hpp"

namespace lawyers {

namespace {

using courthub::Json;

std::string ref(int64_t id) { return "lawyer " + std::to_string(id); }

LawyerRecord existing(const courthub::Sql& db, int64_t id) {
  auto r = load_lawyer(db, id);
  if (!r) throw courthub::NotFound("no " + ref(id));
  return *r;
}

// Sets the state (and, when `end_sessions`, ends every session issued before now), audits it.
void change_state(const courthub::Sql& tx, const courthub::Caller& by,
                  const LawyerRecord& r, LawyerState to, std::string_view action,
                  const std::string& reason, bool end_sessions, int64_t now) {
  tx.exec(
      "UPDATE lawyers SET state = ?, updated_ms = ?, sessions_valid_after = "
      "CASE WHEN ? = 1 THEN ? ELSE sessions_valid_after END WHERE id = ?",
      {std::string(state_code(to)), now, end_sessions ? 1 : 0, now / 1000, r.lawyer.id});
  audit(tx, r.lawyer.id, staff_actor(by), action, reason, now);
}

void store_registry(const courthub::Sql& tx, int64_t id, const RegistryCheck& c) {
  tx.exec("UPDATE lawyers SET registry_result = ?, registry_detail = ? WHERE id = ?",
          {c.code(), c.detail, id});
}

}  // namespace

void require_lawyer_admin(const App& app, const courthub::Caller& caller) {
  if (caller.kind == courthub::Caller::Kind::Admin) return;
  if (caller.is_staff() && caller.has_role("court_admin")) {
    auto court = app.host.directory().court(caller.court_code);
    if (court && court->level == "high") return;
  }
  throw courthub::PermissionDenied(
      "only a court_admin of the high court (高级人民法院) or the operator administers lawyers");
}

Json list_lawyers(const App& app, const std::string& state, const std::string& q) {
  std::string sql = "SELECT " + std::string(kLawyerColumns) + " FROM lawyers WHERE 1 = 1";
  std::vector<courthub::Value> params;
  if (!state.empty()) {
    if (!parse_state(state))
      throw courthub::InvalidArgument("state must be pending, verified or suspended");
    sql += " AND state = ?";
    params.emplace_back(state);
  }
  if (!q.empty()) {
    std::string like = "%";
    for (char c : q) {
      if (c == '%' || c == '_' || c == '\\') like += '\\';
      like += c;
    }
    like += '%';
    // lower() on both sides: LIKE ignores ASCII case in SQLite, not in PostgreSQL.
    sql += " AND (lower(name) LIKE lower(?) ESCAPE '\\' OR lower(licence_no) LIKE lower(?) "
           "ESCAPE '\\' OR lower(firm) LIKE lower(?) ESCAPE '\\')";
    params.insert(params.end(), {like, like, like});
  }
  sql += " ORDER BY id DESC LIMIT 500";
  // The registry as it is now; when it cannot be read, what was last recorded.
  std::shared_ptr<const RegistryTable> table;
  try {
    auto loaded = app.settings.identity.registry->load(app.host.data_dir());
    for (auto& p : loaded.problems) app.host.warn("verification registry refused: " + p);
    table = loaded.table;
  } catch (const courthub::Error& e) {
    app.host.warn(e.what());
  }
  Json items = Json::array();
  for (auto& row : app.host.db().query(sql, params)) {
    LawyerRecord r = lawyer_from_row(row);
    if (table) {
      auto c = table->check(r.lawyer.licence_no, r.lawyer.name, r.lawyer.firm);
      r.registry_result = c.code();
      r.registry_detail = c.detail;
    }
    items.push_back(lawyer_view(r, true));
  }
  return Json::object({{"items", items}});
}

Json verify_lawyer(const App& app, const courthub::Caller& by, int64_t id) {
  auto& db = app.host.db();
  const LawyerRecord before = existing(db, id);
  if (before.lawyer.state == LawyerState::Verified)
    throw courthub::Conflict(ref(id) + " is already verified (已核验)");
  if (before.lawyer.state == LawyerState::Suspended)
    throw courthub::Conflict(ref(id) + " is suspended (已停用): reinstate them instead");
  const RegistryCheck check = check_registry(app, before.lawyer);
  const int64_t now = app.host.now_ms();
  const bool matches = check.result == RegistryResult::Match;
  db.transaction([&](courthub::Transaction& tx) {
    const LawyerRecord r = existing(tx, id);
    if (r.lawyer.state != LawyerState::Pending)
      throw courthub::Conflict(ref(id) + " changed meanwhile: it is " +
                               std::string(state_label(r.lawyer.state)));
    store_registry(tx, id, check);
    if (matches) change_state(tx, by, r, LawyerState::Verified, "verified", check.detail, false, now);
    else audit(tx, id, staff_actor(by), "verify_refused", check.code() + ": " + check.detail, now);
  });
  if (!matches)
    throw courthub::Conflict(
        "cannot verify " + ref(id) + ": the registry says " + check.code() + " (" + check.detail + ")",
        Json::object({{"registry", check.to_json()}}));
  return lawyer_view(existing(db, id), true);
}

Json suspend_lawyer(const App& app, const courthub::Caller& by, int64_t id,
                    const std::string& reason) {
  if (reason.empty())
    throw courthub::InvalidArgument(
        "reason is required: say why the lawyer is suspended",
        Json::object({{"fields", Json::array({Json::object(
                                     {{"field", "/reason"}, {"message", "is required"}})})}}));
  auto& db = app.host.db();
  const int64_t now = app.host.now_ms();
  db.transaction([&](courthub::Transaction& tx) {
    const LawyerRecord r = existing(tx, id);
    if (r.lawyer.state == LawyerState::Suspended)
      throw courthub::Conflict(ref(id) + " is already suspended (已停用)");
    change_state(tx, by, r, LawyerState::Suspended, "suspended", reason, true, now);
  });
  return lawyer_view(existing(db, id), true);
}

Json reinstate_lawyer(const App& app, const courthub::Caller& by, int64_t id,
                      const std::string& reason) {
  auto& db = app.host.db();
  const LawyerRecord before = existing(db, id);
  if (before.lawyer.state != LawyerState::Suspended)
    throw courthub::Conflict(ref(id) + " is not suspended: it is " +
                             std::string(state_label(before.lawyer.state)));
  // Back to verified only if the registry still vouches for them; else to pending, to be
  // verified again once it does.
  const RegistryCheck check = check_registry(app, before.lawyer);
  const LawyerState to =
      check.result == RegistryResult::Match ? LawyerState::Verified : LawyerState::Pending;
  const int64_t now = app.host.now_ms();
  db.transaction([&](courthub::Transaction& tx) {
    const LawyerRecord r = existing(tx, id);
    if (r.lawyer.state != LawyerState::Suspended)
      throw courthub::Conflict(ref(id) + " changed meanwhile");
    store_registry(tx, id, check);
    change_state(tx, by, r, to, "reinstated", reason, false, now);
  });
  return lawyer_view(existing(db, id), true);
}

std::string reset_password(const App& app, const courthub::Caller& by, int64_t id) {
  auto& db = app.host.db();
  const LawyerRecord before = existing(db, id);
  const std::string temporary = temporary_password();
  const std::string hash = hash_password(temporary, app.settings.identity.password_cost);
  const int64_t now = app.host.now_ms();
  db.transaction([&](courthub::Transaction& tx) {
    store_password(tx, id, hash, now);
    clear_failures(tx, before.lawyer.licence_no);
    audit(tx, id, staff_actor(by), "password_reset", "", now);
  });
  return temporary;
}

}  // namespace lawyers
