// SPDX-License-Identifier: Apache-2.0
// What the H5 pages need from the host, over real HTTP against the DingTalk double: the login
// configuration, the development login (on and off), /me and the 工作台's tiles (/me/apps, from
// each plugin's app.json, read at load and reload), the kit and the host's pages as static files
// from the share folder, and /admin/* for a court_admin's session.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {
namespace fs = std::filesystem;

constexpr int64_t kClockMs = 1796443200000;  // 2026-12-05 12:00 +08:00, the host's test clock
constexpr const char* kJudge = "T-BC-01-011";
constexpr const char* kCourtAdmin = "T-BC-01-021";

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// The dingtalk section with dev_login set as asked, the plugins from `plugin_dir` first.
std::string config(const dingtalk_double::DingTalkDouble& dt, const fs::path& plugin_dir,
                   bool dev_login) {
  std::string yaml = dingtalk_config(dt, "  - name: hello\n  - name: outbox_sender\n");
  if (dev_login) yaml.replace(yaml.find("dingtalk:\n"), 10, "dingtalk:\n  dev_login: true\n");
  std::string bundled = "\"" + binary_dir() + "/plugins\"";
  yaml.replace(yaml.find(bundled), bundled.size(), "\"" + plugin_dir.string() + "\"");
  return yaml;
}

// hello and outbox_sender copied into a folder of our own: hello ships pages with a valid
// app.json, outbox_sender pages with a broken one. A share folder holds a built kit.
class MiniApp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl = (fs::temp_directory_path() / "courthub-miniapp-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = new fs::path(tmpl);
    fs::path plugins = *root_ / "plugins";
    fs::create_directories(plugins);
    fs::copy_file(binary_dir() + "/plugins/hello.so", plugins / "hello.so");
    fs::copy_file(binary_dir() + "/test-plugins/outbox_sender.so", plugins / "outbox_sender.so");
    write(plugins / "hello.ui/index.html", "<!doctype html><title>你好</title>");
    write(plugins / "hello.ui/icon.svg", "<svg/>");
    write(plugins / "hello.ui/app.json",
          R"({"title": "问候", "description": "向同事问好", "icon": "icon.svg", "order": 20,
              "badge": "/greetings/count", "imports": {"path": "/greetings/import",
              "accept": ".csv", "label": "问候名单"}})");
    write(plugins / "outbox_sender.ui/index.html", "<!doctype html>");
    write(plugins / "outbox_sender.ui/app.json", R"({"description": "no title"})");
    fs::path kit = *root_ / "share/web/kit";
    write(kit / "kit.js", "export const kit = 1;\n");
    write(kit / "kit.css", "body{}");
    write(kit / "workbench.html", "<!doctype html><title>工作台</title>");
    write(kit / "console.html", "<!doctype html><title>管理控制台</title>");
    dt_ = start_double().release();
    host_ = new HostProcess(config(*dt_, plugins, true), {},
                            {{"COURTHUB_SHARE", (*root_ / "share").string()},
                             {"COURTHUB_TEST_CLOCK_MS", std::to_string(kClockMs)}});
  }
  static void TearDownTestSuite() {
    delete host_;
    delete dt_;
    fs::remove_all(*root_);
    delete root_;
  }
  static HttpResponse dev_login(const std::string& user_id) {
    return host_->post("/auth/dev", Json::object({{"user_id", user_id}}).dump());
  }
  static std::string token_of(const std::string& user_id) {
    auto r = dev_login(user_id);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()["token"].get<std::string>() : "";
  }
  static fs::path* root_;
  static dingtalk_double::DingTalkDouble* dt_;
  static HostProcess* host_;
};
fs::path* MiniApp::root_ = nullptr;
dingtalk_double::DingTalkDouble* MiniApp::dt_ = nullptr;
HostProcess* MiniApp::host_ = nullptr;

TEST_F(MiniApp, AuthConfigTellsThePagesHowToLogInAndTheHostsTime) {
  auto r = host_->get("/auth/config");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["corp_id"], kCorpId);
  EXPECT_EQ(r.json()["dev_login"], true);
  EXPECT_EQ(r.json()["now_ms"], kClockMs);
  EXPECT_NE(host_->log().find("dingtalk.dev_login is on"), std::string::npos) << host_->log();
}

