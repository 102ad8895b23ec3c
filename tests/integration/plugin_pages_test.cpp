// SPDX-License-Identifier: Apache-2.0
// A plugin's pages over real HTTP: /apps/<plugin>/ui/ served from <plugin>.ui/ beside its .so,
// with content types, ETag/304, gzip, HEAD, caching, no token, and no way out of the folder.
#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "host_process.hpp"

namespace courthub::it {
namespace {
namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string gunzip(const std::string& data) {
  std::istringstream in(data);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::ostringstream out;
  out << inflater.rdbuf();
  return out.str();
}

std::string gzip(const std::string& data) {
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
    deflater << data;
    deflater.close();
  }
  return out.str();
}

// hello.so copied into a plugin folder of our own, with a hello.ui/ beside it that we fill, a
// secret beside the folder and symlinks pointing out of it.
class PluginPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl = (fs::temp_directory_path() / "courthub-pages-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = new fs::path(tmpl);
    fs::path plugins = *root_ / "plugins", ui = plugins / "hello.ui";
    fs::create_directories(ui);
    fs::copy_file(binary_dir() + "/plugins/hello.so", plugins / "hello.so");
    write(ui / "index.html", "<!doctype html><title>hello</title>" + std::string(400, ' '));
    write(ui / "assets/app-1a2b3c.js", "console.log('你好');\n" + std::string(2000, ';'));
    write(ui / "assets/app-1a2b3c.mjs", "export {};");
    write(ui / "style.css", "body{}");
    write(ui / "data.json", "{}");
    write(ui / "logo.svg", "<svg/>");
    write(ui / "favicon.ico", "ico");
    write(ui / "a.png", "png");
    write(ui / "b.jpg", "jpg");
    write(ui / "c.webp", "webp");
    write(ui / "f.woff2", "woff2");
    write(ui / "app.js.map", "{}");
    write(ui / "robots.txt", "ok");
    write(ui / "blob.bin", "bin");
    write(ui / ".env", "SECRET=1");
    write(*root_ / "secret.txt", "the secret outside the folder");
    // Precompressed neighbours: one inside (used as is), one a symlink out (never used).
    write(ui / "big.txt", std::string(1000, 'a'));
    write(ui / "big.txt.gz", gzip("precompressed " + std::string(1000, 'a')));
    write(ui / "out.css", std::string(1000, ' '));
    write(*root_ / "secret.css.gz", gzip("the secret outside the folder"));
    fs::create_symlink("../../secret.css.gz", ui / "out.css.gz");
    fs::create_symlink("../../secret.txt", ui / "leak.txt");
    fs::create_symlink(*root_, ui / "up");
    fs::create_symlink("index.html", ui / "home.html");  // inside the folder: fine
    std::string yaml = test_config("  - name: hello\n");
    std::string bundled = "\"" + binary_dir() + "/plugins\"";
    yaml.replace(yaml.find(bundled), bundled.size(), "\"" + plugins.string() + "\"");
    host_ = new HostProcess(yaml);
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
    fs::remove_all(*root_);
    delete root_;
  }
  static HttpResponse get(const std::string& path,
                          const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return http(host_->port(), "GET", path, "", headers);
  }
  static fs::path* root_;
  static HostProcess* host_;
};
fs::path* PluginPages::root_ = nullptr;
HostProcess* PluginPages::host_ = nullptr;

TEST_F(PluginPages, TheFolderRootIsIndexHtmlWithoutAToken) {
  auto r = get("/apps/hello/ui/");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["Content-Type"], "text/html; charset=utf-8");
  EXPECT_EQ(r.body.rfind("<!doctype html><title>hello</title>", 0), 0u);
  EXPECT_EQ(r.headers["Cache-Control"], "no-cache");
  EXPECT_EQ(get("/apps/hello/ui/index.html").body, r.body);
  EXPECT_EQ(get("/apps/hello/ui/home.html").body, r.body);  // a symlink inside the folder
  auto bare = get("/apps/hello/ui");
  EXPECT_EQ(bare.status, 308);
  EXPECT_EQ(bare.headers["Location"], "/apps/hello/ui/");
  // The rest of /apps/hello/ still needs a token.
  EXPECT_EQ(host_->post("/apps/hello/greetings", R"({"to":"x"})").status, 401);
}

TEST_F(PluginPages, ContentTypesByExtension) {
  const std::pair<const char*, const char*> cases[] = {
      {"assets/app-1a2b3c.js", "text/javascript; charset=utf-8"},
      {"assets/app-1a2b3c.mjs", "text/javascript; charset=utf-8"},
      {"style.css", "text/css; charset=utf-8"},
      {"data.json", "application/json; charset=utf-8"},
      {"logo.svg", "image/svg+xml; charset=utf-8"},
      {"favicon.ico", "image/x-icon"},
      {"a.png", "image/png"},
      {"b.jpg", "image/jpeg"},
      {"c.webp", "image/webp"},
      {"f.woff2", "font/woff2"},
      {"app.js.map", "application/json; charset=utf-8"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"blob.bin", "application/octet-stream"},
  };
  for (auto [file, type] : cases) {
    auto r = get(std::string("/apps/hello/ui/") + file);
    EXPECT_EQ(r.status, 200) << file;
    EXPECT_EQ(r.headers["Content-Type"], type) << file;
    EXPECT_EQ(r.headers["X-Content-Type-Options"], "nosniff") << file;
  }
  EXPECT_EQ(get("/apps/hello/ui/assets/app-1a2b3c.js").headers["Cache-Control"],
            "public, max-age=31536000, immutable");
}

