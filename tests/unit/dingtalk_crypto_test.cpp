// SPDX-License-Identifier: Apache-2.0
// DingTalk callback crypto: base64, spec §1.10 vectors, round trips and every refusal.

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "host/dingtalk/base64.hpp"
#include "host/dingtalk/callback_crypto.hpp"

namespace courthub::dingtalk {
namespace {

constexpr std::string_view kKeyA = "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus";
constexpr std::string_view kKeyB = "Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7";

struct Vector {
  const char* name;
  const char* token;
  const char* aes_key;
  const char* owner_key;
  const char* timestamp;
  const char* nonce;
  const char* encrypt;
  const char* signature;
  const char* plaintext;
  const char* random16;  // known for A, C, D, E; B's is read back from the ciphertext
};

// Spec §1.10, verbatim.
const Vector kVectors[] = {
    {"A", "tokenxxxx", kKeyA.data(), "dingxxxxxx", "1605695694141", "WelUQl6bCqcBa2fM",
     "X1VSe9cTJUMZu60d3kyLYTrBq5578ZRJtteU94wG0Q4Uk6E/wQYeJRIC0/UFW5Wkya1Ihz9oXAdLlyC9TRaqsQ==",
     "f36f4ba5337d426c7d4bca0dbcb06b3ddc1388fc", "success", "WelUQl6bCqcBa2fM"},
    {"B", "mryue", kKeyB.data(), "ding6ccabc44d2c8d38b", "1608001896814", "WL4PK6yA",
     "0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBK"
     "yDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3",
     "03044561471240d4a14bb09372dfcfd4fd0e40cb", R"({"EventType":"check_url"})", nullptr},
    {"C", "tokenxxxx", kKeyA.data(), "dingxxxxxx", "1700000000000", "nonce123",
     "WSbGdl4cHPt1ALTmzUYV7op5g1v//0bfBrvwogEVG2IKINtBU6gNnDL7/ac26wx2/Suc25QCaVTfYjHiEq+ZNQ==",
     "e222fcc4b9a1ee395a226323aee3fb8747b4c2f0", "success", "0123456789abcdef"},
    {"D", "tokenxxxx", kKeyA.data(), "dingxxxxxx", "1700000000000", "nonce123",
     "WSbGdl4cHPt1ALTmzUYV7oBCDHiYH2fZs8dtP5DYJ0zbxjVVLlv2+/AW86GIiRn1ojTc1un+MCjWnx07qTEvGg==",
     "8a1bce0f8d1d1d3feb5870219018311edce5020b", R"({"EventType":"check_url"})",
     "0123456789abcdef"},
    {"E", "tokenxxxx", kKeyA.data(), "dingxxxxxx", "1700000000001", "abcDEF12",
     "WSbGdl4cHPt1ALTmzUYV7oBQzEQRg2ltEfnN39+x4Ubu1RWO1qR80fn2ABM0ZnYL+zLk0eDTWf1hrTfW9XcqTBskb"
     "N088sKKcJuhMR5ERwgDE1b2WiMwg67f7Mh3Cvau1y1KEBpQ8SFTx4QeK3NLNn+ZMGmAh9CXh2mVYYPElHg=",
     "7708d3410046ec35375ec947e5c9c31aaa62d245",
     R"({"EventType":"user_add_org","TimeStamp":"1700000000000",)"
     R"("UserId":["u1"],"CorpId":"dingxxxxxx"})",
     "0123456789abcdef"},
};

std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
  }
  return out;
}

