// SPDX-License-Identifier: Apache-2.0
// DingTalk event-callback crypto: the SHA1 msg_signature and the AES-256-CBC envelope.

#include "host/dingtalk/callback_crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "host/dingtalk/base64.hpp"

namespace courthub::dingtalk {
namespace {

constexpr size_t kKeySize = 32;
constexpr size_t kIvSize = 16;
constexpr size_t kRandomSize = 16;
constexpr size_t kHeaderSize = kRandomSize + 4;  // random16 || be32(len)
// DingTalk pads to 32 even though AES blocks are 16 (spec §1.5).
constexpr size_t kPadBlock = 32;
constexpr size_t kAesBlock = 16;

bool is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::string lower_hex(const unsigned char* bytes, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0x0F];
  }
  return out;
}

// The algorithms, fetched from the provider once: OpenSSL 3 otherwise looks them up (under a
// lock) on every call. Fetched objects are immutable and safe to share between threads.
const EVP_CIPHER* aes_256_cbc() {
  static const EVP_CIPHER* const cipher = [] {
    const EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    return fetched ? fetched : EVP_aes_256_cbc();
  }();
  return cipher;
}

const EVP_MD* sha1() {
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    return fetched ? fetched : EVP_sha1();
  }();
  return md;
}

// AES-256-CBC without cipher padding; input must be a whole number of 16-byte blocks.
std::optional<std::string> aes_cbc(bool encrypting, const std::string& key, std::string_view in) {
  // One context per thread, reset by each init: creating one costs more than the cipher.
  struct ContextFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
  };
  thread_local std::unique_ptr<EVP_CIPHER_CTX, ContextFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return std::nullopt;
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  if (EVP_CipherInit_ex(ctx.get(), aes_256_cbc(), nullptr, k, k, encrypting ? 1 : 0) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1) {
    return std::nullopt;
  }
  std::string out(in.size() + kAesBlock, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  int written = 0;
  int final_written = 0;
  if (EVP_CipherUpdate(ctx.get(), o, &written, reinterpret_cast<const unsigned char*>(in.data()),
                       static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), o + written, &final_written) != 1) {
    return std::nullopt;
  }
  out.resize(static_cast<size_t>(written) + static_cast<size_t>(final_written));
  return out;
}

// Bytes from RAND_bytes, drawn a few kilobytes at a time per thread: one RAND_bytes call costs
// about as much as the whole AES encryption of a reply, whatever its size.
class RandomBytes {
 public:
  // The next random byte; nullopt if OpenSSL has no entropy to give.
  std::optional<unsigned char> next() {
    if (used_ == sizeof buf_) {
      if (RAND_bytes(buf_, sizeof buf_) != 1) return std::nullopt;
      used_ = 0;
    }
    unsigned char b = buf_[used_];
    buf_[used_++] = 0;  // handed out once, not kept around
    return b;
  }

 private:
  unsigned char buf_[4096];
  size_t used_ = sizeof buf_;
};

// 16 characters of [A-Za-z0-9], like the Java sample's getRandomStr(16). Rejection sampling
// keeps the characters uniform.
std::optional<std::string> random_alnum16() {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  constexpr unsigned kLimit = 62 * 4;  // 248: largest multiple of 62 within a byte
  thread_local RandomBytes random;
  std::string out;
  out.reserve(kRandomSize);
  while (out.size() < kRandomSize) {
    auto b = random.next();
    if (!b) return std::nullopt;
    if (*b < kLimit) out += kChars[*b % 62];
  }
  return out;
}

}  // namespace

Expected<CallbackCrypto> CallbackCrypto::create(std::string token, std::string aes_key,
                                                std::string owner_key) {
  if (aes_key.size() != 43) {
    return Outcome::invalid("aes_key must be exactly 43 characters of [A-Za-z0-9], got " +
                            std::to_string(aes_key.size()) + " characters");
  }
  for (size_t i = 0; i < aes_key.size(); ++i) {
    if (!is_alnum(aes_key[i])) {
      return Outcome::invalid("aes_key must be exactly 43 characters of [A-Za-z0-9]; character " +
                              std::to_string(i + 1) + " is not one of them");
    }
  }
  std::string key = base64_decode_key(aes_key);
  if (key.size() != kKeySize) return Outcome::error("aes_key did not decode to 32 bytes");
  return CallbackCrypto(std::move(token), std::move(key), std::move(owner_key));
}

