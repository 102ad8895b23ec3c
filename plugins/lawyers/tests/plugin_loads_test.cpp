// SPDX-License-Identifier: Apache-2.0
// The plugin loads with no settings (the demo's defaults) and refuses a settings key it does
// not know, naming the allowed ones.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

namespace {

using courthub::Json;
using courthub::testing::HarnessOptions;
using courthub::testing::PluginHarness;

TEST(LawyersPlugin, LoadsWithDefaultSettings) {
  PluginHarness h(LAWYERS_PLUGIN_FILE);
  EXPECT_EQ(h.as_anonymous().get("/portal/nothing-here").status, 404);
}

TEST(LawyersPlugin, AnUnknownSettingsKeyIsRefusedByPointer) {
  HarnessOptions o;
  o.settings = Json::object({{"identiy", Json::object()}});
  try {
    PluginHarness h(LAWYERS_PLUGIN_FILE, o);
    FAIL() << "settings with an unknown key were accepted";
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/identiy"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("allowed keys: identity"), std::string::npos) << e.what();
  }
}

}  // namespace
