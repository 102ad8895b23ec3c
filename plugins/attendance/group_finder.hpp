// SPDX-License-Identifier: Apache-2.0
// group_finder.hpp — the check-in's "which group is this person in", answered from a Schedule
// kept between requests: building one reads and parses every group, which at 1,000 check-ins a
// second would be most of the work. The kept Schedule is rebuilt when the groups or shifts
// tables change (a hash of their rows, read on every call: no parsing), when the local date
// changes, and at least every minute (a person moved to another department).
//
// Threading: any handler thread, concurrently; one instance per plugin instance. Errors:
// courthub::Error from the database or the directory.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include <courthub/host.hpp>

#include "group_store.hpp"

namespace attendance {

class GroupFinder {
 public:
  explicit GroupFinder(courthub::Host& host) : host_(host) {}

  // The person's group now, and the Schedule that owns it (keep it while using the group).
  struct Found {
    std::shared_ptr<const Schedule> schedule;
    const Group* group = nullptr;  // nullptr: in no group
  };
  Found group_of(const courthub::Person& person, int64_t now_ms);

 private:
  courthub::Host& host_;
  std::mutex mu_;
  std::shared_ptr<const Schedule> schedule_;
  size_t version_ = 0;
  int64_t built_ms_ = 0;
  int64_t date_serial_ = 0;
};

}  // namespace attendance
