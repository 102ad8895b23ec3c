// SPDX-License-Identifier: Apache-2.0
// Tables of the board's database: every case as imported, the imports, a few facts of the plugin.
//
// Cases keep the spec's wire form (dates ISO 8601 text, enums their words, booleans 0/1) so the
// file reads like the import that made it. The table is WITHOUT ROWID: the case_id is the key and
// the only lookup, and a second b-tree for a rowid would cost every import a third of its writes.
#include "schema.hpp"

namespace board {

std::vector<courthub::Migration> migrations() {
  return {
      {1, "cases and imports", R"sql(
CREATE TABLE cases (
  case_id TEXT PRIMARY KEY,
  case_no TEXT NOT NULL,
  court_code TEXT NOT NULL,
  judge_id TEXT NOT NULL,
  dispute_id TEXT NOT NULL,
  category TEXT NOT NULL,
  procedure TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  closed_on TEXT,
  limit_days INTEGER,
  extended_days INTEGER NOT NULL,
  deducted_days INTEGER NOT NULL,
  closing_method TEXT,
  appealed INTEGER NOT NULL,
  appeal_outcome TEXT,
  retrial_applied INTEGER NOT NULL,
  retrial_outcome TEXT,
  filing_changed INTEGER NOT NULL,
  petitions INTEGER NOT NULL,
  doc_reviewed INTEGER NOT NULL,
  doc_error INTEGER NOT NULL,
  amount_applied {{double}} NOT NULL,
  amount_collected {{double}} NOT NULL,
  -- The import that wrote the row last, and the one that created it: an import counts what it
  -- inserted and updated from these, and reads back what it wrote to apply it in memory.
  import_id {{int64}} NOT NULL,
  created_by_import {{int64}} NOT NULL
) {{sqlite}}WITHOUT ROWID{{end}};
CREATE INDEX cases_import ON cases(import_id);

CREATE TABLE imports (
  id {{id}},
  source TEXT NOT NULL CHECK (source IN ('upload', 'drop_folder', 'demo')),
  file TEXT NOT NULL DEFAULT '',
  {{sqlite}}by{{end}}{{postgres}}"by"{{end}} TEXT NOT NULL DEFAULT '',
  at_ms {{int64}} NOT NULL,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  -- [{"line","field","reason"}], at most the first 1000 (rejected counts them all).
  rejects TEXT NOT NULL DEFAULT '[]'
);

-- Facts the plugin keeps about itself: "settings" (the fingerprint of the settings the latest
-- stored board was computed with).
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql"},
      // 10–19: the history of the boards (the boards engineer's tables).
  };
}

}  // namespace board
