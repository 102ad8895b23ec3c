// SPDX-License-Identifier: Apache-2.0
// The board's settings: defaults, every section read, each bad value named by its JSON pointer,
// and the window of a board.
#include <gtest/gtest.h>

#include <algorithm>

#include "board_settings.hpp"

namespace board {
namespace {

using courthub::Json;
using Errors = std::vector<std::pair<std::string, std::string>>;

// The pointers of the errors, sorted.
std::vector<std::string> pointers(const Errors& errors) {
  std::vector<std::string> out;
  for (const auto& [pointer, message] : errors) out.push_back(pointer);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Settings, NothingGivenIsEveryDefault) {
  Errors errors;
  BoardSettings s = read_settings(Json(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.mode, Mode::Ranked);
  EXPECT_EQ(s.rolling_days, 0);
  EXPECT_EQ(s.weights, (std::array<double, 5>{25, 25, 20, 20, 10}));
  EXPECT_EQ(s.min_sample[indicator_index("A3")], 10);
  EXPECT_EQ(s.red_percent, 10);
  EXPECT_EQ(s.yellow_percent, 20);
  EXPECT_EQ(s.judge_history_days, 92);
  EXPECT_TRUE(read_settings(Json::object(), errors).notices);
  EXPECT_TRUE(errors.empty());
}

TEST(Settings, EverySectionIsRead) {
  Json j = Json::parse(R"({
    "mode": "no_rank",
    "window": {"rolling_days": 365},
    "weights": {"A": 30, "B": 20.5, "E": 0},
    "min_sample": {"default": 20, "A3": 5},
    "tiers": {"red_percent": 15, "yellow_percent": 25},
    "notices": {"enabled": false, "time": "07:45", "group_robot": "province",
                "page_url": "https://courts.example/apps/incentive_board/ui/"},
    "imports": {"drop_folder": "board-imports"},
    "demo": {"cases": "200000", "seed": 7},
    "history": {"judge_days": 30}
  })");
  Errors errors;
  BoardSettings s = read_settings(j, errors);
  EXPECT_TRUE(errors.empty()) << errors.front().first << " " << errors.front().second;
  EXPECT_EQ(s.mode, Mode::NoRank);
  EXPECT_EQ(s.rolling_days, 365);
  EXPECT_EQ(s.weights, (std::array<double, 5>{30, 20.5, 20, 20, 0}));  // C, D keep defaults
  EXPECT_EQ(s.min_sample[indicator_index("A1")], 20);
  EXPECT_EQ(s.min_sample[indicator_index("A3")], 5);
  EXPECT_EQ(s.red_percent, 15);
  EXPECT_EQ(s.yellow_percent, 25);
  EXPECT_FALSE(s.notices);
  EXPECT_EQ(s.notice_time, "07:45");
  EXPECT_EQ(s.group_robot, "province");
  EXPECT_EQ(s.page_url, "https://courts.example/apps/incentive_board/ui/");
  EXPECT_EQ(s.drop_folder, "board-imports");
  EXPECT_EQ(s.demo_cases, 200000);  // from the environment's expansion: a string of digits
  EXPECT_EQ(s.demo_seed, 7u);
  EXPECT_EQ(s.judge_history_days, 30);

  Json ytd = {{"window", "year_to_date"}, {"demo", {{"cases", 0}}}};
  BoardSettings y = read_settings(ytd, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(y.rolling_days, 0);
  EXPECT_EQ(y.demo_cases, 0);
}

TEST(Settings, EachBadValueIsNamedByItsPointer) {
  Json j = Json::parse(R"({
    "mode": "ranking",
    "colour": "red",
    "window": {"rolling_days": 0},
    "weights": {"A": -1, "F": 3},
    "min_sample": {"default": 0, "E1": 5, "Z9": 3, "B2": 2.5},
    "tiers": {"red_percent": 60, "yellow_percent": 50},
    "notices": {"enabled": "yes", "time": "8am", "page_url": "courts.example"},
    "imports": {"drop_folder": 3},
    "demo": {"cases": "lots", "seed": -1},
    "history": {"judge_days": 0}
  })");
  Errors errors;
  BoardSettings s = read_settings(j, errors);
  EXPECT_EQ(pointers(errors),
            (std::vector<std::string>{"/colour", "/demo/cases", "/demo/seed", "/history/judge_days",
                                      "/imports/drop_folder", "/min_sample/B2", "/min_sample/E1",
                                      "/min_sample/Z9", "/min_sample/default", "/mode",
                                      "/notices/enabled", "/notices/page_url", "/notices/time",
                                      "/tiers", "/weights/A", "/weights/F",
                                      "/window/rolling_days"}));
  for (const auto& [pointer, message] : errors) EXPECT_FALSE(message.empty()) << pointer;
  auto message_of = [&](const std::string& p) {
    for (const auto& [pointer, message] : errors)
      if (pointer == p) return message;
    return std::string();
  };
  EXPECT_EQ(message_of("/mode"), "must be ranked or no_rank");
  EXPECT_EQ(message_of("/weights/A"), "must be a number ≥ 0");
  EXPECT_EQ(message_of("/window/rolling_days"), "must be between 1 and 3660");
  EXPECT_EQ(message_of("/tiers"), "red_percent + yellow_percent must be at most 100");
  // Bad values keep their defaults.
  EXPECT_EQ(s.mode, Mode::Ranked);
  EXPECT_EQ(s.weights[0], 25);
  EXPECT_EQ(s.red_percent, 10);
  EXPECT_EQ(s.min_sample[indicator_index("A1")], 10);
}

TEST(Settings, WeightsMayNotAllBeZeroAndSectionsMustBeMappings) {
  Errors errors;
  read_settings(Json::parse(R"({"weights": {"A": 0, "B": 0, "C": 0, "D": 0, "E": 0}})"), errors);
  EXPECT_EQ(pointers(errors), std::vector<std::string>{"/weights"});
  errors.clear();
  read_settings(Json::parse(R"({"tiers": [10, 20], "window": "last_year"})"), errors);
  EXPECT_EQ(pointers(errors), (std::vector<std::string>{"/tiers", "/window"}));
  errors.clear();
  read_settings(Json::array(), errors);
  EXPECT_EQ(pointers(errors), std::vector<std::string>{""});
}

TEST(Window, YearToDateRollingOrFrom) {
  BoardSettings s;
  Day as_of = day_of("2026-03-15");
  EXPECT_EQ(window_for(s, as_of).from, day_of("2026-01-01"));
  EXPECT_EQ(window_for(s, as_of).to, as_of);
  EXPECT_EQ(window_for(s, day_of("2026-01-01")).from, day_of("2026-01-01"));
  EXPECT_EQ(window_for(s, day_of("2024-12-31")).from, day_of("2024-01-01"));
  s.rolling_days = 365;
  EXPECT_EQ(window_for(s, as_of).from, day_of("2025-03-16"));
  s.rolling_days = 1;
  EXPECT_EQ(window_for(s, as_of).from, as_of);
  EXPECT_EQ(window_for(s, as_of, day_of("2025-07-01")).from, day_of("2025-07-01"));
}

}  // namespace
}  // namespace board

TEST(Settings, AnEmptyGroupRobotTurnsTheDigestOff) {
  Errors errors;
  auto s = read_settings(Json::parse(R"({"notices": {"group_robot": ""}})"), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.group_robot, "");
  EXPECT_TRUE(s.notices);
}
