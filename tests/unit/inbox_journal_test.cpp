// SPDX-License-Identifier: Apache-2.0
// The inbox journal on real files: durability across a reopen, torn and damaged records,
// segment rotation and recycling; and the inbox on top of it: duplicates recognised while an
// event is only in the journal, recovery after a crash, many writers at once.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "host/jobs/inbox.hpp"
#include "host/time/clock.hpp"
#include "host/jobs/inbox_journal.hpp"
#include "host/storage/host_schema.hpp"
#include "host/storage/migrations.hpp"
#include "host/storage/sqlite_database.hpp"

namespace courthub::jobs {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& file, const std::string& data) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << data;
}

class JournalDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "courthub-journal-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<InboxJournal> open(uint64_t segment_bytes = 1u << 20) {
    auto j = InboxJournal::open(dir_ + "/journal", true, segment_bytes);
    EXPECT_TRUE(j.ok()) << j.outcome().message();
    return j ? std::move(*j) : nullptr;
  }
  static InboxJournal::Entry entry(int64_t id, const std::string& payload = "{\"x\":1}") {
    return InboxJournal::Entry{
        id, 1000 + id, "dingtalk", "user_add_org", "key-" + std::to_string(id), payload};
  }
  static void append(InboxJournal& j, int64_t id, const std::string& payload = "{\"x\":1}") {
    auto ticket = j.enqueue(entry(id, payload));
    ASSERT_TRUE(j.wait(ticket).ok());
  }
  std::vector<std::string> segment_files() const {
    std::vector<std::string> out;
    for (auto& f : fs::directory_iterator(dir_ + "/journal")) out.push_back(f.path().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string dir_;
};

TEST_F(JournalDir, WhatWasWaitedForIsThereAfterAReopen) {
  {
    auto j = open();
    for (int64_t id = 1; id <= 3; ++id) append(*j, id);
    EXPECT_EQ(j->groups() >= 1, true);
    EXPECT_EQ(j->written(), 3u);
  }
  auto j = open();
  auto entries = j->take(0, 100);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(j->max_recovered_id(), 3);
  for (int64_t i = 0; i < 3; ++i) {
    const auto& e = entries[i].second;
    EXPECT_EQ(e.id, i + 1);
    EXPECT_EQ(e.received_ms, 1001 + i);
    EXPECT_EQ(e.source, "dingtalk");
    EXPECT_EQ(e.topic, "user_add_org");
    EXPECT_EQ(e.dedup_key, "key-" + std::to_string(i + 1));
    EXPECT_EQ(e.payload, "{\"x\":1}");
  }
  // take() starts after the given sequence number.
  EXPECT_EQ(j->take(entries[0].first, 100).size(), 2u);
}

TEST_F(JournalDir, ADamagedRecordEndsItsSegmentAndNothingBeforeItIsLost) {
  std::string file;
  {
    auto j = open();
    for (int64_t id = 1; id <= 3; ++id) append(*j, id, "payload-" + std::to_string(id));
    file = segment_files().back();
  }
  // Flip a byte inside the third record's payload: its CRC no longer matches.
  std::string data = read_bytes(file);
  size_t at = data.find("payload-3");
  ASSERT_NE(at, std::string::npos);
  data[at] = 'P';
  write_bytes(file, data);
  auto j = open();
  auto entries = j->take(0, 100);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].second.payload, "payload-2");
}

TEST_F(JournalDir, ARecordCutShortIsSkipped) {
  std::string file;
  {
    auto j = open();
    append(*j, 1);
    append(*j, 2, std::string(500, 'z'));
    file = segment_files().back();
  }
  // Zero the last 100 bytes of the second record, as if its write had been cut short.
  std::string data = read_bytes(file);
  size_t end = data.rfind('z');
  ASSERT_NE(end, std::string::npos);
  std::fill(data.begin() + static_cast<long>(end) - 99, data.begin() + static_cast<long>(end) + 1,
            '\0');
  write_bytes(file, data);
  auto j = open();
  auto entries = j->take(0, 100);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].second.id, 1);
}

TEST_F(JournalDir, SegmentsRotateAndReleasedOnesAreRecycledNotReplayed) {
  const uint64_t kSegment = 4096;
  uint64_t last = 0;
  {
    auto j = open(kSegment);
    for (int64_t id = 1; id <= 60; ++id) append(*j, id, std::string(200, 'a'));
    EXPECT_GT(segment_files().size(), 3u);  // 60 records of ~270 bytes in 4 KiB segments
    auto all = j->take(0, 1000);
    ASSERT_EQ(all.size(), 60u);
    last = all.back().first;
    j->release(last);
    ASSERT_TRUE(j->prepare_segment().ok());  // takes the recycled segment
    // Released segments are gone except the one being written and one kept for reuse.
    EXPECT_LE(segment_files().size(), 3u);
    for (int64_t id = 61; id <= 90; ++id) append(*j, id, std::string(200, 'b'));
  }
  auto j = open(kSegment);
  std::set<int64_t> ids;
  for (auto& [seq, e] : j->take(0, 1000)) ids.insert(e.id);
  // Everything after the release is there; of the released entries at most those that shared
  // the segment then being written come back (the inbox ignores them: they are moved already).
  for (int64_t id = 61; id <= 90; ++id) EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_LT(ids.size(), 60u);
  EXPECT_EQ(j->max_recovered_id(), 90);
}

