// SPDX-License-Identifier: Apache-2.0
// Reads the directory seed from YAML and checks it as a whole (the contract is in seed.hpp).
#include "host/directory/seed.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace courthub::directory {
namespace {

// A seed with thousands of mistakes (say, a shifted column) helps nobody by listing them all.
constexpr size_t kMaxReported = 100;

// Where something was read: a file of the caller's list and a 1-based line.
struct Where {
  const std::string* file = nullptr;
  int line = 0;
};

std::string describe(Where at) {
  return *at.file + ":" + std::to_string(at.line);
}

class Problems {
 public:
  void add(Where at, const std::string& what) { add_line(describe(at) + ": " + what); }
  void add_file(const std::string& file, const std::string& what) { add_line(file + ": " + what); }
  bool empty() const { return total_ == 0; }
  std::string joined() const {
    std::string out;
    for (const auto& line : lines_) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    if (total_ > lines_.size())
      out += "\n... and " + std::to_string(total_ - lines_.size()) + " more problems";
    return out;
  }

 private:
  void add_line(std::string line) {
    ++total_;
    if (lines_.size() < kMaxReported) lines_.push_back(std::move(line));
  }
  std::vector<std::string> lines_;
  size_t total_ = 0;
};

// Each entry keeps where its cross-referencing fields were read, so a dangling reference found
// after all files are in can still be reported at its own line.
struct CourtEntry {
  Court value;
  Where at, parent_at;
};
struct DepartmentEntry {
  Department value;
  Where at, court_at, parent_at, head_at, leader_at;
};
struct PersonEntry {
  Person value;
  Where at, court_at, dept_at, roles_at;
};
struct Entries {
  std::vector<CourtEntry> courts;
  std::vector<DepartmentEntry> departments;
  std::vector<PersonEntry> people;
};

const char* node_kind(const YAML::Node& node) {
  if (node.IsSequence()) return "a sequence";
  if (node.IsMap()) return "a mapping";
  if (node.IsNull()) return "null";
  return "a scalar";
}

// Reads the fields of one mapping entry, reporting each problem against `label`.
class EntryReader {
 public:
  EntryReader(const std::string& file, const YAML::Node& node, std::string label,
              Problems& problems)
      : file_(file), problems_(problems), label_(std::move(label)) {
    at_ = Where{&file_, node.Mark().line + 1};
    for (const auto& member : node) fields_.emplace_back(member.first, member.second);
  }

  Where at() const { return at_; }
  Where at(std::string_view key) const {
    const YAML::Node* value = find(key);
    if (value == nullptr || value->Mark().line < 0) return at_;
    return Where{&file_, value->Mark().line + 1};
  }
  // For a field that must be written out even when null, so that a forgotten one is not read
  // as "none".
  void expect(std::string_view key, const std::string& hint) {
    if (find(key) == nullptr) fail(at_, "missing field '" + std::string(key) + "' (" + hint + ")");
  }
  void relabel(std::string label) { label_ = std::move(label); }
  void fail(Where where, const std::string& what) { problems_.add(where, label_ + ": " + what); }

  void allow(std::initializer_list<std::string_view> keys) {
    for (const auto& [key, value] : fields_) {
      std::string name = key.IsScalar() ? key.Scalar() : std::string("?");
      if (std::find(keys.begin(), keys.end(), name) != keys.end()) continue;
      std::string expected;
      for (auto k : keys) expected += (expected.empty() ? "" : ", ") + std::string(k);
      fail(Where{&file_, key.Mark().line + 1},
           "unknown field '" + name + "' (expected " + expected + ")");
    }
  }

  // A scalar; "" when absent or null (a problem when `required`).
  std::string text(std::string_view key, bool required) {
    const YAML::Node* value = present(key, required);
    if (value == nullptr) return {};
    if (!value->IsScalar()) {
      fail(at(key), type_problem(key, "a text", *value));
      return {};
    }
    return value->Scalar();
  }