std::string CallbackCrypto::signature(std::string_view timestamp, std::string_view nonce,
                                      std::string_view encrypt) const {
  std::array<std::string_view, 4> parts = {token_, timestamp, nonce, encrypt};
  // string_view compares with char_traits<char>::compare, i.e. memcmp: unsigned byte order, as
  // Java's String sort gives for the ASCII DingTalk sends.
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (std::string_view p : parts) joined.append(p);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  if (EVP_Digest(joined.data(), joined.size(), digest, &digest_len, sha1(), nullptr) != 1) {
    return {};
  }
  return lower_hex(digest, digest_len);
}

bool CallbackCrypto::signature_matches(std::string_view timestamp, std::string_view nonce,
                                       std::string_view encrypt, std::string_view given) const {
  std::string expected = signature(timestamp, nonce, encrypt);
  return !expected.empty() && constant_time_equal(expected, given);
}

Expected<std::string> CallbackCrypto::decrypt(std::string_view encrypt_b64) const {
  std::optional<std::string> cipher = base64_decode(encrypt_b64);
  if (!cipher) return Outcome::invalid("encrypt is not valid base64");
  if (cipher->size() % kAesBlock != 0) {
    return Outcome::invalid("ciphertext length is not a multiple of 16 (" +
                            std::to_string(cipher->size()) + " bytes)");
  }
  if (cipher->size() < 2 * kAesBlock) {
    return Outcome::invalid("ciphertext is too short (" + std::to_string(cipher->size()) +
                            " bytes, at least 32 needed)");
  }
  std::optional<std::string> plain = aes_cbc(false, key_, *cipher);
  if (!plain) return Outcome::error("AES decryption failed");

  // Official Java: a last byte outside 1..32 means "no padding".
  size_t pad = static_cast<unsigned char>(plain->back());
  if (pad < 1 || pad > kPadBlock) pad = 0;
  if (plain->size() - pad < kHeaderSize) {
    return Outcome::invalid("bad padding: the pad covers the message header");
  }
  size_t end = plain->size() - pad;

  const auto* p = reinterpret_cast<const unsigned char*>(plain->data());
  uint64_t len =
      (uint64_t{p[16]} << 24) | (uint64_t{p[17]} << 16) | (uint64_t{p[18]} << 8) | uint64_t{p[19]};
  if (kHeaderSize + len > end) return Outcome::invalid("length field out of range");

  std::string_view rest(*plain);
  std::string_view from_owner = rest.substr(kHeaderSize + len, end - kHeaderSize - len);
  if (!constant_time_equal(from_owner, owner_key_)) {
    return Outcome::failure(Status::PermissionDenied, "owner key mismatch");
  }
  return std::string(rest.substr(kHeaderSize, len));
}

std::string CallbackCrypto::encrypt(std::string_view plaintext, std::string_view random16) const {
  std::string random;
  if (random16.size() == kRandomSize) {
    random = random16;
  } else {
    std::optional<std::string> fresh = random_alnum16();
    if (!fresh) return {};
    random = std::move(*fresh);
  }
  const auto len = static_cast<uint32_t>(plaintext.size());
  std::string plain;
  plain.reserve(kHeaderSize + plaintext.size() + owner_key_.size() + kPadBlock);
  plain += random;
  plain += static_cast<char>((len >> 24) & 0xFF);
  plain += static_cast<char>((len >> 16) & 0xFF);
  plain += static_cast<char>((len >> 8) & 0xFF);
  plain += static_cast<char>(len & 0xFF);
  plain.append(plaintext);
  plain += owner_key_;
  size_t pad = kPadBlock - plain.size() % kPadBlock;  // 1..32, never 0
  plain.append(pad, static_cast<char>(pad));

  std::optional<std::string> cipher = aes_cbc(true, key_, plain);
  if (!cipher) return {};
  return base64_encode(*cipher);
}

Json CallbackCrypto::encrypted_reply(std::string_view plaintext, std::string timestamp,
                                     std::string nonce) const {
  std::string encrypted = encrypt(plaintext);
  std::string sig = signature(timestamp, nonce, encrypted);
  return Json::object({{"msg_signature", Json(std::move(sig))},
                       {"timeStamp", Json(std::move(timestamp))},
                       {"nonce", Json(std::move(nonce))},
                       {"encrypt", Json(std::move(encrypted))}});
}

}  // namespace courthub::dingtalk