// Raw AES-256-CBC without padding, independent of CallbackCrypto, so tests can read and forge
// the padded plaintext.
std::string raw_aes(bool encrypting, std::string_view aes_key43, std::string_view in) {
  std::string key = base64_decode_key(aes_key43);
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      &EVP_CIPHER_CTX_free);
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, k, k, encrypting ? 1 : 0);
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  std::string out(in.size() + 16, '\0');
  int n = 0;
  int m = 0;
  EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                   reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &m);
  out.resize(static_cast<size_t>(n + m));
  return out;
}

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// random16 || be32(len) || msg || owner, then `pad` copies of `pad_byte`.
std::string layout(std::string_view msg, std::string_view owner, size_t pad, char pad_byte) {
  std::string plain = "0123456789abcdef" + be32(static_cast<uint32_t>(msg.size()));
  plain.append(msg).append(owner).append(pad, pad_byte);
  return plain;
}

std::string forge(std::string_view plain) {
  return base64_encode(raw_aes(true, kKeyA, plain));
}

CallbackCrypto make_a() {
  auto crypto = CallbackCrypto::create("tokenxxxx", std::string(kKeyA), "dingxxxxxx");
  EXPECT_TRUE(crypto.ok()) << crypto.outcome().message();
  return std::move(*crypto);
}

// ---- base64 ----

TEST(DingTalkBase64, EncodesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xfb\xff\xbf", 3)), "+/+/");
}

TEST(DingTalkBase64, LongOutputHasNoLineBreaks) {
  std::string encoded = base64_encode(std::string(1000, 'x'));
  EXPECT_EQ(encoded.find('\n'), std::string::npos);
  EXPECT_EQ(encoded.size(), 1336u);
}

TEST(DingTalkBase64, DecodesAndSkipsWhitespace) {
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("Zm9v\nYmFy\r\n"), "foobar");
  EXPECT_EQ(base64_decode(" Zm 8= "), "fo");
  EXPECT_EQ(base64_decode("+/+/"), std::string("\xfb\xff\xbf", 3));
}

TEST(DingTalkBase64, RejectsBadCharactersAndLengths) {
  EXPECT_FALSE(base64_decode("Zm9"));       // not a multiple of 4
  EXPECT_FALSE(base64_decode("Zg"));        // padding missing
  EXPECT_FALSE(base64_decode("Zm9v!mFy"));  // outside the alphabet
  EXPECT_FALSE(base64_decode("Zm9v-_Fy"));  // URL-safe alphabet is not DingTalk's
  EXPECT_FALSE(base64_decode("Zg=a"));      // data after '='
  EXPECT_FALSE(base64_decode("Zg==Zm9v"));  // '=' in the middle
  EXPECT_FALSE(base64_decode("Z==="));      // three '='
  EXPECT_FALSE(base64_decode("===="));
}

TEST(DingTalkBase64, KeyADecodesToTheSpecBytes) {
  EXPECT_EQ(to_hex(base64_decode_key(kKeyA)),
            "a35c346ae9b8db26a9b65cfc6a59e1c229237778de9f3b7d71bf709b3a6d82eb");
}

TEST(DingTalkBase64, KeyBWithNonCanonicalLastCharacterDecodesLeniently) {
  // '7' = 0b111011: its low two bits are set, so "<key>=" is non-canonical base64.
  std::string key = base64_decode_key(kKeyB);
  ASSERT_EQ(key.size(), 32u);
  // Same bytes as the canonical form that ends in '4' (0b111000).
  std::string canonical(kKeyB.substr(0, 42));
  EXPECT_EQ(key, base64_decode_key(canonical + "4"));
  EXPECT_EQ(key, *base64_decode(canonical + "4="));
}

TEST(DingTalkBase64, KeyDecoderRefusesWrongShapes) {
  EXPECT_EQ(base64_decode_key(kKeyA.substr(0, 42)), "");
  EXPECT_EQ(base64_decode_key(std::string(kKeyA) + "a"), "");
  EXPECT_EQ(base64_decode_key(std::string(42, 'a') + "!"), "");
}

// ---- spec §1.10 vectors ----

TEST(DingTalkCallbackVectors, SignatureMatches) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    auto crypto = CallbackCrypto::create(v.token, v.aes_key, v.owner_key);
    ASSERT_TRUE(crypto.ok());
    EXPECT_EQ(crypto->signature(v.timestamp, v.nonce, v.encrypt), v.signature);
    EXPECT_TRUE(crypto->signature_matches(v.timestamp, v.nonce, v.encrypt, v.signature));
  }
}

