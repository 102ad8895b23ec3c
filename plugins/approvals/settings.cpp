// SPDX-License-Identifier: Apache-2.0
// The top level of the settings: templates, card template, reminders, request sources, DingTalk.
#include "settings.hpp"

#include <set>

namespace json = courthub::json;

namespace approvals {
namespace {

bool is_plugin_id(std::string_view s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

Settings parse_settings(const Json& settings, std::vector<SettingsProblem>& problems) {
  Settings out;
  auto fail = [&](std::string at, std::string message) {
    problems.push_back({std::move(at), std::move(message)});
  };
  for (auto& [key, value] : settings.items()) {
    const std::string at = "/" + key;
    if (key == "templates") {
      if (!value.is_array()) {
        fail(at, "must be a list of templates");
        continue;
      }
      std::set<std::string> codes;
      for (size_t i = 0; i < value.size(); ++i) {
        std::string here = at + "/" + std::to_string(i);
        auto tpl = parse_template(value.at(i), here, problems);
        if (!tpl->code.empty() && !codes.insert(tpl->code).second)
          fail(here + "/code", "template code '" + tpl->code + "' is used twice");
        out.templates.push_back(std::move(tpl));
      }
    } else if (key == "card_template_id") {
      if (!value.is_string() || value.get<std::string>().empty())
        fail(at, "must be the id of the DingTalk interactive-card template");
      else
        out.card_template_id = value.get<std::string>();
    } else if (key == "remind_after_minutes") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
          value.get<int64_t>() > 60 * 24 * 30)
        fail(at, "must be whole minutes from 0 (never remind) to 43200 (30 days)");
      else
        out.remind_after_minutes = value.get<int64_t>();
    } else if (key == "working_hours") {
      auto hours = value.is_string() ? parse_working_hours(value.get<std::string>())
                                     : std::nullopt;
      if (!hours)
        fail(at, "must be the working day as \"HH:MM-HH:MM\", start before end, e.g. "
                 "\"08:30-17:30\"");
      else
        out.working_hours = *hours;
    } else if (key == "urge_interval_minutes") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 ||
          value.get<int64_t>() > 60 * 24)
        fail(at, "must be whole minutes from 1 to 1440 (a day) between two 催办 of one approval");
      else
        out.urge_interval_minutes = value.get<int64_t>();
    } else if (key == "request_sources") {
      if (!value.is_array()) {
        fail(at, "must be a list of plugin ids, e.g. [rooms, attendance, lawyers]");
        continue;
      }
      out.request_sources.clear();
      for (size_t i = 0; i < value.size(); ++i) {
        const Json& v = value.at(i);
        if (!v.is_string() || !is_plugin_id(v.get<std::string>()))
          fail(at + "/" + std::to_string(i), "must be a plugin id ([a-z][a-z0-9_]*)");
        else if (v.get<std::string>() == "approvals")
          fail(at + "/" + std::to_string(i), "approvals cannot request approvals of itself");
        else
          out.request_sources.push_back(v.get<std::string>());
      }
    } else if (key == "dingtalk_process_codes") {
      if (!value.is_object()) {
        fail(at, "must map DingTalk process codes to template codes: {PROC-XXXX: leave}");
        continue;
      }
      for (auto& [process_code, code] : value.items()) {
        if (!code.is_string() || code.get<std::string>().empty())
          fail(at + "/" + process_code, "must be a template code");
        else
          out.dingtalk_process_codes[process_code] = code.get<std::string>();
      }
    } else if (key == "detail_url") {
      if (!value.is_string())
        fail(at, "must be a URL; {id} stands for the instance id");
      else
        out.detail_url = value.get<std::string>();
    } else {
      fail(at, "unknown key '" + key +
                   "'; expected templates, card_template_id, remind_after_minutes, "
                   "working_hours, urge_interval_minutes, request_sources, "
                   "dingtalk_process_codes, detail_url");
    }
  }
  // Mappings are checked once every template is known.
  if (const Json* map = json::find(settings, "dingtalk_process_codes"); map && map->is_object())
    for (auto& [process_code, code] : out.dingtalk_process_codes)
      if (!out.find(code))
        fail("/dingtalk_process_codes/" + process_code, "no template with code '" + code + "'");
  return out;
}

}  // namespace approvals
