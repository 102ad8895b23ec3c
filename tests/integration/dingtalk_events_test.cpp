// SPDX-License-Identifier: Apache-2.0
// POST /dingtalk/events over real HTTP: acknowledge-first storage, de-duplication (also across a
// restart), delivery to subscribers, dead letters, contact events, and every refusal.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <signal.h>
#include <stdio.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "dingtalk_client.hpp"
#include "host/dingtalk/base64.hpp"
#include "host/dingtalk/callback_crypto.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: hello\n  - name: outbox_sender\n";

int64_t inbox_events(const HostProcess& host) {
  return host.admin_get("/admin/inbox").json()["inbox"]["events"].get<int64_t>();
}

Json bpms(const std::string& instance, const std::string& type) {
  return Json::object({{"EventType", "bpms_instance_change"},
                       {"processInstanceId", instance},
                       {"corpId", kCorpId},
                       {"type", type},
                       {"result", "agree"},
                       {"staffId", "T-BC-01-011"},
                       {"processCode", "PROC-LEAVE"}});
}

// Raw AES-256-CBC without padding, to build ciphertexts our encoder never would.
std::string aes_cbc(const std::string& key, const std::string& data) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr,
                     reinterpret_cast<const unsigned char*>(key.data()),
                     reinterpret_cast<const unsigned char*>(key.data()));
  EVP_CIPHER_CTX_set_padding(ctx, 0);
  std::string out(data.size() + 32, '\0');
  int n = 0, m = 0;
  EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &n,
                    reinterpret_cast<const unsigned char*>(data.data()),
                    static_cast<int>(data.size()));
  EVP_EncryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + n, &m);
  EVP_CIPHER_CTX_free(ctx);
  out.resize(n + m);
  return out;
}

std::string decrypt_reply(const HttpResponse& r) {
  auto crypto = dingtalk::CallbackCrypto::create(kCallbackToken, kAesKey, kAppKey);
  Json body = r.json();
  EXPECT_TRUE(crypto->signature_matches(
      json::get<std::string>(body, "timeStamp"), json::get<std::string>(body, "nonce"),
      json::get<std::string>(body, "encrypt"), json::get<std::string>(body, "msg_signature")));
  auto plain = crypto->decrypt(json::get<std::string>(body, "encrypt"));
  return plain ? *plain : plain.outcome().message();
}

class DingTalkEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double();
    host_ = std::make_unique<HostProcess>(dingtalk_config(*dt_, kPlugins));
  }
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(DingTalkEvents, CheckUrlIsAnsweredWithEncryptedSuccessAndStoresNothing) {
  auto r = post_event(*host_, Json::object({{"EventType", "check_url"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* k : {"msg_signature", "timeStamp", "nonce", "encrypt"})
    EXPECT_TRUE(r.json().contains(k)) << k;
  EXPECT_EQ(decrypt_reply(r), "success");
  EXPECT_EQ(inbox_events(*host_), 0);
}

TEST_F(DingTalkEvents, EventIsStoredOnceAndDeliveredToItsSubscriber) {
  auto first = post_event(*host_, bpms("pi-1", "finish"));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(decrypt_reply(first), "success");
  // DingTalk delivers at least once: the same event again is acknowledged, not stored again.
  auto again = post_event(*host_, bpms("pi-1", "finish"), 0, "othernonce");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(inbox_events(*host_), 1);
  ASSERT_TRUE(eventually([&] {
    return host_->get("/apps/outbox_sender/seen", kAdminToken).json()["events"].size() == 1;
  }));
  auto seen = host_->get("/apps/outbox_sender/seen", kAdminToken).json()["events"];
  EXPECT_EQ(seen.at(0)["payload"]["processInstanceId"], "pi-1");
  // A different occurrence of the same instance is a new event.
  ASSERT_EQ(post_event(*host_, bpms("pi-1", "terminate")).status, 200);
  EXPECT_EQ(inbox_events(*host_), 2);
}

TEST_F(DingTalkEvents, DuplicateIsRecognisedAcrossARestart) {
  ASSERT_EQ(post_event(*host_, bpms("pi-restart", "finish")).status, 200);
  std::string data = host_->data_dir();
  std::string config = dingtalk_config(*dt_, kPlugins);
  host_->send_signal(SIGTERM);
  ASSERT_EQ(host_->wait_exit(20000), 0);
  // Same data directory, new process.
  HostProcess second(config, {"--data-dir", data});
  ASSERT_EQ(post_event(second, bpms("pi-restart", "finish")).status, 200);
  EXPECT_EQ(inbox_events(second), 1);
  ASSERT_TRUE(eventually([&] {
    return second.get("/apps/outbox_sender/seen", kAdminToken).json()["events"].size() == 1;
  }));
}

TEST_F(DingTalkEvents, AcknowledgedEventsSurviveAKillAndStayDuplicates) {
  // Acknowledged events are in the inbox journal; the host dies before (some of) them reach
  // the inbox tables. None may be lost, and DingTalk's retries must stay duplicates.
  constexpr int kEvents = 40;
  for (int i = 0; i < kEvents; ++i) {
    ASSERT_EQ(post_event(*host_, bpms("pi-kill-" + std::to_string(i), "finish")).status, 200);
  }
  std::string data = host_->data_dir();
  std::string config = dingtalk_config(*dt_, kPlugins);
  host_->send_signal(SIGKILL);
  host_->wait_exit(20000);
  HostProcess second(config, {"--data-dir", data});
  EXPECT_EQ(inbox_events(second), kEvents);
  for (int i = 0; i < kEvents; i += 7) {
    ASSERT_EQ(post_event(second, bpms("pi-kill-" + std::to_string(i), "finish")).status, 200);
  }
  EXPECT_EQ(inbox_events(second), kEvents);
  // Each reaches the subscriber (at least once: a kill may fall between a delivery and its
  // record, which is why handlers get a stable event id).
  ASSERT_TRUE(eventually([&] {
    std::set<std::string> instances;
    for (Json doc = second.get("/apps/outbox_sender/seen", kAdminToken).json();
         auto& e : doc["events"])
      instances.insert(e["payload"]["processInstanceId"].get<std::string>());
    return instances.size() == kEvents;
  }));
}

TEST_F(DingTalkEvents, RefusalsAre4xxAndStoreNothing) {
  Json event = bpms("pi-bad", "finish");
  auto crypto = dingtalk::CallbackCrypto::create(kCallbackToken, kAesKey, kAppKey);

  SignedEvent tampered = sign_event(event);
  tampered.signature[0] = tampered.signature[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(post_signed(*host_, tampered).status, 401);

  EXPECT_EQ(post_event(*host_, event, now_ms() - 3600 * 1000).status, 401);  // stale
  EXPECT_EQ(post_event(*host_, event, now_ms() + 3600 * 1000).status, 401);  // future

  // Encrypted for another app: the owner key does not match.
  auto other = dingtalk::CallbackCrypto::create(kCallbackToken, kAesKey, "some-other-app");
  SignedEvent foreign;
  foreign.timestamp = std::to_string(now_ms());
  foreign.nonce = "n1";
  foreign.encrypt = other->encrypt(event.dump());
  foreign.signature = crypto->signature(foreign.timestamp, foreign.nonce, foreign.encrypt);
  auto r = post_signed(*host_, foreign);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("owner key mismatch"), std::string::npos) << r.body;

  // Correctly signed, but the ciphertext itself is wrong.
  auto signed_with = [&](const std::string& encrypt) {
    SignedEvent e;
    e.timestamp = std::to_string(now_ms());
    e.nonce = "n2";
    e.encrypt = encrypt;
    e.signature = crypto->signature(e.timestamp, e.nonce, e.encrypt);
    return post_signed(*host_, e);
  };
  std::string good = crypto->encrypt(event.dump());
  std::string raw = *dingtalk::base64_decode(good);
  EXPECT_EQ(signed_with(dingtalk::base64_encode(raw.substr(0, 16))).status, 400);  // truncated
  EXPECT_EQ(signed_with(dingtalk::base64_encode(raw.substr(0, raw.size() - 5))).status,
            400);                                                                   // unaligned
  EXPECT_EQ(signed_with("%%%not-base64%%%").status, 400);
  // Bad padding: 32 bytes whose pad byte (32) would strip the header itself.
  std::string key = dingtalk::base64_decode_key(kAesKey);
  std::string bad_pad = aes_cbc(key, std::string(16, 'a') + std::string(16, '\x20'));
  r = signed_with(dingtalk::base64_encode(bad_pad));
  EXPECT_EQ(r.status, 400) << r.body;
  // Not JSON: well-formed crypto around a plaintext that is not an event.
  EXPECT_EQ(signed_with(crypto->encrypt("this is not json")).status, 400);
  EXPECT_EQ(signed_with(crypto->encrypt("{\"no\":\"type\"}")).status, 400);

  // Missing parameters and bodies.
  EXPECT_EQ(http(host_->port(), "POST", "/dingtalk/events", R"({"encrypt":"x"})").status, 400);
  EXPECT_EQ(http(host_->port(), "POST", sign_event(event).path(), "{}").status, 400);
  EXPECT_EQ(http(host_->port(), "POST", sign_event(event).path(), "not json").status, 400);
  EXPECT_EQ(inbox_events(*host_), 0);
}

TEST_F(DingTalkEvents, AnEventAPluginRejectsIsDeadLetteredAndCanBeReplayed) {
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "chat_add_member"},
                                             {"ChatId", "chat-1"},
                                             {"TimeStamp", "1"}}))
                .status,
            200);
  Json dead;
  ASSERT_TRUE(eventually([&] {
    dead = host_->admin_get("/admin/inbox/dead").json()["dead_letters"];
    return dead.size() == 1;
  }));
  EXPECT_EQ(dead.at(0)["subscriber"], "outbox_sender");
  EXPECT_NE(dead.at(0)["last_error"].get<std::string>().find("chat events are not for this plugin"),
            std::string::npos);
  auto replay = host_->admin_post(
      "/admin/inbox/replay",
      Json::object({{"event_id", dead.at(0)["event_id"]}, {"subscriber", "outbox_sender"}}).dump());
  EXPECT_EQ(replay.status, 200) << replay.body;
  EXPECT_EQ(host_->admin_post("/admin/inbox/replay",
                              R"({"event_id": 999999, "subscriber": "outbox_sender"})")
                .status,
            404);
}