TEST(DingTalkCallbackVectors, DecryptGivesThePlaintext) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    auto crypto = CallbackCrypto::create(v.token, v.aes_key, v.owner_key);
    ASSERT_TRUE(crypto.ok());
    auto plain = crypto->decrypt(v.encrypt);
    ASSERT_TRUE(plain.ok()) << plain.outcome().message();
    EXPECT_EQ(*plain, v.plaintext);
  }
}

TEST(DingTalkCallbackVectors, EveryVectorIsPaddedWithBlock32) {
  // The spec table says A pads 27 and B 31: both block 32, although A is labelled as the Go
  // sample's, which pads to 16.
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    std::string plain = raw_aes(false, v.aes_key, *base64_decode(v.encrypt));
    size_t body = 20 + std::string_view(v.plaintext).size() + std::string_view(v.owner_key).size();
    size_t pad = static_cast<unsigned char>(plain.back());
    EXPECT_EQ(pad, 32 - body % 32);
    EXPECT_EQ(plain.size(), body + pad);
    EXPECT_EQ(plain.substr(body), std::string(pad, static_cast<char>(pad)));
    if (v.name == std::string_view("A")) {
      EXPECT_EQ(pad, 27u);
    }
    if (v.name == std::string_view("B")) {
      EXPECT_EQ(pad, 31u);
    }
  }
}

TEST(DingTalkCallbackVectors, EncryptReproducesEveryVectorByteForByte) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    auto crypto = CallbackCrypto::create(v.token, v.aes_key, v.owner_key);
    ASSERT_TRUE(crypto.ok());
    std::string random = v.random16
                             ? std::string(v.random16)
                             : raw_aes(false, v.aes_key, *base64_decode(v.encrypt)).substr(0, 16);
    EXPECT_EQ(crypto->encrypt(v.plaintext, random), v.encrypt);
  }
}

TEST(DingTalkCallbackVectors, VectorBRandomIsAlphanumeric) {
  std::string random = raw_aes(false, kKeyB, *base64_decode(kVectors[1].encrypt)).substr(0, 16);
  for (char c : random) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << random;
}

// ---- round trips ----

TEST(DingTalkCallbackCrypto, RoundTripsEmptyAsciiChineseAndLongMessages) {
  CallbackCrypto crypto = make_a();
  std::string long_message;
  for (int i = 0; long_message.size() < 10 * 1024; ++i) long_message += std::to_string(i) + ",";
  const std::string messages[] = {
      "", "success", R"({"EventType":"check_url"})",
      R"({"title":"赵云提交的审批任务","senderNick":"张三","text":{"content":" 测试数据"}})",
      long_message};
  for (const std::string& m : messages) {
    SCOPED_TRACE(m.substr(0, 40));
    std::string encrypted = crypto.encrypt(m);
    ASSERT_FALSE(encrypted.empty());
    std::string padded = raw_aes(false, kKeyA, *base64_decode(encrypted));
    EXPECT_EQ(padded.size() % 32, 0u);
    auto plain = crypto.decrypt(encrypted);
    ASSERT_TRUE(plain.ok()) << plain.outcome().message();
    EXPECT_EQ(*plain, m);
  }
}

TEST(DingTalkCallbackCrypto, RandomPrefixIsFreshAndAlphanumeric) {
  CallbackCrypto crypto = make_a();
  std::string first = raw_aes(false, kKeyA, *base64_decode(crypto.encrypt("x"))).substr(0, 16);
  std::string second = raw_aes(false, kKeyA, *base64_decode(crypto.encrypt("x"))).substr(0, 16);
  EXPECT_NE(first, second);
  for (char c : first + second) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)));
  // A random16 of the wrong length is not used: the layout needs exactly 16 bytes.
  std::string ignored =
      raw_aes(false, kKeyA, *base64_decode(crypto.encrypt("x", "short"))).substr(0, 16);
  EXPECT_EQ(ignored.find("short"), std::string::npos);
  EXPECT_TRUE(crypto.decrypt(crypto.encrypt("x", "short")).ok());
}

