// SPDX-License-Identifier: Apache-2.0
// Fuzzes each bundled plugin's robot commands — their argument parsers and what the handlers do
// with the arguments — through the in-process harness (courthub/testing.hpp: the real loader,
// host table and SQLite), each plugin with its settings from the demo configuration
// (config/courthub.yaml, read by the host's own loader) on the demo directory, at Monday
// 7 December 2026 09:00 in Shenyang.
// Input: byte 0 picks the plugin (hello, approvals, attendance, incentive_board, rooms; mod 5),
// byte 1 the caller (a judge, the court's president, the high court's court_admin, anonymous;
// mod 4) and whether it is a group chat (bit 2), the rest is the robot line ("book 3号会议室 明天
// 9:00-10:00 会"), as DingTalk delivers it: valid UTF-8 (other inputs are skipped).
// What must hold: no crash, no sanitizer report, no exception out of the harness, and a reply
// that is valid UTF-8 (the robot endpoint sends it as JSON).
// Seeds: the plugins' commands tests' lines.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "courthub/testing.hpp"
#include "host/config/config_loader.hpp"

using courthub::Json;
using courthub::testing::PluginHarness;

namespace {

constexpr const char* kPlugins[] = {"hello", "approvals", "attendance", "incentive_board",
                                    "rooms"};
constexpr int64_t kMonday0900 = 1796605200000;  // 2026-12-07T09:00:00+08:00

// The demo file's variables as this target sets them. The board's demo load is cut to 2,000
// generated cases (the demo's 200,000 took 44 s to start under ASan): every court still has its
// kept days and figures for the command to answer with.
std::optional<std::string> demo_env(const std::string& name) {
  if (name == "COURTHUB_SHARE") return std::string(COURTHUB_SOURCE_DIR "/config");
  if (name == "COURTHUB_BUNDLED_PLUGINS") return std::string(COURTHUB_PLUGIN_DIR);
  if (name == "COURTHUB_BOARD_DEMO_CASES") return std::string("2000");
  return std::nullopt;  // every other variable takes the demo file's default
}

std::vector<std::unique_ptr<PluginHarness>>& harnesses() {
  static std::vector<std::unique_ptr<PluginHarness>> all = [] {
    auto loaded = courthub::config::load_config(COURTHUB_SOURCE_DIR "/config/courthub.yaml",
                                                demo_env);
    if (!loaded.config) {
      for (auto& e : loaded.errors) fprintf(stderr, "%s\n", e.to_string().c_str());
      std::abort();
    }
    std::vector<std::unique_ptr<PluginHarness>> out;
    for (const char* name : kPlugins) {
      const auto* entry = loaded.config->plugin(name);
      if (!entry) {
        fprintf(stderr, "plugin_commands: the demo configuration has no plugin %s\n", name);
        std::abort();
      }
      courthub::testing::HarnessOptions options;
      options.settings = entry->settings;
      options.directory_seed = loaded.config->directory.seed;
      options.start_ms = kMonday0900;
      out.push_back(std::make_unique<PluginHarness>(
          std::string(COURTHUB_PLUGIN_DIR) + "/" + name + ".so", options));
    }
    return out;
  }();
  return all;
}

bool valid_utf8(const std::string& s) {
  try {
    (void)Json(s).dump();
    return true;
  } catch (const Json::exception&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)harnesses();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string line(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!valid_utf8(line)) return 0;
  PluginHarness& h = *harnesses()[data[0] % std::size(kPlugins)];
  switch (data[1] % 4) {
    case 0: h.as("LN-BC-SY-01-024"); break;  // 审判员, 和平区法院
    case 1: h.as("LN-BC-SY-01-001"); break;  // 院长, 和平区法院
    case 2: h.as("LN-HC-173"); break;        // 综合管理员, 高院
    default: h.as_anonymous(); break;
  }
  bool in_group = (data[1] & 4) != 0;
  courthub::testing::CommandResult r = h.command(line, in_group);
  if (!valid_utf8(r.text) || !valid_utf8(r.title)) std::abort();
  return 0;
}
