// SPDX-License-Identifier: Apache-2.0
// Finding colleagues to invite: the attendee picker of the booking page and the judge and clerk
// of a remote hearing search the directory's people of a court by a word they typed.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/json.hpp>

namespace rooms {

// The people of `people` matching `word`, best first, at most `limit`: the name equal to the
// word, then names starting with it, then names containing it, then a title or department
// containing it or a userid starting with it (ASCII case ignored). An empty word matches
// everyone, in the given order. Pure; no errors.
std::vector<courthub::Person> search_people(const std::vector<courthub::Person>& people,
                                            std::string_view word, size_t limit);

// What the picker shows: {user_id, name, title, dept_name, court_code}; nothing else of the
// directory (roles stay out).
courthub::Json person_json(const courthub::Person& p);

}  // namespace rooms
