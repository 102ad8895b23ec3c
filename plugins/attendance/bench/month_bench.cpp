// SPDX-License-Identifier: Apache-2.0
// attendance_bench month: the issue's month-end figure. 10,000 people of one court (the court
// default group, the rules doc's example shift) × the 22 workdays of March 2026 × 4 punches, in
// attendance.so's real SQLite database under a PluginHarness; then the whole month's results
// recomputed through GET /summary?court=… (every person, every day, compute_day each), beside
// a baseline measured in the same run: one raw SQLite read of the same punches.
//
//   attendance_bench month WORK_DIR SEED_DIR [PEOPLE]
//
// Every figure line is "figure <key> <value>"; anything else is commentary.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <courthub/testing.hpp>
#include <courthub/time.hpp>

namespace {

namespace fs = std::filesystem;
namespace t = courthub::time;
using Clock = std::chrono::steady_clock;
using courthub::Json;

const std::string kCourt = "LN-BC-SY-01";
const std::string kMonth = "2026-03";  // 22 workdays, no holiday
// The court's departments in config/directory/staff.yaml; the bench's people are spread over them.
const std::vector<std::string> kDepts = {"18001", "18002", "18003", "18004", "18005", "18006",
                                         "18007", "18008", "18009", "18010"};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void figure(const std::string& key, double value) {
  std::printf("figure %s %.6g\n", key.c_str(), value);
  std::fflush(stdout);
}

void check(int rc, sqlite3* db, const std::string& what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
}

std::string user_id(int i) {
  char id[32];
  std::snprintf(id, sizeof id, "%s-B%05d", kCourt.c_str(), i);
  return id;
}

void write_people(const fs::path& file, int people) {
  std::ofstream out(file);
  out << "# the attendance month bench's people (written by attendance_bench)\npeople:\n";
  for (int i = 1; i <= people; ++i)
    out << "  - {id: " << user_id(i) << ", name: 示例干警" << i << ", court: " << kCourt
        << ", dept: " << kDepts[static_cast<size_t>(i) % kDepts.size()]
        << ", title: 书记员, roles: [clerk]}\n";
}

Json settings() {
  return Json::parse(R"({
    "shifts": [{"id": "winter", "name": "冬季作息", "sections": ["08:30-12:00", "13:30-17:30"]}],
    "buildings": {"LN-BC-SY-01": {"title": "审判楼", "address": "沈阳市和平区（合成坐标）",
                                  "latitude": 41.7968, "longitude": 123.403}},
    "default_group": {"enabled": true, "type": "FIXED", "shift": "winter", "radius_m": 500},
    "punch_fix_per_month": 3
  })");
}

// The workdays of the month: Monday to Friday (March 2026 has no holiday or make-up day).
std::vector<t::Date> workdays() {
  std::vector<t::Date> out;
  for (unsigned d = 1; d <= 31; ++d) {
    const t::Date day = t::make_date(2026, 3, d);
    if (t::iso_weekday(day) <= 5) out.push_back(day);
  }
  return out;
}

// Four punches a day per person, written straight into the plugin's punches table (the schema's
// columns; one transaction). Most are on time; a few late, early or missing-like drifts.
int64_t write_punches(const fs::path& db_file, int people, const std::vector<t::Date>& days) {
  sqlite3* db = nullptr;
  check(sqlite3_open(db_file.c_str(), &db), db, "open " + db_file.string());
  sqlite3_busy_timeout(db, 10000);
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* ins = nullptr;
  check(sqlite3_prepare_v2(db,
                           "INSERT INTO punches (user_id, court, time_ms, work_date, source_type, "
                           "location_result, location_method, latitude, longitude, accuracy, "
                           "device_id, group_id, dedup_key, created_ms) "
                           "VALUES (?,?,?,?,'ATM','Normal','ATM',NULL,NULL,NULL,'door-1',?,?,?)",
                           -1, &ins, nullptr),
        db, "prepare");
  const std::string group = "ln-bc-sy-01-default";
  // Minutes of the four punches, drifted per person and day (deterministic).
  const int base[4] = {8 * 60 + 20, 12 * 60 + 2, 13 * 60 + 22, 17 * 60 + 35};
  int64_t n = 0;
  for (int i = 1; i <= people; ++i) {
    const std::string user = user_id(i);
    for (size_t d = 0; d < days.size(); ++d) {
      const std::string date = t::format_date(days[d]);
      for (int k = 0; k < 4; ++k) {
        const int drift = static_cast<int>((i * 7 + static_cast<int>(d) * 13 + k * 31) % 23) - 6;
        const int64_t ms = t::to_unix_ms(days[d], base[k] + drift) + (i % 60) * 1000;
        const std::string key = "ATM:" + user + ":" + std::to_string(ms) + ":door-1";
        sqlite3_bind_text(ins, 1, user.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, kCourt.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, ms);
        sqlite3_bind_text(ins, 4, date.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 5, group.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 6, key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins, 7, ms);
        check(sqlite3_step(ins), db, "insert");
        sqlite3_reset(ins);
        ++n;
      }
    }
  }
  sqlite3_finalize(ins);
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
  return n;
}

