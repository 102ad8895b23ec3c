// SPDX-License-Identifier: Apache-2.0
// `courthub backup DIR`: a consistent copy of a data directory while its host keeps serving.
//
// The host holds courthub.lock; this verb never takes it. Each database is copied with SQLite's
// online backup (one snapshot each); the order makes the set consistent where the databases
// depend on each other (docs/operations.md "Backup and restore"):
//   1. the inbox journal (events acknowledged and not yet moved into courthub.db): an event
//      acknowledged before the backup began is in this copy or, moved since, in courthub.db;
//   2. courthub.db, a first snapshot: which event deliveries were done before step 3;
//   3. each plugin's database and private folder;
//   4. courthub.db again, the copy kept: every effect a plugin forwarded (and deleted from its
//      own database) before step 3 is in it. A delivery it records as done that was not done in
//      snapshot 2 is set back to pending: the plugin's copy may predate it, so it is delivered
//      again after a restore, under the same event id (at least once, never lost).
// Then PRAGMA integrity_check on every copy, and manifest.json (files, sizes, sha256, time).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "courthub/json.hpp"
#include "host/cli/verbs.hpp"
#include "host/config/config_loader.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/storage/online_backup.hpp"
#include "host/version.hpp"

namespace courthub::cli {
namespace {

namespace fs = std::filesystem;

// The files of a data directory that are not data: the running host's lock and address, and
// SQLite's side files (the backup API reads the WAL itself).
bool is_runtime_file(const fs::path& p) {
  const std::string name = p.filename().string();
  auto ends_with = [&](std::string_view s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return name == "courthub.lock" || name == "courthub.addr" || ends_with("-wal") ||
         ends_with("-shm") || ends_with("-journal");
}

Outcome copy_folder(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Outcome::error("cannot create " + to.string() + ": " + ec.message());
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    fs::path rel = fs::relative(it->path(), from);
    if (it->is_directory()) {
      fs::create_directories(to / rel, ec);
    } else if (it->is_regular_file() && !is_runtime_file(it->path())) {
      fs::copy_file(it->path(), to / rel, fs::copy_options::overwrite_existing, ec);
      if (ec && !fs::exists(it->path())) ec.clear();  // released meanwhile (a journal segment)
    }
    if (ec) break;
  }
  if (ec) return Outcome::error("cannot copy " + from.string() + ": " + ec.message());
  return Outcome::success();
}

// Deliveries done in the final copy but not in the first snapshot go back to pending.
constexpr const char* kRedeliverSql = R"sql(
ATTACH DATABASE ? AS before;
UPDATE inbox_deliveries SET state = 'pending', next_ms = 0, done_ms = NULL
 WHERE state = 'done' AND NOT EXISTS (
   SELECT 1 FROM before.inbox_deliveries b
    WHERE b.event_id = inbox_deliveries.event_id AND b.subscriber = inbox_deliveries.subscriber
      AND b.state = 'done');
DETACH DATABASE before;
)sql";

std::string sql_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

Outcome take_backup(const fs::path& data, const fs::path& out, std::vector<fs::path>& databases) {
  std::error_code ec;
  if (!fs::exists(data / "courthub.db")) {
    return Outcome::not_found("no courthub.db in " + data.string() + ": not a data directory");
  }
  fs::create_directories(out / "plugins", ec);
  if (ec) return Outcome::error("cannot create " + out.string() + ": " + ec.message());

  // 1. The journal.
  if (fs::exists(data / "inbox-journal")) {
    if (Outcome o = copy_folder(data / "inbox-journal", out / "inbox-journal"); !o) return o;
  }
  // 2. What was delivered before the plugins' copies.
  const fs::path before = out / ".courthub-before-plugins.db";
  if (Outcome o = storage::backup_database((data / "courthub.db").string(), before.string()); !o)
    return o;
  // 3. The plugins.
  if (fs::exists(data / "plugins")) {
    for (auto& entry : fs::directory_iterator(data / "plugins", ec)) {
      const fs::path& p = entry.path();
      if (entry.is_regular_file() && p.extension() == ".db") {
        if (Outcome o = storage::backup_database(p.string(), (out / "plugins" / p.filename()).string()); !o)
          return o;
        databases.push_back(out / "plugins" / p.filename());
      } else if (entry.is_directory()) {
        if (Outcome o = copy_folder(p, out / "plugins" / p.filename()); !o) return o;
      }
    }
    if (ec) return Outcome::error("cannot list " + (data / "plugins").string() + ": " + ec.message());
  }
  // 4. The host database, reconciled with snapshot 2.
  const fs::path host = out / "courthub.db";
  if (Outcome o = storage::backup_database((data / "courthub.db").string(), host.string()); !o)
    return o;
  std::string sql = kRedeliverSql;
  sql.replace(sql.find('?'), 1, sql_quote(before.string()));
  if (Outcome o = storage::run_script(host.string(), sql); !o) return o;
  fs::remove(before, ec);
  databases.insert(databases.begin(), host);
  return Outcome::success();
}

Json manifest_of(const fs::path& out, const fs::path& data, int64_t started_ms, int64_t done_ms) {
  Json files = Json::array();
  std::vector<fs::path> paths;
  for (auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file() && e.path().filename() != "manifest.json") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (auto& p : paths) {
    auto digest = plugins::sha256_of_file(p.string());
    files.push_back(Json::object({{"path", fs::relative(p, out).string()},
                                  {"bytes", static_cast<int64_t>(fs::file_size(p))},
                                  {"sha256", digest ? *digest : std::string()}}));
  }
  return Json::object({{"courthub", kVersion},
                       {"source", fs::absolute(data).lexically_normal().string()},
                       {"started_ms", started_ms},
                       {"finished_ms", done_ms},
                       {"files", files}});
}

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
    data_dir = loaded.config->storage.data_dir;
  }
  std::error_code ec;
  if (fs::exists(out_dir) && !fs::is_empty(out_dir, ec)) {
    std::fprintf(stderr, "courthub backup: %s is not empty; name a new folder\n", out_dir.c_str());
    return 2;
  }
  const int64_t started = wall_ms();
  std::vector<fs::path> databases;
  if (Outcome o = take_backup(data_dir, out_dir, databases); !o) {
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
  Json manifest = manifest_of(out_dir, data_dir, started, wall_ms());
  std::ofstream(fs::path(out_dir) / "manifest.json") << manifest.dump(2) << "\n";
  std::printf("backed up %s to %s: %zu files, %zu databases (integrity ok), %lld ms\n",
              data_dir.c_str(), out_dir.c_str(), manifest["files"].size(), databases.size(),
              static_cast<long long>(wall_ms() - started));
  return 0;
}

}  // namespace courthub::cli
