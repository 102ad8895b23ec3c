// SPDX-License-Identifier: Apache-2.0
// What the filings part's routes read from a request: an id from the path, a JSON body that
// may be empty, a state from the query.
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace lawyers {

// The path parameter `name` as a positive id. Errors: NotFound "no <what> <text>" otherwise.
int64_t path_id(const courthub::Request& req, const std::string& what,
                const std::string& name = "id");

// The body as a JSON object; an empty body is {}. Errors: InvalidArgument for text that is not
// JSON or not an object.
courthub::Json json_body(const courthub::Request& req);

// ?state= read by `parse` (nullopt when absent or empty). Errors: InvalidArgument naming the
// `allowed` states for another text.
template <class State>
std::optional<State> state_query(const courthub::Request& req,
                                 std::optional<State> (*parse)(std::string_view),
                                 const std::string& allowed) {
  auto text = req.query_value("state");
  if (!text || text->empty()) return std::nullopt;
  auto state = parse(*text);
  if (!state)
    throw courthub::InvalidArgument(
        "state must be " + allowed,
        courthub::Json::object({{"fields", {{"state", "unknown state"}}}}));
  return state;
}

}  // namespace lawyers
