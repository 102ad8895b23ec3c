// SPDX-License-Identifier: Apache-2.0
// Settings through the host: bad ones are refused with their JSON pointers, and the demo block
// for config/courthub.yaml (demo-settings.yaml) is valid and seeds its rooms.
#include <yaml-cpp/yaml.h>

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <regex>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

// YAML to JSON with the host's typing of plain scalars (docs/configuration.md): integers,
// booleans and null are typed, everything else (and anything quoted) is a string.
Json to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (auto it = n.begin(); it != n.end(); ++it)
        out[it->first.as<std::string>()] = to_json(it->second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (auto it = n.begin(); it != n.end(); ++it) out.push_back(to_json(*it));
      return out;
    }
    case YAML::NodeType::Scalar: {
      std::string s = n.Scalar();
      if (n.Tag() == "!") return Json(s);
      if (std::regex_match(s, std::regex("[-+]?[0-9]+"))) return Json(std::stoll(s));
      if (s == "true") return Json(true);
      if (s == "false") return Json(false);
      if (s == "~" || s == "null") return Json();
      return Json(s);
    }
    default:
      return Json();
  }
}

TEST(Settings, BadSettingsAreRefusedWithTheirPointers) {
  Json settings = Json::object(
      {{"horizon_days", 0},
       {"rooms",
        Json::array(
            {Json::object({{"id", "a"}, {"court", kCourt}, {"name", "一"}, {"capacity", 0}}),
             Json::object({{"id", "a"},
                           {"court", kCourt},
                           {"name", "二"},
                           {"capacity", 3},
                           {"kind", "礼堂"}})})}});
  try {
    make_harness(settings);
    FAIL() << "accepted";
  } catch (const courthub::Error& e) {
    std::string what = e.what();
    for (const char* p : {"settings/horizon_days", "settings/rooms/0/capacity",
                          "settings/rooms/1/id", "settings/rooms/1/kind"})
      EXPECT_NE(what.find(p), std::string::npos) << p << " in " << what;
  }
}

TEST(Settings, TheDemoBlockIsValidAndSeedsItsRooms) {
  YAML::Node demo = YAML::LoadFile(ROOMS_DEMO_SETTINGS);
  ASSERT_TRUE(demo.IsSequence());
  EXPECT_EQ(demo[0]["name"].as<std::string>(), "rooms");
  Json settings = to_json(demo[0]["settings"]);
  auto h = make_harness(settings);
  auto rooms = h->query("SELECT id, court FROM rooms ORDER BY id");
  EXPECT_GE(rooms.size(), 20u);
  auto mine = h->as(kJudge).get("/rooms").json()["rooms"];
  bool three = false;
  for (auto& r : mine) three = three || r["name"].get<std::string>() == "3号会议室";
  EXPECT_TRUE(three) << "the examples in the docs book 3号会议室 of LN-BC-SY-01";
  // The usage line of `book` works as written against the demo rooms (Saturday is open for it).
  auto r = h->as(kJudge).command("book 3号会议室 明天 9:00-10:00 党支部学习");
  if (weekday(add_days(today(), 1)) != 7) EXPECT_TRUE(r.ok) << r.text;
}

}  // namespace
}  // namespace rooms::testing
