// SPDX-License-Identifier: Apache-2.0
// SqliteHost (a test double): db_query / db_transaction / db_migrate over a raw sqlite3
// connection; the other host services answer as sqlite_host.hpp describes.
#include "sqlite_host.hpp"

#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <vector>

#include <courthub/testing.hpp>

#include "schema.hpp"

namespace json = courthub::json;

namespace rooms::testing {

struct SqliteHost::State {
  sqlite3* db = nullptr;
  std::map<std::string, sqlite3_stmt*> statements;
};

namespace {

thread_local std::string t_error;

SqliteHost::State& state(ch_host* h) {
  return *reinterpret_cast<SqliteHost::State*>(h);
}

ch_status fail(int rc, sqlite3* db) {
  t_error = sqlite3_errmsg(db);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return CH_CONFLICT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CH_UNAVAILABLE;
    default:
      return CH_INVALID_ARGUMENT;
  }
}

ch_str last_error(ch_host*) {
  return ch_str{t_error.data(), t_error.size()};
}
void log(ch_host*, uint32_t, ch_str) {}

ch_status text_answer(const std::string& text, ch_str_sink sink, void* ctx) {
  sink(ctx, ch_str{text.data(), text.size()});
  return CH_OK;
}

ch_status settings(ch_host*, ch_str_sink sink, void* ctx) {
  return text_answer("{}", sink, ctx);
}
ch_status data_dir(ch_host*, ch_str_sink sink, void* ctx) {
  return text_answer("/tmp", sink, ctx);
}
void settings_error(ch_host*, ch_str, ch_str) {}

ch_status publish(ch_host*, ch_txn*, ch_str, ch_str, ch_str) {
  return CH_OK;
}

ch_status outbox_send(ch_host*, ch_txn* txn, ch_str, int64_t* out_id) {
  if (out_id) *out_id = txn ? 0 : 1;
  return CH_OK;
}

int64_t now_ms(ch_host*) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ch_status query(ch_host* h, ch_txn*, ch_str sql, const ch_value* params, size_t count,
                ch_row_sink sink, void* ctx, ch_db_result* out) {
  SqliteHost::State& s = state(h);
  std::string text(sql.data, sql.size);
  sqlite3_stmt*& stmt = s.statements[text];
  if (!stmt) {
    int rc = sqlite3_prepare_v2(s.db, text.c_str(), static_cast<int>(text.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
      s.statements.erase(text);
      return fail(rc, s.db);
    }
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  for (size_t i = 0; i < count; ++i) {
    int at = static_cast<int>(i + 1);
    const ch_value& v = params[i];
    switch (v.type) {
      case CH_VALUE_INT:
        sqlite3_bind_int64(stmt, at, v.as.i);
        break;
      case CH_VALUE_REAL:
        sqlite3_bind_double(stmt, at, v.as.r);
        break;
      case CH_VALUE_TEXT:
        sqlite3_bind_text(stmt, at, v.as.s.data ? v.as.s.data : "", static_cast<int>(v.as.s.size),
                          SQLITE_TRANSIENT);
        break;
      case CH_VALUE_BLOB:
        sqlite3_bind_blob(stmt, at, v.as.s.data, static_cast<int>(v.as.s.size), SQLITE_TRANSIENT);
        break;
      default:
        sqlite3_bind_null(stmt, at);
    }
  }
  int columns = sqlite3_column_count(stmt);
  std::vector<std::string> names;
  for (int c = 0; c < columns; ++c) names.emplace_back(sqlite3_column_name(stmt, c));
  std::vector<ch_str> name_views;
  for (auto& n : names) name_views.push_back(ch_str{n.data(), n.size()});
  while (true) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      ch_status st = fail(rc, s.db);
      sqlite3_reset(stmt);
      return st;
    }
    if (!sink) continue;
    std::vector<std::string> texts(columns);
    std::vector<ch_value> values(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          values[c].type = CH_VALUE_INT;
          values[c].as.i = sqlite3_column_int64(stmt, c);
          break;
        case SQLITE_FLOAT:
          values[c].type = CH_VALUE_REAL;
          values[c].as.r = sqlite3_column_double(stmt, c);
          break;
        case SQLITE_NULL:
          values[c].type = CH_VALUE_NULL;
          break;
        default: {
          const char* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          texts[c].assign(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
          values[c].type = CH_VALUE_TEXT;
          values[c].as.s = ch_str{texts[c].data(), texts[c].size()};
        }
      }
    }
    ch_status st = sink(ctx, name_views.data(), values.data(), values.size());
    if (st != CH_OK) {
      sqlite3_reset(stmt);
      t_error = "stopped by the plugin";
      return st;
    }
  }
  if (out && out->struct_size >= sizeof(ch_db_result)) {
    out->changes = sqlite3_changes(s.db);
    out->last_insert_id = sqlite3_last_insert_rowid(s.db);
  }
  sqlite3_reset(stmt);
  return CH_OK;
}

ch_status exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return CH_OK;
  t_error = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return (rc & 0xff) == SQLITE_BUSY ? CH_UNAVAILABLE : CH_ERROR;
}

