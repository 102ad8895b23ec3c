// SPDX-License-Identifier: Apache-2.0
// plugin_call_bench: what handing a plugin call to its lane costs (docs/benchmarks.md, "Plugin
// calls: lanes"). Prints, per call, side by side in one run:
//   direct    a small task called on the caller's thread (the host before lanes)
//   lane      the same task through CallLane::run (the hand-off to a lane thread and back)
//   lane x4   four callers at once through one lane of max_concurrent 4
//   plugin    GET /quick of the slowpoke test plugin through call_http (routing, argument
//             copies, the lane, the SDK's JSON reply): what a real route costs end to end
// Usage: plugin_call_bench [path/to/slowpoke.so] [calls]
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "host/plugins/call_lane.hpp"
#include "host/plugins/dispatch.hpp"
#include "host/plugins/plugin_instance.hpp"
#include "host/plugins/plugin_library.hpp"

using namespace courthub;
using Clock = std::chrono::steady_clock;

namespace {

// Stands in for a plugin's handler: a little work that the compiler cannot drop.
volatile uint64_t sink = 0;
void small_task() {
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < 64; ++i) h = (h ^ i) * 1099511628211ull;
  sink = sink + h;
}

double ns_per_call(int calls, const std::function<void()>& fn) {
  for (int i = 0; i < calls / 10; ++i) fn();  // warm up
  auto start = Clock::now();
  for (int i = 0; i < calls; ++i) fn();
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count() / calls;
}

// Wall time per call with `threads` callers sharing the work.
double ns_per_call_parallel(int calls, int threads, const std::function<void()>& fn) {
  auto start = Clock::now();
  std::vector<std::thread> callers;
  for (int t = 0; t < threads; ++t)
    callers.emplace_back([&] {
      for (int i = 0; i < calls / threads; ++i) fn();
    });
  for (auto& c : callers) c.join();
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count() / calls;
}

}  // namespace

int main(int argc, char** argv) {
  std::string so = argc > 1 ? argv[1] : "build/test-plugins/slowpoke.so";
  int calls = argc > 2 ? std::stoi(argv[2]) : 200000;

  plugins::CallLane lane(plugins::CallLane::Limits{std::chrono::milliseconds(5000), 4, 64});
  double direct = ns_per_call(calls, small_task);
  double laned = ns_per_call(calls, [&] { lane.run(small_task, plugins::CallLane::Mode::Request); });
  double laned4 = ns_per_call_parallel(calls, 4, [&] {
    lane.run(small_task, plugins::CallLane::Mode::Request);
  });
  double direct4 = ns_per_call_parallel(calls, 4, small_task);
  std::printf("%-10s %12s\n", "path", "ns/call");
  std::printf("%-10s %12.0f\n", "direct", direct);
  std::printf("%-10s %12.0f\n", "lane", laned);
  std::printf("%-10s %12.0f   (4 callers; direct with 4 callers: %.0f)\n", "lane x4", laned4,
              direct4);

  auto lib = plugins::load_plugin_library(so, "slowpoke", "");
  if (!lib) {
    std::printf("plugin     (skipped: %s)\n", lib.outcome().message().c_str());
    return 0;
  }
  config::PluginConfig pc;
  pc.name = "slowpoke";
  pc.file = so;
  plugins::PluginInstance inst(*lib, pc, nullptr);
  if (!inst.configure().ok() || !inst.activate().ok()) {
    std::printf("plugin     (skipped: slowpoke did not start)\n");
    return 0;
  }
  plugins::HttpCall call;
  call.method = "GET";
  call.path = "/quick";
  call.request_id = "bench";
  ch_caller caller{sizeof(ch_caller), CH_CALLER_STAFF};
  call.caller = &caller;
  int plugin_calls = calls / 4;
  double plugin = ns_per_call(plugin_calls, [&] {
    auto a = plugins::call_http(inst, call);
    if (a.status != 200) std::abort();
  });
  std::printf("%-10s %12.0f   (GET /quick through call_http, lane included)\n", "plugin", plugin);
  inst.retire();
  return 0;
}
