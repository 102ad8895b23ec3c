// SPDX-License-Identifier: Apache-2.0
// DayBoard -> the JSON of the board routes.
#include "board_views.hpp"

#include <algorithm>

#include "board_json.hpp"

namespace board {

using courthub::Json;

namespace {

Json change_view(const DayMember& m, const BoardSettings& s) {
  if (!m.previous) return Json();
  MemberResult now;
  now.composite = m.standing.composite;
  now.rank = m.standing.rank;
  Json previous = Json::object({{"composite", number_or_null(m.previous->composite)},
                                {"rank", int_or_null(m.previous->rank)}});
  return change_json(now, &previous, s);
}

Json standing_view(const DayMember& m, Mode mode) {
  if (mode == Mode::Ranked) return int_or_null(m.standing.rank);
  return m.band ? Json(std::string(id_of(*m.band))) : Json();
}

Json group_header(const DayGroup& g) {
  return Json::object({{"id", std::string(id_of(g.group))},
                       {"name", std::string(name_of(g.group))},
                       {"ranked", g.ranked},
                       {"count", g.count},
                       {"medians", g.medians},
                       {"best", g.best},
                       {"group_score_medians", g.group_score_medians}});
}

std::string iso(Day d) {
  return iso_of(d);
}

}  // namespace

Json member_view(const DayMember& m, const BoardSettings& s, bool detail) {
  const char* standing_key = s.mode == Mode::Ranked ? "rank" : "band";
  Json out = Json::object();
  bool standing_done = false, change_done = false;
  auto put_standing = [&] {
    if (!standing_done) out[standing_key] = standing_view(m, s.mode);
    standing_done = true;
  };
  for (auto& [key, value] : m.detail.items()) {
    if (key == "rank" || key == "band" || key == "change") continue;
    if (!detail && (key == "indicators" || key == "peer_group")) continue;
    if (key == "weakest") {
      put_standing();
      out["change"] = change_view(m, s);
      change_done = true;
    }
    out[key] = value;
    if (key == "composite") put_standing();
  }
  put_standing();
  if (!change_done) out["change"] = change_view(m, s);
  return out;
}

std::vector<const DayMember*> members_in_order(const DayBoard& d, PeerGroup group, Mode mode) {
  std::vector<const DayMember*> out;
  for (auto& m : d.members)
    if (m.group == group) out.push_back(&m);
  auto key = [mode](const DayMember* m) {
    if (mode == Mode::Ranked) return m->standing.rank ? *m->standing.rank : INT32_MAX;
    return m->band ? static_cast<int>(*m->band) : INT32_MAX;
  };
  std::stable_sort(out.begin(), out.end(), [&](const DayMember* a, const DayMember* b) {
    int ka = key(a), kb = key(b);
    return ka != kb ? ka < kb : a->code < b->code;
  });
  return out;
}

Json courts_view(const DayBoard& d, const BoardSettings& s) {
  Json groups = Json::array();
  for (auto& g : d.groups) {
    Json j = group_header(g);
    Json members = Json::array();
    for (const DayMember* m : members_in_order(d, g.group, s.mode))
      members.push_back(member_view(*m, s, false));
    j["members"] = std::move(members);
    groups.push_back(std::move(j));
  }
  return Json::object({{"as_of", iso(d.as_of)},
                       {"from", iso(d.window.from)},
                       {"mode", std::string(id_of(s.mode))},
                       {"indicators", d.indicators},
                       {"weights", d.weights},
                       {"peer_groups", std::move(groups)}});
}

Json court_view(const DayBoard& d, const DayMember& m, const BoardSettings& s,
                const std::vector<TrendPoint>& trend) {
  const DayGroup* g = find_group(d, m.group);
  Json peers = Json::object({{"count", g ? g->count : 0},
                             {"group_score_medians", g ? g->group_score_medians : Json()}});

  constexpr int kDays = 30;
  Json dates = Json::array(), composite = Json::array(), rank = Json::array();
  Json values = Json::object();
  for (int i = 0; i < kIndicatorCount; ++i) values[std::string(kIndicators[i].id)] = Json::array();
  auto point = trend.begin();
  for (Day day = d.as_of - kDays + 1; day <= d.as_of; ++day) {
    while (point != trend.end() && point->as_of < day) ++point;
    const bool kept = point != trend.end() && point->as_of == day;
    Standing st = kept ? point->standing : Standing{};
    const Json* vals = kept ? &point->values : nullptr;
    if (day == d.as_of) {  // the day shown, kept or computed
      st = m.standing;
      vals = courthub::json::find(m.detail, "values");
    }
    dates.push_back(iso(day));
    composite.push_back(number_or_null(st.composite));
    rank.push_back(int_or_null(st.rank));
    for (int i = 0; i < kIndicatorCount; ++i) {
      std::string id(kIndicators[i].id);
      const Json* v = vals ? courthub::json::find(*vals, id) : nullptr;
      values[id].push_back(v ? *v : Json());
    }
  }
  Json trend_json = Json::object({{"dates", std::move(dates)}, {"composite", std::move(composite)}});
  if (s.mode == Mode::Ranked) trend_json["rank"] = std::move(rank);
  trend_json["values"] = std::move(values);

  return Json::object({{"as_of", iso(d.as_of)},
                       {"from", iso(d.window.from)},
                       {"mode", std::string(id_of(s.mode))},
                       {"indicators", d.indicators},
                       {"court", member_view(m, s, true)},
                       {"peers", std::move(peers)},
                       {"trend", std::move(trend_json)}});
}

PeerGroup judge_group_of(const OrgCourt& court) {
  return peer_group_of(court.level, "");
}

Json judges_view(const DayBoard& d, const OrgCourt& court, const BoardSettings& s,
                 std::string_view only_user) {
  const PeerGroup group = judge_group_of(court);
  const DayGroup* g = find_group(d, group);
  Json members = Json::array();
  for (const DayMember* m : members_in_order(d, group, s.mode)) {
    if (m->court_code != court.code) continue;
    if (!only_user.empty() && m->code != only_user) continue;
    members.push_back(member_view(*m, s, false));
  }
  return Json::object({{"as_of", iso(d.as_of)},
                       {"from", iso(d.window.from)},
                       {"mode", std::string(id_of(s.mode))},
                       {"court_code", court.code},
                       {"court_name", court.name},
                       {"level", court.level},
                       {"peer_count", g ? g->count : 0},
                       {"indicators", d.indicators},
                       {"medians", g ? g->medians : Json::object()},
                       {"best", g ? g->best : Json::object()},
                       {"members", std::move(members)}});
}

}  // namespace board
