// SPDX-License-Identifier: Apache-2.0
// incentive_board_cases: prints synthetic cases as CSV in the import schema, for a directory given
// as seed files, so anyone can feed the board (POST /imports, the drop folder) or look at the data.
//   incentive_board_cases DIR COUNT [SEED] [TODAY]
// DIR holds courts.yaml and staff.yaml (every other *.yaml in DIR is read too, e.g. extra
// judges); SEED defaults to 20260101; TODAY (YYYY-MM-DD) to today in Asia/Shanghai.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "seed_org.hpp"
#include "synthetic_cases.hpp"

namespace {

board::Day today_in_shanghai() {
  using namespace std::chrono;
  return static_cast<board::Day>(
      floor<days>(system_clock::now() + hours(8)).time_since_epoch().count());
}

std::vector<std::string> seed_files(const std::filesystem::path& dir) {
  std::vector<std::string> files = {(dir / "courts.yaml").string(), (dir / "staff.yaml").string()};
  std::vector<std::string> extra;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    auto name = entry.path().filename().string();
    if (entry.path().extension() == ".yaml" && name != "courts.yaml" && name != "staff.yaml")
      extra.push_back(entry.path().string());
  }
  std::sort(extra.begin(), extra.end());
  files.insert(files.end(), extra.begin(), extra.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr, "usage: %s DIR COUNT [SEED] [TODAY]\n"
                         "  DIR: courts.yaml + staff.yaml (+ any other *.yaml of people)\n", argv[0]);
    return 2;
  }
  try {
    board::SyntheticSpec spec;
    spec.count = std::stoll(argv[2]);
    spec.seed = argc > 3 ? std::stoull(argv[3]) : 20260101;
    spec.today = argc > 4 ? board::day_of(argv[4]) : today_in_shanghai();
    board::Org org = board::org_from_seed(seed_files(argv[1]));
    std::ios::sync_with_stdio(false);
    board::write_csv_header(std::cout);
    board::generate_cases(org, spec, [](const board::CaseRecord& c) { board::write_csv(std::cout, c); });
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "incentive_board_cases: %s\n", e.what());
    return 1;
  }
}