TEST_F(DingTalkEvents, ContactEventsUpdateTheDirectory) {
  // DingTalk knows someone the directory does not yet: a new clerk in 民事审判第一庭.
  dt_->add_user(Json::object({{"userid", "new-clerk"},
                              {"name", "新书记员"},
                              {"title", "书记员"},
                              {"dept_id_list", Json::array({2001})}}));
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "user_add_org"},
                                             {"UserId", Json::array({"new-clerk"})},
                                             {"TimeStamp", "1700000000000"}}))
                .status,
            200);
  // The login works once the directory has them.
  auto login = [&](const std::string& user) {
    std::string code = dt_->issue_auth_code(user);
    return host_->post("/auth/dingtalk", Json::object({{"code", code}}).dump());
  };
  ASSERT_TRUE(eventually([&] { return login("new-clerk").status == 200; }));
  Json user = login("new-clerk").json()["user"];
  EXPECT_EQ(user["court_code"], "T-BC-01");
  EXPECT_EQ(user["roles"].at(0), "clerk");

  // They leave: their session stops working.
  std::string token = login("new-clerk").json()["token"].get<std::string>();
  EXPECT_EQ(host_->post("/apps/hello/greetings", R"({"to":"x"})", token).status, 201);
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "user_leave_org"},
                                             {"UserId", Json::array({"new-clerk"})},
                                             {"TimeStamp", "1700000000001"}}))
                .status,
            200);
  EXPECT_TRUE(eventually(
      [&] { return host_->post("/apps/hello/greetings", R"({"to":"x"})", token).status == 401; }));

  // A new department under 基层法院's root.
  dt_->add_department(Json::object({{"dept_id", 2009}, {"name", "诉讼服务中心"}, {"parent_id", 2000}}));
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "org_dept_create"},
                                             {"DeptId", Json::array({2009})},
                                             {"TimeStamp", "1700000000002"}}))
                .status,
            200);
  dt_->add_user(Json::object({{"userid", "svc-staff"},
                              {"name", "导诉员"},
                              {"title", "导诉员"},
                              {"dept_id_list", Json::array({2009})}}));
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "user_add_org"},
                                             {"UserId", Json::array({"svc-staff"})},
                                             {"TimeStamp", "1700000000003"}}))
                .status,
            200);
  ASSERT_TRUE(eventually([&] { return login("svc-staff").status == 200; }));
  EXPECT_EQ(login("svc-staff").json()["user"]["dept_id"], "2009");
}

