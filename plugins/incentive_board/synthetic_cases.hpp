// SPDX-License-Identifier: Apache-2.0
// Realistic synthetic cases for the demo load, the tests and the bench: any count, any directory,
// the same records for the same seed on every machine and standard library.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

#include "case_record.hpp"
#include "org.hpp"

namespace board {

struct SyntheticSpec {
  int64_t count = 0;  // records to emit (≤ 0: none)
  uint64_t seed = 0;  // same seed + same org + same today → the same records, in the same order
  Day today = 0;      // cases are filed over the ~400 days before today; nothing is closed after it
};

// Calls `sink` once per generated case, `spec.count` times, without keeping them (memory does not
// grow with the count). Disputes start in date order, so case ids roughly follow filing dates.
// What comes out (anchored on court-domain.md §1.2's published ranges):
//   - caseload by court level: basic courts most, intermediate courts fewer, the high court few;
//     each court gets a fixed quality factor, so courts differ and the board has tiers;
//   - procedures: first instance most (second instance mostly at intermediate courts),
//     enforcement ≈ 30%, some pre-litigation mediation, few retrials;
//   - ≈ 93% of trial cases closed, 96–99% within the legal limit, civil mediation/withdrawal
//     ≈ 20–27%, appeals ≈ 9.5%, revised/remanded 1.4–2.2%, petitions rare, documents reviewed on
//     a sample, enforcement 到位率 ≈ 40–60%, a few cases pending for more than 365 days;
//   - disputes shared by several cases: an appealed first instance is followed by its appeal at
//     the parent intermediate court (found from the court code, LN-BC-SY-… → LN-IC-SY) and a
//     judgment by its enforcement, so a dispute has 1–4 cases across courts;
//   - judge_id = a judge of the case's court (org.judges), or any person of that court (taken
//     from the "<court code>-" prefix of org.people) if it has no judge; a court with neither
//     gets no cases.
// Every record passes parse_case and names a court of org.courts and a person of org.people.
// case_id = "S<seed in hex>-<n, 9 digits>" (n = 0, 1, … in the order made, so ids sort as made),
// unique per (seed, n); dispute_id likewise with "D"; case_no follows the 案号 pattern.
// Threading: pure; concurrent calls are fine. Errors: none of its own; whatever `sink` throws
// propagates (the generation stops there). An org without courts produces no records.
void generate_cases(const Org& org, const SyntheticSpec& spec,
                    const std::function<void(const CaseRecord&)>& sink);

// CSV in the import schema: the header row is kCaseFields joined by commas; a record's row has
// the 23 fields in the same order (dates ISO, booleans true/false, empty = default), quoted per
// RFC 4180 where a field needs it. Each call writes one line ending in "\n". No errors of their
// own (the stream's state reports write failures).
void write_csv_header(std::ostream& out);
void write_csv(std::ostream& out, const CaseRecord& c);

}  // namespace board
