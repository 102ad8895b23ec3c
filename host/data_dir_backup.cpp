// SPDX-License-Identifier: Apache-2.0
// back_up_data_dir: the copies, in the order that keeps them consistent (data_dir_backup.hpp).
#include "host/data_dir_backup.hpp"

#include <algorithm>

#include "host/plugins/plugin_library.hpp"
#include "host/storage/online_backup.hpp"
#include "host/version.hpp"

namespace courthub {
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

}  // namespace

Outcome back_up_data_dir(const fs::path& data, const fs::path& out,
                         std::vector<fs::path>& databases,
                         const std::function<void()>& between_snapshots) {
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
  if (between_snapshots) between_snapshots();
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

Json backup_manifest(const fs::path& out, const fs::path& data, int64_t started_ms,
                     int64_t done_ms) {
  Json files = Json::array();
  std::vector<fs::path> paths;
  for (auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file() && e.path().filename() != "manifest.json" && !is_runtime_file(e.path()))
      paths.push_back(e.path());
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

}  // namespace courthub
