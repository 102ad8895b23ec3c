// SPDX-License-Identifier: Apache-2.0
// PostgresDatabase: reads on any pooled connection, writes one at a time under the schema's
// advisory lock.
#include "host/storage/postgres_database.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "host/storage/postgres_connection.hpp"

namespace courthub::storage {
namespace {

// pg_advisory_xact_lock(class, key): the class says "courthub schema writer", the key which
// schema. Other courthub locks use other classes.
constexpr int32_t kWriterLockClass = 0x63680001;

int32_t schema_key(const std::string& schema) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : schema) {
    h ^= c;
    h *= 16777619u;
  }
  return static_cast<int32_t>(h);
}

// Which databases the current thread is writing to: writing through query() then would wait
// for its own lock.
thread_local std::vector<const void*> t_writing;

bool writing_here(const void* db) {
  return std::find(t_writing.begin(), t_writing.end(), db) != t_writing.end();
}

// The statement's words, upper-cased, outside literals and comments (enough to classify it).
std::vector<std::string> keywords(std::string_view sql) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      flush();
      size_t close = sql.find(c, i + 1);
      i = close == std::string_view::npos ? sql.size() : close;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      flush();
      size_t close = sql.find('\n', i);
      i = close == std::string_view::npos ? sql.size() : close;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      flush();
      size_t close = sql.find("*/", i + 2);
      i = close == std::string_view::npos ? sql.size() : close + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// Read-only: a SELECT, VALUES, TABLE or SHOW (or a WITH over them) that neither changes rows
// nor locks them. When unsure, a write: it then runs under the writer lock, which is always
// correct, only slower.
bool reads_only(std::string_view sql) {
  auto words = keywords(sql);
  if (words.empty()) return false;
  const std::string& first = words.front();
  if (first != "SELECT" && first != "VALUES" && first != "TABLE" && first != "SHOW" &&
      first != "WITH") {
    return false;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "INSERT" || w == "UPDATE" || w == "DELETE" || w == "MERGE" || w == "INTO" ||
        w == "NEXTVAL" || w == "SETVAL" || w == "PG_ADVISORY_LOCK" ||
        w == "PG_ADVISORY_XACT_LOCK" || w == "NOTIFY" || w == "PG_NOTIFY") {
      return false;
    }
    if (w == "FOR" && i + 1 < words.size() &&
        (words[i + 1] == "UPDATE" || words[i + 1] == "SHARE" || words[i + 1] == "NO" ||
         words[i + 1] == "KEY")) {
      return false;
    }
  }
  return true;
}

// Whether a statement may change a table's shape (so statements prepared before it may fail).
bool changes_schema(std::string_view sql) {
  auto words = keywords(sql);
  return !words.empty() && (words.front() == "CREATE" || words.front() == "ALTER" ||
                            words.front() == "DROP" || words.front() == "TRUNCATE");
}

class PostgresTransaction : public Transaction {
 public:
  PostgresTransaction(PostgresConnection& conn, std::atomic<uint64_t>& ddl_generation)
      : conn_(conn), ddl_generation_(ddl_generation) {}
  Outcome query(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
                QueryResult* out) override {
    if (changes_schema(sql)) changed_ = true;
    return conn_.run(sql, params, sink, out);
  }
  Outcome script(std::string_view sql) override {
    changed_ = true;
    return conn_.script(sql);
  }
  // After the commit: every pooled connection re-prepares its statements.
  void published() {
    if (!changed_) return;
    conn_.forget_prepared();
    conn_.generation = ++ddl_generation_;
  }

 private:
  PostgresConnection& conn_;
  std::atomic<uint64_t>& ddl_generation_;
  bool changed_ = false;
};

class PostgresDatabase : public Database {
 public:
  explicit PostgresDatabase(PostgresOptions options)
      : options_(std::move(options)),
        begin_("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLockClass) + ", " +
               std::to_string(schema_key(options_.schema)) + ")") {}

  const std::string& location() const override { return options_.schema; }
  Dialect dialect() const override { return Dialect::kPostgres; }

  Expected<bool> is_read_only(std::string_view sql) override { return reads_only(sql); }

  Outcome query(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
                QueryResult* out) override {
    if (reads_only(sql)) {
      auto conn = borrow();
      if (!conn) return conn.outcome();
      Outcome o = (*conn)->run(sql, params, sink, out);
      give_back(std::move(*conn));
      return o;
    }
    if (writing_here(this)) {
      return Outcome::invalid(
          "write outside the open transaction on this thread; pass the transaction handle");
    }
    return transaction([&](Transaction& txn) { return txn.query(sql, params, sink, out); });
  }

