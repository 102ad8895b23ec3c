// SPDX-License-Identifier: Apache-2.0
// The inbox's write-ahead journal: an event is acknowledged once it is appended here, and the
// inbox moves journalled events into its database tables afterwards, many per transaction.
//
// One writer thread makes appends durable in groups: it writes everything queued since its
// last write with one pwrite() and one fdatasync(), wakes the appenders of that group with one
// futex call, and starts on the next group at once. Under load, a group of fewer than 16 first
// waits 250 us for company: a sync saved is CPU and disk time the others no longer wait for.
// An acknowledgement so costs a share of one sequential write, not a database transaction.
//
// Files: <dir>/<number>.journal segments of 16 MiB (by default), allocated before use (filled
// with zeros, or a released segment renamed) so that a sync writes data only, with no change
// of file size for the file system to journal; the next segment is prepared ahead, off the
// writer's path. A segment is released once every entry in it has been moved into the
// database; one is kept for recycling, others are deleted. Each record, little endian:
//   u32 body length, u32 CRC-32 of the body, u64 segment number,
//   body = i64 id, i64 received_ms, then source, topic, dedup_key, payload as u32 length + bytes.
// Recovery reads each segment up to the first record that is zero, carries another segment's
// number (left from before the file was recycled), is cut short or fails its CRC: a record of
// this segment that is damaged never had its sync return, so it was never acknowledged.
//
// Threading: enqueue(), wait(), take() and prepare_segment() from any thread (the writer calls
// prepare_segment() itself when no segment was prepared in time); release() from one thread at
// a time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "host/outcome.hpp"

namespace courthub::jobs {

class InboxJournal {
 public:
  struct Entry {
    int64_t id = 0;
    int64_t received_ms = 0;
    std::string source;
    std::string topic;
    std::string dedup_key;
    std::string payload;
  };

  // Opens `dir` (created if missing), reads every segment in it (their entries are durable and
  // waiting to be taken, with sequence numbers 1..n) and starts the writer on a new segment.
  // `sync` false skips the fdatasync (storage.synchronous: normal): a crash of the process
  // loses nothing, a power cut may.
  // Errors: the directory cannot be created or read, a segment cannot be opened or created.
  static constexpr uint64_t kSegmentBytes = 16u << 20;
  static Expected<std::unique_ptr<InboxJournal>> open(const std::string& dir, bool sync,
                                                      uint64_t segment_bytes = kSegmentBytes);
  // Stops the writer after it has written what is queued.
  ~InboxJournal();

  // Where an entry is in the queue: its sequence number and the group that writes it (0 for
  // entries durable already, e.g. recovered ones).
  struct Ticket {
    uint64_t seq = 0;
    uint32_t group = 0;
  };
  // Queues `entry` for the next group and returns at once.
  Ticket enqueue(Entry entry);
  // Returns once the ticket's entry is durable, or its group's write failure (the entry is then
  // dropped: it was never durable). Any thread may wait on any ticket, any number of times.
  Outcome wait(const Ticket& ticket);

  // Durable entries after sequence number `after` and not yet released, oldest first, at most
  // `max`, with their sequence numbers.
  std::vector<std::pair<uint64_t, Entry>> take(uint64_t after, size_t max) const;
  // Entries up to `seq` are safely elsewhere: forget them and delete the segments they filled.
  void release(uint64_t seq);
  // Creates and zero-fills the next segment unless one is ready. The writer would otherwise
  // do it itself when the current one is full, holding up that group.
  Outcome prepare_segment();

  // The highest entry id read at open (0 if none): new ids must be above it.
  int64_t max_recovered_id() const { return max_recovered_id_; }
  // Groups written and entries in them since open, for metrics: entries/groups is the group size.
  uint64_t groups() const { return groups_.load(); }
  uint64_t written() const { return written_entries_.load(); }

 private:
  struct Segment {
    uint64_t number = 0;
    int fd = -1;
    uint64_t bytes = 0;     // written so far
    uint64_t last_seq = 0;  // of the entries written to it
  };
  InboxJournal(std::string dir, bool sync, uint64_t segment_bytes)
      : dir_(std::move(dir)), sync_(sync), segment_bytes_(segment_bytes) {}
  Outcome recover();
  // A new zero-filled segment file, not yet in segments_.
  Expected<Segment> create_segment(uint64_t number);
  // A released segment renamed to `number`, for reuse without writing zeros again.
  Expected<Segment> recycle(Segment old, uint64_t number);
  uint64_t file_bytes(const Segment& s) const;
  std::string path_of(uint64_t number) const;
  void run_writer();

  const std::string dir_;
  const bool sync_;
  const uint64_t segment_bytes_;
  int64_t max_recovered_id_ = 0;

  mutable std::mutex mu_;
  std::condition_variable work_;                    // the writer waits here for entries
  std::deque<std::pair<uint64_t, Entry>> entries_;  // not yet released, in sequence order
  std::string pending_;                             // encoded, not yet written
  uint64_t queued_seq_ = 0;                         // last sequence number handed out
  uint64_t durable_seq_ = 0;    // every entry up to here is durable or failed (see failed_)
  uint32_t filling_group_ = 1;  // the group pending_ belongs to
  // The last group written, by parity: appenders of group g sleep on [g & 1], so finishing
  // one group does not wake the next one's appenders.
  std::atomic<uint32_t> written_group_[2] = {0, 0xffffffffu};
  std::atomic<uint64_t> failures_{0};  // groups whose write failed, ever
  bool writer_idle_ = false;
  uint64_t last_group_ = 0;  // entries in the last group written
  bool stopping_ = false;
  std::vector<std::pair<uint64_t, uint64_t>> failed_;  // (from, to] ranges whose write failed
  std::string failure_;                                // the last write failure
  std::deque<Segment> segments_;                       // oldest first; back() is written to
  uint64_t next_number_ = 1;                           // of the next segment to create
  std::mutex spare_mu_;                                // one preparation at a time
  std::optional<Segment> spare_;                       // prepared next segment (guarded by mu_)
  std::optional<Segment> recyclable_;  // a released segment kept for reuse (guarded by mu_)
  std::atomic<uint64_t> groups_{0};
  std::atomic<uint64_t> written_entries_{0};
  std::thread writer_;
};

}  // namespace courthub::jobs
