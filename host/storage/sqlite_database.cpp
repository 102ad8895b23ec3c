// SPDX-License-Identifier: Apache-2.0
// SqliteDatabase: routes reads to a reader pool and writes to the single writer connection.
#include "host/storage/sqlite_database.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "host/storage/sqlite_connection.hpp"

namespace courthub::storage {
namespace {

class SqliteDatabase;

// Which databases the current thread holds the writer of: writing through query() then would
// wait for itself.
thread_local std::vector<const void*> t_writing;

bool writing_here(const void* db) {
  for (auto* d : t_writing)
    if (d == db) return true;
  return false;
}

class SqliteTransaction : public Transaction {
 public:
  explicit SqliteTransaction(SqliteConnection& conn) : conn_(conn) {}
  Outcome query(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
                QueryResult* out) override {
    return conn_.run(sql, params, sink, out);
  }
  Outcome script(std::string_view sql) override { return conn_.script(sql); }

 private:
  SqliteConnection& conn_;
};

class SqliteDatabase : public Database {
 public:
  SqliteDatabase(std::string path, SqliteOptions options,
                 std::unique_ptr<SqliteConnection> writer)
      : path_(std::move(path)), options_(options), writer_(std::move(writer)) {}

  const std::string& location() const override { return path_; }
  Dialect dialect() const override { return Dialect::kSqlite; }

  Expected<bool> is_read_only(std::string_view sql) override { return classify(sql); }

  Outcome query(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
                QueryResult* out) override {
    auto read_only = classify(sql);
    if (!read_only) return read_only.outcome();
    if (*read_only) {
      auto reader = borrow_reader();
      if (!reader) return reader.outcome();
      Outcome o = (*reader)->run(sql, params, sink, out);
      give_back(std::move(*reader));
      return o;
    }
    if (writing_here(this)) {
      return Outcome::invalid(
          "write outside the open transaction on this thread; pass the transaction handle");
    }
    uint64_t seq = 0;
    {
      std::lock_guard lock(writer_mu_);
      Outcome o = writer_->run(sql, params, sink, out);
      if (!o.ok()) return o;
      seq = ++commit_seq_;
    }
    return durable(seq);
  }

  Outcome transaction(const std::function<Outcome(Transaction&)>& body) override {
    uint64_t seq = 0;
    Outcome result = transaction_unsynced(body, &seq);
    if (!result.ok()) return result;
    Outcome synced = durable(seq);
    return synced.ok() ? result : synced;
  }

  Outcome transaction_unsynced(const std::function<Outcome(Transaction&)>& body,
                               uint64_t* ticket) override {
    *ticket = 0;
    if (writing_here(this)) return Outcome::invalid("nested transactions are not supported");
    return locked_transaction(body, *ticket);
  }

  Outcome sync(uint64_t ticket) override { return durable(ticket); }

 private:
  Outcome locked_transaction(const std::function<Outcome(Transaction&)>& body, uint64_t& seq) {
    std::lock_guard lock(writer_mu_);
    t_writing.push_back(this);
    struct Pop {
      ~Pop() { t_writing.pop_back(); }
    } pop;
    // Prepared once and reused: these run for every transaction.
    auto control = [&](const char* sql) { return writer_->run(sql, {}, {}, nullptr); };
    Outcome begin = control("BEGIN IMMEDIATE");
    if (!begin.ok()) return begin;
    SqliteTransaction txn(*writer_);
    Outcome result;
    try {
      result = body(txn);
    } catch (...) {
      (void)control("ROLLBACK");
      throw;
    }
    if (!result.ok()) {
      (void)control("ROLLBACK");
      return result;
    }
    Outcome commit = control("COMMIT");
    if (!commit.ok()) {
      (void)control("ROLLBACK");
      return commit;
    }
    seq = ++commit_seq_;
    return result;
  }

