// SPDX-License-Identifier: Apache-2.0
// person_access.hpp — who may see a person's punches and results (COMMON.md "Permissions"): the
// person, the head or leader of their department or of any ancestor department, their court's
// court_admin or president, and the operator (the admin token).
//
// Threading: any handler thread. Errors: courthub::Error from the directory.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/host.hpp>

namespace attendance {

bool may_view_person(const courthub::Host& host, const courthub::Caller& caller,
                     const courthub::Person& person);

// The court_admin of `court` or the operator: may import machine records and edit the court's
// groups. Nobody else.
bool administers_court(const courthub::Caller& caller, const std::string& court);

}  // namespace attendance
