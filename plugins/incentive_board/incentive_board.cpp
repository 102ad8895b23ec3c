// SPDX-License-Identifier: Apache-2.0
// incentive_board: the 双激励 board — daily indicators, scores and standings of courts and judges.
// The plugin entry point: settings, the start (migrations, the cases into memory, the demo load),
// and the registration of everything it answers (routes.cpp).
#include <courthub/plugin.hpp>

#include <chrono>
#include <memory>

#include "board_settings.hpp"
#include "board_state.hpp"
#include "case_store.hpp"
#include "drop_folder.hpp"
#include "history.hpp"
#include "importer.hpp"
#include "routes.hpp"
#include "schema.hpp"
#include "synthetic_cases.hpp"

namespace board {
namespace {

constexpr int kBackfillDays = 30;  // the demo's first start keeps this many days of history

}  // namespace

class IncentiveBoard {
 public:
  static constexpr std::string_view kName = "incentive_board";
  static constexpr std::string_view kVersion = "0.1.0";
  static constexpr std::string_view kDescription = "双激励通报: daily indicators, scores and standings";
  // Handlers share BoardState through its shared_mutex; imports are serialised by the Importer.
  static constexpr bool kThreadSafe = true;
  // Its SQL runs on SQLite and PostgreSQL (postgres:incentive_board_plugin_test).
  static constexpr bool kPortableSql = true;

  explicit IncentiveBoard(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json& json, courthub::SettingsErrors& errors) {
    std::vector<std::pair<std::string, std::string>> problems;
    settings_ = read_settings(json, problems);
    for (auto& [pointer, message] : problems) errors.add(pointer, message);
    settings_json_ = courthub::json::dump(json);
  }

  void activate(courthub::Registrar& r) {
    auto all = migrations();
    for (auto& m : history_migrations()) all.push_back(std::move(m));
    r.migrate(all);
    state_.settings = settings_;
    state_.org = org_from_directory(host_.directory());
    load();
    importer_ = std::make_unique<Importer>(host_, state_);
    bool backfilled = state_.cases.size() == 0 && settings_.demo_cases > 0 && load_demo();
    // A changed setting (weights, window, mode …) changes the boards: recompute the latest
    // stored day now, as the daily job would tomorrow.
    auto stored = meta_value(host_.db(), "settings");
    if (!backfilled && stored && *stored != settings_json_ && state_.cases.size() > 0)
      store_latest_day(host_, state_);
    if (!stored || *stored != settings_json_) set_meta_value(host_.db(), "settings", settings_json_);

    drop_folder_ = std::make_unique<DropFolder>(host_, *importer_,
                                                drop_folder_path(host_, settings_.drop_folder));
    register_everything(r, host_, state_, *importer_, *drop_folder_);
  }

 private:
  void load() {
    auto started = std::chrono::steady_clock::now();
    size_t skipped = 0;
    size_t n = load_cases(host_.db(), state_.cases, &skipped);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    host_.info("loaded " + std::to_string(n) + " cases in " + std::to_string(ms) + " ms");
    if (skipped)
      host_.warn(std::to_string(skipped) + " stored cases no longer pass validation: skipped");
  }

  // First start with demo.cases > 0 and no cases: a year of synthetic cases for every court,
  // imported as "demo", then the boards of the last 30 days, so trends and "change" have a past.
  // Returns whether it stored history.
  bool load_demo() {
    auto started = std::chrono::steady_clock::now();
    const SyntheticSpec spec{settings_.demo_cases, settings_.demo_seed, today(host_)};
    ImportAnswer a = importer_->import_generated(
        [&spec](const Org& org, const CaseSink& keep) { generate_cases(org, spec, keep); },
        ImportSource{"demo", "", ""});
    // The import stored the latest day already; the days before it, oldest first.
    const Day latest = latest_day(host_, settings_);
    for (Day d = latest - kBackfillDays + 1; d < latest; ++d) store_day(host_, state_, d);
    host_.info("demo: " + std::to_string(a.counts.inserted) + " synthetic cases and " +
               std::to_string(kBackfillDays) + " days of boards in " +
               std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - started)
                                  .count()) +
               " ms");
    return true;
  }

  courthub::Host& host_;
  BoardSettings settings_;
  std::string settings_json_;
  BoardState state_;
  std::unique_ptr<Importer> importer_;
  std::unique_ptr<DropFolder> drop_folder_;
};

}  // namespace board

COURTHUB_PLUGIN(board::IncentiveBoard)
