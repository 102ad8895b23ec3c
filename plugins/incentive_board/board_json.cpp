// SPDX-License-Identifier: Apache-2.0
// The HTTP shapes of a board: catalogue, member, change. Numbers are written unrounded (the
// pages round for display); a missing number is null.
#include "board_json.hpp"

#include <span>

namespace board {

using courthub::Json;

namespace {

constexpr std::array<int, 18> kAllIndicators = {0, 1, 2,  3,  4,  5,  6,  7,  8,
                                                9, 10, 11, 12, 13, 14, 15, 16, 17};
constexpr std::array<int, 4> kJudgeGroups = {0, 1, 2, 4};  // A B C E: D has no judge indicator
constexpr std::array<int, 5> kAllGroups = {0, 1, 2, 3, 4};

std::span<const int> indicators_of(bool judge) {
  if (judge) return kJudgeIndicators;
  return kAllIndicators;
}

std::span<const int> groups_of(bool judge) {
  if (judge) return kJudgeGroups;
  return kAllGroups;
}

template <class T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json or_null(const std::optional<Tier>& t) {
  return t ? Json(id_of(*t)) : Json(nullptr);
}

std::optional<double> number_at(const Json& j, const char* key) {
  const Json* v = courthub::json::find(j, key);
  if (!v || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

Json indicator_detail(const MemberResult& m, const PeerBoard& g, int i) {
  const IndicatorResult& r = m.indicators[i];
  Json d = Json::object();
  d["value"] = or_null(r.value);
  d["numerator"] = r.measure.numerator;
  d["denominator"] = r.measure.denominator;
  d["sample"] = r.measure.sample;
  d["min_sample"] = i == kE1 ? Json(nullptr) : Json(r.min_sample);
  d["score"] = or_null(r.score);
  d["tier"] = or_null(r.tier);
  d["peer_median"] = or_null(g.median[i]);
  d["peer_best"] = or_null(g.best[i]);
  return d;
}

}  // namespace

Json catalogue_json(const BoardSettings& s, bool judges) {
  Json out = Json::array();
  for (int i : indicators_of(judges)) {
    const IndicatorDef& d = kIndicators[i];
    out.push_back({{"id", d.id},
                   {"group", kGroupIds[d.group]},
                   {"group_name", d.group_name},
                   {"name", d.name},
                   {"direction", d.direction == Direction::Up ? "up" : "down"},
                   {"unit", d.unit},
                   {"min_sample", i == kE1 ? Json(nullptr) : Json(s.min_sample[i])}});
  }
  return out;
}

Json weights_json(const BoardSettings& s) {
  Json out = Json::object();
  for (int group = 0; group < 5; ++group) out[std::string(kGroupIds[group])] = s.weights[group];
  return out;
}

Json member_json(const MemberResult& m, const PeerBoard& g, const BoardSettings& s, bool judge,
                 bool detail) {
  Json j = Json::object();
  j[judge ? "user_id" : "court_code"] = m.code;
  j["name"] = m.name;
  Json values = Json::object(), scores = Json::object(), tier_of = Json::object();
  for (int i : indicators_of(judge)) {
    std::string id(kIndicators[i].id);
    values[id] = or_null(m.indicators[i].value);
    scores[id] = or_null(m.indicators[i].score);
    tier_of[id] = or_null(m.indicators[i].tier);
  }
  j["values"] = std::move(values);
  j["scores"] = std::move(scores);
  j["tiers"] = std::move(tier_of);
  Json groups = Json::object();
  for (int group : groups_of(judge)) groups[std::string(kGroupIds[group])] = or_null(m.group_scores[group]);
  j["group_scores"] = std::move(groups);
  j["composite"] = or_null(m.composite);
  if (s.mode == Mode::Ranked)
    j["rank"] = or_null(m.rank);
  else
    j["band"] = m.band ? Json(id_of(*m.band)) : Json(nullptr);
  Json weakest = Json::array();
  for (const Weak& w : m.weakest)
    weakest.push_back({{"indicator", kIndicators[w.indicator].id},
                       {"value", w.value},
                       {"score", w.score},
                       {"peer_median", w.peer_median},
                       {"peer_best", w.peer_best}});
  j["weakest"] = std::move(weakest);
  if (detail) {
    j["peer_group"] = id_of(g.group);
    Json indicators = Json::object();
    for (int i : indicators_of(judge)) indicators[std::string(kIndicators[i].id)] = indicator_detail(m, g, i);
    j["indicators"] = std::move(indicators);
  }
  return j;
}

Json change_json(const MemberResult& now, const Json* previous_member_json,
                 const BoardSettings& s) {
  if (!previous_member_json || !previous_member_json->is_object()) return Json(nullptr);
  const Json& previous = *previous_member_json;
  Json change = Json::object();
  if (s.mode == Mode::Ranked) {
    auto before = number_at(previous, "rank");
    change["rank"] = before && now.rank ? Json(static_cast<int>(*before) - *now.rank) : Json(nullptr);
  }
  auto before = number_at(previous, "composite");
  change["composite"] = before && now.composite ? Json(*now.composite - *before) : Json(nullptr);
  return change;
}

}  // namespace board
