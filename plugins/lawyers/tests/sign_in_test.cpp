// SPDX-License-Identifier: Apache-2.0
// POST /public/login, the lockout's back-off, /portal/me and /portal/password, ended sessions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "identity_fixture.hpp"

namespace lawyers::test {
namespace {

using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

HttpResult login(PluginHarness& h, const std::string& licence, const std::string& password) {
  return h.as_anonymous().post("/public/login",
                               Json::object({{"licence_no", licence}, {"password", password}}));
}

std::string header(const HttpResult& r, const std::string& name) {
  for (auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(SignIn, RegisterThenVerifyThenSignInThenMe) {
  auto h = identity_harness();
  const int64_t id = registered_lawyer(*h, li_ming());
  // Pending: may sign in and see their own state.
  auto pending = login(*h, li_ming().licence_no, li_ming().password);
  ASSERT_EQ(pending.status, 200) << pending.body;
  EXPECT_EQ(pending.json()["lawyer"]["state"], "pending");
  EXPECT_FALSE(pending.json()["token"].get<std::string>().empty());
  EXPECT_GT(pending.json()["expires_at"].get<int64_t>(), h->now_ms() / 1000);

  auto verify = h->as(kHighAdmin).post("/lawyers/" + std::to_string(id) + "/verify", Json::object());
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_EQ(verify.json()["state"], "verified");

  auto me = h->as_outsider("lawyer", std::to_string(id)).get("/portal/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["state"], "verified");
  EXPECT_EQ(me.json()["state_label"], "已核验");
  EXPECT_EQ(me.json()["name"], "李明");
}

TEST(SignIn, AWrongPasswordAndAnUnknownLicenceAnswerAlike) {
  auto h = identity_harness();
  registered_lawyer(*h, li_ming());
  auto wrong = login(*h, li_ming().licence_no, "not-the-password-1");
  auto unknown = login(*h, "12109999999999999", "not-the-password-1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["error"]["message"], "licence number or password is wrong");
  EXPECT_EQ(wrong.json()["error"], unknown.json()["error"]);
}

TEST(SignIn, FiveWrongPasswordsLockWithDoublingBackOff) {
  auto h = identity_harness();
  registered_lawyer(*h, li_ming());
  const std::string licence = li_ming().licence_no;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(*h, licence, "wrong-password-1").status, 401) << i;
  auto fifth = login(*h, licence, "wrong-password-1");
  ASSERT_EQ(fifth.status, 429) << fifth.body;
  EXPECT_EQ(header(fifth, "Retry-After"), "60");
  EXPECT_EQ(fifth.json()["retry_after_s"], 60);
  EXPECT_EQ(fifth.json()["error"]["details"]["retry_after_s"], 60);

  // Locked: even the right password waits, and the wait counts down.
  h->advance_ms(20'000);
  auto right_while_locked = login(*h, licence, li_ming().password);
  EXPECT_EQ(right_while_locked.status, 429);
  EXPECT_EQ(header(right_while_locked, "Retry-After"), "40");

  // Open again; one more wrong password locks for twice as long.
  h->advance_ms(40'000);
  auto sixth = login(*h, licence, "wrong-password-1");
  EXPECT_EQ(sixth.status, 429);
  EXPECT_EQ(header(sixth, "Retry-After"), "120");
  h->advance_ms(120'000);
  EXPECT_EQ(header(login(*h, licence, "wrong-password-1"), "Retry-After"), "240");

  // A right password once open resets the count.
  h->advance_ms(240'000);
  EXPECT_EQ(login(*h, licence, li_ming().password).status, 200);
  EXPECT_EQ(login(*h, licence, "wrong-password-1").status, 401);
}

TEST(SignIn, AnUnknownLicenceIsLockedOutToo) {
  auto h = identity_harness();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(*h, "12109999999999999", "guess-number-1").status, 401);
  EXPECT_EQ(login(*h, "12109999999999999", "guess-number-1").status, 429);
}

TEST(SignIn, TheLockoutHoldsAcrossARestartOfThePlugin) {
  // The failures live in the plugin's database: a second harness on the same data directory
  // (another host, or the same after a restart) still sees the lock.
  const std::string dir = ::testing::TempDir() + "lawyers-lockout-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    courthub::testing::HarnessOptions o;
    o.data_dir = dir;
    o.start_ms = 1'796'000'000'000;
    o.settings = Json::object({{"identity", Json::object({{"data_key", kDataKey}})}});
    PluginHarness first(LAWYERS_PLUGIN_FILE, o);
    for (int i = 0; i < 5; ++i) login(first, "12109999999999999", "guess-number-1");
    PluginHarness second(LAWYERS_PLUGIN_FILE, o);
    EXPECT_EQ(login(second, "12109999999999999", "guess-number-1").status, 429);
  }
  std::filesystem::remove_all(dir);
}

TEST(SignIn, ASuspendedLawyerCannotSignInAndTheirSessionsEnd) {
  auto h = identity_harness();
  const int64_t id = verified_lawyer(*h, li_ming());
  const int64_t signed_in_at = h->now_ms() / 1000;
  h->advance_ms(5'000);
  auto suspend = h->as(kHighAdmin).post("/lawyers/" + std::to_string(id) + "/suspend",
                                        Json::object({{"reason", "执业证被吊销核查中"}}));
  ASSERT_EQ(suspend.status, 200) << suspend.body;
  EXPECT_EQ(suspend.json()["state"], "suspended");

  auto old_session = h->as_outsider("lawyer", std::to_string(id), signed_in_at).get("/portal/me");
  EXPECT_EQ(old_session.status, 401) << old_session.body;
  EXPECT_EQ(old_session.json()["error"]["message"], "session ended; sign in again");

  auto again = login(*h, li_ming().licence_no, li_ming().password);
  EXPECT_EQ(again.status, 403) << again.body;
  auto new_session = h->as_outsider("lawyer", std::to_string(id)).get("/portal/me");
  EXPECT_EQ(new_session.status, 403) << new_session.body;

  h->advance_ms(5'000);
  auto reinstate =
      h->as(kHighAdmin).post("/lawyers/" + std::to_string(id) + "/reinstate", Json::object());
  ASSERT_EQ(reinstate.status, 200) << reinstate.body;
  EXPECT_EQ(reinstate.json()["state"], "verified");
  EXPECT_EQ(login(*h, li_ming().licence_no, li_ming().password).status, 200);
  // Sessions from before the suspension stay ended.
  EXPECT_EQ(h->as_outsider("lawyer", std::to_string(id), signed_in_at).get("/portal/me").status,
            401);
}

TEST(SignIn, APasswordResetEndsOldSessionsAndTheTemporaryPasswordWorks) {
  auto h = identity_harness();
  const int64_t id = verified_lawyer(*h, li_ming());
  const int64_t signed_in_at = h->now_ms() / 1000;
  h->advance_ms(2'000);
  auto reset = h->as(kHighAdmin).post("/lawyers/" + std::to_string(id) + "/reset-password",
                                      Json::object());
  ASSERT_EQ(reset.status, 200) << reset.body;
  const std::string temporary = reset.json()["temporary_password"];
  EXPECT_EQ(h->as_outsider("lawyer", std::to_string(id), signed_in_at).get("/portal/me").status,
            401);
  EXPECT_EQ(login(*h, li_ming().licence_no, li_ming().password).status, 401);
  EXPECT_EQ(login(*h, li_ming().licence_no, temporary).status, 200);
}

TEST(SignIn, ALawyerChangesTheirPasswordAndEarlierSessionsEnd) {
  auto h = identity_harness();
  const int64_t id = verified_lawyer(*h, li_ming());
  const int64_t signed_in_at = h->now_ms() / 1000;
  h->advance_ms(2'000);
  auto& as_lawyer = h->as_outsider("lawyer", std::to_string(id));
  auto wrong_old = as_lawyer.post(
      "/portal/password",
      Json::object({{"old_password", "not-it-1234"}, {"new_password", "brand-new-2027"}}));
  EXPECT_EQ(wrong_old.status, 400) << wrong_old.body;
  auto weak = h->as_outsider("lawyer", std::to_string(id))
                  .post("/portal/password", Json::object({{"old_password", li_ming().password},
                                                          {"new_password", "short"}}));
  EXPECT_EQ(weak.status, 400) << weak.body;
  auto ok = h->as_outsider("lawyer", std::to_string(id))
                .post("/portal/password", Json::object({{"old_password", li_ming().password},
                                                        {"new_password", "brand-new-2027"}}));
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(h->as_outsider("lawyer", std::to_string(id), signed_in_at).get("/portal/me").status,
            401);
  EXPECT_EQ(login(*h, li_ming().licence_no, li_ming().password).status, 401);
  EXPECT_EQ(login(*h, li_ming().licence_no, "brand-new-2027").status, 200);
}

TEST(SignIn, AnotherKindOfCallerIsNotALawyer) {
  auto h = identity_harness();
  EXPECT_EQ(h->as_outsider("lawyer", "9999").get("/portal/me").status, 401);
  EXPECT_EQ(h->as_outsider("lawyer", "not-a-number").get("/portal/me").status, 401);
}

}  // namespace
}  // namespace lawyers::test
