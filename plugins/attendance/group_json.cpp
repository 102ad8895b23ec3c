// SPDX-License-Identifier: Apache-2.0
// group_json.cpp — reading and writing groups and shifts as JSON, every problem under its
// pointer so the host can show file:line (settings) or the client can mark the field (API).
#include "group_json.hpp"

#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>

namespace attendance {

using courthub::Json;

namespace {

// Typed reads of one JSON object's members; a wrong value is reported and the fallback kept.
class Reader {
 public:
  Reader(const Json& j, std::string at, JsonProblems& problems)
      : j_(j), at_(std::move(at)), problems_(problems) {}

  bool is_object(const char* what) {
    if (j_.is_object()) return true;
    report("", std::string("must be ") + what);
    return false;
  }
  void only(std::initializer_list<std::string_view> known) {
    if (!j_.is_object()) return;
    for (const auto& [key, value] : j_.items()) {
      bool ok = false;
      std::string list;
      for (std::string_view k : known) {
        ok = ok || k == key;
        list += (list.empty() ? "" : ", ") + std::string(k);
      }
      if (!ok) report("/" + key, "is not a key here (known: " + list + ")");
    }
  }
  const Json* find(std::string_view key) const {
    const Json* v = courthub::json::find(j_, key);
    return v && !v->is_null() ? v : nullptr;
  }
  std::string text(std::string_view key, const std::string& fallback = {}) {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) {
      report(key, "must be a string");
      return fallback;
    }
    return v->get<std::string>();
  }
  // A string, or an integer written as one (YAML's unquoted 18001).
  static std::optional<std::string> id_text(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
    return std::nullopt;
  }
  int integer(std::string_view key, int min, int max, int fallback) {
    const Json* v = find(key);
    if (!v) return fallback;
    double d = v->is_number() ? v->get<double>() : NAN;
    if (!std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
      report(key, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
      return fallback;
    }
    return static_cast<int>(d);
  }
  // NaN when absent or not a number (group_problems() names it).
  double number(std::string_view key) const {
    const Json* v = find(key);
    return v && v->is_number() ? v->get<double>() : NAN;
  }
  bool boolean(std::string_view key, bool fallback) {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) {
      report(key, "must be true or false");
      return fallback;
    }
    return v->get<bool>();
  }
  // A list of ids (strings, or integers for department ids).
  std::vector<std::string> ids(std::string_view key) {
    std::vector<std::string> out;
    const Json* v = find(key);
    if (!v) return out;
    if (!v->is_array()) {
      report(key, "must be a list");
      return out;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      auto t = id_text(v->at(i));
      if (!t || t->empty())
        report(std::string(key) + "/" + std::to_string(i), "must be a non-empty id");
      else
        out.push_back(*t);
    }
    return out;
  }
  void report(std::string_view below, std::string message) {
    std::string at = at_;
    if (!below.empty()) at += (below.front() == '/' ? "" : "/") + std::string(below);
    problems_.emplace_back(std::move(at), std::move(message));
  }
  std::string at(std::string_view key) const { return at_ + "/" + std::string(key); }

