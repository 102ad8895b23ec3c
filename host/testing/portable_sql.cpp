// SPDX-License-Identifier: Apache-2.0
// courthub::testing::portable_sql: the host's own expansion (host/storage/migrations), for test
// doubles outside the harness.
#include "courthub/testing.hpp"
#include "host/storage/migrations.hpp"

namespace courthub::testing {

std::string portable_sql(std::string_view text, Dialect dialect) {
  auto out = storage::expand_portable_sql(text, dialect == Dialect::kPostgres
                                                    ? storage::Dialect::kPostgres
                                                    : storage::Dialect::kSqlite);
  if (!out) throw InvalidArgument(out.outcome().message());
  return std::move(*out);
}

}  // namespace courthub::testing
