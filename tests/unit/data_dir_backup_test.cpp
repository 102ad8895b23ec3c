// SPDX-License-Identifier: Apache-2.0
// back_up_data_dir with the source written between its snapshots, as a running host would: a
// delivery finished after the first snapshot of courthub.db is pending again in the copy (the
// plugin's copy may predate it), one finished before stays done, and a message queued meanwhile
// is in the copy.
#include "host/data_dir_backup.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "host/storage/host_schema.hpp"
#include "host/storage/migrations.hpp"
#include "host/storage/online_backup.hpp"
#include "host/storage/sqlite_database.hpp"

namespace courthub {
namespace {

namespace fs = std::filesystem;

class DataDirBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "courthub-backup-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    data_ = dir_ / "data";
    fs::create_directories(data_ / "plugins" / "rooms");
    fs::create_directories(data_ / "inbox-journal");
    std::ofstream(data_ / "inbox-journal" / "1.journal") << "journal bytes";
    std::ofstream(data_ / "plugins" / "rooms" / "upload.txt") << "a plugin's file";
    std::ofstream(data_ / "courthub.lock") << "";
    host_ = std::move(*storage::open_sqlite((data_ / "courthub.db").string(), {}));
    ASSERT_TRUE(storage::migrate(*host_, storage::host_migrations()).ok());
    plugin_ = std::move(*storage::open_sqlite((data_ / "plugins" / "rooms.db").string(), {}));
    ASSERT_TRUE(plugin_->transaction([](storage::Transaction& t) {
      return t.script("CREATE TABLE bookings (id INTEGER PRIMARY KEY); INSERT INTO bookings VALUES (1)");
    }).ok());
    ASSERT_TRUE(host_->transaction([](storage::Transaction& t) {
      return t.script(
          "INSERT INTO inbox VALUES (1, 'dingtalk', 'x', 'k1', '{}', 0), (2, 'dingtalk', 'x', 'k2', '{}', 0);"
          "INSERT INTO inbox_deliveries(event_id, subscriber, state, next_ms, done_ms) VALUES "
          "(1, 'rooms', 'done', 0, 5), (2, 'rooms', 'pending', 0, NULL);");
    }).ok());
  }
  void TearDown() override {
    host_.reset();
    plugin_.reset();
    fs::remove_all(dir_);
  }
  std::string state_of(const fs::path& db, int event_id) {
    auto copy = storage::open_sqlite(db.string(), {});
    std::string state;
    ch_value id[] = {storage::int_value(event_id)};
    (void)(*copy)->query("SELECT state FROM inbox_deliveries WHERE event_id = ?", id,
                         [&](const ch_str*, const ch_value* v, size_t) {
                           state = std::string(storage::text_of(v[0]));
                           return Outcome::success();
                         });
    return state;
  }

  fs::path dir_, data_;
  std::unique_ptr<storage::Database> host_, plugin_;
};

TEST_F(DataDirBackup, DeliveriesDoneDuringTheCopyArePendingAgainAndQueuedMessagesAreKept) {
  const fs::path out = dir_ / "copy";
  std::vector<fs::path> databases;
  Outcome o = back_up_data_dir(data_, out, databases, [&] {
    // Between the snapshots: event 2 is delivered and a plugin's message is queued.
    ASSERT_TRUE(host_->query("UPDATE inbox_deliveries SET state = 'done', done_ms = 9 "
                             "WHERE event_id = 2", {}).ok());
    ASSERT_TRUE(host_->query("INSERT INTO outbox(plugin, channel, target, message, state, "
                             "next_ms, created_ms) VALUES ('rooms', 'dingtalk', 'u', '{}', "
                             "'pending', 0, 0)", {}).ok());
  });
  ASSERT_TRUE(o.ok()) << o.message();
  ASSERT_EQ(databases.size(), 2u);
  EXPECT_EQ(databases[0], out / "courthub.db");
  EXPECT_EQ(state_of(out / "courthub.db", 1), "done");
  EXPECT_EQ(state_of(out / "courthub.db", 2), "pending");
  EXPECT_EQ(state_of(data_ / "courthub.db", 2), "done");  // the source is untouched
  int64_t queued = 0;
  auto copy = storage::open_sqlite((out / "courthub.db").string(), {});
  (void)(*copy)->query("SELECT COUNT(*) FROM outbox", {}, [&](const ch_str*, const ch_value* v, size_t) {
    queued = storage::int_of(v[0]);
    return Outcome::success();
  });
  EXPECT_EQ(queued, 1);
  copy->reset();
  for (auto& db : databases) EXPECT_EQ(*storage::integrity_check(db.string()), "ok") << db;
  EXPECT_TRUE(fs::exists(out / "plugins" / "rooms.db"));
  EXPECT_TRUE(fs::exists(out / "plugins" / "rooms" / "upload.txt"));
  EXPECT_TRUE(fs::exists(out / "inbox-journal" / "1.journal"));
  EXPECT_FALSE(fs::exists(out / "courthub.lock"));
  EXPECT_FALSE(fs::exists(out / ".courthub-before-plugins.db"));

  Json manifest = backup_manifest(out, data_, 1, 2);
  std::vector<std::string> paths;
  for (auto& f : manifest["files"]) paths.push_back(f["path"].get<std::string>());
  EXPECT_EQ(paths, (std::vector<std::string>{"courthub.db", "inbox-journal/1.journal",
                                             "plugins/rooms/upload.txt", "plugins/rooms.db"}));
}

TEST_F(DataDirBackup, AFolderWithoutAHostDatabaseIsRefused) {
  std::vector<fs::path> databases;
  Outcome o = back_up_data_dir(dir_ / "nothing", dir_ / "copy", databases);
  EXPECT_EQ(o.code(), Status::NotFound);
}

}  // namespace
}  // namespace courthub
