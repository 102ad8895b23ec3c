// SPDX-License-Identifier: Apache-2.0
// The board's 18 indicators (docs/incentive-indicators.md §3): their catalogue, and the counts
// behind each one for every court and judge over a window.
//
// Threading: the catalogue is constant; measure() and indicator_value() are pure and may run
// concurrently (measure() only reads the table, under the caller's shared lock).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "case_record.hpp"
#include "case_table.hpp"
#include "org.hpp"

namespace board {

enum class Direction : uint8_t { Up, Down };  // ↑ higher is better, ↓ lower is better

struct IndicatorDef {
  std::string_view id;          // "A1"
  int group;                    // 0..4 = A..E
  std::string_view name;        // 结案率
  std::string_view group_name;  // 审判效率
  Direction direction;
  std::string_view unit;  // "rate" | "days" | "cases" | "ratio"
};

inline constexpr int kIndicatorCount = 18;
// A1 A2 A3 A4 B1 B2 B3 B4 C1 C2 C3 C4 D1 D2 D3 E1 E2 E3, in that order.
extern const std::array<IndicatorDef, 18> kIndicators;
// The judge board's indicators: A1–A4 B1 C1 C2 E1.
inline constexpr std::array<int, 8> kJudgeIndicators = {0, 1, 2, 3, 4, 8, 9, 15};
inline constexpr std::array<std::string_view, 5> kGroupIds = {"A", "B", "C", "D", "E"};
inline constexpr int kE1 = 15;
// The index of "A1".."E3", or -1.
int indicator_index(std::string_view id);

// [from, to], both days included.
struct Window {
  Day from = 0, to = 0;
};

// The counts behind one indicator of one member. value = numerator / denominator, except C1 =
// 1 − numerator / denominator. sample = the number the minimum sample applies to (cases, or
// disputes for E2; for D1 the closed enforcement cases, for C4/A3 the closed trial cases).
struct Measure {
  double numerator = 0, denominator = 0;
  int64_t sample = 0;
  bool operator==(const Measure&) const = default;
};
using Measures = std::array<Measure, 18>;
struct MeasureSet {
  std::vector<Measures> courts;  // parallel to org.courts
  std::vector<Measures> judges;  // parallel to org.judges; only kJudgeIndicators (others 0)
};

// Counts every indicator of every court of `org` and the judge indicators of every judge over
// window `w`, in one pass over the table (plus one over the E2 disputes). Cases of a court not in
// `org` count for no court; cases whose judge_id is not a judge of `org` count for their court only.
// Thread: any, concurrently (reads `t` and `org` only). Errors: std::bad_alloc only.
MeasureSet measure(const CaseTable& t, const Org& org, Window w);

// The value, or nullopt for "insufficient sample": denominator 0, or sample < min_sample.
// E1 (index kE1) ignores min_sample: insufficient only when its denominator (judges) is 0.
std::optional<double> indicator_value(int index, const Measure& m, int64_t min_sample);

}  // namespace board
