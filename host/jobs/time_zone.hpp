// SPDX-License-Identifier: Apache-2.0
// IANA time zones read from TZif files, for evaluating cron schedules in a court's local time.
//
// libstdc++ 12 has no std::chrono::tzdb, so this reads the compiled zoneinfo files (RFC 8536)
// itself. Courts are in China; when the host has no tzdata installed the Chinese zones still
// work through a built-in table of their present-day fixed offsets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "host/outcome.hpp"

namespace courthub::jobs {

struct ZoneRules;  // the parsed transition table; private to time_zone.cpp

// Immutable. Copies share one transition table, so a copy costs a reference-count increment.
// Thread-safety: every const member function may be called concurrently on the same object.
class TimeZone {
 public:
  // Looks up an IANA zone name ("Asia/Shanghai").
  //
  // Reads $TZDIR/<name> when TZDIR is set and non-empty, else /usr/share/zoneinfo/<name>; TZif
  // versions 1 to 4 are understood (64-bit data and the POSIX-rule footer are used when present).
  // "UTC" and "Etc/UTC" never touch the disk. When the file does not exist, the built-in table
  // answers for Asia/Shanghai, Asia/Chongqing, Asia/Harbin, Asia/Hong_Kong, Asia/Macau,
  // Asia/Taipei (UTC+8) and Asia/Urumqi (UTC+6), with today's offsets and no history.
  //
  // Errors: InvalidArgument naming the zone when the name is empty, longer than 255 bytes,
  // contains "..", starts with '/', or has a character outside [A-Za-z0-9_+-/]; when no file and
  // no built-in entry exists; when the file cannot be read or is not a well-formed TZif file.
  // Thread-safety: safe to call concurrently, provided nobody modifies TZDIR meanwhile. Each call
  // reads the file again; keep the returned TimeZone rather than looking it up per use.
  static Expected<TimeZone> find(std::string_view name);

  // The fixed-offset zone "UTC". Never fails.
  static TimeZone utc();

  // The name passed to find(). No errors.
  const std::string& name() const;

  // True when find() found no TZif file and used the built-in table; the host may want to log
  // that historic offsets (China's 1986-1991 summer time, for one) are unknown. No errors.
  bool is_builtin_fallback() const;

  // The UTC offset, in seconds east of Greenwich, in force at that instant. Instants before the
  // first transition use the file's first local time type. After the last transition the
  // footer's POSIX rule applies if it has daylight saving time, otherwise the last offset holds.
  // Leap-second records in "right/" zones are ignored. No errors; any int64_t is accepted.
  int offset_seconds(int64_t unix_seconds) const;

  // Converts a wall-clock reading (seconds since 1970-01-01T00:00 local, as if local were UTC)
  // to an instant. Unambiguous readings map exactly. In a gap (clocks spring forward) the offset
  // in force before the gap is used, so 02:30 on a night that jumps from 02:00 to 03:00 becomes
  // 03:30 after the jump. In an overlap (clocks fall back) the earlier of the two instants is
  // returned. No errors.
  int64_t to_utc(int64_t local_seconds_since_epoch) const;

 private:
  explicit TimeZone(std::shared_ptr<const ZoneRules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const ZoneRules> rules_;
};

}  // namespace courthub::jobs