  Outcome transaction(const std::function<Outcome(Transaction&)>& body) override {
    if (writing_here(this)) return Outcome::invalid("nested transactions are not supported");
    std::lock_guard writer(writer_mu_);
    auto borrowed = borrow();
    if (!borrowed) return borrowed.outcome();
    std::unique_ptr<PostgresConnection> conn = std::move(*borrowed);
    t_writing.push_back(this);
    struct Done {
      PostgresDatabase* db;
      std::unique_ptr<PostgresConnection>& conn;
      ~Done() {
        t_writing.pop_back();
        db->give_back(std::move(conn));
      }
    } done{this, conn};

    Outcome begin = conn->script(begin_);
    if (!begin.ok()) {
      (void)conn->script("ROLLBACK");
      return begin;
    }
    PostgresTransaction txn(*conn, ddl_generation_);
    Outcome result;
    try {
      result = body(txn);
    } catch (...) {
      (void)conn->script("ROLLBACK");
      throw;
    }
    if (result.ok() && conn->transaction_failed()) {
      // The body went on after a failed statement: COMMIT would quietly roll back.
      result = Outcome::invalid(
          "a statement of this transaction failed and the transaction body did not return the "
          "error; on PostgreSQL that ends the transaction, so nothing was committed");
    }
    if (!result.ok()) {
      (void)conn->script("ROLLBACK");
      return result;
    }
    Outcome commit = conn->script("COMMIT");
    if (!commit.ok()) {
      (void)conn->script("ROLLBACK");
      return commit;
    }
    txn.published();
    return result;
  }

  Expected<std::unique_ptr<PostgresConnection>> borrow() {
    std::unique_lock lock(pool_mu_);
    while (true) {
      if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        lock.unlock();
        if (const uint64_t now = ddl_generation_.load(); conn->generation != now) {
          conn->forget_prepared();
          conn->generation = now;
        }
        return conn;
      }
      if (opened_ < options_.connections) {
        ++opened_;
        lock.unlock();
        const uint64_t generation = ddl_generation_.load();
        auto conn = PostgresConnection::open(options_.conninfo, options_.schema,
                                             options_.lock_timeout_ms);
        if (conn) (*conn)->generation = generation;
        if (!conn) {
          std::lock_guard relock(pool_mu_);
          --opened_;
          pool_cv_.notify_one();
        }
        return conn;
      }
      pool_cv_.wait(lock);
    }
  }

  // A broken connection is closed, and the next borrow opens a fresh one.
  void give_back(std::unique_ptr<PostgresConnection> conn) {
    {
      std::lock_guard lock(pool_mu_);
      if (conn && conn->healthy()) {
        idle_.push_back(std::move(conn));
      } else {
        --opened_;
      }
    }
    conn.reset();
    pool_cv_.notify_one();
  }

 private:
  PostgresOptions options_;
  const std::string begin_;
  std::mutex writer_mu_;
  std::atomic<uint64_t> ddl_generation_{0};

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  int opened_ = 0;
};

}  // namespace

Expected<std::unique_ptr<Database>> open_postgres(const PostgresOptions& options) {
  if (options.schema.empty()) return Outcome::invalid("no PostgreSQL schema named");
  if (options.schema.size() > 63) {
    return Outcome::invalid("PostgreSQL schema name longer than 63 bytes: " + options.schema);
  }
  if (options.schema.find('"') != std::string::npos) {
    return Outcome::invalid("PostgreSQL schema name with a double quote: " + options.schema);
  }
  PostgresOptions o = options;
  o.connections = std::max(1, o.connections);
  auto db = std::make_unique<PostgresDatabase>(o);
  auto conn = db->borrow();
  if (!conn) return conn.outcome();
  const std::string create = "CREATE SCHEMA IF NOT EXISTS \"" + o.schema + "\"";
  Outcome created = (*conn)->script(create);
  // Two hosts creating the schema at once: the loser's IF NOT EXISTS can still collide on the
  // catalog's unique index; the schema is there either way.
  if (created.code() == Status::Conflict) created = (*conn)->script(create);
  db->give_back(std::move(*conn));
  if (!created.ok()) return created;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace courthub::storage
