// SPDX-License-Identifier: Apache-2.0
// Stream mode frames (dingtalk-protocol.md §5.3-5.5): parsing, ACKs, and an EVENT turned into
// the event HTTP push carries (host/dingtalk/stream_frames).
#include <gtest/gtest.h>

#include "host/dingtalk/event_keys.hpp"
#include "host/dingtalk/stream_frames.hpp"

namespace courthub::dingtalk {
namespace {

// The protocol document's example frame (§5.3).
const char* kUserAdd =
    R"({"specVersion":"1.0","type":"EVENT",
        "headers":{"topic":"*","messageId":"213d841d_972_1898bb26334_70a7",
                   "contentType":"application/json","time":"1693221579964",
                   "eventType":"user_add_org","eventId":"c7c7120f2c07419ebdba0318c8",
                   "eventCorpId":"ding9f50b15b16741","eventBornTime":"1683533823336",
                   "eventUnifiedAppId":"bbb381b6-f01x58daac"},
        "data":"{\"timeStamp\":\"1685501863357\",\"userId\":[\"015227\"]}"})";

TEST(StreamFrames, ParsesTheDocumentsEventFrame) {
  auto f = parse_stream_frame(kUserAdd);
  ASSERT_TRUE(f) << f.outcome().message();
  EXPECT_EQ(f->type, "EVENT");
  EXPECT_EQ(f->topic, "*");
  EXPECT_EQ(f->message_id, "213d841d_972_1898bb26334_70a7");
  EXPECT_EQ(f->headers["eventType"], "user_add_org");
  EXPECT_EQ(Json::parse(f->data)["userId"][0], "015227");
}

TEST(StreamFrames, RefusesFramesWithoutTheirParts) {
  EXPECT_FALSE(parse_stream_frame("not json"));
  EXPECT_FALSE(parse_stream_frame("[1]"));
  EXPECT_FALSE(parse_stream_frame(R"({"headers":{"messageId":"m"}})"));  // no type
  EXPECT_FALSE(parse_stream_frame(R"({"type":"EVENT"})"));                // no headers
  auto no_id = parse_stream_frame(R"({"type":"EVENT","headers":{"topic":"*"}})");
  ASSERT_FALSE(no_id);
  EXPECT_NE(no_id.outcome().message().find("messageId"), std::string::npos);
}

TEST(StreamFrames, AcksNameTheMessageAndCarryTheirData) {
  auto f = parse_stream_frame(kUserAdd);
  ASSERT_TRUE(f);
  Json ok = Json::parse(event_ack(*f, true));
  EXPECT_EQ(ok["code"], 200);
  EXPECT_EQ(ok["headers"]["messageId"], "213d841d_972_1898bb26334_70a7");
  EXPECT_EQ(ok["headers"]["contentType"], "application/json");
  EXPECT_EQ(Json::parse(ok["data"].get<std::string>())["status"], "SUCCESS");
  Json later = Json::parse(event_ack(*f, false));
  EXPECT_EQ(later["code"], 500);
  EXPECT_EQ(Json::parse(later["data"].get<std::string>())["status"], "LATER");
  auto ping = parse_stream_frame(
      R"({"type":"SYSTEM","headers":{"topic":"ping","messageId":"p1"},"data":"{\"opaque\":\"x\"}"})");
  ASSERT_TRUE(ping);
  Json echo = Json::parse(stream_ack(*ping, 200, "OK", ping->data));
  EXPECT_EQ(echo["data"], "{\"opaque\":\"x\"}");
}

// §5.4: a CALLBACK's ACK carries {"response": <the answer>} as a JSON string; null when there is
// none.
TEST(StreamFrames, ACallbackAckCarriesTheResponse) {
  auto f = parse_stream_frame(
      R"({"type":"CALLBACK","headers":{"topic":"/v1.0/im/bot/messages/get","messageId":"c1"},)"
      R"("data":"{\"msgId\":\"m1\"}"})");
  ASSERT_TRUE(f);
  Json ack = Json::parse(callback_ack(*f, 200, "OK", Json::object({{"msgtype", "text"}})));
  EXPECT_EQ(ack["code"], 200);
  EXPECT_EQ(ack["headers"]["messageId"], "c1");
  EXPECT_EQ(ack["data"], R"({"response":{"msgtype":"text"}})");
  Json refused = Json::parse(callback_ack(*f, 400, "this card was not sent to you", Json()));
  EXPECT_EQ(refused["code"], 400);
  EXPECT_EQ(refused["message"], "this card was not sent to you");
  EXPECT_EQ(refused["data"], R"({"response":null})");
}

// §5.1: every event, and the robot's and the cards' callbacks.
TEST(StreamFrames, TheSubscriptionsAreEventsRobotMessagesAndCardPresses) {
  EXPECT_EQ(stream_subscriptions(),
            Json::parse(R"([{"type":"EVENT","topic":"*"},
                            {"type":"CALLBACK","topic":"/v1.0/im/bot/messages/get"},
                            {"type":"CALLBACK","topic":"/v1.0/card/instances/callback"}])"));
}

TEST(StreamFrames, AContactEventReadsAsHttpPushWouldCarryIt) {
  auto f = parse_stream_frame(kUserAdd);
  ASSERT_TRUE(f);
  auto event = stream_event_as_push(*f);
  ASSERT_TRUE(event) << event.outcome().message();
  EXPECT_EQ(*event, Json::parse(R"({"EventType":"user_add_org","TimeStamp":"1685501863357",
                                    "UserId":["015227"],"CorpId":"ding9f50b15b16741"})"));
  // The same key whether DingTalk pushed it once or again, on any host.
  EXPECT_EQ(stream_event_key(*f, *event), "stream:c7c7120f2c07419ebdba0318c8");
}

TEST(StreamFrames, AnApprovalEventKeepsItsLowerCaseNames) {
  Json frame = Json::parse(kUserAdd);
  frame["headers"]["eventType"] = "bpms_instance_change";
  frame["headers"].erase("eventId");
  frame["data"] = R"({"processInstanceId":"pi-1","corpId":"dingc","type":"finish",
                      "result":"agree","staffId":"s1","processCode":"PROC-1"})";
  auto f = parse_stream_frame(frame.dump());
  ASSERT_TRUE(f);
  auto event = stream_event_as_push(*f);
  ASSERT_TRUE(event);
  EXPECT_EQ((*event)["corpId"], "dingc");
  EXPECT_FALSE(event->contains("CorpId"));
  EXPECT_EQ((*event)["EventType"], "bpms_instance_change");
  // Without an eventId the HTTP push rule keys it.
  EXPECT_EQ(stream_event_key(*f, *event), event_dedup_key(*event));
}

TEST(StreamFrames, AnEventWithoutTypeOrObjectDataIsRefused) {
  Json frame = Json::parse(kUserAdd);
  frame["headers"].erase("eventType");
  EXPECT_FALSE(stream_event_as_push(*parse_stream_frame(frame.dump())));
  frame = Json::parse(kUserAdd);
  frame["data"] = "[1, 2]";
  EXPECT_FALSE(stream_event_as_push(*parse_stream_frame(frame.dump())));
}

}  // namespace
}  // namespace courthub::dingtalk