  // A decimal integer; nullopt when absent or null (a problem when `required`).
  std::optional<int64_t> integer(std::string_view key, bool required) {
    const YAML::Node* value = present(key, required);
    if (value == nullptr) return std::nullopt;
    if (value->IsScalar()) {
      const std::string& s = value->Scalar();
      int64_t n = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return n;
      fail(at(key), "field '" + std::string(key) + "' must be an integer, not '" + s + "'");
      return std::nullopt;
    }
    fail(at(key), type_problem(key, "an integer", *value));
    return std::nullopt;
  }

  bool boolean(std::string_view key, bool fallback) {
    const YAML::Node* value = present(key, false);
    if (value == nullptr) return fallback;
    if (value->IsScalar()) {
      bool b = fallback;
      if (YAML::convert<bool>::decode(*value, b)) return b;
      fail(at(key),
           "field '" + std::string(key) + "' must be true or false, not '" + value->Scalar() + "'");
      return fallback;
    }
    fail(at(key), type_problem(key, "true or false", *value));
    return fallback;
  }

  std::vector<std::string> texts(std::string_view key, bool required) {
    std::vector<std::string> out;
    const YAML::Node* value = present(key, required);
    if (value == nullptr) return out;
    if (!value->IsSequence()) {
      fail(at(key), type_problem(key, "a sequence of texts", *value));
      return out;
    }
    for (const auto& item : *value) {
      if (!item.IsScalar()) {
        fail(at(key), type_problem(key, "a sequence of texts", item));
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

 private:
  const YAML::Node* find(std::string_view key) const {
    for (const auto& [k, v] : fields_)
      if (k.IsScalar() && k.Scalar() == key) return &v;
    return nullptr;
  }
  // The value of `key` unless it is absent or null; reports that when the field is required.
  const YAML::Node* present(std::string_view key, bool required) {
    const YAML::Node* value = find(key);
    if (value == nullptr || value->IsNull()) {
      if (required) {
        fail(at(key), value == nullptr ? "missing field '" + std::string(key) + "'"
                                       : "field '" + std::string(key) + "' must not be null");
      }
      return nullptr;
    }
    return value;
  }
  static std::string type_problem(std::string_view key, const char* expected,
                                  const YAML::Node& got) {
    return "field '" + std::string(key) + "' must be " + expected + ", not " + node_kind(got);
  }

  const std::string& file_;
  Problems& problems_;
  std::string label_;
  Where at_;
  std::vector<std::pair<YAML::Node, YAML::Node>> fields_;
};

bool is_court_level(std::string_view level) {
  return std::find(kCourtLevels.begin(), kCourtLevels.end(), level) != kCourtLevels.end();
}
bool is_role(std::string_view role) {
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

void read_court(EntryReader& e, Entries& out) {
  CourtEntry c{.value = {}, .at = e.at(), .parent_at = e.at("parent")};
  c.value.code = e.text("code", true);
  if (!c.value.code.empty()) e.relabel("court '" + c.value.code + "'");
  e.allow({"code", "name", "level", "kind", "parent", "city", "synthetic"});
  c.value.name = e.text("name", true);
  c.value.level = e.text("level", true);
  if (!c.value.level.empty() && !is_court_level(c.value.level))
    e.fail(e.at("level"), "level '" + c.value.level + "' is not one of high, intermediate, basic");
  c.value.kind = e.text("kind", true);
  e.expect("parent", "null for the high court");
  c.value.parent = e.text("parent", false);
  c.value.city = e.text("city", true);
  c.value.synthetic = e.boolean("synthetic", false);
  if (!c.value.code.empty()) out.courts.push_back(std::move(c));
}

void read_department(EntryReader& e, Entries& out) {
  DepartmentEntry d{.value = {},
                    .at = e.at(),
                    .court_at = e.at("court"),
                    .parent_at = e.at("parent"),
                    .head_at = e.at("head"),
                    .leader_at = e.at("leader")};
  auto id = e.integer("id", true);
  if (id && *id <= 0) {
    e.fail(e.at("id"), "department id must be positive, not " + std::to_string(*id));
    id.reset();
  }
  if (id) e.relabel("department " + std::to_string(*id));
  e.allow({"id", "court", "name", "parent", "head", "leader"});
  d.value.id = id.value_or(0);
  d.value.court_code = e.text("court", true);
  d.value.name = e.text("name", true);
  e.expect("parent", "null for the court's root department");
  d.value.parent_id = e.integer("parent", false).value_or(0);
  d.value.head = e.text("head", false);
  d.value.leader = e.text("leader", false);
  if (id) out.departments.push_back(std::move(d));
}

void read_person(EntryReader& e, Entries& out) {
  PersonEntry p{.value = {},
                .at = e.at(),
                .court_at = e.at("court"),
                .dept_at = e.at("dept"),
                .roles_at = e.at("roles")};
  p.value.user_id = e.text("id", true);
  if (!p.value.user_id.empty()) e.relabel("person '" + p.value.user_id + "'");
  e.allow({"id", "name", "court", "dept", "title", "roles", "active"});
  p.value.name = e.text("name", true);
  p.value.court_code = e.text("court", true);
  p.value.dept_id = e.integer("dept", true).value_or(0);
  p.value.title = e.text("title", true);
  p.value.roles = e.texts("roles", true);
  for (const auto& role : p.value.roles)
    if (!is_role(role)) e.fail(p.roles_at, "unknown role '" + role + "' (see docs/directory.md)");
  p.value.active = e.boolean("active", true);
  if (!p.value.user_id.empty()) out.people.push_back(std::move(p));
}

// False when the file could not be read at all.
bool read_file(const std::string& file, Entries& out, Problems& problems) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::BadFile&) {
    problems.add_file(file, "cannot open the file");
    return false;
  } catch (const YAML::Exception& e) {
    problems.add(Where{&file, e.mark.line + 1}, "not valid YAML: " + e.msg);
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    problems.add(Where{&file, root.Mark().line + 1},
                 "the file must be a mapping with the keys courts, departments and/or people");
    return false;
  }
  using Reader = void (*)(EntryReader&, Entries&);
  static const std::pair<std::string_view, Reader> kSections[] = {
      {"courts", read_court}, {"departments", read_department}, {"people", read_person}};
  for (const auto& member : root) {
    std::string key = member.first.IsScalar() ? member.first.Scalar() : std::string("?");
    Where key_at{&file, member.first.Mark().line + 1};
    if (key == "province" || key == "note") continue;
    auto section = std::find_if(std::begin(kSections), std::end(kSections),
                                [&](const auto& s) { return s.first == key; });
    if (section == std::end(kSections)) {
      problems.add(key_at, "unknown top-level key '" + key +
                               "' (expected courts, departments, people, province or note)");
      continue;
    }
    const YAML::Node& items = member.second;
    if (items.IsNull()) continue;
    if (!items.IsSequence()) {
      problems.add(key_at, "'" + key + "' must be a sequence, not " + node_kind(items));
      continue;
    }
    size_t index = 0;
    for (const auto& item : items) {
      ++index;
      if (!item.IsMap()) {
        problems.add(Where{&file, item.Mark().line + 1},
                     "entry " + std::to_string(index) + " of '" + key + "' must be a mapping");
        continue;
      }
      EntryReader reader(file, item, key + " entry " + std::to_string(index), problems);
      section->second(reader, out);
    }
  }
  return true;
}

// Checks every reference once all files are read; keeps the first of any duplicates.
class CrossCheck {
 public:
  CrossCheck(Entries& entries, Problems& problems) : e_(entries), problems_(problems) {}

  void run() {
    index_courts();
    index_departments();
    index_people();
    check_courts();
    check_departments();
    check_cycles();
    check_people();
    check_heads_and_leaders();
  }

 private:
  template <class Map, class Key, class Entry>
  void index(Map& map, const Key& key, size_t i, const Entry& entry, const std::string& what,
             const std::vector<Entry>& all) {
    auto [it, inserted] = map.emplace(key, i);
    if (!inserted)
      problems_.add(entry.at,
                    "duplicate " + what + " (first at " + describe(all[it->second].at) + ")");
  }
  void index_courts() {
    for (size_t i = 0; i < e_.courts.size(); ++i) {
      const auto& c = e_.courts[i];
      index(courts_, c.value.code, i, c, "court code '" + c.value.code + "'", e_.courts);
    }
  }
  void index_departments() {
    for (size_t i = 0; i < e_.departments.size(); ++i) {
      const auto& d = e_.departments[i];
      index(departments_, d.value.id, i, d, "department id " + std::to_string(d.value.id),
            e_.departments);
    }
  }
  void index_people() {
    for (size_t i = 0; i < e_.people.size(); ++i) {
      const auto& p = e_.people[i];
      index(people_, p.value.user_id, i, p, "user id '" + p.value.user_id + "'", e_.people);
    }
  }

  void check_courts() {
    for (const auto& c : e_.courts) {
      if (!c.value.parent.empty() && !courts_.contains(c.value.parent))
        problems_.add(c.parent_at, "court '" + c.value.code + "': parent court '" + c.value.parent +
                                       "' is not in the directory");
    }
  }

  void check_departments() {
    for (size_t i = 0; i < e_.departments.size(); ++i) {
      const auto& d = e_.departments[i].value;
      const auto& entry = e_.departments[i];
      std::string label = "department " + std::to_string(d.id);
      if (!courts_.contains(d.court_code)) {
        problems_.add(entry.court_at,
                      label + ": court '" + d.court_code + "' is not in the directory");
        continue;
      }
      if (d.parent_id == 0) {
        auto [it, inserted] = roots_.emplace(d.court_code, i);
        if (!inserted)
          problems_.add(entry.parent_at,
                        label + ": court '" + d.court_code + "' already has a root department (" +
                            std::to_string(e_.departments[it->second].value.id) + " at " +
                            describe(e_.departments[it->second].at) + ")");
        continue;
      }
      auto parent = departments_.find(d.parent_id);
      if (parent == departments_.end()) {
        problems_.add(entry.parent_at, label + ": parent department " +
                                           std::to_string(d.parent_id) +
                                           " is not in the directory");
      } else if (const auto& p = e_.departments[parent->second].value;
                 p.court_code != d.court_code) {
        problems_.add(entry.parent_at, label + " of court '" + d.court_code +
                                           "': parent department " + std::to_string(p.id) +
                                           " belongs to court '" + p.court_code + "'");
      }
    }
    for (auto& c : e_.courts) {
      auto root = roots_.find(c.value.code);
      if (root == roots_.end())
        problems_.add(c.at, "court '" + c.value.code +
                                "' has no root department (a department of it with parent: null)");
      else
        c.value.dept_id = e_.departments[root->second].value.id;
    }
  }

  // Parent links that loop never reach a root, and would make every upward walk endless.
  void check_cycles() {
    enum class Mark { Unseen, OnPath, Done };
    std::vector<Mark> mark(e_.departments.size(), Mark::Unseen);
    std::vector<size_t> path;
    for (size_t start = 0; start < e_.departments.size(); ++start) {
      path.clear();
      for (size_t i = start; mark[i] != Mark::Done;) {
        if (mark[i] == Mark::OnPath) {
          report_cycle(path, i);
          break;
        }
        mark[i] = Mark::OnPath;
        path.push_back(i);
        auto parent = departments_.find(e_.departments[i].value.parent_id);
        if (parent == departments_.end()) break;  // a root, or a dangling parent reported above
        i = parent->second;
      }
      for (size_t i : path) mark[i] = Mark::Done;
    }
  }
  // `path` ends with a department whose parent is `again`, which is earlier on the path.
  void report_cycle(const std::vector<size_t>& path, size_t again) {
    std::string loop;
    for (auto it = std::find(path.begin(), path.end(), again); it != path.end(); ++it)
      loop += std::to_string(e_.departments[*it].value.id) + " -> ";
    loop += std::to_string(e_.departments[again].value.id);
    const auto& entry = e_.departments[again];
    problems_.add(entry.parent_at, "department " + std::to_string(entry.value.id) +
                                       ": parent departments form a cycle (" + loop + ")");
  }

  void check_people() {
    for (const auto& entry : e_.people) {
      const auto& p = entry.value;
      std::string label = "person '" + p.user_id + "'";
      if (!courts_.contains(p.court_code)) {
        problems_.add(entry.court_at,
                      label + ": court '" + p.court_code + "' is not in the directory");
        continue;
      }
      auto dept = departments_.find(p.dept_id);
      if (dept == departments_.end()) {
        problems_.add(entry.dept_at, label + ": department " + std::to_string(p.dept_id) +
                                         " is not in the directory");
      } else if (const auto& d = e_.departments[dept->second].value; d.court_code != p.court_code) {
        problems_.add(entry.dept_at, label + " of court '" + p.court_code + "': department " +
                                         std::to_string(d.id) + " belongs to court '" +
                                         d.court_code + "'");
      }
    }
  }

  void check_heads_and_leaders() {
    for (const auto& entry : e_.departments) {
      const auto& d = entry.value;
      check_member(entry.head_at, d, d.head, "head");
      check_member(entry.leader_at, d, d.leader, "leader");
      if (d.leader.empty()) continue;
      auto parent = departments_.find(d.parent_id);
      bool top_level =
          parent != departments_.end() && e_.departments[parent->second].value.parent_id == 0;
      if (!top_level)
        problems_.add(entry.leader_at,
                      "department " + std::to_string(d.id) +
                          ": only a top-level division (whose parent is the court's root "
                          "department) has a leader (分管院领导)");
    }
  }
  void check_member(Where at, const Department& d, const std::string& user_id, const char* what) {
    if (user_id.empty()) return;
    std::string label = "department " + std::to_string(d.id) + ": " + what + " '" + user_id + "'";
    auto person = people_.find(user_id);
    if (person == people_.end()) {
      problems_.add(at, label + " is not a person in the directory");
    } else if (const auto& p = e_.people[person->second].value; p.court_code != d.court_code) {
      problems_.add(at, label + " is a person of court '" + p.court_code + "', not of '" +
                            d.court_code + "'");
    }
  }

  Entries& e_;
  Problems& problems_;
  std::unordered_map<std::string, size_t> courts_;
  std::unordered_map<int64_t, size_t> departments_;
  std::unordered_map<std::string, size_t> people_;
  std::unordered_map<std::string, size_t> roots_;  // court code -> its root department
};

}  // namespace

Expected<Seed> read_seed(const std::vector<std::string>& files) {
  Entries entries;
  Problems problems;
  bool all_read = true;
  for (const auto& file : files) all_read = read_file(file, entries, problems) && all_read;
  // With a file missing, every reference into it would be reported too, burying the real cause.
  if (all_read) CrossCheck(entries, problems).run();
  if (!problems.empty()) return Outcome::invalid(problems.joined());

  Seed seed;
  seed.courts.reserve(entries.courts.size());
  for (auto& c : entries.courts) seed.courts.push_back(std::move(c.value));
  seed.departments.reserve(entries.departments.size());
  for (auto& d : entries.departments) seed.departments.push_back(std::move(d.value));
  seed.people.reserve(entries.people.size());
  for (auto& p : entries.people) seed.people.push_back(std::move(p.value));
  return seed;
}

}  // namespace courthub::directory
