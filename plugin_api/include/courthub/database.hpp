// SPDX-License-Identifier: Apache-2.0
// The plugin's own database: statements with bound parameters, rows, transactions.
//
// Engines: a SQLite file of the plugin's own, or (2.3) a PostgreSQL schema of its own when the
// host runs with storage.backend: postgres. A plugin that sets kPortableSql promises that its
// SQL runs on both (docs/plugins.md, "Portable SQL"); its migrations may use the words
// {{id}} {{serial}} {{int64}} {{double}} {{blob}}, {{sqlite}}/{{postgres}}..{{end}}, which the host
// expands for the engine at hand (plugin_abi.h, db_migrate).
//
// Threading: Database may be used from any handler thread concurrently; the host serialises
// writes. A transaction body may run on another handler's thread while its caller waits (the
// host commits concurrent transactions together), so it must not use thread-local state or
// locks the caller holds; its Sql handle dies when the body returns.
// Errors: every call throws courthub::Error — Conflict for a constraint violation (a UNIQUE key,
// an overlapping booking guarded by a trigger), Unavailable when the database stayed busy,
// InvalidArgument for SQL errors (the message is the database's).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "courthub/calls.hpp"
#include "courthub/error.hpp"
#include "courthub/json.hpp"
#include "courthub/plugin_abi.h"

namespace courthub {

struct Blob {
  std::string bytes;
  friend bool operator==(const Blob&, const Blob&) = default;
};

// A parameter or column value. Owns its data. (Plain members rather than a std::variant:
// GCC 12 reports false "may be used uninitialized" warnings for variants of this shape, and
// plugin authors build with -Wall.)
class Value {
 public:
  enum class Type { Null, Integer, Real, Text, Blob };

  Value() = default;
  Value(std::nullptr_t) {}
  // Any integer type (int, int64_t, size_t, ...). An unsigned value above INT64_MAX does not fit
  // an SQLite integer: throws InvalidArgument rather than wrapping.
  template <std::integral T>
  requires(!std::is_same_v<T, bool>) Value(T v)
      : type_(Type::Integer), i_(static_cast<int64_t>(v)) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(int64_t))
      if (v > static_cast<T>(INT64_MAX))
        throw Error(Status::InvalidArgument, "integer out of range");
  }
  Value(bool v) : type_(Type::Integer), i_(v ? 1 : 0) {}
  Value(double v) : type_(Type::Real), r_(v) {}
  Value(const char* v) : type_(Type::Text), s_(v) {}
  Value(std::string v) : type_(Type::Text), s_(std::move(v)) {}
  Value(std::string_view v) : type_(Type::Text), s_(v) {}
  Value(Blob v) : type_(Type::Blob), s_(std::move(v.bytes)) {}
  template <class T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  int64_t as_int() const {
    switch (type_) {
      case Type::Integer: return i_;
      case Type::Real: return static_cast<int64_t>(r_);
      case Type::Null: return 0;
      default: throw Error(Status::InvalidArgument, "column is text, not an integer");
    }
  }
  double as_double() const {
    switch (type_) {
      case Type::Real: return r_;
      case Type::Integer: return static_cast<double>(i_);
      case Type::Null: return 0;
      default: throw Error(Status::InvalidArgument, "column is text, not a number");
    }
  }
  // Text of a TEXT column; integers and reals are formatted; NULL is "".
  std::string as_string() const {
    switch (type_) {
      case Type::Text:
      case Type::Blob: return s_;
      case Type::Integer: return std::to_string(i_);
      case Type::Real: return std::to_string(r_);
      default: return {};
    }
  }

  ch_value to_abi() const {
    ch_value out{};
    switch (type_) {
      case Type::Null: out.type = CH_VALUE_NULL; break;
      case Type::Integer: out.type = CH_VALUE_INT; out.as.i = i_; break;
      case Type::Real: out.type = CH_VALUE_REAL; out.as.r = r_; break;
      case Type::Text: out.type = CH_VALUE_TEXT; out.as.s = view(s_); break;
      case Type::Blob: out.type = CH_VALUE_BLOB; out.as.s = view(s_); break;
    }
    return out;
  }
  static Value from_abi(const ch_value& v) {
    switch (v.type) {
      case CH_VALUE_INT:
        return Value(v.as.i);
      case CH_VALUE_REAL: return Value(v.as.r);
      case CH_VALUE_TEXT: return Value(to_string(v.as.s));
      case CH_VALUE_BLOB: return Value(Blob{to_string(v.as.s)});
      default: return Value();
    }
  }

 private:
  Type type_ = Type::Null;
  int64_t i_ = 0;
  double r_ = 0;
  std::string s_;
};

