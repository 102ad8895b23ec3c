// SPDX-License-Identifier: Apache-2.0
// `courthub backup DIR`: a consistent copy of a data directory while its host keeps serving
// (host/data_dir_backup.hpp does the copying), checked, with a manifest.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "host/cli/verbs.hpp"
#include "host/config/config_loader.hpp"
#include "host/data_dir_backup.hpp"
#include "host/storage/online_backup.hpp"

namespace courthub::cli {
namespace {

namespace fs = std::filesystem;

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int backup(const Args& args) {
  std::string config_path = default_config_path();
  std::string data_dir, out_dir;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--config" || args[i] == "--data-dir") && i + 1 < args.size()) {
      (args[i] == "--config" ? config_path : data_dir) = args[i + 1];
      ++i;
    } else if (!args[i].empty() && args[i][0] != '-' && out_dir.empty()) {
      out_dir = args[i];
    } else {
      out_dir.clear();
      break;
    }
  }
  if (out_dir.empty()) {
    std::fprintf(stderr, "usage: courthub backup DIR [--config FILE | --data-dir DATA]\n");
    return 2;
  }
  if (data_dir.empty()) {
    auto loaded = config::load_config(config_path);
    if (!loaded.ok()) {
      for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
      std::fprintf(stderr, "courthub backup: cannot read the data directory from %s; name it with "
                           "--data-dir\n", config_path.c_str());
      return 2;
    }
    if (loaded.config->storage.backend == config::StorageConfig::Backend::kPostgres) {
      // The data directory then holds no database: copying it would look like a backup and
      // restore nothing.
      std::fprintf(stderr,
                   "courthub backup: %s keeps the databases in PostgreSQL (storage.backend: "
                   "postgres); back them up with pg_dump or pg_basebackup (docs/operations.md)\n",
                   config_path.c_str());
      return 2;
    }
    data_dir = loaded.config->storage.data_dir;
  }
  std::error_code ec;
  if (fs::exists(out_dir) && !fs::is_empty(out_dir, ec)) {
    std::fprintf(stderr, "courthub backup: %s is not empty; name a new folder\n", out_dir.c_str());
    return 2;
  }
  const int64_t started = wall_ms();
  std::vector<fs::path> databases;
  if (Outcome o = back_up_data_dir(data_dir, out_dir, databases); !o) {
    std::fprintf(stderr, "courthub backup: %s\n", o.message().c_str());
    return 1;
  }
  for (auto& db : databases) {
    auto check = storage::integrity_check(db.string());
    if (!check || *check != "ok") {
      std::fprintf(stderr, "courthub backup: the copy %s fails its integrity check: %s\n",
                   db.string().c_str(), check ? check->c_str() : check.outcome().message().c_str());
      return 1;
    }
  }
  Json manifest = backup_manifest(out_dir, data_dir, started, wall_ms());
  std::ofstream(fs::path(out_dir) / "manifest.json") << manifest.dump(2) << "\n";
  std::printf("backed up %s to %s: %zu files, %zu databases (integrity ok), %lld ms\n",
              data_dir.c_str(), out_dir.c_str(), manifest["files"].size(), databases.size(),
              static_cast<long long>(wall_ms() - started));
  return 0;
}

}  // namespace courthub::cli
