// SPDX-License-Identifier: Apache-2.0
// The demo block (demo-settings.yaml, also in config/courthub.yaml) on the demo directory: it
// loads, every court gets its default group at its building, and the two 立案庭 TURN groups get
// their demo roster at the first start.
#include <yaml-cpp/yaml.h>

#include "harness_fixture.hpp"

namespace attendance::testing {
namespace {

// YAML to JSON as the host types settings: quoted scalars are text; plain ones booleans, null,
// integers or decimals when they read as such.
Json yaml_json(const YAML::Node& node) {
  if (node.IsMap()) {
    Json out = Json::object();
    for (const auto& kv : node) out[kv.first.Scalar()] = yaml_json(kv.second);
    return out;
  }
  if (node.IsSequence()) {
    Json out = Json::array();
    for (const auto& item : node) out.push_back(yaml_json(item));
    return out;
  }
  if (!node.IsScalar()) return Json();
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;
  if (text == "true" || text == "false") return text == "true";
  if (text == "null" || text == "~") return Json();
  char* end = nullptr;
  long long whole = std::strtoll(text.c_str(), &end, 10);
  if (!text.empty() && *end == '\0') return whole;
  double real = std::strtod(text.c_str(), &end);
  if (!text.empty() && *end == '\0') return real;
  return text;
}

TEST(DemoSettings, EveryCourtHasItsGroupAndTheFilingDivisionsTheirRoster) {
  YAML::Node doc = YAML::LoadFile(ATTENDANCE_DEMO_SETTINGS);
  Json entry = yaml_json(doc[0]);
  ASSERT_EQ(entry["name"], "attendance");
  EXPECT_EQ(entry["enabled"], true);
  auto options = harness_options(entry["settings"]);
  options.directory_seed = {std::string(ATTENDANCE_CONFIG_DIR) + "/directory/courts.yaml",
                            std::string(ATTENDANCE_CONFIG_DIR) + "/directory/staff.yaml"};
  PluginHarness h(ATTENDANCE_PLUGIN_FILE, options);

  EXPECT_EQ(h.query("SELECT COUNT(*) AS n FROM groups")[0]["n"], 130) << "128 courts + 2 TURN";
  auto r = h.as_admin().get("/admin/groups?court=LN-BC-SY-01");
  ASSERT_EQ(r.status, 200) << r.body;
  Json groups = r.json()["groups"];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["id"], "hp-filing");
  EXPECT_EQ(groups[0]["type"], "TURN");
  EXPECT_EQ(groups[1]["id"], "ln-bc-sy-01-default");
  EXPECT_EQ(groups[1]["name"], "沈阳市和平区人民法院考勤组");
  EXPECT_EQ(groups[1]["shift"], "winter");
  EXPECT_EQ(groups[1]["locations"][0]["radius_m"], 500);
  EXPECT_EQ(groups[1]["locations"][0]["address"], "沈阳市（示意位置）");

  // A judge of 民一庭 works the example shift; a 立案庭 clerk the roster (two weeks from today).
  r = h.as_admin().get("/admin/schedule?user_id=LN-BC-SY-01-024&from=2026-12-08&to=2026-12-08");
  EXPECT_EQ(r.json()["group"]["id"], "ln-bc-sy-01-default") << r.body;
  EXPECT_EQ(r.json()["days"][0]["shift"], "winter") << r.body;
  for (const char* group : {"hp-filing", "sy-filing"}) {
    r = h.as_admin().get(std::string("/admin/groups/") + group + "/roster?from=2026-12-08&to=2026-12-21");
    ASSERT_EQ(r.status, 200) << r.body;
    Json entries = r.json()["entries"];
    ASSERT_FALSE(entries.empty()) << group;
    EXPECT_EQ(entries.size() % 14, 0u) << group << ": every member, 14 days";
    EXPECT_EQ(entries.back()["date"], "2026-12-21");
  }
  r = h.as_admin().get("/admin/schedule?user_id=LN-IC-SY-010&from=2026-12-08&to=2026-12-09");
  EXPECT_EQ(r.json()["group"]["id"], "sy-filing") << r.body;
}

}  // namespace
}  // namespace attendance::testing
