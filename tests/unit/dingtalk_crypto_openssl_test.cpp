// SPDX-License-Identifier: Apache-2.0
// Cross-checks the DingTalk callback crypto against the `openssl` command-line tool.
//
// The CLI is an independent implementation of AES-256-CBC, SHA1 and HMAC: agreeing with it
// shows our EVP calls, key/IV derivation, base64 and padding are right, not merely
// self-consistent. The project's setup installs openssl; a missing tool is a failure.

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "host/dingtalk/base64.hpp"
#include "host/dingtalk/callback_crypto.hpp"
#include "host/dingtalk/robot_signature.hpp"

namespace courthub::dingtalk {
namespace {

constexpr std::string_view kAesKey = "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus";
constexpr std::string_view kOwner = "dingxxxxxx";

std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
  }
  return out;
}

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

uint32_t read_be32(std::string_view b) {
  return (uint32_t{static_cast<unsigned char>(b[0])} << 24) |
         (uint32_t{static_cast<unsigned char>(b[1])} << 16) |
         (uint32_t{static_cast<unsigned char>(b[2])} << 8) |
         uint32_t{static_cast<unsigned char>(b[3])};
}

// A mkstemp file, removed when the test ends.
class TempFile {
 public:
  TempFile() {
    char name[] = "/tmp/courthub_dingtalk_XXXXXX";
    int fd = mkstemp(name);
    if (fd >= 0) {
      close(fd);
      path_ = name;
    }
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  void write(std::string_view bytes) const {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  std::string path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
  result.status = pclose(pipe);
  return result;
}

std::string trim_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

class DingTalkOpensslCrossCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_command("command -v openssl").status != 0) {
      FAIL() << "the `openssl` command-line tool is not on PATH; install the openssl package "
                "(e.g. `apt-get install openssl`) - these cross-checks must not be skipped";
    }
    auto created = CallbackCrypto::create("tokenxxxx", std::string(kAesKey), std::string(kOwner));
    ASSERT_TRUE(created.ok()) << created.outcome().message();
    crypto_ = std::make_unique<CallbackCrypto>(std::move(*created));
    std::string key = base64_decode_key(kAesKey);
    key_hex_ = to_hex(key);
    iv_hex_ = to_hex(key.substr(0, 16));
  }

  // `openssl enc` with our key and IV, no cipher padding, base64 on one line.
  CommandResult openssl_enc(bool decrypting, const TempFile& in, const TempFile& out) const {
    return run_command("openssl enc " + std::string(decrypting ? "-d " : "") + "-aes-256-cbc -K " +
                       key_hex_ + " -iv " + iv_hex_ + " -nopad -base64 -A -in " + in.path() +
                       " -out " + out.path());
  }

  std::unique_ptr<CallbackCrypto> crypto_;
  std::string key_hex_;
  std::string iv_hex_;
};

TEST_F(DingTalkOpensslCrossCheck, OurEncryptDecryptsWithOpenssl) {
  const std::string messages[] = {"", "success", R"({"title":"赵云提交的审批任务"})",
                                  std::string(10 * 1024, 'z')};
  for (const std::string& message : messages) {
    SCOPED_TRACE(message.substr(0, 40));
    TempFile in, out;
    ASSERT_TRUE(in.ok() && out.ok());
    in.write(crypto_->encrypt(message) + "\n");
    CommandResult r = openssl_enc(true, in, out);
    ASSERT_EQ(r.status, 0) << r.output;
    std::string padded = out.read();

    // random16 || be32(len) || msg || owner || PKCS#7 with block 32.
    ASSERT_EQ(padded.size() % 32, 0u);
    size_t body = 20 + message.size() + kOwner.size();
    size_t pad = padded.size() - body;
    ASSERT_GE(pad, 1u);
    ASSERT_LE(pad, 32u);
    EXPECT_EQ(padded.substr(body), std::string(pad, static_cast<char>(pad)));
    for (char c : padded.substr(0, 16)) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)));
    EXPECT_EQ(read_be32(std::string_view(padded).substr(16, 4)), message.size());
    EXPECT_EQ(padded.substr(20, message.size()), message);
    EXPECT_EQ(padded.substr(20 + message.size(), kOwner.size()), kOwner);
  }
}

TEST_F(DingTalkOpensslCrossCheck, OpensslEncryptDecryptsWithOurs) {
  // Both pad conventions in the wild: 32 (Java, PHP, Python) and 16 (the Go sample).
  struct Case {
    std::string message;
    size_t block;
  };
  const Case cases[] = {{"success", 32},
                        {"success", 16},
                        {R"({"EventType":"check_url"})", 32},
                        {"中文消息：法院立案通知", 32},
                        {std::string(10 * 1024, 'q'), 16}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message.substr(0, 40) + " block " + std::to_string(c.block));
    std::string plain = "AbCdEfGh12345678" + be32(static_cast<uint32_t>(c.message.size())) +
                        c.message + std::string(kOwner);
    size_t pad = c.block - plain.size() % c.block;
    plain.append(pad, static_cast<char>(pad));

    TempFile in, out;
    ASSERT_TRUE(in.ok() && out.ok());
    in.write(plain);
    CommandResult r = openssl_enc(false, in, out);
    ASSERT_EQ(r.status, 0) << r.output;
    std::string encrypt = trim_newlines(out.read());
    ASSERT_EQ(encrypt.find('\n'), std::string::npos);  // -A: one line

    auto decrypted = crypto_->decrypt(encrypt);
    ASSERT_TRUE(decrypted.ok()) << decrypted.outcome().message();
    EXPECT_EQ(*decrypted, c.message);
    if (c.block == 32) {
      // Same random prefix, same pad: our encrypt must give openssl's bytes exactly.
      EXPECT_EQ(crypto_->encrypt(c.message, "AbCdEfGh12345678"), encrypt);
    }
  }
}

TEST_F(DingTalkOpensslCrossCheck, Sha1SignatureMatchesOpensslDgst) {
  const std::string timestamp = "1700000000000";
  const std::string nonce = "nonce123";
  const std::string encrypt = crypto_->encrypt("success");
  std::array<std::string, 4> parts = {"tokenxxxx", timestamp, nonce, encrypt};
  std::sort(parts.begin(), parts.end());
  TempFile in;
  ASSERT_TRUE(in.ok());
  in.write(parts[0] + parts[1] + parts[2] + parts[3]);
  CommandResult r = run_command("openssl dgst -sha1 -r " + in.path());
  ASSERT_EQ(r.status, 0) << r.output;
  ASSERT_GE(r.output.size(), 40u) << r.output;
  EXPECT_EQ(crypto_->signature(timestamp, nonce, encrypt), r.output.substr(0, 40));
}

TEST_F(DingTalkOpensslCrossCheck, RobotHmacMatchesOpensslDgst) {
  const std::string timestamp = "1577262236757";
  const std::string secret = "this is secret";
  TempFile in, out;
  ASSERT_TRUE(in.ok() && out.ok());
  in.write(timestamp + "\n" + secret);
  // hexkey keeps the secret out of shell quoting.
  CommandResult r = run_command("openssl dgst -sha256 -mac HMAC -macopt hexkey:" + to_hex(secret) +
                                " -binary -out " + out.path() + " " + in.path());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(robot_sign(timestamp, secret), base64_encode(out.read()));
  EXPECT_EQ(base64_encode(out.read()), "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
}

}  // namespace
}  // namespace courthub::dingtalk
