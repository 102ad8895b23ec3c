// SPDX-License-Identifier: Apache-2.0
// YAML nodes to JSON values, for plugin settings: ${VAR} expansion, scalar typing, locations.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "courthub/json.hpp"
#include "host/config/config.hpp"
#include "host/config/env_expansion.hpp"

namespace YAML {
class Node;
}

namespace courthub::config {

// Where `node` starts in `file` (1-based line and column; 0 when yaml-cpp has no mark).
// Thread-safety: reentrant. Errors: none.
Location location_of(const YAML::Node& node, const std::string& file);

// True for a scalar written in quotes, as a block scalar (| or >) or tagged !!str: its text is
// a string whatever it looks like. Thread-safety: reentrant. Errors: none.
bool is_quoted(const YAML::Node& scalar);

// The JSON value of an unquoted scalar's (expanded) text:
//   "", "~", "null" (any case) -> null;  "true"/"false" (any case) -> bool;
//   [-+]?[0-9]+ -> int (a double when beyond 64 bits);
//   decimals and exponents ("1.5", ".5", "1e3", "-2.5E-3") -> double;  anything else -> string.
// Thread-safety: reentrant. Errors: none.
Json type_plain_scalar(std::string_view text);

// One segment of a JSON pointer, escaped per RFC 6901 ("~" -> "~0", "/" -> "~1").
std::string escape_pointer_segment(std::string_view segment);

// A problem found while converting: where, the key path below the converted node
// (".rooms[0].capacity"; "" for the node itself) and what is wrong.
struct ConversionIssue {
  Location where;
  std::string key_suffix;
  std::string message;
};

struct ConvertedYaml {
  Json value;
  // JSON pointer -> where its key (or, for array items, the item) is written; "" is the root.
  std::map<std::string, Location> locations;
  std::vector<ConversionIssue> errors;  // empty when the conversion is complete
};

// Converts `node` to JSON: every scalar is ${VAR}-expanded (`env`), then typed by
// type_plain_scalar() unless quoted. Mapping keys are kept as written (not expanded); duplicate
// or non-scalar keys are errors. `root` is where the node's own key stands in the file (recorded
// for pointer ""). A YAML null root converts to null; the caller decides what that means.
//
// Thread-safety: reentrant. Errors: never throws; every problem lands in `errors` and the
// offending value converts to null, so all problems are reported at once.
ConvertedYaml yaml_to_json(const YAML::Node& node, const Location& root, const Env& env);

}  // namespace courthub::config
