// SPDX-License-Identifier: Apache-2.0
// The rule for a new password, argon2id hashes, temporary passwords.
#include <gtest/gtest.h>

#include "password.hpp"

namespace lawyers {
namespace {

TEST(Password, TheRule) {
  EXPECT_FALSE(password_problem("lawyer2026pass"));
  EXPECT_FALSE(password_problem("律师服务平台密码a1"));  // 10 characters, not bytes
  EXPECT_TRUE(password_problem("short1a"));
  EXPECT_TRUE(password_problem("onlyletterswithoutdigits"));
  EXPECT_TRUE(password_problem("1234567890123"));
  EXPECT_TRUE(password_problem(std::string(129, 'a') + "1"));
}

TEST(Password, HashesAreArgon2idAndVerify) {
  const std::string hash = hash_password("lawyer2026pass", PasswordCost::Interactive);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(password_matches("lawyer2026pass", hash));
  EXPECT_FALSE(password_matches("lawyer2026pasS", hash));
  EXPECT_FALSE(password_matches("lawyer2026pass", "not a hash"));
  EXPECT_FALSE(password_matches("anything", decoy_hash(PasswordCost::Interactive)));
}

TEST(Password, TemporaryPasswordsMeetTheRuleAndDiffer) {
  const std::string a = temporary_password(), b = temporary_password();
  EXPECT_FALSE(password_problem(a)) << a;
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace lawyers
