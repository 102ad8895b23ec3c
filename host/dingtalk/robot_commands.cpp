// SPDX-License-Identifier: Apache-2.0
// Parsing robot message text into a command, and suggesting the command a typo meant.
#include "host/dingtalk/robot_commands.hpp"

#include <algorithm>

namespace courthub::dingtalk {
namespace {

constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";  // U+3000

// Replaces full-width spaces, tabs and newlines by plain spaces.
std::string normalise_spaces(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == kFullWidthSpace) {
      out += ' ';
      i += 2;
    } else if (text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Optimal string alignment distance: a swapped pair of letters ("romos") is one typo.
size_t edit_distance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1] ? 1u : 0u)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

CommandLine parse_command_line(std::string_view text) {
  std::string s = trim(normalise_spaces(text));
  // Drop leading @mentions ("@法院助手 help").
  while (!s.empty() && s[0] == '@') {
    size_t space = s.find(' ');
    s = space == std::string::npos ? std::string() : trim(s.substr(space));
  }
  CommandLine out;
  size_t space = s.find(' ');
  out.command = s.substr(0, space);
  out.args = space == std::string::npos ? std::string() : trim(s.substr(space));
  if (!out.command.empty() && static_cast<unsigned char>(out.command[0]) < 0x80) {
    std::transform(out.command.begin(), out.command.end(), out.command.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return out;
}

std::string closest_command(const std::string& word, const std::vector<std::string>& candidates) {
  auto w = code_points(word);
  const size_t allowed = std::max<size_t>(1, w.size() / 3);
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (auto& c : candidates) {
    auto cp = code_points(c);
    // The length difference is a lower bound of the distance: a long message is not compared
    // cell by cell with every command (a 4 KB text cost a millisecond).
    size_t gap = w.size() > cp.size() ? w.size() - cp.size() : cp.size() - w.size();
    if (gap > allowed) continue;
    size_t d = edit_distance(w, cp);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= allowed ? best : std::string();
}

}  // namespace courthub::dingtalk
