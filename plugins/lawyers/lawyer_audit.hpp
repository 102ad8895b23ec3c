// SPDX-License-Identifier: Apache-2.0
// The audit of every change to a lawyer's account (table lawyer_audit): registration, verify,
// suspend, reinstate, password reset and change, with who, why and when. Reasons are the
// actor's words; the code never writes personal data (ID numbers, mobiles, passwords) here.
//
// Threading: any handler thread. Errors: courthub::Error from the database.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace lawyers {

struct AuditActor {
  std::string id;    // staff userid, "admin" for the operator, "lawyer:<id>" for the lawyer
  std::string name;  // as shown to staff
};

// The actor behind a staff or operator request.
AuditActor staff_actor(const courthub::Caller& caller);

// Appends one entry, in the caller's transaction.
void audit(const courthub::Sql& tx, int64_t lawyer_id, const AuditActor& actor,
           std::string_view action, std::string_view reason, int64_t at_ms);

// {items: [{action, actor, actor_name, reason, at_ms}]}, oldest first.
courthub::Json audit_items(const courthub::Sql& db, int64_t lawyer_id);

}  // namespace lawyers
