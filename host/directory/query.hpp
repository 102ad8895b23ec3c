// SPDX-License-Identifier: Apache-2.0
// Answers the plugin ABI's directory queries (JSON in, JSON out) from a Snapshot.
//
// The query forms and answer fields are the contract plugins compile against (plugin_abi.h,
// ch_host_api.directory); docs/directory.md gives each with an example.
#pragma once

#include "courthub/json.hpp"
#include "host/directory/model.hpp"
#include "host/directory/snapshot.hpp"
#include "host/outcome.hpp"

namespace courthub::directory {

// Answers one query, which is an object with exactly one of these members:
//   {"person": "<userid>"}                                  -> person object
//   {"people": {"court": "..", "dept_id": "..", "role": ".."}} (any subset) -> array of persons
//   {"supervisors": "<userid>"}                             -> array of persons, nearest first
//   {"court": "<code>"}                                     -> court object
//   {"courts": {}}                                          -> array of all courts, seed order
//   {"departments": "<court code>"}                         -> array of departments, by id
// Errors: NotFound for an unknown (or inactive) person, an unknown court; InvalidArgument,
// naming what was expected, for anything malformed. An unknown court or department in a
// "people" filter is not an error: the answer is an empty array.
// Thread-safety: as safe as the Snapshot, i.e. callable from any thread.
Expected<Json> answer(const Snapshot& snapshot, const Json& query);

// The JSON forms used in answers. Ids are decimal strings (JSON numbers lose precision past 2^53
// in some plugin languages); a missing parent is "". Never fail.
// {"user_id","name","court_code","dept_id","dept_name","title","roles":[..]}
Json to_json(const Snapshot& snapshot, const Person& person);
// The person as the host's pages see them (login, /me): to_json plus "court_name".
Json to_user_json(const Snapshot& snapshot, const Person& person);
// {"code","name","level","kind","parent","city","dept_id","synthetic"}
Json to_json(const Court& court);
// {"id","name","court_code","parent_id","head","leader"}
Json to_json(const Department& department);

}  // namespace courthub::directory
