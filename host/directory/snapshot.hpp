// SPDX-License-Identifier: Apache-2.0
// An immutable, indexed view of the directory that any number of threads may read at once.
//
// Changes (seed reload, contact events) never edit a Snapshot: the owner copies data(), edits the
// copy and build()s a new one, then swaps the shared_ptr it hands out. Readers holding the old one
// keep a consistent view until they let it go.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "host/directory/model.hpp"

namespace courthub::directory {

class Snapshot {
 public:
  // Indexes `seed` once. Meant for a seed that read_seed() accepted; with anything else it still
  // never fails or crashes: of duplicate ids the first wins, dangling references are ignored, and
  // parent cycles are cut. Court::dept_id is recomputed from the root departments (parent 0), so
  // callers editing data() need not maintain it. O(n log n).
  static std::shared_ptr<const Snapshot> build(Seed seed);

  // All lookups below are const and thread-safe. Returned pointers and references stay valid as
  // long as this Snapshot lives. None of them fail: "not found" is nullptr or an empty vector.

  // O(1). Inactive people are not returned.
  const Person* person(std::string_view user_id) const;
  // O(1).
  const Court* court(std::string_view code) const;
  // O(1).
  const Department* department(int64_t id) const;

  // Active people matching every given filter, sorted by user id. `court` "" = any court;
  // `dept_id` 0 = any department, otherwise that department only (not its sub-departments);
  // `role` "" = any role. Uses the per-court or per-department index, then filters by role.
  std::vector<const Person*> people(std::string_view court, int64_t dept_id,
                                    std::string_view role) const;

  // The departments of a court, sorted by id; empty if the court is unknown.
  std::vector<const Department*> departments(std::string_view court) const;

  // Every court, in seed order.
  const std::vector<Court>& courts() const { return seed_.courts; }

  // Who a person reports to, nearest first; empty for an unknown or inactive person. For person P
  // in department D:
  //   1. walk from D up to (not including) the court's root department, adding each department's
  //      head if there is one, it is not P, it is active and it is not in the chain already;
  //   2. add the leader (分管院领导) of the top-level division on that path, if set, active, not P
  //      and not already in the chain;
  //   3. add the court president (head of the root department) unless that is P (or inactive).
  // So a vice president (in the root department) gets [president] and the president gets [].
  // O(depth of D).
  std::vector<const Person*> supervisors(std::string_view user_id) const;

  // The seed this snapshot indexes, for an owner that wants to apply changes and rebuild.
  const Seed& data() const { return seed_; }

 private:
  explicit Snapshot(Seed seed);

  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using TextIndex = std::unordered_map<std::string, size_t, TextHash, std::equal_to<>>;

  const Person* active_at(size_t i) const;
  std::vector<const Person*> with_role(const std::vector<size_t>& people,
                                       std::string_view role) const;

  Seed seed_;
  TextIndex person_by_id_;                                // -> seed_.people (active or not)
  TextIndex court_by_code_;                               // -> seed_.courts
  std::unordered_map<int64_t, size_t> department_by_id_;  // -> seed_.departments
  // Active people sorted by user id: all of them, per court (indexed like courts) and per
  // department.
  std::vector<size_t> all_people_;
  std::vector<std::vector<size_t>> people_by_court_;
  std::unordered_map<int64_t, std::vector<size_t>> people_by_department_;
  std::vector<std::vector<size_t>> departments_by_court_;  // sorted by id
};

}  // namespace courthub::directory