 private:
  const Json& j_;
  std::string at_;
  JsonProblems& problems_;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void read_members(const Json& j, const std::string& at, Group& g, JsonProblems& problems) {
  Reader r(j, at, problems);
  if (!r.is_object("a mapping with departments and users")) return;
  r.only({"departments", "users"});
  g.member_depts = r.ids("departments");
  g.member_users = r.ids("users");
}

template <class T, class ReadOne>
std::vector<T> read_list(Reader& parent, std::string_view key, ReadOne read_one) {
  std::vector<T> out;
  const Json* v = parent.find(key);
  if (!v) return out;
  if (!v->is_array()) {
    parent.report(key, "must be a list");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i)
    out.push_back(read_one(v->at(i), parent.at(key) + "/" + std::to_string(i)));
  return out;
}

}  // namespace

Shift read_shift(const Json& j, const std::string& at, JsonProblems& problems) {
  Shift s;
  Reader r(j, at, problems);
  if (!r.is_object("a shift (a mapping with id, name and sections)")) return s;
  r.only({"id", "name", "court", "sections", "flex_minutes", "serious_late_minutes",
          "absent_late_minutes", "on_window_before", "off_window_after"});
  s.id = r.text("id");
  if (!valid_id(s.id))
    r.report("id", "must be lowercase letters, digits, '-' or '_', at most 64 (e.g. winter)");
  s.name = r.text("name");
  if (s.name.empty()) r.report("name", "must not be empty");
  s.court = r.text("court");
  if (!s.court.empty() && !valid_court_code(s.court))
    r.report("court", "must be a court code such as LN-BC-SY-01, or absent for every court");
  const Json* sections = r.find("sections");
  if (!sections || !sections->is_array() || sections->empty()) {
    r.report("sections", "must be a list of sections such as \"08:30-12:00\"");
  } else {
    for (size_t i = 0; i < sections->size(); ++i) {
      const Json& v = sections->at(i);
      auto sec = v.is_string() ? parse_section(v.get<std::string>()) : std::nullopt;
      if (!sec)
        r.report("sections/" + std::to_string(i), "must be a section such as \"08:30-12:00\"");
      else
        s.sections.push_back(*sec);
    }
  }
  ShiftRules& rules = s.rules;
  rules.flex_minutes = r.integer("flex_minutes", 0, 720, rules.flex_minutes);
  rules.serious_late_minutes = r.integer("serious_late_minutes", 0, 1440, rules.serious_late_minutes);
  rules.absent_late_minutes = r.integer("absent_late_minutes", 0, 1440, rules.absent_late_minutes);
  rules.on_window_before = r.integer("on_window_before", 0, 1440, rules.on_window_before);
  rules.off_window_after = r.integer("off_window_after", 0, 1440, rules.off_window_after);
  if (!s.sections.empty() && s.sections.size() == sections->size())
    if (auto problem = shift_problem(s)) r.report("", *problem);
  return s;
}

Json shift_json(const Shift& s) {
  Json sections = Json::array();
  for (const Section& sec : s.sections) sections.push_back(format_section(sec));
  return Json::object({{"id", s.id},
                       {"name", s.name},
                       {"court", s.court},
                       {"sections", sections},
                       {"flex_minutes", s.rules.flex_minutes},
                       {"serious_late_minutes", s.rules.serious_late_minutes},
                       {"absent_late_minutes", s.rules.absent_late_minutes},
                       {"on_window_before", s.rules.on_window_before},
                       {"off_window_after", s.rules.off_window_after}});
}

void read_outside(const Json& j, const std::string& at, OutsideRule& rule,
                  JsonProblems& problems) {
  Reader r(j, at, problems);
  if (!r.is_object("a mapping with allowed, approval and remark_required")) return;
  r.only({"allowed", "approval", "remark_required"});
  rule.allowed = r.boolean("allowed", rule.allowed);
  if (const Json* a = r.find("approval")) {
    auto parsed = a->is_string() ? outside_approval_of(a->get<std::string>()) : std::nullopt;
    if (!parsed)
      r.report("approval", "must be none, before or after");
    else
      rule.approval = *parsed;
  }
  rule.remark_required = r.boolean("remark_required", rule.remark_required);
}

Json outside_json(const OutsideRule& rule) {
  return Json::object({{"allowed", rule.allowed},
                       {"approval", std::string(name_of(rule.approval))},
                       {"remark_required", rule.remark_required}});
}

Group read_group(const Json& j, const std::string& at, JsonProblems& problems) {
  Group g;
  Reader r(j, at, problems);
  if (!r.is_object("a group (a mapping with id, court, name and type)")) return g;
  r.only({"id", "court", "name", "type", "shift", "shifts", "members", "locations", "wifis",
          "outside", "skip_holidays", "managed_by"});
  g.id = r.text("id");
  g.court = r.text("court");
  g.name = r.text("name");
  std::string type = r.text("type", "FIXED");
  if (auto t = group_type_of(type))
    g.type = *t;
  else
    r.report("type", "must be FIXED, TURN or NONE");
  g.shift_id = r.text("shift");
  g.shift_ids = r.ids("shifts");
  if (g.type != GroupType::Fixed && !g.shift_id.empty())
    r.report("shift", "only a FIXED group has one shift (a TURN group lists shifts)");
  if (g.type != GroupType::Turn && !g.shift_ids.empty())
    r.report("shifts", "only a TURN group lists shifts (a FIXED group names one shift)");
  if (const Json* m = r.find("members")) read_members(*m, r.at("members"), g, problems);
  g.locations = read_list<GeoFence>(r, "locations", [&](const Json& v, const std::string& p) {
    GeoFence f;
    Reader lr(v, p, problems);
    if (!lr.is_object("a location with latitude, longitude and radius_m")) return f;
    lr.only({"title", "address", "latitude", "longitude", "radius_m"});
    f.title = lr.text("title");
    f.address = lr.text("address");
    f.latitude = lr.number("latitude");
    f.longitude = lr.number("longitude");
    f.radius_m = lr.integer("radius_m", 1, 100000, f.radius_m);
    return f;
  });
  g.wifis = read_list<WifiSpot>(r, "wifis", [&](const Json& v, const std::string& p) {
    WifiSpot w;
    Reader wr(v, p, problems);
    if (!wr.is_object("a Wi-Fi with ssid and/or bssid")) return w;
    wr.only({"ssid", "bssid"});
    w.ssid = wr.text("ssid");
    w.bssid = lower(wr.text("bssid"));
    return w;
  });
  if (const Json* o = r.find("outside")) read_outside(*o, r.at("outside"), g.outside, problems);
  g.skip_holidays = r.boolean("skip_holidays", g.skip_holidays);
  g.managed_by = r.text("managed_by", "settings");
  if (g.managed_by != "settings" && g.managed_by != "api")
    r.report("managed_by", "must be settings or api");
  for (auto& [pointer, message] : group_problems(g)) r.report(pointer, message);
  return g;
}

Json group_json(const Group& g) {
  Json depts = Json::array(), users = Json::array(), shifts = Json::array();
  for (auto& d : g.member_depts) depts.push_back(d);
  for (auto& u : g.member_users) users.push_back(u);
  for (auto& s : g.shift_ids) shifts.push_back(s);
  Json locations = Json::array();
  for (const GeoFence& f : g.locations)
    locations.push_back(Json::object({{"title", f.title},
                                      {"address", f.address},
                                      {"latitude", f.latitude},
                                      {"longitude", f.longitude},
                                      {"radius_m", f.radius_m}}));
  Json wifis = Json::array();
  for (const WifiSpot& w : g.wifis)
    wifis.push_back(Json::object({{"ssid", w.ssid}, {"bssid", w.bssid}}));
  return Json::object({{"id", g.id},
                       {"court", g.court},
                       {"name", g.name},
                       {"type", std::string(name_of(g.type))},
                       {"shift", g.shift_id},
                       {"shifts", shifts},
                       {"members", Json::object({{"departments", depts}, {"users", users}})},
                       {"locations", locations},
                       {"wifis", wifis},
                       {"outside", outside_json(g.outside)},
                       {"skip_holidays", g.skip_holidays},
                       {"managed_by", g.managed_by}});
}

}  // namespace attendance
