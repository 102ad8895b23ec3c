// SPDX-License-Identifier: Apache-2.0
// approvals_driver: submit-to-finish throughput of three-step leave requests through the HTTP
// API (submit as a judge, then agree as 庭长, 分管院领导 and 院长 — each with their own
// session), with GET /healthz from the same client as the baseline.
//
//   approvals_driver PORT SESSION_SECRET SEED_DIR THREADS SECONDS
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/driver_setup.hpp"
#include "bench/http_load.hpp"
#include "courthub/json.hpp"

namespace json = courthub::json;

using courthub::Json;
using courthub::bench::Connection;

int main(int argc, char** argv) {
  auto setup = courthub::bench::setup_driver(argc, argv, "approvals_driver");
  if (!setup) return 2;
  const auto& [port, tokens, threads, seconds, seed, snapshot] = *setup;
  // Judges whose leave of 5 days goes 庭长 -> 分管院领导 -> 院长: three distinct approvers.
  std::vector<std::string> originators;
  for (auto& c : snapshot->courts()) {
    for (auto* p : snapshot->people(c.code, 0, "judge")) {
      if (snapshot->supervisors(p->user_id).size() == 3) originators.push_back(p->user_id);
    }
  }
  std::unordered_map<std::string, std::string> token_of;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (auto& p : seed.people)
    token_of[p.user_id] = tokens->issue(p.user_id, courthub::http::kStaffAudience, now);
  std::printf("approvals: %zu judges with a three-step chain, %d connections, %.0f s each run\n",
              originators.size(), threads, seconds);

  auto base = courthub::bench::run_closed_loop(
      "127.0.0.1", port, threads, seconds,
      [&](int, Connection& c, std::vector<double>& lat) -> uint64_t {
        return c.call("GET", "/healthz", "", "", &lat).status == 200 ? 1 : 0;
      });

  std::atomic<uint64_t> next{0};
  const std::string form =
      R"({"template":"leave","form":{"leave_type":"事假","period":["2026-12-01 09:00",)"
      R"("2026-12-05 18:00"],"days":5,"reason":"家中有事"}})";
  auto run = courthub::bench::run_closed_loop(
      "127.0.0.1", port, threads, seconds,
      [&](int, Connection& c, std::vector<double>& lat) -> uint64_t {
        const std::string& who = originators[next++ % originators.size()];
        auto submitted = c.call("POST", "/apps/approvals/instances", form, token_of[who], &lat);
        if (submitted.status != 201) return 0;
        Json instance = Json::parse(submitted.body);
        int64_t id = instance["id"].get<int64_t>();
        Json open = instance["tasks"];
        int agreed = 0;
        while (open.is_array() && open.size() > 0) {
          const Json& task = open.at(0);
          std::string body = Json::object({{"action", "agree"}, {"task_id", task.at("id")}}).dump();
          auto acted =
              c.call("POST", "/apps/approvals/instances/" + std::to_string(id) + "/actions", body,
                     token_of[json::require<std::string>(task, "user_id")], &lat);
          if (acted.status != 200) return 0;
          Json answer = Json::parse(acted.body);
          ++agreed;
          if (answer["instance"]["status"].get<std::string>() == "COMPLETED") {
            return agreed == 3 && answer["instance"]["result"].get<std::string>() == "agree" ? 1
                                                                                             : 0;
          }
          open = answer["open_tasks"];
        }
        return 0;
      });

  std::printf("\n%-36s %12s %12s %9s %9s\n", "", "units/s", "HTTP calls/s", "p50 ms", "p99 ms");
  std::printf("%-36s %12.0f %12.0f %9.3f %9.3f\n", "GET /healthz (baseline)",
              base.units_per_second(), base.calls_per_second(), base.p50_ms, base.p99_ms);
  std::printf("%-36s %12.1f %12.0f %9.3f %9.3f\n", "leave, submit + 3 agrees (instances)",
              run.units_per_second(), run.calls_per_second(), run.p50_ms, run.p99_ms);
  std::printf("%-36s %12llu\n", "instances completed",
              static_cast<unsigned long long>(run.units));
  std::printf("%-36s %12llu\n", "failed iterations", static_cast<unsigned long long>(run.failures));
  return run.failures == 0 && run.units > 0 ? 0 : 1;
}
