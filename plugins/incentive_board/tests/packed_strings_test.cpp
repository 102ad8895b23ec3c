// SPDX-License-Identifier: Apache-2.0
// PackedStrings and InternedIds: every string comes back exactly, lookups find exactly it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "packed_strings.hpp"

namespace board {
namespace {

// Shapes that pack (a number in them) and shapes that go to the arena.
const std::vector<std::string> kShapes = {
    "C0000001",       "C1",         "C01",          "C001",      "(2024)辽0103民初1234号",
    "(2024)辽0103民初01234号",      "0",            "00",        "007",
    "x4294967295",    "x4294967296", "12345678901", "a1b2",      "abc",
    "号",             "",           std::string("n\0ul1", 5),   std::string("\0\0" "7", 3),
    "1-2-3",          "2024-001",   "2024-01",      " 1",        "1 ",
    "LN20240000000",  "LN020240000000", "x1234567890123456789012345"};

TEST(PackedStrings, EveryStringComesBackExactly) {
  PackedStrings p;
  for (const auto& s : kShapes) p.push_back(s);
  ASSERT_EQ(p.size(), kShapes.size());
  for (size_t i = 0; i < kShapes.size(); ++i) EXPECT_EQ(p.at(static_cast<uint32_t>(i)), kShapes[i]);
}

TEST(PackedStrings, SetReplacesOneString) {
  PackedStrings p;
  p.push_back("A1");
  p.push_back("plain");
  p.set(0, "no digits");
  p.set(1, "B000042");
  EXPECT_EQ(p.at(0), "no digits");
  EXPECT_EQ(p.at(1), "B000042");
}

TEST(InternedIds, InternsEachStringOnce) {
  InternedIds ids;
  for (size_t i = 0; i < kShapes.size(); ++i) {
    auto [pos, added] = ids.intern(kShapes[i]);
    EXPECT_EQ(pos, i) << kShapes[i];
    EXPECT_TRUE(added) << kShapes[i];
  }
  for (size_t i = 0; i < kShapes.size(); ++i) {
    EXPECT_EQ(ids.find(kShapes[i]), static_cast<int64_t>(i)) << kShapes[i];
    auto [pos, added] = ids.intern(kShapes[i]);
    EXPECT_EQ(pos, i);
    EXPECT_FALSE(added);
    EXPECT_EQ(ids.at(pos), kShapes[i]);
  }
  EXPECT_EQ(ids.size(), kShapes.size());
  EXPECT_EQ(ids.find("C0000002"), -1);  // a known stem, an unknown number
  EXPECT_EQ(ids.find("C2"), -1);
  EXPECT_EQ(ids.find("Z1"), -1);        // an unknown stem
  EXPECT_EQ(ids.find("abd"), -1);
}

TEST(InternedIds, GrowsAndStillFindsEverything) {
  InternedIds ids;
  const int n = 100000;
  for (int i = 0; i < n; ++i) ids.intern("D" + std::to_string(1000000 + i));
  EXPECT_EQ(ids.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; i += 7) EXPECT_EQ(ids.find("D" + std::to_string(1000000 + i)), i);
  EXPECT_EQ(ids.find("D" + std::to_string(1000000 + n)), -1);
}

TEST(InternedIds, ManyShapesOverflowToTheArenaAndAreStillFound) {
  // Each id has its own stem ("u<i>-"), more than the stem dictionary keeps.
  InternedIds ids;
  const int n = 70000;
  for (int i = 0; i < n; ++i) ids.intern("u" + std::to_string(i) + "-x7");
  for (int i = 0; i < n; i += 3) {
    std::string s = "u" + std::to_string(i) + "-x7";
    ASSERT_EQ(ids.find(s), i) << s;
    EXPECT_EQ(ids.at(static_cast<uint32_t>(i)), s);
  }
  EXPECT_EQ(ids.find("u" + std::to_string(n) + "-x7"), -1);
  EXPECT_FALSE(ids.intern("u69999-x7").second);
}

TEST(InternedIds, ClearForgetsEverything) {
  InternedIds ids;
  ids.intern("C1");
  ids.intern("plain");
  ids.clear();
  EXPECT_EQ(ids.size(), 0u);
  EXPECT_EQ(ids.find("C1"), -1);
  EXPECT_EQ(ids.find("plain"), -1);
  EXPECT_EQ(ids.intern("plain").first, 0u);
}

}  // namespace
}  // namespace board
