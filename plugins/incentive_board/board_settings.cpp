// SPDX-License-Identifier: Apache-2.0
// Reads and checks the board's settings; the host turns each JSON pointer into file:line of
// courthub.yaml. A bad value keeps its default and is reported; reading goes on.
#include "board_settings.hpp"

#include <chrono>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace board {

using courthub::Json;

namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;

// One mapping of the settings and where it is (its JSON pointer).
class Section {
 public:
  Section(const Json& j, std::string at, Errors& errors)
      : j_(j), at_(std::move(at)), errors_(errors) {}

  // False (and reported) unless the section is a mapping.
  bool is_mapping(const char* what) {
    if (j_.is_object()) return true;
    report("", std::string("must be ") + what);
    return false;
  }

  // Reports every key not in `known`.
  void only(std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : j_.items()) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || k == key;
      if (!ok) report("/" + key, "is not a setting here (known: " + join(known) + ")");
    }
  }

  // The member `key`, or nullptr when absent or null.
  const Json* find(std::string_view key) const {
    const Json* v = courthub::json::find(j_, key);
    return v && !v->is_null() ? v : nullptr;
  }

  int64_t integer(std::string_view key, int64_t min, int64_t max, int64_t fallback,
                  bool numeric_text = false) {
    const Json* v = find(key);
    if (!v) return fallback;
    std::optional<int64_t> n;
    if (v->is_number_integer() || v->is_number_unsigned()) {
      if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
        n = std::numeric_limits<int64_t>::max();
      else
        n = v->get<int64_t>();
    } else if (v->is_number_float()) {
      double d = v->get<double>();
      if (std::isfinite(d) && std::floor(d) == d && std::abs(d) < 9e18) n = static_cast<int64_t>(d);
    } else if (numeric_text && v->is_string()) {
      n = digits(v->get<std::string>());
    }
    std::string range = "between " + std::to_string(min) + " and " + std::to_string(max);
    if (!n) {
      report("/" + std::string(key), std::string("must be an integer ") +
                                          (numeric_text ? "(or a string of digits) " : "") + range);
      return fallback;
    }
    if (*n < min || *n > max) {
      report("/" + std::string(key), "must be " + range);
      return fallback;
    }
    return *n;
  }

  double number(std::string_view key, double min, double fallback) {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < min) {
      report("/" + std::string(key), "must be a number ≥ " + format(min));
      return fallback;
    }
    return v->get<double>();
  }

  bool boolean(std::string_view key, bool fallback) {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) {
      report("/" + std::string(key), "must be true or false");
      return fallback;
    }
    return v->get<bool>();
  }

  std::string text(std::string_view key, const std::string& fallback) {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) {
      report("/" + std::string(key), "must be a string");
      return fallback;
    }
    return v->get<std::string>();
  }

  void report(const std::string& below, std::string message) {
    errors_.emplace_back(at_ + below, std::move(message));
  }

  const Json& json() const { return j_; }
  const std::string& at() const { return at_; }

 private:
  static std::optional<int64_t> digits(const std::string& s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    int64_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  static std::string format(double d) {
    std::string s = std::to_string(d);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  static std::string join(std::initializer_list<std::string_view> words) {
    std::string out;
    for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
  }

  const Json& j_;
  std::string at_;
  Errors& errors_;
};

// A sub-mapping `key` of `parent`, or nullopt when absent/null (or reported when not a mapping).
std::optional<Section> section(Section& parent, std::string_view key, const char* what,
                               Errors& errors) {
  const Json* v = parent.find(key);
  if (!v) return std::nullopt;
  Section s(*v, parent.at() + "/" + std::string(key), errors);
  if (!s.is_mapping(what)) return std::nullopt;
  return s;
}

void read_mode(Section& top, BoardSettings& s) {
  const Json* v = top.find("mode");
  if (!v) return;
  if (v->is_string() && v->get<std::string>() == "ranked")
    s.mode = Mode::Ranked;
  else if (v->is_string() && v->get<std::string>() == "no_rank")
    s.mode = Mode::NoRank;
  else
    top.report("/mode", "must be ranked or no_rank");
}

void read_window(Section& top, BoardSettings& s, Errors& errors) {
  const Json* v = top.find("window");
  if (!v) return;
  if (v->is_string()) {
    if (v->get<std::string>() == "year_to_date")
      s.rolling_days = 0;
    else
      top.report("/window", "must be year_to_date or {rolling_days: N}");
    return;
  }
  Section w(*v, "/window", errors);
  if (!w.is_mapping("year_to_date or {rolling_days: N}")) return;
  w.only({"rolling_days"});
  if (!w.find("rolling_days")) {
    w.report("/rolling_days", "is required (1 to 3660 days), or write window: year_to_date");
    return;
  }
  s.rolling_days = static_cast<int32_t>(w.integer("rolling_days", 1, 3660, s.rolling_days));
}

void read_weights(Section& top, BoardSettings& s, Errors& errors) {
  auto w = section(top, "weights", "a mapping of the groups A..E to numbers", errors);
  if (!w) return;
  w->only({"A", "B", "C", "D", "E"});
  std::array<double, 5> weights = s.weights;
  for (int g = 0; g < 5; ++g) weights[g] = w->number(kGroupIds[g], 0, weights[g]);
  double sum = 0;
  for (double x : weights) sum += x;
  if (sum <= 0) {
    w->report("", "must not all be 0");
    return;
  }
  s.weights = weights;
}

void read_min_sample(Section& top, BoardSettings& s, Errors& errors) {
  auto m = section(top, "min_sample", "a mapping of indicator ids (or default) to integers", errors);
  if (!m) return;
  constexpr int64_t kMax = 1'000'000'000;
  int64_t fallback = m->integer("default", 1, kMax, 10);
  s.min_sample.fill(fallback);
  for (const auto& [key, value] : m->json().items()) {
    if (key == "default") continue;
    int i = indicator_index(key);
    if (i < 0) {
      m->report("/" + key, "is not an indicator id (A1 … E3) or default");
      continue;
    }
    if (key == "E1") {
      m->report("/E1", "E1 has no minimum sample (it is insufficient only without judges)");
      continue;
    }
    s.min_sample[i] = m->integer(key, 1, kMax, fallback);
  }
}

void read_tiers(Section& top, BoardSettings& s, Errors& errors) {
  auto t = section(top, "tiers", "a mapping {red_percent, yellow_percent}", errors);
  if (!t) return;
  t->only({"red_percent", "yellow_percent"});
  auto red = static_cast<int32_t>(t->integer("red_percent", 0, 100, s.red_percent));
  auto yellow = static_cast<int32_t>(t->integer("yellow_percent", 0, 100, s.yellow_percent));
  if (red + yellow > 100) {
    t->report("", "red_percent + yellow_percent must be at most 100");
    return;
  }
  s.red_percent = red;
  s.yellow_percent = yellow;
}

bool is_clock_time(const std::string& t) {
  auto digit = [&](size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return false;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60;
}

void read_notices(Section& top, BoardSettings& s, Errors& errors) {
  auto n = section(top, "notices", "a mapping {enabled, time, group_robot, page_url}", errors);
  if (!n) return;
  n->only({"enabled", "time", "group_robot", "page_url"});
  s.notices = n->boolean("enabled", s.notices);
  std::string time = n->text("time", s.notice_time);
  if (is_clock_time(time))
    s.notice_time = time;
  else
    n->report("/time", "must be a time of day HH:MM, e.g. \"08:00\"");
  // "" = no province digest (the presidents' work notices still go out).
  s.group_robot = n->text("group_robot", s.group_robot);
  std::string url = n->text("page_url", s.page_url);
  if (url.empty() || url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)
    s.page_url = url;
  else
    n->report("/page_url", "must be an http:// or https:// URL, or empty for no links");
}

void read_sections(Section& top, BoardSettings& s, Errors& errors) {
  if (auto i = section(top, "imports", "a mapping {drop_folder}", errors)) {
    i->only({"drop_folder"});
    s.drop_folder = i->text("drop_folder", s.drop_folder);
  }
  if (auto d = section(top, "demo", "a mapping {cases, seed}", errors)) {
    d->only({"cases", "seed"});
    s.demo_cases = d->integer("cases", 0, 100'000'000, s.demo_cases, true);
    s.demo_seed = static_cast<uint64_t>(d->integer("seed", 0, std::numeric_limits<int64_t>::max(),
                                                   static_cast<int64_t>(s.demo_seed), true));
  }
  if (auto h = section(top, "history", "a mapping {judge_days}", errors)) {
    h->only({"judge_days"});
    s.judge_history_days =
        static_cast<int32_t>(h->integer("judge_days", 1, 3660, s.judge_history_days));
  }
}

}  // namespace

std::string_view id_of(Mode m) {
  return m == Mode::Ranked ? "ranked" : "no_rank";
}

BoardSettings read_settings(const Json& settings, Errors& errors) {
  BoardSettings s;
  if (settings.is_null()) return s;
  Section top(settings, "", errors);
  if (!top.is_mapping("a mapping of the board's settings")) return s;
  top.only({"mode", "window", "weights", "min_sample", "tiers", "notices", "imports", "demo",
            "history"});
  read_mode(top, s);
  read_window(top, s, errors);
  read_weights(top, s, errors);
  read_min_sample(top, s, errors);
  read_tiers(top, s, errors);
  read_notices(top, s, errors);
  read_sections(top, s, errors);
  return s;
}

Window window_for(const BoardSettings& s, Day as_of, std::optional<Day> from) {
  if (from) return {*from, as_of};
  if (s.rolling_days > 0) return {as_of - s.rolling_days + 1, as_of};
  using namespace std::chrono;
  year_month_day date{sys_days(days(as_of))};
  Day january_first = static_cast<Day>(
      sys_days(year_month_day(date.year(), January, day(1))).time_since_epoch().count());
  return {january_first, as_of};
}

}  // namespace board
