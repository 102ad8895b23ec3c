// SPDX-License-Identifier: Apache-2.0
// Cases in the database: multi-row upserts for imports, the streamed load, the read-back.
#include "case_store.hpp"

#include <charconv>
#include <mutex>

#include <courthub/time.hpp>

namespace board {
namespace {

constexpr size_t kParamsPerRow = kCaseFields.size() + 2;  // + import_id, created_by_import
constexpr size_t kKeptRejects = 1000;
constexpr size_t kApplyChunk = 50000;

std::string column_list() {
  std::string out;
  for (auto f : kCaseFields) out += (out.empty() ? "" : ", ") + std::string(f);
  return out;
}

// INSERT of `rows` rows with distinct case_ids (PostgreSQL refuses to update one row twice in a
// statement; CaseWriter starts a new statement at a repeated case_id, so the later row wins).
std::string upsert_sql(size_t rows) {
  std::string row = "(";
  for (size_t i = 0; i < kParamsPerRow; ++i) row += i ? ",?" : "?";
  row += ")";
  std::string sql = "INSERT INTO cases (" + column_list() + ", import_id, created_by_import) VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 1) + 1024);
  for (size_t i = 0; i < rows; ++i) {
    if (i) sql += ',';
    sql += row;
  }
  sql += " ON CONFLICT(case_id) DO UPDATE SET ";
  for (size_t i = 1; i < kCaseFields.size(); ++i) {
    std::string f(kCaseFields[i]);
    sql += f + " = excluded." + f + ", ";
  }
  sql += "import_id = excluded.import_id";
  return sql;
}

const std::string& cached_upsert_sql(size_t rows) {
  static const std::string full = upsert_sql(CaseWriter::kBatchRows);
  if (rows == CaseWriter::kBatchRows) return full;
  thread_local std::string partial;
  partial = upsert_sql(rows);
  return partial;
}

template <class E>
courthub::Value word_or_null(E value, E none) {
  if (value == none) return courthub::Value();
  return courthub::Value(name_of(value));
}

int field_index(std::string_view name) {
  for (size_t i = 0; i < kCaseFields.size(); ++i)
    if (kCaseFields[i] == name) return static_cast<int>(i);
  return -1;
}

// A stored row's fields as parse_case reads them: NULL is an absent field, numbers are text
// (reals in their shortest round-trip fixed form, so an amount reads back to the same double).
class StoredFields {
 public:
  void set(const courthub::Row& row) {
    for (size_t i = 0; i < kCaseFields.size(); ++i) {
      const courthub::Value& v = row[i];
      present_[i] = !v.is_null();
      if (v.type() == courthub::Value::Type::Real) {
        char buf[512];  // DBL_MAX in fixed notation is 309 digits
        // Fixed notation (4930000, not 4.93e+06: the schema's decimals have no exponent), the
        // shortest that reads back to the same double.
        auto r = std::to_chars(buf, buf + sizeof buf, v.as_double(), std::chars_format::fixed);
        text_[i].assign(buf, r.ptr);
      } else if (present_[i]) {
        text_[i] = v.as_string();
      }
    }
  }
  FieldLookup lookup() const {
    return [this](std::string_view name) -> std::optional<std::string_view> {
      int i = field_index(name);
      if (i < 0 || !present_[static_cast<size_t>(i)]) return std::nullopt;
      return std::string_view(text_[static_cast<size_t>(i)]);
    };
  }

