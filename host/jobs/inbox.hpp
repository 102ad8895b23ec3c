// SPDX-License-Identifier: Apache-2.0
// The durable inbox: every inbound event is stored (de-duplicated) before it is acknowledged,
// then handed to each subscriber by a worker, with retries, backoff and a dead-letter list.
//
// On SQLite, storing appends the event to the inbox journal (inbox_journal.hpp) and returns once
// that is on disk; a mover thread then copies journalled events into the inbox tables, hundreds
// per transaction, with one pending delivery per subscriber of the topic at that moment. A
// de-duplication key is looked up in both places, so a duplicate is recognised wherever its
// first copy is, also across a restart (the journal is replayed into the tables at open).
//
// On PostgreSQL there is no journal (several hosts share the tables, and a COMMIT is durable):
// storing inserts the event and its deliveries directly, in a transaction shared with concurrent
// stores (storage::GroupCommit), and returns once it has committed. The database assigns the id
// and the unique dedup_key decides duplicates, whichever host stored the first copy
// (inbox_direct.cpp). A subscriber's deliveries are then made by one host at a time, the
// holder of its lease (inbox_lease.hpp), which gives it up when nothing of it is due.
//
// Delivery is tracked per (event, subscriber): a subscriber that fails is retried alone, the
// others are not bothered again. A subscriber sees an event once, unless the host dies between
// the handler's success and the record of it; then the event comes again under the same id, and
// a plugin whose handler committed a transaction is not called again (its delivery receipt,
// host/plugins/delivery_receipt.hpp, checked by Runtime::deliver).
//
// Each subscriber (each plugin, and '@directory') has its own delivery worker, started when it
// first has something due: it hands that subscriber its events one at a time, in the order they
// came due (next_ms, then event id), and records the outcomes, so a slow or failing subscriber
// delays only its own deliveries. The mover wakes the workers of the subscribers it queued
// deliveries for; a dispatcher thread looks every half second (and at wake()) for retries come
// due and replays, and wakes their workers.
// Threading: store/replay/lists from any thread; one mover, one dispatcher and one worker per
// subscriber.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "courthub/json.hpp"
#include "host/jobs/inbox_journal.hpp"
#include "host/jobs/inbox_lease.hpp"
#include "host/jobs/seen_keys.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/storage/group_commit.hpp"
#include "host/time/clock.hpp"

namespace courthub::jobs {

struct InboxEvent {
  int64_t id = 0;
  std::string source;  // "dingtalk" or the publishing plugin
  std::string topic;
  std::string payload;  // JSON text
  int attempt = 1;
  int64_t received_ms = 0;  // when it was stored (host clock)
};

// What a subscriber's handler answered.
enum class Handled { Done, Retry, Reject };
struct HandleResult {
  Handled outcome = Handled::Done;
  std::string error;
};

struct InboxPolicy {
  int max_attempts = 10;           // then dead-lettered
  int64_t first_backoff_ms = 1000; // doubles per attempt
  int64_t max_backoff_ms = 3600000;
  uint64_t journal_segment_bytes = InboxJournal::kSegmentBytes;
  // Without a journal (tables shared by several hosts): how long a subscriber's delivery lease
  // lasts (inbox_lease.hpp), so how soon a killed host's subscribers move to another host.
  int64_t lease_ms = 30000;
};

class Inbox {
 public:
  // Who subscribes to a topic right now (plugin names, and "@directory" for contact events).
  using Subscribers = std::function<std::vector<std::string>(const std::string& topic)>;
  using Handler = std::function<HandleResult(const std::string& subscriber, const InboxEvent&)>;

  // Opens the inbox on `db` (host schema migrated) with its journal in `journal_dir`; events
  // left in the journal by the last run are moved into the tables at start() (or at the first
  // deliver_due()). `sync_journal` false: no fdatasync (storage.synchronous: normal). An empty
  // `journal_dir`: no journal, each store commits to the tables (what PostgreSQL hosts use).
  // Errors: the journal cannot be opened or read, the tables cannot be read.
  // `clock` stamps arrivals and decides which retries are due; it must outlive the inbox.
  static Expected<std::unique_ptr<Inbox>> open(storage::Database& db,
                                               const std::string& journal_dir, bool sync_journal,
                                               const time::Clock& clock, Subscribers subscribers,
                                               InboxPolicy policy = {});
  ~Inbox() { stop(); }

  struct Stored {
    int64_t id = 0;
    bool duplicate = false;  // the dedup key was seen before; nothing new was stored
  };
  // Durable when it returns: the event is in the journal or committed to the tables (or, for a
  // duplicate, its first copy is durable). Errors: the journal write or the commit failed
  // (nothing stored), the tables cannot be read.
  Expected<Stored> store(std::string_view source, std::string_view topic,
                         std::string_view dedup_key, std::string_view payload);

