// SPDX-License-Identifier: Apache-2.0
// The live directory: persisted in the host database, served as an immutable Snapshot.
//
// The seed files are imported when they change; contact events (issue: the DingTalk channel)
// then edit people and departments. Each change writes the database first, then swaps in a
// rebuilt Snapshot, so a reader never sees a half-applied change and a restart loses nothing.
// Each change also gives the directory a new version (host_meta 'directory.version'): a host
// sharing the database with others (PostgreSQL) calls refresh() now and then to pick up what
// they changed.
// Threading: snapshot() from any thread; changes are serialised internally.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/directory/model.hpp"
#include "host/directory/snapshot.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/time/clock.hpp"

namespace courthub::directory {

class Directory {
 public:
  // `clock` stamps each change; it must outlive the directory.
  Directory(storage::Database& host_db, const time::Clock& clock) : db_(host_db), clock_(clock) {}

  // Imports the seed when its files differ from the last import (seed rows are replaced, rows
  // that came from DingTalk events are kept), then loads everything into a Snapshot.
  // Errors: the seed's own errors (file:line), or the database's.
  Outcome load(const std::vector<std::string>& seed_files);

  std::shared_ptr<const Snapshot> snapshot() const;

  // Rebuilds the snapshot if the directory's version is not the one it was built from (another
  // host sharing the database changed it). Any thread. Errors: the database's (the snapshot
  // stays as it was).
  Outcome refresh();

  // Contact changes. Each is durable when it returns.
  Outcome upsert_person(const Person& person);
  Outcome deactivate_person(const std::string& user_id);
  Outcome upsert_department(const Department& department);
  Outcome remove_department(int64_t id);

 private:
  Outcome import_seed(const Seed& seed, const std::string& digest);
  Expected<Seed> read_database();
  Outcome reload();
  // Runs `write` and a new version in one transaction, then reloads.
  Outcome change(const std::function<Outcome(storage::Transaction&)>& write);

  storage::Database& db_;
  const time::Clock& clock_;
  mutable std::mutex mu_;  // guards snapshot_ and serialises changes
  std::shared_ptr<const Snapshot> snapshot_ = Snapshot::build(Seed{});
  std::string version_;  // of the database the snapshot was built from; guarded by mu_
  std::mutex reload_mu_;  // serialises reload(): reads and installs in one order
};

}  // namespace courthub::directory
