// SPDX-License-Identifier: Apache-2.0
// `courthub serve`: load the configuration, start the Server, and turn signals into actions.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "host/cli/verbs.hpp"
#include "host/config/config_loader.hpp"
#include "host/log.hpp"
#include "host/server.hpp"
#include "host/version.hpp"

namespace courthub::cli {
namespace {

bool parse_listen(const std::string& text, ServeOverrides& o) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  try {
    int port = std::stoi(text.substr(colon + 1));
    if (port < 0 || port > 65535) return false;
    o.host = text.substr(0, colon);
    o.port = static_cast<uint16_t>(port);
    return !o.host->empty();
  } catch (...) {
    return false;
  }
}

bool parse_level(const std::string& text, log::Level& level) {
  if (text == "debug") level = log::Level::Debug;
  else if (text == "info") level = log::Level::Info;
  else if (text == "warn") level = log::Level::Warn;
  else if (text == "error") level = log::Level::Error;
  else return false;
  return true;
}

// COURTHUB_TEST_CLOCK_MS=<unix ms>: run on a clock that stands still until POST /admin/clock
// moves it (integration tests only). Unset: nullptr, the real clock. Set but not a number: false.
bool test_clock_from_env(std::unique_ptr<time::ManualClock>& clock) {
  const char* text = std::getenv("COURTHUB_TEST_CLOCK_MS");
  if (!text) return true;
  try {
    size_t used = 0;
    long long ms = std::stoll(text, &used);
    if (used != std::string(text).size() || ms < 0) return false;
    clock = std::make_unique<time::ManualClock>(ms);
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

int serve(const Args& args) {
  std::string config_path = default_config_path();
  ServeOverrides overrides;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "courthub serve: %s needs a value\n", a.c_str());
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--config") {
      auto* v = value();
      if (!v) return 2;
      config_path = *v;
    } else if (a == "--listen") {
      auto* v = value();
      if (!v) return 2;
      if (!parse_listen(*v, overrides)) {
        std::fprintf(stderr, "courthub serve: --listen takes HOST:PORT, got '%s'\n", v->c_str());
        return 2;
      }
    } else if (a == "--data-dir") {
      auto* v = value();
      if (!v) return 2;
      overrides.data_dir = *v;
    } else if (a == "--log-level") {
      auto* v = value();
      if (!v) return 2;
      log::Level level;
      if (!parse_level(*v, level)) {
        std::fprintf(stderr, "courthub serve: --log-level is debug, info, warn or error\n");
        return 2;
      }
      log::set_level(level);
    } else {
      std::fprintf(stderr, "courthub serve: unknown flag '%s'; see 'courthub help'\n", a.c_str());
      return 2;
    }
  }

  auto loaded = config::load_config(config_path);
  for (auto& w : loaded.warnings) log::warn("config", w.to_string());
  if (loaded.servable()) {
    // Only some plugins' libraries are missing: start without them, in the error state.
    for (auto& e : loaded.errors) log::error("config", e.to_string());
  } else {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    std::fprintf(stderr, "courthub serve: %zu configuration error(s); nothing started\n",
                 loaded.errors.size());
    return 1;
  }
  config::Config cfg = std::move(*loaded.config);
  apply_overrides(cfg, overrides);

  // Every thread started from here on inherits this mask; one thread below takes the signals.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  std::unique_ptr<time::ManualClock> test_clock;
  if (!test_clock_from_env(test_clock)) {
    std::fprintf(stderr, "courthub serve: COURTHUB_TEST_CLOCK_MS must be Unix milliseconds\n");
    return 2;
  }
  std::unique_ptr<Server> running = test_clock
                                        ? std::make_unique<Server>(config_path, overrides, *test_clock)
                                        : std::make_unique<Server>(config_path, overrides);
  Server& server = *running;
  if (test_clock) {
    log::warn("server", "COURTHUB_TEST_CLOCK_MS is set: running on a test clock that stands still "
                        "at " + std::to_string(test_clock->now_ms()) +
                            " until POST /admin/clock moves it; never do this in production");
  }
  log::info("server", std::string("courthub ") + kVersion + " starting with " + cfg.file);
  std::string data_dir = cfg.storage.data_dir;
  std::string host = cfg.server.host;
  Outcome started = server.start(std::move(cfg));
  if (!started.ok()) {
    log::error("server", "cannot start: " + started.message());
    return 1;
  }
  std::string address = host + ":" + std::to_string(server.port());
  {
    // Tests and scripts read the bound address (useful with port 0): written whole or not at all.
    const std::string path = data_dir + "/courthub.addr";
    {
      std::ofstream out(path + ".tmp", std::ios::trunc);
      out << address << "\n";
    }
    std::rename((path + ".tmp").c_str(), path.c_str());
  }
  log::info("server", "listening on http://" + address);
  std::printf("courthub listening on http://%s\n", address.c_str());
  std::fflush(stdout);

  while (true) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      Json result = server.reload("signal:SIGHUP");
      if (!json::get<bool>(result, "ok"))
        log::error("server", "SIGHUP reload refused; still running");
      continue;
    }
    log::info("server", sig == SIGTERM ? "SIGTERM: stopping" : "SIGINT: stopping");
    break;
  }
  server.stop();
  std::remove((data_dir + "/courthub.addr").c_str());
  return 0;
}

}  // namespace courthub::cli
