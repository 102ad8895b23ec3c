// SPDX-License-Identifier: Apache-2.0
#include "password.hpp"

#include <sodium.h>

#include <courthub/error.hpp>

namespace lawyers {

namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw courthub::Unavailable("libsodium could not start");
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
  bool letter = false, digit = false;
  size_t chars = 0;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++chars;  // count code points, not UTF-8 bytes
    if (c >= '0' && c <= '9') digit = true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
  }
  if (password.size() > 128) return "must be at most 128 bytes";
  if (chars < 10 || !letter || !digit)
    return "must be at least 10 characters with at least one letter and one digit";
  return std::nullopt;
}

std::string hash_password(std::string_view password, PasswordCost cost) {
  ensure_sodium();
  const bool moderate = cost == PasswordCost::Moderate;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(
          out, password.data(), password.size(),
          moderate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          moderate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE,
          crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw courthub::Unavailable("not enough memory to hash a password; try again");
  return out;
}

bool password_matches(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoy_hash(PasswordCost cost) {
  auto make = [](PasswordCost c) {
    ensure_sodium();
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    return hash_password(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret), c);
  };
  // Constants once made (thread-safe initialisation of statics), not state.
  static const std::string interactive = make(PasswordCost::Interactive);
  if (cost == PasswordCost::Interactive) return interactive;
  static const std::string moderate = make(PasswordCost::Moderate);
  return moderate;
}

std::string temporary_password() {
  ensure_sodium();
  static constexpr std::string_view kLetters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr std::string_view kDigits = "23456789";
  std::string out;
  for (int i = 0; i < 12; ++i) {
    // Alternate pools on fixed positions so a letter and a digit are always there.
    const std::string_view pool = (i % 4 == 3) ? kDigits : kLetters;
    out += pool[randombytes_uniform(static_cast<uint32_t>(pool.size()))];
  }
  return out;
}

}  // namespace lawyers
