// SPDX-License-Identifier: Apache-2.0
// Who sees what over HTTP: detail, my submissions, my tasks, copies, the court's list.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using Names = std::vector<std::string>;

class Visibility : public ApprovalsTest {
 protected:
  int status_of(const std::string& user, int64_t id) {
    return harness().as(user).get("/instances/" + std::to_string(id)).status;
  }
  Names ids(const HttpResult& r) {
    Names out;
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return out;
    for (courthub::Json doc = r.json(); auto& i : doc["items"])
      out.push_back(std::to_string(i.contains("task") ? i["instance"]["id"].get<int64_t>()
                                                      : i["id"].get<int64_t>()));
    return out;
  }
};

TEST_F(Visibility, OnlyParticipantsTheCourtAdminAndTheOperatorSeeAnInstance) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  EXPECT_EQ(status_of("T-011", id), 200);  // originator
  EXPECT_EQ(status_of("T-010", id), 200);  // current approver
  EXPECT_EQ(status_of("T-002", id), 403);  // next approver: not asked yet
  EXPECT_EQ(status_of("T-012", id), 403);  // colleague
  EXPECT_EQ(status_of("T-021", id), 200);  // court_admin of the court
  EXPECT_EQ(status_of("X-011", id), 403);  // court_admin of another court
  EXPECT_EQ(harness().as_admin().get("/instances/" + std::to_string(id)).status, 200);
  EXPECT_EQ(harness().as_anonymous().get("/instances/" + std::to_string(id)).status, 403);
  agree("T-010", id);
  EXPECT_EQ(status_of("T-002", id), 200);  // now asked
  EXPECT_EQ(status_of("T-010", id), 200);  // still, having decided
  EXPECT_EQ(harness().as("T-011").get("/instances/999").status, 404);
  EXPECT_EQ(harness().as("T-011").get("/instances/abc").status, 404);
}

TEST_F(Visibility, CopiedPeopleSeeWhatTheyWereCopiedOn) {
  int64_t id = submit("T-011", "trip", Json::object({{"amount", 100}}));  // CC T-021 at start
  int64_t big = submit("T-011", "trip", Json::object({{"amount", 9000}}));
  // (The president sees the court's approvals anyway: president_test.cpp.)
  EXPECT_TRUE(ids(harness().as("T-001").get("/instances/copied")).empty());
  agree("T-002", id);  // completes: CC the president at finish
  EXPECT_EQ(ids(harness().as("T-001").get("/instances/copied")), Names{std::to_string(id)});
  EXPECT_EQ(ids(harness().as("T-021").get("/instances/copied")),
            (Names{std::to_string(big), std::to_string(id)}));
}

TEST_F(Visibility, ListsShowOnlyWhatIsTheCallers) {
  int64_t a = submit("T-011", "leave", leave_form(1));
  int64_t b = submit("T-012", "leave", leave_form(1));
  int64_t c = submit("T-032", "leave", leave_form(1));
  EXPECT_EQ(ids(harness().as("T-011").get("/instances/submitted")), Names{std::to_string(a)});
  EXPECT_EQ(ids(harness().as("T-010").get("/tasks")),
            (Names{std::to_string(b), std::to_string(a)}));
  EXPECT_EQ(ids(harness().as("T-031").get("/tasks?status=pending")), Names{std::to_string(c)});
  agree("T-010", a);
  EXPECT_EQ(ids(harness().as("T-010").get("/tasks?status=done")), Names{std::to_string(a)});
  EXPECT_EQ(ids(harness().as("T-011").get("/instances/submitted?status=COMPLETED")),
            Names{std::to_string(a)});
  EXPECT_EQ(harness().as("T-011").get("/tasks?status=maybe").status, 400);
}

TEST_F(Visibility, TheCourtListIsForTheCourtAdminAndTheOperator) {
  int64_t a = submit("T-011", "leave", leave_form(1));
  int64_t b = submit("T-013", "orsign", Json::object());
  EXPECT_EQ(ids(harness().as("T-021").get("/instances")),
            (Names{std::to_string(b), std::to_string(a)}));
  EXPECT_EQ(ids(harness().as("T-021").get("/instances?template=leave")), Names{std::to_string(a)});
  EXPECT_EQ(harness().as("T-021").get("/instances?court=T-IC").status, 403);
  EXPECT_EQ(harness().as("T-011").get("/instances").status, 403);
  EXPECT_TRUE(ids(harness().as("X-011").get("/instances")).empty());
  EXPECT_EQ(ids(harness().as_admin().get("/instances")).size(), 2u);
}

TEST_F(Visibility, ListsArePaged) {
  for (int i = 0; i < 3; ++i) submit("T-011", "leave", leave_form(1));
  auto first = harness().as("T-011").get("/instances/submitted?limit=2").json();
  ASSERT_EQ(first["items"].size(), 2u);
  int64_t before = first["next_before"].get<int64_t>();
  auto second =
      harness().as("T-011").get("/instances/submitted?limit=2&before=" + std::to_string(before))
          .json();
  EXPECT_EQ(second["items"].size(), 1u);
  EXPECT_TRUE(second["next_before"].is_null());
  EXPECT_EQ(harness().as("T-011").get("/instances/submitted?limit=0").status, 400);
}

}  // namespace
}  // namespace approvals::testing
