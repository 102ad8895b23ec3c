// SPDX-License-Identifier: Apache-2.0
// Reads the parts of a directory seed the board needs; see seed_org.hpp.
#include "seed_org.hpp"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace board {

Org org_from_seed(const std::vector<std::string>& files) {
  std::vector<courthub::Court> courts;
  std::vector<courthub::Person> people;
  for (const auto& file : files) {
    try {
      YAML::Node root = YAML::LoadFile(file);
      for (const auto& entry : root["courts"]) {
        courthub::Court c;
        c.code = entry["code"].as<std::string>();
        c.name = entry["name"] ? entry["name"].as<std::string>() : c.code;
        c.level = entry["level"].as<std::string>();
        if (entry["kind"]) c.kind = entry["kind"].as<std::string>();
        courts.push_back(std::move(c));
      }
      for (const auto& entry : root["people"]) {
        courthub::Person p;
        p.user_id = entry["id"].as<std::string>();
        p.name = entry["name"] ? entry["name"].as<std::string>() : p.user_id;
        p.court_code = entry["court"].as<std::string>();
        for (const auto& role : entry["roles"]) p.roles.push_back(role.as<std::string>());
        people.push_back(std::move(p));
      }
    } catch (const YAML::Exception& e) {
      throw std::runtime_error(file + ": " + e.what());
    }
  }
  return org_from(courts, people);
}

}  // namespace board
