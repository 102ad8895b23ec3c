// SPDX-License-Identifier: Apache-2.0
// Approvals run inside DingTalk: bpms events mirrored into instances, tasks, records, events.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

Json instance_event(const std::string& type, const std::string& process = "PROC-LEAVE",
                    const std::string& result = "") {
  Json e = Json::object({{"EventType", "bpms_instance_change"},
                         {"processInstanceId", "pi-1"},
                         {"corpId", "dingcorp"},
                         {"businessId", "202405060001"},
                         {"title", "李法官提交的请假"},
                         {"type", type},
                         {"url", "https://aflow.dingtalk.com/x"},
                         {"createTime", 1714957200000},
                         {"processCode", process},
                         {"bizCategoryId", ""},
                         {"staffId", "T-011"}});
  if (!result.empty()) {
    e["result"] = result;
    e["finishTime"] = 1714960800000;
  }
  return e;
}

Json task_event(const std::string& type, const std::string& staff, int64_t task,
                const std::string& result = "", const std::string& remark = "") {
  Json e = Json::object({{"EventType", "bpms_task_change"},
                         {"processInstanceId", "pi-1"},
                         {"corpId", "dingcorp"},
                         {"title", "李法官提交的请假"},
                         {"type", type},
                         {"createTime", 1714957260000},
                         {"processCode", "PROC-LEAVE"},
                         {"staffId", staff},
                         {"taskId", task}});
  if (!result.empty()) {
    e["result"] = result;
    e["remark"] = remark;
    e["finishTime"] = 1714960000000;
  }
  return e;
}

class Mirror : public ApprovalsTest {
 protected:
  Json settings() override {
    return test_settings(
        Json::object({{"dingtalk_process_codes", Json::object({{"PROC-LEAVE", "leave"}})}}));
  }
  Json only_instance() {
    auto rows = harness().query("SELECT id FROM instance");
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? Json::object() : detail(rows[0]["id"].get<int64_t>());
  }
};

TEST_F(Mirror, AnApprovalRunInDingTalkIsRecordedAndAnnounced) {
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change", instance_event("start")).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_task_change", task_event("start", "T-010", 72001)).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_task_change",
                                      task_event("finish", "T-010", 72001, "agree", "同意")).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change",
                                      instance_event("finish", "PROC-LEAVE", "agree")).ok);
  Json view = only_instance();
  EXPECT_EQ(view["template"], "leave");  // mapped process code
  EXPECT_EQ(view["template_name"], "请假");
  EXPECT_EQ(view["status"], "COMPLETED");
  EXPECT_EQ(view["result"], "agree");
  EXPECT_TRUE(view["mirrored"].get<bool>());
  EXPECT_EQ(view["originator"]["name"], "李法官");
  EXPECT_EQ(view["court_code"], "T-BC");
  std::vector<std::string> types;
  for (auto& r : view["records"]) types.push_back(r["type"].get<std::string>());
  EXPECT_EQ(types, (std::vector<std::string>{"START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL",
                                             "FINISH_PROCESS_INSTANCE"}));
  EXPECT_EQ(view["tasks"].at(0)["result"], "AGREE");
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["source"], "dingtalk");
  EXPECT_EQ(finished[0]["request_id"], "pi-1");
  EXPECT_EQ(finished[0]["template"], "leave");
  EXPECT_EQ(finished[0]["originator"], "T-011");
  // The originator and the approver see it; nobody acts on it here.
  EXPECT_EQ(
      harness().as("T-010").get("/instances/" + std::to_string(view["id"].get<int64_t>())).status,
      200);
  EXPECT_TRUE(harness().outbox().empty());  // DingTalk notified its own people
}

TEST_F(Mirror, RedeliveredAndLateEventsChangeNothing) {
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change",
                                      instance_event("finish", "PROC-LEAVE", "refuse")).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change",
                                      instance_event("finish", "PROC-LEAVE", "refuse")).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change", instance_event("start")).ok);
  Json view = only_instance();
  EXPECT_EQ(view["result"], "refuse");
  EXPECT_EQ(events("approvals.instance_finished").size(), 1u);
}

TEST_F(Mirror, TerminationAndUnmappedProcessCodes) {
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change",
                                      instance_event("start", "PROC-OTHER")).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_task_change", task_event("start", "T-010", 5)).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change",
                                      instance_event("terminate", "PROC-OTHER")).ok);
  Json view = only_instance();
  EXPECT_EQ(view["template"], "PROC-OTHER");  // recorded as an external template
  EXPECT_EQ(view["status"], "TERMINATED");
  EXPECT_EQ(view["tasks"].at(0)["status"], "CANCELED");
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["result"], "terminated");
  int64_t id = view["id"].get<int64_t>();
  EXPECT_EQ(agree("T-011", id).status, 409);  // mirrored: act in DingTalk
}

TEST_F(Mirror, ATaskSeenBeforeItsInstanceIsKeptAndJoinedLater) {
  ASSERT_TRUE(harness().deliver_event("bpms_task_change", task_event("start", "T-010", 9)).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_task_change", task_event("start", "T-010", 9)).ok);
  ASSERT_TRUE(harness().deliver_event("bpms_instance_change", instance_event("start")).ok);
  Json view = only_instance();
  EXPECT_EQ(view["originator"]["user_id"], "T-011");
  EXPECT_EQ(view["tasks"].size(), 1u);
}

TEST_F(Mirror, MalformedEventsAreDeadLettered) {
  Json no_id = instance_event("start");
  no_id.erase("processInstanceId");
  auto r = harness().deliver_event("bpms_instance_change", no_id);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.retry);
  Json no_task = task_event("start", "T-010", 1);
  no_task.erase("taskId");
  EXPECT_FALSE(harness().deliver_event("bpms_task_change", no_task).ok);
}

}  // namespace
}  // namespace approvals::testing
