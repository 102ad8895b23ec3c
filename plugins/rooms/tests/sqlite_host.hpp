// SPDX-License-Identifier: Apache-2.0
// A host-services table for unit tests, backed by this thread's own SQLite connection to a
// database file. Several SqliteHosts on one file are several independent connections, as
// several host processes would be: the booking store's atomicity then rests on SQLite's own
// locking (BEGIN IMMEDIATE), not on the host's in-process writer mutex.
//
// The directory knows anyone whose userid starts with "u" (court "T"); the outbox and publish
// accept everything; no other plugin is active.
#pragma once

#include <memory>
#include <string>

#include <courthub/host.hpp>

namespace rooms::testing {

class SqliteHost {
 public:
  // Opens `path` (WAL, busy timeout 20 s) and, if `migrate`, applies the plugin's migrations.
  explicit SqliteHost(const std::string& path, bool migrate = true);
  ~SqliteHost();
  SqliteHost(const SqliteHost&) = delete;
  SqliteHost& operator=(const SqliteHost&) = delete;

  courthub::Host& host() { return *host_; }
  courthub::Database& db() { return host_->db(); }

  struct State;

 private:
  std::unique_ptr<State> state_;
  std::unique_ptr<courthub::Host> host_;
};

// A fresh temporary directory's path for a database file, removed by the destructor.
class TempDatabase {
 public:
  TempDatabase();
  ~TempDatabase();
  const std::string& path() const { return file_; }

 private:
  std::string dir_;
  std::string file_;
};

}  // namespace rooms::testing
