// SPDX-License-Identifier: Apache-2.0
// HostProcess: spawning, waiting for, talking to and stopping a real courthub process.
#include "host_process.hpp"

#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "sanitizer_report.hpp"

extern char** environ;

namespace courthub::it {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

}  // namespace

bool eventually(const std::function<bool()>& condition, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

std::string binary_dir() { return COURTHUB_BINARY_DIR; }
std::string source_dir() { return COURTHUB_SOURCE_DIR; }
std::string courthub_binary() { return binary_dir() + "/bin/courthub"; }

CliRun run_courthub(const std::string& args, const std::string& env) {
  std::string cmd =
      (env.empty() ? "" : "env " + env + " ") + courthub_binary() + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return CliRun{-1, "popen failed"};
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int st = pclose(p);
  return CliRun{WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

std::string test_config(const std::string& plugins_yaml, const std::string& extra,
                        const std::string& seed) {
  std::string seeds =
      seed == "real"
          ? "[\"" + source_dir() + "/config/directory/courts.yaml\", \"" + source_dir() +
                "/config/directory/staff.yaml\"]"
          : "[\"" + source_dir() + "/tests/integration/data/" +
                (seed == "tiny" ? std::string("tiny-directory") : seed) + ".yaml\"]";
  std::string yaml =
      "server:\n  listen: \"127.0.0.1:0\"\n  threads: 8\n"
      "storage:\n  data_dir: \"{DATA}\"\n"
      "admin:\n  token: \"" + std::string(kAdminToken) + "\"\n"
      "sessions:\n  secret: \"" + std::string(kSessionSecret) + "\"\n"
      "directory:\n  seed: " + seeds + "\n"
      "plugin_search_path: [\"" + binary_dir() + "/plugins\", \"" + binary_dir() +
      "/test-plugins\"]\n" + extra + "plugins:\n" + plugins_yaml;
  return yaml;
}

HttpResponse http(uint16_t port, const std::string& method, const std::string& path,
                  const std::string& body,
                  const std::vector<std::pair<std::string, std::string>>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    if (!req.has("Content-Type")) req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  std::ostream& out = session.sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  HttpResponse r;
  r.status = res.getStatus();
  std::stringstream ss;
  ss << in.rdbuf();
  r.body = ss.str();
  for (auto& [k, v] : res) r.headers[k] = v;
  return r;
}

std::string raw_exchange(uint16_t port, const std::string& raw, int timeout_ms) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(0, timeout_ms * 1000));
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  std::string out;
  char buf[4096];
  try {
    while (int n = socket.receiveBytes(buf, sizeof buf)) out.append(buf, n);
  } catch (const Poco::Exception&) {
    // timeout or reset: return what arrived
  }
  return out;
}

HostProcess::HostProcess(const std::string& config_yaml, std::vector<std::string> extra_args,
                         std::map<std::string, std::string> env) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-it-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  data_dir_ = dir_ + "/data";
  rewrite_config(config_yaml);

  // A test restarting a host on an earlier one's data passes --data-dir: look there.
  for (size_t i = 0; i + 1 < extra_args.size(); ++i)
    if (extra_args[i] == "--data-dir") data_dir_ = extra_args[i + 1];
  std::vector<std::string> args = {courthub_binary(), "serve", "--config", config_path()};
  for (auto& a : extra_args) args.push_back(a);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  // A variable in `env` replaces the inherited one (getenv would find the first of two).
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    if (!env.count(std::string(entry.substr(0, entry.find('='))))) env_strings.emplace_back(entry);
  }
  for (auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  // The incentive board's demo load (a config that copies its demo entry) stays small in tests
  // unless the test or the caller's environment says otherwise.
  if (!env.count("COURTHUB_BOARD_DEMO_CASES") && !std::getenv("COURTHUB_BOARD_DEMO_CASES"))
    env_strings.push_back("COURTHUB_BOARD_DEMO_CASES=20000");
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  // A host killed earlier on this data directory left its address behind.
  std::remove((data_dir_ + "/courthub.addr").c_str());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  std::string out = dir_ + "/stdout.log", err = dir_ + "/stderr.log";
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + courthub_binary());

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string addr = read_file(data_dir_ + "/courthub.addr");
    if (!addr.empty() && addr.back() == '\n') {
      port_ = static_cast<uint16_t>(std::stoi(addr.substr(addr.rfind(':') + 1)));
      return;
    }
    if (!running()) {
      throw std::runtime_error("courthub exited with " + std::to_string(exit_status_) +
                               " before listening:\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // The destructor does not run for a constructor that throws: do not leave the child behind.
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  throw std::runtime_error("courthub did not start within 60 s:\n" + log());
}

HostProcess::~HostProcess() {
  if (!exited_ && pid_ > 0) {
    ::kill(pid_, SIGTERM);
    if (wait_exit(20000) < 0) {
      ::kill(pid_, SIGKILL);
      wait_exit(5000);
    }
  }
  // In a sanitizer build (docs/testing.md) a report from the host fails the test that ran it,
  // wherever it happened: in a request, in a background thread, or at exit (a leak).
  std::string report = sanitizer_report(log());
  if (!report.empty()) ADD_FAILURE() << "the host's sanitizer report:\n" << report;
  if (!std::getenv("COURTHUB_KEEP_TEST_DIRS")) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

void HostProcess::rewrite_config(const std::string& config_yaml) {
  std::string text = config_yaml;
  replace_all(text, "{DATA}", data_dir_);
  std::ofstream(config_path(), std::ios::trunc) << text;
}

Json HostProcess::plugin_status(const std::string& name) const {
  auto r = admin_get("/admin/plugins");
  EXPECT_EQ(r.status, 200) << r.body;
  for (Json doc = r.json(); auto& p : doc["plugins"])
    if (p["name"].get<std::string>() == name) return p;
  ADD_FAILURE() << "no plugin " << name << " in " << r.body;
  return Json::object();
}

HttpResponse HostProcess::get(const std::string& path, const std::string& bearer) const {
  std::vector<std::pair<std::string, std::string>> h;
  if (!bearer.empty()) h.emplace_back("Authorization", "Bearer " + bearer);
  return http(port_, "GET", path, "", h);
}

HttpResponse HostProcess::post(const std::string& path, const std::string& body,
                               const std::string& bearer) const {
  std::vector<std::pair<std::string, std::string>> h;
  if (!bearer.empty()) h.emplace_back("Authorization", "Bearer " + bearer);
  return http(port_, "POST", path, body, h);
}

std::string HostProcess::log() const { return read_file(dir_ + "/stderr.log"); }

void HostProcess::send_signal(int sig) const { ::kill(pid_, sig); }

int HostProcess::wait_exit(int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (running() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return running() ? -1 : exit_status_;
}

bool HostProcess::running() {
  if (exited_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
  exited_ = true;
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return false;
}

}  // namespace courthub::it
