// SPDX-License-Identifier: Apache-2.0
// A plugin's database on either engine, through the harness (the server's own runtime): SDK 2.3's
// dialect() and portable migrations, and a PostgreSQL host refusing a plugin that does not
// declare portable SQL while a SQLite host loads it as before.
#include <gtest/gtest.h>

#include <string>

#include "courthub/testing.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub {
namespace {

using testing::HarnessOptions;
using testing::PluginHarness;

const std::string kProbe = std::string(COURTHUB_TEST_PLUGIN_DIR) + "/sdk_probe.so";
const std::string kOlder = std::string(COURTHUB_TEST_PLUGIN_DIR) + "/abi_minor_older.so";
const std::string kHello = std::string(COURTHUB_PLUGIN_DIR) + "/hello.so";

class PluginOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override { COURTHUB_REQUIRE_POSTGRES(url_); }
  HarnessOptions options(std::string data_dir = {}) const {
    HarnessOptions o;
    o.backend = "postgres";
    o.postgres_url = url_;
    o.data_dir = std::move(data_dir);
    return o;
  }
  std::string url_;
};

TEST(PluginOnSqlite, DialectIsSqliteInAndOutOfATransaction) {
  HarnessOptions o;
  o.backend = "sqlite";
  PluginHarness h(kProbe, o);
  auto r = h.get("/dialect");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json::parse(R"({"dialect": "sqlite", "in_transaction": "sqlite"})"));
}

TEST(PluginOnSqlite, APluginWithoutPortableSqlLoadsAsBefore) {
  HarnessOptions o;
  o.backend = "sqlite";
  EXPECT_NO_THROW(PluginHarness(kOlder, o));
}

TEST_F(PluginOnPostgres, DialectIsPostgresAndPortableMigrationsRun) {
  PluginHarness h(kProbe, options());
  auto r = h.get("/dialect");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json::parse(R"({"dialect": "postgres", "in_transaction": "postgres"})"));
  // ticks' columns came from {{int64}}: a millisecond instant past 2^31 fits.
  h.query("INSERT INTO ticks VALUES (1767225600000, 1767225600001)");
  EXPECT_EQ(h.query("SELECT scheduled_ms FROM ticks")[0]["scheduled_ms"].get<int64_t>(),
            1767225600000);
  // The effects of a transaction go out after its commit, as on SQLite.
  ASSERT_EQ(h.post("/decide", Json::object({{"id", 7}})).status, 201);
  EXPECT_EQ(h.outbox().size(), 1u);
  EXPECT_EQ(h.query("SELECT id FROM courthub_effects").size(), 0u);
}

TEST_F(PluginOnPostgres, APluginWithoutPortableSqlIsRefusedByName) {
  try {
    PluginHarness h(kOlder, options());
    FAIL() << "a PostgreSQL host activated a plugin that does not declare portable SQL";
  } catch (const Error& e) {
    std::string why = e.what();
    EXPECT_NE(why.find("plugin 'abi_minor_older' ("), std::string::npos) << why;
    EXPECT_NE(why.find("does not declare portable SQL, and this host keeps plugin databases in "
                       "PostgreSQL (storage.backend: postgres)"),
              std::string::npos)
        << why;
  }
}

TEST_F(PluginOnPostgres, ASecondHarnessOnTheSameDataDirFindsTheData) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-pgh-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  int64_t first = 0;
  {
    PluginHarness h(kHello, options(tmpl));
    auto r = h.post("/greetings", Json::object({{"to", "张三"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    first = r.json()["id"].get<int64_t>();
  }
  {
    PluginHarness h(kHello, options(tmpl));  // a restart: same schema
    EXPECT_EQ(h.query("SELECT recipient FROM greetings")[0]["recipient"], "张三");
    auto r = h.post("/greetings", Json::object({{"to", "李四"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["id"].get<int64_t>(), first + 1);
  }
  std::filesystem::remove_all(tmpl);
}

TEST(PluginHarnessBackend, AnUnknownBackendIsRefused) {
  HarnessOptions o;
  o.backend = "oracle";
  try {
    PluginHarness h(kHello, o);
    FAIL() << "accepted backend 'oracle'";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "harness backend 'oracle': expected sqlite or postgres");
  }
}

}  // namespace
}  // namespace courthub
