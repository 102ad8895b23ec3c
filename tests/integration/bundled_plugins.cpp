// SPDX-License-Identifier: Apache-2.0
#include "bundled_plugins.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include "host/http/session_token.hpp"
#include "host_process.hpp"

namespace courthub::it {

std::string with_isolation(const std::string& plugins_yaml, const std::string& mode) {
  std::string out;
  size_t at = 0;
  while (at < plugins_yaml.size()) {
    size_t end = plugins_yaml.find('\n', at);
    end = end == std::string::npos ? plugins_yaml.size() : end + 1;
    std::string line = plugins_yaml.substr(at, end - at);
    out += line;
    if (line.rfind("  - name: ", 0) == 0) out += "    isolation: " + mode + "\n";
    at = end;
  }
  return out;
}

std::string approvals_demo() {
  std::ifstream in(source_dir() + "/plugins/approvals/demo-settings.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  all = all.substr(all.find("- name: approvals"));
  std::string out = "  ";
  for (char c : all) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out + "\n";
}

std::string session_token(const std::string& user) {
  return session_token(user, std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
}

std::string session_token(const std::string& user, int64_t issued_at_s) {
  // One for the process: issue() is thread-safe, while constructing and destroying many at once
  // from several threads races in Poco's OpenSSL initializer (its reference count).
  static const http::SessionTokens tokens(kSessionSecret, 3600);
  return tokens.issue(user, http::kStaffAudience, issued_at_s);
}

}  // namespace courthub::it
