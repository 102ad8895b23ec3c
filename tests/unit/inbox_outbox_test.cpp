// SPDX-License-Identifier: Apache-2.0
// The durable inbox and outbox on a real host database: de-duplication, per-subscriber
// delivery, retries, dead letters, splitting, idempotency.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "host/jobs/card_recipients.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/storage/host_schema.hpp"
#include "host/storage/sqlite_database.hpp"
#include "host/time/clock.hpp"

namespace courthub::jobs {
namespace {

class Queues : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-queues-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = std::move(*storage::open_sqlite(dir_ + "/host.db", {}));
    ASSERT_TRUE(storage::migrate(*db_, storage::host_migrations()).ok());
    gc_ = std::make_unique<storage::GroupCommit>(*db_);
  }
  void TearDown() override {
    gc_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Inbox> open_inbox(Inbox::Subscribers subscribers, InboxPolicy policy = {}) {
    auto inbox = Inbox::open(*db_, dir_ + "/journal", true, clock_, std::move(subscribers), policy);
    EXPECT_TRUE(inbox.ok()) << inbox.outcome().message();
    return inbox ? std::move(*inbox) : nullptr;
  }
  std::string dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<storage::GroupCommit> gc_;
  time::ManualClock clock_{1'750'000'000'000};  // 2025-06-15, standing still
};

TEST_F(Queues, InboxStoresOnceAndDeliversToEachSubscriberOnce) {
  auto inbox = open_inbox([](const std::string&) {
    return std::vector<std::string>{"a", "b"};
  });
  auto first = inbox->store("dingtalk", "user_add_org", "k1", R"({"x":1})");
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->duplicate);
  auto again = inbox->store("dingtalk", "user_add_org", "k1", R"({"x":1})");
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->id, first->id);

  std::map<std::string, int> seen;
  auto handler = [&](const std::string& who, const InboxEvent& e) {
    seen[who]++;
    EXPECT_EQ(e.topic, "user_add_org");
    EXPECT_EQ(e.payload, R"({"x":1})");
    return HandleResult{Handled::Done, ""};
  };
  EXPECT_EQ(inbox->deliver_due(handler), 2u);
  EXPECT_EQ(inbox->deliver_due(handler), 0u);
  EXPECT_EQ(seen["a"], 1);
  EXPECT_EQ(seen["b"], 1);
  EXPECT_EQ((*inbox->counts())["done"], 2);
}

TEST_F(Queues, FailingSubscriberIsRetriedAloneThenDeadLetteredAndReplayable) {
  InboxPolicy policy{3, 0, 0};  // no backoff, three attempts
  auto inbox = open_inbox([](const std::string&) { return std::vector<std::string>{"ok", "flaky"}; },
              policy);
  ASSERT_TRUE(inbox->store("plugin", "p.e", "k", "{}").ok());
  std::map<std::string, int> calls;
  auto handler = [&](const std::string& who, const InboxEvent& e) {
    calls[who]++;
    EXPECT_EQ(e.attempt, calls[who]);
    return who == "ok" ? HandleResult{Handled::Done, ""} : HandleResult{Handled::Retry, "down"};
  };
  for (int i = 0; i < 5; ++i) inbox->deliver_due(handler);
  EXPECT_EQ(calls["ok"], 1);
  EXPECT_EQ(calls["flaky"], 3);
  Json dead = *inbox->dead_letters(10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead.at(0)["subscriber"], "flaky");
  EXPECT_EQ(dead.at(0)["last_error"], "down");

  ASSERT_TRUE(inbox->replay(dead.at(0)["event_id"].get<int64_t>(), "flaky").ok());
  EXPECT_EQ(inbox->replay(dead.at(0)["event_id"], "flaky").code(), Status::NotFound);
  auto fixed = [&](const std::string& who, const InboxEvent&) {
    calls[who]++;
    return HandleResult{Handled::Done, ""};
  };
  EXPECT_EQ(inbox->deliver_due(fixed), 1u);
  EXPECT_EQ((*inbox->counts())["dead"], 0);
}

TEST_F(Queues, RejectedEventIsDeadAtOnce) {
  auto inbox = open_inbox([](const std::string&) { return std::vector<std::string>{"p"}; });
  ASSERT_TRUE(inbox->store("dingtalk", "t", "k", "{}").ok());
  inbox->deliver_due([](const std::string&, const InboxEvent&) {
    return HandleResult{Handled::Reject, "malformed"};
  });
  EXPECT_EQ((*inbox->counts())["dead"], 1);
}

