// SPDX-License-Identifier: Apache-2.0
// find_zone: the date library's zone look-up, its exceptions turned into an Outcome.
#include "host/time/time_zone.hpp"

#include <exception>
#include <string>

namespace courthub::time {

Expected<const date::time_zone*> find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    // locate_zone throws for an unknown name and for unreadable tzdata alike; tell them apart.
    bool have_tzdata = false;
    try {
      have_tzdata = !date::get_tzdb().zones.empty();
    } catch (const std::exception&) {
    }
    if (!have_tzdata) {
      return Outcome::invalid("time zone '" + std::string(name) +
                              "': the system time-zone data cannot be read (install tzdata)");
    }
    return Outcome::invalid("unknown time zone '" + std::string(name) +
                            "': use an IANA name such as Asia/Shanghai");
  }
}

}  // namespace courthub::time
