// SPDX-License-Identifier: Apache-2.0
// What the HTTP routes share: who may call, which court a request is about, date windows.
#pragma once

#include <cstdint>
#include <string>

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"
#include "field_errors.hpp"

namespace rooms {

// Staff or the operator; anonymous callers are refused (403).
void require_person(const courthub::Caller& caller);
// The court a read is about: ?court= if given, else the caller's. The operator must name one.
std::string court_of(const courthub::Caller& caller, const courthub::Json& query);
// The court an admin route acts on, refusing (403) anyone but that court's admins.
std::string admin_court(const courthub::Caller& caller, const std::string& requested);
// [from 00:00, to + 1 day 00:00) from ?from= and ?to= (any date word); defaults: from = today,
// to = from + default_days - 1.
Slot date_window(const courthub::Json& query, int64_t now_ms, int default_days,
                 FieldErrors& errors);
// The {id} path parameter as a booking or hearing id.
int64_t id_param(const courthub::Request& request);

}  // namespace rooms
