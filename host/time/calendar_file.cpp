// SPDX-License-Identifier: Apache-2.0
// WorkCalendar::load: reading and checking the yearly holiday files (docs/work-calendar.md).
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <string_view>

#include "host/time/work_calendar.hpp"

namespace courthub::time {
namespace {

using std::chrono::sys_days;

int line_of(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

// "YYYY-MM-DD" and nothing else.
std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t at, size_t n) -> std::optional<int> {
    int v = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + n, v);
    if (ec != std::errc() || end != text.data() + at + n) return std::nullopt;
    return v;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string date_text(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// One file's reader; problems go to `errors`, what is good to `exceptions`.
class CalendarFile {
 public:
  CalendarFile(std::string file, std::vector<CalendarIssue>& errors) : file_(std::move(file)), errors_(errors) {}

  struct Listed {
    bool workday;
    std::string name;
    int line;
  };

  // Returns the file's year, or nullopt when it has none usable.
  std::optional<int> read(const YAML::Node& root, std::map<sys_days, Listed>& days) {
    if (!root.IsMap()) {
      error(line_of(root), "expected a mapping with year, notice and holidays");
      return std::nullopt;
    }
    only(root, {"year", "notice", "holidays"});
    std::optional<int> year;
    if (YAML::Node y = root["year"]; !y) {
      error(line_of(root), "year is required");
    } else if (int v = 0; !y.IsScalar() || !as_int(y.Scalar(), v) || v < 1900 || v > 9999) {
      error(line_of(y), "year must be a year such as 2026");
    } else {
      year = v;
    }
    if (YAML::Node n = root["notice"]; !n || !n.IsScalar() || n.Scalar().empty()) {
      error(n ? line_of(n) : line_of(root),
            "notice is required: cite the State Council notice the dates come from");
    }
    YAML::Node holidays = root["holidays"];
    if (!holidays || !holidays.IsSequence()) {
      error(holidays ? line_of(holidays) : line_of(root), "holidays must be a list");
      return year;
    }
    if (!year) return year;
    for (const YAML::Node& h : holidays) read_holiday(h, *year, days);
    return year;
  }

 private:
  void error(int line, std::string message) {
    errors_.push_back(CalendarIssue{file_, line, std::move(message)});
  }

  static bool as_int(const std::string& text, int& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
  }

  void only(const YAML::Node& map, std::initializer_list<std::string_view> keys) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
      bool known = false;
      for (auto k : keys) known = known || key == k;
      if (!known) error(line_of(it->first), "unknown key '" + key + "'");
    }
  }

  std::optional<Date> date(const YAML::Node& node, int year, std::string_view what) {
    if (!node.IsScalar()) {
      error(line_of(node), std::string(what) + " must be a date such as 2026-02-15");
      return std::nullopt;
    }
    auto d = parse_date(node.Scalar());
    if (!d) {
      error(line_of(node), std::string(what) + " '" + node.Scalar() +
                               "' is not a date: write YYYY-MM-DD, e.g. 2026-02-15");
      return std::nullopt;
    }
    if (static_cast<int>(d->year()) != year) {
      error(line_of(node), std::string(what) + " " + node.Scalar() + " is not in " +
                               std::to_string(year) + ", the year of this file");
      return std::nullopt;
    }
    return d;
  }

  void list(sys_days day, Listed entry, std::map<sys_days, Listed>& days) {
    auto [it, fresh] = days.emplace(day, entry);
    if (!fresh) {
      error(entry.line, date_text(Date{day}) + " is listed twice (also at line " +
                            std::to_string(it->second.line) + ")");
    }
  }

  void read_holiday(const YAML::Node& h, int year, std::map<sys_days, Listed>& days) {
    if (!h.IsMap()) {
      error(line_of(h), "each holiday is a mapping: {name, from, to, workdays}");
      return;
    }
    only(h, {"name", "from", "to", "workdays"});
    std::string name;
    if (YAML::Node n = h["name"]; !n || !n.IsScalar() || n.Scalar().empty()) {
      error(line_of(n ? n : h), "name is required (春节, 国庆节, ...)");
    } else {
      name = n.Scalar();
    }
    YAML::Node from_node = h["from"];
    if (!from_node) {
      error(line_of(h), "from is required: the holiday's first day");
      return;
    }
    auto from = date(from_node, year, "from");
    auto to = h["to"] ? date(h["to"], year, "to") : from;
    if (from && to) {
      if (sys_days{*to} < sys_days{*from}) {
        error(line_of(h["to"]), "to " + date_text(*to) + " is before from " + date_text(*from));
      } else {
        for (sys_days d{*from}; d <= sys_days{*to}; d += std::chrono::days{1})
          list(d, Listed{false, name, line_of(from_node)}, days);
      }
    }
    YAML::Node workdays = h["workdays"];
    if (!workdays) return;
    if (!workdays.IsSequence()) {
      error(line_of(workdays), "workdays must be a list of dates, e.g. [2026-02-14]");
      return;
    }
    for (const YAML::Node& w : workdays) {
      auto d = date(w, year, "workday");
      if (!d) continue;
      const unsigned wd = std::chrono::weekday{sys_days{*d}}.iso_encoding();
      if (wd < 6) {
        error(line_of(w), "workday " + w.Scalar() +
                              " is a weekday, a workday anyway; list only the Saturdays and "
                              "Sundays the notice moves work to");
        continue;
      }
      list(sys_days{*d}, Listed{true, name, line_of(w)}, days);
    }
  }

  std::string file_;
  std::vector<CalendarIssue>& errors_;
};

}  // namespace

CalendarLoad WorkCalendar::load(const std::vector<std::string>& files, FallbackReport on_fallback) {
  CalendarLoad out;
  std::shared_ptr<WorkCalendar> calendar(new WorkCalendar());
  calendar->on_fallback_ = std::move(on_fallback);
  std::map<int, std::string> year_files;
  for (const std::string& file : files) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(file);
    } catch (const YAML::BadFile&) {
      out.errors.push_back({file, 0, "cannot read the calendar file"});
      continue;
    } catch (const YAML::Exception& e) {
      out.errors.push_back({file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.msg});
      continue;
    }
    std::map<sys_days, CalendarFile::Listed> days;
    auto year = CalendarFile(file, out.errors).read(root, days);
    if (!year) continue;
    if (auto [it, fresh] = year_files.emplace(*year, file); !fresh) {
      out.errors.push_back({file, line_of(root["year"]),
                            "year " + std::to_string(*year) + " is already covered by " +
                                it->second});
      continue;
    }
    calendar->years_.insert(*year);
    for (auto& [day, listed] : days)
      calendar->exceptions_[day] = Exception{listed.workday, listed.name};
  }
  if (out.errors.empty()) out.calendar = std::move(calendar);
  return out;
}

}  // namespace courthub::time
