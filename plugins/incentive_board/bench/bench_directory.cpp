// SPDX-License-Identifier: Apache-2.0
// Writes the bench's directory; see bench_directory.hpp.
#include "bench_directory.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <vector>

namespace board {

int write_bench_directory(const std::string& seed_dir, const std::string& out_dir, int judges) {
  namespace fs = std::filesystem;
  fs::create_directories(out_dir);
  for (const char* name : {"courts.yaml", "staff.yaml"})
    fs::copy_file(fs::path(seed_dir) / name, fs::path(out_dir) / name,
                  fs::copy_options::overwrite_existing);
  const std::string staff = (fs::path(seed_dir) / "staff.yaml").string();
  std::map<std::string, std::string> root_department;  // court → its department without parent
  std::map<std::string, int> per_court;                 // court → judges
  int existing = 0;
  try {
    YAML::Node root = YAML::LoadFile(staff);
    for (const auto& d : root["departments"])
      if (!d["parent"] || d["parent"].IsNull())
        root_department[d["court"].as<std::string>()] = d["id"].as<std::string>();
    for (const auto& p : root["people"])
      for (const auto& role : p["roles"])
        if (role.as<std::string>() == "judge") {
          ++per_court[p["court"].as<std::string>()];
          ++existing;
        }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(staff + ": " + e.what());
  }
  const std::string file = (fs::path(out_dir) / "bench-judges.yaml").string();
  std::ofstream out(file);
  out << "# extra judges for the incentive board bench (written by incentive_board_bench)\n"
         "people:\n";
  const int extra = judges > existing ? judges - existing : 0;
  int written = 0;
  // Each court gets its share, rounded down; the rest go one each to the courts in code order.
  std::map<std::string, int> share;
  for (const auto& [court, n] : per_court) {
    share[court] = existing > 0 ? static_cast<int>(static_cast<int64_t>(extra) * n / existing) : 0;
    written += share[court];
  }
  for (auto it = share.begin(); written < extra && it != share.end(); ++it, ++written) ++it->second;
  for (const auto& [court, n] : share) {
    auto dept = root_department.find(court);
    if (dept == root_department.end()) continue;
    for (int i = 1; i <= n; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "J%04d", i);
      out << "  - {id: " << court << "-" << id << ", name: 示例法官" << id << ", court: " << court
          << ", dept: " << dept->second << ", title: 审判员, roles: [judge]}\n";
    }
  }
  out.close();
  if (!out) throw std::runtime_error(file + ": cannot write");
  return existing + extra;
}

}  // namespace board
