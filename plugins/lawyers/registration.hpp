// SPDX-License-Identifier: Apache-2.0
// A lawyer's registration (POST /public/register): the form checked field by field, the
// registry's word recorded, personal data sealed, the account created pending (待核验).
//
// Threading: any handler thread. Errors: courthub::InvalidArgument with details
// {"fields": [{"field": "/id_card", "message": ...}]} for a bad form (every field at once);
// Conflict when the licence number or the ID number is already registered; Unavailable when
// identity.data_key is not set or the registry file cannot be used. No message repeats the ID
// number, the mobile or the password.
#pragma once

#include <courthub/json.hpp>

#include "app.hpp"
#include "lawyer_record.hpp"
#include "registry.hpp"

namespace lawyers {

LawyerRecord register_lawyer(const App& app, const courthub::Json& body);

// The registry's word on a lawyer now (loads the file if it changed; new problems in it go to
// the log with file:line). Errors: Unavailable when the registry has never been usable.
RegistryCheck check_registry(const App& app, const Lawyer& lawyer);

}  // namespace lawyers