 private:
  std::array<std::string, kCaseFields.size()> text_;
  std::array<bool, kCaseFields.size()> present_{};
};

std::optional<CaseRecord> case_of(const StoredFields& fields) {
  auto parsed = parse_case(fields.lookup());
  if (auto* c = std::get_if<CaseRecord>(&parsed)) return std::move(*c);
  return std::nullopt;
}

}  // namespace

int64_t begin_import(const courthub::Sql& tx, const ImportSource& source, int64_t at_ms) {
  auto row = tx.one(
      "INSERT INTO imports (source, file, \"by\", at_ms) VALUES (?, ?, ?, ?) RETURNING id",
      {source.source, source.file, source.by, at_ms});
  return row->integer("id");
}

void finish_import(const courthub::Sql& tx, int64_t import_id, const ImportCounts& counts,
                   const std::vector<Reject>& rejects) {
  courthub::Json kept = courthub::Json::array();
  for (size_t i = 0; i < rejects.size() && i < kKeptRejects; ++i)
    kept.push_back(courthub::Json::object(
        {{"line", rejects[i].line}, {"field", rejects[i].field}, {"reason", rejects[i].reason}}));
  tx.exec("UPDATE imports SET inserted = ?, updated = ?, rejected = ?, rejects = ? WHERE id = ?",
          {counts.inserted, counts.updated, static_cast<int64_t>(rejects.size()),
           courthub::json::dump(kept), import_id});
}

CaseWriter::CaseWriter(const courthub::Sql& tx, int64_t import_id)
    : tx_(tx), import_id_(import_id) {
  params_.reserve(kBatchRows * kParamsPerRow);
}

void CaseWriter::add(const CaseRecord& c) {
  using courthub::Value;
  if (!batch_ids_.insert(c.case_id).second) {  // the same case twice in one file: later wins
    flush();
    batch_ids_.insert(c.case_id);
  }
  params_.emplace_back(c.case_id);
  params_.emplace_back(c.case_no);
  params_.emplace_back(c.court_code);
  params_.emplace_back(c.judge_id);
  params_.emplace_back(c.dispute_id);
  params_.emplace_back(name_of(c.category));
  params_.emplace_back(name_of(c.procedure));
  params_.emplace_back(iso_of(c.filed_on));
  params_.push_back(c.is_closed() ? Value(iso_of(c.closed_on)) : Value());
  params_.push_back(c.limit_days < 0 ? Value() : Value(c.limit_days));
  params_.emplace_back(c.extended_days);
  params_.emplace_back(c.deducted_days);
  params_.push_back(word_or_null(c.closing_method, ClosingMethod::None));
  params_.emplace_back(c.appealed);
  params_.push_back(word_or_null(c.appeal_outcome, AppealOutcome::None));
  params_.emplace_back(c.retrial_applied);
  params_.push_back(word_or_null(c.retrial_outcome, RetrialOutcome::None));
  params_.emplace_back(c.filing_changed);
  params_.emplace_back(c.petitions);
  params_.emplace_back(c.doc_reviewed);
  params_.emplace_back(c.doc_error);
  params_.emplace_back(c.amount_applied);
  params_.emplace_back(c.amount_collected);
  params_.emplace_back(import_id_);
  params_.emplace_back(import_id_);
  if (++rows_ == kBatchRows) flush();
}

void CaseWriter::flush() {
  if (rows_ == 0) return;
  tx_.exec(cached_upsert_sql(rows_), params_);
  params_.clear();
  batch_ids_.clear();
  rows_ = 0;
}

ImportCounts CaseWriter::finish() {
  flush();
  auto row = tx_.one(
      "SELECT count(*) AS written, "
      "coalesce(sum(CASE WHEN created_by_import = ?1 THEN 1 ELSE 0 END), 0) AS inserted "
      "FROM cases WHERE import_id = ?1",
      {import_id_});
  ImportCounts counts;
  counts.inserted = row->integer("inserted");
  counts.updated = row->integer("written") - counts.inserted;
  return counts;
}

size_t load_cases(const courthub::Sql& db, CaseTable& table, size_t* skipped) {
  size_t count = 0, bad = 0;
  if (auto n = db.one("SELECT count(*) AS n FROM cases")) table.reserve(table.size() + static_cast<size_t>(n->integer("n")));
  StoredFields fields;
  db.each("SELECT " + column_list() + " FROM cases", {}, [&](const courthub::Row& row) {
    fields.set(row);
    if (auto c = case_of(fields)) {
      table.upsert(*c);
      ++count;
    } else {
      ++bad;
    }
  });
  if (skipped) *skipped = bad;
  return count;
}

size_t apply_import(const courthub::Sql& db, BoardState& state, int64_t import_id) {
  const std::string sql = "SELECT " + column_list() +
                          " FROM cases WHERE import_id = ? AND case_id > ? ORDER BY case_id LIMIT " +
                          std::to_string(kApplyChunk);
  std::string after;
  size_t applied = 0;
  std::vector<CaseRecord> chunk;
  StoredFields fields;
  for (;;) {
    chunk.clear();
    size_t rows = 0;
    db.each(sql, {import_id, after}, [&](const courthub::Row& row) {
      ++rows;
      fields.set(row);
      if (auto c = case_of(fields)) chunk.push_back(std::move(*c));
      after = row[0].as_string();
    });
    if (!chunk.empty()) {
      std::unique_lock lock(state.mutex);
      for (auto& c : chunk) state.cases.upsert(c);
    }
    applied += chunk.size();
    if (rows < kApplyChunk) break;
  }
  return applied;
}

courthub::Json recent_imports(const courthub::Sql& db, int limit) {
  courthub::Json out = courthub::Json::array();
  for (auto& r : db.query(
           "SELECT id, source, file, \"by\", at_ms, inserted, updated, rejected FROM imports "
           "ORDER BY id DESC LIMIT ?",
           {limit}))
    out.push_back(courthub::Json::object({{"id", r.integer("id")},
                                          {"source", r.text("source")},
                                          {"file", r.text("file")},
                                          {"by", r.text("by")},
                                          {"at", courthub::time::format_iso(r.integer("at_ms"))},
                                          {"inserted", r.integer("inserted")},
                                          {"updated", r.integer("updated")},
                                          {"rejected", r.integer("rejected")}}));
  return out;
}

std::optional<std::string> meta_value(const courthub::Sql& db, const std::string& key) {
  auto row = db.one("SELECT value FROM meta WHERE key = ?", {key});
  if (!row) return std::nullopt;
  return row->text("value");
}

void set_meta_value(const courthub::Sql& db, const std::string& key, const std::string& value) {
  db.exec("INSERT INTO meta (key, value) VALUES (?, ?) "
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          {key, value});
}

}  // namespace board
