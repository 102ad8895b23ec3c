// SPDX-License-Identifier: Apache-2.0
// SDK 2.0 through the in-process harness (the server's own runtime) and the sdk_probe plugin:
// effects inside transactions, request headers, record bodies, command titles.
#include <gtest/gtest.h>

#include <courthub/testing.hpp>
#include <filesystem>
#include <string>

using courthub::Json;
using courthub::testing::HarnessOptions;
using courthub::testing::PluginHarness;

namespace {

const std::string kProbe = std::string(COURTHUB_TEST_PLUGIN_DIR) + "/sdk_probe.so";

std::vector<Json> published_topic(const PluginHarness& h, const std::string& topic) {
  std::vector<Json> out;
  for (auto& e : h.published())
    if (e["topic"].get<std::string>() == topic) out.push_back(e);
  return out;
}

TEST(SdkEffects, ACommittedTransactionPublishesAndQueuesAfterTheCommit) {
  PluginHarness h(kProbe);
  auto r = h.post("/decide", Json::object({{"id", 7}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["outbox_id"].get<int64_t>(), 0) << "no outbox id exists before the commit";
  EXPECT_EQ(h.query("SELECT id FROM decisions").size(), 1u);
  auto events = published_topic(h, "sdk_probe.decided");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["payload"]["id"].get<int64_t>(), 7);
  auto outbox = h.outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0]["target"].get<std::string>(), "u1");
  EXPECT_EQ(h.query("SELECT id FROM courthub_effects").size(), 0u) << "handed over and deleted";
}

TEST(SdkEffects, ACardUpdateReachesEveryRecipientOfTheCardInTheOutbox) {
  PluginHarness h(kProbe);
  ASSERT_EQ(h.post("/cards", Json::object({{"users", Json::array({"u1", "u2"})},
                                           {"out_track_id", "task-5"}}))
                .status,
            204);
  ASSERT_EQ(h.post("/cards/update", Json::object({{"out_track_id", "task-5"}, {"status", "已取消"}}))
                .status,
            204);
  // A card it never sent: nothing to update, nothing queued.
  ASSERT_EQ(h.post("/cards/update", Json::object({{"out_track_id", "task-6"}, {"status", "x"}}))
                .status,
            204);
  std::vector<Json> updates;
  for (auto& m : h.outbox())
    if (m["channel"] == "card_update") updates.push_back(m);
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0]["target"], "u1");
  EXPECT_EQ(updates[0]["msg"]["card_update"]["out_track_id"], "task-5.u1");
  EXPECT_EQ(updates[0]["msg"]["card_update"]["card_data"]["status"], "已取消");
  EXPECT_EQ(updates[1]["msg"]["card_update"]["out_track_id"], "task-5.u2");
}

