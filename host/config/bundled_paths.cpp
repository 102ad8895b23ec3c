// SPDX-License-Identifier: Apache-2.0
// The bundled plugins and data of this binary, as configuration variables.
#include "host/config/bundled_paths.hpp"

#include <filesystem>
#include <system_error>

namespace courthub::config {

namespace fs = std::filesystem;

Env with_bundled_paths(Env env, const std::string& executable) {
  fs::path root = fs::path(executable).lexically_normal().parent_path().parent_path();
  std::error_code ec;
  fs::path installed = root / "lib" / "courthub" / "plugins";
  std::string plugins = (fs::is_directory(installed, ec) ? installed : root / "plugins").string();
  std::string share = (root / "share" / "courthub").string();
  return [env = std::move(env), plugins, share](const std::string& name) {
    std::optional<std::string> value = env ? env(name) : std::nullopt;
    if (value && !value->empty()) return value;
    if (name == "COURTHUB_BUNDLED_PLUGINS") return std::optional<std::string>(plugins);
    if (name == "COURTHUB_SHARE") return std::optional<std::string>(share);
    return value;
  };
}

Env host_env() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return with_bundled_paths(process_env(), ec ? std::string() : self.string());
}

}  // namespace courthub::config
