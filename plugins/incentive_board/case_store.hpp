// SPDX-License-Identifier: Apache-2.0
// case_store.hpp — the cases and imports in the plugin's database: the one streamed load at
// activation, the writes of one import (multi-row upserts inside its transaction), the read-back
// that applies a committed import to the table in memory, and the list of imports.
//
// Threading: free functions; the database may be used from any thread. A CaseWriter belongs to
// the transaction body that made it. Errors: every function throws courthub::Error from the
// database (the caller's transaction then rolls back).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include "board_state.hpp"
#include "case_reader.hpp"
#include "case_record.hpp"
#include "case_table.hpp"

namespace board {

// Where an import came from, as GET /imports shows it.
struct ImportSource {
  std::string source;  // "upload" | "drop_folder" | "demo"
  std::string file;    // the drop folder's file name; "" otherwise
  std::string by;      // the caller's user_id, "admin", or "" for the plugin itself
};

// Distinct cases an import created and changed (a case_id twice in one import counts once).
struct ImportCounts {
  int64_t inserted = 0, updated = 0;
};

// Records the import (its id is what its cases are written under). Inside the import's
// transaction.
int64_t begin_import(const courthub::Sql& tx, const ImportSource& source, int64_t at_ms);
// Stores the outcome; keeps the first 1000 rejects (all are counted).
void finish_import(const courthub::Sql& tx, int64_t import_id, const ImportCounts& counts,
                   const std::vector<Reject>& rejects);

// Writes one import's cases in multi-row INSERT … ON CONFLICT(case_id) DO UPDATE statements of
// kBatchRows rows; a later row with the same case_id wins. Lives inside the transaction body.
class CaseWriter {
 public:
  static constexpr size_t kBatchRows = 400;  // 25 parameters a row: 10,000 per statement

  CaseWriter(const courthub::Sql& tx, int64_t import_id);
  void add(const CaseRecord& c);
  // Writes what is buffered, then counts the cases this import inserted and updated.
  ImportCounts finish();

 private:
  void flush();
  const courthub::Sql& tx_;
  int64_t import_id_;
  std::vector<courthub::Value> params_;
  std::unordered_set<std::string> batch_ids_;  // the case_ids of the statement being built
  size_t rows_ = 0;
};

// Loads every stored case into `table` with one streamed SELECT. For activate(), before any
// handler runs (it takes no lock). A row that no longer parses is skipped and logged by the
// caller through `skipped`. Returns the number of cases loaded.
size_t load_cases(const courthub::Sql& db, CaseTable& table, size_t* skipped = nullptr);

// After the import's commit: reads back the cases it wrote, 50,000 at a time, and upserts each
// chunk into state.cases under the exclusive lock (taken only between database reads, never
// around one). An import of up to 50,000 cases appears at once; a larger one chunk by chunk.
// Returns the number of cases applied.
size_t apply_import(const courthub::Sql& db, BoardState& state, int64_t import_id);

// The last `limit` imports, newest first: {"id","source","file","by","at","inserted","updated",
// "rejected"} with "at" in ISO 8601 (+08:00).
courthub::Json recent_imports(const courthub::Sql& db, int limit);

// The meta table: a value by key, or nullopt.
std::optional<std::string> meta_value(const courthub::Sql& db, const std::string& key);
void set_meta_value(const courthub::Sql& db, const std::string& key, const std::string& value);

}  // namespace board
