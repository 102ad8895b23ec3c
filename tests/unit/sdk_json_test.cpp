// SPDX-License-Identifier: Apache-2.0
// The SDK's JSON: courthub::Json (nlohmann::ordered_json) and the checked reads in json.hpp.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdint>
#include <locale>

#include "courthub/database.hpp"
#include "courthub/json.hpp"
#include "courthub/plugin.hpp"

namespace courthub {
namespace {

// The message of the InvalidArgument `fn` throws ("" when it throws nothing).
template <class F>
std::string refusal(F&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::InvalidArgument);
    return e.what();
  }
  return "";
}

TEST(SdkJson, RoundTripsUnicodeEscapesAndKeepsMemberOrder) {
  Json j = Json::parse(R"({"z":1,"name":"张三","e":"\u4e2d\ud83d\ude00","d":1.5,"a":[1,"x"]})");
  EXPECT_EQ(j["name"], "张三");
  EXPECT_EQ(j["e"], "中😀");
  EXPECT_EQ(j.dump(), R"({"z":1,"name":"张三","e":"中😀","d":1.5,"a":[1,"x"]})");
}

TEST(SdkJson, AWrongTypeIsAnErrorNamingTheField) {
  Json j = Json::parse(R"({"name": 7, "ok": "yes", "n": "3", "list": {}})");
  EXPECT_EQ(refusal([&] { json::get<std::string>(j, "name"); }), "'name' must be a string");
  EXPECT_EQ(refusal([&] { json::get<bool>(j, "ok", false); }), "'ok' must be a boolean");
  EXPECT_EQ(refusal([&] { json::require<int64_t>(j, "n"); }), "'n' must be an integer");
  EXPECT_EQ(refusal([&] { json::require<std::string>(j, "to"); }), "'to' is required");
  // Absent or null: the fallback.
  EXPECT_EQ(json::get<std::string>(Json::parse(R"({"name": null})"), "name", "x"), "x");
  EXPECT_EQ(json::get<int64_t>(j, "missing", 5), 5);
}

TEST(SdkJson, IntegersThatDoNotFitAreRefusedNotWrapped) {
  for (const char* text : {R"({"n": 18446744073709551615})", R"({"n": 9223372036854775808})",
                           R"({"n": 1e19})", R"({"n": -1e19})"}) {
    Json j = Json::parse(text);
    EXPECT_EQ(refusal([&] { json::get<int64_t>(j, "n"); }), "'n' is out of range") << text;
  }
  EXPECT_EQ(refusal([&] { json::get<int>(Json::parse(R"({"n": 2147483648})"), "n"); }),
            "'n' is out of range");
  EXPECT_EQ(refusal([&] { json::get<int64_t>(Json::parse(R"({"n": 1.5})"), "n"); }),
            "'n' must be an integer");
  EXPECT_EQ(json::get<int64_t>(Json::parse(R"({"n": 9223372036854775807})"), "n"), INT64_MAX);
  EXPECT_EQ(json::get<int64_t>(Json::parse(R"({"n": -9223372036854775808})"), "n"), INT64_MIN);
  EXPECT_EQ(json::get<int64_t>(Json::parse(R"({"n": 3.0})"), "n"), 3);
}

TEST(SdkJson, NumbersDoNotDependOnTheProcessLocale) {
  // A comma-decimal locale, as a plugin linking some C library might set it.
  const char* before = std::setlocale(LC_ALL, nullptr);
  std::string saved = before ? before : "C";
  if (!std::setlocale(LC_ALL, "de_DE.UTF-8"))
    GTEST_SKIP() << "locale de_DE.UTF-8 is not installed (localedef -i de_DE -f UTF-8 de_DE.UTF-8)";
  std::locale::global(std::locale("de_DE.UTF-8"));
  Json j = Json::parse(R"({"d": 1.5, "big": 12345.25})");
  double d = j["d"].get<double>();
  std::string text = j.dump();
  std::locale::global(std::locale::classic());
  std::setlocale(LC_ALL, saved.c_str());
  EXPECT_EQ(d, 1.5);
  EXPECT_EQ(text, R"({"d":1.5,"big":12345.25})");
}

TEST(SdkJson, InvalidUtf8IsRefusedWhenParsedAndReplacedWhenReplying) {
  EXPECT_THROW(Json::parse("{\"to\": \"\xff\"}").dump(), Json::parse_error);
  Request req;
  req.body = "{\"to\": \"a\xc3\"}";
  std::string message = refusal([&] { (void)req.json(); });
  EXPECT_NE(message.find("request body: "), std::string::npos) << message;
  EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;

  Json echo = Json::object({{"path", "/x\xff"}});
  EXPECT_THROW((void)echo.dump(), Json::type_error);             // storing it is refused
  EXPECT_EQ(json::dump(echo), "{\"path\":\"/x\xef\xbf\xbd\"}");  // a reply carries U+FFFD
}

TEST(SdkJson, AConstReadOfAMissingMemberThrowsInsteadOfCrashing) {
  const Json j = Json::object({{"a", 1}});
  EXPECT_THROW((void)j["b"], std::logic_error);
  EXPECT_EQ(json::find(j, "b"), nullptr);
  ASSERT_NE(json::find(j, "a"), nullptr);
  EXPECT_EQ(*json::find(j, "a"), 1);
}

TEST(SdkValue, TakesEveryIntegerTypeAndRefusesWhatSqliteCannotHold) {
  size_t count = 3;
  uint64_t big = uint64_t{1} << 63;
  EXPECT_EQ(Value(count).as_int(), 3);
  EXPECT_EQ(Value(int64_t{-4}).as_int(), -4);
  EXPECT_EQ(Value(uint16_t{7}).as_int(), 7);
  EXPECT_EQ(Value(true).as_int(), 1);
  EXPECT_THROW(Value{big}, Error);
}

}  // namespace
}  // namespace courthub
