// SPDX-License-Identifier: Apache-2.0
// `dingtalk-double`: the local DingTalk double as a process, for the demo and cross-process tests.
#include <Poco/Exception.h>

#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "courthub/json.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace {

using courthub::Json;
using courthub::dingtalk_double::DingTalkDouble;
using courthub::dingtalk_double::DoubleOptions;

constexpr const char* kUsage =
    "usage: dingtalk-double [--listen HOST:PORT] [--app-key K] [--app-secret S] [--corp-id C]\n"
    "                       [--users FILE.json] [--robot TOKEN[:SECRET]]... "
    "[--robot-per-minute N]\n"
    "                       [--sms-secret S]\n"
    "A local stand-in for the DingTalk open API; see docs/dingtalk-double.md.\n"
    "Defaults: --listen 127.0.0.1:9090 --app-key demo-app-key --app-secret demo-app-secret\n"
    "          --sms-secret demo-sms-secret\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  DoubleOptions options;
  std::string users_file;
  std::vector<std::pair<std::string, std::string>> robots;  // token, secret
};

uint16_t parse_port(const std::string& text, const std::string& where) {
  try {
    size_t used = 0;
    int port = std::stoi(text, &used);
    if (used == text.size() && port >= 0 && port <= 65535) return static_cast<uint16_t>(port);
  } catch (const std::exception&) {
  }
  throw UsageError(where + ": \"" + text + "\" is not a port (0..65535)");
}

void parse_listen(const std::string& value, DoubleOptions& options) {
  const size_t colon = value.rfind(':');
  if (colon == std::string::npos) {
    throw UsageError("--listen takes HOST:PORT, got \"" + value + "\"");
  }
  std::string host = value.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) throw UsageError("--listen: the host is empty in \"" + value + "\"");
  options.host = host;
  options.port = parse_port(value.substr(colon + 1), "--listen");
}

CommandLine parse(int argc, char** argv) {
  CommandLine cl;
  cl.options.port = 9090;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) throw UsageError(flag + " needs a value (or is unknown)");
    const std::string value = argv[++i];
    if (flag == "--listen") {
      parse_listen(value, cl.options);
    } else if (flag == "--app-key") {
      cl.options.app_key = value;
    } else if (flag == "--app-secret") {
      cl.options.app_secret = value;
    } else if (flag == "--corp-id") {
      cl.options.corp_id = value;
    } else if (flag == "--sms-secret") {
      cl.options.sms_secret = value;
    } else if (flag == "--users") {
      cl.users_file = value;
    } else if (flag == "--robot") {
      // Robot secrets (SEC...) contain no ':', so the first one separates token and secret.
      const size_t colon = value.find(':');
      if (value.empty() || colon == 0) throw UsageError("--robot takes TOKEN[:SECRET]");
      cl.robots.emplace_back(value.substr(0, colon),
                             colon == std::string::npos ? "" : value.substr(colon + 1));
    } else if (flag == "--robot-per-minute") {
      int n = 0;
      try {
        n = std::stoi(value);
      } catch (const std::exception&) {
      }
      if (n < 1) throw UsageError("--robot-per-minute takes a positive number, got " + value);
      cl.options.robot_per_minute = n;
    } else {
      throw UsageError("unknown option " + flag);
    }
  }
  return cl;
}

void load_users(const std::string& path, DingTalkDouble& dtd) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open the users file");
  std::stringstream text;
  text << in.rdbuf();
  Json users;
  try {
    users = Json::parse(text.str());
  } catch (const courthub::Json::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  if (!users.is_array()) {
    throw std::runtime_error(path + ": expected a JSON array of users [{\"userid\": ...}, ...]");
  }
  for (size_t i = 0; i < users.size(); ++i) {
    try {
      dtd.add_user(users.at(i));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(path + ": user #" + std::to_string(i + 1) + ": " + e.what());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CommandLine cl;
  try {
    cl = parse(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "dingtalk-double: " << e.what() << "\n" << kUsage;
    return 2;
  }

  // Blocked before any thread starts, so POCO's threads inherit the mask and sigwait below is the
  // only place these signals arrive.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    DingTalkDouble dtd(cl.options);
    if (!cl.users_file.empty()) load_users(cl.users_file, dtd);
    for (const auto& [token, secret] : cl.robots) dtd.add_group_robot(token, secret);
    dtd.start();
    std::cout << "dingtalk-double listening on " << dtd.base_url() << std::endl;

    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::cerr << "dingtalk-double: stopping on signal " << signal << "\n";
    dtd.stop();
  } catch (const Poco::Exception& e) {
    std::cerr << "dingtalk-double: " << e.displayText() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "dingtalk-double: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
