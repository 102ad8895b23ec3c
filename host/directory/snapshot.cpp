// SPDX-License-Identifier: Apache-2.0
// Builds the directory's indexes once and answers lookups from them (contract in snapshot.hpp).
#include "host/directory/snapshot.hpp"

#include <algorithm>
#include <utility>

namespace courthub::directory {

std::shared_ptr<const Snapshot> Snapshot::build(Seed seed) {
  // The constructor is private so that every Snapshot is born indexed and shared as const.
  return std::shared_ptr<const Snapshot>(new Snapshot(std::move(seed)));
}

Snapshot::Snapshot(Seed seed) : seed_(std::move(seed)) {
  const auto& courts = seed_.courts;
  const auto& departments = seed_.departments;
  const auto& people = seed_.people;

  court_by_code_.reserve(courts.size());
  for (size_t i = 0; i < courts.size(); ++i) court_by_code_.emplace(courts[i].code, i);
  department_by_id_.reserve(departments.size());
  for (size_t i = 0; i < departments.size(); ++i) department_by_id_.emplace(departments[i].id, i);
  person_by_id_.reserve(people.size());
  for (size_t i = 0; i < people.size(); ++i) person_by_id_.emplace(people[i].user_id, i);

  for (auto& c : seed_.courts) c.dept_id = 0;
  departments_by_court_.resize(courts.size());
  for (size_t i = 0; i < departments.size(); ++i) {
    const auto& d = departments[i];
    if (department_by_id_.at(d.id) != i) continue;  // a duplicate id
    auto court = court_by_code_.find(d.court_code);
    if (court == court_by_code_.end()) continue;
    departments_by_court_[court->second].push_back(i);
    if (d.parent_id == 0 && seed_.courts[court->second].dept_id == 0)
      seed_.courts[court->second].dept_id = d.id;
  }
  for (auto& list : departments_by_court_)
    std::sort(list.begin(), list.end(),
              [&](size_t a, size_t b) { return departments[a].id < departments[b].id; });

  for (size_t i = 0; i < people.size(); ++i) {
    if (!people[i].active || person_by_id_.at(people[i].user_id) != i) continue;
    all_people_.push_back(i);
  }
  auto by_user_id = [&](size_t a, size_t b) { return people[a].user_id < people[b].user_id; };
  std::sort(all_people_.begin(), all_people_.end(), by_user_id);
  // Filled from the sorted list, so every per-court and per-department list is sorted as well.
  people_by_court_.resize(courts.size());
  for (size_t i : all_people_) {
    auto court = court_by_code_.find(people[i].court_code);
    if (court != court_by_code_.end()) people_by_court_[court->second].push_back(i);
    people_by_department_[people[i].dept_id].push_back(i);
  }
}

const Person* Snapshot::active_at(size_t i) const {
  const Person& p = seed_.people[i];
  return p.active ? &p : nullptr;
}

const Person* Snapshot::person(std::string_view user_id) const {
  auto it = person_by_id_.find(user_id);
  return it == person_by_id_.end() ? nullptr : active_at(it->second);
}

const Court* Snapshot::court(std::string_view code) const {
  auto it = court_by_code_.find(code);
  return it == court_by_code_.end() ? nullptr : &seed_.courts[it->second];
}

const Department* Snapshot::department(int64_t id) const {
  auto it = department_by_id_.find(id);
  return it == department_by_id_.end() ? nullptr : &seed_.departments[it->second];
}

std::vector<const Person*> Snapshot::with_role(const std::vector<size_t>& people,
                                               std::string_view role) const {
  std::vector<const Person*> out;
  for (size_t i : people) {
    const Person& p = seed_.people[i];
    if (role.empty() || std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end())
      out.push_back(&p);
  }
  return out;
}

std::vector<const Person*> Snapshot::people(std::string_view court, int64_t dept_id,
                                            std::string_view role) const {
  if (dept_id != 0) {
    const Department* d = department(dept_id);
    if (d == nullptr || (!court.empty() && d->court_code != court)) return {};
    auto it = people_by_department_.find(dept_id);
    if (it == people_by_department_.end()) return {};
    return with_role(it->second, role);
  }
  if (!court.empty()) {
    auto it = court_by_code_.find(court);
    if (it == court_by_code_.end()) return {};
    return with_role(people_by_court_[it->second], role);
  }
  return with_role(all_people_, role);
}

std::vector<const Department*> Snapshot::departments(std::string_view court) const {
  std::vector<const Department*> out;
  auto it = court_by_code_.find(court);
  if (it == court_by_code_.end()) return out;
  for (size_t i : departments_by_court_[it->second]) out.push_back(&seed_.departments[i]);
  return out;
}

std::vector<const Person*> Snapshot::supervisors(std::string_view user_id) const {
  const Person* subject = person(user_id);
  if (subject == nullptr) return {};
  std::vector<const Person*> chain;
  auto add = [&](const std::string& id) {
    const Person* p = id.empty() ? nullptr : person(id);  // person() skips the inactive
    if (p == nullptr || p == subject) return;
    if (std::find(chain.begin(), chain.end(), p) != chain.end()) return;
    chain.push_back(p);
  };

  const Court* c = court(subject->court_code);
  const int64_t root_id = c != nullptr ? c->dept_id : 0;
  const Department* top_level = nullptr;
  const Department* d = department(subject->dept_id);
  // The step limit cuts a parent cycle that a hand-built seed might contain.
  for (size_t steps = 0;
       d != nullptr && d->id != root_id && d->parent_id != 0 && steps < seed_.departments.size();
       ++steps) {
    add(d->head);
    top_level = d;
    d = department(d->parent_id);
  }
  // Only a path that really ends at the root has a top-level division with a 分管院领导.
  if (top_level != nullptr && top_level->parent_id == root_id) add(top_level->leader);
  if (const Department* root = department(root_id)) add(root->head);
  return chain;
}

}  // namespace courthub::directory
