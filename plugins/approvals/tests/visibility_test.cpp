// SPDX-License-Identifier: Apache-2.0
// Who sees, cancels and starts what.
#include <gtest/gtest.h>

#include "../visibility.hpp"
#include "fake_org.hpp"

namespace approvals {
namespace {

Viewer staff(std::string id, std::string court, std::vector<std::string> roles) {
  Viewer v;
  v.kind = Viewer::Kind::kStaff;
  v.user_id = std::move(id);
  v.court_code = std::move(court);
  v.roles = std::move(roles);
  return v;
}

TEST(Visibility, ParticipantsSeeTheirInstances) {
  Viewer judge = staff("u", "T-BC", {"judge"});
  EXPECT_FALSE(may_view(judge, "T-BC", {}));
  EXPECT_TRUE(may_view(judge, "T-BC", {true, false, false}));
  EXPECT_TRUE(may_view(judge, "T-BC", {false, true, false}));
  EXPECT_TRUE(may_view(judge, "T-BC", {false, false, true}));
}

TEST(Visibility, TheCourtAdminSeesTheirCourtOnly) {
  Viewer admin = staff("a", "T-BC", {"court_admin"});
  EXPECT_TRUE(may_view(admin, "T-BC", {}));
  EXPECT_FALSE(may_view(admin, "T-IC", {}));
  EXPECT_TRUE(may_cancel(admin, "T-BC"));
  EXPECT_FALSE(may_cancel(admin, "T-IC"));
  EXPECT_TRUE(may_list_court(admin, "T-BC"));
  EXPECT_FALSE(may_list_court(admin, ""));
}

TEST(Visibility, ThePresidentOverseesTheirCourtAsTheCourtAdminDoes) {
  Viewer president = staff("p", "T-BC", {"president"});
  EXPECT_TRUE(may_view(president, "T-BC", {}));
  EXPECT_TRUE(may_cancel(president, "T-BC"));
  EXPECT_TRUE(may_list_court(president, "T-BC"));
  EXPECT_FALSE(may_view(president, "T-IC", {}));
  EXPECT_FALSE(may_cancel(president, "T-IC"));
  EXPECT_FALSE(may_list_court(president, "T-IC"));
  EXPECT_FALSE(may_cancel(staff("v", "T-BC", {"vice_president"}), "T-BC"));
}

TEST(Visibility, TheOperatorSeesEverythingAndAnonymousNothing) {
  Viewer op;
  op.kind = Viewer::Kind::kOperator;
  EXPECT_TRUE(may_view(op, "T-IC", {}));
  EXPECT_TRUE(may_cancel(op, "T-IC"));
  EXPECT_TRUE(may_list_court(op, ""));
  Viewer nobody;
  EXPECT_FALSE(may_view(nobody, "T-BC", {true, true, true}));
}

TEST(Visibility, ViewersComeFromCallers) {
  courthub::Caller c;
  c.kind = courthub::Caller::Kind::Admin;
  EXPECT_TRUE(Viewer::of(c).sees_everything());
  c.kind = courthub::Caller::Kind::Staff;
  c.user_id = "u";
  c.court_code = "T-BC";
  c.roles = {"court_admin"};
  EXPECT_TRUE(Viewer::of(c).is_court_admin_of("T-BC"));
}

TEST(Visibility, TemplatesLimitWhoMayStartThem) {
  auto org = testing::FakeOrg::court();
  auto tpl = testing::template_from(R"({"code": "t", "name": "T",
    "fields": [{"name": "a", "type": "text"}], "chain": [],
    "may_start": {"roles": ["judge", "clerk"], "courts": ["T-B*", "X-1"]}})");
  EXPECT_TRUE(may_start(*tpl, org.originator("T-011")));
  EXPECT_FALSE(may_start(*tpl, org.originator("T-010")));  // a division head
  EXPECT_FALSE(may_start(*tpl, org.originator("X-011")));  // another court
  auto open = testing::template_from(R"({"code": "o", "name": "O",
    "fields": [{"name": "a", "type": "text"}], "chain": []})");
  EXPECT_TRUE(may_start(*open, org.originator("X-011")));
}

}  // namespace
}  // namespace approvals
