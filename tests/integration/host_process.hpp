// SPDX-License-Identifier: Apache-2.0
// Integration-test fixture: the real `courthub serve` binary on a loopback port, with its own
// temporary data directory and configuration file, spoken to over real HTTP.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "courthub/json.hpp"

namespace courthub::it {

struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  Json json() const { return Json::parse(body); }
};

// Plain HTTP/1.1 request to 127.0.0.1:port.
HttpResponse http(uint16_t port, const std::string& method, const std::string& path,
                  const std::string& body = {},
                  const std::vector<std::pair<std::string, std::string>>& headers = {});

// Sends `raw` as is on a new connection and returns everything read back until the server
// closes it or `timeout_ms` passes (for requests no well-behaved client would send).
std::string raw_exchange(uint16_t port, const std::string& raw, int timeout_ms = 5000);

// Polls `condition` every 20 ms; true once it holds, false after timeout_ms.
bool eventually(const std::function<bool()>& condition, int timeout_ms = 15000);

// Paths of the build and the sources, from the compile definitions.
std::string binary_dir();
std::string source_dir();
std::string courthub_binary();

// What a run of the courthub binary printed and how it ended.
struct CliRun {
  int status;          // the exit status; -1 when it did not exit normally
  std::string output;  // stdout and stderr
};
// Runs the binary with `args` (shell words), with `env` ("NAME=value ...") added to its
// environment, and waits for it.
CliRun run_courthub(const std::string& args, const std::string& env = "");

inline constexpr const char* kAdminToken = "it-admin-token-0123456789abcdef";
inline constexpr const char* kSessionSecret = "it-session-secret-0123456789abcdef";

// A configuration for tests: `plugins_yaml` is the text of the plugins: list (indented by two
// spaces per entry), `extra` more top-level YAML. `seed` "tiny" uses a small test directory,
// "real" the 128 courts, another name tests/integration/data/<seed>.yaml.
std::string test_config(const std::string& plugins_yaml, const std::string& extra = {},
                        const std::string& seed = "tiny");

class HostProcess {
 public:
  // Writes `config_yaml` ("{DATA}" is replaced by the data directory) and starts the host with
  // `env` added to this process's environment (COURTHUB_TEST_CLOCK_MS puts it on a test clock,
  // docs/operations.md); waits until it listens. Throws std::runtime_error with the host's log if it does not start.
  explicit HostProcess(const std::string& config_yaml, std::vector<std::string> extra_args = {},
                       std::map<std::string, std::string> env = {});
  // Stops the host (SIGTERM, then SIGKILL after 20 s) and fails the running test when the
  // host's stderr holds a sanitizer report (sanitizer_report.hpp; sanitizer builds only).
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  uint16_t port() const { return port_; }
  const std::string& dir() const { return dir_; }
  const std::string& data_dir() const { return data_dir_; }
  std::string config_path() const { return dir_ + "/courthub.yaml"; }
  void rewrite_config(const std::string& config_yaml);

  HttpResponse get(const std::string& path, const std::string& bearer = {}) const;
  HttpResponse post(const std::string& path, const std::string& body,
                    const std::string& bearer = {}) const;
  HttpResponse admin_get(const std::string& path) const { return get(path, kAdminToken); }
  // The entry of /admin/plugins for `name` (state, error, abi, isolation, ...); fails the test
  // and returns an empty object when there is none.
  Json plugin_status(const std::string& name) const;
  HttpResponse admin_post(const std::string& path, const std::string& body = "{}") const {
    return post(path, body, kAdminToken);
  }

  // Everything the host wrote to stderr so far.
  std::string log() const;
  void send_signal(int sig) const;
  // Waits for the process to end; returns its exit status, or -1 on timeout.
  int wait_exit(int timeout_ms);
  // Whether the process has not ended yet (asks without waiting).
  bool running();
  pid_t pid() const { return pid_; }

 private:
  std::string dir_;
  std::string data_dir_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  bool exited_ = false;
  int exit_status_ = 0;
};

}  // namespace courthub::it
