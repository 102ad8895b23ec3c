// SPDX-License-Identifier: Apache-2.0
// importer.hpp — one import from start to end: read, validate (the schema, then the court and the
// judge against the directory), store in ONE transaction, apply to the table in memory after the
// commit, and restore the latest stored board.
//
//   Importer importer(host, state);
//   TextStream body(request.body);
//   ImportAnswer a = importer.import_stream(body, CaseFormat::Csv, {"upload", "", caller});
//
// Threading: one Importer per plugin, used from any handler thread; imports run one at a time
// (a second waits), so two imports never interleave their writes or their read-backs. A stream
// import reads and validates on a thread of its own while the transaction writes. It takes
// state.mutex exclusively only to apply (never across a database call).
// Errors: a bad CSV header throws courthub::Error(InvalidArgument) before anything is written;
// a database failure throws its courthub::Error and leaves the previous data (rolled back, the
// table in memory untouched). Bad records are not errors: they are in the answer's `rejected`.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <mutex>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "board_state.hpp"
#include "case_reader.hpp"
#include "case_store.hpp"

namespace board {

struct ImportAnswer {
  int64_t import_id = 0;
  ImportCounts counts;
  std::vector<Reject> rejected;
  // {"inserted","updated","rejected":[{"line","field","reason"}],"import_id"}
  courthub::Json to_json() const;
};

// Hands each valid case to `keep`; called inside the import's transaction (maybe on another
// thread while the importing one waits), so it must not take locks its caller holds.
using CaseSink = std::function<void(const CaseRecord&)>;
using CaseSource = std::function<void(const CaseSink& keep, std::vector<Reject>& rejected)>;

class Importer {
 public:
  Importer(courthub::Host& host, BoardState& state) : host_(host), state_(state) {}

  // Reads CSV or NDJSON from `in` (streaming: memory does not grow with the input).
  ImportAnswer import_stream(std::istream& in, CaseFormat format, const ImportSource& source);

  // Cases made by code (the demo). `make` is given the directory as of now and a sink.
  ImportAnswer import_generated(const std::function<void(const Org& org, const CaseSink& keep)>& make,
                                const ImportSource& source);

  // Whether the record names a court and a person of `org`; the reject otherwise.
  static std::optional<Reject> check_org(const CaseRecord& c, const Org& org, int64_t line);

 private:
  // Refreshes state.org from the directory, runs `source` in one transaction, applies after the
  // commit, then stores the latest day's board.
  ImportAnswer run(const ImportSource& source,
                   const std::function<void(const Org&, const CaseSink&, std::vector<Reject>&)>& make);

  courthub::Host& host_;
  BoardState& state_;
  std::mutex serial_;  // one import at a time
};

// Recomputes and stores the board of the latest complete day (yesterday on the host clock), as
// an import and a settings change must. Takes state.mutex shared (through store_day).
void store_latest_day(courthub::Host& host, const BoardState& state);

}  // namespace board
