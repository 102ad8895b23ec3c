// SPDX-License-Identifier: Apache-2.0
// An in-memory Org for unit tests: the test court of the harness tests, with the host's
// supervisor rule, counting every question it is asked.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <memory>

#include "../org.hpp"
#include "../settings.hpp"

namespace approvals::testing {

class FakeOrg : public Org {
 public:
  int person_calls = 0;
  int supervisor_calls = 0;
  int department_calls = 0;
  int role_calls = 0;

  void department(std::string id, std::string court, std::string name, std::string parent,
                  std::string head, std::string leader = "") {
    depts_.push_back({id, name, court, parent, head, leader});
  }
  void person(std::string id, std::string name, std::string court, std::string dept,
              std::vector<std::string> roles) {
    people_[id] = courthub::Person{id, name, court, dept, "", roles};
  }

  std::optional<courthub::Person> person(const std::string& id) override {
    ++person_calls;
    auto it = people_.find(id);
    if (it == people_.end()) return std::nullopt;
    return it->second;
  }

  // docs/directory.md: heads up to (not including) the root, the top-level division's leader,
  // then the president; never the person, never twice.
  std::vector<courthub::Person> supervisors(const std::string& id) override {
    ++supervisor_calls;
    std::vector<courthub::Person> out;
    auto me = people_.find(id);
    if (me == people_.end()) return out;
    auto add = [&](const std::string& who) {
      if (who.empty() || who == id) return;
      for (auto& p : out)
        if (p.user_id == who) return;
      auto it = people_.find(who);
      if (it != people_.end()) out.push_back(it->second);
    };
    const courthub::Department* d = dept(me->second.dept_id);
    const courthub::Department* top = nullptr;
    while (d && !d->parent_id.empty()) {
      add(d->head);
      top = d;
      d = dept(d->parent_id);
    }
    if (top) add(top->leader);
    if (d) add(d->head);  // the root: the president
    return out;
  }

  std::vector<courthub::Department> departments(const std::string& court) override {
    ++department_calls;
    std::vector<courthub::Department> out;
    for (auto& d : depts_)
      if (d.court_code == court) out.push_back(d);
    return out;
  }

  std::vector<courthub::Person> people_with_role(const std::string& court,
                                                 const std::string& role) override {
    ++role_calls;
    std::vector<courthub::Person> out;
    for (auto& [id, p] : people_)
      if (p.court_code == court && p.has_role(role)) out.push_back(p);
    return out;
  }

  Originator originator(const std::string& id) {
    auto& p = people_.at(id);
    return Originator::of(p);
  }

  // The court of the harness tests (harness_fixture.cpp builds the same one):
  //   9000 测试法院 (root)       head T-001 院长; T-002, T-003 副院长
  //   9001 民一庭  leader T-002  head T-010 庭长; T-011, T-012 审判员; T-013 书记员; T-014 副庭长
  //   9002 办公室  leader T-002  head T-020 主任; T-021 综合管理员; T-022 科员
  //   9003 执行局  leader T-003  head T-030 局长
  //   9004 执行实施处 (in 9003)  head T-031 处长; T-032 审判员
  //   court T-IC: 8000 root head X-001 院长; 8001 办公室 head X-010; X-011 综合管理员
  static FakeOrg court() {
    FakeOrg o;
    o.department("9000", "T-BC", "测试法院", "", "T-001");
    o.department("9001", "T-BC", "民一庭", "9000", "T-010", "T-002");
    o.department("9002", "T-BC", "办公室", "9000", "T-020", "T-002");
    o.department("9003", "T-BC", "执行局", "9000", "T-030", "T-003");
    o.department("9004", "T-BC", "执行实施处", "9003", "T-031");
    o.person("T-001", "周院长", "T-BC", "9000", {"president"});
    o.person("T-002", "吴副院长", "T-BC", "9000", {"vice_president"});
    o.person("T-003", "郑副院长", "T-BC", "9000", {"vice_president"});
    o.person("T-010", "王庭长", "T-BC", "9001", {"division_head"});
    o.person("T-011", "李法官", "T-BC", "9001", {"judge"});
    o.person("T-012", "赵法官", "T-BC", "9001", {"judge"});
    o.person("T-013", "钱书记员", "T-BC", "9001", {"clerk"});
    o.person("T-014", "孙副庭长", "T-BC", "9001", {"deputy_division_head"});
    o.person("T-020", "陈主任", "T-BC", "9002", {"division_head"});
    o.person("T-021", "刘管理员", "T-BC", "9002", {"court_admin"});
    o.person("T-022", "杨科员", "T-BC", "9002", {"staff"});
    o.person("T-030", "黄局长", "T-BC", "9003", {"division_head"});
    o.person("T-031", "林处长", "T-BC", "9004", {"division_head"});
    o.person("T-032", "何法官", "T-BC", "9004", {"judge"});
    o.department("8000", "T-IC", "测试中院", "", "X-001");
    o.department("8001", "T-IC", "办公室", "8000", "X-010", "");
    o.person("X-001", "高院长", "T-IC", "8000", {"president"});
    o.person("X-010", "罗主任", "T-IC", "8001", {"division_head"});
    o.person("X-011", "梁管理员", "T-IC", "8001", {"court_admin"});
    return o;
  }

 private:
  const courthub::Department* dept(const std::string& id) const {
    for (auto& d : depts_)
      if (d.id == id) return &d;
    return nullptr;
  }

  std::map<std::string, courthub::Person> people_;
  std::vector<courthub::Department> depts_;
};

// Parses a template written as JSON text; fails the test on any settings problem.
inline std::shared_ptr<Template> template_from(const std::string& json) {
  std::vector<SettingsProblem> problems;
  auto tpl = parse_template(courthub::Json::parse(json), "/templates/0", problems);
  for (auto& p : problems) ADD_FAILURE() << p.pointer << ": " << p.message;
  return tpl;
}

}  // namespace approvals::testing
