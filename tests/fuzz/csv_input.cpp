// SPDX-License-Identifier: Apache-2.0
// Fuzzes the CSV readers (every one in the tree): the SDK's (courthub/records.hpp: CsvTable and
// parse_ndjson, what a plugin's import route uses), the lawyers' verification registry
// (plugins/lawyers/registry, the operator's file, over the SDK's parser) and the incentive
// board's case imports (plugins/incentive_board/case_reader + case_record: CSV and NDJSON, from
// HTTP, the console and the drop folder). The first byte picks the reader by its value mod 5
// (0: registry, 1: cases CSV, 2: cases NDJSON, 3: SDK CSV, 4: SDK NDJSON), the rest is the file.
// The registry parses any text into rows and problems; the case reader throws courthub::Error
// only for a bad CSV header, and every record it yields is either a problem or a case that
// parse_case accepts or refuses; the SDK's CSV throws courthub::Error only, its NDJSON nothing;
// nothing crashes.
// Seeds: config/lawyers-registry.csv and the readers' test inputs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "courthub/error.hpp"
#include "courthub/records.hpp"
#include "plugins/incentive_board/case_reader.hpp"
#include "plugins/lawyers/registry.hpp"

namespace {

void read_registry(std::string_view text) {
  std::vector<std::string> problems;
  auto table = lawyers::RegistryTable::parse(text, "registry.csv", problems);
  for (auto& p : problems)
    if (p.rfind("registry.csv:", 0) != 0) std::abort();  // every problem says file:line
  (void)table.check("12101201010100123", "李明", "辽宁正义律师事务所");
  std::string first(text.substr(0, text.find_first_of(",\n")));
  auto c = table.check(first, "李明", "");
  (void)c.to_json().dump();
}

void read_cases(std::string_view text, board::CaseFormat format) {
  board::TextStream in(text);
  try {
    board::CaseReader reader(in, format);
    board::ReadRecord r;
    int64_t last_line = 0;
    while (reader.next(r)) {
      if (r.line < last_line) std::abort();  // records come in file order
      last_line = r.line;
      if (r.problem) continue;
      auto parsed = board::parse_case(r.field);
      if (auto* rec = std::get_if<board::CaseRecord>(&parsed)) (void)board::iso_of(rec->filed_on);
    }
  } catch (const courthub::Error& e) {
    if (format != board::CaseFormat::Csv) std::abort();  // only a CSV header throws
  }
}

void read_sdk_csv(std::string_view text) {
  try {
    auto table = courthub::CsvTable::parse(text);
    size_t last_line = 0;
    for (auto& row : table.rows) {
      if (row.line <= last_line) std::abort();
      last_line = row.line;
      (void)table.field(row, table.header.front());
      (void)table.width_matches(row);
    }
  } catch (const courthub::Error&) {
  }
}

void read_sdk_ndjson(std::string_view text) {
  for (auto& line : courthub::parse_ndjson(text))
    if (line.error.empty()) (void)line.value.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0: read_registry(text); break;
    case 1: read_cases(text, board::CaseFormat::Csv); break;
    case 2: read_cases(text, board::CaseFormat::Ndjson); break;
    case 3: read_sdk_csv(text); break;
    default: read_sdk_ndjson(text); break;
  }
  return 0;
}
