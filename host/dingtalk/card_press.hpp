// SPDX-License-Identifier: Apache-2.0
// What an interactive-card callback asks for: the action, its parameters, who pressed and on
// which card. The parsing half of POST /dingtalk/cards (card_endpoint.cpp), on its own so the
// fuzzer (tests/fuzz/card_action.cpp) reaches it without a server.
#pragma once

#include <string>
#include <variant>

#include "courthub/json.hpp"

namespace courthub::dingtalk {

struct CardPress {
  std::string action;        // params.action, else the first of actionIds; never empty
  Json params;               // cardPrivateData.params, or {} (always an object)
  std::string user;          // userId, "" when absent
  std::string out_track_id;  // outTrackId, "" when absent
};

// Why a callback body is not a press; each is a 400 for the caller.
enum class CardPressProblem {
  NoPrivateData,  // neither value nor content is a JSON string holding {"cardPrivateData": {..}}
  NoAction,       // neither params.action nor actionIds[0] is a non-empty string
};

// Reads a card callback body (any JSON value; a non-object has no press in it). Pure: no
// allocation limits beyond the input's size, safe from any thread. Never throws.
std::variant<CardPress, CardPressProblem> parse_card_press(const Json& body);

}  // namespace courthub::dingtalk