TEST_F(JournalDir, ManyWritersShareSyncs) {
  auto j = open();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto ticket = j->enqueue(entry(t * 1000 + i));
        if (!j->wait(ticket).ok()) failures++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(j->written(), 1600u);
  EXPECT_EQ(j->take(0, 10000).size(), 1600u);
  EXPECT_LE(j->groups(), 1600u);
}

class InboxOnJournal : public JournalDir {
 protected:
  void SetUp() override {
    JournalDir::SetUp();
    db_ = std::move(*storage::open_sqlite(dir_ + "/host.db", {}));
    ASSERT_TRUE(storage::migrate(*db_, storage::host_migrations()).ok());
  }
  void TearDown() override {
    db_.reset();
    JournalDir::TearDown();
  }
  std::unique_ptr<Inbox> open_inbox() {
    InboxPolicy policy;
    policy.journal_segment_bytes = 64u << 10;
    auto inbox = Inbox::open(
        *db_, dir_ + "/journal", true, time::system_clock(),
        [](const std::string&) { return std::vector<std::string>{"p"}; }, policy);
    EXPECT_TRUE(inbox.ok()) << inbox.outcome().message();
    return inbox ? std::move(*inbox) : nullptr;
  }
  int64_t table_rows() {
    int64_t n = -1;
    EXPECT_TRUE(db_->query("SELECT COUNT(*) FROM inbox", {},
                           [&](const ch_str*, const ch_value* v, size_t) {
                             n = storage::int_of(v[0]);
                             return Outcome::success();
                           })
                    .ok());
    return n;
  }
  std::unique_ptr<storage::Database> db_;
};

TEST_F(InboxOnJournal, ADuplicateIsRecognisedWhileTheFirstIsOnlyInTheJournal) {
  auto inbox = open_inbox();  // not started: nothing moves the journal
  auto first = inbox->store("dingtalk", "t", "k1", "{}");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(table_rows(), 0);
  auto again = inbox->store("dingtalk", "t", "k1", "{}");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->id, first->id);
  // And once it has moved.
  ASSERT_TRUE(inbox->flush().ok());
  EXPECT_EQ(table_rows(), 1);
  auto third = inbox->store("dingtalk", "t", "k1", "{}");
  EXPECT_TRUE(third->duplicate);
  EXPECT_EQ(third->id, first->id);
}

TEST_F(InboxOnJournal, StoredEventsSurviveACrashBeforeTheyMoveAndAreDeliveredOnce) {
  std::vector<int64_t> ids;
  {
    auto inbox = open_inbox();  // never started, never stopped: like a process killed
    for (int i = 0; i < 5; ++i)
      ids.push_back(inbox->store("dingtalk", "t", "k" + std::to_string(i), "{}")->id);
    EXPECT_EQ(table_rows(), 0);
  }
  auto inbox = open_inbox();
  // Before any move, a redelivery is still a duplicate of the journalled event.
  auto again = inbox->store("dingtalk", "t", "k3", "{}");
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->id, ids[3]);
  // New events get ids above the recovered ones.
  auto fresh = inbox->store("dingtalk", "t", "new", "{}");
  EXPECT_FALSE(fresh->duplicate);
  EXPECT_GT(fresh->id, ids.back());
  std::map<int64_t, int> delivered;
  inbox->deliver_due([&](const std::string&, const InboxEvent& e) {
    delivered[e.id]++;
    return HandleResult{Handled::Done, ""};
  });
  EXPECT_EQ(delivered.size(), 6u);
  for (auto& [id, n] : delivered) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(*inbox->event_count(), 6);
}

TEST_F(InboxOnJournal, ReplayingAJournalThatWasAlreadyMovedChangesNothing) {
  {
    auto inbox = open_inbox();
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(inbox->store("dingtalk", "t", "k" + std::to_string(i), "{}").ok());
    // Moved into the tables, but the journal's segment is still there (as after a crash
    // between the move and the segment's release).
    ASSERT_TRUE(inbox->deliver_due([](const std::string&, const InboxEvent&) {
      return HandleResult{Handled::Done, ""};
    }) == 3);
  }
  auto inbox = open_inbox();
  int calls = 0;
  inbox->deliver_due([&](const std::string&, const InboxEvent&) {
    ++calls;
    return HandleResult{Handled::Done, ""};
  });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(table_rows(), 3);
}

TEST_F(InboxOnJournal, ConcurrentStoresOfOverlappingKeysStoreEachKeyOnce) {
  auto inbox = open_inbox();
  std::atomic<int> handled{0};
  inbox->start([&](const std::string&, const InboxEvent&) {
    handled++;
    return HandleResult{Handled::Done, ""};
  });
  std::mutex mu;
  std::map<std::string, std::set<int64_t>> ids;  // key -> ids answered
  std::map<std::string, int> fresh;              // key -> answers that were not duplicates
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t * 13) % 400);
        auto s = inbox->store("dingtalk", "t", key, "{}");
        ASSERT_TRUE(s.ok());
        std::lock_guard lock(mu);
        ids[key].insert(s->id);
        if (!s->duplicate) fresh[key]++;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (auto& [key, set] : ids) {
    EXPECT_EQ(set.size(), 1u) << key;
    EXPECT_EQ(fresh[key], 1) << key;
  }
  EXPECT_EQ(*inbox->event_count(), static_cast<int64_t>(ids.size()));
  ASSERT_TRUE(inbox->flush().ok());
  for (int i = 0; i < 200 && handled.load() < static_cast<int>(ids.size()); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(handled.load(), static_cast<int>(ids.size()));
  inbox->stop();
}

}  // namespace
}  // namespace courthub::jobs