TEST(DingTalkCallbackCrypto, PadsToExactly32WhenTheLayoutFillsABlock) {
  CallbackCrypto crypto = make_a();
  // 16 + 4 + 2 + 10 ("dingxxxxxx") = 32: PKCS#7 then adds a whole block of 32 x 0x20.
  std::string padded = raw_aes(false, kKeyA, *base64_decode(crypto.encrypt("ab")));
  ASSERT_EQ(padded.size(), 64u);
  EXPECT_EQ(padded.substr(32), std::string(32, '\x20'));
}

TEST(DingTalkCallbackCrypto, GoStyle16BytePaddingDecrypts) {
  CallbackCrypto crypto = make_a();
  // 16 + 4 + 7 + 10 = 37 bytes; Go pads to 48 with 11 bytes of 0x0b.
  std::string plain = layout("success", "dingxxxxxx", 11, '\x0b');
  ASSERT_EQ(plain.size(), 48u);
  auto result = crypto.decrypt(forge(plain));
  ASSERT_TRUE(result.ok()) << result.outcome().message();
  EXPECT_EQ(*result, "success");
}

TEST(DingTalkCallbackCrypto, WrappedBase64LikeThePythonSampleDecrypts) {
  CallbackCrypto crypto = make_a();
  std::string encrypted = crypto.encrypt(std::string(200, 'm'));
  std::string wrapped;
  for (size_t i = 0; i < encrypted.size(); i += 76) wrapped += encrypted.substr(i, 76) + "\n";
  auto result = crypto.decrypt(wrapped);
  ASSERT_TRUE(result.ok()) << result.outcome().message();
  EXPECT_EQ(*result, std::string(200, 'm'));
}

TEST(DingTalkCallbackCrypto, EncryptedReplyVerifiesAndDecrypts) {
  CallbackCrypto crypto = make_a();
  Json reply = crypto.encrypted_reply("success", "1700000000000", "nonce123");
  ASSERT_TRUE(reply.is_object());
  EXPECT_EQ(reply.size(), 4u);
  EXPECT_EQ(reply["timeStamp"], "1700000000000");
  EXPECT_EQ(reply["nonce"], "nonce123");
  const std::string& encrypted = reply["encrypt"].get<std::string>();
  EXPECT_TRUE(crypto.signature_matches("1700000000000", "nonce123", encrypted,
                                       reply["msg_signature"].get<std::string>()));
  auto plain = crypto.decrypt(encrypted);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "success");
}

TEST(DingTalkCallbackCrypto, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
}

// ---- refusals ----

void expect_refusal(const Expected<std::string>& result, Status code, std::string_view message) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.outcome().code(), code);
  EXPECT_EQ(result.outcome().message(), message);
}

TEST(DingTalkCallbackRefusals, TamperedSignature) {
  const Vector& v = kVectors[0];
  CallbackCrypto crypto = make_a();
  std::string tampered = v.signature;
  tampered[0] = tampered[0] == 'f' ? 'e' : 'f';
  EXPECT_FALSE(crypto.signature_matches(v.timestamp, v.nonce, v.encrypt, tampered));
  std::string upper = v.signature;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_FALSE(crypto.signature_matches(v.timestamp, v.nonce, v.encrypt, upper));
  EXPECT_FALSE(crypto.signature_matches(v.timestamp, v.nonce, v.encrypt, ""));
  EXPECT_FALSE(crypto.signature_matches("1605695694142", v.nonce, v.encrypt, v.signature));
  EXPECT_FALSE(crypto.signature_matches(v.timestamp, "WelUQl6bCqcBa2fN", v.encrypt, v.signature));
  std::string encrypt = v.encrypt;
  encrypt[5] = 'A';
  EXPECT_FALSE(crypto.signature_matches(v.timestamp, v.nonce, encrypt, v.signature));
  auto other_token = CallbackCrypto::create("tokenyyyy", std::string(kKeyA), "dingxxxxxx");
  ASSERT_TRUE(other_token.ok());
  EXPECT_FALSE(other_token->signature_matches(v.timestamp, v.nonce, v.encrypt, v.signature));
}