  // Returns once commit number `seq` is on disk: waits for (or performs) an fdatasync of the
  // WAL file that began after that commit.
  Outcome durable(uint64_t seq) {
    if (!options_.synchronous_full) return Outcome::success();
    std::unique_lock lock(sync_mu_);
    while (synced_seq_ < seq) {
      if (syncing_) {
        sync_cv_.wait(lock);
        continue;
      }
      syncing_ = true;
      const uint64_t target = commit_seq_.load();
      lock.unlock();
      Outcome o = sync_wal();
      lock.lock();
      syncing_ = false;
      if (o.ok() && target > synced_seq_) synced_seq_ = target;
      // Wake the waiters without holding the lock they need, so they do not wake only to block.
      lock.unlock();
      sync_cv_.notify_all();
      if (!o.ok()) return o;
      lock.lock();
    }
    return Outcome::success();
  }

  Outcome sync_wal() {
    if (wal_fd_ < 0) {
      // The WAL exists from the first commit on and is reused, never replaced, while this
      // database is open, so one descriptor serves for its lifetime.
      wal_fd_ = ::open((path_ + "-wal").c_str(), O_RDONLY | O_CLOEXEC);
      if (wal_fd_ < 0) {
        return Outcome::error("cannot open " + path_ + "-wal to sync it: " + std::strerror(errno));
      }
    }
    if (::fdatasync(wal_fd_) != 0) {
      return Outcome::error("fdatasync of " + path_ + "-wal failed: " + std::strerror(errno) +
                            "; the last writes may not be durable");
    }
    return Outcome::success();
  }

  // Read-only or not, remembered per SQL text so each statement is classified once.
  Expected<bool> classify(std::string_view sql) {
    {
      std::shared_lock lock(classes_mu_);
      if (auto it = classes_.find(std::string(sql)); it != classes_.end()) return it->second;
    }
    auto reader = borrow_reader();
    if (!reader) return reader.outcome();
    auto ro = (*reader)->is_read_only(sql);
    give_back(std::move(*reader));
    if (!ro) return ro;
    std::unique_lock lock(classes_mu_);
    if (classes_.size() > 4096) classes_.clear();
    classes_.emplace(std::string(sql), *ro);
    return *ro;
  }

  Expected<std::unique_ptr<SqliteConnection>> borrow_reader() {
    std::unique_lock lock(pool_mu_);
    while (true) {
      if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        return conn;
      }
      if (opened_ < options_.readers) {
        ++opened_;
        lock.unlock();
        auto conn = SqliteConnection::open(path_, true, options_.synchronous_full,
                                           options_.busy_timeout_ms);
        if (!conn) {
          std::lock_guard relock(pool_mu_);
          --opened_;
        }
        return conn;
      }
      pool_cv_.wait(lock);
    }
  }

  void give_back(std::unique_ptr<SqliteConnection> conn) {
    {
      std::lock_guard lock(pool_mu_);
      idle_.push_back(std::move(conn));
    }
    pool_cv_.notify_one();
  }

  std::string path_;
  SqliteOptions options_;
  std::mutex writer_mu_;
  std::unique_ptr<SqliteConnection> writer_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  int opened_ = 0;

  std::shared_mutex classes_mu_;
  std::unordered_map<std::string, bool> classes_;

  std::atomic<uint64_t> commit_seq_{0};
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  uint64_t synced_seq_ = 0;
  bool syncing_ = false;
  int wal_fd_ = -1;

 public:
  ~SqliteDatabase() override {
    if (wal_fd_ >= 0) ::close(wal_fd_);
  }
};

}  // namespace

Expected<std::unique_ptr<Database>> open_sqlite(const std::string& path,
                                                const SqliteOptions& options) {
  auto writer = SqliteConnection::open(path, false, options.synchronous_full,
                                       options.busy_timeout_ms);
  if (!writer) return writer.outcome();
  SqliteOptions o = options;
  if (o.readers < 1) o.readers = 1;
  return std::unique_ptr<Database>(new SqliteDatabase(path, o, std::move(*writer)));
}

}  // namespace courthub::storage
