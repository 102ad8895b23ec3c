// SPDX-License-Identifier: Apache-2.0
// The behaviour tests' world: the approvals plugin in the real host runtime (courthub::testing),
// a small court (the same as FakeOrg::court()) and a few templates, one per chain kind.
#pragma once

#include <courthub/testing.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace approvals::testing {

using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

// The templates of the behaviour tests:
//   leave        庭长; 分管院领导 when days > 1; 院长 when days > 3; CC court_admin at finish
//   countersign  T-011 and T-012 (会签), then the originator's 1st supervisor
//   orsign       every judge of the court (或签)
//   choice       the originator's choice (key reviewer)
//   trip         branch on amount: > 5000 院长, else 分管院领导; CC court_admin at start,
//                president at finish
//   judges_only  may_start: judges; one supervisor step
//   room_booking exactly rooms' form, requested_only: the court_admin (或签), or the people the
//                room names (approvers.room) when room_approvers is set
Json test_templates();
Json test_settings(Json extra = Json::object());

// Harness options with `settings` and the work calendar of the source tree (2025, 2026).
courthub::testing::HarnessOptions harness_options(Json settings);

// Adds the test court (fake_org.hpp describes it) to a harness's directory.
void seed_court(PluginHarness& h);

// A valid leave form for `days` days.
Json leave_form(double days);
// The rooms plugin's form for room_booking.
Json room_form();

class ApprovalsTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // Overridden by tests that need other settings.
  virtual Json settings() { return test_settings(); }

  PluginHarness& harness() { return *h_; }

  HttpResult submit_as(const std::string& user, const std::string& tpl, const Json& form,
                       const Json& approvers = Json());
  // Submits and expects 201; returns the instance id (0 on failure, with a test failure).
  int64_t submit(const std::string& user, const std::string& tpl, const Json& form,
                 const Json& approvers = Json());
  HttpResult act(const std::string& user, int64_t instance, Json body);
  // POST /attachments as `user`: `bytes` as the body, `name` percent-encoded in X-File-Name.
  HttpResult upload_as(const std::string& user, const std::string& name, const std::string& type,
                       const std::string& bytes);
  // Uploads a small PDF and expects 201; returns {id, name, type, size} (null on failure).
  Json upload_pdf(const std::string& user, const std::string& name = "函.pdf");
  HttpResult agree(const std::string& user, int64_t instance, const std::string& comment = "");
  // The id of `user`'s RUNNING task in the instance (0 if none).
  int64_t task_of(int64_t instance, const std::string& user);
  // Who has RUNNING tasks in the instance, by user id.
  std::vector<std::string> running(int64_t instance);
  // The instance as the operator sees it (GET /instances/{id}).
  Json detail(int64_t instance);
  // Outbox messages whose target includes `user`: notifications and cards, or with
  // `card_updates` only the updates of cards sent earlier.
  std::vector<Json> sent_to(const std::string& user, bool card_updates = false);
  // Payloads this plugin published on `topic` ("approvals.instance_finished").
  std::vector<Json> events(const std::string& topic);

  std::unique_ptr<PluginHarness> h_;
};

}  // namespace approvals::testing
