// SPDX-License-Identifier: Apache-2.0
// rooms: meeting rooms and remote-hearing rooms for the courts — the plugin entry point.
#include <courthub/plugin.hpp>

#include <memory>

#include "field_errors.hpp"
#include "rooms_app.hpp"
#include "routes.hpp"
#include "schema.hpp"
#include "settings.hpp"

namespace rooms {

class RoomsPlugin {
 public:
  static constexpr std::string_view kName = "rooms";
  static constexpr std::string_view kVersion = "1.0.0";
  static constexpr std::string_view kDescription =
      "会议室与远程庭审室：预订、循环预订、审批、签到与释放、远程庭审排期";
  // Handlers share only read-only parts built in activate; bookings live in the database.
  static constexpr bool kThreadSafe = true;
  // Its SQL runs on SQLite and PostgreSQL (postgres:rooms_plugin_test).
  static constexpr bool kPortableSql = true;

  explicit RoomsPlugin(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json& json, courthub::SettingsErrors& errors) {
    FieldErrors problems;
    settings_ = read_settings(json, problems);
    problems.report(errors);
  }

  void activate(courthub::Registrar& r) {
    r.migrate(migrations());
    app_ = std::make_unique<RoomsApp>(host_, settings_);
    for (const std::string& note : app_->catalog.seed(settings_.rooms, host_.now_ms()))
      host_.info(note);
    for (size_t i = 0; i < settings_.rooms.size(); ++i) {
      const Room& room = settings_.rooms[i];
      if (!host_.directory().court(room.court))
        host_.warn("room " + room.id + ": court " + room.court + " is not in the directory");
      // The directory is not there during configure: named approvers are checked here, and one
      // who is not (or no longer) of the room's court is left out of its approvals.
      FieldErrors unknown;
      check_approvers(room, host_.directory(), "/rooms/" + std::to_string(i), unknown);
      for (auto& [pointer, message] : unknown.list())
        host_.warn("settings" + pointer + ": " + message + "; not asked to approve");
    }

    register_booking_routes(r, *app_);
    register_hearing_routes(r, *app_);
    register_page_routes(r, *app_);
    register_public_routes(r, *app_);
    register_admin_routes(r, *app_);
    register_commands(r, *app_);
    register_card_actions(r, *app_);

    RoomsApp& app = *app_;
    r.subscribe("approvals.instance_finished", [&app](const courthub::Event& e) {
      app.approvals.finished(e.payload, app.host.now_ms());
    });
    r.subscribe("approvals.request_rejected", [&app](const courthub::Event& e) {
      app.approvals.rejected(e.payload, app.host.now_ms());
    });
    r.schedule("remind", "*/1 * * * *",
               [&app](const courthub::Job& j) { app.clock.remind(j.scheduled_ms); });
    r.schedule("release", "*/1 * * * *", [&app](const courthub::Job& j) {
      ReleaseReport rep = app.clock.release(j.scheduled_ms);
      if (rep.released || rep.expired || rep.extended)
        app.host.info("released " + std::to_string(rep.released) + ", expired " +
                      std::to_string(rep.expired) + ", extended " + std::to_string(rep.extended) +
                      " booking(s)");
    });
  }

 private:
  courthub::Host& host_;
  Settings settings_;
  std::unique_ptr<RoomsApp> app_;
};

}  // namespace rooms

COURTHUB_PLUGIN(rooms::RoomsPlugin)
