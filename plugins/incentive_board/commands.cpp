// SPDX-License-Identifier: Apache-2.0
// The robot's `board` command: a court's standing, its weakest indicators, the province digest.
#include "commands.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <courthub/error.hpp>

#include "history.hpp"
#include "notices.hpp"

namespace board {
namespace {

using courthub::Caller;
using courthub::Command;
using courthub::Reply;

constexpr size_t kListedMatches = 10;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// UTF-8 to code points; a stray byte stands for itself.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + static_cast<size_t>(len) > s.size()) len = 1;
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

bool in_order(const std::u32string& name, const std::u32string& wanted) {
  size_t k = 0;
  for (char32_t c : name)
    if (k < wanted.size() && c == wanted[k]) ++k;
  return k == wanted.size();
}

size_t blank_at(std::string_view s, size_t i) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;  // the ideographic space
  return 0;
}

std::string trim(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && blank_at(s, i)) i += blank_at(s, i);
  size_t end = i;
  for (size_t k = i; k < s.size();) {
    size_t n = blank_at(s, k);
    k += n ? n : 1;
    if (!n) end = k;
  }
  return std::string(s.substr(i, end - i));
}

// The first word of trimmed `s` and the trimmed rest.
std::pair<std::string, std::string> first_word(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !blank_at(s, i)) ++i;
  return {std::string(s.substr(0, i)), trim(s.substr(i))};
}

void require_known(const Caller& c) {
  if (c.kind == Caller::Kind::Admin || (c.is_staff() && !c.user_id.empty())) return;
  throw courthub::PermissionDenied(
      "未能识别您的身份：请先在钉钉工作台打开“双激励通报”登录，或请本院管理员将您加入通讯录后再试。");
}

Reply as_reply(const NoticeText& n) { return Reply::md(n.title, n.text); }

std::string court_name(const DayMember& m) {
  std::string name = courthub::json::get<std::string>(m.detail, "name");
  return name.empty() ? m.code : name;
}

Reply several(const std::vector<const DayMember*>& found, std::string_view query) {
  std::string text = "#### 与“" + std::string(query) + "”匹配的法院有 " +
                     std::to_string(found.size()) + " 家\n\n请发送其中一家的代码：\n";
  for (size_t i = 0; i < found.size() && i < kListedMatches; ++i)
    text += "\n- " + court_name(*found[i]) + "：`board " + found[i]->code + "`";
  if (found.size() > kListedMatches)
    text += "\n- ……其余 " + std::to_string(found.size() - kListedMatches) +
            " 家未列出，请输入更完整的名称";
  return Reply::md("选择法院", text);
}

// The court a query names, or the reply listing the courts it could mean.
std::variant<const DayMember*, Reply> named_court(const DayBoard& d, std::string_view query) {
  auto found = match_courts(d, query);
  if (found.empty())
    throw courthub::InvalidArgument("没有找到与“" + std::string(query) +
                                    "”匹配的法院。请发送法院代码或名称中的几个字，例如 "
                                    "`board 沈阳`、`board 大连中院`；只发送 `board` 查看本院。");
  if (found.size() > 1) return several(found, query);
  return found.front();
}

Reply answer(courthub::Host& host, const BoardState& state, const Command& cmd) {
  require_known(cmd.caller);
  BoardSettings s;
  {
    std::shared_lock lock(state.mutex);
    s = state.settings;
  }
  std::shared_ptr<const DayBoard> board = court_day(host, state, latest_day(host, s));
  const DayBoard& day = *board;
  std::string args = trim(cmd.args);
  auto [word, rest] = first_word(args);
  bool weakest = word == "weakest" || word == "短板";
  std::string query = weakest ? rest : args;

  const DayMember* court = nullptr;
  if (!query.empty()) {
    auto named = named_court(day, query);
    if (auto* reply = std::get_if<Reply>(&named)) return *reply;
    court = std::get<const DayMember*>(named);
  } else if (!cmd.caller.court_code.empty()) {
    court = find_member(day, cmd.caller.court_code);
  }
  if (!court) {
    if (weakest) throw courthub::InvalidArgument("请指明法院，例如 `board weakest 沈阳中院`。");
    return as_reply(province_digest(day, s));
  }
  if (weakest) return as_reply(weakest_notice(day, *court, s));
  const DayGroup* g = find_group(day, court->group);
  // The high court's own people see the province, as its presidents' notice does.
  if (query.empty() && (!g || !g->ranked)) return as_reply(province_digest(day, s));
  return as_reply(court_notice(day, *court, s));
}

}  // namespace

std::vector<const DayMember*> match_courts(const DayBoard& d, std::string_view query) {
  std::vector<const DayMember*> all;
  for (const DayMember& m : d.members) all.push_back(&m);
  std::sort(all.begin(), all.end(),
            [](const DayMember* x, const DayMember* y) { return x->code < y->code; });
  std::vector<const DayMember*> out;
  if (query.empty()) return out;
  std::string code = lower_ascii(query);
  for (const DayMember* m : all)
    if (lower_ascii(m->code) == code || court_name(*m) == query) return {m};
  for (const DayMember* m : all)
    if (court_name(*m).find(query) != std::string::npos) out.push_back(m);
  if (!out.empty()) return out;
  std::u32string wanted = code_points(query);
  for (const DayMember* m : all)
    if (in_order(code_points(court_name(*m)), wanted)) out.push_back(m);
  return out;
}

void register_board_commands(courthub::Registrar& r, courthub::Host& host, BoardState& state) {
  r.command("board", "board 沈阳中院",
            "双激励通报：board 看本院综合情况与短板，board <法院名称或代码> 看该院，board weakest "
            "看本院得分最低的三项指标",
            [&host, &state](const Command& cmd) { return answer(host, state, cmd); });
}

}  // namespace board
