// SPDX-License-Identifier: Apache-2.0
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> migrations() {
  std::vector<courthub::Migration> all;
  for (auto part : {identity_migrations, case_migrations, filing_migrations, access_migrations})
    for (auto& m : part()) all.push_back(std::move(m));
  return all;
}

}  // namespace lawyers
