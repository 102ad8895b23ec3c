// SPDX-License-Identifier: Apache-2.0
// AppointmentView: an appointment with its messages, as both sides see it.
// Threading: any handler thread. Errors: courthub::Error from the host.
#pragma once

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include "appointment_store.hpp"

namespace lawyers {

courthub::Json appointment_view(const courthub::Sql& sql, const AppointmentRow& a);

}  // namespace lawyers
