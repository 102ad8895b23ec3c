// SPDX-License-Identifier: Apache-2.0
// Reads the host's YAML file into a validated Config, reporting every problem with file:line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "host/config/bundled_paths.hpp"
#include "host/config/config.hpp"
#include "host/config/env_expansion.hpp"

namespace courthub::config {

// One problem in the file. Messages never contain the value of a secret.
struct ConfigIssue {
  Location where;
  std::string key;      // full key path: "server.threads", "plugins[2].sha256"; "" for the file
  std::string message;  // what was expected and what was found
  // Set when the problem only concerns that plugin's library (not found): `serve` can then
  // start the others and show this one in the error state.
  std::string plugin;

  // "file:line: key: message" (the line and the key are left out when unknown).
  std::string to_string() const {
    std::string out = where.to_string() + ": ";
    if (!key.empty()) out += key + ": ";
    return out + message;
  }
};

struct LoadResult {
  std::optional<Config> config;     // set only when `errors` is empty
  std::vector<ConfigIssue> errors;  // in file order
  std::vector<ConfigIssue> warnings;
  bool ok() const { return errors.empty() && config.has_value(); }
  // The host can still start: every error concerns one plugin's library only (then `config`
  // is set too, with those plugins' `file` empty or pointing where the file was expected).
  bool servable() const {
    if (!config) return false;
    for (auto& e : errors)
      if (e.plugin.empty()) return false;
    return true;
  }
};

// Loads `path` (docs/configuration.md describes the keys): reads the YAML, expands ${VAR} in
// every scalar with `env` (by default the process environment plus the running binary's bundled
// paths: bundled_paths.hpp), types and range-checks each value, resolves relative paths against
// the file's directory and finds each plugin's .so.
//
// Thread-safety: reentrant; reads the file system and calls `env` on the calling thread.
// Errors: never throws. Unreadable files, YAML syntax errors, unknown keys, wrong types,
// out-of-range and missing values all become `errors`, as many as the file has; secrets written
// literally, missing search directories and unfound disabled plugins become `warnings`.
LoadResult load_config(const std::string& path, const Env& env = host_env());

// The work-calendar files the package ships: every *.yaml in ${COURTHUB_SHARE}/calendar (the
// running binary's data folder, bundled_paths.hpp), else in kCalendarDir
// (<datadir>/courthub/calendar), sorted by name; empty when neither exists.
// The default of `calendar.files`. No errors.
std::vector<std::string> shipped_calendar_files();

}  // namespace courthub::config
