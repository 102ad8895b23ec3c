// SPDX-License-Identifier: Apache-2.0
// Reading an interactive-card callback body (host/dingtalk/card_press).
#include "host/dingtalk/card_press.hpp"

#include <gtest/gtest.h>

namespace courthub::dingtalk {
namespace {

Json body_with(const std::string& private_data_json) {
  return Json::object({{"userId", "u1"}, {"outTrackId", "t1"}, {"value", private_data_json}});
}

TEST(CardPress, TheSpecsExampleIsALikePress) {
  // shared/docs/dingtalk-protocol.md, interactive card callback.
  Json body = Json::parse(R"({"corpId":"dingxxxx","type":"actionCallback","userId":"xxxx",
    "outTrackId":"xxxx",
    "value":"{\"cardPrivateData\":{\"actionIds\":[\"single_button_node_ocltl6e6foq\"],\"params\":{\"action\":\"like\"}}}"})");
  auto parsed = parse_card_press(body);
  ASSERT_TRUE(std::holds_alternative<CardPress>(parsed));
  const auto& press = std::get<CardPress>(parsed);
  EXPECT_EQ(press.action, "like");
  EXPECT_EQ(press.params, Json::object({{"action", "like"}}));
  EXPECT_EQ(press.user, "xxxx");
  EXPECT_EQ(press.out_track_id, "xxxx");
}

TEST(CardPress, TheFirstActionIdStandsInForAMissingAction) {
  auto parsed = parse_card_press(
      body_with(R"({"cardPrivateData":{"actionIds":["approve"],"params":{"id":12}}})"));
  ASSERT_TRUE(std::holds_alternative<CardPress>(parsed));
  EXPECT_EQ(std::get<CardPress>(parsed).action, "approve");
  EXPECT_EQ(std::get<CardPress>(parsed).params, Json::object({{"id", 12}}));
}

TEST(CardPress, ContentIsReadWhenValueIsNotPrivateData) {
  Json body = Json::object({{"value", "not json"},
                            {"content", R"({"cardPrivateData":{"params":{"action":"x"}}})"}});
  auto parsed = parse_card_press(body);
  ASSERT_TRUE(std::holds_alternative<CardPress>(parsed));
  EXPECT_EQ(std::get<CardPress>(parsed).action, "x");
  EXPECT_EQ(std::get<CardPress>(parsed).user, "");
}

TEST(CardPress, BodiesWithoutPrivateDataAreRefused) {
  for (const Json& body :
       {Json::parse("[]"), Json::parse("{}"), body_with("not json"), body_with("[1]"),
        body_with(R"({"cardPrivateData":[]})"), Json::object({{"value", 5}})}) {
    auto parsed = parse_card_press(body);
    ASSERT_TRUE(std::holds_alternative<CardPressProblem>(parsed)) << body.dump();
    EXPECT_EQ(std::get<CardPressProblem>(parsed), CardPressProblem::NoPrivateData);
  }
}

// Fields of the wrong type are bad input, answered 400/403 by the endpoint: before, reading
// them threw out of the handler and the caller got a 500.
TEST(CardPress, FieldsOfTheWrongTypeAreAbsentNotAnError) {
  auto no_action = parse_card_press(body_with(R"({"cardPrivateData":{"params":{"action":7}}})"));
  ASSERT_TRUE(std::holds_alternative<CardPressProblem>(no_action));
  EXPECT_EQ(std::get<CardPressProblem>(no_action), CardPressProblem::NoAction);

  Json body = Json::object({{"userId", 5},
                            {"outTrackId", Json::array({1})},
                            {"value", R"({"cardPrivateData":{"actionIds":[3,"b"]}})"}});
  EXPECT_TRUE(std::holds_alternative<CardPressProblem>(parse_card_press(body)));
  body["value"] = R"({"cardPrivateData":{"actionIds":["b"],"params":"x"}})";
  auto parsed = parse_card_press(body);
  ASSERT_TRUE(std::holds_alternative<CardPress>(parsed));
  EXPECT_EQ(std::get<CardPress>(parsed).action, "b");
  EXPECT_EQ(std::get<CardPress>(parsed).params, Json::object());
  EXPECT_EQ(std::get<CardPress>(parsed).user, "");
  EXPECT_EQ(std::get<CardPress>(parsed).out_track_id, "");
}

}  // namespace
}  // namespace courthub::dingtalk
