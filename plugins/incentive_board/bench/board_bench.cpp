// SPDX-License-Identifier: Apache-2.0
// incentive_board_bench: the issue's §4 figures, one measurement per process so each peak RSS is
// its own (board_bench.sh runs them and prints the table). Every figure line is
// "figure <key> <value>"; anything else is commentary.
//
//   incentive_board_bench directory OUT_DIR SEED_DIR JUDGES   the directory with ~JUDGES judges
//   incentive_board_bench recompute DIR COUNT                 measure + boards vs a plain pass
//   incentive_board_bench baseline DIR COUNT WORK             raw SQLite and parse-only imports
//   incentive_board_bench plugin DIR COUNT WORK               incentive_board.so in the harness
//
// DIR is what `directory` wrote; the cases are generate_cases(COUNT, seed 20260101, today
// 2026-12-05) in every process, so every figure is about the same rows.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <courthub/testing.hpp>

#include "bench_directory.hpp"
#include "board.hpp"
#include "board_settings.hpp"
#include "case_reader.hpp"
#include "case_table.hpp"
#include "indicators.hpp"
#include "seed_org.hpp"
#include "synthetic_cases.hpp"

namespace board {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kSeed = 20260101;
constexpr int64_t kChunk = 100'000;      // rows generated (and, for SQLite, bound) at a time
constexpr Day kToday = 20792;  // 2026-12-05

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void figure(const std::string& key, double value) {
  std::printf("figure %s %.6g\n", key.c_str(), value);
  std::fflush(stdout);
}

// Peak resident memory of this process: getrusage's ru_maxrss and /proc's VmHWM, in MB.
void peak_memory(const std::string& prefix) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  figure(prefix + "_maxrss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) figure(prefix + "_vmhwm_mb", std::stod(line.substr(6)) / 1024.0);
}

std::vector<std::string> seed_files(const std::string& dir) {
  return {dir + "/courts.yaml", dir + "/staff.yaml", dir + "/bench-judges.yaml"};
}

SyntheticSpec spec(int64_t count) { return {count, kSeed, kToday}; }

// The daily change of a case: a pending one closes today, a closed one gets a petition.
CaseRecord changed(CaseRecord c) {
  if (c.is_closed()) {
    ++c.petitions;
    return c;
  }
  c.closed_on = kToday;
  switch (c.procedure) {
    case Procedure::Enforcement:
      c.closing_method = ClosingMethod::Completed;
      c.amount_collected = c.amount_applied;
      break;
    case Procedure::PreLitigation: c.closing_method = ClosingMethod::Mediated; break;
    default: c.closing_method = ClosingMethod::Judgment; break;
  }
  return c;
}

// What a day changes, as a case system's daily export would carry it: cases of the last quarter
// of the ids (the last ~100 days of filings): pending ones closing (every 10th), topped up with
// closed ones getting a petition, 20,000 in all.
class DailyChanges {
 public:
  explicit DailyChanges(int64_t count) : from_(count - count / 4) {}
  void offer(const CaseRecord& c) {
    if (seen_++ < from_) return;
    auto& picks = c.is_closed() ? closed_ : pending_;
    if ((c.is_closed() ? closed_seen_++ : pending_seen_++) % 10 == 0 && picks.size() < kCount)
      picks.push_back(changed(c));
  }
  std::vector<CaseRecord> take() {
    std::vector<CaseRecord> out = std::move(pending_);
    for (auto& c : closed_)
      if (out.size() < kCount) out.push_back(std::move(c));
    return out;
  }

