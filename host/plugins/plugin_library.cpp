// SPDX-License-Identifier: Apache-2.0
// Loads plugin libraries with Boost.DLL and performs the ABI handshake.
#include "host/plugins/plugin_library.hpp"

#include <openssl/evp.h>

#include <boost/dll/shared_library.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <vector>

namespace courthub::plugins {
namespace {

std::string to_string(ch_str s) { return s.size ? std::string(s.data, s.size) : std::string(); }

// Process-wide: every library ever loaded, never released (see the header).
struct LoadedLibraries {
  std::mutex mu;
  struct Entry {
    std::shared_ptr<boost::dll::shared_library> lib;
    std::string sha256;  // of the file as it was mapped
  };
  std::map<std::string, Entry> by_path;
};
LoadedLibraries& loaded() {
  static auto* libs = new LoadedLibraries();  // deliberately leaked: outlives static destructors
  return *libs;
}

// The table size a plugin of ABI 1.minor must at least provide.
size_t required_table_size(uint32_t /*minor*/) {
  // x.0 is the first layout of a major; later minors only append, so its size is the floor.
  return offsetof(ch_plugin_api, on_job) + sizeof(ch_plugin_api::on_job);
}

}  // namespace

Expected<std::string> sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Outcome::not_found("cannot read " + path);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), buf.size());
    if (in.gcount() > 0) EVP_DigestUpdate(ctx, buf.data(), static_cast<size_t>(in.gcount()));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, digest, &len);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  char b[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", digest[i]);
    hex += b;
  }
  return hex;
}

Outcome check_abi(const std::string& who, uint32_t major, uint32_t minor) {
  const std::string plugin_v = std::to_string(major) + "." + std::to_string(minor);
  const std::string host_v = std::to_string(CH_ABI_MAJOR) + "." + std::to_string(CH_ABI_MINOR);
  if (major > CH_ABI_MAJOR || (major == CH_ABI_MAJOR && minor > CH_ABI_MINOR)) {
    return Outcome::failure(
        Status::Unsupported,
        who + " needs plugin ABI " + plugin_v + " but this host speaks " + host_v +
            ": the plugin is newer than the host; upgrade courthub or rebuild the plugin "
            "against the SDK of this host");
  }
  if (major < CH_ABI_MAJOR) {
    return Outcome::failure(Status::Unsupported,
                            who + " was built for plugin ABI " + plugin_v +
                                " but this host speaks " + host_v +
                                ": the plugin is older than the host; rebuild it against the "
                                "SDK of this host (courthub-dev, plugin ABI " +
                                std::to_string(CH_ABI_MAJOR) + ".x)");
  }
  return Outcome::success();
}

Outcome check_dialect(const PluginLibrary& library, storage::Dialect dialect) {
  if (dialect != storage::Dialect::kPostgres || library.portable_sql()) return Outcome::success();
  return Outcome::failure(
      Status::Unsupported,
      "plugin '" + library.name + "' (" + library.path + ", ABI " + library.abi() +
          ") does not declare portable SQL, and this host keeps plugin databases in PostgreSQL "
          "(storage.backend: postgres); rebuild it against SDK 2.3 or newer with kPortableSql "
          "once its SQL runs on PostgreSQL (docs/plugins.md, \"Portable SQL\")");
}

Expected<std::shared_ptr<const PluginLibrary>> load_plugin_library(
    const std::string& path, const std::string& expected_name, const std::string& pinned_sha256) {
  const std::string who = expected_name.empty() ? path : "plugin '" + expected_name + "'";
  auto digest = sha256_of_file(path);
  if (!digest) return Outcome::not_found(who + ": cannot load " + path + ": no such file");
  if (!pinned_sha256.empty() && *digest != pinned_sha256) {
    return Outcome::failure(Status::PermissionDenied,
                            who + ": " + path + " has sha256 " + *digest +
                                " but the configuration pins " + pinned_sha256 +
                                "; refusing to load it");
  }

  std::shared_ptr<boost::dll::shared_library> lib;
  {
    auto& libs = loaded();
    std::lock_guard lock(libs.mu);
    auto it = libs.by_path.find(path);
    if (it != libs.by_path.end()) {
      // dlopen would hand back the old mapping, so new code on disk would silently not run.
      if (it->second.sha256 != *digest) {
        return Outcome::failure(Status::Unavailable,
                                who + ": " + path +
                                    " changed on disk since it was loaded; restart the host to "
                                    "run the new build");
      }
      lib = it->second.lib;
    } else {
      try {
        lib = std::make_shared<boost::dll::shared_library>(
            path, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now);
      } catch (const std::exception& e) {
        return Outcome::error(who + ": cannot load " + path + ": " + e.what());
      }
      libs.by_path.emplace(path, LoadedLibraries::Entry{lib, *digest});
    }
  }

  if (!lib->has(CH_PLUGIN_ENTRY_SYMBOL)) {
    return Outcome::invalid(who + ": " + path + " does not export " CH_PLUGIN_ENTRY_SYMBOL
                            " (is it a courthub plugin built with COURTHUB_PLUGIN?)");
  }
  auto entry = lib->get<const ch_plugin_api*(uint32_t, uint32_t)>(CH_PLUGIN_ENTRY_SYMBOL);
  const ch_plugin_api* api = entry(CH_ABI_MAJOR, CH_ABI_MINOR);
  if (!api) {
    return Outcome::failure(Status::Unsupported,
                            who + ": " + path + " refused host plugin ABI " +
                                std::to_string(CH_ABI_MAJOR) + "." +
                                std::to_string(CH_ABI_MINOR));
  }
  Outcome abi = check_abi(who + " (" + path + ")", api->abi_major, api->abi_minor);
  if (!abi.ok()) return abi;
  if (api->struct_size < required_table_size(api->abi_minor)) {
    return Outcome::invalid(who + ": " + path + " has a plugin table of " +
                            std::to_string(api->struct_size) + " bytes, smaller than ABI " +
                            std::to_string(api->abi_major) + "." +
                            std::to_string(api->abi_minor) + " requires");
  }
  for (auto* fn : {(void*)api->name, (void*)api->version, (void*)api->flags, (void*)api->create,
                   (void*)api->destroy, (void*)api->last_error, (void*)api->configure,
                   (void*)api->activate}) {
    if (!fn) return Outcome::invalid(who + ": " + path + " leaves a required function NULL");
  }

  auto out = std::make_shared<PluginLibrary>();
  out->path = path;
  out->api = api;
  out->name = to_string(api->name());
  out->version = to_string(api->version());
  out->description = api->description ? to_string(api->description()) : std::string();
  out->flags = api->flags();
  out->abi_major = api->abi_major;
  out->abi_minor = api->abi_minor;
  out->sha256 = *digest;
  if (!expected_name.empty() && out->name != expected_name) {
    return Outcome::invalid(who + ": " + path + " calls itself '" + out->name +
                            "'; the file name, the configured name and the plugin id must agree");
  }
  return std::shared_ptr<const PluginLibrary>(std::move(out));
}

}  // namespace courthub::plugins
