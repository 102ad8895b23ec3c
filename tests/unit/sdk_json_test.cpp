// SPDX-License-Identifier: Apache-2.0
// The SDK's JSON value: parsing, building, escaping, errors, and temporaries that do not dangle.
#include <gtest/gtest.h>

#include "courthub/json.hpp"

namespace courthub {
namespace {

TEST(SdkJson, RoundTripsUnicodeEscapesAndNumbers) {
  Json j = Json::parse(R"({"name":"张三","e":"\u4e2d\ud83d\ude00","n":-12,"d":1.5,"b":true,"z":null,"a":[1,"x"]})");
  EXPECT_EQ(j["name"].as_string(), "张三");
  EXPECT_EQ(j["e"].as_string(), "中😀");
  EXPECT_EQ(j["n"].as_int(), -12);
  EXPECT_DOUBLE_EQ(j["d"].as_double(), 1.5);
  EXPECT_TRUE(j["b"].as_bool());
  EXPECT_TRUE(j["z"].is_null());
  EXPECT_EQ(j["a"].at(1).as_string(), "x");
  EXPECT_EQ(Json::parse(j.dump()), j);
  EXPECT_EQ(Json("a\"b\\c\n\x01").dump(), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(SdkJson, EscapesOnlyWhatNeedsEscapingInsideLongRuns) {
  std::string plain(300, 'x');
  std::string text = plain + "\"" + "中文" + "\t" + plain + "\\";
  std::string dumped = Json(text).dump();
  EXPECT_EQ(dumped, "\"" + plain + "\\\"中文\\t" + plain + "\\\\\"");
  EXPECT_EQ(Json::parse(dumped).as_string(), text);
  EXPECT_THROW(Json::parse("\"abc\ndef\""), JsonError);  // raw control character
  EXPECT_THROW(Json::parse("\"abcdef"), JsonError);       // unterminated after a run
}

TEST(SdkJson, SetCopiesAMemberOfTheSameObject) {
  Json j = Json::object();
  for (int i = 0; i < 64; ++i) j["k" + std::to_string(i)] = Json(std::string(40, 'a' + i % 26));
  // Every insertion may move the members; set() takes its value by value, so this is safe.
  for (int i = 0; i < 64; ++i) j.set("copy" + std::to_string(i), j["k" + std::to_string(i)]);
  for (int i = 0; i < 64; ++i)
    EXPECT_EQ(j["copy" + std::to_string(i)].as_string(), std::string(40, 'a' + i % 26));
  EXPECT_EQ(j.set("k0", Json(7)).as_int(), 7);
  EXPECT_EQ(j["k0"].as_int(), 7);
}

TEST(SdkJson, ParseErrorsSayWhereAndTypeErrorsSayWhat) {
  try {
    Json::parse(R"({"a": [1, 2,]})");
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_NE(std::string(e.what()).find("at offset 12"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Json::parse("{} x"), JsonError);
  EXPECT_THROW(Json::parse("\"\\ud800\""), JsonError);
  try {
    Json(5).as_string();
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_STREQ(e.what(), "expected a string, found an integer");
  }
}

TEST(SdkJson, MissingMembersReadAsNullAndWritesInsert) {
  Json j = Json::object();
  EXPECT_TRUE(static_cast<const Json&>(j)["absent"].is_null());
  EXPECT_EQ(j.get_string("absent", "fallback"), "fallback");
  j["x"]["y"] = 3;
  EXPECT_EQ(j.dump(), R"({"x":{"y":3}})");
}

TEST(SdkJson, RangeForOverATemporaryMemberIsSafe) {
  // The result of parse() dies at the end of the full expression; these overloads copy out.
  int sum = 0;
  for (auto& v : Json::parse(R"({"items":[1,2,3]})")["items"].as_array()) sum += v.as_int();
  EXPECT_EQ(sum, 6);
}

}  // namespace
}  // namespace courthub
