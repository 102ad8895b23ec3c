// SPDX-License-Identifier: Apache-2.0
// Cron expression parsing and the search for the next matching wall-clock minute.

#include "host/time/cron.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace courthub::time {
namespace {

// Far enough for every satisfiable expression except Feb 29 across a skipped leap year (2100).
constexpr int64_t kSearchDays = 5 * 365 + 2;
// Years 1..9999: keeps every intermediate value, milliseconds included, far from overflow.
constexpr int64_t kMinSupportedMs = -62135596800000;
constexpr int64_t kMaxSupportedMs = 253402300799999;

constexpr std::string_view kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::string_view kWeekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct FieldSpec {
  std::string_view name;
  int min;
  int max;
  const std::string_view* names;  // names[i] means first_named_value + i; nullptr when none
  int names_count;
  int first_named_value;
  std::string_view name_kind;  // for messages: "a month name"
};

constexpr FieldSpec kFields[] = {
    {"minute", 0, 59, nullptr, 0, 0, ""},
    {"hour", 0, 23, nullptr, 0, 0, ""},
    {"day-of-month", 1, 31, nullptr, 0, 0, ""},
    {"month", 1, 12, kMonthNames, 12, 1, "a month name"},
    {"day-of-week", 0, 7, kWeekdayNames, 7, 0, "a day name"},
};

struct Macro {
  std::string_view name;
  std::string_view expansion;
};
constexpr Macro kMacros[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
};

// Expressions come from plugins and end up in logs; keep control bytes out.
std::string printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<std::string_view> split_fields(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Parses the fields of one expression, producing messages that name the expression.
class FieldParser {
 public:
  explicit FieldParser(std::string_view text) : text_(text) {}

  Outcome error(const std::string& what) const {
    return Outcome::invalid("cron '" + printable(text_) + "': " + what);
  }

  // The set of values the field allows, as a bit mask.
  Expected<uint64_t> field(std::string_view field, const FieldSpec& spec) const {
    uint64_t mask = 0;
    size_t start = 0;
    while (true) {
      const size_t comma = field.find(',', start);
      const std::string_view item =
          field.substr(start, comma == std::string_view::npos ? field.npos : comma - start);
      if (item.empty()) return error(std::string(spec.name) + " has an empty list entry");
      auto bits = list_item(item, spec);
      if (!bits) return bits.outcome();
      mask |= *bits;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return mask;
  }

 private:
  // "*", "N", "N-M", each optionally followed by "/S".
  Expected<uint64_t> list_item(std::string_view item, const FieldSpec& spec) const {
    const std::string field_name(spec.name);
    std::string_view range = item;
    int step = 1;
    bool stepped = false;
    if (const size_t slash = item.find('/'); slash != std::string_view::npos) {
      range = item.substr(0, slash);
      const std::string_view step_text = item.substr(slash + 1);
      const std::optional<int64_t> s = number(step_text);
      if (!s) {
        return error(field_name + " step '" + printable(step_text) + "' is not a number");
      }
      const int max_step = spec.max - spec.min;
      if (*s < 1 || *s > max_step) {
        return error(field_name + " step " + std::to_string(*s) + " is out of range 1-" +
                     std::to_string(max_step));
      }
      step = static_cast<int>(*s);
      stepped = true;
    }

    int low = spec.min;
    int high = spec.max;
    if (range != "*") {
      const size_t dash = range.find('-');
      auto first = value(range.substr(0, dash), spec);
      if (!first) return first.outcome();
      low = *first;
      if (dash != std::string_view::npos) {
        auto last = value(range.substr(dash + 1), spec);
        if (!last) return last.outcome();
        high = *last;
        if (low > high) {
          return error(field_name + " range " + std::string(range) +
                       " runs backwards (wrap-around ranges are not supported)");
        }
      } else if (!stepped) {
        high = low;  // a bare "N"; "N/S" keeps running to the field's maximum
      }
    }

    uint64_t mask = 0;
    for (int v = low; v <= high; v += step) mask |= uint64_t{1} << v;
    return mask;
  }

  // A number or, where the field has them, a name; checked against the field's range.
  Expected<int> value(std::string_view token, const FieldSpec& spec) const {
    const std::string field_name(spec.name);
    for (int i = 0; i < spec.names_count; ++i) {
      if (equals_ignoring_case(token, spec.names[i])) return spec.first_named_value + i;
    }
    const std::optional<int64_t> n = number(token);
    if (!n) {
      std::string what = field_name + " '" + printable(token) + "' is not a number";
      if (!spec.name_kind.empty()) what += " or " + std::string(spec.name_kind);
      return error(what);
    }
    if (*n < spec.min || *n > spec.max) {
      return error(field_name + " " + std::string(token) + " is out of range " +
                   std::to_string(spec.min) + "-" + std::to_string(spec.max));
    }
    return static_cast<int>(*n);
  }

  // Plain decimal digits; saturates so an absurd value still reports as out of range.
  static std::optional<int64_t> number(std::string_view token) {
    if (token.empty()) return std::nullopt;
    int64_t n = 0;
    for (char c : token) {
      if (c < '0' || c > '9') return std::nullopt;
      n = std::min<int64_t>(n * 10 + (c - '0'), int64_t{1} << 40);
    }
    return n;
  }

  std::string_view text_;
};

// The lowest set bit at or above `from`, or -1.
int next_bit(uint64_t mask, int from) {
  if (from >= 64) return -1;
  const uint64_t rest = mask >> from;
  return rest == 0 ? -1 : from + std::countr_zero(rest);
}

bool has_bit(uint64_t mask, int n) {
  return (mask >> n) & 1;
}

// A wall-clock minute being considered: a calendar day and a time of day.
struct Candidate {
  std::chrono::year_month_day date;
  int hour = 0;
  int minute = 0;
};

void next_day(Candidate& c) {
  c.date = std::chrono::sys_days{c.date} + std::chrono::days{1};
  c.hour = 0;
  c.minute = 0;
}

void next_hour(Candidate& c) {
  c.minute = 0;
  if (++c.hour < 24) return;
  next_day(c);
}

void next_minute(Candidate& c) {
  if (++c.minute < 60) return;
  next_hour(c);
}

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

Expected<CronExpression> CronExpression::parse(std::string_view text) {
  const FieldParser parser(text);
  std::vector<std::string_view> fields = split_fields(text);
  if (fields.size() == 1 && fields[0].front() == '@') {
    const Macro* macro = nullptr;
    for (const Macro& m : kMacros) {
      if (equals_ignoring_case(fields[0], m.name)) macro = &m;
    }
    if (macro == nullptr) {
      return parser.error("unknown macro '" + printable(fields[0]) +
                          "' (known: @yearly @annually @monthly @weekly @daily @midnight "
                          "@hourly)");
    }
    fields = split_fields(macro->expansion);
  }
  if (fields.size() != 5) {
    return parser.error("expected 5 fields (minute hour day-of-month month day-of-week), found " +
                        std::to_string(fields.size()));
  }

  uint64_t masks[5];
  for (int i = 0; i < 5; ++i) {
    auto mask = parser.field(fields[i], kFields[i]);
    if (!mask) return mask.outcome();
    masks[i] = *mask;
  }

  CronExpression cron;
  cron.text_ = std::string(text);
  cron.minutes_ = masks[0];
  cron.hours_ = static_cast<uint32_t>(masks[1]);
  cron.days_ = static_cast<uint32_t>(masks[2]);
  cron.months_ = static_cast<uint32_t>(masks[3]);
  // Day-of-week 7 is an alias for Sunday.
  cron.weekdays_ = static_cast<uint32_t>((masks[4] | (masks[4] >> 7)) & 0x7f);
  cron.dom_star_ = fields[2].front() == '*';
  cron.dow_star_ = fields[4].front() == '*';
  return cron;
}

bool CronExpression::day_matches(std::chrono::year_month_day date) const {
  const bool dom = has_bit(days_, static_cast<int>(static_cast<unsigned>(date.day())));
  const bool dow = has_bit(
      weekdays_, static_cast<int>(std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding()));
  // Vixie cron: a '*'-led field does not widen the match, two restricted fields are OR-ed.
  return (dom_star_ || dow_star_) ? (dom && dow) : (dom || dow);
}

std::optional<int64_t> CronExpression::next_after(int64_t after_unix_ms,
                                                  const date::time_zone& tz) const {
  using std::chrono::days;
  using std::chrono::sys_days;
  using std::chrono::sys_seconds;
  if (after_unix_ms < kMinSupportedMs || after_unix_ms > kMaxSupportedMs) return std::nullopt;

  // Walk the wall clock forward from the first whole minute after the start, jumping over
  // months, days, hours and minutes the expression rules out; map each candidate to an instant.
  const sys_seconds first_instant{std::chrono::seconds{(floor_div(after_unix_ms, 60000) + 1) * 60}};
  // Pre-1901 local mean time offsets have seconds; round the wall clock up to its next minute.
  const auto first_wall = std::chrono::ceil<std::chrono::minutes>(
      first_instant.time_since_epoch() + tz.get_info(first_instant).offset);
  const auto first_day = std::chrono::floor<days>(first_wall);
  const sys_days last_day{first_day + days{kSearchDays}};
  const auto time_of_day = first_wall - first_day;
  Candidate c{std::chrono::year_month_day{sys_days{first_day}},
              static_cast<int>(std::chrono::floor<std::chrono::hours>(time_of_day).count()),
              static_cast<int>(time_of_day.count() % 60)};

  while (sys_days{c.date} <= last_day) {
    const int month = static_cast<int>(static_cast<unsigned>(c.date.month()));
    if (!has_bit(months_, month)) {
      int next = next_bit(months_, month + 1);
      std::chrono::year year = c.date.year();
      if (next < 0) {
        ++year;
        next = next_bit(months_, 1);
      }
      c = Candidate{year / std::chrono::month(static_cast<unsigned>(next)) / 1, 0, 0};
      continue;
    }
    if (!day_matches(c.date)) {
      next_day(c);
      continue;
    }
    if (!has_bit(hours_, c.hour)) {
      const int hour = next_bit(hours_, c.hour + 1);
      if (hour < 0) {
        next_day(c);
      } else {
        c.hour = hour;
        c.minute = 0;
      }
      continue;
    }
    if (!has_bit(minutes_, c.minute)) {
      const int minute = next_bit(minutes_, c.minute + 1);
      if (minute < 0) {
        next_hour(c);
      } else {
        c.minute = minute;
      }
      continue;
    }

    const date::local_seconds wall{sys_days{c.date}.time_since_epoch() +
                                   std::chrono::hours{c.hour} + std::chrono::minutes{c.minute}};
    const date::local_info info = tz.get_info(wall);
    // A wall time in a gap does not exist; in an overlap only its first occurrence counts, so
    // when that is already behind us the second one must not fire again.
    if (info.result != date::local_info::nonexistent) {
      const int64_t instant_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(
              (wall - info.first.offset).time_since_epoch())
              .count();
      if (instant_ms > after_unix_ms) return instant_ms;
    }
    next_minute(c);
  }
  return std::nullopt;
}

}  // namespace courthub::time