TEST(DingTalkCallbackRefusals, WrongOwnerKeyIsPermissionDenied) {
  auto crypto = CallbackCrypto::create("tokenxxxx", std::string(kKeyA), "dingyyyyyy");
  ASSERT_TRUE(crypto.ok());
  auto result = crypto->decrypt(kVectors[0].encrypt);
  expect_refusal(result, Status::PermissionDenied, "owner key mismatch");
  EXPECT_EQ(result.outcome().message().find("ding"), std::string::npos);
  // A prefix of the real owner key is not enough either.
  auto prefix = CallbackCrypto::create("tokenxxxx", std::string(kKeyA), "dingxxxxx");
  ASSERT_TRUE(prefix.ok());
  expect_refusal(prefix->decrypt(kVectors[0].encrypt), Status::PermissionDenied,
                 "owner key mismatch");
}

TEST(DingTalkCallbackRefusals, TruncatedCiphertext) {
  CallbackCrypto crypto = make_a();
  std::string cipher = *base64_decode(kVectors[0].encrypt);
  expect_refusal(crypto.decrypt(base64_encode(cipher.substr(0, 16))), Status::InvalidArgument,
                 "ciphertext is too short (16 bytes, at least 32 needed)");
  expect_refusal(crypto.decrypt(""), Status::InvalidArgument,
                 "ciphertext is too short (0 bytes, at least 32 needed)");
  // Cut at a block boundary, CBC still decrypts the 48 bytes that remain; their last pad
  // byte (27) then leaves 21 bytes, too few for the 7-byte message the length field announces.
  expect_refusal(crypto.decrypt(base64_encode(cipher.substr(0, 48))), Status::InvalidArgument,
                 "length field out of range");
}

TEST(DingTalkCallbackRefusals, LengthNotAMultipleOf16) {
  CallbackCrypto crypto = make_a();
  std::string cipher = *base64_decode(kVectors[0].encrypt);
  expect_refusal(crypto.decrypt(base64_encode(cipher.substr(0, 63))), Status::InvalidArgument,
                 "ciphertext length is not a multiple of 16 (63 bytes)");
  expect_refusal(crypto.decrypt(base64_encode(cipher + "x")), Status::InvalidArgument,
                 "ciphertext length is not a multiple of 16 (65 bytes)");
}

TEST(DingTalkCallbackRefusals, PadLongerThanTheBodyIsBadPadding) {
  CallbackCrypto crypto = make_a();
  // 30 bytes of layout plus 2 pad bytes, but the last byte claims 32: it would eat the header.
  std::string plain = layout("", "dingxxxxxx", 1, '\x02') + "\x20";
  ASSERT_EQ(plain.size(), 32u);
  expect_refusal(crypto.decrypt(forge(plain)), Status::InvalidArgument,
                 "bad padding: the pad covers the message header");
  // 13 leaves 19 bytes: one short of random16 + length.
  plain.back() = '\x0d';
  expect_refusal(crypto.decrypt(forge(plain)), Status::InvalidArgument,
                 "bad padding: the pad covers the message header");
}

