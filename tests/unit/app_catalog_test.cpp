// SPDX-License-Identifier: Apache-2.0
// parse_app_json: what a plugin's app.json may declare for its 工作台 tile, and what it may not.
#include <gtest/gtest.h>

#include "host/http/app_catalog.hpp"

namespace courthub::http {
namespace {

TEST(AppJson, AFullTileWithAbsoluteIconAndUrl) {
  auto tile = parse_app_json("rooms", R"({"title": "会议室", "description": "预约会议室",
      "icon": "img/icon.svg", "order": 20, "badge": "/tasks/count"})");
  ASSERT_TRUE(tile.ok()) << tile.outcome().message();
  EXPECT_EQ(tile->title, "会议室");
  EXPECT_EQ(tile->description, "预约会议室");
  EXPECT_EQ(tile->icon, "/apps/rooms/ui/img/icon.svg");
  EXPECT_EQ(tile->url, "/apps/rooms/ui/");
  EXPECT_EQ(tile->badge, "/tasks/count");
  EXPECT_EQ(tile->order, 20);
  Json j = tile->to_json();
  EXPECT_EQ(j["plugin"], "rooms");
  EXPECT_EQ(j["badge"], "/tasks/count");
}

TEST(AppJson, OnlyTheTitleIsRequired) {
  auto tile = parse_app_json("hello", R"({"title": "问候"})");
  ASSERT_TRUE(tile.ok()) << tile.outcome().message();
  EXPECT_EQ(tile->icon, "");
  EXPECT_FALSE(tile->badge.has_value());
  EXPECT_EQ(tile->order, 1000);
  EXPECT_TRUE(tile->to_json()["badge"].is_null());
}

TEST(AppJson, APageOpensThatFileOfTheFolderAndTheIconStaysInIt) {
  auto tile = parse_app_json("lawyers", R"({"title": "律师服务", "icon": "icon.svg",
      "page": "court.html"})");
  ASSERT_TRUE(tile.ok()) << tile.outcome().message();
  EXPECT_EQ(tile->url, "/apps/lawyers/ui/court.html");
  EXPECT_EQ(tile->icon, "/apps/lawyers/ui/icon.svg");
  EXPECT_EQ(tile->to_json()["url"], "/apps/lawyers/ui/court.html");
}

TEST(AppJson, AnImportIsAPathBelowThePluginWithWhatItAccepts) {
  auto tile = parse_app_json("incentive_board", R"({"title": "双激励通报",
      "imports": {"path": "/imports", "accept": ".csv,.ndjson,.jsonl", "label": "案件数据"}})");
  ASSERT_TRUE(tile.ok()) << tile.outcome().message();
  ASSERT_TRUE(tile->imports.has_value());
  EXPECT_EQ(tile->imports->path, "/imports");
  EXPECT_EQ(tile->imports->accept, ".csv,.ndjson,.jsonl");
  EXPECT_EQ(tile->imports->label, "案件数据");
  Json j = tile->to_json()["imports"];
  EXPECT_EQ(j["url"], "/apps/incentive_board/imports");
  EXPECT_EQ(j["accept"], ".csv,.ndjson,.jsonl");
  EXPECT_EQ(j["label"], "案件数据");
  // Only the path is required; without imports the tile says null.
  auto bare = parse_app_json("p", R"({"title": "t", "imports": {"path": "/data"}})");
  ASSERT_TRUE(bare.ok()) << bare.outcome().message();
  EXPECT_EQ(bare->to_json()["imports"]["accept"], "");
  EXPECT_TRUE(parse_app_json("p", R"({"title": "t"})")->to_json()["imports"].is_null());
}

TEST(AppJson, MistakesNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {"{", "not JSON"},
      {"[]", "expected a JSON object"},
      {R"({"description": "x"})", "\"title\" is required"},
      {R"({"title": 5})", "\"title\" must be a string"},
      {R"({"title": "t", "icon": "../hello.so"})", "\"icon\" must name a file"},
      {R"({"title": "t", "icon": "/etc/passwd"})", "\"icon\" must name a file"},
      {R"({"title": "t", "icon": "https://x/i.svg"})", "\"icon\" must name a file"},
      {R"({"title": "t", "badge": "tasks/count"})", "\"badge\" must be a path"},
      {R"({"title": "t", "badge": "/../admin"})", "\"badge\" must be a path"},
      {R"({"title": "t", "page": "../hello.so"})", "\"page\" must name a file"},
      {R"({"title": "t", "page": "/apps/"})", "\"page\" must name a file"},
      {R"({"title": "t", "page": 3})", "\"page\" must be a string"},
      {R"({"title": "t", "order": "first"})", "\"order\" must be an integer"},
      {R"({"title": "t", "order": 1.5})", "\"order\" must be an integer"},
      {R"({"title": "t", "imports": "/imports"})", "\"imports\" must be an object"},
      {R"({"title": "t", "imports": {}})", "\"imports\" needs a \"path\""},
      {R"({"title": "t", "imports": {"path": "imports"}})", "\"imports\" needs a \"path\""},
      {R"({"title": "t", "imports": {"path": "/../admin/reload"}})", "\"imports\" needs a \"path\""},
      {R"({"title": "t", "imports": {"path": "/i", "accept": 3}})", "\"imports\" \"accept\" must be"},
  };
  for (auto [text, why] : cases) {
    auto tile = parse_app_json("p", text);
    ASSERT_FALSE(tile.ok()) << text;
    EXPECT_NE(tile.outcome().message().find(why), std::string::npos)
        << text << " -> " << tile.outcome().message();
  }
}

}  // namespace
}  // namespace courthub::http
