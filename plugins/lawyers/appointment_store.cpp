// SPDX-License-Identifier: Apache-2.0
#include "appointment_store.hpp"

#include "row_filter.hpp"

namespace lawyers::appointment_store {
namespace {

using courthub::Row;
using courthub::Value;

constexpr const char* kColumns =
    "SELECT id, lawyer_id, case_id, case_number, court_code, reason, mode, start_ms, end_ms, "
    "state, proposed_start_ms, proposed_end_ms, created_ms, updated_ms FROM appointments ";

AppointmentRow from_row(const Row& r) {
  AppointmentRow a;
  a.id = r.integer("id");
  a.lawyer_id = r.integer("lawyer_id");
  a.case_id = r.integer("case_id");
  a.case_number = r.text("case_number");
  a.court_code = r.text("court_code");
  a.reason = r.text("reason");
  a.mode = r.text("mode");
  a.time = {r.integer("start_ms"), r.integer("end_ms")};
  a.state = parse_appointment_state(r.text("state")).value_or(AppointmentState::Requested);
  if (!r.is_null("proposed_start_ms"))
    a.proposed = AppointmentTime{r.integer("proposed_start_ms"), r.integer("proposed_end_ms")};
  a.created_ms = r.integer("created_ms");
  a.updated_ms = r.integer("updated_ms");
  return a;
}

std::vector<AppointmentRow> rows(const Sql& sql, const std::string& where,
                                 const std::vector<Value>& params) {
  std::vector<AppointmentRow> out;
  sql.each(std::string(kColumns) + where, params,
           [&](const Row& r) { out.push_back(from_row(r)); });
  return out;
}

Value proposed_start(const AppointmentRow& a) {
  return a.proposed ? Value(a.proposed->start_ms) : Value();
}
Value proposed_end(const AppointmentRow& a) {
  return a.proposed ? Value(a.proposed->end_ms) : Value();
}

}  // namespace

int64_t insert(const Sql& tx, const AppointmentRow& a) {
  auto row = tx.one(
      "INSERT INTO appointments (lawyer_id, case_id, case_number, court_code, reason, mode, "
      "start_ms, end_ms, state, proposed_start_ms, proposed_end_ms, created_ms, updated_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.lawyer_id, a.case_id, a.case_number, a.court_code, a.reason, a.mode, a.time.start_ms,
       a.time.end_ms, std::string(appointment_state_code(a.state)), proposed_start(a),
       proposed_end(a), a.created_ms, a.updated_ms});
  return row->integer("id");
}

std::optional<AppointmentRow> find(const Sql& sql, int64_t id) {
  auto found = rows(sql, "WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<AppointmentRow> of_lawyer(const Sql& sql, int64_t lawyer_id) {
  return rows(sql, "WHERE lawyer_id = ? ORDER BY id DESC", {lawyer_id});
}

std::vector<AppointmentRow> of_court(const Sql& sql, const std::string& court,
                                     std::optional<AppointmentState> state) {
  RowFilter f = court_and_state(
      court, state ? std::optional<std::string_view>(appointment_state_code(*state)) : std::nullopt);
  return rows(sql, f.where + " ORDER BY id DESC", f.params);
}

bool update(const Sql& tx, const AppointmentRow& a, AppointmentState expected) {
  return tx
             .exec("UPDATE appointments SET state = ?, start_ms = ?, end_ms = ?, "
                   "proposed_start_ms = ?, proposed_end_ms = ?, updated_ms = ? "
                   "WHERE id = ? AND state = ?",
                   {std::string(appointment_state_code(a.state)), a.time.start_ms,
                    a.time.end_ms, proposed_start(a), proposed_end(a), a.updated_ms, a.id,
                    std::string(appointment_state_code(expected))})
             .changes == 1;
}

void add_message(const Sql& tx, int64_t appointment_id, const AppointmentMessage& m) {
  tx.exec(
      "INSERT INTO appointment_messages (appointment_id, from_side, name, text, at_ms) "
      "VALUES (?, ?, ?, ?, ?)",
      {appointment_id, m.from, m.name, m.text, m.at_ms});
}

std::vector<AppointmentMessage> messages(const Sql& sql, int64_t appointment_id) {
  std::vector<AppointmentMessage> out;
  sql.each("SELECT from_side, name, text, at_ms FROM appointment_messages "
           "WHERE appointment_id = ? ORDER BY id",
           {appointment_id}, [&](const Row& r) {
             out.push_back({r.text("from_side"), r.text("name"), r.text("text"),
                            r.integer("at_ms")});
           });
  return out;
}

}  // namespace lawyers::appointment_store
