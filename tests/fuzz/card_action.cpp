// SPDX-License-Identifier: Apache-2.0
// Fuzzes the interactive-card callback parser (host/dingtalk/card_press, the parsing half of
// POST /dingtalk/cards): the input is the request body. A body that is not JSON is the edge's
// 400; any JSON value must come out as a press (a non-empty action, an object of params) or as
// one of the two refusals, never as an exception or a sanitizer report.
// Seeds: the card callbacks of the spec (shared/docs/dingtalk-protocol.md) and of the tests.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "host/dingtalk/card_press.hpp"

using namespace courthub;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Json body = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;
  auto parsed = dingtalk::parse_card_press(body);
  if (auto* press = std::get_if<dingtalk::CardPress>(&parsed)) {
    if (press->action.empty() || !press->params.is_object()) std::abort();
    // The press is answered as JSON: what it carries dumps as valid UTF-8.
    (void)press->params.dump();
    (void)Json(press->action).dump();
  }
  return 0;
}
