// SPDX-License-Identifier: Apache-2.0
// Time zone lookup: TZif (RFC 8536) parsing, the POSIX-rule footer, and offset arithmetic.

#include "host/jobs/time_zone.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "host/jobs/civil_time.hpp"

namespace courthub::jobs {

// The parsed form of one zone. Immutable once built; shared by every copy of a TimeZone.
struct ZoneRules {
  // One date of a POSIX TZ rule ("M3.2.0/2", "J60", "59"), and the local time of day it applies.
  struct RuleDate {
    enum class Kind { kJulianNoLeap, kZeroBased, kMonthWeekDay };
    Kind kind = Kind::kMonthWeekDay;
    int day = 0;          // kJulianNoLeap: 1..365; kZeroBased: 0..365
    int month = 0;        // kMonthWeekDay: 1..12
    int week = 0;         // kMonthWeekDay: 1..5, 5 meaning "last"
    int weekday = 0;      // kMonthWeekDay: 0 = Sunday
    int64_t time = 7200;  // seconds after local midnight; POSIX allows -167h..167h
  };
  // Daylight saving time as the footer describes it for all years after the table ends.
  struct DstRule {
    int std_offset = 0;  // seconds east of Greenwich
    int dst_offset = 0;
    RuleDate start;  // given in local standard time
    RuleDate end;    // given in local daylight time
  };