TEST_F(Queues, BackoffDelaysTheNextAttempt) {
  InboxPolicy policy{5, 60000, 600000};
  auto inbox = open_inbox([](const std::string&) { return std::vector<std::string>{"p"}; }, policy);
  ASSERT_TRUE(inbox->store("dingtalk", "t", "k", "{}").ok());
  int calls = 0;
  auto handler = [&](const std::string&, const InboxEvent&) {
    ++calls;
    return HandleResult{Handled::Retry, "later"};
  };
  inbox->deliver_due(handler);
  inbox->deliver_due(handler);  // not due for a minute
  EXPECT_EQ(calls, 1);
  EXPECT_EQ((*inbox->counts())["pending"].get<int64_t>(), 1);
  clock_.advance(59'999);
  inbox->deliver_due(handler);
  EXPECT_EQ(calls, 1);
  clock_.advance(1);  // the minute is up on the host clock; no real time has passed
  inbox->deliver_due(handler);
  EXPECT_EQ(calls, 2);
}

struct FakeCourier : Courier {
  std::vector<OutboxMessage> sent;
  std::function<Delivery(const OutboxMessage&)> answer = [](const OutboxMessage&) {
    return Delivery{Delivery::Result::Sent, "", 0};
  };
  Delivery deliver(const OutboxMessage& m) override {
    sent.push_back(m);
    return answer(m);
  }
};

Json text_to(Json to, const char* content = "hi") {
  return Json::object({{"to", to},
                       {"msg", Json::object({{"msgtype", "text"},
                                             {"text", Json::object({{"content", content}})}})}});
}

TEST_F(Queues, OutboxValidatesMessagesNamingTheField) {
  auto known = [](const std::string& n) { return n == "board"; };
  auto err = [&](const Json& m) { return parse_outbox_message(m, known).outcome().message(); };
  EXPECT_EQ(err(Json::object()), "to is required: an object");
  EXPECT_EQ(err(text_to(Json::object())),
            "to must name exactly one of users, session_webhook, group_robot, card, sms");
  EXPECT_EQ(err(text_to(Json::object({{"users", Json::array()}}))),
            "to.users must be a non-empty array of userids");
  EXPECT_EQ(err(text_to(Json::object({{"group_robot", "nope"}}))),
            "to.group_robot 'nope' is not configured in dingtalk.group_robots");
  EXPECT_EQ(err(text_to(Json::object({{"session_webhook", "ftp://x"}}))),
            "to.session_webhook must be an http(s) URL");
  Json m = text_to(Json::object({{"users", Json::array({"u"})}}));
  m["msg"]["msgtype"] = "fax";
  EXPECT_EQ(err(m), "msg.fax must be an object for msgtype 'fax'");
  EXPECT_TRUE(parse_outbox_message(text_to(Json::object({{"group_robot", "board"}})), known).ok());
  // asyncsend_v2 takes at most 2048 bytes of msg.
  EXPECT_NE(err(text_to(Json::object({{"users", Json::array({"u"})}}),
                        std::string(3000, 'x').c_str()))
                .find("at most 2048"),
            std::string::npos);
}

TEST_F(Queues, OutboxSplitsBigMessagesAndHonoursKeys) {
  Outbox outbox(*db_, *gc_, clock_);
  Json users = Json::array();
  for (int i = 0; i < 250; ++i) users.push_back("u" + std::to_string(i));
  Json m = text_to(Json::object({{"users", users}}));
  m["key"] = "big";
  auto id = outbox.queue("p", m);
  ASSERT_TRUE(id.ok()) << id.outcome().message();
  EXPECT_EQ(*outbox.queue("p", m), *id);  // same key: nothing new
  FakeCourier courier;
  outbox.deliver_due(courier);
  ASSERT_EQ(courier.sent.size(), 3u);  // 100 + 100 + 50
  EXPECT_EQ(std::count(courier.sent[2].target.begin(), courier.sent[2].target.end(), ','), 49);

  Json card = Json::object(
      {{"to", Json::object({{"users", Json::array({"a", "b"})}})},
       {"msg", Json::object({{"msgtype", "interactive_card"},
                             {"interactive_card", Json::object({{"template_id", "t"},
                                                                {"out_track_id", "task-1"}})}})}});
  ASSERT_TRUE(outbox.queue("p", card).ok());
  courier.sent.clear();
  outbox.deliver_due(courier);
  ASSERT_EQ(courier.sent.size(), 2u);
  EXPECT_EQ(courier.sent[0].channel, "card");
  EXPECT_EQ(courier.sent[0].msg["interactive_card"]["out_track_id"].get<std::string>(), "task-1.a");
  EXPECT_EQ(courier.sent[1].msg["interactive_card"]["out_track_id"].get<std::string>(), "task-1.b");

  // Each card's one recipient is on record, for the card endpoint; nobody else is.
  EXPECT_EQ(card_sender_for(*db_, "task-1.a", "a")->value_or(""), "p");
  EXPECT_EQ(card_sender_for(*db_, "task-1.b", "b")->value_or(""), "p");
  EXPECT_FALSE(card_sender_for(*db_, "task-1.a", "b")->has_value());
  EXPECT_FALSE(card_sender_for(*db_, "task-1", "a")->has_value());
}

TEST_F(Queues, OutboxRetriesWithBackoffAndDeadLettersPermanentRefusals) {
  OutboxPolicy policy;
  policy.first_backoff_ms = 0;
  policy.max_attempts = 2;
  Outbox outbox(*db_, *gc_, clock_, policy);
  ASSERT_TRUE(outbox.queue("p", text_to(Json::object({{"users", Json::array({"u"})}}))).ok());
  FakeCourier courier;
  courier.answer = [](const OutboxMessage&) {
    return Delivery{Delivery::Result::Retry, "DingTalk busy", 0};
  };
  outbox.deliver_due(courier);
  outbox.deliver_due(courier);
  outbox.deliver_due(courier);
  EXPECT_EQ(courier.sent.size(), 2u);
  Json dead = *outbox.dead_letters(10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead.at(0)["last_error"], "DingTalk busy");

  courier.answer = [](const OutboxMessage&) { return Delivery{Delivery::Result::Sent, "", 0}; };
  ASSERT_TRUE(outbox.replay(dead.at(0)["id"].get<int64_t>()).ok());
  outbox.deliver_due(courier);
  EXPECT_EQ((*outbox.counts())["sent"], 1);

  // A rate limit's wait is honoured even without backoff.
  ASSERT_TRUE(outbox.queue("p", text_to(Json::object({{"users", Json::array({"v"})}}))).ok());
  courier.answer = [](const OutboxMessage&) {
    return Delivery{Delivery::Result::Retry, "limit", 60000};
  };
  outbox.deliver_due(courier);
  size_t before = courier.sent.size();
  outbox.deliver_due(courier);
  EXPECT_EQ(courier.sent.size(), before);
  clock_.advance(60'000);
  outbox.deliver_due(courier);
  EXPECT_EQ(courier.sent.size(), before + 1);
}

Json card_to(Json users, const std::string& out_track_id) {
  return Json::object(
      {{"to", Json::object({{"users", users}})},
       {"msg", Json::object({{"msgtype", "interactive_card"},
                             {"interactive_card", Json::object({{"template_id", "t"},
                                                                {"out_track_id", out_track_id}})}})}});
}
Json update_of(const std::string& out_track_id, const std::string& status) {
  return Json::object(
      {{"to", Json::object({{"card", out_track_id}})},
       {"msg", Json::object({{"msgtype", "card_update"},
                             {"card_update",
                              Json::object({{"card_data", Json::object({{"status", status}})}})}})}});
}

TEST_F(Queues, CardUpdateIsCheckedNamingTheField) {
  auto none = [](const std::string&) { return false; };
  auto err = [&](const Json& m) { return parse_outbox_message(m, none).outcome().message(); };
  Json m = update_of("task-1", "已取消");
  auto parsed = parse_outbox_message(m, none);
  ASSERT_TRUE(parsed.ok()) << parsed.outcome().message();
  EXPECT_EQ(parsed->channel, "card_update");
  EXPECT_EQ(parsed->target, "task-1");
  m["msg"]["card_update"].erase("card_data");
  EXPECT_EQ(err(m), "msg.card_update.card_data is required: an object");
  EXPECT_EQ(err(update_of("", "x")), "to.card must be a card's out_track_id");
  Json to_people = update_of("task-1", "x");
  to_people["to"] = Json::object({{"users", Json::array({"a"})}});
  EXPECT_EQ(err(to_people), "msg.msgtype 'card_update' goes to {\"card\": out_track_id}");
  EXPECT_EQ(err(text_to(Json::object({{"card", "task-1"}}))),
            "to.card takes only msgtype 'card_update'");
}

TEST_F(Queues, CardUpdateGoesToEveryCopyOfTheCardAfterIt) {
  Outbox outbox(*db_, *gc_, clock_);
  ASSERT_TRUE(outbox.queue("p", card_to(Json::array({"a", "b"}), "task-1")).ok());
  ASSERT_TRUE(outbox.queue("p", card_to(Json::array({"c"}), "task-2")).ok());
  auto id = outbox.queue("p", update_of("task-1", "已取消"));
  ASSERT_TRUE(id.ok()) << id.outcome().message();
  EXPECT_NE(*id, 0);
  // Another plugin cannot update this plugin's card: for it there is no such card.
  EXPECT_EQ(*outbox.queue("q", update_of("task-1", "x")), 0);

  FakeCourier courier;
  outbox.deliver_due(courier);
  ASSERT_EQ(courier.sent.size(), 5u);  // three cards, then the two copies of task-1 updated
  EXPECT_EQ(courier.sent[3].channel, "card_update");
  EXPECT_EQ(courier.sent[3].target, "a");
  EXPECT_EQ(courier.sent[3].msg["card_update"]["out_track_id"], "task-1.a");
  EXPECT_EQ(courier.sent[3].msg["card_update"]["card_data"]["status"], "已取消");
  EXPECT_EQ(courier.sent[4].msg["card_update"]["out_track_id"], "task-1.b");
}

TEST_F(Queues, CardUpdateWaitsForItsCardAndIsDroppedWhenTheCardNeverArrives) {
  OutboxPolicy policy;
  policy.max_attempts = 2;
  Outbox outbox(*db_, *gc_, clock_, policy);
  FakeCourier courier;
  // A card this plugin never sent: nothing is queued.
  EXPECT_EQ(*outbox.queue("p", update_of("task-9", "已取消")), 0);
  EXPECT_EQ((*outbox.messages("p", 10)).size(), 0u);

  // The card is refused once (DingTalk busy): its update waits, without spending an attempt.
  ASSERT_TRUE(outbox.queue("p", card_to(Json::array({"a"}), "task-1")).ok());
  ASSERT_TRUE(outbox.queue("p", update_of("task-1", "已取消")).ok());
  courier.answer = [](const OutboxMessage&) {
    return Delivery{Delivery::Result::Retry, "busy", 0};
  };
  outbox.deliver_due(courier);
  EXPECT_EQ(courier.sent.size(), 1u);  // the card only
  clock_.advance(1'001);
  courier.answer = [](const OutboxMessage&) { return Delivery{Delivery::Result::Sent, "", 0}; };
  outbox.deliver_due(courier);
  outbox.deliver_due(courier);
  ASSERT_EQ(courier.sent.size(), 3u);
  EXPECT_EQ(courier.sent[2].channel, "card_update");
  EXPECT_EQ(courier.sent[2].attempt, 1);

  // A card refused for good: an update queued before that is dropped, not retried forever.
  ASSERT_TRUE(outbox.queue("p", card_to(Json::array({"b"}), "task-2")).ok());
  ASSERT_TRUE(outbox.queue("p", update_of("task-2", "已取消")).ok());
  courier.answer = [](const OutboxMessage& m) {
    return Delivery{m.channel == "card" ? Delivery::Result::Fail : Delivery::Result::Sent, "no", 0};
  };
  courier.sent.clear();
  outbox.deliver_due(courier);
  clock_.advance(1'000);
  outbox.deliver_due(courier);
  ASSERT_EQ(courier.sent.size(), 1u);
  EXPECT_EQ(courier.sent[0].channel, "card");
  EXPECT_EQ((*outbox.counts())["pending"], 0);
  // And one queued after it is never stored.
  EXPECT_EQ(*outbox.queue("p", update_of("task-2", "x")), 0);
}

}  // namespace
}  // namespace courthub::jobs
