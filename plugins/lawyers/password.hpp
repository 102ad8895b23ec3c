// SPDX-License-Identifier: Apache-2.0
// Lawyers' passwords: the rule a new one must meet, and argon2id hashes (libsodium's
// crypto_pwhash_str, a memory-hard hash with its own salt and parameters in the stored text).
//
// Threading: any thread, concurrently. Errors: see each function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lawyers {

// How much work a hash costs: Interactive (libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE, 64 MiB)
// or Moderate (256 MiB, for hosts that can afford it). Setting `identity.password_cost`.
enum class PasswordCost { Interactive, Moderate };

// Why `password` is not acceptable as a new password, or nullopt: at least 10 characters, with
// at least one letter and one digit, at most 128 bytes.
std::optional<std::string> password_problem(std::string_view password);

// The argon2id hash of `password` as text ("$argon2id$v=19$m=...").
// Errors: courthub::Error(Unavailable) when the memory for the hash cannot be had.
std::string hash_password(std::string_view password, PasswordCost cost);

// Whether `password` matches `hash` (a text from hash_password). Takes as long as hashing, for a
// wrong password too. A malformed hash never matches.
bool password_matches(std::string_view password, const std::string& hash);

// A hash of an unguessable password, made once per cost: login checks a password against it
// when the licence number is unknown, so the answer takes as long either way.
const std::string& decoy_hash(PasswordCost cost);

// A new random password to hand out once (a reset by the court): 12 characters from an
// alphabet without look-alikes, always with a letter and a digit.
std::string temporary_password();

}  // namespace lawyers
