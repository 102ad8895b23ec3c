// SPDX-License-Identifier: Apache-2.0
// rooms_driver: booking throughput through the HTTP API (distinct free slots in 2,560 rooms of
// 128 courts, each booked by a person of that court) and free/busy latency for one court over a
// year of bookings, with GET /healthz from the same client as the baseline.
//
//   rooms_driver PORT SESSION_SECRET SEED_DIR THREADS SECONDS
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/driver_setup.hpp"
#include "bench/http_load.hpp"
#include "courthub/json.hpp"

using courthub::Json;
using courthub::bench::Connection;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Weekdays from 2027-01-04 (a Monday) on, as "YYYY-MM-DD": inside the plugin's 92-day horizon
// from late 2026 and after the seeded year, so every slot is free.
std::vector<std::string> weekdays(int count) {
  using namespace std::chrono;
  std::vector<std::string> out;
  for (sys_days day{year{2027} / January / 4}; static_cast<int>(out.size()) < count; day += days{1}) {
    if (weekday{day}.iso_encoding() >= 6) continue;
    const year_month_day date{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    out.push_back(buf);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  auto setup = courthub::bench::setup_driver(argc, argv, "rooms_driver");
  if (!setup) return 2;
  const auto& [port, tokens, threads, seconds, seed, snapshot] = *setup;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  struct Court {
    std::string code, organizer_token;
  };
  std::vector<Court> courts;
  for (auto& c : snapshot->courts()) {
    auto judges = snapshot->people(c.code, 0, "judge");
    if (judges.empty()) continue;
    courts.push_back(
        {c.code, tokens->issue(judges.front()->user_id, courthub::http::kStaffAudience, now)});
  }
  const auto days = weekdays(40);
  const size_t rooms = courts.size() * 20;
  std::printf("rooms: %zu courts, %zu rooms, %d connections, %.0f s each run\n", courts.size(),
              rooms, threads, seconds);

  auto base = courthub::bench::run_closed_loop(
      "127.0.0.1", port, threads, seconds,
      [&](int, Connection& c, std::vector<double>& lat) -> uint64_t {
        return c.call("GET", "/healthz", "", "", &lat).status == 200 ? 1 : 0;
      });

  std::atomic<uint64_t> next{0};
  auto booking = courthub::bench::run_closed_loop(
      "127.0.0.1", port, threads, seconds,
      [&](int, Connection& c, std::vector<double>& lat) -> uint64_t {
        uint64_t k = next++;
        const Court& court = courts[k % courts.size()];
        uint64_t room = (k / courts.size()) % 20 + 1;
        uint64_t slot = k / rooms;
        int hour = 8 + static_cast<int>(slot % 10);
        const std::string& day = days[(slot / 10) % days.size()];
        char start[40], end[40], room_id[64];
        std::snprintf(start, sizeof start, "%sT%02d:00:00+08:00", day.c_str(), hour);
        std::snprintf(end, sizeof end, "%sT%02d:00:00+08:00", day.c_str(), hour + 1);
        std::snprintf(room_id, sizeof room_id, "%s-b%02llu", lower(court.code).c_str(),
                      static_cast<unsigned long long>(room));
        std::string body = Json::object({{"room_id", room_id},
                                         {"start", start},
                                         {"end", end},
                                         {"title", "压测会议"}})
                               .dump();
        auto r = c.call("POST", "/apps/rooms/bookings", body, court.organizer_token, &lat);
        if (r.status != 201) {
          static std::atomic<int> shown{0};
          if (shown++ < 3) std::fprintf(stderr, "booking refused: %d %s\n", r.status, r.body.c_str());
          return 0;
        }
        return 1;
      });

  // Free/busy for one court on a seeded day: every room has four bookings that day.
  const std::string free_path =
      "/apps/rooms/free?court=LN-BC-SY-01&start=2026-12-01T09:00:00%2B08:00"
      "&end=2026-12-01T10:00:00%2B08:00";
  const std::string& reader = courts[0].organizer_token;
  auto free_busy = [&](int connections) {
    return courthub::bench::run_closed_loop(
        "127.0.0.1", port, connections, seconds / 2,
        [&](int, Connection& c, std::vector<double>& lat) -> uint64_t {
          return c.call("GET", free_path, "", reader, &lat).status == 200 ? 1 : 0;
        });
  };
  auto fb1 = free_busy(1);
  auto fb4 = free_busy(4);

  std::printf("\n%-40s %10s %9s %9s %9s\n", "", "per s", "p50 ms", "p99 ms", "failed");
  auto row = [](const char* label, const auto& run) {
    std::printf("%-40s %10.0f %9.3f %9.3f %9llu\n", label, run.units_per_second(), run.p50_ms,
                run.p99_ms, static_cast<unsigned long long>(run.failures));
  };
  row("GET /healthz (baseline)", base);
  row("POST /bookings (bookings)", booking);
  row("GET /free, one court, 1 connection", fb1);
  row("GET /free, one court, 4 connections", fb4);
  return booking.failures == 0 && fb1.failures == 0 && fb4.failures == 0 ? 0 : 1;
}
