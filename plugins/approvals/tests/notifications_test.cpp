// SPDX-License-Identifier: Apache-2.0
// Cards for approvers, outcomes, copies, reminders, and redelivery of what a crash left behind.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

constexpr int64_t kMinute = 60000;

class Notifications : public ApprovalsTest {
 protected:
  int64_t created_ms(int64_t id) { return detail(id)["created_ms"].get<int64_t>(); }
};

TEST_F(Notifications, EachNewTaskSendsAnInteractiveCard) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  auto cards = sent_to("T-010");
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0]["channel"], "card");
  Json card = cards[0]["msg"]["interactive_card"];
  EXPECT_EQ(card["template_id"], "courthub.approvals.task");
  int64_t task = task_of(id, "T-010");
  EXPECT_EQ(card["out_track_id"].get<std::string>(), "task-" + std::to_string(task));
  Json data = card["card_data"];
  EXPECT_EQ(data["task_id"].get<std::string>(), std::to_string(task));
  EXPECT_EQ(data["instance_id"].get<std::string>(), std::to_string(id));
  EXPECT_EQ(data["status"], "待审批");
  EXPECT_EQ(data["originator_name"], "李法官");
  EXPECT_NE(data["summary"].get<std::string>().find("请假天数：2"), std::string::npos);
  for (auto& [k, v] : data.items()) EXPECT_TRUE(v.is_string()) << k;
  agree("T-010", id);
  EXPECT_EQ(sent_to("T-002").size(), 1u);
}

TEST_F(Notifications, TheOriginatorLearnsTheOutcomeAndTheCcGetTheirCopy) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  EXPECT_TRUE(sent_to("T-011").empty());
  EXPECT_TRUE(sent_to("T-021").empty());  // CC at finish only
  agree("T-010", id, "同意，注意交接");
  auto outcome = sent_to("T-011");
  ASSERT_EQ(outcome.size(), 1u);
  EXPECT_EQ(outcome[0]["msg"]["markdown"]["title"], "审批已通过");
  EXPECT_NE(outcome[0]["msg"]["markdown"]["text"].get<std::string>().find("注意交接"),
            std::string::npos);
  auto copy = sent_to("T-021");
  ASSERT_EQ(copy.size(), 1u);
  EXPECT_NE(copy[0]["msg"]["markdown"]["title"].get<std::string>().find("抄送"), std::string::npos);
  auto cc = detail(id)["cc"];
  ASSERT_EQ(cc.size(), 1u);
  EXPECT_EQ(cc.at(0)["at"], "finish");
}

TEST_F(Notifications, CopiesAtTheStartGoOutAtOnce) {
  submit("T-011", "trip", Json::object({{"amount", 100}}));
  ASSERT_EQ(sent_to("T-021").size(), 1u);
  EXPECT_TRUE(sent_to("T-001").empty());
}

TEST_F(Notifications, WithdrawingTellsWhoeverWasStillAsked) {
  int64_t id = submit("T-013", "orsign", Json::object());
  harness().clear_outbox();
  act("T-013", id, Json::object({{"action", "withdraw"}}));
  EXPECT_EQ(sent_to("T-011").size(), 1u);
  EXPECT_EQ(sent_to("T-032").size(), 1u);
  EXPECT_TRUE(sent_to("T-013").empty());
}

// Monday 2026-11-02 08:30 in Shanghai: the working day starts; a full day of working minutes
// lies ahead (reminders count working time only: working_hours_reminder_test.cpp).
constexpr int64_t kMondayMorning = 1793579400000;

TEST_F(Notifications, RemindersGoOncePerTaskPerPeriod) {
  harness().set_now_ms(kMondayMorning);
  int64_t id = submit("T-011", "leave", leave_form(2));
  int64_t t0 = created_ms(id);
  harness().clear_outbox();
  auto reminders = [&] { return sent_to("T-010").size(); };
  harness().run_job("remind-pending", t0 + 200 * kMinute);
  EXPECT_EQ(reminders(), 0u);  // not yet 240 minutes
  harness().run_job("remind-pending", t0 + 241 * kMinute);
  EXPECT_EQ(reminders(), 1u);
  harness().run_job("remind-pending", t0 + 241 * kMinute);  // a rerun
  harness().run_job("remind-pending", t0 + 300 * kMinute);  // same period
  EXPECT_EQ(reminders(), 1u);
  harness().run_job("remind-pending", t0 + 481 * kMinute);
  EXPECT_EQ(reminders(), 2u);
  auto msg = sent_to("T-010").back()["msg"]["markdown"];
  EXPECT_EQ(msg["title"], "催办：待你审批");
  EXPECT_NE(msg["text"].get<std::string>().find("approve " + std::to_string(id)),
            std::string::npos);
  agree("T-010", id);
  harness().clear_outbox();
  harness().run_job("remind-pending", t0 + 25 * 60 * kMinute);  // Tuesday 09:30
  EXPECT_EQ(reminders(), 0u);  // decided: no more reminders for T-010
  EXPECT_EQ(sent_to("T-002").size(), 1u);  // the next approver is the one waiting now
}

TEST_F(Notifications, ARolledBackTransactionSendsNothingAndItsRetrySendsOnce) {
  harness().set_now_ms(kMondayMorning);
  int64_t first = submit("T-011", "leave", leave_form(1));
  submit("T-011", "leave", leave_form(2));
  int64_t t0 = created_ms(first);
  harness().clear_outbox();
  // The second reminder's write fails, after the first reminder was decided in the same
  // transaction: that one must not go out either.
  const bool pg = harness().dialect() == courthub::Dialect::kPostgres;
  if (pg) {
    harness().query(
        "CREATE FUNCTION second_reminder_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF (SELECT count(*) FROM task WHERE reminded_period > 0) > 0 THEN "
        "RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$");
    harness().query(
        "CREATE TRIGGER second_reminder_fails BEFORE UPDATE OF reminded_period ON task "
        "FOR EACH ROW EXECUTE FUNCTION second_reminder_fails()");
  } else {
    harness().query(
        "CREATE TRIGGER second_reminder_fails BEFORE UPDATE OF reminded_period ON task "
        "WHEN (SELECT count(*) FROM task WHERE reminded_period > 0) > 0 "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  }
  EXPECT_ANY_THROW(harness().run_job("remind-pending", t0 + 241 * kMinute));
  EXPECT_TRUE(sent_to("T-010").empty());
  EXPECT_TRUE(harness().query("SELECT id FROM task WHERE reminded_period > 0").empty());

  harness().query(pg ? "DROP TRIGGER second_reminder_fails ON task"
                     : "DROP TRIGGER second_reminder_fails");
  harness().run_job("remind-pending", t0 + 241 * kMinute);
  harness().run_job("remind-pending", t0 + 241 * kMinute);
  EXPECT_EQ(sent_to("T-010").size(), 2u);  // one per task, once
}

class NoReminders : public ApprovalsTest {
  Json settings() override {
    return test_settings(Json::object({{"remind_after_minutes", 0},
                                       {"card_template_id", "tpl-court-9"}}));
  }
};

TEST_F(NoReminders, ZeroMinutesNeverRemindsAndTheCardTemplateIsConfigurable) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  EXPECT_EQ(sent_to("T-010").at(0)["msg"]["interactive_card"]["template_id"].get<std::string>(),
            "tpl-court-9");
  harness().clear_outbox();
  harness().run_job("remind-pending", detail(id)["created_ms"].get<int64_t>() + 100000 * kMinute);
  EXPECT_TRUE(harness().outbox().empty());
}

}  // namespace
}  // namespace approvals::testing