  std::string name;
  bool builtin = false;
  int initial_offset = 0;       // before the first transition (time type 0)
  std::vector<int64_t> times;   // transition instants, strictly ascending
  std::vector<int> offsets;     // offsets[i] takes effect at times[i]
  std::optional<DstRule> rule;  // only when the footer has daylight saving time
};

namespace {

constexpr std::string_view kDefaultZoneDir = "/usr/share/zoneinfo";
constexpr size_t kMaxNameLength = 255;
// Real TZif files are a few kilobytes; the cap keeps a stray huge file from being slurped.
constexpr size_t kMaxFileBytes = 1 << 20;
// RFC 8536 bounds offsets to -25:59:59..+25:59:59; anything beyond is a corrupt file.
constexpr int kMaxOffsetSeconds = 26 * 3600 - 1;
// Wall time and instant differ by less than a day; twice that covers every candidate offset.
constexpr int64_t kSearchWindow = 2 * kSecondsPerDay;
// Beyond about 30 million years the arithmetic below could overflow; nobody schedules there.
constexpr int64_t kMaxSaneSeconds = int64_t{1} << 50;

struct BuiltinZone {
  std::string_view name;
  int offset;
};
// What the Chinese courts need when the host image ships without tzdata. Present-day offsets
// only: Hong Kong, Macau and Taipei once had summer time, and China had it in 1986-1991.
constexpr BuiltinZone kBuiltinZones[] = {
    {"Asia/Shanghai", 8 * 3600},  {"Asia/Chongqing", 8 * 3600}, {"Asia/Harbin", 8 * 3600},
    {"Asia/Hong_Kong", 8 * 3600}, {"Asia/Macau", 8 * 3600},     {"Asia/Taipei", 8 * 3600},
    {"Asia/Urumqi", 6 * 3600},
};

// Untrusted names end up in log lines; keep control bytes out of them.
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

Outcome zone_error(std::string_view name, const std::string& what) {
  return Outcome::invalid("time zone '" + printable(name) + "': " + what);
}

bool name_char_allowed(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '+' || c == '-' || c == '/';
}

// The name becomes a path under the zoneinfo directory, so nothing may climb out of it.
Outcome check_name(std::string_view name) {
  if (name.empty()) return zone_error(name, "the name is empty");
  if (name.size() > kMaxNameLength) return zone_error(name, "the name is too long");
  if (name.front() == '/') return zone_error(name, "the name must not start with '/'");
  if (name.find("..") != std::string_view::npos) {
    return zone_error(name, "the name must not contain '..'");
  }
  for (char c : name) {
    if (!name_char_allowed(c)) {
      return zone_error(name, "the name has a character outside [A-Za-z0-9_+-/]");
    }
  }
  return Outcome::success();
}

// ---- TZif ----

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }
  uint8_t u8() { return static_cast<uint8_t>(data_[pos_++]); }
  uint32_t u32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | u8();
    return v;
  }
  uint64_t u64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | u8();
    return v;
  }
  std::string_view take(size_t n) {
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

struct TzifHeader {
  char version = 0;
  uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

constexpr size_t kHeaderBytes = 44;

Expected<TzifHeader> read_header(ByteReader& in) {
  if (in.remaining() < kHeaderBytes) return Outcome::invalid("truncated TZif header");
  if (in.take(4) != "TZif") return Outcome::invalid("not a TZif file (bad magic)");
  TzifHeader h;
  h.version = static_cast<char>(in.u8());
  // Versions after '4' only add meaning to existing fields, so a reader of v4 can read them.
  if (h.version != 0 && h.version < '2') return Outcome::invalid("unknown TZif version");
  in.take(15);
  h.isutcnt = in.u32();
  h.isstdcnt = in.u32();
  h.leapcnt = in.u32();
  h.timecnt = in.u32();
  h.typecnt = in.u32();
  h.charcnt = in.u32();
  if (h.typecnt == 0) return Outcome::invalid("TZif file has no local time types");
  if (h.isutcnt != 0 && h.isutcnt != h.typecnt) return Outcome::invalid("bad TZif isutcnt");
  if (h.isstdcnt != 0 && h.isstdcnt != h.typecnt) return Outcome::invalid("bad TZif isstdcnt");
  return h;
}

// Reads one data block into `rules` (times are 4 bytes in the v1 block, 8 in the v2+ block).
// Leap-second records are skipped: the host counts POSIX seconds, which have no leap seconds.
Outcome read_block(ByteReader& in, const TzifHeader& h, size_t time_bytes, ZoneRules& rules) {
  const uint64_t need = uint64_t{h.timecnt} * (time_bytes + 1) + uint64_t{h.typecnt} * 6 +
                        h.charcnt + uint64_t{h.leapcnt} * (time_bytes + 4) + h.isstdcnt + h.isutcnt;
  if (need > in.remaining()) return Outcome::invalid("truncated TZif data block");

  std::vector<int64_t> times(h.timecnt);
  for (auto& t : times) {
    t = time_bytes == 4 ? int64_t{static_cast<int32_t>(in.u32())} : static_cast<int64_t>(in.u64());
  }
  for (size_t i = 1; i < times.size(); ++i) {
    if (times[i] <= times[i - 1]) return Outcome::invalid("TZif transitions are not ascending");
  }
  std::vector<uint8_t> type_of(h.timecnt);
  for (auto& idx : type_of) {
    idx = in.u8();
    if (idx >= h.typecnt) return Outcome::invalid("TZif transition names a missing type");
  }
  std::vector<int> type_offsets(h.typecnt);
  for (auto& off : type_offsets) {
    off = static_cast<int32_t>(in.u32());
    const uint8_t isdst = in.u8();
    const uint8_t desigidx = in.u8();
    if (off < -kMaxOffsetSeconds || off > kMaxOffsetSeconds) {
      return Outcome::invalid("TZif UTC offset out of range");
    }
    if (isdst > 1) return Outcome::invalid("bad TZif isdst flag");
    if (desigidx >= h.charcnt) return Outcome::invalid("bad TZif abbreviation index");
  }
  in.take(h.charcnt + uint64_t{h.leapcnt} * (time_bytes + 4) + h.isstdcnt + h.isutcnt);

  rules.initial_offset = type_offsets[0];
  rules.times = std::move(times);
  rules.offsets.clear();
  for (uint8_t idx : type_of) rules.offsets.push_back(type_offsets[idx]);
  return Outcome::success();
}

// ---- POSIX TZ strings (the TZif v2+ footer), e.g. "CST-8" or "EST5EDT,M3.2.0,M11.1.0" ----

class PosixTzParser {
 public:
  explicit PosixTzParser(std::string_view s) : s_(s) {}

  // nullopt rule inside a successful result means "no daylight saving time".
  Expected<std::optional<ZoneRules::DstRule>> parse() {
    ZoneRules::DstRule rule;
    int std_west = 0;
    if (!zone_abbreviation() || !hms(std_west, 24)) return fail();
    rule.std_offset = -std_west;  // POSIX counts west of Greenwich as positive
    if (at_end()) return std::optional<ZoneRules::DstRule>();
    if (!zone_abbreviation()) return fail();
    rule.dst_offset = rule.std_offset + 3600;
    if (!at_end() && s_[i_] != ',') {
      int dst_west = 0;
      if (!hms(dst_west, 24)) return fail();
      rule.dst_offset = -dst_west;
    }
    if (at_end()) {
      // zic always writes the rule; POSIX leaves the default to the implementation and tzcode
      // uses the US one, so do the same rather than reject the file.
      rule.start = {ZoneRules::RuleDate::Kind::kMonthWeekDay, 0, 3, 2, 0, 7200};
      rule.end = {ZoneRules::RuleDate::Kind::kMonthWeekDay, 0, 11, 1, 0, 7200};
      return std::optional<ZoneRules::DstRule>(rule);
    }
    if (!expect(',') || !rule_date(rule.start) || !expect(',') || !rule_date(rule.end) ||
        !at_end()) {
      return fail();
    }
    return std::optional<ZoneRules::DstRule>(rule);
  }

 private:
  bool at_end() const { return i_ >= s_.size(); }
  bool expect(char c) {
    if (at_end() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  Outcome fail() const {
    return Outcome::invalid("malformed TZ rule '" + printable(s_) + "' in TZif footer");
  }
  static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  bool zone_abbreviation() {
    size_t start = i_;
    if (expect('<')) {
      while (!at_end() &&
             (is_alpha(s_[i_]) || is_digit(s_[i_]) || s_[i_] == '+' || s_[i_] == '-')) {
        ++i_;
      }
      return i_ - start - 1 >= 3 && expect('>');
    }
    while (!at_end() && is_alpha(s_[i_])) ++i_;
    return i_ - start >= 3;
  }

  bool number(int& out, int max_digits) {
    int digits = 0;
    out = 0;
    while (!at_end() && is_digit(s_[i_]) && digits < max_digits) {
      out = out * 10 + (s_[i_++] - '0');
      ++digits;
    }
    return digits > 0;
  }

  // [+-]hh[:mm[:ss]] into seconds; the sign is taken as written.
  bool hms(int& out, int max_hours) {
    int sign = 1;
    if (expect('-')) {
      sign = -1;
    } else {
      expect('+');
    }
    int h = 0, m = 0, sec = 0;
    if (!number(h, 3) || h > max_hours) return false;
    if (expect(':')) {
      if (!number(m, 2) || m > 59) return false;
      if (expect(':') && (!number(sec, 2) || sec > 59)) return false;
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }

  bool rule_date(ZoneRules::RuleDate& d) {
    using Kind = ZoneRules::RuleDate::Kind;
    if (expect('M')) {
      d.kind = Kind::kMonthWeekDay;
      if (!number(d.month, 2) || d.month < 1 || d.month > 12 || !expect('.') ||
          !number(d.week, 1) || d.week < 1 || d.week > 5 || !expect('.') || !number(d.weekday, 1) ||
          d.weekday > 6) {
        return false;
      }
    } else if (expect('J')) {
      d.kind = Kind::kJulianNoLeap;
      if (!number(d.day, 3) || d.day < 1 || d.day > 365) return false;
    } else {
      d.kind = Kind::kZeroBased;
      if (!number(d.day, 3) || d.day > 365) return false;
    }
    d.time = 7200;
    if (expect('/')) {
      int t = 0;
      if (!hms(t, 167)) return false;  // RFC 8536 widens POSIX's 0..24 to -167..167
      d.time = t;
    }
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

Expected<ZoneRules> parse_tzif(std::string_view data) {
  ByteReader in(data);
  auto v1 = read_header(in);
  if (!v1) return v1.outcome();
  ZoneRules rules;
  if (auto block = read_block(in, *v1, 4, rules); !block) return block;
  if (v1->version == 0) return rules;

  // Version 2+: the v1 block was only there for old readers; the 64-bit block supersedes it.
  auto v2 = read_header(in);
  if (!v2) return v2.outcome();
  if (auto block = read_block(in, *v2, 8, rules); !block) return block;
  if (in.remaining() < 2 || in.u8() != '\n') return Outcome::invalid("TZif footer is missing");
  const std::string_view rest = data.substr(in.position());
  const size_t newline = rest.find('\n');
  if (newline == std::string_view::npos) return Outcome::invalid("TZif footer is unterminated");
  const std::string_view footer = rest.substr(0, newline);
  if (!footer.empty()) {
    auto rule = PosixTzParser(footer).parse();
    if (!rule) return rule.outcome();
    rules.rule = *rule;
  }
  return rules;
}

// ---- The footer rule, evaluated ----

int64_t rule_local_seconds(const ZoneRules::RuleDate& d, int64_t year) {
  using Kind = ZoneRules::RuleDate::Kind;
  const int64_t jan1 = days_from_civil(year, 1, 1);
  int64_t day = jan1;
  switch (d.kind) {
    case Kind::kJulianNoLeap:  // Jn never counts February 29
      day = jan1 + d.day - 1 + (is_leap_year(year) && d.day >= 60 ? 1 : 0);
      break;
    case Kind::kZeroBased:
      day = jan1 + d.day;
      break;
    case Kind::kMonthWeekDay: {
      const int64_t first = days_from_civil(year, d.month, 1);
      int64_t offset = floor_mod(d.weekday - weekday_from_days(first), 7) + (d.week - 1) * 7;
      while (offset >= days_in_month(year, d.month)) offset -= 7;  // week 5 means "last"
      day = first + offset;
      break;
    }
  }
  return day * kSecondsPerDay + d.time;
}

struct DstSwitches {
  int64_t start;  // instant daylight time begins in `year`
  int64_t end;    // instant it ends
};

DstSwitches switches_in_year(const ZoneRules::DstRule& r, int64_t year) {
  return {rule_local_seconds(r.start, year) - r.std_offset,
          rule_local_seconds(r.end, year) - r.dst_offset};
}

int64_t year_of(const ZoneRules::DstRule& r, int64_t t) {
  return civil_from_days(floor_div(t + r.std_offset, kSecondsPerDay)).year;
}

int rule_offset(const ZoneRules::DstRule& r, int64_t t) {
  const DstSwitches s = switches_in_year(r, year_of(r, t));
  // Southern-hemisphere rules start late in the year and end early in it.
  const bool dst = s.start < s.end ? (t >= s.start && t < s.end) : !(t >= s.end && t < s.start);
  return dst ? r.dst_offset : r.std_offset;
}

bool rule_applies(const ZoneRules& z, int64_t t) {
  return z.rule && (z.times.empty() || t > z.times.back());
}

int offset_at(const ZoneRules& z, int64_t t) {
  if (rule_applies(z, t)) return rule_offset(*z.rule, t);
  if (z.times.empty() || t < z.times.front()) return z.initial_offset;
  const auto it = std::upper_bound(z.times.begin(), z.times.end(), t);
  return z.offsets[std::distance(z.times.begin(), it) - 1];
}

// Every instant in (from, to) at which the offset may change, in no particular order.
std::vector<int64_t> change_points(const ZoneRules& z, int64_t from, int64_t to) {
  std::vector<int64_t> out;
  for (auto it = std::upper_bound(z.times.begin(), z.times.end(), from);
       it != z.times.end() && *it < to; ++it) {
    out.push_back(*it);
  }
  if (z.rule && (z.times.empty() || to > z.times.back())) {
    const auto& r = *z.rule;
    const auto keep = [&](int64_t t) {
      if (t > from && t < to && rule_applies(z, t)) out.push_back(t);
    };
    for (int64_t y = year_of(r, from) - 1; y <= year_of(r, to) + 1; ++y) {
      const DstSwitches s = switches_in_year(r, y);
      keep(s.start);
      keep(s.end);
      // rule_offset() picks the year's switches by date, so a year boundary is a seam too.
      keep(days_from_civil(y, 1, 1) * kSecondsPerDay - r.std_offset);
    }
    // The footer takes over just after the last transition; a well-formed file agrees with it
    // there, but a seam costs nothing and keeps a disagreeing file consistent.
    if (!z.times.empty() && z.times.back() > from && z.times.back() < to) {
      out.push_back(z.times.back() + 1);
    }
  }
  return out;
}

std::shared_ptr<const ZoneRules> fixed_zone(std::string_view name, int offset, bool builtin) {
  auto z = std::make_shared<ZoneRules>();
  z->name = std::string(name);
  z->initial_offset = offset;
  z->builtin = builtin;
  return z;
}

std::filesystem::path zone_dir() {
  const char* env = std::getenv("TZDIR");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env);
  return std::filesystem::path(kDefaultZoneDir);
}

}  // namespace

Expected<TimeZone> TimeZone::find(std::string_view name) {
  if (auto ok = check_name(name); !ok) return ok;
  if (name == "UTC" || name == "Etc/UTC") return TimeZone(fixed_zone(name, 0, false));

  const std::filesystem::path path = zone_dir() / std::string(name);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    for (const BuiltinZone& b : kBuiltinZones) {
      if (b.name == name) return TimeZone(fixed_zone(name, b.offset, true));
    }
    return zone_error(name, "unknown zone (no file " + path.string() + ", no built-in entry)");
  }
  if (ec) return zone_error(name, "cannot read " + path.string() + ": " + ec.message());
  if (status.type() != std::filesystem::file_type::regular) {
    return zone_error(name, path.string() + " is not a zone file");
  }

  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return zone_error(name, "cannot read " + path.string() + ": " + ec.message());
  if (size > kMaxFileBytes) return zone_error(name, path.string() + " is too large");
  std::string data(static_cast<size_t>(size), '\0');
  std::ifstream file(path, std::ios::binary);
  if (!file.read(data.data(), static_cast<std::streamsize>(data.size()))) {
    return zone_error(name, "cannot read " + path.string());
  }

  auto parsed = parse_tzif(data);
  if (!parsed) return zone_error(name, parsed.outcome().message() + " in " + path.string());
  parsed->name = std::string(name);
  return TimeZone(std::make_shared<const ZoneRules>(std::move(*parsed)));
}

TimeZone TimeZone::utc() {
  static const std::shared_ptr<const ZoneRules> kUtc = fixed_zone("UTC", 0, false);
  return TimeZone(kUtc);
}

const std::string& TimeZone::name() const {
  return rules_->name;
}

bool TimeZone::is_builtin_fallback() const {
  return rules_->builtin;
}

int TimeZone::offset_seconds(int64_t unix_seconds) const {
  return offset_at(*rules_, unix_seconds);
}

int64_t TimeZone::to_utc(int64_t local) const {
  const ZoneRules& z = *rules_;
  if (local > kMaxSaneSeconds || local < -kMaxSaneSeconds) return local - offset_at(z, local);

  // Cut the instants near `local` into spans of constant offset; an instant u with
  // u + offset(u) == local must lie in one of them.
  const int64_t from = local - kSearchWindow;
  const int64_t to = local + kSearchWindow;
  std::vector<int64_t> starts = change_points(z, from, to);
  starts.push_back(from);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<int> offsets;
  for (int64_t s : starts) offsets.push_back(offset_at(z, s));

  for (size_t i = 0; i < starts.size(); ++i) {  // ascending, so the first hit is the earliest
    const int64_t end = i + 1 < starts.size() ? starts[i + 1] : to;
    const int64_t u = local - offsets[i];
    if (u >= starts[i] && u < end) return u;
  }
  // No instant shows this wall time: it fell into a gap. Use the offset from before the jump.
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    if (offsets[i] < offsets[i + 1] && local >= starts[i + 1] + offsets[i] &&
        local < starts[i + 1] + offsets[i + 1]) {
      return local - offsets[i];
    }
  }
  return local - offset_at(z, local);
}

}  // namespace courthub::jobs
