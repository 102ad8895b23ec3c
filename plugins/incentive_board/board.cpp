// SPDX-License-Identifier: Apache-2.0
// Boards from measures: members are put in their peer groups, then each group is scored as a
// whole (T-scores, tiers, group scores, composite, ranks, weakest three). O(n log n) per group.
#include "board.hpp"

#include <algorithm>
#include <numeric>
#include <span>

namespace board {

namespace {

constexpr std::array<int, 18> kAllIndicators = {0, 1, 2,  3,  4,  5,  6,  7,  8,
                                                9, 10, 11, 12, 13, 14, 15, 16, 17};
constexpr std::array<PeerGroup, 4> kGroupOrder = {PeerGroup::Basic, PeerGroup::Intermediate,
                                                  PeerGroup::Special, PeerGroup::High};

MemberResult make_member(std::string code, std::string name, std::string court_code,
                         const Measures& measures, std::span<const int> indicators,
                         const BoardSettings& s) {
  MemberResult m;
  m.code = std::move(code);
  m.name = std::move(name);
  m.court_code = std::move(court_code);
  for (int i : indicators) {
    IndicatorResult& r = m.indicators[i];
    r.measure = measures[i];
    r.min_sample = i == kE1 ? 0 : s.min_sample[i];  // E1 has none
    r.value = indicator_value(i, r.measure, s.min_sample[i]);
  }
  return m;
}

// Per indicator: the peer median and best value (every group), then the scores and tiers.
void score_indicators(PeerBoard& g, std::span<const int> indicators, const BoardSettings& s) {
  std::vector<std::string> codes;
  codes.reserve(g.members.size());
  for (const MemberResult& m : g.members) codes.push_back(m.code);
  std::vector<std::optional<double>> values(g.members.size());
  for (int i : indicators) {
    std::vector<double> present;
    for (size_t k = 0; k < g.members.size(); ++k) {
      values[k] = g.members[k].indicators[i].value;
      if (values[k]) present.push_back(*values[k]);
    }
    Direction d = kIndicators[i].direction;
    if (!present.empty())
      g.best[i] = d == Direction::Up ? *std::max_element(present.begin(), present.end())
                                     : *std::min_element(present.begin(), present.end());
    g.median[i] = median(std::move(present));
    if (!g.ranked) continue;
    auto scores = t_scores(values, d);
    auto tier_of = tiers(scores, codes, s.red_percent, s.yellow_percent);
    for (size_t k = 0; k < g.members.size(); ++k) {
      g.members[k].indicators[i].score = scores[k];
      g.members[k].indicators[i].tier = tier_of[k];
    }
  }
}

// Group scores (mean of the scored indicators of each group) and the weighted composite over the
// groups that have a score.
void score_groups(MemberResult& m, std::span<const int> indicators, const BoardSettings& s) {
  std::array<double, 5> sum{};
  std::array<int, 5> count{};
  for (int i : indicators) {
    if (!m.indicators[i].score) continue;
    int group = kIndicators[i].group;
    sum[group] += *m.indicators[i].score;
    ++count[group];
  }
  double weighted = 0, weights = 0;
  bool any = false;
  for (int group = 0; group < 5; ++group) {
    if (count[group] == 0) continue;
    m.group_scores[group] = sum[group] / count[group];
    weighted += s.weights[group] * *m.group_scores[group];
    weights += s.weights[group];
    any = true;
  }
  if (any && weights > 0) m.composite = weighted / weights;
}

// The three lowest scores, ties by indicator id (= catalogue order).
void find_weakest(MemberResult& m, const PeerBoard& g, std::span<const int> indicators) {
  std::vector<int> scored;
  for (int i : indicators)
    if (m.indicators[i].score) scored.push_back(i);
  size_t keep = std::min<size_t>(3, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + keep, scored.end(), [&](int a, int b) {
    double sa = *m.indicators[a].score, sb = *m.indicators[b].score;
    return sa != sb ? sa < sb : a < b;
  });
  for (size_t k = 0; k < keep; ++k) {
    int i = scored[k];
    // A scored indicator has a value, so the group's median and best exist.
    m.weakest.push_back(
        {i, *m.indicators[i].value, *m.indicators[i].score, *g.median[i], *g.best[i]});
  }
}

void score_group(PeerBoard& g, std::span<const int> indicators, const BoardSettings& s) {
  score_indicators(g, indicators, s);
  if (g.ranked) {
    std::vector<std::optional<double>> composites;
    composites.reserve(g.members.size());
    for (MemberResult& m : g.members) {
      score_groups(m, indicators, s);
      composites.push_back(m.composite);
    }
    auto rank_of = ranks(composites);
    for (size_t k = 0; k < g.members.size(); ++k) {
      g.members[k].rank = rank_of[k];
      if (rank_of[k]) ++g.ranked_count;
    }
    for (MemberResult& m : g.members) {
      if (m.rank) m.band = band_of(*m.rank, g.ranked_count);
      find_weakest(m, g, indicators);
    }
    for (int group = 0; group < 5; ++group) {
      std::vector<double> present;
      for (const MemberResult& m : g.members)
        if (m.group_scores[group]) present.push_back(*m.group_scores[group]);
      g.group_score_median[group] = median(std::move(present));
    }
  }
  // Sorted through a permutation: a MemberResult is over a kilobyte, too big to swap around.
  std::vector<size_t> order(g.members.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const MemberResult& a = g.members[x];
    const MemberResult& b = g.members[y];
    if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
    if (a.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
    return a.code < b.code;
  });
  std::vector<MemberResult> sorted;
  sorted.reserve(order.size());
  for (size_t k : order) sorted.push_back(std::move(g.members[k]));
  g.members = std::move(sorted);
}

// Scores every non-empty group of `by_group` (indexed by PeerGroup) in kGroupOrder.
Board finish(std::array<PeerBoard, 4>& by_group, std::span<const int> indicators,
             const BoardSettings& s, Window w) {
  Board b{w, {}};
  for (PeerGroup pg : kGroupOrder) {
    PeerBoard& g = by_group[static_cast<size_t>(pg)];
    if (g.members.empty()) continue;
    score_group(g, indicators, s);
    b.groups.push_back(std::move(g));
  }
  return b;
}

std::array<PeerBoard, 4> empty_groups() {
  std::array<PeerBoard, 4> groups;
  for (PeerGroup pg : kGroupOrder) groups[static_cast<size_t>(pg)].group = pg;
  return groups;
}

PeerGroup judge_peer_group(std::string_view level) {
  if (level == "high") return PeerGroup::High;
  if (level == "intermediate") return PeerGroup::Intermediate;
  return PeerGroup::Basic;
}

}  // namespace

Board court_board(const MeasureSet& m, const Org& org, const BoardSettings& s, Window w) {
  auto groups = empty_groups();
  groups[static_cast<size_t>(PeerGroup::High)].ranked = false;
  for (auto& g : groups) g.members.reserve(org.courts.size());
  for (size_t k = 0; k < org.courts.size() && k < m.courts.size(); ++k) {
    const OrgCourt& c = org.courts[k];
    groups[static_cast<size_t>(c.group)].members.push_back(
        make_member(c.code, c.name, c.code, m.courts[k], kAllIndicators, s));
  }
  return finish(groups, kAllIndicators, s, w);
}

Board judge_board(const MeasureSet& m, const Org& org, const BoardSettings& s, Window w) {
  auto groups = empty_groups();
  size_t n = std::min(org.judges.size(), m.judges.size());
  std::vector<int> group_of(n, -1);
  std::array<size_t, 4> sizes{};
  for (size_t k = 0; k < n; ++k) {
    int court = org.court_index(org.judges[k].court_code);
    if (court < 0) continue;
    group_of[k] = static_cast<int>(judge_peer_group(org.courts[court].level));
    ++sizes[group_of[k]];
  }
  for (size_t g = 0; g < 4; ++g) groups[g].members.reserve(sizes[g]);
  for (size_t k = 0; k < n; ++k) {
    if (group_of[k] < 0) continue;
    const OrgJudge& j = org.judges[k];
    groups[group_of[k]].members.push_back(
        make_member(j.user_id, j.name, j.court_code, m.judges[k], kJudgeIndicators, s));
  }
  return finish(groups, kJudgeIndicators, s, w);
}

const MemberResult* find_member(const Board& b, std::string_view code, const PeerBoard** group) {
  for (const PeerBoard& g : b.groups)
    for (const MemberResult& m : g.members)
      if (m.code == code) {
        if (group) *group = &g;
        return &m;
      }
  return nullptr;
}

}  // namespace board
