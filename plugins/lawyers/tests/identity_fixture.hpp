// SPDX-License-Identifier: Apache-2.0
// A harness with what the identity part needs: the high court and a basic court with their
// staff, a data key, a verification registry (in the plugin's data directory) that knows the
// test lawyers, and helpers that register and verify them. Other parts' tests may use it to
// get a verified lawyer: `auto id = verified_lawyer(h, li_ming());` then
// `h.as_outsider("lawyer", std::to_string(id))`.
#pragma once

#include <courthub/testing.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace lawyers::test {

inline constexpr const char* kDataKey =
    "6c61777965727320746573742064617461206b6579202d206e6f742061207365";
inline constexpr const char* kHighCourt = "LN-HC";        // level high
inline constexpr const char* kBasicCourt = "LN-BC-SY-01";  // level basic
inline constexpr const char* kHighAdmin = "hc-admin";     // court_admin of the high court
inline constexpr const char* kHighJudge = "hc-judge";     // a judge of the high court
inline constexpr const char* kBasicAdmin = "sy-admin";    // court_admin of a basic court

struct LawyerForm {
  std::string name, id_card, licence_no, firm, mobile, password;
  courthub::Json json() const;
};

// In the registry as 正常 (practicing).
LawyerForm li_ming();
LawyerForm wang_fang();
// In the registry as 暂停执业.
LawyerForm zhao_qiang();
// Not in the registry.
LawyerForm stranger();

// A harness with the courts, staff and registry above; `settings` are merged over the
// identity defaults ({"identity": {registry_file, data_key, password_cost}}). The registry is
// a file of its own (registry_file), removed with the harness; a test may rewrite it.
struct IdentityHarness {
  std::unique_ptr<courthub::testing::PluginHarness> harness;
  std::string registry_file;  // absolute

  courthub::testing::PluginHarness* operator->() const { return harness.get(); }
  courthub::testing::PluginHarness& operator*() const { return *harness; }
  ~IdentityHarness();
};
IdentityHarness identity_harness(courthub::Json settings = courthub::Json::object());

// Registers `form` (as anyone); returns the lawyer's id. Fails the test on another answer.
int64_t registered_lawyer(courthub::testing::PluginHarness& h, const LawyerForm& form);
// Registers and has the high court's admin verify; returns the id.
int64_t verified_lawyer(courthub::testing::PluginHarness& h, const LawyerForm& form);

}  // namespace lawyers::test
