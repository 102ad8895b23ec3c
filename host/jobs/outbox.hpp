// SPDX-License-Identifier: Apache-2.0
// The durable outbox: messages plugins queue for people, robot sessions and group robots (and
// updates of cards they sent), delivered by a worker through a Courier with retries, backoff and
// a dead-letter list.
//
// A message is stored before queue() returns and leaves the queue only when the courier reports
// it sent (or it is dead-lettered), so a restart or a DingTalk outage delays it but loses nothing.
// Threading: queue/lists from any thread; one worker thread delivers, in id order per due time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/storage/group_commit.hpp"
#include "host/time/clock.hpp"

namespace courthub::jobs {

struct OutboxMessage {
  int64_t id = 0;
  std::string plugin;
  std::string channel;  // work_notice | card | card_update | session | group_robot | sms
  std::string target;   // userids joined by ',' (card_update: one) | the session webhook | the
                        // robot name | the mobile (sms)
  Json msg;             // the DingTalk "msg" object
  int attempt = 1;
};

// What the courier did with a message.
struct Delivery {
  enum class Result { Sent, Retry, Fail } result = Result::Sent;
  std::string error;
  int64_t retry_after_ms = 0;  // for Retry: at least this long (rate limits); 0 = backoff
};

class Courier {
 public:
  virtual ~Courier() = default;
  virtual Delivery deliver(const OutboxMessage& message) = 0;
};

struct OutboxPolicy {
  int max_attempts = 12;
  int64_t first_backoff_ms = 1000;
  int64_t max_backoff_ms = 600000;
  // On PostgreSQL (hosts sharing the table), a host claims the messages it is about to send for
  // this long: no other host sends them meanwhile, and a killed host's claims lapse after it.
  int64_t claim_ms = 30000;
  // Whether a group robot of that name is configured; unknown names are refused at queue time.
  std::function<bool(const std::string&)> known_group_robot = [](const std::string&) {
    return false;
  };
};

// Checks a message and splits it into channel, target and msg. Exposed for tests.
struct ParsedMessage {
  std::string channel, target, key;
  Json msg;
};
Expected<ParsedMessage> parse_outbox_message(const Json& message,
                                             const std::function<bool(const std::string&)>& known_robot);

class Outbox {
 public:
  // `clock` stamps queue, attempt and send times and decides what is due; it must outlive the
  // outbox.
  Outbox(storage::Database& db, storage::GroupCommit& group_commit, const time::Clock& clock,
         OutboxPolicy policy = {})
      : db_(db), group_commit_(group_commit), clock_(clock), policy_(std::move(policy)) {}
  ~Outbox() { stop(); }

  // Validates and stores a message {"to": {...}, "msg": {...}, "key": "..."} (docs/outbox.md).
  // With a key already queued by this plugin, returns the existing id and stores nothing.
  // A work notification to more than 100 people becomes one row per 100, a card one row per
  // person (DingTalk's limits), a card update one row per recorded recipient of the card; the
  // first row's id is returned (0 for an update of a card that was never delivered: nothing is
  // stored then).
  // Errors: InvalidArgument naming the field that is wrong.
  Expected<int64_t> queue(const std::string& plugin, const Json& message);
  // What queue() checks, without storing: for a message to be queued later (after a plugin's
  // transaction commits). Errors: as queue().
  Outcome check(const Json& message) const {
    auto parsed = parse_outbox_message(message, policy_.known_group_robot);
    return parsed ? Outcome::success() : parsed.outcome();
  }

  void start(Courier& courier);
  void stop();
  // Makes the worker look for due messages now rather than at its next poll (after new rows,
  // or after a test clock moved). Any thread; never fails.
  void wake();
  // Delivers what is due now on the calling thread; returns how many were attempted.
  size_t deliver_due(Courier& courier);

  // Admin and test views.
  Expected<Json> dead_letters(int limit);
  Expected<Json> counts();
  Expected<Json> messages(const std::string& plugin, int limit);  // newest first, any state
  Outcome replay(int64_t id);

 private:
  void run(Courier& courier);
  // Whether a card update may go now: its card was delivered. One whose card is still pending
  // waits for it (without counting an attempt); one whose card failed for good is dropped.
  bool card_ready(const OutboxMessage& m);

  storage::Database& db_;
  storage::GroupCommit& group_commit_;
  const time::Clock& clock_;
  OutboxPolicy policy_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> running_{false};
  std::thread worker_;
};


}  // namespace courthub::jobs