TEST_F(PluginPages, ETagAndIfNoneMatchAnswer304) {
  auto first = get("/apps/hello/ui/style.css");
  std::string etag = first.headers["ETag"];
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get("/apps/hello/ui/style.css").headers["ETag"], etag);
  auto again = get("/apps/hello/ui/style.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.headers["ETag"], etag);
  EXPECT_EQ(get("/apps/hello/ui/style.css", {{"If-None-Match", "\"x\", W/" + etag}}).status, 304);
  EXPECT_EQ(get("/apps/hello/ui/style.css", {{"If-None-Match", "\"other\""}}).status, 200);
  EXPECT_NE(get("/apps/hello/ui/data.json").headers["ETag"], etag);
}

TEST_F(PluginPages, GzipWhenAskedAndHead) {
  std::string plain = get("/apps/hello/ui/assets/app-1a2b3c.js").body;
  auto zipped = get("/apps/hello/ui/assets/app-1a2b3c.js", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_EQ(zipped.status, 200);
  EXPECT_EQ(zipped.headers["Content-Encoding"], "gzip");
  EXPECT_EQ(zipped.headers["Vary"], "Accept-Encoding");
  EXPECT_LT(zipped.body.size(), plain.size());
  EXPECT_EQ(gunzip(zipped.body), plain);
  // Its own ETag, which If-None-Match recognises.
  EXPECT_NE(zipped.headers["ETag"], get("/apps/hello/ui/assets/app-1a2b3c.js").headers["ETag"]);
  EXPECT_EQ(get("/apps/hello/ui/assets/app-1a2b3c.js",
                {{"Accept-Encoding", "gzip"}, {"If-None-Match", zipped.headers["ETag"]}})
                .status,
            304);
  auto refused = get("/apps/hello/ui/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(refused.headers.count("Content-Encoding"), 0u);
  EXPECT_EQ(refused.body, plain);

  auto pre = get("/apps/hello/ui/big.txt", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gunzip(pre.body).rfind("precompressed ", 0), 0u) << "big.txt.gz is served as is";
  auto out = get("/apps/hello/ui/out.css", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gunzip(out.body), std::string(1000, ' ')) << "a .gz outside the folder is ignored";

  auto head = http(host_->port(), "HEAD", "/apps/hello/ui/assets/app-1a2b3c.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.headers["Content-Length"], std::to_string(plain.size()));
  EXPECT_EQ(http(host_->port(), "POST", "/apps/hello/ui/index.html", "{}").status, 405);
}

// Every way out of the folder is refused, and the secret beside it never comes back.
TEST_F(PluginPages, NoPathLeavesTheFolder) {
  const std::pair<const char*, int> cases[] = {
      {"/apps/hello/ui/../hello.so", 400},
      {"/apps/hello/ui/%2e%2e/%2e%2e/secret.txt", 400},
      {"/apps/hello/ui/%2E%2E/hello.so", 400},
      {"/apps/hello/ui/assets/..%2f..%2fsecret.txt", 400},
      {"/apps/hello/ui/..%5c..%5csecret.txt", 400},
      {"/apps/hello/ui/index.html%00.png", 400},
      {"/apps/hello/ui/./index.html", 400},
      {"/apps/hello/ui//etc/passwd", 400},
      {"/apps/hello/ui/leak.txt", 404},       // symlink to a file outside
      {"/apps/hello/ui/up/secret.txt", 404},  // symlink to a folder outside
      {"/apps/hello/ui/.env", 404},
      {"/apps/hello/ui/missing.js", 404},
      {"/apps/hello/ui/assets", 404},  // a folder
  };
  for (auto [path, status] : cases) {
    auto r = get(path);
    EXPECT_EQ(r.body.find("the secret"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    EXPECT_FALSE(r.json()["error"]["code"].get<std::string>().empty()) << path;
  }
  // Straight on the socket, as no well-behaved client would send it.
  std::string raw = raw_exchange(host_->port(),
                                 "GET /apps/hello/ui/../../secret.txt HTTP/1.1\r\nHost: x\r\n"
                                 "Connection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
  EXPECT_EQ(raw.find("the secret"), std::string::npos);
}

// The bundled hello ships its page beside hello.so in the build tree.
TEST(BundledPages, HelloShipsAnIndexPage) {
  HostProcess host(test_config("  - name: hello\n"));
  auto r = host.get("/apps/hello/ui/");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("你好"), std::string::npos);
  EXPECT_EQ(host.get("/apps/throws_in_handler/ui/").status, 404);  // no pages: not found
}

}  // namespace
}  // namespace courthub::it