TEST_F(DingTalkEvents, SubscribersGetEventsOtherPluginsPublish) {
  // hello welcomes new staff and publishes hello.welcomed; outbox_sender subscribes to it.
  ASSERT_EQ(post_event(*host_, Json::object({{"EventType", "user_add_org"},
                                             {"UserId", Json::array({"T-BC-01-012"})},
                                             {"TimeStamp", "1700000000009"}}))
                .status,
            200);
  ASSERT_TRUE(eventually([&] {
    auto events = host_->get("/apps/outbox_sender/seen", kAdminToken).json()["events"];
    return events.size() == 1 && events.at(0)["topic"].get<std::string>() == "hello.welcomed";
  }));
  // ...and hello's welcome went out to DingTalk as a work notification.
  ASSERT_TRUE(eventually([&] {
    return calls(*dt_, "/topapi/message/corpconversation/asyncsend_v2") == 1;
  }));
  auto sent = dt_->requests("/topapi/message/corpconversation/asyncsend_v2");
  EXPECT_EQ(sent.at(0)["body"]["userid_list"], "T-BC-01-012");
  EXPECT_EQ(sent.at(0)["body"]["agent_id"], 4242);
}

// The scheme agrees with an independent implementation: the openssl command line encrypts an
// event the host accepts, and decrypts the host's reply.
TEST_F(DingTalkEvents, OpensslEncryptedEventIsAcceptedAndOpensslDecryptsTheReply) {
  std::string key = dingtalk::base64_decode_key(kAesKey);
  auto hex = [](const std::string& bytes) {
    static const char* d = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
      out += d[c >> 4];
      out += d[c & 15];
    }
    return out;
  };
  std::string msg = bpms("pi-openssl", "finish").dump();
  std::string plain = "openssl-random16";
  uint32_t n = static_cast<uint32_t>(msg.size());
  plain += std::string{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                       static_cast<char>(n >> 8), static_cast<char>(n)};
  plain += msg + kAppKey;
  size_t pad = 32 - plain.size() % 32;
  plain += std::string(pad, static_cast<char>(pad));
  std::string dir = host_->dir();
  std::ofstream(dir + "/plain.bin", std::ios::binary) << plain;
  std::string cmd = "openssl enc -aes-256-cbc -nopad -base64 -A -K " + hex(key) + " -iv " +
                    hex(key.substr(0, 16)) + " -in " + dir + "/plain.bin";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string encrypt;
  char buf[4096];
  while (size_t k = fread(buf, 1, sizeof buf, p)) encrypt.append(buf, k);
  ASSERT_EQ(pclose(p), 0) << "openssl is needed (Debian package openssl)";
  auto crypto = dingtalk::CallbackCrypto::create(kCallbackToken, kAesKey, kAppKey);
  SignedEvent e;
  e.timestamp = std::to_string(now_ms());
  e.nonce = "opensslnonce";
  e.encrypt = encrypt;
  e.signature = crypto->signature(e.timestamp, e.nonce, e.encrypt);
  auto r = post_signed(*host_, e);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(inbox_events(*host_), 1);

  std::ofstream(dir + "/reply.b64") << json::get<std::string>(r.json(), "encrypt");
  cmd = "openssl enc -d -aes-256-cbc -nopad -base64 -A -K " + hex(key) + " -iv " +
        hex(key.substr(0, 16)) + " -in " + dir + "/reply.b64";
  p = popen(cmd.c_str(), "r");
  std::string out;
  while (size_t k = fread(buf, 1, sizeof buf, p)) out.append(buf, k);
  ASSERT_EQ(pclose(p), 0);
  ASSERT_GE(out.size(), 27u);
  uint32_t len = (static_cast<unsigned char>(out[16]) << 24) |
                 (static_cast<unsigned char>(out[17]) << 16) |
                 (static_cast<unsigned char>(out[18]) << 8) | static_cast<unsigned char>(out[19]);
  EXPECT_EQ(out.substr(20, len), "success");
  EXPECT_EQ(out.substr(20 + len, std::string(kAppKey).size()), kAppKey);
}

}  // namespace
}  // namespace courthub::it
