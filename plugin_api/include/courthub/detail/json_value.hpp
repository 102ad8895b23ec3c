// SPDX-License-Identifier: Apache-2.0
// courthub::Json, the JSON value of the SDK: nlohmann::ordered_json. Include courthub/json.hpp,
// which adds the typed field reads; this header exists so error.hpp can carry a Json without an
// include cycle.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace courthub::detail {
// Called by nlohmann's internal assertions (see JSON_ASSERT below). Throws std::logic_error.
[[noreturn]] inline void json_assertion_failed(const char* condition) {
  throw std::logic_error(std::string("JSON misuse: ") + condition +
                         " (a const read of a missing member? use courthub::json::get or find)");
}
}  // namespace courthub::detail

// nlohmann's own assertions are plain assert(): with NDEBUG, reading a missing member through a
// const reference (`const Json& j; j["x"]`) is undefined behaviour. Here it throws instead, so a
// mistake is an error reply, not a crash. Define JSON_ASSERT yourself before the first include
// of this header to choose otherwise (every file of one plugin must make the same choice).
#ifndef JSON_ASSERT
#define JSON_ASSERT(x) ((x) ? void(0) : ::courthub::detail::json_assertion_failed(#x))
#endif

#include <nlohmann/json.hpp>

namespace courthub {
// A JSON value. Objects keep insertion order (it shows in API answers and cards).
//
// Thread-safety: a Json is a value; distinct objects may be used from distinct threads, a shared
// one only for reading. Errors: Json::parse throws Json::parse_error (invalid text, ill-formed
// UTF-8); get<T>() throws Json::type_error; dump() throws Json::type_error on a string that is
// not UTF-8 (courthub::json::dump replaces instead). All derive from Json::exception, itself a
// std::exception. Number parsing and printing do not depend on the process locale.
using Json = nlohmann::ordered_json;

namespace detail {
// nlohmann's message without its "[json.exception.type_error.302] " prefix, for people.
inline std::string json_error_message(const Json::exception& e) {
  std::string_view text = e.what();
  if (text.starts_with("[json.exception.")) {
    auto end = text.find("] ");
    if (end != std::string_view::npos) text.remove_prefix(end + 2);
  }
  return std::string(text);
}
}  // namespace detail
}  // namespace courthub
