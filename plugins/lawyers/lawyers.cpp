// SPDX-License-Identifier: Apache-2.0
// lawyers: lawyer services (律师服务), the court's one door for outside lawyers — the plugin
// entry point. Lawyers are outside users: they sign in with their licence number on the portal
// routes (/apps/lawyers/portal/..., a host-issued `lawyer` session), never through DingTalk.
#include <courthub/plugin.hpp>

#include <memory>

#include "app.hpp"
#include "routes.hpp"
#include "schema.hpp"
#include "settings.hpp"

namespace lawyers {

class LawyersPlugin {
 public:
  static constexpr std::string_view kName = "lawyers";
  static constexpr std::string_view kVersion = "1.0.0";
  static constexpr std::string_view kDescription =
      "律师服务：律师注册与核验、代理关系、案件空间、网上立案、联系法官、阅卷、电子送达、排期避让";
  // Handlers share only the read-only settings; everything else lives in the database.
  static constexpr bool kThreadSafe = true;
  // Its SQL runs on SQLite and PostgreSQL (postgres:lawyers_plugin_test).
  static constexpr bool kPortableSql = true;

  explicit LawyersPlugin(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json& json, courthub::SettingsErrors& errors) {
    settings_ = read_settings(json, errors);
  }

  void activate(courthub::Registrar& r) {
    r.migrate(migrations());
    app_ = std::make_unique<App>(App{host_, settings_});
    register_identity(r, *app_);
    register_cases(r, *app_);
    register_filings(r, *app_);
    register_access(r, *app_);
  }

 private:
  courthub::Host& host_;
  Settings settings_;
  std::unique_ptr<App> app_;
};

}  // namespace lawyers

COURTHUB_PLUGIN(lawyers::LawyersPlugin)