  // Starts the mover and the dispatcher; subscribers' workers start as they get deliveries.
  void start(Handler handler);
  // Stops them all (a worker inside a handler first finishes it), after moving what the journal
  // holds into the tables.
  void stop();
  // Makes the dispatcher look for due deliveries now rather than at its next poll (after a test
  // clock moved, say) and wake the workers of those subscribers. Any thread; never fails.
  void wake();
  // Moves the journal into the tables, then delivers what is due now on the calling thread;
  // returns how many deliveries ran.
  size_t deliver_due(const Handler& handler);

  // Moves every durable journal entry into the tables now, so a query of the tables sees all
  // stored events (the admin views and event_count() do this themselves). Errors: the move's
  // transaction failed; the entries stay in the journal.
  Outcome flush();

  // Admin views: dead letters (newest first) and counts per state (after moving the journal).
  Expected<Json> dead_letters(int limit);
  Expected<Json> counts();
  // Puts a dead delivery back in the queue. NotFound if there is no such dead delivery.
  Outcome replay(int64_t event_id, const std::string& subscriber);
  // Deliveries not yet handled per subscriber (pending: due or backing off), with the age of the
  // oldest one's event by the host clock; for /metrics. Journal entries not yet moved into the
  // tables are not counted (they are moments old). Errors: the tables cannot be read.
  struct Backlog {
    std::string subscriber;
    int64_t pending = 0;
    int64_t oldest_age_ms = 0;
  };
  Expected<std::vector<Backlog>> backlog();
  // Events stored (any state, journal included), for checks after a benchmark.
  Expected<int64_t> event_count();
  // Journal groups written (each one write and one sync) and events in them, for metrics;
  // without a journal, the transactions that stored events and the stores they carried.
  uint64_t journal_groups() const { return journal_ ? journal_->groups() : direct_->commits(); }
  uint64_t journal_events() const { return journal_ ? journal_->written() : direct_->writes(); }

 private:
  Inbox(storage::Database& db, std::unique_ptr<InboxJournal> journal, const time::Clock& clock,
        Subscribers subscribers, InboxPolicy policy)
      : db_(db), journal_(std::move(journal)), clock_(clock), subscribers_(std::move(subscribers)),
        policy_(policy) {}
  // One pending delivery of `event_id` per subscriber, due now.
  static Outcome queue_deliveries(storage::Transaction& txn, int64_t event_id,
                                  const std::vector<std::string>& subscribers, int64_t now_ms);
  // store() without a journal: inserts the event and its deliveries (inbox_direct.cpp).
  Expected<Stored> store_direct(std::string_view source, std::string_view topic,
                                std::string_view dedup_key, std::string_view payload);
  // Copies up to `max` durable journal entries into the tables, committed but not yet synced;
  // how many, or the failure (none without a journal).
  Expected<size_t> move_batch(size_t max);
  // Syncs the tables and lets the journal release what has been moved.
  Outcome settle();
  void run_mover();
  // The dispatcher: finds subscribers with deliveries due and wakes their workers.
  void run_dispatcher();
  // Starts the worker of `subscriber` if it has none, and makes it look for due deliveries.
  void wake_subscriber(const std::string& subscriber);
  // deliver_due() without the move: what the tables hold due now, for one subscriber or (null)
  // for all.
  size_t deliver_ready(const Handler& handler, const std::string* subscriber);

  storage::Database& db_;
  std::unique_ptr<InboxJournal> journal_;        // null: no journal
  std::unique_ptr<storage::GroupCommit> direct_;  // the stores' transactions, without a journal
  std::unique_ptr<InboxLeases> leases_;           // who delivers whom, without a journal
  const time::Clock& clock_;
  Subscribers subscribers_;
  InboxPolicy policy_;

  // Keys in the journal and not yet in the tables, with their event id and journal sequence.
  // The generation changes whenever the mover forgets keys (they are then in the tables).
  struct Journalled {
    int64_t id;
    InboxJournal::Ticket ticket;
  };
  std::mutex keys_mu_;
  std::unordered_map<std::string, Journalled> journalled_;
  SeenKeys seen_;  // every key stored, tables and journal (a key is added under keys_mu_)
  std::atomic<uint64_t> key_generation_{0};  // changed under keys_mu_, read without it
  int64_t next_id_ = 1;

  std::mutex move_mu_;        // one move at a time; guards the three below
  uint64_t moved_seq_ = 0;    // journal entries up to here are committed to the tables
  uint64_t moved_ticket_ = 0; // the commit to sync for them
  uint64_t settled_seq_ = 0;  // and up to here synced and released
  std::mutex mover_mu_;
  std::condition_variable mover_cv_;
  bool mover_idle_ = false;
  std::thread mover_;

  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> running_{false};
  Handler handler_;  // set by start(), before any worker runs
  std::thread dispatcher_;

  // One subscriber's delivery thread; it sleeps until woken.
  struct SubscriberWorker {
    std::mutex mu;
    std::condition_variable cv;
    bool wake = false;
    std::thread thread;
  };
  void run_worker(const std::string& subscriber, SubscriberWorker& worker);
  std::mutex workers_mu_;
  std::map<std::string, std::unique_ptr<SubscriberWorker>> workers_;
};

}  // namespace courthub::jobs