TEST(SdkEffects, ARolledBackTransactionSendsNothing) {
  PluginHarness h(kProbe);
  auto r = h.post("/decide", Json::object({{"id", 8}, {"fail", true}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(h.query("SELECT id FROM decisions").size(), 0u);
  EXPECT_TRUE(published_topic(h, "sdk_probe.decided").empty());
  EXPECT_TRUE(h.outbox().empty());
  EXPECT_EQ(h.query("SELECT id FROM courthub_effects").size(), 0u);
}

TEST(SdkEffects, TheSameKeyTwiceIsOneEventAndOneMessage) {
  PluginHarness h(kProbe);
  ASSERT_EQ(h.post("/decide", Json::object({{"id", 9}})).status, 201);
  ASSERT_EQ(h.post("/decide", Json::object({{"id", 9}})).status, 201);
  EXPECT_EQ(h.query("SELECT id FROM decisions").size(), 2u);
  EXPECT_EQ(published_topic(h, "sdk_probe.decided").size(), 1u);
  EXPECT_EQ(h.outbox().size(), 1u);
}

TEST(SdkEffects, PublishOutsideATransactionIsIdempotentOnItsKey) {
  PluginHarness h(kProbe);
  ASSERT_EQ(h.post("/announce", Json::object({{"key", "k1"}})).status, 204);
  ASSERT_EQ(h.post("/announce", Json::object({{"key", "k1"}})).status, 204);
  ASSERT_EQ(h.post("/announce", Json::object()).status, 204);
  ASSERT_EQ(h.post("/announce", Json::object()).status, 204);
  EXPECT_EQ(published_topic(h, "sdk_probe.announced").size(), 3u);
}

// A crash after the commit and before the hand-over leaves the effect rows in the plugin's
// database: the next start hands them over, once.
TEST(SdkEffects, EffectsLeftByACrashGoOutAtTheNextStartExactlyOnce) {
  std::string dir = (std::filesystem::temp_directory_path() / "sdk-effects-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  HarnessOptions options;
  options.data_dir = dir;
  {
    PluginHarness h(kProbe, options);
    h.query(
        "INSERT INTO courthub_effects(kind, topic, body, idem_key) VALUES "
        "('event', 'sdk_probe.decided', '{\"id\":42}', 'decided:42'), "
        "('message', '', '{\"to\":{\"users\":[\"u1\"]},\"msg\":{\"msgtype\":\"text\","
        "\"text\":{\"content\":\"x\"}},\"key\":\"note:42\"}', 'note:42')");
  }
  {
    PluginHarness h(kProbe, options);
    auto events = published_topic(h, "sdk_probe.decided");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["payload"]["id"].get<int64_t>(), 42);
    EXPECT_EQ(h.outbox().size(), 1u);
    EXPECT_EQ(h.query("SELECT id FROM courthub_effects").size(), 0u);
    // The same rows again (a crash after the hand-over, before the delete): nothing new.
    h.query(
        "INSERT INTO courthub_effects(kind, topic, body, idem_key) VALUES "
        "('event', 'sdk_probe.decided', '{\"id\":42}', 'decided:42')");
  }
  {
    PluginHarness h(kProbe, options);
    EXPECT_EQ(published_topic(h, "sdk_probe.decided").size(), 1u);
  }
  std::filesystem::remove_all(dir);
}

TEST(SdkRequests, HeadersReachThePluginLowerCasedWithoutCredentials) {
  PluginHarness h(kProbe);
  auto r = h.request("GET", "/headers", "", "application/json",
                     {{"X-Trace-Id", "abc"}, {"Authorization", "Bearer secret"},
                      {"Cookie", "s=1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  Json headers = r.json()["headers"];
  ASSERT_EQ(headers.size(), 1u) << r.body;
  EXPECT_EQ(headers.at(0).at(0).get<std::string>(), "x-trace-id");
  EXPECT_EQ(headers.at(0).at(1).get<std::string>(), "abc");
}

TEST(SdkRequests, HeadersOverTheCapAre431) {
  PluginHarness h(kProbe);
  auto r = h.request("GET", "/headers", "", "application/json",
                     {{"X-Big", std::string(17 * 1024, 'a')}});
  EXPECT_EQ(r.status, 431) << r.body;
  EXPECT_NE(r.body.find("headers_too_large"), std::string::npos) << r.body;
}

TEST(SdkRequests, CsvBodiesAreReadWithTheirLineNumbers) {
  PluginHarness h(kProbe);
  auto r = h.request("POST", "/records",
                     "\xEF\xBB\xBF" "case_no,judge\r\n(2026)辽01民初1号,\"王, 法官\"\r\n\r\n"
                     "\"(2026)辽01民初2号\",\"说\"\"好\"\"\n第二行\"\r\nX,Y\n",
                     "text/csv; charset=utf-8");
  ASSERT_EQ(r.status, 200) << r.body;
  Json rows = r.json()["rows"];
  ASSERT_EQ(rows.size(), 3u) << r.body;
  EXPECT_EQ(rows.at(0)["line"].get<int64_t>(), 2);
  EXPECT_EQ(rows.at(0)["fields"]["judge"].get<std::string>(), "王, 法官");
  EXPECT_EQ(rows.at(1)["line"].get<int64_t>(), 4);
  EXPECT_EQ(rows.at(1)["fields"]["judge"].get<std::string>(), "说\"好\"\n第二行");
  EXPECT_EQ(rows.at(2)["line"].get<int64_t>(), 6);
}

TEST(SdkRequests, ABrokenCsvQuoteIsA400NamingTheLine) {
  PluginHarness h(kProbe);
  auto r = h.request("POST", "/records", "a,b\n1,\"open\n2,3\n", "text/csv");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("line 2: a quoted field is never closed"), std::string::npos) << r.body;
}

TEST(SdkRequests, NdjsonLinesAreReadOneByOneAndABadLineIsReportedAlone) {
  PluginHarness h(kProbe);
  auto r = h.request("POST", "/records", "{\"a\":1}\r\n\nnot json\n{\"a\":3}", "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  Json rows = r.json()["rows"];
  ASSERT_EQ(rows.size(), 3u) << r.body;
  EXPECT_EQ(rows.at(0)["value"]["a"].get<int64_t>(), 1);
  EXPECT_EQ(rows.at(1)["line"].get<int64_t>(), 3);
  EXPECT_NE(rows.at(1)["error"].get<std::string>(), "");
  EXPECT_EQ(rows.at(2)["line"].get<int64_t>(), 4);
  EXPECT_EQ(rows.at(2)["value"]["a"].get<int64_t>(), 3);
}

TEST(SdkCommands, AReplyTitleIsAFieldAndTheGroupFlagArrives) {
  PluginHarness h(kProbe);
  auto direct = h.command("probe");
  ASSERT_TRUE(direct.ok) << direct.text;
  EXPECT_TRUE(direct.markdown);
  EXPECT_EQ(direct.title, "探针");
  EXPECT_EQ(direct.text, "单聊");
  EXPECT_EQ(h.command("probe", true).text, "群聊");
}

// 2026-12-07 09:00 in Beijing, a Monday.
constexpr int64_t kMondayNine = 1796605200000;
constexpr int64_t kMinute = 60 * 1000;

TEST(SdkTime, ThePluginReadsTheHarnessClock) {
  HarnessOptions options;
  options.start_ms = kMondayNine;
  PluginHarness h(kProbe, options);
  EXPECT_EQ(h.get("/now").json()["now_ms"].get<int64_t>(), kMondayNine);
  h.advance_ms(90 * kMinute);
  EXPECT_EQ(h.get("/now").json()["now_ms"].get<int64_t>(), kMondayNine + 90 * kMinute);
}

TEST(SdkTime, DueJobsFireWhenTheClockReachesThemAndMissedSlotsAreNotReplayed) {
  HarnessOptions options;
  options.start_ms = kMondayNine;
  PluginHarness h(kProbe, options);
  EXPECT_TRUE(h.run_due_jobs().empty());
  h.advance_ms(4 * kMinute);
  EXPECT_TRUE(h.run_due_jobs().empty()) << "09:04: nothing is due yet";
  h.advance_ms(1 * kMinute);
  EXPECT_EQ(h.run_due_jobs(),
            std::vector<std::string>{"tick@" + std::to_string(kMondayNine + 5 * kMinute)});
  EXPECT_TRUE(h.run_due_jobs().empty()) << "a slot fires once";
  h.advance_ms(60 * kMinute);  // twelve slots pass while nobody looks: one run, not twelve
  EXPECT_EQ(h.run_due_jobs().size(), 1u);
  auto ticks = h.query("SELECT scheduled_ms, seen_now_ms FROM ticks ORDER BY rowid");
  ASSERT_EQ(ticks.size(), 2u);
  EXPECT_EQ(ticks[0]["seen_now_ms"].get<int64_t>(), kMondayNine + 5 * kMinute);
  EXPECT_EQ(ticks[1]["seen_now_ms"].get<int64_t>(), kMondayNine + 65 * kMinute);
}

// Spring Festival 2026: 2/15-2/23 off, Saturdays 2/14 and 2/28 are make-up workdays.
TEST(SdkTime, TheWorkCalendarAnswersThroughTheAbi) {
  PluginHarness h(kProbe);
  const int64_t feb14 = 20498, feb24 = 20508, feb28 = 20512;
  auto r = h.get("/workdays?from=" + std::to_string(feb14) + "&to=" + std::to_string(feb28));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["from_is_workday"].get<bool>()) << "a make-up Saturday";
  EXPECT_EQ(r.json()["next_workday"].get<int64_t>(), feb24);
  EXPECT_EQ(r.json()["workdays_between"].get<int64_t>(), 6) << "2/14, 2/24-2/27, 2/28: both ends count";
}

}  // namespace