ch_status transaction(ch_host* h, ch_status (*body)(void*, ch_txn*), void* ctx) {
  sqlite3* db = state(h).db;
  ch_status st = exec(db, "BEGIN IMMEDIATE");
  if (st != CH_OK) return st;
  st = body(ctx, reinterpret_cast<ch_txn*>(h));
  if (st != CH_OK) {
    exec(db, "ROLLBACK");
    return st;
  }
  st = exec(db, "COMMIT");
  if (st != CH_OK) exec(db, "ROLLBACK");
  return st;
}

ch_status migrate(ch_host* h, const ch_migration* migrations, size_t count) {
  sqlite3* db = state(h).db;
  for (size_t i = 0; i < count; ++i) {
    // Spelled as the host spells a portable plugin's migration for SQLite.
    std::string sql = courthub::testing::portable_sql(
        std::string_view(migrations[i].sql.data, migrations[i].sql.size),
        courthub::Dialect::kSqlite);
    if (exec(db, "BEGIN IMMEDIATE") != CH_OK) return CH_ERROR;
    if (exec(db, sql.c_str()) != CH_OK) {
      std::string why = t_error;
      exec(db, "ROLLBACK");
      t_error = why;
      return CH_ERROR;
    }
    if (exec(db, "COMMIT") != CH_OK) return CH_ERROR;
  }
  return CH_OK;
}

ch_status directory(ch_host*, ch_str query, ch_str_sink sink, void* ctx) {
  courthub::Json q = courthub::Json::parse(std::string(query.data, query.size));
  std::string id = json::get<std::string>(q, "person");
  if (id.empty() || id[0] != 'u') {
    t_error = "no person '" + id + "' in the directory";
    return CH_NOT_FOUND;
  }
  courthub::Json person = courthub::Json::object({{"user_id", id},
                                                  {"name", "用户" + id},
                                                  {"court_code", "T"},
                                                  {"dept_id", "1"},
                                                  {"title", "审判员"},
                                                  {"roles", courthub::Json::array({"judge"})}});
  return text_answer(person.dump(), sink, ctx);
}

ch_status plugin_active(ch_host*, ch_str) {
  return CH_NOT_FOUND;
}

const ch_host_api kApi = {sizeof(ch_host_api),
                          CH_ABI_MAJOR,
                          CH_ABI_MINOR,
                          &last_error,
                          &log,
                          &settings,
                          &data_dir,
                          &settings_error,
                          nullptr,  // register_route
                          nullptr,  // register_command
                          nullptr,  // register_card_action
                          nullptr,  // subscribe
                          nullptr,  // schedule
                          &publish,
                          &outbox_send,
                          &migrate,
                          &query,
                          &transaction,
                          &directory,
                          &plugin_active,
                          nullptr,  // reply_status
                          nullptr,  // reply_header
                          nullptr,  // reply_body
                          nullptr,  // reply_title
                          &now_ms,
                          nullptr,  // is_workday
                          nullptr,  // next_workday
                          nullptr};  // workdays_between

}  // namespace

SqliteHost::SqliteHost(const std::string& path, bool run_migrations)
    : state_(std::make_unique<State>()) {
  int rc =
      sqlite3_open_v2(path.c_str(), &state_->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  sqlite3_busy_timeout(state_->db, 20000);
  exec(state_->db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  host_ = std::make_unique<courthub::Host>(&kApi, reinterpret_cast<ch_host*>(state_.get()));
  if (run_migrations) host_->db().migrate(migrations());
}

SqliteHost::~SqliteHost() {
  for (auto& [sql, stmt] : state_->statements) sqlite3_finalize(stmt);
  sqlite3_close_v2(state_->db);
}

TempDatabase::TempDatabase() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "rooms-unit-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory");
  dir_ = tmpl;
  file_ = dir_ + "/rooms.db";
}

TempDatabase::~TempDatabase() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace rooms::testing
