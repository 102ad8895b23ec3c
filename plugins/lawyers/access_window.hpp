// SPDX-License-Identifier: Apache-2.0
// When an approved 阅卷 request lets its lawyer read: the days of its access_period, from 00:00
// of the first to 23:59:59.999 of the last, Beijing time; and which materials are open now.
//
// Threading: any thread. Errors: none (see each function).
#pragma once

#include <courthub/database.hpp>
#include <courthub/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawyers {

struct AccessWindow {
  int64_t opens_ms = 0;   // first day 00:00, Asia/Shanghai
  int64_t closes_ms = 0;  // last day 23:59:59.999 (the last instant inside)
  bool contains(int64_t at_ms) const { return at_ms >= opens_ms && at_ms <= closes_ms; }
};

AccessWindow window_of(courthub::time::Date first, courthub::time::Date last);

// An approved request of a lawyer for a case whose window is open now.
struct OpenGrant {
  int64_t request_id = 0;
  int64_t closes_ms = 0;
  std::vector<std::string> materials;  // categories; never 副卷
};

// The lawyer's open grants for the case at `now_ms`, the latest-closing first.
std::vector<OpenGrant> open_grants(const courthub::Sql& db, int64_t lawyer_id, int64_t case_id,
                                   int64_t now_ms);

// The grant that opens `category` (the one open longest), if any.
std::optional<OpenGrant> grant_for(const std::vector<OpenGrant>& grants, std::string_view category);

}  // namespace lawyers
