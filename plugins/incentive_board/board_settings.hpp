// SPDX-License-Identifier: Apache-2.0
// The board's settings (the `settings:` mapping of `incentive_board` in courthub.yaml): mode,
// window, weights, minimum samples, tier shares, notices, imports, demo data, history.
//
// Threading: plain values and pure functions; no shared state.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <courthub/json.hpp>

#include "case_record.hpp"
#include "indicators.hpp"

namespace board {

enum class Mode : uint8_t { Ranked, NoRank };

// "ranked" or "no_rank", the words of the settings and of the JSON answers.
std::string_view id_of(Mode m);

struct BoardSettings {
  Mode mode = Mode::Ranked;
  int32_t rolling_days = 0;                       // 0 = year to date
  std::array<double, 5> weights = {25, 25, 20, 20, 10};
  // Per indicator, in kIndicators order; E1 (index 15) has no minimum sample and ignores its entry.
  std::array<int64_t, 18> min_sample = {10, 10, 10, 10, 10, 10, 10, 10, 10,
                                        10, 10, 10, 10, 10, 10, 10, 10, 10};
  int32_t red_percent = 10, yellow_percent = 20;
  bool notices = true; std::string notice_time = "08:00"; std::string group_robot = "board";
  std::string page_url;                           // base URL of the board's pages, "" = no links
  std::string drop_folder;                        // "" = off; relative = under the data dir
  int64_t demo_cases = 0; uint64_t demo_seed = 20260101;
  int32_t judge_history_days = 92;
};

// Reads `settings` (the plugin's settings JSON, as the host converts the YAML). Each problem is
// appended to `errors` as (JSON pointer, English message), e.g. {"/weights/A", "must be a number
// ≥ 0"}; an unknown key is a problem too. A null or absent `settings` is all defaults.
// Returns the defaults merged with every value that was valid (so a caller may still use it after
// reporting the errors). Never throws.
BoardSettings read_settings(const courthub::Json& settings,
                            std::vector<std::pair<std::string, std::string>>& errors);

// The window of a board as of `as_of` (inclusive both ends): with `from` -> [from, as_of];
// else year to date -> [1 January of as_of's year, as_of]; else [as_of − rolling_days + 1, as_of].
// Does not check from ≤ as_of (the routes answer 400 for that). Never throws.
Window window_for(const BoardSettings& s, Day as_of, std::optional<Day> from = std::nullopt);

}  // namespace board
