// SPDX-License-Identifier: Apache-2.0
// Tests ${VAR} expansion: values, defaults, $$, and errors that name the variable.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

#include "host/config/env_expansion.hpp"

namespace courthub::config {
namespace {

Env env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string expanded(std::string_view text, const Env& env) {
  Expected<std::string> out = expand_env(text, env);
  EXPECT_TRUE(out.ok()) << out.outcome().message();
  return out.ok() ? *out : "<error>";
}

std::string failure(std::string_view text, const Env& env, bool secret = false) {
  Expected<std::string> out = expand_env(text, env, secret);
  EXPECT_FALSE(out.ok()) << "expanded to " << (out.ok() ? *out : "");
  EXPECT_EQ(out.outcome().code(), Status::InvalidArgument);
  return out.outcome().message();
}

TEST(ConfigEnvExpansion, LeavesTextWithoutReferencesAlone) {
  Env env = env_of({});
  EXPECT_EQ(expanded("", env), "");
  EXPECT_EQ(expanded("plain text: 42", env), "plain text: 42");
  EXPECT_EQ(expanded("中文 {braces} and }", env), "中文 {braces} and }");
}

TEST(ConfigEnvExpansion, ReplacesVariables) {
  Env env = env_of({{"HOST", "10.0.0.1"}, {"PORT", "9000"}, {"EMPTY", ""}, {"_x1", "u"}});
  EXPECT_EQ(expanded("${HOST}", env), "10.0.0.1");
  EXPECT_EQ(expanded("${HOST}:${PORT}", env), "10.0.0.1:9000");
  EXPECT_EQ(expanded("http://${HOST}/api", env), "http://10.0.0.1/api");
  EXPECT_EQ(expanded("${_x1}", env), "u");
  EXPECT_EQ(expanded("[${EMPTY}]", env), "[]");  // set but empty is not an error
}

TEST(ConfigEnvExpansion, DefaultsApplyWhenUnsetOrEmpty) {
  Env env = env_of({{"SET", "value"}, {"EMPTY", ""}});
  EXPECT_EQ(expanded("${UNSET:-fallback}", env), "fallback");
  EXPECT_EQ(expanded("${EMPTY:-fallback}", env), "fallback");
  EXPECT_EQ(expanded("${SET:-fallback}", env), "value");
  EXPECT_EQ(expanded("${UNSET:-}", env), "");
  EXPECT_EQ(expanded("${UNSET:-http://h:1/p q}", env), "http://h:1/p q");
  EXPECT_EQ(expanded("${UNSET:-a:-b}", env), "a:-b");
  // The default is literal: no second round of expansion.
  EXPECT_EQ(expanded("${UNSET:-$SET}", env), "$SET");
}

TEST(ConfigEnvExpansion, ADefaultMayReferToAnotherVariable) {
  // One variable (the double's port) moves every address built on it, and each address can
  // still be overridden whole.
  const char* api = "${API:-http://127.0.0.1:${PORT:-9090}}/gettoken";
  EXPECT_EQ(expanded(api, env_of({})), "http://127.0.0.1:9090/gettoken");
  EXPECT_EQ(expanded(api, env_of({{"PORT", "19090"}})), "http://127.0.0.1:19090/gettoken");
  EXPECT_EQ(expanded(api, env_of({{"API", "https://x"}, {"PORT", "1"}})), "https://x/gettoken");
  EXPECT_EQ(expanded("${A:-${B:-${C:-deep}}}!", env_of({})), "deep!");
  // A default that is not used is not expanded, so its unset variables are no error.
  EXPECT_EQ(expanded("${A:-${UNSET}}", env_of({{"A", "a"}})), "a");
  EXPECT_NE(failure("${A:-${UNSET}}", env_of({})).find("UNSET is not set"), std::string::npos);
  EXPECT_NE(failure("${A:-${B:-x}", env_of({})).find("unterminated"), std::string::npos);
}

TEST(ConfigEnvExpansion, DollarDollarIsALiteralDollar) {
  Env env = env_of({{"A", "x"}});
  EXPECT_EQ(expanded("$$", env), "$");
  EXPECT_EQ(expanded("$${A}", env), "${A}");
  EXPECT_EQ(expanded("$$${A}", env), "$x");
  EXPECT_EQ(expanded("cost: 5$$", env), "cost: 5$");
}

TEST(ConfigEnvExpansion, OtherDollarsStayAsWritten) {
  Env env = env_of({{"A", "x"}});
  EXPECT_EQ(expanded("pa$word", env), "pa$word");
  EXPECT_EQ(expanded("$A", env), "$A");
  EXPECT_EQ(expanded("end$", env), "end$");
}

TEST(ConfigEnvExpansion, ValuesAreNotExpandedAgain) {
  Env env = env_of({{"A", "${B}"}, {"B", "no"}});
  EXPECT_EQ(expanded("${A}", env), "${B}");
}

TEST(ConfigEnvExpansion, UnsetVariableWithoutDefaultIsAnErrorNamingIt) {
  std::string message = failure("token-${COURTHUB_ADMIN_TOKEN}", env_of({}));
  EXPECT_NE(message.find("COURTHUB_ADMIN_TOKEN is not set"), std::string::npos) << message;
  EXPECT_NE(message.find("${COURTHUB_ADMIN_TOKEN:-default}"), std::string::npos) << message;
}

TEST(ConfigEnvExpansion, BadNamesAreErrors) {
  Env env = env_of({{"A", "x"}});
  EXPECT_NE(failure("${1ABC}", env).find("'${1ABC}' does not name a variable"), std::string::npos);
  EXPECT_NE(failure("${}", env).find("'${}' does not name a variable"), std::string::npos);
  EXPECT_NE(failure("${A-b}", env).find("'${A-b}'"), std::string::npos);
  EXPECT_NE(failure("${A B}", env).find("'${A B}'"), std::string::npos);
  EXPECT_NE(failure("${A:=b}", env).find("${NAME:-default}"), std::string::npos);
}

TEST(ConfigEnvExpansion, UnterminatedReferenceIsAnErrorNamingIt) {
  std::string message = failure("x${DB_HOST", env_of({}));
  EXPECT_NE(message.find("unterminated '${DB_HOST'"), std::string::npos) << message;
  EXPECT_NE(failure("${", env_of({})).find("unterminated '${'"), std::string::npos);
}

TEST(ConfigEnvExpansion, SecretTextIsNotQuotedInErrors) {
  Env env = env_of({});
  std::string bad_name = failure("s3cr3t${not a name}tail", env, true);
  EXPECT_EQ(bad_name.find("not a name"), std::string::npos) << bad_name;
  EXPECT_EQ(bad_name.find("s3cr3t"), std::string::npos) << bad_name;
  std::string unterminated = failure("s3cr3t${Sup3rS3cret", env, true);
  EXPECT_EQ(unterminated.find("Sup3rS3cret"), std::string::npos) << unterminated;
  EXPECT_EQ(unterminated.find("s3cr3t"), std::string::npos) << unterminated;
  // An unset variable's name is not a secret and is what the reader needs.
  EXPECT_NE(failure("${ADMIN_TOKEN}", env, true).find("ADMIN_TOKEN"), std::string::npos);
}

TEST(ConfigEnvExpansion, MentionsEnvSpotsReferences) {
  EXPECT_TRUE(mentions_env("${A}"));
  EXPECT_TRUE(mentions_env("x${A:-b}y"));
  EXPECT_FALSE(mentions_env("literal-secret"));
  EXPECT_FALSE(mentions_env("$A"));
}

TEST(ConfigEnvExpansion, ProcessEnvReadsTheEnvironment) {
  Env env = process_env();
  const char* path = std::getenv("PATH");
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(env("PATH"), std::optional<std::string>(path));
  EXPECT_EQ(env("COURTHUB_TEST_SURELY_UNSET_VARIABLE_7f3a"), std::nullopt);
}

}  // namespace
}  // namespace courthub::config
