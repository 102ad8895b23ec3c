// SPDX-License-Identifier: Apache-2.0
// One PostgreSQL connection: session settings, prepared statements, values in and out.
#include "host/storage/postgres_connection.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "host/storage/sql_placeholders.hpp"

namespace courthub::storage {
namespace {

// Type OIDs (PostgreSQL's pg_type.dat; stable since 7.x).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A REAL parameter in PostgreSQL's text form: round-trips every double, infinities included.
std::string real_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// bytea's text output (hex format, the default since 9.0): "\x" then two digits a byte.
bool decode_bytea(const char* text, size_t size, std::string& out) {
  out.clear();
  if (size < 2 || text[0] != '\\' || text[1] != 'x') return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.reserve((size - 2) / 2);
  for (size_t i = 2; i + 1 < size; i += 2) {
    int hi = nibble(text[i]), lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return true;
}

// numeric as INT when it is a whole number that fits, else REAL (AVG, SUM of REALs, ...).
ch_value numeric_value(const char* text) {
  bool whole = std::strpbrk(text, ".eEN") == nullptr;  // N: NaN
  if (whole) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(text, &end, 10);
    if (errno == 0 && end && *end == '\0') return int_value(v);
  }
  return real_value(std::strtod(text, nullptr));
}

// libpq's last error without its trailing newline.
std::string libpq_error(const PGconn* conn) {
  std::string why = PQerrorMessage(conn);
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  return why;
}

}  // namespace

Status status_of_sqlstate(std::string_view s) {
  if (s.size() != 5) return Status::Error;
  if (starts_with(s, "23")) return Status::Conflict;
  if (s == "40001" || s == "40P01" || s == "55P03" || s == "57014" || starts_with(s, "57P") ||
      starts_with(s, "08") || starts_with(s, "53")) {
    return Status::Unavailable;
  }
  if (starts_with(s, "42") || starts_with(s, "22") || starts_with(s, "21") || s == "25P02" ||
      s == "0A000" || s == "2BP01") {
    return Status::InvalidArgument;
  }
  return Status::Error;
}

Outcome PostgresConnection::failure(PGresult* res, std::string_view what) const {
  std::string message(what);
  message += ": ";
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (!healthy() || !state) {
    // No SQLSTATE: the connection failed (the server went away, the network broke).
    return Outcome::unavailable(message + "lost the connection to PostgreSQL: " +
                                libpq_error(conn_));
  }
  if (std::string_view(state) == "25P02") {
    return Outcome::invalid(message +
                            "an earlier statement of this transaction failed, which on "
                            "PostgreSQL ends the transaction: let that error leave the "
                            "transaction body");
  }
  message += primary ? primary : "failed";
  return Outcome::failure(status_of_sqlstate(state), message);
}

Expected<std::unique_ptr<PostgresConnection>> PostgresConnection::open(
    const std::string& conninfo, const std::string& schema, int lock_timeout_ms) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (!raw) return Outcome::unavailable("cannot connect to PostgreSQL: out of memory");
  std::unique_ptr<PostgresConnection> conn(new PostgresConnection(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    return Outcome::unavailable("cannot connect to PostgreSQL: " + libpq_error(raw));
  }
  // NOTICEs ("relation already exists, skipping") are not errors; libpq would print them.
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  char* quoted = PQescapeIdentifier(raw, schema.data(), schema.size());
  if (!quoted) return Outcome::invalid("cannot quote schema name: " + schema);
  std::string session = std::string("SET search_path TO ") + quoted +
                        ", public; SET lock_timeout = " + std::to_string(lock_timeout_ms) +
                        "; SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'";
  PQfreemem(quoted);
  Outcome o = conn->script(session);
  if (!o.ok()) return Outcome::failure(o.code(), "cannot set up the PostgreSQL session: " + o.message());
  return conn;
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

void PostgresConnection::forget_prepared() {
  if (prepared_.empty()) return;
  PQclear(PQexec(conn_, "DEALLOCATE ALL"));
  prepared_.clear();
}

bool PostgresConnection::healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool PostgresConnection::transaction_failed() const {
  return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

Outcome PostgresConnection::run(std::string_view sql, std::span<const ch_value> params,
                                const RowSink& sink, QueryResult* out) {
  // One prepared statement per SQL text and pattern of parameter types.
  std::vector<Oid> types(params.size());
  std::string key;
  key.reserve(params.size() + 1 + sql.size());
  for (size_t i = 0; i < params.size(); ++i) {
    switch (params[i].type) {
      case CH_VALUE_INT: types[i] = kInt8; key += 'i'; break;
      case CH_VALUE_REAL: types[i] = kFloat8; key += 'r'; break;
      case CH_VALUE_BLOB: types[i] = kBytea; key += 'b'; break;
      case CH_VALUE_TEXT: types[i] = 0; key += 't'; break;
      case CH_VALUE_NULL: types[i] = 0; key += 'n'; break;
      default:
        return Outcome::invalid("parameter " + std::to_string(i + 1) + " has unknown type");
    }
  }
  key += '\x1f';
  key.append(sql);

  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    auto numbered = number_placeholders(sql);
    if (!numbered) return numbered.outcome();
    if (static_cast<size_t>(numbered->parameters) != params.size()) {
      return Outcome::invalid("statement takes " + std::to_string(numbered->parameters) +
                              " parameters, " + std::to_string(params.size()) + " given");
    }
    if (prepared_.size() >= kMaxPreparedStatements) {
      // Plugins that build SQL dynamically would otherwise grow the set without bound.
      forget_prepared();
    }
    std::string name = "ch" + std::to_string(++next_name_);
    PGresult* res = PQprepare(conn_, name.c_str(), numbered->sql.c_str(),
                              static_cast<int>(params.size()), types.data());
    Outcome o = PQresultStatus(res) == PGRES_COMMAND_OK
                    ? Outcome::success()
                    : failure(res, "cannot prepare statement");
    PQclear(res);
    if (!o.ok()) return o;
    found = prepared_.emplace(std::move(key), std::move(name)).first;
  }

  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
  for (size_t i = 0; i < params.size(); ++i) {
    const ch_value& v = params[i];
    switch (v.type) {
      case CH_VALUE_INT: texts[i] = std::to_string(v.as.i); break;
      case CH_VALUE_REAL: texts[i] = real_text(v.as.r); break;
      case CH_VALUE_TEXT:
        texts[i].assign(v.as.s.data ? v.as.s.data : "", v.as.s.size);
        if (texts[i].find('\0') != std::string::npos) {
          return Outcome::invalid("parameter " + std::to_string(i + 1) +
                                  " is text with a NUL byte, which PostgreSQL does not store "
                                  "(use a BLOB)");
        }
        break;
      case CH_VALUE_BLOB:
        values[i] = v.as.s.data ? v.as.s.data : "";
        lengths[i] = static_cast<int>(v.as.s.size);
        formats[i] = 1;
        continue;
      default: continue;  // NULL
    }
    values[i] = texts[i].c_str();
  }
  PGresult* res = PQexecPrepared(conn_, found->second.c_str(), static_cast<int>(params.size()),
                                 values.data(), lengths.data(), formats.data(), 0);
  struct Clear {
    PGresult* r;
    ~Clear() { PQclear(r); }
  } clear{res};
  ExecStatusType status = PQresultStatus(res);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return failure(res, "statement failed");
  }

  const int rows = PQntuples(res), columns = PQnfields(res);
  std::string_view command = PQcmdStatus(res);
  if (out) {
    *out = QueryResult{};
    if (starts_with(command, "INSERT") || starts_with(command, "UPDATE") ||
        starts_with(command, "DELETE") || starts_with(command, "MERGE")) {
      out->changes = std::strtoll(PQcmdTuples(res), nullptr, 10);
    }
    if (starts_with(command, "INSERT") && rows == 1 && columns >= 1 && !PQgetisnull(res, 0, 0)) {
      Oid t = PQftype(res, 0);
      if (t == kInt8 || t == kInt4 || t == kInt2) {
        out->last_insert_id = std::strtoll(PQgetvalue(res, 0, 0), nullptr, 10);
      }
    }
  }
  if (!sink || rows == 0) return Outcome::success();

  std::vector<ch_str> names(columns);
  std::vector<Oid> column_types(columns);
  for (int c = 0; c < columns; ++c) {
    const char* n = PQfname(res, c);
    names[c] = ch_str{n, n ? std::strlen(n) : 0};
    column_types[c] = PQftype(res, c);
  }
  std::vector<ch_value> row(columns);
  std::vector<std::string> blobs(columns);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      ch_value& v = row[c];
      if (PQgetisnull(res, r, c)) {
        v = null_value();
        continue;
      }
      const char* text = PQgetvalue(res, r, c);
      const size_t size = static_cast<size_t>(PQgetlength(res, r, c));
      switch (column_types[c]) {
        case kInt2:
        case kInt4:
        case kInt8: v = int_value(std::strtoll(text, nullptr, 10)); break;
        case kBool: v = int_value(text[0] == 't' ? 1 : 0); break;
        case kFloat4:
        case kFloat8: v = real_value(std::strtod(text, nullptr)); break;
        case kNumeric: v = numeric_value(text); break;
        case kBytea:
          if (!decode_bytea(text, size, blobs[c])) {
            return Outcome::error("column " + std::string(names[c].data, names[c].size) +
                                  ": unexpected bytea format (bytea_output must be hex)");
          }
          v.type = CH_VALUE_BLOB;
          v.as.s = ch_str{blobs[c].data(), blobs[c].size()};
          break;
        default:
          v.type = CH_VALUE_TEXT;
          v.as.s = ch_str{text, size};
      }
    }
    Outcome o = sink(names.data(), row.data(), row.size());
    if (!o.ok()) return o;
  }
  return Outcome::success();
}

Outcome PostgresConnection::script(std::string_view sql) {
  std::string text(sql);
  PGresult* res = PQexec(conn_, text.c_str());
  ExecStatusType status = PQresultStatus(res);
  Outcome o = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
                      status == PGRES_EMPTY_QUERY
                  ? Outcome::success()
                  : failure(res, "statement failed");
  PQclear(res);
  return o;
}

}  // namespace courthub::storage
