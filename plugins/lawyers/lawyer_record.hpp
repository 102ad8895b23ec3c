// SPDX-License-Identifier: Apache-2.0
// A lawyer as the identity part stores them (table `lawyers`), their states with labels, and
// LawyerView, the JSON every identity answer shows (masked personal data only).
//
// Threading: plain functions over the caller's Sql; any handler thread. Errors: courthub::Error
// from the database.
#pragma once

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lawyer_session.hpp"

namespace lawyers {

// pending | verified | suspended, and their labels 待核验 | 已核验 | 已停用.
std::string_view state_code(LawyerState s);
std::string_view state_label(LawyerState s);
std::optional<LawyerState> parse_state(std::string_view code);

struct LawyerRecord {
  Lawyer lawyer;
  std::string id_card_masked, mobile_masked;
  std::string registry_result, registry_detail;
  std::string password_hash;
  int64_t sessions_valid_after = 0;  // Unix s
  int64_t created_ms = 0, updated_ms = 0;
};

// The columns load_lawyer's SELECTs read, for queries that list lawyers.
inline constexpr std::string_view kLawyerColumns =
    "id, name, licence_no, firm, state, id_card_masked, mobile_masked, registry_result, "
    "registry_detail, password_hash, sessions_valid_after, created_ms, updated_ms";

LawyerRecord lawyer_from_row(const courthub::Row& row);
std::optional<LawyerRecord> load_lawyer(const courthub::Sql& db, int64_t id);
std::optional<LawyerRecord> load_lawyer_by_licence(const courthub::Sql& db,
                                                   const std::string& licence_no);

// Sets a new password hash and ends every session issued before `now_ms` (in `tx`).
void store_password(const courthub::Sql& tx, int64_t id, const std::string& hash, int64_t now_ms);

// LawyerView: {id, name, licence_no, firm, id_card_masked, mobile_masked, state, state_label,
// registry: {result, detail}, created_ms}; `staff` adds updated_ms.
courthub::Json lawyer_view(const LawyerRecord& r, bool staff = false);

}  // namespace lawyers
