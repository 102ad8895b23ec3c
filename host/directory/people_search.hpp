// SPDX-License-Identifier: Apache-2.0
// Finding a colleague by a word typed into a person picker: the one search over the directory
// that GET /directory/people (the pages' pickers) and GET /auth/dev/users (the development login)
// both answer with.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "host/directory/model.hpp"
#include "host/directory/snapshot.hpp"

namespace courthub::directory {

struct PeopleSearch {
  std::string q;             // what was typed; "" lists people without matching
  std::string court;         // only this court's people; "" = any court (see search_people)
  std::string role;          // only people holding this role; "" = any role
  std::string caller_court;  // the searcher's court, ranked first; "" for nobody (dev login)
  size_t limit = 20;         // at most this many (the caller bounds it)
};

// The active people of `snapshot` that `search` finds, best first, at most `search.limit`.
//
// A person matches a non-empty q when their name, title or department name contains it, their
// user id starts with it (ASCII case ignored), or their court's name contains it or its code
// starts with it (ASCII case ignored). An empty q matches everyone, limited to `court`, else to
// `caller_court` (so a picker opened with nothing typed lists the caller's own court), else to
// no court at all.
//
// Order: the name equal to q, then names starting with q, then the rest; within each, the
// caller's court first; then user id.
// Pure: no errors, no I/O. Returned pointers live as long as `snapshot`. Thread-safe like the
// Snapshot. O(people in the searched courts · |q|).
std::vector<const Person*> search_people(const Snapshot& snapshot, const PeopleSearch& search);

}  // namespace courthub::directory
