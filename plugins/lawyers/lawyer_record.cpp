// SPDX-License-Identifier: Apache-2.0
#include "lawyer_record.hpp"

namespace lawyers {

std::string_view state_code(LawyerState s) {
  switch (s) {
    case LawyerState::Verified: return "verified";
    case LawyerState::Suspended: return "suspended";
    case LawyerState::Pending: break;
  }
  return "pending";
}

std::string_view state_label(LawyerState s) {
  switch (s) {
    case LawyerState::Verified: return "已核验";
    case LawyerState::Suspended: return "已停用";
    case LawyerState::Pending: break;
  }
  return "待核验";
}

std::optional<LawyerState> parse_state(std::string_view code) {
  for (auto s : {LawyerState::Pending, LawyerState::Verified, LawyerState::Suspended})
    if (state_code(s) == code) return s;
  return std::nullopt;
}

LawyerRecord lawyer_from_row(const courthub::Row& row) {
  LawyerRecord r;
  r.lawyer.id = row.integer("id");
  r.lawyer.name = row.text("name");
  r.lawyer.licence_no = row.text("licence_no");
  r.lawyer.firm = row.text("firm");
  // An unknown code can only come from a hand edit: treat it as the most restrictive state.
  r.lawyer.state = parse_state(row.text("state")).value_or(LawyerState::Suspended);
  r.id_card_masked = row.text("id_card_masked");
  r.mobile_masked = row.text("mobile_masked");
  r.registry_result = row.text("registry_result");
  r.registry_detail = row.text("registry_detail");
  r.password_hash = row.text("password_hash");
  r.sessions_valid_after = row.integer("sessions_valid_after");
  r.created_ms = row.integer("created_ms");
  r.updated_ms = row.integer("updated_ms");
  return r;
}

std::optional<LawyerRecord> load_lawyer(const courthub::Sql& db, int64_t id) {
  auto row = db.one("SELECT " + std::string(kLawyerColumns) + " FROM lawyers WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return lawyer_from_row(*row);
}

std::optional<LawyerRecord> load_lawyer_by_licence(const courthub::Sql& db,
                                                   const std::string& licence_no) {
  auto row = db.one(
      "SELECT " + std::string(kLawyerColumns) + " FROM lawyers WHERE licence_no = ?", {licence_no});
  if (!row) return std::nullopt;
  return lawyer_from_row(*row);
}

void store_password(const courthub::Sql& tx, int64_t id, const std::string& hash, int64_t now_ms) {
  tx.exec(
      "UPDATE lawyers SET password_hash = ?, sessions_valid_after = ?, updated_ms = ? WHERE id = ?",
      {hash, now_ms / 1000, now_ms, id});
}

courthub::Json lawyer_view(const LawyerRecord& r, bool staff) {
  courthub::Json v = courthub::Json::object({
      {"id", r.lawyer.id},
      {"name", r.lawyer.name},
      {"licence_no", r.lawyer.licence_no},
      {"firm", r.lawyer.firm},
      {"id_card_masked", r.id_card_masked},
      {"mobile_masked", r.mobile_masked},
      {"state", state_code(r.lawyer.state)},
      {"state_label", state_label(r.lawyer.state)},
      {"registry", courthub::Json::object({{"result", r.registry_result},
                                           {"detail", r.registry_detail}})},
      {"created_ms", r.created_ms},
  });
  if (staff) v["updated_ms"] = r.updated_ms;
  return v;
}

}  // namespace lawyers
