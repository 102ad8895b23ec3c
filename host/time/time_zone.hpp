// SPDX-License-Identifier: Apache-2.0
// IANA time zones from the system's tzdata, through Howard Hinnant's date library (date/tz.h,
// the library C++20's std::chrono zones were standardised from; libstdc++ 12 lacks them).
//
// A zone is a `const date::time_zone&`: the date library owns it and keeps it for the life of
// the process, so it may be stored and shared freely. Its member functions (get_info,
// to_local, to_sys) may be called from any thread concurrently.
#pragma once

#include <date/tz.h>

#include <string_view>

#include "courthub/time.hpp"  // kDefaultZone, shared with plugins
#include "host/outcome.hpp"

namespace courthub::time {

// Looks up an IANA zone name ("Asia/Shanghai", "UTC") in /usr/share/zoneinfo (tzdata).
// Returns a zone that lives as long as the process.
// Errors: InvalidArgument naming the zone when no such zone exists, or when the tzdata cannot
// be read at all (the message then says to install tzdata). Thread-safety: any thread,
// concurrently; the first call reads the zone list (a few milliseconds), later calls are a
// binary search.
Expected<const date::time_zone*> find_zone(std::string_view name);

}  // namespace courthub::time
