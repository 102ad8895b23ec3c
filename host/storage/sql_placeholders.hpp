// SPDX-License-Identifier: Apache-2.0
// SQLite's parameter spelling (`?`, `?NNN`) in PostgreSQL's (`$n`).
//
// Plugins and the host write `?` placeholders (the SDK's one spelling, plugin_abi.h db_query);
// PostgreSQL numbers them. The numbering is SQLite's: a bare `?` takes one more than the largest
// index so far, `?NNN` takes NNN. Question marks inside string literals ('...', E'...'),
// quoted identifiers ("..."), comments (-- and /* */) and dollar-quoted bodies ($tag$...$tag$)
// are text, not parameters.
#pragma once

#include <string>
#include <string_view>

#include "host/outcome.hpp"

namespace courthub::storage {

struct NumberedSql {
  std::string sql;        // with $1..$n
  int parameters = 0;     // the highest index: how many values the statement takes
};

// Pure function; thread-safe. Errors: InvalidArgument for `?0` or an index above 32,766 (SQLite's
// limit, so a statement valid on one backend is valid on the other).
Expected<NumberedSql> number_placeholders(std::string_view sql);

}  // namespace courthub::storage
