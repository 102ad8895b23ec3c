// SPDX-License-Identifier: Apache-2.0
// The directory's plain data: courts, their departments and the people in them.
//
// Plain values with no behaviour, so a seed can be read, edited (contact events) and rebuilt into
// a new Snapshot without touching any index. Ids are the seed's: see docs/directory.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace courthub::directory {

// Every role a person may hold; plugins decide permissions on these exact strings.
inline constexpr std::array<std::string_view, 9> kRoles = {
    "president",             // 院长
    "vice_president",        // 副院长
    "division_head",         // 庭长 / 局长 / 主任 / 处长
    "deputy_division_head",  // 副庭长 / 副局长 / 副处长
    "judge",                 // 审判员
    "assistant_judge",       // 法官助理
    "clerk",                 // 书记员
    "court_admin",           // 综合管理员: the court's office-app administrator
    "staff",                 // anyone else
};

inline constexpr std::array<std::string_view, 3> kCourtLevels = {"high", "intermediate", "basic"};

struct Court {
  std::string code;    // e.g. "LN-IC-SY"
  std::string name;    // e.g. "沈阳市中级人民法院"
  std::string level;   // "high" | "intermediate" | "basic"
  std::string kind;    // "ordinary" | "maritime" | "railway" | "dev_zone"
  std::string parent;  // code of the court above; empty for the high court
  std::string city;
  int64_t dept_id = 0;     // the court's root department (the court itself as an organisation)
  bool synthetic = false;  // invented to complete the 128; not a real court
};

struct Department {
  int64_t id = 0;
  std::string court_code;
  std::string name;
  int64_t parent_id = 0;  // 0 = none: the court's root department
  std::string head;       // user id of the head; empty when vacant
  std::string leader;  // user id of the 分管院领导 (top-level divisions only); empty when none
};

struct Person {
  std::string user_id;  // the DingTalk userid, e.g. "LN-HC-001"
  std::string name;
  std::string court_code;
  int64_t dept_id = 0;
  std::string title;               // e.g. "审判员"
  std::vector<std::string> roles;  // from the role vocabulary, e.g. "judge"
  bool active = true;              // false: left or suspended; kept for history, never returned
};

struct Seed {
  std::vector<Court> courts;
  std::vector<Department> departments;
  std::vector<Person> people;
};

}  // namespace courthub::directory
