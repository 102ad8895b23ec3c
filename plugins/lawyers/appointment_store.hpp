// SPDX-License-Identifier: Apache-2.0
// SQL for appointments and their messages.
//
// Ownership: rows are plain values. Threading: any, with the Sql given (writers pass a
// transaction's). Errors: courthub::Error from the host.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "appointment.hpp"

namespace lawyers {

struct AppointmentRow {
  int64_t id = 0;
  int64_t lawyer_id = 0;
  int64_t case_id = 0;
  std::string case_number, court_code, reason, mode;
  AppointmentTime time;
  AppointmentState state = AppointmentState::Requested;
  std::optional<AppointmentTime> proposed;
  int64_t created_ms = 0, updated_ms = 0;
};

struct AppointmentMessage {
  std::string from;  // lawyer | court
  std::string name, text;
  int64_t at_ms = 0;
};

namespace appointment_store {

using courthub::Sql;

int64_t insert(const Sql& tx, const AppointmentRow& row);
std::optional<AppointmentRow> find(const Sql& sql, int64_t id);
// The lawyer's appointments, newest first.
std::vector<AppointmentRow> of_lawyer(const Sql& sql, int64_t lawyer_id);
// A court's appointments (every court when empty), in `state` when given, newest first.
std::vector<AppointmentRow> of_court(const Sql& sql, const std::string& court,
                                     std::optional<AppointmentState> state);
// Writes state, time and proposal where the stored state is still `expected`; false otherwise.
bool update(const Sql& tx, const AppointmentRow& row, AppointmentState expected);

void add_message(const Sql& tx, int64_t appointment_id, const AppointmentMessage& m);
std::vector<AppointmentMessage> messages(const Sql& sql, int64_t appointment_id);

}  // namespace appointment_store
}  // namespace lawyers