// The baseline: every punch of the month read once, every column, from raw SQLite.
int64_t read_punches(const fs::path& db_file, int64_t from_ms, int64_t to_ms) {
  sqlite3* db = nullptr;
  check(sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), db, "open");
  sqlite3_stmt* q = nullptr;
  check(sqlite3_prepare_v2(db, "SELECT * FROM punches WHERE time_ms >= ? AND time_ms < ? "
                               "ORDER BY user_id, time_ms", -1, &q, nullptr),
        db, "prepare");
  sqlite3_bind_int64(q, 1, from_ms);
  sqlite3_bind_int64(q, 2, to_ms);
  int64_t rows = 0, sum = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    ++rows;
    for (int c = 0; c < sqlite3_column_count(q); ++c) sum += sqlite3_column_bytes(q, c);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return sum > 0 ? rows : 0;
}

int month(const std::string& work, const std::string& seed_dir, int people) {
  fs::create_directories(work);
  fs::copy_file(fs::path(seed_dir) / "courts.yaml", fs::path(work) / "courts.yaml",
                fs::copy_options::overwrite_existing);
  fs::copy_file(fs::path(seed_dir) / "staff.yaml", fs::path(work) / "staff.yaml",
                fs::copy_options::overwrite_existing);
  write_people(fs::path(work) / "bench-people.yaml", people);

  courthub::testing::HarnessOptions options;
  options.settings = settings();
  options.directory_seed = {(fs::path(work) / "courts.yaml").string(),
                            (fs::path(work) / "staff.yaml").string(),
                            (fs::path(work) / "bench-people.yaml").string()};
  options.data_dir = (fs::path(work) / "data").string();
  options.start_ms = t::to_unix_ms(t::make_date(2026, 4, 1), 10 * 60);
  auto start = Clock::now();
  courthub::testing::PluginHarness h(ATTENDANCE_PLUGIN_FILE, options);
  figure("harness_start_s", seconds_since(start));

  const auto days = workdays();
  const fs::path db_file = fs::path(options.data_dir) / "plugins" / "attendance.db";
  start = Clock::now();
  const int64_t written = write_punches(db_file, people, days);
  figure("seed_s", seconds_since(start));
  figure("punches", static_cast<double>(written));
  figure("people", people);
  figure("workdays", static_cast<double>(days.size()));

  const int64_t from_ms = t::to_unix_ms(t::make_date(2026, 3, 1), 0);
  const int64_t to_ms = t::to_unix_ms(t::make_date(2026, 4, 1), 0);
  double best_summary = 1e9, best_read = 1e9;
  size_t rows = 0;
  int status = 0;
  int64_t late = 0;
  for (int run = 0; run < 3; ++run) {
    start = Clock::now();
    auto r = h.as_admin().get("/summary?court=" + kCourt + "&month=" + kMonth);
    best_summary = std::min(best_summary, seconds_since(start));
    status = r.status;
    if (r.status != 200) {
      std::fprintf(stderr, "GET /summary: %d %s\n", r.status, r.body.substr(0, 400).c_str());
      return 1;
    }
    Json body = r.json();
    rows = body["people"].size();
    late = 0;
    for (auto& p : body["people"]) late += p.value("late", 0);

    start = Clock::now();
    const int64_t read = read_punches(db_file, from_ms, to_ms);
    best_read = std::min(best_read, seconds_since(start));
    if (read != written) std::printf("(read %lld of %lld punches)\n", static_cast<long long>(read),
                                     static_cast<long long>(written));
  }
  figure("summary_s", best_summary);
  figure("read_punches_s", best_read);
  figure("summary_people", static_cast<double>(rows));
  figure("summary_late_checks", static_cast<double>(late));
  figure("http_status", status);

  // One person's month, the page's view (GET /results), for scale.
  start = Clock::now();
  auto one = h.as_admin().get("/results?user_id=" + user_id(1) + "&from=2026-03-01&to=2026-03-31");
  figure("one_person_month_s", seconds_since(start));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  figure("maxrss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return one.status == 200 && rows >= static_cast<size_t>(people) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc >= 4 && std::string(argv[1]) == "month")
      return month(argv[2], argv[3], argc >= 5 ? std::atoi(argv[4]) : 10'000);
    std::fprintf(stderr, "usage: %s month WORK_DIR SEED_DIR [PEOPLE]\n", argv[0]);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "attendance_bench: %s\n", e.what());
    return 1;
  }
}
