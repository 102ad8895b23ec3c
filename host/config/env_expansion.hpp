// SPDX-License-Identifier: Apache-2.0
// ${VAR} and ${VAR:-default} expansion of configuration text, so secrets stay out of the file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "host/outcome.hpp"

namespace courthub::config {

// Looks a variable up: its value, or nullopt when it is unset. Injected so tests need no setenv.
using Env = std::function<std::optional<std::string>(const std::string&)>;

// The process environment (getenv).
// Thread-safety: safe to call concurrently, but not while another thread calls setenv/putenv
// (a POSIX getenv limitation). Errors: none; an unset variable is nullopt.
Env process_env();

// Expands `text`:
//   ${NAME}          the variable's value (empty if set but empty); an error when unset
//   ${NAME:-default} the value, or `default` when the variable is unset or empty, as in the
//                    shell; `default` is text that may itself hold ${...} references
//                    ("${API:-http://127.0.0.1:${PORT:-9090}}"), expanded only when used
//   $$               a literal '$'
//   any other '$'    kept as is (so "pa$word" needs no escaping)
// NAME is [A-Za-z_][A-Za-z0-9_]*. Values are not expanded again.
//
// Thread-safety: reentrant; `env` must be safe to call from the calling thread.
// Errors: InvalidArgument naming the variable for an unset ${NAME} without a default, a bad
// NAME, or an unterminated "${". When `text_is_secret` is true the message quotes no part of
// `text` beyond the name of an unset variable, so a secret written literally never leaks.
Expected<std::string> expand_env(std::string_view text, const Env& env,
                                 bool text_is_secret = false);

// True when `raw` refers to the environment ("${"), i.e. the value is not written literally.
bool mentions_env(std::string_view raw);

}  // namespace courthub::config
