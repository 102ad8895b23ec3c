// SPDX-License-Identifier: Apache-2.0
// InboxJournal: group-synced appends to segment files, and their recovery at open.
#include "host/jobs/inbox_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <Poco/Checksum.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "host/log.hpp"
#include "host/storage/wait_flag.hpp"

namespace courthub::jobs {
namespace {

constexpr const char* kSuffix = ".journal";
// A group smaller than this, under load, waits kLinger for company (see run_writer).
constexpr uint64_t kGroupTarget = 16;
constexpr auto kLinger = std::chrono::microseconds(250);

uint32_t crc32_of(const char* data, size_t size) {
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(data, static_cast<unsigned>(size));
  return crc.checksum();
}

// The journal's one byte order: little endian, `bytes` (4 or 8) wide.
void store_le(char* at, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) at[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
uint64_t load_le(const char* at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= uint64_t(static_cast<unsigned char>(at[i])) << (8 * i);
  return v;
}

void put_u32(std::string& out, uint32_t v) {
  out.resize(out.size() + 4);
  store_le(out.data() + out.size() - 4, v, 4);
}
void put_i64(std::string& out, int64_t v) {
  out.resize(out.size() + 8);
  store_le(out.data() + out.size() - 8, static_cast<uint64_t>(v), 8);
}
void put_text(std::string& out, const std::string& s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

constexpr size_t kHeaderBytes = 16;  // u32 length, u32 CRC-32, u64 segment number

// Appends the record for `e`; its segment number is left 0 for stamp_segment().
void encode(const InboxJournal::Entry& e, std::string& out) {
  const size_t header = out.size();
  put_u32(out, 0);  // body length, filled in below
  put_u32(out, 0);  // CRC-32
  put_i64(out, 0);  // segment number, stamped by the writer
  const size_t body = out.size();
  put_i64(out, e.id);
  put_i64(out, e.received_ms);
  put_text(out, e.source);
  put_text(out, e.topic);
  put_text(out, e.dedup_key);
  put_text(out, e.payload);
  const auto length = static_cast<uint32_t>(out.size() - body);
  const uint32_t crc = crc32_of(out.data() + body, length);
  store_le(out.data() + header, length, 4);
  store_le(out.data() + header + 4, crc, 4);
}

// Writes the segment number into every record of an encoded group.
void stamp_segment(std::string& group, uint64_t number) {
  size_t at = 0;
  while (at + kHeaderBytes <= group.size()) {
    store_le(group.data() + at + 8, number, 8);
    at += kHeaderBytes + load_le(group.data() + at, 4);
  }
}

// Reads little-endian fields from a record; every read checks the bounds.
class Reader {
 public:
  Reader(const char* data, size_t size) : p_(data), end_(data + size) {}
  bool u32(uint32_t& v) {
    if (end_ - p_ < 4) return false;
    v = static_cast<uint32_t>(load_le(p_, 4));
    p_ += 4;
    return true;
  }
  bool i64(int64_t& v) {
    if (end_ - p_ < 8) return false;
    v = static_cast<int64_t>(load_le(p_, 8));
    p_ += 8;
    return true;
  }
  bool text(std::string& s) {
    uint32_t n = 0;
    if (!u32(n) || static_cast<size_t>(end_ - p_) < n) return false;
    s.assign(p_, n);
    p_ += n;
    return true;
  }
  bool done() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
};

bool decode(const char* body, size_t size, InboxJournal::Entry& e) {
  Reader r(body, size);
  return r.i64(e.id) && r.i64(e.received_ms) && r.text(e.source) && r.text(e.topic) &&
         r.text(e.dedup_key) && r.text(e.payload) && r.done();
}

Outcome write_at(int fd, const char* data, size_t size, uint64_t offset) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pwrite(fd, data + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Outcome::error(std::string("write failed: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  return Outcome::success();
}

// Whether the bytes at `at` begin a record stamped with this segment's number: where reading
// stopped, that means a record cut short or damaged, not zeros or an earlier life's leftovers.
bool own_record_at(const std::string& data, size_t at, uint64_t number) {
  return data.size() - at >= kHeaderBytes && load_le(data.data() + at + 8, 8) == number;
}

Outcome sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Outcome::error("cannot open " + dir + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Outcome::error("cannot sync " + dir + ": " + std::strerror(err));
  return Outcome::success();
}

}  // namespace

Expected<std::unique_ptr<InboxJournal>> InboxJournal::open(const std::string& dir, bool sync,
                                                           uint64_t segment_bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Outcome::error("cannot create the inbox journal " + dir + ": " + ec.message());
  std::unique_ptr<InboxJournal> journal(new InboxJournal(dir, sync, segment_bytes));
  Outcome o = journal->recover();
  if (o.ok()) o = journal->prepare_segment();
  if (!o.ok()) return o;
  journal->segments_.push_back(std::move(*journal->spare_));
  journal->spare_.reset();
  journal->writer_ = std::thread([j = journal.get()] { j->run_writer(); });
  return journal;
}

InboxJournal::~InboxJournal() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_one();
  if (writer_.joinable()) writer_.join();
  for (auto& s : segments_)
    if (s.fd >= 0) ::close(s.fd);
  // Neither holds anything: recovery would find nothing of theirs and delete them anyway.
  for (auto* idle : {&spare_, &recyclable_}) {
    if (!*idle) continue;
    if ((*idle)->fd >= 0) ::close((*idle)->fd);
    ::unlink(path_of((*idle)->number).c_str());
  }
}

uint64_t InboxJournal::file_bytes(const Segment& s) const {
  std::error_code ec;
  auto size = std::filesystem::file_size(path_of(s.number), ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

std::string InboxJournal::path_of(uint64_t number) const {
  return dir_ + "/" + std::to_string(number) + kSuffix;
}

Outcome InboxJournal::recover() {
  std::vector<uint64_t> numbers;
  std::error_code ec;
  for (auto& file : std::filesystem::directory_iterator(dir_, ec)) {
    std::string name = file.path().filename().string();
    if (name.size() <= std::strlen(kSuffix) || !name.ends_with(kSuffix)) continue;
    std::string stem = name.substr(0, name.size() - std::strlen(kSuffix));
    if (stem.size() > 18 ||
        !std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    numbers.push_back(std::stoull(stem));
  }
  if (ec) return Outcome::error("cannot read the inbox journal " + dir_ + ": " + ec.message());
  std::sort(numbers.begin(), numbers.end());

  for (uint64_t number : numbers) {
    const std::string path = path_of(number);
    std::ifstream in(path, std::ios::binary);
    if (!in) return Outcome::error("cannot open " + path + " to recover it");
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t at = 0;
    size_t recovered = 0;
    // A record of this segment's earlier life (it is recycled) carries another number.
    while (data.size() - at >= kHeaderBytes) {
      Reader header(data.data() + at, kHeaderBytes);
      uint32_t length = 0, crc = 0;
      int64_t segment = 0;
      header.u32(length);
      header.u32(crc);
      header.i64(segment);
      if (length == 0 || static_cast<uint64_t>(segment) != number ||
          data.size() - at - kHeaderBytes < length) {
        break;
      }
      const char* body = data.data() + at + kHeaderBytes;
      Entry e;
      if (crc32_of(body, length) != crc || !decode(body, length, e)) break;
      max_recovered_id_ = std::max(max_recovered_id_, e.id);
      entries_.emplace_back(++queued_seq_, std::move(e));
      at += kHeaderBytes + length;
      ++recovered;
    }
    if (at == 0 && recovered == 0) {
      // Nothing of this segment's own: prepared (or recycled) but never written to.
      next_number_ = number + 1;
      ::unlink(path.c_str());
      continue;
    }
    if (own_record_at(data, at, number)) {
      log::warn("inbox", "journal " + path + ": a record cut short or damaged at byte " +
                             std::to_string(at) +
                             " (its sync never returned, so it was never acknowledged); "
                             "the rest of the segment is skipped");
    }
    next_number_ = number + 1;
    log::info("inbox",
              "journal " + path + ": " + std::to_string(recovered) + " event(s) recovered");
    segments_.push_back(Segment{number, -1, data.size(), queued_seq_});
  }
  durable_seq_ = queued_seq_;
  return Outcome::success();
}

Expected<InboxJournal::Segment> InboxJournal::create_segment(uint64_t number) {
  const std::string path = path_of(number);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return Outcome::error("cannot create " + path + ": " + std::strerror(errno));
  // Zeros first: later writes then overwrite allocated blocks, and each sync writes data only.
  static const std::string kZeros(1u << 20, '\0');
  Outcome o = Outcome::success();
  for (uint64_t at = 0; o.ok() && at < segment_bytes_; at += kZeros.size()) {
    o = write_at(fd, kZeros.data(), std::min<uint64_t>(kZeros.size(), segment_bytes_ - at), at);
  }
  if (o.ok() && sync_ && ::fdatasync(fd) != 0) {
    o = Outcome::error(std::string("fdatasync failed: ") + std::strerror(errno));
  }
  if (o.ok() && sync_) o = sync_directory(dir_);
  if (!o.ok()) {
    ::close(fd);
    ::unlink(path.c_str());
    return Outcome::error("cannot prepare " + path + ": " + o.message());
  }
  return Segment{number, fd, 0, 0};
}

Outcome InboxJournal::prepare_segment() {
  std::lock_guard preparing(spare_mu_);
  uint64_t number = 0;
  std::optional<Segment> old;
  {
    std::lock_guard lock(mu_);
    if (spare_) return Outcome::success();
    number = next_number_++;
    old.swap(recyclable_);
  }
  Expected<Segment> segment = Outcome::error("no segment");
  if (old) {
    segment = recycle(*old, number);
    if (!segment) log::warn("inbox", segment.outcome().message() + "; making a new one");
  }
  if (!segment) segment = create_segment(number);
  if (!segment) return segment.outcome();
  std::lock_guard lock(mu_);
  spare_ = std::move(*segment);
  return Outcome::success();
}

Expected<InboxJournal::Segment> InboxJournal::recycle(Segment old, uint64_t number) {
  // Renamed, not rewritten: its blocks stay allocated, and its old records carry the old
  // number, so recovery never mistakes them for this segment's.
  const std::string from = path_of(old.number), to = path_of(number);
  int fd = old.fd >= 0 ? old.fd : ::open(from.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    ::unlink(from.c_str());
    return Outcome::error("cannot reopen " + from + " to recycle it: " + std::strerror(errno));
  }
  Outcome o = Outcome::success();
  if (::rename(from.c_str(), to.c_str()) != 0) {
    o = Outcome::error("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
    ::unlink(from.c_str());
  }
  // Durable before the first write: else, after a crash, this segment's records would sit in
  // a file still named for the old number, and recovery would read past them.
  if (o.ok() && sync_) o = sync_directory(dir_);
  if (!o.ok()) {
    ::close(fd);
    ::unlink(to.c_str());
    return o;
  }
  return Segment{number, fd, 0, 0};
}

InboxJournal::Ticket InboxJournal::enqueue(Entry entry) {
  bool wake = false;
  Ticket ticket;
  {
    std::lock_guard lock(mu_);
    encode(entry, pending_);
    ticket = Ticket{++queued_seq_, filling_group_};
    entries_.emplace_back(ticket.seq, std::move(entry));
    if (writer_idle_) {
      writer_idle_ = false;
      wake = true;
    }
  }
  if (wake) work_.notify_one();
  return ticket;
}

Outcome InboxJournal::wait(const Ticket& ticket) {
  if (ticket.group != 0)
    storage::sleep_until_reached(written_group_[ticket.group & 1], ticket.group);
  if (failures_.load(std::memory_order_acquire) == 0) return Outcome::success();
  std::lock_guard lock(mu_);
  for (auto& [from, to] : failed_)
    if (ticket.seq > from && ticket.seq <= to) return Outcome::error("inbox journal: " + failure_);
  return Outcome::success();
}

void InboxJournal::run_writer() {
  std::unique_lock lock(mu_);
  while (true) {
    if (pending_.empty()) {
      if (stopping_) return;
      writer_idle_ = true;
      work_.wait(lock, [&] { return !writer_idle_ || stopping_; });
      writer_idle_ = false;
      continue;
    }
    // Under load (the last group had company), a small group waits a moment for more: every
    // sync saved is CPU and disk time the acknowledgements no longer compete with. A lone
    // event is written at once.
    if (last_group_ > 1 && queued_seq_ - durable_seq_ < kGroupTarget && !stopping_) {
      lock.unlock();
      std::this_thread::sleep_for(kLinger);
      lock.lock();
    }
    std::string data;
    data.swap(pending_);
    // Appenders from now on wait for the next group.
    const uint32_t group = filling_group_++;
    if (filling_group_ == 0) filling_group_ = 1;  // 0 means "durable already"
    const uint64_t from = durable_seq_, to = queued_seq_;

    // A full segment makes way for the prepared one (or one made now, if none is ready).
    Outcome o = Outcome::success();
    if (segments_.back().bytes > 0 && segments_.back().bytes + data.size() > segment_bytes_) {
      lock.unlock();
      o = prepare_segment();
      lock.lock();
      if (o.ok()) {
        segments_.push_back(std::move(*spare_));
        spare_.reset();
      }
    }
    Segment& segment = segments_.back();
    lock.unlock();
    stamp_segment(data, segment.number);
    if (o.ok()) o = write_at(segment.fd, data.data(), data.size(), segment.bytes);
    if (o.ok() && sync_ && ::fdatasync(segment.fd) != 0) {
      o = Outcome::error(std::string("fdatasync failed: ") + std::strerror(errno));
    }
    lock.lock();
    last_group_ = to - from;
    if (o.ok()) {
      segment.bytes += data.size();
      segment.last_seq = to;
      groups_++;
      written_entries_ += to - from;
    } else {
      // Nobody in this group is acknowledged, and the next group overwrites the same bytes.
      log::error("inbox", "journal write failed, " + std::to_string(to - from) +
                              " event(s) refused: " + o.message());
      failure_ = o.message();
      failed_.emplace_back(from, to);
      if (failed_.size() > 64) failed_.erase(failed_.begin());
      std::erase_if(entries_, [&](const auto& e) { return e.first > from && e.first <= to; });
      failures_.fetch_add(1, std::memory_order_release);
    }
    durable_seq_ = to;
    lock.unlock();
    // One call wakes the whole group: each wake-up may hand the CPU to the woken thread, and
    // this thread is the one everybody waits for.
    written_group_[group & 1].store(group, std::memory_order_release);
    storage::wake_all(written_group_[group & 1]);
    lock.lock();
  }
}

std::vector<std::pair<uint64_t, InboxJournal::Entry>> InboxJournal::take(uint64_t after,
                                                                         size_t max) const {
  std::lock_guard lock(mu_);
  std::vector<std::pair<uint64_t, Entry>> out;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), after + 1,
                             [](const auto& e, uint64_t seq) { return e.first < seq; });
  for (; it != entries_.end(); ++it) {
    if (it->first > durable_seq_ || out.size() >= max) break;
    out.push_back(*it);
  }
  return out;
}

void InboxJournal::release(uint64_t seq) {
  std::lock_guard lock(mu_);
  while (!entries_.empty() && entries_.front().first <= seq) entries_.pop_front();
  while (segments_.size() > 1 && segments_.front().last_seq <= seq) {
    Segment& s = segments_.front();
    if (!recyclable_ && s.bytes <= segment_bytes_ && file_bytes(s) >= segment_bytes_) {
      recyclable_ = s;  // kept for prepare_segment()
      segments_.pop_front();
      continue;
    }
    if (s.fd >= 0) ::close(s.fd);
    if (::unlink(path_of(s.number).c_str()) != 0 && errno != ENOENT) {
      log::warn("inbox", "cannot delete " + path_of(s.number) + ": " + std::strerror(errno) +
                             " (its events are moved; replaying it at restart is harmless)");
    }
    segments_.pop_front();
  }
}

}  // namespace courthub::jobs
