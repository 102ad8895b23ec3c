// SPDX-License-Identifier: Apache-2.0
// The notice texts: a court's standing and weakest indicators, and the province digest.
#include "notices.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include "indicators.hpp"
#include "org.hpp"

namespace board {
namespace {

using courthub::Json;
namespace json = courthub::json;

constexpr size_t kDigestTop = 3;     // courts named per ranked peer group (ranked mode)
constexpr int kDigestRedTop = 3;     // indicators named per peer group
// DingTalk takes at most 2048 bytes of work-notice message (title, text and JSON around them);
// the high court's presidents get the digest as one.
constexpr size_t kWorkNoticeBudget = 1800;

// `v` with `decimals` places; never "-0.00".
std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

bool shows_as_zero(const std::string& formatted) {
  return formatted.find_first_of("123456789") == std::string::npos;
}

// `v` in indicator i's unit; a rate as a percentage followed by `percent` ("%", " 个百分点").
std::string in_unit(int i, double v, std::string_view percent) {
  std::string_view u = kIndicators[static_cast<size_t>(i)].unit;
  if (u == "rate") return fixed(v * 100, 2) + std::string(percent);
  if (u == "days") return fixed(v, 1) + " 天";
  if (u == "cases") return fixed(v, 1) + " 件";
  return fixed(v, 2);
}

std::optional<double> number(const Json& obj, std::string_view key) {
  const Json* v = json::find(obj, key);
  if (!v || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

std::string court_name(const DayMember& m) {
  std::string name = json::get<std::string>(m.detail, "name");
  return name.empty() ? m.code : name;
}

std::string indicator_label(int i) {
  const IndicatorDef& d = kIndicators[static_cast<size_t>(i)];
  return std::string(d.id) + " " + std::string(d.name);
}

// ↑0.42, ↓0.42 or 持平 for a composite's change.
std::string composite_change(double delta) {
  std::string m = fixed(std::fabs(delta), 2);
  if (shows_as_zero(m)) return "持平";
  return (delta > 0 ? "↑" : "↓") + m;
}

// ↑3, ↓2 or 持平 for a rank's change (a smaller rank is a move up).
std::string rank_change(int previous, int now) {
  int moved = previous - now;
  if (moved == 0) return "持平";
  return (moved > 0 ? "↑" : "↓") + std::to_string(std::abs(moved));
}

// "数据截至 2026-12-05（自 2026-01-01 起" — the caller closes the parenthesis.
std::string window_words(const Window& w) {
  return "数据截至 " + iso_of(w.to) + "（自 " + iso_of(w.from) + " 起";
}

std::string link_line(const std::string& url, std::string_view label) {
  return url.empty() ? std::string() : "\n\n[" + std::string(label) + "](" + url + ")";
}

std::string footer() { return "\n\n> " + std::string(kDisclaimer); }

std::string head(const DayBoard& d, const DayMember& m, std::string_view what) {
  return "#### " + court_name(m) + " " + std::string(what) + "\n\n" + window_words(d.window) +
         "；同组：" + std::string(name_of(m.group)) + "）";
}

std::string standing_lines(const DayMember& m, const DayGroup& g, const BoardSettings& s) {
  const Standing& now = m.standing;
  std::string out = "- 综合得分：";
  if (now.composite) {
    out += fixed(*now.composite, 2);
    if (m.previous && m.previous->composite)
      out += "（较前一日 " + composite_change(*now.composite - *m.previous->composite) + "）";
  } else {
    out += "样本不足，暂无";
  }
  if (s.mode == Mode::NoRank) {
    out += "\n- 所处区间：";
    if (m.band)
      out += "同组" + std::to_string(g.count) + "家法院的" + std::string(band_words(*m.band));
    else
      out += "未计入（样本不足）";
    return out;
  }
  out += "\n- 位次：";
  if (!now.rank) return out + "未参与排名（样本不足）";
  out += "第" + std::to_string(*now.rank) + "名/共" + std::to_string(g.ranked_count) + "家";
  if (m.previous && m.previous->rank)
    out += "（较前一日 " + rank_change(*m.previous->rank, *now.rank) + "）";
  return out;
}

std::string weak_line(const Json& w, bool with_best) {
  int i = indicator_index(json::get<std::string>(w, "indicator"));
  auto value = number(w, "value");
  if (i < 0 || !value) return {};
  std::string out = "- **" + indicator_label(i) + "**：" + format_value(i, *value);
  auto median = number(w, "peer_median");
  auto best = number(w, "peer_best");
  std::string extra;
  if (median) extra = "同组中位数 " + format_value(i, *median);
  if (with_best && best) extra += (extra.empty() ? "" : "，") + ("最好 " + format_value(i, *best));
  if (median) extra += (with_best ? "；" : "，") + format_gap(i, *value, *median);
  return extra.empty() ? out : out + "（" + extra + "）";
}

std::string weakest_lines(const DayMember& m, bool with_best) {
  std::string out;
  if (const Json* weakest = json::find(m.detail, "weakest"); weakest && weakest->is_array())
    for (const Json& w : *weakest)
      if (std::string line = weak_line(w, with_best); !line.empty())
        out += (out.empty() ? "" : "\n") + line;
  return out.empty() ? "暂无可比较的指标（样本不足）。" : out;
}

std::string unranked_text(const DayBoard& d, const DayMember& m, const BoardSettings& s) {
  return head(d, m, "审判质效通报") + "\n\n本院不参与同组评分与排名，各项指标的数值见本院页面。" +
         link_line(court_link(s, m.code), "查看本院详情") + footer();
}

std::vector<const DayMember*> members_of(const DayBoard& d, PeerGroup g) {
  std::vector<const DayMember*> out;
  for (const DayMember& m : d.members)
    if (m.group == g) out.push_back(&m);
  return out;
}

std::string top_line(const std::vector<const DayMember*>& members) {
  std::vector<const DayMember*> ranked;
  for (const DayMember* m : members)
    if (m->standing.rank && m->standing.composite) ranked.push_back(m);
  std::sort(ranked.begin(), ranked.end(), [](const DayMember* a, const DayMember* b) {
    return std::pair(*a->standing.rank, a->code) < std::pair(*b->standing.rank, b->code);
  });
  std::string out;
  for (size_t k = 0; k < ranked.size() && k < kDigestTop; ++k)
    out += (k ? "、" : "") + ("第" + std::to_string(*ranked[k]->standing.rank) + "名 " +
                             court_name(*ranked[k]) + "（" +
                             fixed(*ranked[k]->standing.composite, 2) + "）");
  return out.empty() ? std::string() : "\n- 前三：" + out;
}

std::string band_line(const std::vector<const DayMember*>& members) {
  constexpr std::array<Band, 4> kBands = {Band::Top25, Band::Upper, Band::Lower, Band::Bottom25};
  std::string out;
  for (Band b : kBands) {
    auto n = std::count_if(members.begin(), members.end(),
                           [b](const DayMember* m) { return m->band == b; });
    out += (out.empty() ? "" : "，") + std::string(band_words(b)) + " " + std::to_string(n) + "家";
  }
  return "\n- 区间分布：" + out;
}

// The indicators with most red courts (ties by indicator id), each with the peer median.
std::string red_line(const std::vector<const DayMember*>& members, const DayGroup& g) {
  std::array<int, kIndicatorCount> red{};
  for (const DayMember* m : members)
    if (const Json* tiers = json::find(m->detail, "tiers"))
      for (int i = 0; i < kIndicatorCount; ++i)
        if (json::get<std::string>(*tiers, kIndicators[static_cast<size_t>(i)].id) == "red")
          ++red[static_cast<size_t>(i)];
  std::array<int, kIndicatorCount> order{};
  for (int i = 0; i < kIndicatorCount; ++i) order[static_cast<size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&red](int a, int b) {
    return red[static_cast<size_t>(a)] > red[static_cast<size_t>(b)];
  });
  std::string out;
  for (int k = 0; k < kDigestRedTop; ++k) {
    int i = order[static_cast<size_t>(k)];
    if (red[static_cast<size_t>(i)] == 0) break;
    out += (k ? "；" : "") + indicator_label(i) + " " + std::to_string(red[static_cast<size_t>(i)]) +
           "家";
    if (auto median = number(g.medians, kIndicators[static_cast<size_t>(i)].id))
      out += "（中位数 " + format_value(i, *median) + "）";
  }
  return out.empty() ? std::string() : "\n- 红色预警较多的指标：" + out;
}

std::string group_section(const DayBoard& d, const DayGroup& g, const BoardSettings& s,
                          bool with_red) {
  auto members = members_of(d, g.group);
  std::string out = "\n\n**" + std::string(name_of(g.group)) + "**（" +
                    std::to_string(g.count) + "家）";
  out += s.mode == Mode::NoRank ? band_line(members) : top_line(members);
  auto unscored = std::count_if(members.begin(), members.end(),
                                [](const DayMember* m) { return !m->standing.composite; });
  if (unscored > 0) out += "\n- 样本不足、暂无综合得分：" + std::to_string(unscored) + "家";
  return with_red ? out + red_line(members, g) : out;
}

}  // namespace

std::string format_value(int i, double v) { return in_unit(i, v, "%"); }

std::string format_gap(int i, double value, double peer_median) {
  double d = value - peer_median;
  std::string m = in_unit(i, std::fabs(d), " 个百分点");
  if (shows_as_zero(m)) return "与中位数持平";
  bool better = kIndicators[static_cast<size_t>(i)].direction == Direction::Up ? d > 0 : d < 0;
  return (better ? "优于中位数 " : "落后中位数 ") + m;
}

std::string_view band_words(Band b) {
  switch (b) {
    case Band::Top25:
      return "前25%";
    case Band::Upper:
      return "25%–50%";
    case Band::Lower:
      return "50%–75%";
    case Band::Bottom25:
      return "后25%";
  }
  return "";
}

std::string court_link(const BoardSettings& s, std::string_view court_code) {
  if (s.page_url.empty()) return {};
  return s.page_url + "#/court/" + std::string(court_code);
}

NoticeText court_notice(const DayBoard& d, const DayMember& m, const BoardSettings& s) {
  NoticeText out{"审判质效通报 " + iso_of(d.window.to), {}};
  const DayGroup* g = find_group(d, m.group);
  if (!g || !g->ranked) {
    out.text = unranked_text(d, m, s);
    return out;
  }
  out.text = head(d, m, "审判质效通报") + "\n\n" + standing_lines(m, *g, s) +
             "\n\n**需关注的指标**（得分最低的三项）\n\n" + weakest_lines(m, false) +
             link_line(court_link(s, m.code), "查看本院详情") + footer();
  return out;
}

NoticeText weakest_notice(const DayBoard& d, const DayMember& m, const BoardSettings& s) {
  NoticeText out{"短板指标 " + iso_of(d.window.to), {}};
  const DayGroup* g = find_group(d, m.group);
  if (!g || !g->ranked) {
    out.text = unranked_text(d, m, s);
    return out;
  }
  out.text = head(d, m, "短板指标") + "\n\n" + weakest_lines(m, true) +
             link_line(court_link(s, m.code), "查看本院详情") + footer();
  return out;
}

NoticeText province_digest(const DayBoard& d, const BoardSettings& s) {
  NoticeText out{"全省法院审判质效通报 " + iso_of(d.window.to), {}};
  // The red lines go first when the whole would not fit a work notice.
  for (bool with_red : {true, false}) {
    out.text = "#### 全省法院审判质效通报\n\n" + window_words(d.window) + "）";
    for (const DayGroup& g : d.groups)
      if (g.ranked && g.count > 0) out.text += group_section(d, g, s, with_red);
    out.text += link_line(s.page_url, "查看全省看板") + footer();
    if (out.text.size() + out.title.size() <= kWorkNoticeBudget) break;
  }
  return out;
}

}  // namespace board