 private:
  static constexpr size_t kCount = 20'000;
  int64_t from_, seen_ = 0, pending_seen_ = 0, closed_seen_ = 0;
  std::vector<CaseRecord> pending_, closed_;
};

// ---- recompute: the board's computation on a table of COUNT cases, beside one plain pass ----

int recompute(const std::string& dir, int64_t count) {
  Org org = org_from_seed(seed_files(dir));
  CaseTable table;
  table.reserve(static_cast<size_t>(count));
  auto start = Clock::now();
  generate_cases(org, spec(count), [&](const CaseRecord& c) { table.upsert(c); });
  figure("table_fill_s", seconds_since(start));
  figure("table_mb", static_cast<double>(table.bytes()) / 1e6);

  BoardSettings settings;
  const Window window = window_for(settings, kToday);
  double best_boards = 1e9, best_pass = 1e9;
  size_t members = 0;
  for (int run = 0; run < 3; ++run) {
    start = Clock::now();
    MeasureSet m = measure(table, org, window);
    Board courts = court_board(m, org, settings, window);
    Board judges = judge_board(m, org, settings, window);
    best_boards = std::min(best_boards, seconds_since(start));
    members = 0;
    for (const auto* b : {&courts, &judges})
      for (const auto& g : b->groups) members += g.members.size();

    // Baseline: one pass over the same columns measure() starts from, counting what A1 counts.
    start = Clock::now();
    std::vector<int64_t> closed(table.court_codes().size()), open(table.court_codes().size());
    for (size_t row = 0; row < table.size(); ++row) {
      if (table.procedure(row) > Procedure::Retrial) continue;
      Day closed_on = table.closed_on(row);
      auto court = static_cast<size_t>(table.court_of(row));
      if (closed_on != kNoDay && closed_on >= window.from && closed_on <= window.to) ++closed[court];
      else if (table.filed_on(row) <= window.to) ++open[court];
    }
    best_pass = std::min(best_pass, seconds_since(start));
    if (closed.empty() && open.empty()) std::puts("(no courts)");
  }
  figure("boards_s", best_boards);
  figure("plain_pass_s", best_pass);
  figure("board_members", static_cast<double>(members));
  figure("cases", static_cast<double>(table.size()));
  figure("judges", static_cast<double>(org.judges.size()));
  figure("courts", static_cast<double>(org.courts.size()));
  peak_memory("recompute");
  return 0;
}

// ---- baseline: the same rows into raw SQLite, and through the CSV reader without storing ----

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

class RawTable {
 public:
  explicit RawTable(const std::string& path) {
    check(sqlite3_open(path.c_str(), &db_), db_, "open");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    std::string columns, marks, updates;
    for (auto name : kCaseFields) {
      columns += std::string(columns.empty() ? "" : ", ") + std::string(name) +
                 (name == "case_id" ? " TEXT PRIMARY KEY" : "");
      marks += marks.empty() ? "?" : ", ?";
      if (name != "case_id")
        updates += std::string(updates.empty() ? "" : ", ") + std::string(name) + " = excluded." +
                   std::string(name);
    }
    exec("CREATE TABLE cases (" + columns + ") WITHOUT ROWID");
    check(sqlite3_prepare_v2(db_,
                             ("INSERT INTO cases VALUES (" + marks +
                              ") ON CONFLICT(case_id) DO UPDATE SET " + updates)
                                 .c_str(),
                             -1, &insert_, nullptr),
          db_, "prepare");
  }
  ~RawTable() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  void exec(const std::string& sql) { check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), db_, sql.c_str()); }
  void put(const CaseRecord& c) {
    int i = 0;
    auto text = [&](const std::string& s) { sqlite3_bind_text(insert_, ++i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC); };
    auto number = [&](int64_t n) { sqlite3_bind_int64(insert_, ++i, n); };
    text(c.case_id); text(c.case_no); text(c.court_code); text(c.judge_id); text(c.dispute_id);
    number(static_cast<int>(c.category)); number(static_cast<int>(c.procedure));
    number(c.filed_on); number(c.closed_on); number(c.limit_days); number(c.extended_days);
    number(c.deducted_days); number(static_cast<int>(c.closing_method)); number(c.appealed);
    number(static_cast<int>(c.appeal_outcome)); number(c.retrial_applied);
    number(static_cast<int>(c.retrial_outcome)); number(c.filing_changed); number(c.petitions);
    number(c.doc_reviewed); number(c.doc_error);
    sqlite3_bind_double(insert_, ++i, c.amount_applied);
    sqlite3_bind_double(insert_, ++i, c.amount_collected);
    check(sqlite3_step(insert_), db_, "insert");
    sqlite3_reset(insert_);
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

// Generates `count` cases in chunks and hands each chunk to `use`, which is what gets timed.
double timed_in_chunks(const Org& org, int64_t count,
                       const std::function<void(const std::vector<CaseRecord>&)>& use) {
  std::vector<CaseRecord> chunk;
  chunk.reserve(kChunk);
  double timed = 0;
  auto flush = [&] {
    auto start = Clock::now();
    use(chunk);
    timed += seconds_since(start);
    chunk.clear();
  };
  generate_cases(org, spec(count), [&](const CaseRecord& c) {
    chunk.push_back(c);
    if (static_cast<int64_t>(chunk.size()) == kChunk) flush();
  });
  if (!chunk.empty()) flush();
  return timed;
}

int baseline(const std::string& dir, int64_t count, const std::string& work) {
  Org org = org_from_seed(seed_files(dir));
  fs::create_directories(work);
  std::vector<CaseRecord> daily;
  {
    RawTable raw(work + "/raw.db");
    raw.exec("BEGIN");
    double inserting = timed_in_chunks(org, count, [&](const std::vector<CaseRecord>& chunk) {
      for (const auto& c : chunk) raw.put(c);
    });
    auto start = Clock::now();
    raw.exec("COMMIT");
    inserting += seconds_since(start);
    figure("sqlite_rows_per_s", static_cast<double>(count) / inserting);
    figure("sqlite_s", inserting);

    DailyChanges changes(count);
    generate_cases(org, spec(count), [&](const CaseRecord& c) { changes.offer(c); });
    daily = changes.take();
    start = Clock::now();
    raw.exec("BEGIN");
    for (const auto& c : daily) raw.put(c);
    raw.exec("COMMIT");
    figure("sqlite_daily_s", seconds_since(start));
  }

  // Parse only: the CSV text of each chunk through the plugin's reader and parse_case.
  int64_t parsed = 0;
  double parsing = 0;
  {
    std::ostringstream text;
    int64_t in_chunk = 0;
    auto parse = [&] {
      std::string body = text.str();
      auto start = Clock::now();
      TextStream in(body);
      CaseReader reader(in, CaseFormat::Csv);
      ReadRecord r;
      while (reader.next(r))
        if (!r.problem && std::holds_alternative<CaseRecord>(parse_case(r.field))) ++parsed;
      parsing += seconds_since(start);
      text.str({});
      in_chunk = 0;
    };
    generate_cases(org, spec(count), [&](const CaseRecord& c) {
      if (in_chunk == 0) write_csv_header(text);
      write_csv(text, c);
      if (++in_chunk == kChunk) parse();
    });
    if (in_chunk > 0) parse();
  }
  figure("parse_rows_per_s", static_cast<double>(parsed) / parsing);
  figure("parsed", static_cast<double>(parsed));
  peak_memory("baseline");
  return parsed == count ? 0 : 1;
}

// ---- plugin: incentive_board.so in the harness, a real SQLite file, the drop folder ----

int64_t host_ms_after(Day day) {  // 02:00 in Asia/Shanghai on the day after `day`
  return (static_cast<int64_t>(day) + 1) * 86'400'000 - 6 * 3'600'000;
}

courthub::Json result_of(const fs::path& drop, const std::string& name) {
  std::ifstream in(drop / "done" / (name + ".result.json"));
  if (!in) throw std::runtime_error(name + " was not imported (see " + (drop / "failed").string() + ")");
  return courthub::Json::parse(in);
}

int plugin(const std::string& dir, int64_t count, const std::string& work) {
  const fs::path drop = fs::path(work) / "drop";
  fs::create_directories(drop);
  courthub::testing::HarnessOptions options;
  options.directory_seed = seed_files(dir);
  options.data_dir = (fs::path(work) / "data").string();
  options.start_ms = host_ms_after(kToday);
  options.settings = {{"imports", {{"drop_folder", drop.string()}}},
                      {"demo", {{"cases", 0}}},
                      {"notices", {{"enabled", false}}}};
  auto start = Clock::now();
  courthub::testing::PluginHarness h(BOARD_PLUGIN_FILE, options);
  figure("plugin_start_s", seconds_since(start));

  // The year of cases as one file in the drop folder (written as .part, then renamed).
  Org org = org_from_seed(seed_files(dir));
  std::vector<CaseRecord> daily;
  start = Clock::now();
  {
    std::ofstream out(drop / "year.csv.part", std::ios::binary);
    write_csv_header(out);
    DailyChanges changes(count);
    generate_cases(org, spec(count), [&](const CaseRecord& c) {
      write_csv(out, c);
      changes.offer(c);
    });
    daily = changes.take();
  }
  fs::rename(drop / "year.csv.part", drop / "year.csv");
  figure("csv_mb", static_cast<double>(fs::file_size(drop / "year.csv")) / 1e6);
  figure("generate_s", seconds_since(start));

  start = Clock::now();
  h.run_job("drop_folder");
  double importing = seconds_since(start);
  courthub::Json year = result_of(drop, "year.csv");
  figure("import_s", importing);
  figure("import_rows_per_s", static_cast<double>(count) / importing);
  figure("import_inserted", year.value("inserted", 0.0));
  figure("import_rejected", static_cast<double>(year["rejected"].size()));
  peak_memory("after_import");

  // The latest day is kept (the import stored it). The first read parses every court's kept
  // JSON; the next is served from the plugin's parsed copy (the day has not been kept again).
  start = Clock::now();
  auto kept_first = h.get("/boards/courts");
  figure("http_kept_board_first_s", seconds_since(start));
  start = Clock::now();
  auto kept_again = h.get("/boards/courts");
  figure("http_kept_board_again_s", seconds_since(start));

  // A board that is not stored (a week ago) is computed on the fly by the route.
  const std::string week_ago = iso_of(kToday - 7);
  start = Clock::now();
  auto courts = h.get("/boards/courts?as_of=" + week_ago);
  figure("http_court_board_s", seconds_since(start));
  if (org.courts.empty()) throw std::runtime_error("the directory has no courts");
  start = Clock::now();
  auto judges = h.get("/boards/judges?court=" + org.courts.front().code + "&as_of=" + week_ago);
  figure("http_judge_board_s", seconds_since(start));
  int status = 200;
  for (const auto* r : {&kept_first, &kept_again, &courts, &judges})
    if (r->status != 200) status = r->status;
  figure("http_status", status);

  // The daily import: 20,000 changed cases (DailyChanges); the importer stores them and
  // recomputes the latest day's boards.
  {
    std::ofstream out(drop / "daily.csv.part", std::ios::binary);
    write_csv_header(out);
    for (const auto& c : daily) write_csv(out, c);
  }
  fs::rename(drop / "daily.csv.part", drop / "daily.csv");
  start = Clock::now();
  h.run_job("drop_folder");
  figure("daily_s", seconds_since(start));
  courthub::Json day = result_of(drop, "daily.csv");
  figure("daily_cases", static_cast<double>(daily.size()));
  figure("daily_updated", day.value("updated", 0.0));
  peak_memory("plugin");
  return year["rejected"].empty() && day["rejected"].empty() ? 0 : 1;
}

int usage(const char* self) {
  std::fprintf(stderr,
               "usage: %s directory OUT_DIR SEED_DIR JUDGES\n"
               "       %s recompute DIR COUNT\n"
               "       %s baseline DIR COUNT WORK\n"
               "       %s plugin DIR COUNT WORK\n",
               self, self, self, self);
  return 2;
}

}  // namespace
}  // namespace board

int main(int argc, char** argv) {
  using namespace board;
  if (argc < 2) return usage(argv[0]);
  const std::string what = argv[1];
  try {
    if (what == "directory" && argc == 5) {
      figure("judges", write_bench_directory(argv[3], argv[2], std::stoi(argv[4])));
      return 0;
    }
    if (what == "recompute" && argc == 4) return recompute(argv[2], std::stoll(argv[3]));
    if (what == "baseline" && argc == 5) return baseline(argv[2], std::stoll(argv[3]), argv[4]);
    if (what == "plugin" && argc == 5) return plugin(argv[2], std::stoll(argv[3]), argv[4]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "incentive_board_bench %s: %s\n", what.c_str(), e.what());
    return 1;
  }
  return usage(argv[0]);
}
