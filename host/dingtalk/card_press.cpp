// SPDX-License-Identifier: Apache-2.0
#include "host/dingtalk/card_press.hpp"

#include <optional>

namespace courthub::dingtalk {
namespace {

// `value` (or `content`) is a JSON string holding {"cardPrivateData": {actionIds, params}}.
std::optional<Json> private_data(const Json& body) {
  for (const char* field : {"value", "content"}) {
    const Json* v = json::find(body, field);
    if (!v || !v->is_string() || v->get<std::string>().empty()) continue;
    try {
      Json inner = Json::parse(v->get<std::string>());
      if (!inner.is_object()) continue;
      const Json* data = json::find(inner, "cardPrivateData");
      if (data && data->is_object()) return *data;
    } catch (const Json::exception&) {
    }
  }
  return std::nullopt;
}

// The string member `key` of an object, "" when absent or of another type.
std::string string_member(const Json& obj, const char* key) {
  const Json* v = json::find(obj, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

}  // namespace

std::variant<CardPress, CardPressProblem> parse_card_press(const Json& body) {
  if (!body.is_object()) return CardPressProblem::NoPrivateData;
  auto data = private_data(body);
  if (!data) return CardPressProblem::NoPrivateData;
  CardPress press;
  const Json* params = json::find(*data, "params");
  press.params = params && params->is_object() ? *params : Json::object();
  press.action = string_member(press.params, "action");
  const Json* ids = json::find(*data, "actionIds");
  if (press.action.empty() && ids && ids->is_array() && !ids->empty() &&
      (*ids)[0].is_string()) {
    press.action = (*ids)[0].get<std::string>();
  }
  if (press.action.empty()) return CardPressProblem::NoAction;
  press.user = string_member(body, "userId");
  press.out_track_id = string_member(body, "outTrackId");
  return press;
}

}  // namespace courthub::dingtalk
