// SPDX-License-Identifier: Apache-2.0
// Online backup and checks of SQLite files, outside the Database interface (whole files).
#include "host/storage/online_backup.hpp"

#include <sqlite3.h>

#include <memory>

namespace courthub::storage {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

// Opens an existing file (`create` false) or a new one; WAL readers need write access to the
// -shm file, so the source is opened read-write too, and only read.
Expected<Handle> open_file(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle db(raw);
  if (rc != SQLITE_OK) {
    return Outcome::error("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, 10'000);
  return db;
}

}  // namespace

Outcome backup_database(const std::string& from, const std::string& to) {
  auto source = open_file(from, false);
  if (!source) return source.outcome();
  auto target = open_file(to, true);
  if (!target) return target.outcome();
  sqlite3_backup* backup = sqlite3_backup_init(target->get(), "main", source->get(), "main");
  if (!backup) return Outcome::error("cannot back up " + from + ": " + sqlite3_errmsg(target->get()));
  int rc = SQLITE_OK;
  // All pages in one step: one read transaction, so one snapshot. BUSY/LOCKED only while
  // another connection holds a lock we must wait for; retry.
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Outcome::error("cannot back up " + from + " to " + to + ": " + sqlite3_errstr(rc));
  }
  return Outcome::success();
}

Outcome run_script(const std::string& path, const std::string& sql) {
  auto db = open_file(path, false);
  if (!db) return db.outcome();
  char* error = nullptr;
  if (sqlite3_exec(db->get(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = path + ": " + (error ? error : "unknown error");
    sqlite3_free(error);
    return Outcome::error(message);
  }
  return Outcome::success();
}

Expected<std::string> integrity_check(const std::string& path) {
  auto db = open_file(path, false);
  if (!db) return db.outcome();
  std::string result;
  auto collect = [](void* out, int, char** values, char**) {
    auto* text = static_cast<std::string*>(out);
    if (!text->empty()) *text += '\n';
    *text += values[0] ? values[0] : "";
    return 0;
  };
  char* error = nullptr;
  if (sqlite3_exec(db->get(), "PRAGMA integrity_check", collect, &result, &error) != SQLITE_OK) {
    std::string message = path + ": " + (error ? error : "unknown error");
    sqlite3_free(error);
    return Outcome::error(message);
  }
  return result;
}

}  // namespace courthub::storage
