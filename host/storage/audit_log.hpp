// SPDX-License-Identifier: Apache-2.0
// The audit log: every admin action and configuration change, who, what, when and the result.
//
// Rows are only ever appended. Threading: any thread.
#pragma once

#include <string>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/time/clock.hpp"

namespace courthub::storage {

class AuditLog {
 public:
  // `clock` dates each row; `db` and `clock` must outlive the log.
  AuditLog(Database& db, const time::Clock& clock) : db_(db), clock_(clock) {}

  // `actor` is who did it ("admin@127.0.0.1", "signal:SIGHUP", "startup"); never a secret.
  Outcome record(const std::string& actor, const std::string& action, const std::string& target,
                 const std::string& detail, const std::string& result);
  // Newest first.
  Expected<Json> list(int limit, int64_t before_id = 0);

 private:
  Database& db_;
  const time::Clock& clock_;
};

}  // namespace courthub::storage
