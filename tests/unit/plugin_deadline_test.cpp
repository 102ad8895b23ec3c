// SPDX-License-Identifier: Apache-2.0
// The deadline and the bulkhead as each channel's caller sees them (dispatch.cpp): a robot
// command gets a chat text, a card action the card error shape with 504 / 503, an HTTP route
// 504 deadline_exceeded or 503 busy with Retry-After. In process, on the slowpoke test plugin.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <future>

#include "host/plugins/dispatch.hpp"
#include "host/plugins/plugin_instance.hpp"

namespace courthub::plugins {
namespace {

const std::string kSlowpoke = std::string(COURTHUB_TEST_PLUGIN_DIR) + "/slowpoke.so";

class PluginDeadline : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "courthub-deadline-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    release_ = dir_ + "/release";
  }
  void TearDown() override {
    std::ofstream(release_) << "go";  // ends the calls the tests abandoned
    if (plugin_) plugin_->retire();
    std::filesystem::remove_all(dir_);
  }
  PluginInstance& start(config::PluginLimits limits) {
    auto lib = load_plugin_library(kSlowpoke, "slowpoke", "");
    EXPECT_TRUE(lib.ok()) << lib.outcome().message();
    config::PluginConfig pc;
    pc.name = "slowpoke";
    pc.file = kSlowpoke;
    pc.limits = limits;
    plugin_ = std::make_unique<PluginInstance>(*lib, pc, nullptr);
    EXPECT_TRUE(plugin_->configure().ok());
    EXPECT_TRUE(plugin_->activate().ok());
    return *plugin_;
  }
  HttpCall hold() const {
    HttpCall call;
    call.method = "GET";
    call.path = "/hold";
    call.query = {{"file", release_}};
    call.caller = &caller_;
    call.request_id = "req-hold";
    return call;
  }

  std::string dir_, release_;
  ch_caller caller_{sizeof(ch_caller), CH_CALLER_STAFF};
  std::unique_ptr<PluginInstance> plugin_;
};

TEST_F(PluginDeadline, EachChannelAnswersADeadlineInItsOwnShape) {
  PluginInstance& p = start({50, 4, 4});
  HttpAnswer http = call_http(p, hold());
  EXPECT_EQ(http.status, 504);
  Json body = Json::parse(http.body);
  EXPECT_EQ(body["error"]["code"], "deadline_exceeded");
  EXPECT_EQ(body["error"]["plugin"], "slowpoke");
  EXPECT_EQ(body["request_id"], "req-hold");
  EXPECT_EQ(http.route, "/hold");
  EXPECT_TRUE(http.logged_error.empty());  // counted and logged by CallStats, rate-limited

  CommandRegistration command = p.commands().at(0);
  CommandAnswer said = call_command(p, command, release_, caller_, "chat", false, "req-cmd");
  EXPECT_FALSE(said.ok);
  EXPECT_NE(said.text.find("did not answer in time"), std::string::npos) << said.text;
  EXPECT_NE(said.text.find("req-cmd"), std::string::npos) << said.text;

  CardAnswer card = call_card_action(p, p.card_actions().at(0),
                                     Json::object({{"file", release_}}), "track-1", caller_,
                                     "req-card");
  EXPECT_EQ(card.status, 504);
  EXPECT_EQ(card.body["error"]["code"], "deadline_exceeded");
  EXPECT_EQ(card.body["request_id"], "req-card");

  CallReport report = p.call_report();
  EXPECT_EQ(report.counts.deadline_exceeded, 3u);
  EXPECT_EQ(report.counts.abandoned, 3u);
  EXPECT_TRUE(report.slow);
}

TEST_F(PluginDeadline, EachChannelAnswersAFullBulkheadInItsOwnShape) {
  PluginInstance& p = start({60000, 1, 0});
  auto held = std::async(std::launch::async, [&] { return call_http(p, hold()); });
  while (p.call_report().in_flight != 1) std::this_thread::yield();

  HttpAnswer http = call_http(p, hold());
  EXPECT_EQ(http.status, 503);
  EXPECT_EQ(Json::parse(http.body)["error"]["code"], "busy");
  ASSERT_EQ(http.headers.size(), 1u);
  EXPECT_EQ(http.headers[0], (std::pair<std::string, std::string>{"Retry-After", "1"}));

  CommandAnswer said =
      call_command(p, p.commands().at(0), release_, caller_, "chat", false, "req-cmd");
  EXPECT_FALSE(said.ok);
  EXPECT_NE(said.text.find("busy"), std::string::npos) << said.text;

  CardAnswer card = call_card_action(p, p.card_actions().at(0),
                                     Json::object({{"file", release_}}), "track-1", caller_,
                                     "req-card");
  EXPECT_EQ(card.status, 503);
  EXPECT_EQ(card.body["error"]["code"], "busy");

  std::ofstream(release_) << "go";
  EXPECT_EQ(held.get().status, 200);
  EXPECT_EQ(p.call_report().counts.rejected, 3u);
}

}  // namespace
}  // namespace courthub::plugins
