// SPDX-License-Identifier: Apache-2.0
// approvals: office approval workflows (办公流程审批) — templates, instances, tasks, history.
#include <courthub/plugin.hpp>

#include <memory>

#include "attachment_routes.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "dingtalk_mirror.hpp"
#include "plugin_requests.hpp"
#include "reminders.hpp"
#include "routes.hpp"
#include "schema.hpp"
#include "settings.hpp"
#include "urge.hpp"

namespace approvals {

class Approvals {
 public:
  static constexpr std::string_view kName = "approvals";
  static constexpr std::string_view kVersion = "1.0.0";
  static constexpr std::string_view kDescription =
      "Office approval workflows (办公流程审批): leave, trips, seals, cars, rooms";
  // Every piece of state lives in the database; the settings are fixed after configure.
  static constexpr bool kThreadSafe = true;
  // Its SQL runs on SQLite and PostgreSQL (the tests run on both: postgres:approvals_plugin_test).
  static constexpr bool kPortableSql = true;

  explicit Approvals(courthub::Host& host) : host_(host) {}

  void configure(const Json& settings, courthub::SettingsErrors& errors) {
    std::vector<SettingsProblem> problems;
    settings_ = parse_settings(settings, problems);
    for (auto& p : problems) errors.add(p.pointer, p.message);
  }

  void activate(courthub::Registrar& r) {
    ctx_ = std::make_unique<Context>(host_, settings_);
    r.migrate(migrations());
    register_routes(r, *ctx_);
    register_attachment_routes(r, *ctx_);
    register_commands(r, *ctx_);
    register_urge(r, *ctx_);
    register_card_actions(r, *ctx_);
    for (const std::string& source : settings_.request_sources) {
      r.subscribe(source + ".approval_requested", [this, source](const courthub::Event& e) {
        handle_approval_request(*ctx_, source, e);
      });
      r.subscribe(source + ".approval_canceled", [this, source](const courthub::Event& e) {
        handle_approval_cancel(*ctx_, source, e);
      });
    }
    r.subscribe("bpms_instance_change",
                [this](const courthub::Event& e) { mirror_instance_event(*ctx_, e); });
    r.subscribe("bpms_task_change",
                [this](const courthub::Event& e) { mirror_task_event(*ctx_, e); });
    r.schedule("remind-pending", "*/10 * * * *",
               [this](const courthub::Job& j) { remind_pending(*ctx_, j.scheduled_ms); });
    r.schedule("purge-attachments", "17 * * * *", [this](const courthub::Job& j) {
      purge_unused_attachments(*ctx_, j.scheduled_ms);
    });
    if (settings_.templates.empty())
      host_.warn("no approval templates configured: add settings.templates "
                 "(plugins/approvals/demo-settings.yaml has examples)");
  }

 private:
  courthub::Host& host_;
  Settings settings_;
  std::unique_ptr<Context> ctx_;
};

}  // namespace approvals

COURTHUB_PLUGIN(approvals::Approvals)
