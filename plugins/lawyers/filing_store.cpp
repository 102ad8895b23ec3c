// SPDX-License-Identifier: Apache-2.0
#include "filing_store.hpp"

#include "row_filter.hpp"

namespace lawyers::filing_store {
namespace {

using courthub::Json;
using courthub::Row;
using courthub::Value;

constexpr const char* kColumns =
    "SELECT id, lawyer_id, court_code, case_type, cause, form, state, submission, submitted_ms, "
    "due_ms, overdue_noticed, correction, refusal_reason, case_id, case_number, created_ms, "
    "updated_ms FROM filings ";

FilingRow from_row(const Row& r) {
  FilingRow f;
  f.id = r.integer("id");
  f.lawyer_id = r.integer("lawyer_id");
  f.court_code = r.text("court_code");
  f.case_type = r.text("case_type");
  f.cause = r.text("cause");
  f.form = Json::parse(r.text("form"));
  f.state = parse_filing_state(r.text("state")).value_or(FilingState::Submitted);
  f.submission = r.integer("submission");
  f.submitted_ms = r.integer("submitted_ms");
  f.due_ms = r.integer("due_ms");
  f.overdue_noticed = r.integer("overdue_noticed");
  f.correction = r.is_null("correction") ? Json() : Json::parse(r.text("correction"));
  f.refusal_reason = r.text("refusal_reason");
  if (!r.is_null("case_id")) f.case_id = r.integer("case_id");
  f.case_number = r.text("case_number");
  f.created_ms = r.integer("created_ms");
  f.updated_ms = r.integer("updated_ms");
  return f;
}

std::vector<FilingRow> rows(const Sql& sql, const std::string& where,
                            const std::vector<Value>& params) {
  std::vector<FilingRow> out;
  sql.each(std::string(kColumns) + where, params,
           [&](const Row& r) { out.push_back(from_row(r)); });
  return out;
}

Value correction_value(const Json& c) {
  if (c.is_null()) return Value();
  return Value(c.dump());
}

}  // namespace

int64_t insert(const Sql& tx, const FilingRow& f) {
  auto row = tx.one(
      "INSERT INTO filings (lawyer_id, court_code, case_type, cause, form, state, submission, "
      "submitted_ms, due_ms, overdue_noticed, correction, refusal_reason, case_id, case_number, "
      "created_ms, updated_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.lawyer_id, f.court_code, f.case_type, f.cause, f.form.dump(),
       std::string(filing_state_code(f.state)), f.submission, f.submitted_ms, f.due_ms,
       f.overdue_noticed, correction_value(f.correction), f.refusal_reason, Value(f.case_id),
       f.case_number, f.created_ms, f.updated_ms});
  return row->integer("id");
}

std::optional<FilingRow> find(const Sql& sql, int64_t id) {
  auto found = rows(sql, "WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<FilingRow> of_lawyer(const Sql& sql, int64_t lawyer_id) {
  return rows(sql, "WHERE lawyer_id = ? ORDER BY id DESC", {lawyer_id});
}

std::vector<FilingRow> of_court(const Sql& sql, const std::string& court,
                                std::optional<FilingState> state) {
  RowFilter f = court_and_state(
      court, state ? std::optional<std::string_view>(filing_state_code(*state)) : std::nullopt);
  return rows(sql, f.where + " ORDER BY id DESC", f.params);
}

std::vector<FilingRow> overdue_unnoticed(const Sql& sql, int64_t now_ms) {
  return rows(sql,
              "WHERE state = 'submitted' AND due_ms <= ? AND overdue_noticed < submission "
              "ORDER BY due_ms, id",
              {now_ms});
}

bool update(const Sql& tx, const FilingRow& f, FilingState expected) {
  return tx
             .exec("UPDATE filings SET state = ?, case_type = ?, cause = ?, form = ?, "
                   "submission = ?, submitted_ms = ?, due_ms = ?, correction = ?, "
                   "refusal_reason = ?, case_id = ?, case_number = ?, updated_ms = ? "
                   "WHERE id = ? AND state = ?",
                   {std::string(filing_state_code(f.state)), f.case_type, f.cause, f.form.dump(),
                    f.submission, f.submitted_ms, f.due_ms, correction_value(f.correction),
                    f.refusal_reason, Value(f.case_id), f.case_number, f.updated_ms, f.id,
                    std::string(filing_state_code(expected))})
             .changes == 1;
}

bool mark_overdue_noticed(const Sql& tx, int64_t id, int64_t submission) {
  return tx
             .exec("UPDATE filings SET overdue_noticed = ? WHERE id = ? AND overdue_noticed < ?",
                   {submission, id, submission})
             .changes == 1;
}

void add_entry(const Sql& tx, int64_t filing_id, const FilingEntry& e) {
  tx.exec(
      "INSERT INTO filing_history (filing_id, action, by_side, by_name, note, at_ms) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {filing_id, e.action, e.by_side, e.by_name, e.note, e.at_ms});
}

std::vector<FilingEntry> history(const Sql& sql, int64_t filing_id) {
  std::vector<FilingEntry> out;
  sql.each("SELECT action, by_side, by_name, note, at_ms FROM filing_history WHERE filing_id = ? "
           "ORDER BY id",
           {filing_id}, [&](const Row& r) {
             out.push_back({r.text("action"), r.text("by_side"), r.text("by_name"),
                            r.text("note"), r.integer("at_ms")});
           });
  return out;
}

}  // namespace lawyers::filing_store
