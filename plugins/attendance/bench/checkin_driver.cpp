// SPDX-License-Identifier: Apache-2.0
// attendance_checkin_driver: check-ins through HTTP at a fixed rate (default 1,000/s), each by a
// different staff member of the 128-court directory with their own mini-app session, inside their
// court's (synthetic) building; the baseline is GET /healthz at the same rate from the same
// client. checkin_bench.sh starts the host and checks afterwards that every acknowledged
// check-in is in the database.
//
//   attendance_checkin_driver settings SEED_DIR
//       prints the attendance plugin's settings (JSON, valid YAML): one default group per court,
//       its building at the coordinates the run mode uses
//   attendance_checkin_driver PORT SESSION_SECRET SEED_DIR THREADS SECONDS
//       the runs; COURTHUB_BENCH_RATE (1000) requests a second
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench/driver_setup.hpp"
#include "bench/http_load.hpp"
#include "courthub/json.hpp"

using courthub::Json;
using courthub::bench::Connection;

namespace {

// Synthetic building coordinates of the i-th court (spread over Liaoning, 16 per row).
double court_lat(size_t i) { return 38.80 + static_cast<double>(i % 16) * 0.25; }
double court_lng(size_t i) { return 120.00 + static_cast<double>(i / 16) * 0.60; }

int print_settings(const std::string& seed_dir) {
  auto seed = courthub::directory::read_seed({seed_dir + "/courts.yaml", seed_dir + "/staff.yaml"});
  if (!seed) {
    std::fprintf(stderr, "%s\n", seed.outcome().message().c_str());
    return 2;
  }
  Json buildings = Json::object();
  for (size_t i = 0; i < seed->courts.size(); ++i)
    buildings[seed->courts[i].code] =
        Json::object({{"title", seed->courts[i].name + "审判楼"},
                      {"address", "synthetic"},
                      {"latitude", court_lat(i)},
                      {"longitude", court_lng(i)}});
  Json settings = Json::object(
      {{"shifts", Json::array({Json::object({{"id", "winter"},
                                             {"name", "冬季作息"},
                                             {"sections", Json::array({"08:30-12:00", "13:30-17:30"})}})})},
       {"buildings", buildings},
       {"default_group", Json::object({{"enabled", true},
                                       {"type", "FIXED"},
                                       {"shift", "winter"},
                                       {"radius_m", 500}})}});
  std::printf("%s\n", settings.dump().c_str());
  return 0;
}

struct PacedRun {
  double seconds = 0;       // first send to last answer
  uint64_t sent = 0, ok = 0, failed = 0;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
  double late_p99_ms = 0;   // how far behind its slot a request left (the client keeping up)
};

// Sends `rate` requests a second for `seconds` over `threads` keep-alive connections: request k
// leaves at start + k / rate (or at once when its connection is still busy with an earlier one).
template <class Body>
PacedRun run_paced(uint16_t port, int threads, double rate, double seconds, Body body) {
  const uint64_t total = static_cast<uint64_t>(rate * seconds);
  std::atomic<uint64_t> ok{0}, failed{0};
  std::mutex mu;
  std::vector<double> latencies, lateness;
  const auto start = std::chrono::steady_clock::now() + std::chrono::milliseconds(100);
  std::atomic<int64_t> last_done_ns{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto conn = std::make_unique<Connection>("127.0.0.1", port);
      std::vector<double> mine, late;
      for (uint64_t k = static_cast<uint64_t>(t); k < total; k += static_cast<uint64_t>(threads)) {
        const auto slot = start + std::chrono::nanoseconds(static_cast<int64_t>(k * 1e9 / rate));
        std::this_thread::sleep_until(slot);
        late.push_back(std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - slot).count());
        bool good = false;
        try {
          good = body(k, *conn, mine);
        } catch (const std::exception& e) {
          static std::atomic<int> shown{0};
          if (shown++ < 3) std::fprintf(stderr, "request failed: %s\n", e.what());
          conn = std::make_unique<Connection>("127.0.0.1", port);
        }
        (good ? ok : failed)++;
        const int64_t done = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now() - start).count();
        int64_t seen = last_done_ns.load();
        while (done > seen && !last_done_ns.compare_exchange_weak(seen, done)) {
        }
      }
      std::lock_guard lock(mu);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      lateness.insert(lateness.end(), late.begin(), late.end());
    });
  }
  for (auto& th : pool) th.join();
  PacedRun r;
  r.seconds = static_cast<double>(last_done_ns.load()) / 1e9;
  r.sent = total;
  r.ok = ok;
  r.failed = failed;
  auto pct = [](std::vector<double>& v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(static_cast<double>(v.size()) * q))];
  };
  r.p50_ms = pct(latencies, 0.50);
  r.p99_ms = pct(latencies, 0.99);
  r.max_ms = latencies.empty() ? 0 : latencies.back();
  r.late_p99_ms = pct(lateness, 0.99);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "settings") return print_settings(argv[2]);
  auto setup = courthub::bench::setup_driver(argc, argv, "attendance_checkin_driver");
  if (!setup) return 2;
  const auto& [port, tokens, threads, seconds, seed, snapshot] = *setup;
  const double rate = std::getenv("COURTHUB_BENCH_RATE") ? std::atof(std::getenv("COURTHUB_BENCH_RATE")) : 1000.0;
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();

  // Every active person of every court, each with a session and their court's building.
  struct Caller {
    std::string token, body;
  };
  std::vector<Caller> callers;
  const auto& courts = snapshot->courts();
  for (size_t i = 0; i < courts.size(); ++i)
    for (const auto* p : snapshot->people(courts[i].code, 0, "")) {
      const double jitter = static_cast<double>(callers.size() % 50) * 0.00002;  // ≤ 110 m
      callers.push_back(
          {tokens->issue(p->user_id, courthub::http::kStaffAudience, now),
           Json::object({{"latitude", court_lat(i) + jitter},
                         {"longitude", court_lng(i)},
                         {"accuracy", 20.0},
                         {"address", "synthetic"}}).dump()});
    }
  // Spread consecutive requests over the courts rather than one court after another.
  std::vector<size_t> order(callers.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = (k * 7919) % order.size();
  std::printf("check-in: %zu people of %zu courts, %.0f requests/s for %.0f s over %d connections\n",
              callers.size(), courts.size(), rate, seconds, threads);

  auto base = run_paced(port, threads, rate, seconds,
                        [&](uint64_t, Connection& c, std::vector<double>& lat) {
                          return c.call("GET", "/healthz", "", "", &lat).status == 200;
                        });
  auto checkin = run_paced(port, threads, rate, seconds,
                           [&](uint64_t k, Connection& c, std::vector<double>& lat) {
                             const Caller& who = callers[order[k % order.size()]];
                             auto r = c.call("POST", "/apps/attendance/punches", who.body, who.token, &lat);
                             if (r.status != 201) {
                               static std::atomic<int> shown{0};
                               if (shown++ < 3)
                                 std::fprintf(stderr, "check-in refused: %d %s\n", r.status, r.body.c_str());
                               return false;
                             }
                             return true;
                           });

  std::printf("\n%-34s %9s %9s %8s %8s %8s %8s %10s\n", "", "sent", "done/s", "p50 ms", "p99 ms",
              "max ms", "failed", "late p99");
  auto row = [](const char* label, const PacedRun& r) {
    std::printf("%-34s %9llu %9.0f %8.2f %8.2f %8.1f %8llu %8.1f ms\n", label,
                static_cast<unsigned long long>(r.sent), static_cast<double>(r.ok + r.failed) / r.seconds,
                r.p50_ms, r.p99_ms, r.max_ms, static_cast<unsigned long long>(r.failed), r.late_p99_ms);
  };
  row("GET /healthz (baseline)", base);
  row("POST /apps/attendance/punches", checkin);
  std::printf("figure accepted %llu\n", static_cast<unsigned long long>(checkin.ok));
  std::printf("figure people %zu\n", std::min<size_t>(callers.size(), checkin.sent));
  return checkin.failed == 0 && base.failed == 0 ? 0 : 1;
}