// One result row. Columns are looked up by name (as written in the SELECT) or by index.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> names, std::vector<Value> values)
      : names_(std::move(names)), values_(std::move(values)) {}

  size_t size() const { return values_.size(); }
  const Value& operator[](size_t i) const { return values_.at(i); }
  const Value& operator[](std::string_view name) const {
    for (size_t i = 0; i < names_->size(); ++i)
      if ((*names_)[i] == name) return values_[i];
    throw Error(Status::InvalidArgument, "no column named '" + std::string(name) + "'");
  }
  int64_t integer(std::string_view name) const { return (*this)[name].as_int(); }
  double real(std::string_view name) const { return (*this)[name].as_double(); }
  std::string text(std::string_view name) const { return (*this)[name].as_string(); }
  bool is_null(std::string_view name) const { return (*this)[name].is_null(); }
  const std::vector<std::string>& names() const { return *names_; }

 private:
  std::shared_ptr<const std::vector<std::string>> names_;
  std::vector<Value> values_;
};

struct ExecResult {
  int64_t changes = 0;
  int64_t last_insert_id = 0;
};

namespace detail {
[[noreturn]] inline void throw_host_error(const ch_host_api* api, ch_host* host, ch_status st) {
  throw Error(static_cast<Status>(st), to_string(api->last_error(host)));
}
}  // namespace detail

// The engine that holds the plugin's database (2.3).
enum class Dialect { kSqlite, kPostgres };

// Runs statements, either on their own (autocommit) or inside a transaction.
class Sql {
 public:
  Sql(const ch_host_api* api, ch_host* host, ch_txn* txn) : api_(api), host_(host), txn_(txn) {}

  // Which engine runs these statements: for the rare statement that must be written twice
  // (string_agg on PostgreSQL, group_concat on SQLite). Never changes while the host runs; a
  // host older than 2.3 has only SQLite. Thread: any. Throws nothing.
  Dialect dialect() const {
    if (api_->struct_size < offsetof(ch_host_api, db_dialect) + sizeof(api_->db_dialect) ||
        !api_->db_dialect)
      return Dialect::kSqlite;
    return api_->db_dialect(host_) == CH_DB_POSTGRES ? Dialect::kPostgres : Dialect::kSqlite;
  }

  // All rows of a query.
  std::vector<Row> query(std::string_view sql, std::initializer_list<Value> params = {}) const {
    return query(sql, std::vector<Value>(params));
  }
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) const {
    std::vector<Row> rows;
    each(sql, params, [&](const Row& r) { rows.push_back(r); });
    return rows;
  }
  // The first row, if any.
  std::optional<Row> one(std::string_view sql, std::initializer_list<Value> params = {}) const {
    auto rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }
  // Streams rows to `fn` without collecting them.
  void each(std::string_view sql, const std::vector<Value>& params,
            const std::function<void(const Row&)>& fn) const {
    run(sql, params, &fn);
  }
  // A statement that returns no rows (INSERT, UPDATE, DELETE, DDL).
  ExecResult exec(std::string_view sql, std::initializer_list<Value> params = {}) const {
    return run(sql, std::vector<Value>(params), nullptr);
  }
  ExecResult exec(std::string_view sql, const std::vector<Value>& params) const {
    return run(sql, params, nullptr);
  }

 private:
  struct SinkState {
    const std::function<void(const Row&)>* fn;
    std::shared_ptr<const std::vector<std::string>> names;
    std::exception_ptr error;
  };

  static ch_status on_row(void* ctx, const ch_str* names, const ch_value* values, size_t n) {
    auto* st = static_cast<SinkState*>(ctx);
    try {
      if (!st->names) {
        auto v = std::make_shared<std::vector<std::string>>();
        for (size_t i = 0; i < n; ++i) v->push_back(to_string(names[i]));
        st->names = std::move(v);
      }
      std::vector<Value> row;
      row.reserve(n);
      for (size_t i = 0; i < n; ++i) row.push_back(Value::from_abi(values[i]));
      (*st->fn)(Row(st->names, std::move(row)));
      return CH_OK;
    } catch (...) {
      st->error = std::current_exception();
      return CH_ERROR;
    }
  }

  ExecResult run(std::string_view sql, const std::vector<Value>& params,
                 const std::function<void(const Row&)>* fn) const {
    std::vector<ch_value> abi;
    abi.reserve(params.size());
    for (auto& p : params) abi.push_back(p.to_abi());
    SinkState state{fn, nullptr, nullptr};
    ch_db_result result{};
    result.struct_size = sizeof(ch_db_result);
    ch_status st = api_->db_query(host_, txn_, view(sql), abi.data(), abi.size(),
                                  fn ? &Sql::on_row : nullptr, fn ? &state : nullptr, &result);
    if (state.error) std::rethrow_exception(state.error);
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    return ExecResult{result.changes, result.last_insert_id};
  }

  friend class Transaction;
  const ch_host_api* api_;
  ch_host* host_;
  ch_txn* txn_;
};

