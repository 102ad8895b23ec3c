// SPDX-License-Identifier: Apache-2.0
// DayBoard from a computed Board, and the computation of a day (with its previous day).
#include "day_board.hpp"

#include <mutex>
#include <shared_mutex>

#include "board_json.hpp"

namespace board {

using courthub::Json;

Json number_or_null(const std::optional<double>& v) {
  return v ? Json(*v) : Json();
}

Json int_or_null(const std::optional<int>& v) {
  return v ? Json(*v) : Json();
}

const DayGroup* find_group(const DayBoard& d, PeerGroup g) {
  for (auto& x : d.groups)
    if (x.group == g) return &x;
  return nullptr;
}

const DayMember* find_member(const DayBoard& d, std::string_view code) {
  for (auto& m : d.members)
    if (m.code == code) return &m;
  return nullptr;
}

DayStandings standings_of(const Board& b) {
  DayStandings out;
  out.window = b.window;
  for (auto& g : b.groups)
    for (auto& m : g.members)
      out.members.emplace(m.code, Standing{m.composite, g.ranked ? m.rank : std::nullopt});
  return out;
}

namespace {

DayGroup group_of(const PeerBoard& g, bool judges) {
  DayGroup out;
  out.group = g.group;
  out.ranked = g.ranked;
  out.count = static_cast<int>(g.members.size());
  out.ranked_count = g.ranked_count;
  out.medians = Json::object();
  out.best = Json::object();
  auto add = [&](int i) {
    out.medians[std::string(kIndicators[i].id)] = number_or_null(g.median[i]);
    out.best[std::string(kIndicators[i].id)] = number_or_null(g.best[i]);
  };
  if (judges) {
    for (int i : kJudgeIndicators) add(i);
  } else {
    for (int i = 0; i < kIndicatorCount; ++i) add(i);
  }
  out.group_score_medians = Json::object();
  for (size_t k = 0; k < kGroupIds.size(); ++k)
    out.group_score_medians[std::string(kGroupIds[k])] = number_or_null(g.group_score_median[k]);
  return out;
}

}  // namespace

DayBoard day_board_of(const Board& b, Day as_of, const BoardSettings& s, bool judges,
                      const DayStandings* previous, std::string_view court) {
  DayBoard d;
  d.as_of = as_of;
  d.window = b.window;
  d.indicators = catalogue_json(s, judges);
  d.weights = weights_json(s);
  for (auto& g : b.groups) {
    d.groups.push_back(group_of(g, judges));
    for (auto& m : g.members) {
      const std::string& member_court = judges ? m.court_code : m.code;
      if (!court.empty() && member_court != court) continue;
      DayMember dm;
      dm.code = m.code;
      dm.court_code = member_court;
      dm.group = g.group;
      dm.standing = Standing{m.composite, g.ranked ? m.rank : std::nullopt};
      if (g.ranked && m.rank) dm.band = band_of(*m.rank, g.ranked_count);
      if (previous) {
        auto it = previous->members.find(m.code);
        if (it != previous->members.end()) dm.previous = it->second;
      }
      dm.detail = member_json(m, g, s, judges, !judges);
      d.members.push_back(std::move(dm));
    }
  }
  return d;
}

ComputedDay compute_day(const BoardState& state, Day as_of, std::optional<Day> from,
                        const DayStandings* kept_courts, const DayStandings* kept_judges,
                        const JudgeScope& judges) {
  auto usable = [&](const DayStandings* kept) {
    return kept && (!from || kept->window.from == *from);
  };
  const bool kept_c = usable(kept_courts);
  const bool kept_j = judges.none || usable(kept_judges);
  const Day previous_day = as_of - 1;
  const bool has_previous_day = !from || *from <= previous_day;

  BoardSettings s;
  Board courts, previous_courts;
  std::optional<Board> judge_b, previous_judges;
  {
    std::shared_lock lock(state.mutex);
    s = state.settings;
    Window w = window_for(s, as_of, from);
    MeasureSet m = measure(state.cases, state.org, w);
    courts = court_board(m, state.org, s, w);
    if (!judges.none) judge_b = judge_board(m, state.org, s, w);
    if (has_previous_day && (!kept_c || !kept_j)) {
      Window pw = window_for(s, previous_day, from);
      MeasureSet pm = measure(state.cases, state.org, pw);
      if (!kept_c) previous_courts = court_board(pm, state.org, s, pw);
      if (!kept_j) previous_judges = judge_board(pm, state.org, s, pw);
    }
  }

  std::optional<DayStandings> prev_c, prev_j;
  if (kept_c)
    prev_c = *kept_courts;
  else if (has_previous_day)
    prev_c = standings_of(previous_courts);
  if (!judges.none) {
    if (usable(kept_judges))
      prev_j = *kept_judges;
    else if (previous_judges)
      prev_j = standings_of(*previous_judges);
  }

  ComputedDay out;
  out.courts = day_board_of(courts, as_of, s, false, prev_c ? &*prev_c : nullptr);
  if (judge_b)
    out.judges = day_board_of(*judge_b, as_of, s, true, prev_j ? &*prev_j : nullptr, judges.court);
  return out;
}

}  // namespace board
