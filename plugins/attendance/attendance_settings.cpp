// SPDX-License-Identifier: Apache-2.0
// attendance_settings.cpp — reads and checks the plugin's settings: every problem is reported
// under its JSON pointer (the host turns it into file:line of courthub.yaml); a bad value keeps
// its default and reading goes on, so one start lists everything wrong.
#include "attendance_settings.hpp"

#include <cmath>
#include <set>

#include <courthub/time.hpp>

#include "group_json.hpp"

namespace attendance {

using courthub::Json;

namespace {

const std::set<std::string> kTemplateKinds = {"leave", "business_trip", "outing", "punch_fix",
                                              "outside_punch"};

const std::set<std::string> kKeys = {"shifts", "groups", "buildings", "default_group",
                                     "punch_fix_per_month", "punch_fix_window_days",
                                     "approval_templates",
                                     "remind_after_minutes", "digest_time",
                                     "monthly_report_time", "page_url", "demo_roster_days"};

void add(SettingsProblems& p, std::string at, std::string message) {
  p.emplace_back(std::move(at), std::move(message));
}

const Json* member(const Json& j, std::string_view key) {
  const Json* v = courthub::json::find(j, key);
  return v && !v->is_null() ? v : nullptr;
}

int integer(const Json& j, std::string_view key, int min, int max, int fallback,
            SettingsProblems& p) {
  const Json* v = member(j, key);
  if (!v) return fallback;
  double d = v->is_number() ? v->get<double>() : NAN;
  if (!std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
    add(p, "/" + std::string(key),
        "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return fallback;
  }
  return static_cast<int>(d);
}

std::string clock(const Json& j, std::string_view key, const std::string& fallback,
                  SettingsProblems& p) {
  const Json* v = member(j, key);
  if (!v) return fallback;
  if (!v->is_string() || v->get<std::string>().size() != 5 ||
      !courthub::time::parse_clock(v->get<std::string>()) ||
      *courthub::time::parse_clock(v->get<std::string>()) >= 1440) {
    add(p, "/" + std::string(key), "must be a time of day such as \"08:30\"");
    return fallback;
  }
  return v->get<std::string>();
}

std::vector<Shift> read_shifts(const Json& j, SettingsProblems& p) {
  std::vector<Shift> out;
  const Json* list = member(j, "shifts");
  if (!list) return out;
  if (!list->is_array()) {
    add(p, "/shifts", "must be a list of shifts");
    return out;
  }
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < list->size(); ++i) {
    std::string at = "/shifts/" + std::to_string(i);
    Shift s = read_shift(list->at(i), at, p);
    if (s.id.empty()) continue;
    auto [it, fresh] = seen.emplace(s.id, i);
    if (!fresh)
      add(p, at + "/id", "'" + s.id + "' is already the id of /shifts/" + std::to_string(it->second));
    else
      out.push_back(std::move(s));
  }
  return out;
}

std::map<std::string, GeoFence> read_buildings(const Json& j, SettingsProblems& p) {
  std::map<std::string, GeoFence> out;
  const Json* map = member(j, "buildings");
  if (!map) return out;
  if (!map->is_object()) {
    add(p, "/buildings", "must map court codes to buildings {title, address, latitude, longitude}");
    return out;
  }
  for (const auto& [court, b] : map->items()) {
    std::string at = "/buildings/" + court;
    if (!valid_court_code(court)) add(p, at, "must be keyed by a court code such as LN-BC-SY-01");
    if (!b.is_object()) {
      add(p, at, "must be a mapping {title, address, latitude, longitude}");
      continue;
    }
    GeoFence f;
    bool ok = true;
    for (const auto& [key, value] : b.items()) {
      if (key == "title" || key == "address") {
        if (value.is_string())
          (key == "title" ? f.title : f.address) = value.get<std::string>();
        else
          add(p, at + "/" + key, "must be a string");
      } else if (key != "latitude" && key != "longitude") {
        add(p, at + "/" + key, "is not a key here (known: title, address, latitude, longitude)");
      }
    }
    for (auto [key, limit] : {std::pair{"latitude", 90.0}, std::pair{"longitude", 180.0}}) {
      const Json* v = member(b, key);
      double x = v && v->is_number() ? v->get<double>() : NAN;
      if (!std::isfinite(x) || x < -limit || x > limit) {
        add(p, at + "/" + key, "must be a number from " + std::to_string(int(-limit)) + " to " +
                                   std::to_string(int(limit)));
        ok = false;
      }
      (std::string(key) == "latitude" ? f.latitude : f.longitude) = x;
    }
    if (ok) out[court] = f;
  }
  return out;
}

DefaultGroup read_default_group(const Json& j, SettingsProblems& p) {
  DefaultGroup d;
  const Json* v = member(j, "default_group");
  if (!v) return d;
  if (!v->is_object()) {
    add(p, "/default_group", "must be a mapping {enabled, type, shift, radius_m, outside}");
    return d;
  }
  for (const auto& [key, value] : v->items())
    if (key != "enabled" && key != "type" && key != "shift" && key != "radius_m" &&
        key != "outside")
      add(p, "/default_group/" + key,
          "is not a key here (known: enabled, type, shift, radius_m, outside)");
  if (const Json* e = member(*v, "enabled")) {
    if (e->is_boolean())
      d.enabled = e->get<bool>();
    else
      add(p, "/default_group/enabled", "must be true or false");
  }
  if (const Json* t = member(*v, "type")) {
    auto type = t->is_string() ? group_type_of(t->get<std::string>()) : std::nullopt;
    if (!type || *type == GroupType::Turn)
      add(p, "/default_group/type", "must be FIXED or NONE (a roster names people)");
    else
      d.type = *type;
  }
  if (const Json* s = member(*v, "shift")) {
    if (s->is_string())
      d.shift_id = s->get<std::string>();
    else
      add(p, "/default_group/shift", "must be a shift id");
  }
  if (const Json* r = member(*v, "radius_m")) {
    double x = r->is_number() ? r->get<double>() : NAN;
    if (!std::isfinite(x) || std::floor(x) != x || x < 1 || x > 100000)
      add(p, "/default_group/radius_m", "must be an integer from 1 to 100000");
    else
      d.radius_m = static_cast<int>(x);
  }
  if (const Json* o = member(*v, "outside")) read_outside(*o, "/default_group/outside", d.outside, p);
  if (d.enabled && d.type == GroupType::Fixed && d.shift_id.empty())
    add(p, "/default_group/shift", "is required: the FIXED default group needs its shift");
  return d;
}

std::map<std::string, std::string> read_templates(const Json& j, SettingsProblems& p) {
  std::map<std::string, std::string> out;
  for (const std::string& kind : kTemplateKinds) out[kind] = kind;
  const Json* map = member(j, "approval_templates");
  if (!map) return out;
  if (!map->is_object()) {
    add(p, "/approval_templates", "must map template codes to leave, business_trip, outing, "
                                  "punch_fix or outside_punch");
    return out;
  }
  out.clear();
  for (const auto& [code, kind] : map->items()) {
    if (!kind.is_string() || !kTemplateKinds.count(kind.get<std::string>()))
      add(p, "/approval_templates/" + code,
          "must be leave, business_trip, outing, punch_fix or outside_punch");
    else
      out[code] = kind.get<std::string>();
  }
  return out;
}

// A shift a group of `court` may use: it exists and is shared or the court's own.
void check_shift_ref(const std::map<std::string, const Shift*>& shifts, const std::string& id,
                     const std::string& court, const std::string& at, SettingsProblems& p) {
  auto it = shifts.find(id);
  if (it == shifts.end())
    add(p, at, "'" + id + "' is not a shift of /shifts");
  else if (!it->second->court.empty() && it->second->court != court)
    add(p, at, "shift '" + id + "' belongs to " + it->second->court + ", not " + court);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> shift_references(
    const Group& g, const std::vector<Shift>& shifts) {
  std::map<std::string, const Shift*> by_id;
  for (const Shift& s : shifts) by_id[s.id] = &s;
  SettingsProblems p;
  if (g.type == GroupType::Fixed && !g.shift_id.empty())
    check_shift_ref(by_id, g.shift_id, g.court, "/shift", p);
  if (g.type == GroupType::Turn)
    for (size_t i = 0; i < g.shift_ids.size(); ++i)
      check_shift_ref(by_id, g.shift_ids[i], g.court, "/shifts/" + std::to_string(i), p);
  return p;
}

Settings read_settings(const Json& json, SettingsProblems& problems) {
  Settings s;
  if (json.is_null()) return s;
  if (!json.is_object()) {
    add(problems, "", "must be a mapping (docs/attendance.md lists the keys)");
    return s;
  }
  for (const auto& [key, value] : json.items())
    if (!kKeys.count(key))
      add(problems, "/" + key,
          "is not a setting of attendance (known: shifts, groups, buildings, default_group, "
          "punch_fix_per_month, punch_fix_window_days, approval_templates, "
          "remind_after_minutes, digest_time, "
          "monthly_report_time, page_url, demo_roster_days)");
  s.shifts = read_shifts(json, problems);
  s.buildings = read_buildings(json, problems);
  s.default_group = read_default_group(json, problems);
  s.punch_fix_per_month = integer(json, "punch_fix_per_month", 0, 31, s.punch_fix_per_month, problems);
  s.punch_fix_window_days =
      integer(json, "punch_fix_window_days", 1, 366, s.punch_fix_window_days, problems);
  s.approval_templates = read_templates(json, problems);
  s.remind_after_minutes =
      integer(json, "remind_after_minutes", 0, 720, s.remind_after_minutes, problems);
  s.digest_time = clock(json, "digest_time", s.digest_time, problems);
  s.monthly_report_time = clock(json, "monthly_report_time", s.monthly_report_time, problems);
  s.demo_roster_days = integer(json, "demo_roster_days", 0, 366, s.demo_roster_days, problems);
  if (const Json* u = member(json, "page_url")) {
    if (u->is_string())
      s.page_url = u->get<std::string>();
    else
      add(problems, "/page_url", "must be a URL string");
  }

  std::map<std::string, const Shift*> shifts;
  for (const Shift& sh : s.shifts) shifts[sh.id] = &sh;
  if (s.default_group.enabled && !s.default_group.shift_id.empty() &&
      !shifts.count(s.default_group.shift_id))
    add(problems, "/default_group/shift",
        "'" + s.default_group.shift_id + "' is not a shift of /shifts");

  const Json* groups = member(json, "groups");
  if (groups && !groups->is_array()) {
    add(problems, "/groups", "must be a list of groups");
  } else if (groups) {
    std::map<std::string, size_t> ids;
    for (size_t i = 0; i < groups->size(); ++i) {
      std::string at = "/groups/" + std::to_string(i);
      Group g = read_group(groups->at(i), at, problems);
      if (g.id.empty()) continue;
      for (auto& [pointer, message] : shift_references(g, s.shifts))
        add(problems, at + pointer, message);
      for (auto& [pointer, message] : membership_clashes(g, s.groups))
        add(problems, at + pointer, message);
      if (s.default_group.enabled && g.id == default_group_id(g.court) &&
          s.buildings.count(g.court))
        add(problems, at + "/id",
            "'" + g.id + "' is the default group of " + g.court +
                " (written from /buildings and /default_group); choose another id");
      auto [it, fresh] = ids.emplace(g.id, i);
      if (!fresh)
        add(problems, at + "/id",
            "'" + g.id + "' is already the id of /groups/" + std::to_string(it->second));
      else
        s.groups.push_back(std::move(g));
    }
  }
  return s;
}

}  // namespace attendance
