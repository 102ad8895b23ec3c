// SPDX-License-Identifier: Apache-2.0
// What a robot message asks for: the command word, its arguments, and, for a word no plugin
// knows, the nearest one it might have meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace courthub::dingtalk {

struct CommandLine {
  std::string command;  // lowercased when ASCII; "" for an empty message
  std::string args;     // the rest, trimmed
};

// Splits "  @法院助手 rooms free 明天 " into {"rooms", "free 明天"}; leading @mentions are
// dropped (group messages may still carry them) and full-width spaces count as spaces.
CommandLine parse_command_line(std::string_view text);

// The candidate closest to `word` by edit distance over code points, if it is close enough to
// be a plausible typo (at most a third of the word's length, and at least 1); "" otherwise.
std::string closest_command(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace courthub::dingtalk
