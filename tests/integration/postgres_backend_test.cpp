// SPDX-License-Identifier: Apache-2.0
// The real host on PostgreSQL (storage.backend: postgres), over HTTP: the host's tables and each
// portable plugin's in schemas of their own, in process and in a runner; a plugin that does not
// declare portable SQL refused by name while the others serve; the data still there after a
// restart; and the database URL, a secret, in no log line.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "host/storage/backend.hpp"
#include "host/storage/postgres_database.hpp"
#include "host_process.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub::it {
namespace {

constexpr const char* kPassword = "pg-secret-Qx7-never-logged";

class HostOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    COURTHUB_REQUIRE_POSTGRES(conninfo_);
    schema_ = testing_postgres::unique_schema("it");
    // The throwaway cluster trusts every local user; the password is there to be looked for.
    env_ = {{"COURTHUB_DATABASE_URL", conninfo_ + " password=" + kPassword}};
  }
  void TearDown() override {
    if (schema_.empty()) return;
    auto db = storage::open_postgres(storage::PostgresOptions{conninfo_, schema_, 1, 5000});
    ASSERT_TRUE(db) << db.outcome().message();
    std::string drop;
    for (const char* plugin : {"hello", "sdk_probe", "abi_minor_older"})
      drop += "DROP SCHEMA IF EXISTS \"" + storage::plugin_schema(schema_, plugin) + "\" CASCADE;";
    drop += "DROP SCHEMA \"" + schema_ + "\" CASCADE";
    EXPECT_TRUE((*db)->transaction([&](storage::Transaction& t) { return t.script(drop); }).ok());
  }

  std::string config(const std::string& plugins) const {
    std::string yaml = test_config(plugins);
    const std::string sqlite = "storage:\n  data_dir: \"{DATA}\"\n";
    auto at = yaml.find(sqlite);
    EXPECT_NE(at, std::string::npos) << yaml;
    yaml.replace(at, sqlite.size(),
                 "storage:\n  backend: postgres\n  data_dir: \"{DATA}\"\n  postgres:\n"
                 "    url: ${COURTHUB_DATABASE_URL}\n    schema: " + schema_ + "\n");
    return yaml;
  }

  // Rows of `sql` in schema `schema`, read directly (not through the host).
  int64_t count(const std::string& schema, const std::string& sql) const {
    auto db = storage::open_postgres(storage::PostgresOptions{conninfo_, schema, 1, 5000});
    EXPECT_TRUE(db) << db.outcome().message();
    int64_t n = -1;
    Outcome o = (*db)->query(sql, {}, [&](const ch_str*, const ch_value* v, size_t) {
      n = v[0].as.i;
      return Outcome::success();
    });
    EXPECT_TRUE(o.ok()) << o.message();
    return n;
  }

  std::string conninfo_, schema_;
  std::map<std::string, std::string> env_;
};

TEST_F(HostOnPostgres, PortablePluginsServeFromTheirSchemasAndTheOthersAreRefusedByName) {
  const std::string plugins =
      "  - name: hello\n"
      "  - name: sdk_probe\n    isolation: process\n"
      "  - name: abi_minor_older\n";
  int64_t first = 0;
  {
    HostProcess host(config(plugins), {}, env_);
    EXPECT_EQ(host.plugin_status("hello")["state"], "active");
    EXPECT_EQ(host.plugin_status("sdk_probe")["state"], "active");
    Json older = host.plugin_status("abi_minor_older");
    EXPECT_EQ(older["state"], "error");
    EXPECT_EQ(older["error"].get<std::string>().rfind("plugin 'abi_minor_older' (", 0), 0u)
        << older.dump();
    EXPECT_NE(older["error"].get<std::string>().find(
                  "does not declare portable SQL, and this host keeps plugin databases in "
                  "PostgreSQL (storage.backend: postgres); rebuild it against SDK 2.3"),
              std::string::npos)
        << older.dump();

    auto r = host.admin_post("/apps/hello/greetings", R"({"to": "张三"})");
    ASSERT_EQ(r.status, 201) << r.body;
    first = r.json()["id"].get<int64_t>();
    // The runner asks the host which engine it has (SDK 2.3's db_dialect across the process).
    r = host.admin_get("/apps/sdk_probe/dialect");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json(), Json::parse(R"({"dialect": "postgres", "in_transaction": "postgres"})"));
    ASSERT_EQ(host.admin_post("/apps/sdk_probe/decide", R"({"id": 4})").status, 201);

    // Nothing went to SQLite files; the rows are in the schemas.
    EXPECT_FALSE(std::filesystem::exists(host.data_dir() + "/courthub.db"));
    EXPECT_FALSE(std::filesystem::exists(host.data_dir() + "/plugins/hello.db"));
    EXPECT_EQ(count(storage::plugin_schema(schema_, "hello"), "SELECT count(*) FROM greetings"), 1);
    EXPECT_EQ(count(storage::plugin_schema(schema_, "sdk_probe"),
                    "SELECT count(*) FROM decisions WHERE id = 4"),
              1);
    EXPECT_EQ(count(schema_, "SELECT count(*) FROM outbox WHERE plugin = 'sdk_probe'"), 1);
    EXPECT_GE(count(schema_, "SELECT count(*) FROM courts"), 1);
    EXPECT_EQ(host.log().find(kPassword), std::string::npos) << host.log();
  }
  // Another host process (a restart, or the next release) on the same schemas.
  HostProcess again(config(plugins), {}, env_);
  auto r = again.admin_post("/apps/hello/greetings", R"({"to": "李四"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["id"].get<int64_t>(), first + 1);
  EXPECT_EQ(count(storage::plugin_schema(schema_, "hello"), "SELECT count(*) FROM greetings"), 2);
  EXPECT_EQ(again.log().find(kPassword), std::string::npos) << again.log();
}

TEST_F(HostOnPostgres, AnUnreachableDatabaseStopsTheStartWithoutShowingTheUrl) {
  env_["COURTHUB_DATABASE_URL"] =
      std::string("host=127.0.0.1 port=1 user=courthub connect_timeout=2 password=") + kPassword;
  try {
    HostProcess host(config("  - name: hello\n"), {}, env_);
    FAIL() << "the host started without its database";
  } catch (const std::runtime_error& e) {
    std::string log = e.what();
    EXPECT_NE(log.find("PostgreSQL"), std::string::npos) << log;
    EXPECT_EQ(log.find(kPassword), std::string::npos) << log;
  }
  schema_.clear();  // nothing was created
}

}  // namespace
}  // namespace courthub::it
