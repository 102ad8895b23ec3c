// SPDX-License-Identifier: Apache-2.0
// DingTalk event-callback crypto: the SHA1 msg_signature and the AES-256-CBC envelope.
//
// Wire format (docs/dingtalk-crypto.md, spec §1.3–1.5):
//   signature = hex(SHA1(concat(sort_bytewise([token, timestamp, nonce, encrypt]))))
//   encrypt   = Base64(AES-256-CBC(key, iv = key[0..16), random16 || be32(len) || msg || ownerKey
//                                  || PKCS#7 pad to a multiple of 32))
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "courthub/json.hpp"
#include "host/constant_time.hpp"
#include "host/outcome.hpp"

namespace courthub::dingtalk {

// Immutable after create(); every method is const and safe to call from many threads on one
// shared instance. Holds secrets: never log it.
class CallbackCrypto {
 public:
  // token: the callback token (any string). aes_key: the 43-character EncodingAESKey.
  // owner_key: the appKey, corpId or suiteKey DingTalk writes after the message.
  // Errors: Outcome InvalidArgument when aes_key is not exactly 43 characters of [A-Za-z0-9];
  // the message gives the length or position at fault, never the key.
  static Expected<CallbackCrypto> create(std::string token, std::string aes_key,
                                         std::string owner_key);

  // The msg_signature for these values as lowercase hex (40 characters). `encrypt` is the
  // base64 text exactly as received. Returns an empty string only if OpenSSL's SHA1 fails.
  std::string signature(std::string_view timestamp, std::string_view nonce,
                        std::string_view encrypt) const;

  // Whether `given` equals signature(timestamp, nonce, encrypt), compared in constant time.
  // Case matters: DingTalk sends lowercase hex. False whenever signature() fails.
  bool signature_matches(std::string_view timestamp, std::string_view nonce,
                         std::string_view encrypt, std::string_view given) const;

  // Decrypts the `encrypt` field and returns the message (the event JSON text).
  // Whitespace inside the base64 is skipped. Pad bytes outside 1..32 count as no padding and
  // pad bytes are not compared with each other, as in the official decoders.
  // Errors, Outcome InvalidArgument unless noted, with these messages:
  //   "encrypt is not valid base64"
  //   "ciphertext length is not a multiple of 16 (N bytes)"
  //   "ciphertext is too short (N bytes, at least 32 needed)"
  //   "bad padding: the pad covers the message header"
  //   "length field out of range"
  //   "owner key mismatch" (Status::PermissionDenied; neither key is ever in the message)
  //   "AES decryption failed" (Status::Error; OpenSSL itself failed, e.g. out of memory)
  // Check signature_matches() first: the owner key check is not a MAC.
  Expected<std::string> decrypt(std::string_view encrypt_b64) const;

  // Encrypts `plaintext` (UTF-8 bytes, < 4 GiB) and returns the base64 text, padding with
  // block size 32. random16 empty, or any length other than 16: 16 fresh characters of
  // [A-Za-z0-9] from RAND_bytes; tests pass a fixed value to reproduce vectors.
  // Returns an empty string only if OpenSSL fails (no entropy, out of memory); DingTalk
  // rejects such a reply and retries, which is the safe outcome.
  std::string encrypt(std::string_view plaintext, std::string_view random16 = {}) const;

  // The reply DingTalk expects after a callback:
  //   {"msg_signature": signature(timestamp, nonce, encrypt), "timeStamp": timestamp,
  //    "nonce": nonce, "encrypt": encrypt(plaintext)}
  // `plaintext` is normally "success". Same failure behaviour as encrypt().
  Json encrypted_reply(std::string_view plaintext, std::string timestamp, std::string nonce) const;

  // Distinct for every create() (copies share it): lets a cache of results tell keys apart.
  uint64_t identity() const { return identity_; }

 private:
  CallbackCrypto(std::string token, std::string key, std::string owner_key)
      : token_(std::move(token)), key_(std::move(key)), owner_key_(std::move(owner_key)),
        identity_(next_identity()) {}
  static uint64_t next_identity() {
    static std::atomic<uint64_t> next{1};
    return next++;
  }

  std::string token_;
  std::string key_;  // 32 bytes; the IV is its first 16
  std::string owner_key_;
  uint64_t identity_;
};

}  // namespace courthub::dingtalk
