// SPDX-License-Identifier: Apache-2.0
// The durable inbox: every inbound event is stored (de-duplicated) before it is acknowledged,
// then handed to each subscriber by a worker, with retries, backoff and a dead-letter list.
//
// Delivery is tracked per (event, subscriber): a subscriber that fails is retried alone, the
// others are not bothered again. A subscriber sees an event once, unless the host dies between
// the handler's success and the record of it; the stable event id lets handlers guard that.
// Threading: store/replay/lists from any thread; one worker thread delivers.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/storage/group_commit.hpp"

namespace courthub::jobs {

struct InboxEvent {
  int64_t id = 0;
  std::string source;  // "dingtalk" or the publishing plugin
  std::string topic;
  std::string payload;  // JSON text
  int attempt = 1;
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
};

class Inbox {
 public:
  // Who subscribes to a topic right now (plugin names, and "@directory" for contact events).
  using Subscribers = std::function<std::vector<std::string>(const std::string& topic)>;
  using Handler = std::function<HandleResult(const std::string& subscriber, const InboxEvent&)>;

  Inbox(storage::Database& db, storage::GroupCommit& group_commit, Subscribers subscribers,
        InboxPolicy policy = {})
      : db_(db), group_commit_(group_commit), subscribers_(std::move(subscribers)),
        policy_(policy) {}
  ~Inbox() { stop(); }

  struct Stored {
    int64_t id = 0;
    bool duplicate = false;  // the dedup key was seen before; nothing new was stored
  };
  // Durable when it returns: the event row and one pending delivery per current subscriber.
  Expected<Stored> store(std::string_view source, std::string_view topic,
                         std::string_view dedup_key, std::string_view payload);

  void start(Handler handler);
  void stop();
  // Delivers what is due now on the calling thread; returns how many deliveries ran.
  size_t deliver_due(const Handler& handler);

  // Admin views: dead letters (newest first) and counts per state.
  Expected<Json> dead_letters(int limit);
  Expected<Json> counts();
  // Puts a dead delivery back in the queue. NotFound if there is no such dead delivery.
  Outcome replay(int64_t event_id, const std::string& subscriber);
  // Events stored (any state), for checks after a benchmark.
  Expected<int64_t> event_count();

 private:
  void run(Handler handler);

  storage::Database& db_;
  storage::GroupCommit& group_commit_;
  Subscribers subscribers_;
  InboxPolicy policy_;

  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> running_{false};
  std::thread worker_;
};

}  // namespace courthub::jobs