// The statements of one transaction, and the effects that belong to it: an event published or
// a message queued here exists only if the transaction commits, and is handed to the inbox or
// outbox after the commit, exactly once. Valid only inside the transaction body.
class Transaction : public Sql {
 public:
  Transaction(const ch_host_api* api, ch_host* host, ch_txn* txn) : Sql(api, host, txn) {}

  // Publishes "<plugin>.<name>" with a JSON object payload when the transaction commits. A
  // non-empty `key` makes it idempotent: a second event of this plugin with that key is dropped.
  // Throws InvalidArgument for a bad name or payload.
  void publish(std::string_view name, const Json& payload, std::string_view key = {}) const {
    std::string p = payload.dump();
    ch_status st = api_->publish(host_, txn_, view(name), view(p), view(key));
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
  }

  // The raw handle, for Outbox::in (host.hpp).
  ch_txn* handle() const { return txn_; }
};

struct Migration {
  int64_t version;
  std::string name;
  std::string sql;
};

// The plugin's database.
class Database : public Sql {
 public:
  Database(const ch_host_api* api, ch_host* host) : Sql(api, host, nullptr), api_(api), host_(host) {}

  // Runs `body(tx)` in one write transaction: committed when it returns, rolled back when it
  // throws (the exception then propagates). Returns what body returns. `tx` is a Transaction
  // (statements, and effects that take place only if it commits); a body may take it as Sql&.
  template <class F>
  auto transaction(F&& body) -> decltype(body(std::declval<Transaction&>())) {
    using R = decltype(body(std::declval<Transaction&>()));
    struct State {
      std::remove_reference_t<F>* body;
      const ch_host_api* api;
      ch_host* host;
      std::exception_ptr error;
      std::optional<std::conditional_t<std::is_void_v<R>, int, R>> result;
    } state{&body, api_, host_, nullptr, std::nullopt};
    auto trampoline = [](void* ctx, ch_txn* txn) -> ch_status {
      auto* s = static_cast<State*>(ctx);
      try {
        Transaction tx(s->api, s->host, txn);
        if constexpr (std::is_void_v<R>) {
          (*s->body)(tx);
          s->result.emplace(0);
        } else {
          s->result.emplace((*s->body)(tx));
        }
        return CH_OK;
      } catch (...) {
        s->error = std::current_exception();
        return CH_ERROR;
      }
    };
    ch_status st = api_->db_transaction(host_, trampoline, &state);
    if (state.error) std::rethrow_exception(state.error);
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    if constexpr (!std::is_void_v<R>) return std::move(*state.result);
  }

  // Applies pending migrations (only inside activate). Throws Error on failure.
  void migrate(const std::vector<Migration>& migrations) {
    std::vector<ch_migration> abi;
    for (auto& m : migrations) abi.push_back(ch_migration{m.version, view(m.name), view(m.sql)});
    ch_status st = api_->db_migrate(host_, abi.data(), abi.size());
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
  }

 private:
  const ch_host_api* api_;
  ch_host* host_;
};

}  // namespace courthub
