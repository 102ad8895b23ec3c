// SPDX-License-Identifier: Apache-2.0
#include "lockout.hpp"

#include <algorithm>

namespace lawyers {

int64_t lock_duration_ms(int64_t failures) {
  if (failures < kFailuresBeforeLock) return 0;
  constexpr int64_t kFirst = 60'000, kLongest = 3'600'000;
  const int64_t doublings = failures - kFailuresBeforeLock;
  if (doublings >= 6) return kLongest;  // 60 s * 2^6 > 1 h; also keeps the shift small
  return std::min(kFirst << doublings, kLongest);
}

int64_t locked_until_ms(const courthub::Sql& db, const std::string& licence_no) {
  auto row = db.one("SELECT locked_until_ms FROM lawyer_sign_in_failures WHERE licence_no = ?",
                    {licence_no});
  return row ? row->integer("locked_until_ms") : 0;
}

int64_t record_failure(const courthub::Sql& tx, const std::string& licence_no, int64_t now_ms) {
  auto row = tx.one(
      "INSERT INTO lawyer_sign_in_failures (licence_no, failures, locked_until_ms) VALUES (?, 1, 0) "
      "ON CONFLICT (licence_no) DO UPDATE SET failures = lawyer_sign_in_failures.failures + 1 "
      "RETURNING failures",
      {licence_no});
  const int64_t duration = lock_duration_ms(row->integer("failures"));
  if (duration == 0) return 0;
  const int64_t until = now_ms + duration;
  tx.exec("UPDATE lawyer_sign_in_failures SET locked_until_ms = ? WHERE licence_no = ?",
          {until, licence_no});
  return until;
}

void clear_failures(const courthub::Sql& tx, const std::string& licence_no) {
  tx.exec("DELETE FROM lawyer_sign_in_failures WHERE licence_no = ?", {licence_no});
}

}  // namespace lawyers