TEST(DingTalkCallbackRefusals, PadByteZeroMeansNoPaddingPerSpec) {
  CallbackCrypto crypto = make_a();
  // Pad byte 0 (and anything above 32) is "no padding": the bytes stay in the owner-key tail.
  std::string zero_padded = layout("success", "dingxxxxxx", 27, '\0');
  expect_refusal(crypto.decrypt(forge(zero_padded)), Status::PermissionDenied,
                 "owner key mismatch");
  std::string high_padded = layout("success", "dingxxxxxx", 27, '\x21');
  expect_refusal(crypto.decrypt(forge(high_padded)), Status::PermissionDenied,
                 "owner key mismatch");
  // And when the layout fills whole blocks with no pad at all, the last byte ('x', 0x78) is
  // outside 1..32, so nothing is stripped and the message decrypts.
  std::string unpadded = layout("successsuccess1234", "dingxxxxxx", 0, '\0');
  ASSERT_EQ(unpadded.size(), 48u);
  auto result = crypto.decrypt(forge(unpadded));
  ASSERT_TRUE(result.ok()) << result.outcome().message();
  EXPECT_EQ(*result, "successsuccess1234");
}

TEST(DingTalkCallbackRefusals, InvalidBase64) {
  CallbackCrypto crypto = make_a();
  expect_refusal(crypto.decrypt("not base64!"), Status::InvalidArgument,
                 "encrypt is not valid base64");
  std::string encrypt = kVectors[0].encrypt;
  expect_refusal(crypto.decrypt(encrypt.substr(0, encrypt.size() - 1)), Status::InvalidArgument,
                 "encrypt is not valid base64");
  std::replace(encrypt.begin(), encrypt.end(), '/', '_');  // URL-safe alphabet
  expect_refusal(crypto.decrypt(encrypt), Status::InvalidArgument, "encrypt is not valid base64");
}

TEST(DingTalkCallbackRefusals, CorruptedLengthField) {
  CallbackCrypto crypto = make_a();
  // A valid layout whose length field claims more bytes than follow it.
  std::string plain = layout("success", "dingxxxxxx", 27, '\x1b');
  for (uint32_t bad : {18u, 1000u, 0xFFFFFFFFu}) {
    SCOPED_TRACE(bad);
    plain.replace(16, 4, be32(bad));
    expect_refusal(crypto.decrypt(forge(plain)), Status::InvalidArgument,
                   "length field out of range");
  }
  // 17 still fits (the owner key shrinks to "x"), so the trailer check is what catches it.
  plain.replace(16, 4, be32(17));
  expect_refusal(crypto.decrypt(forge(plain)), Status::PermissionDenied, "owner key mismatch");
}

TEST(DingTalkCallbackRefusals, AesKeyOfWrongLengthOrCharacters) {
  const std::string good(kKeyA);
  struct Case {
    std::string key;
    std::string message;
  };
  const Case cases[] = {
      {good.substr(0, 42),
       "aes_key must be exactly 43 characters of [A-Za-z0-9], got 42 characters"},
      {good + "a", "aes_key must be exactly 43 characters of [A-Za-z0-9], got 44 characters"},
      {good + "=", "aes_key must be exactly 43 characters of [A-Za-z0-9], got 44 characters"},
      {"", "aes_key must be exactly 43 characters of [A-Za-z0-9], got 0 characters"},
      {good.substr(0, 10) + "+" + good.substr(11),
       "aes_key must be exactly 43 characters of [A-Za-z0-9]; character 11 is not one of them"},
      {good.substr(0, 42) + "/",
       "aes_key must be exactly 43 characters of [A-Za-z0-9]; character 43 is not one of them"},
      {good.substr(0, 20) + "\xe4" + good.substr(21),
       "aes_key must be exactly 43 characters of [A-Za-z0-9]; character 21 is not one of them"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    auto crypto = CallbackCrypto::create("tokenxxxx", c.key, "dingxxxxxx");
    ASSERT_FALSE(crypto.ok());
    EXPECT_EQ(crypto.outcome().code(), Status::InvalidArgument);
    EXPECT_EQ(crypto.outcome().message(), c.message);
    EXPECT_EQ(crypto.outcome().message().find(good.substr(0, 8)), std::string::npos);
  }
}

}  // namespace
}  // namespace courthub::dingtalk
