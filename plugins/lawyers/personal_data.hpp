// SPDX-License-Identifier: Apache-2.0
// Lawyers' personal data (ID number, mobile): sealed at rest with the operator's key
// (`identity.data_key`, 32 bytes as 64 hex characters), a keyed blind index so the same ID
// number cannot register twice without storing it in the clear, and the masked forms views
// show. Two subkeys are derived from the data key (libsodium crypto_kdf): one seals
// (XSalsa20-Poly1305, crypto_secretbox_easy, a random nonce per value), one indexes (BLAKE2b
// keyed, crypto_generichash).
//
// Threading: a PersonalDataKey is immutable; any thread, concurrently. Errors: see each.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lawyers {

class PersonalDataKey {
 public:
  // Why `hex` cannot be a data key, or nullopt when it is 64 hex characters.
  static std::optional<std::string> problem(std::string_view hex);
  // The key from 64 hex characters. Errors: courthub::InvalidArgument for anything else
  // (the message never repeats the text).
  static PersonalDataKey from_hex(std::string_view hex);

  // nonce || ciphertext of `plain`.
  std::string seal(std::string_view plain) const;
  // The plain text of what seal() made with this key. Errors: courthub::Error (Error status)
  // when it was sealed under another key or altered.
  std::string open(std::string_view sealed) const;
  // A keyed hash of `plain` (32 bytes): equal texts give equal indexes under one key.
  std::string blind_index(std::string_view plain) const;

 private:
  std::array<unsigned char, 32> seal_key_{}, index_key_{};
};

// 2101**********1234: the first 4 and last 4 characters, the rest as '*'.
std::string mask_id_card(std::string_view number);
// 138****5678: the first 3 and last 4 digits, the rest as '*'.
std::string mask_mobile(std::string_view mobile);

}  // namespace lawyers
