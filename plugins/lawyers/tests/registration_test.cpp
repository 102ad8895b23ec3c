// SPDX-License-Identifier: Apache-2.0
// POST /public/register: the form, the registry's word, duplicates, the data key.
#include <gtest/gtest.h>

#include "identity_fixture.hpp"

namespace lawyers::test {
namespace {

using courthub::Json;

std::string field_message(const courthub::testing::HttpResult& r, const std::string& field) {
  for (Json doc = r.json(); auto& f : doc["error"]["details"]["fields"])
    if (f["field"] == "/" + field) return f["message"].get<std::string>();
  return "";
}

TEST(Registration, ANewLawyerIsPendingWithTheRegistrysWordAndMaskedData) {
  auto h = identity_harness();
  auto r = h->as_anonymous().post("/public/register", li_ming().json());
  ASSERT_EQ(r.status, 201) << r.body;
  Json v = r.json()["lawyer"];
  EXPECT_EQ(v["state"], "pending");
  EXPECT_EQ(v["state_label"], "待核验");
  EXPECT_EQ(v["registry"]["result"], "match");
  EXPECT_EQ(v["licence_no"], li_ming().licence_no);
  EXPECT_EQ(v["id_card_masked"], "2101**********" + li_ming().id_card.substr(14));
  EXPECT_EQ(v["mobile_masked"], "138****5678");
  EXPECT_FALSE(v.contains("id_card"));
  EXPECT_FALSE(v.contains("mobile"));
  EXPECT_EQ(v["created_ms"], h->now_ms());
}

TEST(Registration, EveryBadFieldIsNamedAtOnce) {
  auto h = identity_harness();
  LawyerForm f = li_ming();
  f.id_card.back() = f.id_card.back() == '0' ? '1' : '0';  // a wrong check digit
  f.licence_no = "2210120101010012";
  f.mobile = "1381234567";
  f.password = "short";
  auto r = h->as_anonymous().post("/public/register", f.json());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(field_message(r, "id_card").find("check digit"), std::string::npos) << r.body;
  EXPECT_NE(field_message(r, "licence_no"), "");
  EXPECT_NE(field_message(r, "mobile"), "");
  EXPECT_NE(field_message(r, "password"), "");
  EXPECT_EQ(field_message(r, "name"), "");
  // What was typed is never repeated.
  EXPECT_EQ(r.body.find(f.id_card), std::string::npos);
  EXPECT_EQ(r.body.find(f.mobile), std::string::npos);
}

TEST(Registration, TheLegacyTwelveDigitLicenceIsAccepted) {
  auto h = identity_harness();
  LawyerForm f = stranger();
  f.licence_no = "210120101234";
  auto r = h->as_anonymous().post("/public/register", f.json());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["lawyer"]["registry"]["result"], "not_found");
}

TEST(Registration, ALicenceOrAnIdNumberRegistersOnce) {
  auto h = identity_harness();
  registered_lawyer(*h, li_ming());
  LawyerForm same_licence = wang_fang();
  same_licence.licence_no = li_ming().licence_no;
  auto a = h->as_anonymous().post("/public/register", same_licence.json());
  EXPECT_EQ(a.status, 409) << a.body;
  EXPECT_EQ(field_message(a, "licence_no"), "is already registered");

  LawyerForm same_person = wang_fang();
  same_person.id_card = li_ming().id_card;
  auto b = h->as_anonymous().post("/public/register", same_person.json());
  EXPECT_EQ(b.status, 409) << b.body;
  EXPECT_EQ(field_message(b, "id_card"), "is already registered");
  EXPECT_EQ(b.body.find(li_ming().id_card), std::string::npos);
}

TEST(Registration, TheRegistryResultIsRecorded) {
  auto h = identity_harness();
  auto suspended = h->as_anonymous().post("/public/register", zhao_qiang().json());
  ASSERT_EQ(suspended.status, 201);
  EXPECT_EQ(suspended.json()["lawyer"]["registry"]["result"], "not_practicing");
  LawyerForm wrong_firm = wang_fang();
  wrong_firm.firm = "大连别家律师事务所";
  auto mismatch = h->as_anonymous().post("/public/register", wrong_firm.json());
  ASSERT_EQ(mismatch.status, 201);
  EXPECT_EQ(mismatch.json()["lawyer"]["registry"]["result"], "mismatch");
  EXPECT_NE(mismatch.json()["lawyer"]["registry"]["detail"].get<std::string>().find("执业机构"),
            std::string::npos);
}

TEST(Registration, WithoutADataKeyRegistrationIsUnavailable) {
  courthub::testing::HarnessOptions o;
  courthub::testing::PluginHarness h(LAWYERS_PLUGIN_FILE, o);
  auto r = h.as_anonymous().post("/public/register", li_ming().json());
  EXPECT_EQ(r.status, 503) << r.body;  // the log says why: identity.data_key is not set
}

TEST(Registration, AMalformedDataKeyIsRefusedAtConfigureWithoutRepeatingIt) {
  courthub::testing::HarnessOptions o;
  o.settings = Json::object({{"identity", Json::object({{"data_key", "0123456789abcdefXYZ"}})}});
  try {
    courthub::testing::PluginHarness h(LAWYERS_PLUGIN_FILE, o);
    FAIL() << "a malformed key was accepted";
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/identity/data_key"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("0123456789abcdefXYZ"), std::string::npos) << e.what();
  }
}

TEST(Registration, PersonalDataIsStoredSealed) {
  auto h = identity_harness();
  registered_lawyer(*h, li_ming());
  for (auto& row : h->query("SELECT * FROM lawyers")) {
    const std::string text = courthub::json::dump(row);  // blobs: bytes as U+FFFD
    EXPECT_EQ(text.find(li_ming().id_card), std::string::npos) << text;
    EXPECT_EQ(text.find(li_ming().mobile), std::string::npos) << text;
    EXPECT_EQ(text.find(li_ming().password), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace lawyers::test
