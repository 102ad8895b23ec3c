// SPDX-License-Identifier: Apache-2.0
// Loading a plugin shared library: pin check, dlopen through Boost.DLL, the ABI handshake.
//
// Libraries are never unloaded while the host runs: a plugin's code may still be on a stack,
// or referenced by objects it created, long after it was disabled (DESIGN.md). Loading the
// same path twice returns the same library.
// Threading: load_plugin_library may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "courthub/plugin_abi.h"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::plugins {

class RemotePlugin;  // remote_plugin.hpp

struct PluginLibrary {
  std::string path;         // as loaded (absolute)
  const ch_plugin_api* api = nullptr;
  std::string name;         // the plugin id it reports
  std::string version;
  std::string description;
  uint64_t flags = 0;
  uint32_t abi_major = 0;
  uint32_t abi_minor = 0;
  std::string sha256;       // of the file when it was loaded
  // Set when the plugin runs in a runner process (`isolation: process`): `api` then forwards
  // every call to it (remote_plugin.hpp).
  std::shared_ptr<RemotePlugin> remote;

  bool thread_safe() const { return (flags & CH_PLUGIN_THREAD_SAFE) != 0; }
  bool portable_sql() const { return (flags & CH_PLUGIN_PORTABLE_SQL) != 0; }
  std::string abi() const { return std::to_string(abi_major) + "." + std::to_string(abi_minor); }
};

// Loads `path` for the plugin named `expected_name` ("" = accept any name, as
// `courthub plugin check` does). When `pinned_sha256` is set, the file's digest is checked before
// dlopen: loading runs the library's static initialisers, so a tampered file must never get
// that far. Every refusal is one line naming the plugin and the file, and what to do.
Expected<std::shared_ptr<const PluginLibrary>> load_plugin_library(
    const std::string& path, const std::string& expected_name, const std::string& pinned_sha256);

// Lowercase hex SHA-256 of a file; NotFound when it cannot be read.
Expected<std::string> sha256_of_file(const std::string& path);

// Whether `library` may keep its database on `dialect`: on PostgreSQL only a plugin that
// declares portable SQL (CH_PLUGIN_PORTABLE_SQL) may. The refusal is one line naming the plugin
// and its file, and what to do.
Outcome check_dialect(const PluginLibrary& library, storage::Dialect dialect);

// Whether a plugin built for `plugin_major.plugin_minor` can be used by this host; if not,
// the message says which side is older and what to do.
Outcome check_abi(const std::string& who, uint32_t plugin_major, uint32_t plugin_minor);

}  // namespace courthub::plugins