TEST_F(MiniApp, DevLoginGoesThroughTheDoublesCodeExchange) {
  size_t exchanges = calls(*dt_, "/topapi/v2/user/getuserinfo");
  auto r = dev_login(kJudge);
  ASSERT_EQ(r.status, 200) << r.body;
  Json login = r.json();
  EXPECT_EQ(login["token_type"], "Bearer");
  EXPECT_EQ(login["expires_at"], kClockMs / 1000 + 28800);
  EXPECT_EQ(login["user"]["user_id"], kJudge);
  EXPECT_EQ(login["user"]["name"], "法官甲");
  EXPECT_EQ(login["user"]["court_name"], "测试基层人民法院");
  EXPECT_EQ(login["user"]["dept_name"], "民事审判第一庭");
  EXPECT_EQ(calls(*dt_, "/topapi/v2/user/getuserinfo"), exchanges + 1);

  auto me = host_->get("/me", login["token"].get<std::string>());
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["user"], login["user"]);
  EXPECT_EQ(me.json()["expires_at"], login["expires_at"]);
  EXPECT_EQ(me.json()["console"], false);
}

TEST_F(MiniApp, DevUsersAreListedAndFiltered) {
  auto all = host_->get("/auth/dev/users");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["users"].size(), 10u);
  Json first = all.json()["users"][0];
  for (const char* key : {"user_id", "name", "title", "court_code", "court_name", "dept_name", "roles"})
    EXPECT_TRUE(first.contains(key)) << key;
  auto admins = host_->get("/auth/dev/users?q=%E7%AE%A1%E7%90%86%E5%91%98");  // 管理员
  ASSERT_EQ(admins.json()["users"].size(), 2u) << admins.body;  // one per court
  EXPECT_EQ(admins.json()["users"][0]["user_id"], kCourtAdmin);
  EXPECT_EQ(admins.json()["users"][1]["user_id"], "T-HC-021");
  auto by_court = host_->get("/auth/dev/users?q=%E9%AB%98%E7%BA%A7");  // 高级 (the high court)
  ASSERT_EQ(by_court.json()["users"].size(), 2u) << by_court.body;
  const Json court_users = by_court.json();
  for (auto& u : court_users["users"]) EXPECT_EQ(u["court_code"], "T-HC") << by_court.body;
  EXPECT_EQ(host_->get("/auth/dev/users?limit=2").json()["users"].size(), 2u);
  EXPECT_EQ(host_->get("/auth/dev/users?limit=lots").status, 400);
}

TEST_F(MiniApp, DevLoginRefusesWhatItCannotUse) {
  auto missing = host_->post("/auth/dev", "{}");
  ASSERT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(missing.json()["error"]["details"]["fields"][0]["field"], "user_id");
  EXPECT_EQ(host_->post("/auth/dev", R"({"user_id": 11})").status, 400);
  EXPECT_EQ(host_->post("/auth/dev", "not json").status, 400);
  auto stranger = dev_login("nobody");
  EXPECT_EQ(stranger.status, 403) << stranger.body;
  EXPECT_EQ(stranger.json()["error"]["code"], "permission_denied");
  EXPECT_EQ(http(host_->port(), "GET", "/auth/dev").status, 405);
}

TEST_F(MiniApp, MeNeedsASession) {
  EXPECT_EQ(host_->get("/me").status, 401);
  EXPECT_EQ(host_->get("/me", "forged").status, 401);
  EXPECT_EQ(host_->get("/me/apps").status, 401);
  auto admin = host_->get("/me", token_of(kCourtAdmin));
  ASSERT_EQ(admin.status, 200) << admin.body;
  EXPECT_EQ(admin.json()["console"], true);
}

// The pages' person pickers: one search of the host's directory, the caller's court first.
TEST_F(MiniApp, DirectoryPeopleFindsColleaguesForASession) {
  EXPECT_EQ(host_->get("/directory/people?q=x").status, 401);
  EXPECT_EQ(host_->get("/directory/people", "forged").status, 401);
  std::string judge = token_of(kJudge);

  auto court = host_->get("/directory/people", judge);  // nothing typed: the judge's court
  ASSERT_EQ(court.status, 200) << court.body;
  Json people = court.json()["people"];
  ASSERT_EQ(people.size(), 8u) << court.body;
  EXPECT_EQ(people[0], Json::parse(R"({"user_id": "T-BC-01-001", "name": "基院长", "title": "院长",
      "dept_name": "测试基层人民法院", "court_code": "T-BC-01", "court_name": "测试基层人民法院"})"));

  // 院长 in three names, none equal or starting with it: the judge's own court first.
  auto heads = host_->get("/directory/people?q=%E9%99%A2%E9%95%BF", judge);
  std::vector<std::string> ids;
  Json found = heads.json()["people"];
  for (auto& p : found) ids.push_back(p["user_id"].get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"T-BC-01-001", "T-BC-01-002", "T-HC-001"}))
      << heads.body;
  auto clerks = host_->get("/directory/people?role=clerk&court=T-BC-01&limit=5", judge);
  ASSERT_EQ(clerks.json()["people"].size(), 1u) << clerks.body;
  EXPECT_EQ(clerks.json()["people"][0]["name"], "书记员甲");

  auto bad_limit = host_->get("/directory/people?limit=101", judge);
  ASSERT_EQ(bad_limit.status, 400) << bad_limit.body;
  EXPECT_EQ(bad_limit.json()["error"]["details"]["fields"][0]["field"], "limit");
  auto bad_role = host_->get("/directory/people?role=boss", judge);
  ASSERT_EQ(bad_role.status, 400) << bad_role.body;
  EXPECT_EQ(bad_role.json()["error"]["details"]["fields"][0]["field"], "role");
}

