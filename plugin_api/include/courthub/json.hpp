// SPDX-License-Identifier: Apache-2.0
// JSON for plugins: courthub::Json (nlohmann::ordered_json, see detail/json_value.hpp) plus the
// few reads every handler does, checked and naming the field when the input is wrong.
//
// Threading: free functions over values; no shared state. Errors: as stated per function; the
// InvalidArgument they throw becomes HTTP 400 with the message when it leaves a handler.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "courthub/detail/json_value.hpp"
#include "courthub/error.hpp"

namespace courthub::json {

// The member `key` of `obj`, or nullptr when `obj` is not an object or has no such member. The
// pointer is valid while `obj` lives unchanged; on a temporary it would dangle, so that is
// refused at compile time.
inline const Json* find(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
const Json* find(const Json&& obj, std::string_view key) = delete;

// `value` as T, where `what` names it in errors (a field name, or "items[2]").
// T is std::string, bool, double, Json, or an integer type. Integers are checked: a fraction, or a
// value outside T's range (above 2^63 - 1 for int64_t, for example), is refused, never wrapped or
// truncated; a number written with a fraction of zero (3.0) is accepted as 3.
// Throws InvalidArgument "'<what>' must be a string" (an integer, a boolean, a number) on the
// wrong type, "'<what>' is out of range" on an integer that does not fit.
template <class T>
T as(const Json& value, std::string_view what) {
  auto wrong = [&](const char* expected) {
    return InvalidArgument("'" + std::string(what) + "' must be " + expected);
  };
  if constexpr (std::is_same_v<T, Json>) {
    return value;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!value.is_string()) throw wrong("a string");
    return value.get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!value.is_boolean()) throw wrong("a boolean");
    return value.get<bool>();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!value.is_number()) throw wrong("a number");
    return value.get<T>();
  } else {
    static_assert(std::is_integral_v<T>, "courthub::json::as<T>: unsupported T");
    using Limits = std::numeric_limits<T>;
    auto out_of_range = [&] {
      return InvalidArgument("'" + std::string(what) + "' is out of range");
    };
    if (value.is_number_unsigned()) {
      auto v = value.get<uint64_t>();
      if (v > static_cast<uint64_t>(Limits::max())) throw out_of_range();
      return static_cast<T>(v);
    }
    if (value.is_number_integer()) {
      auto v = value.get<int64_t>();
      if (v < static_cast<int64_t>(Limits::min()) ||
          (v > 0 && static_cast<uint64_t>(v) > static_cast<uint64_t>(Limits::max())))
        throw out_of_range();
      return static_cast<T>(v);
    }
    if (value.is_number_float()) {
      double d = value.get<double>();
      if (!std::isfinite(d) || std::floor(d) != d) throw wrong("an integer");
      // Limits::max() + 1 is a power of two, so exact as a double.
      if (d < static_cast<double>(Limits::min()) ||
          d >= 2.0 * static_cast<double>(Limits::max() / 2 + 1))
        throw out_of_range();
      return static_cast<T>(d);
    }
    throw wrong("an integer");
  }
}

// The member `key` of `obj` as T (see as), or `fallback` when it is absent or null, or when
// `obj` is not an object. A present member of the wrong type is an error, not the fallback.
template <class T>
T get(const Json& obj, std::string_view key, T fallback = T{}) {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) return fallback;
  return as<T>(*v, key);
}

// The member `key` of `obj` as T (see as). Throws InvalidArgument "'<key>' is required" when it
// is absent or null.
template <class T>
T require(const Json& obj, std::string_view key) {
  const Json* v = find(obj, key);
  if (!v || v->is_null()) throw InvalidArgument("'" + std::string(key) + "' is required");
  return as<T>(*v, key);
}

// Compact text for replies and logs. Never throws on content: a string that is not UTF-8 (say,
// from a query parameter) comes out with U+FFFD in place of the bad bytes. Json::dump() instead
// throws Json::type_error there; use it where refusing is right (storing data).
inline std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace courthub::json
