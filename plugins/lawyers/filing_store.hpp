// SPDX-License-Identifier: Apache-2.0
// SQL for filings and their history.
//
// Ownership: rows are plain values. Threading: any, with the Sql given (writers pass a
// transaction's). Errors: courthub::Error from the host.
#pragma once

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "filing.hpp"

namespace lawyers {

struct FilingRow {
  int64_t id = 0;
  int64_t lawyer_id = 0;
  std::string court_code, case_type, cause;
  courthub::Json form;  // {plaintiffs, defendants, claims, facts, documents, evidence} resolved
  FilingState state = FilingState::Submitted;
  int64_t submission = 1;
  int64_t submitted_ms = 0, due_ms = 0;
  int64_t overdue_noticed = 0;
  courthub::Json correction;  // {missing, note} or null
  std::string refusal_reason;
  std::optional<int64_t> case_id;
  std::string case_number;
  int64_t created_ms = 0, updated_ms = 0;
};

struct FilingEntry {
  std::string action, by_side, by_name, note;
  int64_t at_ms = 0;
};

namespace filing_store {

using courthub::Sql;

// Inserts `row` (id ignored); returns its id.
int64_t insert(const Sql& tx, const FilingRow& row);
std::optional<FilingRow> find(const Sql& sql, int64_t id);
// The lawyer's filings, newest first.
std::vector<FilingRow> of_lawyer(const Sql& sql, int64_t lawyer_id);
// A court's filings (every court when `court` is empty), in `state` when given, newest first.
std::vector<FilingRow> of_court(const Sql& sql, const std::string& court,
                                std::optional<FilingState> state);
// Filings still submitted whose due time has passed and whose current submission has had no
// overdue notice.
std::vector<FilingRow> overdue_unnoticed(const Sql& sql, int64_t now_ms);
// Writes the mutable columns of `row` (state, form, submission, times, correction, refusal,
// case) where the stored state is still `expected`; false when another request moved it first.
bool update(const Sql& tx, const FilingRow& row, FilingState expected);
// Marks the overdue notice of `submission` sent; false when it already was.
bool mark_overdue_noticed(const Sql& tx, int64_t id, int64_t submission);

void add_entry(const Sql& tx, int64_t filing_id, const FilingEntry& entry);
std::vector<FilingEntry> history(const Sql& sql, int64_t filing_id);

}  // namespace filing_store
}  // namespace lawyers
