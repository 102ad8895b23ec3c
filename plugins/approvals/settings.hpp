// SPDX-License-Identifier: Apache-2.0
// The plugin's settings: templates plus delivery options, validated once at load.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "working_time.hpp"

namespace approvals {

// One settings problem: a JSON pointer into the settings ("/templates/2/fields/0/type") and what
// is wrong there. The host turns the pointer into file:line of the YAML.
struct SettingsProblem {
  std::string pointer;
  std::string message;
};

struct Settings {
  std::vector<std::shared_ptr<const Template>> templates;  // in configuration order
  std::string card_template_id = "courthub.approvals.task";
  int64_t remind_after_minutes = 240;  // working minutes; 0 = never remind
  WorkingHours working_hours;          // reminders count and go out only inside these, on workdays
  int64_t urge_interval_minutes = 30;  // 催办: an originator's next urge of one instance, at least
  std::vector<std::string> request_sources = {"rooms", "attendance", "lawyers"};
  std::map<std::string, std::string> dingtalk_process_codes;  // DingTalk processCode -> code
  std::string detail_url;  // link on cards; "{id}" becomes the instance id; "" = none

  const Template* find(std::string_view code) const {
    for (auto& t : templates)
      if (t->code == code) return t.get();
    return nullptr;
  }
};

// Reads and checks the whole settings object. Every problem is appended to `problems`; the
// result is only meaningful when none were found. Unknown keys are problems (they are typos).
Settings parse_settings(const Json& settings, std::vector<SettingsProblem>& problems);

// Parses one template (exposed for tests); `pointer` is where it stands in the settings.
std::shared_ptr<Template> parse_template(const Json& node, const std::string& pointer,
                                         std::vector<SettingsProblem>& problems);

// The canonical role for a settings spelling: "庭长" -> "division_head"; "" if unknown.
std::string canonical_role(std::string_view spelling);

}  // namespace approvals
