// SPDX-License-Identifier: Apache-2.0
// Fuzzes the configuration loader (host/config/config_loader): the input is the text of a
// courthub.yaml. load_config must never throw (its contract) and never crash: every problem is
// an error or a warning with a location. The environment is fixed (the bundled paths point at
// the source tree and the fuzzing build's plugins) so a run does not depend on the machine.
// Seeds: the demo and packaged configurations and the YAML of the loader's unit tests.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "host/config/config_loader.hpp"

namespace cfg = courthub::config;

namespace {

// A folder of our own for the file the loader reads (a fuzzing job per process is fine).
const std::string& config_path() {
  static const std::string path = [] {
    auto dir = std::filesystem::temp_directory_path() /
               ("courthub-fuzz-config-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return (dir / "courthub.yaml").string();
  }();
  return path;
}

std::optional<std::string> fixed_env(const std::string& name) {
  static const std::map<std::string, std::string> vars = {
      {"COURTHUB_SHARE", COURTHUB_SOURCE_DIR "/config"},
      {"COURTHUB_BUNDLED_PLUGINS", COURTHUB_PLUGIN_DIR},
      {"COURTHUB_ADMIN_TOKEN", "fuzz-admin-token-0123456789abcdef"},
      {"HOME", "/nonexistent"}};
  auto it = vars.find(name);
  if (it == vars.end()) return std::nullopt;
  return it->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(config_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  cfg::LoadResult r = cfg::load_config(config_path(), fixed_env);
  if (r.ok() != (r.errors.empty() && r.config.has_value())) std::abort();
  if (!r.config && r.errors.empty()) std::abort();  // refused without saying why
  for (auto& issue : r.errors)
    if (issue.message.empty() || issue.to_string().empty()) std::abort();
  for (auto& issue : r.warnings)
    if (issue.message.empty()) std::abort();
  (void)r.servable();
  return 0;
}
