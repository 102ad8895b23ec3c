// SPDX-License-Identifier: Apache-2.0
// Test plugin: validates its settings strictly, to test file:line reporting of plugin errors.
#include <courthub/plugin.hpp>

namespace json = courthub::json;

struct SettingsChecker {
  static constexpr std::string_view kName = "settings_checker";
  static constexpr std::string_view kVersion = "0.0.2";
  static constexpr bool kThreadSafe = true;
  explicit SettingsChecker(courthub::Host&) {}

  void configure(const courthub::Json& s, courthub::SettingsErrors& errors) {
    const courthub::Json* rooms = json::find(s, "rooms");
    if (!rooms || !rooms->is_array()) {
      errors.add("/rooms", "must be a list of rooms");
      return;
    }
    for (size_t i = 0; i < rooms->size(); ++i) {
      const courthub::Json& room = rooms->at(i);
      if (json::get<int64_t>(room, "capacity", 0) <= 0)
        errors.add("/rooms/" + std::to_string(i) + "/capacity", "must be a positive number");
    }
    label_ = json::get<std::string>(s, "label", "v1");
  }
  void activate(courthub::Registrar& r) {
    r.route("GET", "/label", [this](const courthub::Request&) {
      return courthub::Response::json(courthub::Json::object({{"label", label_}}));
    });
  }
  std::string label_;
};
COURTHUB_PLUGIN(SettingsChecker)
