// SPDX-License-Identifier: Apache-2.0
// attendance (考勤): check-in, shifts and daily results. The plugin entry point: settings, the
// start (migrations, groups seeded from the settings), and the registration of everything it
// answers (routes.cpp).
#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"
#include "group_store.hpp"
#include "routes.hpp"
#include "schema.hpp"

namespace attendance {

class Attendance {
 public:
  static constexpr std::string_view kName = "attendance";
  static constexpr std::string_view kVersion = "0.1.0";
  static constexpr std::string_view kDescription = "考勤: check-in, shifts and daily results";
  // Handlers keep no state between calls but the settings, read-only after activate().
  static constexpr bool kThreadSafe = true;
  // Its SQL runs on SQLite and PostgreSQL (postgres:attendance_plugin_test).
  static constexpr bool kPortableSql = true;

  explicit Attendance(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json& json, courthub::SettingsErrors& errors) {
    SettingsProblems problems;
    settings_ = read_settings(json, problems);
    for (auto& [pointer, message] : problems) errors.add(pointer, message);
  }

  void activate(courthub::Registrar& r) {
    r.migrate(migrations());
    seed_groups(host_, settings_);
    register_everything(r, host_, settings_);
  }

 private:
  courthub::Host& host_;
  Settings settings_;
};

}  // namespace attendance

COURTHUB_PLUGIN(attendance::Attendance)
