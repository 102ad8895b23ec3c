// SPDX-License-Identifier: Apache-2.0
#include "personal_data.hpp"

#include <sodium.h>

#include <courthub/error.hpp>

namespace lawyers {

namespace {

constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "lawyerPD";

std::string masked(std::string_view s, size_t head, size_t tail) {
  if (s.size() <= head + tail) return std::string(s.size(), '*');
  return std::string(s.substr(0, head)) + std::string(s.size() - head - tail, '*') +
         std::string(s.substr(s.size() - tail));
}

}  // namespace

std::optional<std::string> PersonalDataKey::problem(std::string_view hex) {
  if (hex.size() != 64) return "must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`";
  for (char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
      return "must be 64 hex characters (0-9, a-f)";
  return std::nullopt;
}

PersonalDataKey PersonalDataKey::from_hex(std::string_view hex) {
  if (auto p = problem(hex)) throw courthub::InvalidArgument("identity.data_key " + *p);
  if (sodium_init() < 0) throw courthub::Unavailable("libsodium could not start");
  unsigned char master[crypto_kdf_KEYBYTES];
  size_t len = 0;
  if (sodium_hex2bin(master, sizeof master, hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != sizeof master)
    throw courthub::InvalidArgument("identity.data_key must be 64 hex characters");
  PersonalDataKey k;
  crypto_kdf_derive_from_key(k.seal_key_.data(), k.seal_key_.size(), 1, kContext, master);
  crypto_kdf_derive_from_key(k.index_key_.data(), k.index_key_.size(), 2, kContext, master);
  sodium_memzero(master, sizeof master);
  return k;
}

std::string PersonalDataKey::seal(std::string_view plain) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nonce,
                        seal_key_.data());
  return out;
}

std::string PersonalDataKey::open(std::string_view sealed) const {
  constexpr size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (sealed.size() < kOverhead)
    throw courthub::Error(courthub::Status::Error, "sealed personal data is truncated");
  std::string out(sealed.size() - kOverhead, '\0');
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 nonce + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 seal_key_.data()) != 0)
    throw courthub::Error(courthub::Status::Error,
                          "sealed personal data does not open with identity.data_key "
                          "(another key, or altered)");
  return out;
}

std::string PersonalDataKey::blind_index(std::string_view plain) const {
  std::string out(32, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                     index_key_.data(), index_key_.size());
  return out;
}

std::string mask_id_card(std::string_view number) { return masked(number, 4, 4); }
std::string mask_mobile(std::string_view mobile) { return masked(mobile, 3, 4); }

}  // namespace lawyers