TEST_F(MiniApp, AppsAreTheTilesOfPluginsWithAValidAppJson) {
  auto r = host_->get("/me/apps", token_of(kJudge));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["console"], false);
  Json apps = r.json()["apps"];
  ASSERT_EQ(apps.size(), 1u) << apps.dump();  // outbox_sender's app.json has no title
  EXPECT_EQ(apps[0]["plugin"], "hello");
  EXPECT_EQ(apps[0]["title"], "问候");
  EXPECT_EQ(apps[0]["description"], "向同事问好");
  EXPECT_EQ(apps[0]["icon"], "/apps/hello/ui/icon.svg");
  EXPECT_EQ(apps[0]["url"], "/apps/hello/ui/");
  EXPECT_EQ(apps[0]["badge"], "/greetings/count");
  EXPECT_EQ(host_->get("/apps/hello/ui/icon.svg").status, 200);
  std::string warning = (*root_ / "plugins/outbox_sender.ui/app.json").string() + ": \"title\"";
  EXPECT_NE(host_->log().find(warning), std::string::npos) << host_->log();
  EXPECT_TRUE(host_->get("/me/apps", token_of(kCourtAdmin)).json()["console"].get<bool>());
}

// Static files from <share>/web/kit: the kit, the 工作台 and the console.
TEST_F(MiniApp, KitWorkbenchAndConsoleAreServedFromTheShareFolder) {
  auto kit = host_->get("/kit/kit.js");
  ASSERT_EQ(kit.status, 200) << kit.body;
  EXPECT_EQ(kit.body, "export const kit = 1;\n");
  EXPECT_EQ(kit.headers["Content-Type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(host_->get("/kit/kit.css").headers["Content-Type"], "text/css; charset=utf-8");
  EXPECT_EQ(host_->get("/kit/missing.js").status, 404);
  EXPECT_EQ(host_->get("/kit/..%2f..%2fplugins/hello.so").status, 400);
  EXPECT_EQ(host_->get("/kit/../share/web/kit/kit.js").status, 400);

  for (const char* path : {"/apps/", "/apps/index.html"}) {
    auto r = host_->get(path);
    ASSERT_EQ(r.status, 200) << path << " " << r.body;
    EXPECT_EQ(r.body, "<!doctype html><title>工作台</title>") << path;
    EXPECT_EQ(r.headers["Content-Type"], "text/html; charset=utf-8");
  }
  EXPECT_EQ(host_->get("/apps").status, 308);
  EXPECT_EQ(host_->get("/apps").headers["Location"], "/apps/");
  auto console = host_->get("/console/");
  ASSERT_EQ(console.status, 200) << console.body;
  EXPECT_EQ(console.body, "<!doctype html><title>管理控制台</title>");
  EXPECT_EQ(host_->get("/console").headers["Location"], "/console/");
  // The plugins' own pages and API are where they were.
  EXPECT_EQ(host_->get("/apps/hello/ui/").body, "<!doctype html><title>你好</title>");
  EXPECT_EQ(host_->post("/apps/hello/greetings", R"({"to":"x"})").status, 401);
}

TEST_F(MiniApp, AdminTakesACourtAdminsSessionAndRefusesOtherStaff) {
  const std::string admin = token_of(kCourtAdmin), judge = token_of(kJudge);
  auto plugins = host_->get("/admin/plugins", admin);
  ASSERT_EQ(plugins.status, 200) << plugins.body;
  Json hello = plugins.json()["plugins"][0];
  EXPECT_EQ(hello["name"], "hello");
  EXPECT_EQ(hello["state"], "active");
  EXPECT_FALSE(hello["version"].get<std::string>().empty());
  EXPECT_EQ(hello["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(hello["error"], "");

  // The console's 导入 panel finds the plugins' imports in the tiles, for a token or a court_admin.
  for (const std::string& token : {admin, std::string()}) {
    auto apps = token.empty() ? host_->admin_get("/admin/apps") : host_->get("/admin/apps", token);
    ASSERT_EQ(apps.status, 200) << apps.body;
    ASSERT_EQ(apps.json()["apps"].size(), 1u) << apps.body;
    EXPECT_EQ(apps.json()["apps"][0]["imports"]["url"], "/apps/hello/greetings/import");
    EXPECT_EQ(apps.json()["apps"][0]["imports"]["label"], "问候名单");
  }
  EXPECT_EQ(host_->get("/admin/apps", judge).status, 403);
  EXPECT_EQ(host_->get("/admin/apps").status, 401);

  auto refused = host_->get("/admin/plugins", judge);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find("court_admin"),
            std::string::npos);
  EXPECT_EQ(host_->get("/admin/plugins").status, 401);
  EXPECT_EQ(host_->get("/admin/plugins", "forged").status, 401);
  // The test clock is the operator's alone.
  EXPECT_EQ(host_->post("/admin/clock", R"({"advance_ms": 0})", admin).status, 401);
  EXPECT_EQ(host_->admin_post("/admin/clock", R"({"advance_ms": 0})").status, 200);

  auto reload = host_->post("/admin/reload", "{}", admin);
  ASSERT_EQ(reload.status, 200) << reload.body;
  EXPECT_EQ(reload.json()["changes"][0]["action"], "unchanged");
  EXPECT_EQ(reload.json()["plugins"][0]["state"], "active");
  EXPECT_EQ(host_->post("/admin/reload", "{}", judge).status, 403);
  auto audit = host_->get("/admin/audit?limit=5", admin).json()["entries"];
  bool by_admin = false;
  for (auto& e : audit) by_admin |= e["action"] == "config.reload" && e["actor"] == kCourtAdmin;
  EXPECT_TRUE(by_admin) << audit.dump();
}

// Tiles are read at load and reload, not per request.
TEST_F(MiniApp, AppJsonIsReadAgainOnReload) {
  const std::string judge = token_of(kJudge);
  write(*root_ / "plugins/outbox_sender.ui/app.json", R"({"title": "发件箱", "order": 10})");
  EXPECT_EQ(host_->get("/me/apps", judge).json()["apps"].size(), 1u);
  ASSERT_EQ(host_->admin_post("/admin/reload").status, 200);
  Json apps = host_->get("/me/apps", judge).json()["apps"];
  ASSERT_EQ(apps.size(), 2u) << apps.dump();
  EXPECT_EQ(apps[0]["plugin"], "outbox_sender");  // order 10 before 20
  EXPECT_EQ(apps[0]["badge"], nullptr);
  EXPECT_EQ(apps[0]["icon"], "");
  write(*root_ / "plugins/outbox_sender.ui/app.json", R"({"description": "no title"})");
  ASSERT_EQ(host_->admin_post("/admin/reload").status, 200);
}

TEST(MiniAppDevLoginOff, TheDevLoginIsNotFound) {
  auto dt = start_double();
  HostProcess host(config(*dt, binary_dir() + "/plugins", false));
  auto cfg = host.get("/auth/config");
  ASSERT_EQ(cfg.status, 200) << cfg.body;
  EXPECT_EQ(cfg.json()["dev_login"], false);
  EXPECT_EQ(cfg.json()["corp_id"], kCorpId);
  for (auto r : {host.get("/auth/dev/users"),
                 host.post("/auth/dev", Json::object({{"user_id", kJudge}}).dump())}) {
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "not_found");
  }
  EXPECT_EQ(host.log().find("dev_login is on"), std::string::npos);
  EXPECT_EQ(calls(*dt, "/topapi/v2/user/getuserinfo"), 0u);
}

// The double is gone: 503, and the host keeps serving.
TEST(MiniAppDevLoginOn, WithoutTheDoubleItIsUnavailable) {
  auto dt = start_double();
  HostProcess host(config(*dt, binary_dir() + "/plugins", true));
  dt.reset();
  auto r = host.post("/auth/dev", Json::object({{"user_id", kJudge}}).dump());
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "unavailable");
  EXPECT_EQ(host.get("/auth/config").status, 200);
}

}  // namespace
}  // namespace courthub::it
