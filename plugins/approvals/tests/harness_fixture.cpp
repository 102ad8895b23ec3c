// SPDX-License-Identifier: Apache-2.0
// The behaviour tests' court, templates and helpers.
#include "harness_fixture.hpp"

#include <filesystem>

namespace approvals::testing {

Json test_templates() {
  return Json::parse(R"([
    {"code": "leave", "name": "请假", "summary": ["leave_type", "days"],
     "fields": [
       {"name": "leave_type", "label": "请假类型", "type": "select", "required": true,
        "options": ["事假", "病假", "年休假"]},
       {"name": "period", "label": "请假时间", "type": "date_range", "format": "datetime",
        "required": true},
       {"name": "days", "label": "请假天数", "type": "number", "required": true, "min": 0.5,
        "max": 30},
       {"name": "reason", "label": "请假事由", "type": "textarea", "required": true,
        "max_length": 100}],
     "chain": [
       {"type": "supervisor", "level": 1},
       {"type": "role", "role": "division_leader",
        "when": {"field": "days", "op": "gt", "value": 1}},
       {"type": "role", "role": "president", "when": {"field": "days", "op": "gt", "value": 3}}],
     "cc": [{"type": "role", "role": "court_admin", "at": "finish"}]},
    {"code": "countersign", "name": "会签测试",
     "fields": [{"name": "note", "label": "说明", "type": "text"}],
     "chain": [{"type": "person", "users": ["T-011", "T-012"], "mode": "and"},
               {"type": "supervisor", "level": 1}]},
    {"code": "orsign", "name": "或签测试",
     "fields": [{"name": "note", "label": "说明", "type": "text"}],
     "chain": [{"type": "role", "role": "judge", "mode": "or"}]},
    {"code": "choice", "name": "自选测试",
     "fields": [{"name": "note", "label": "说明", "type": "text"}],
     "chain": [{"type": "originator_choice", "key": "reviewer", "label": "审核人"}]},
    {"code": "trip", "name": "出差测试",
     "fields": [{"name": "amount", "label": "金额", "type": "money", "required": true}],
     "chain": [{"branch": [
       {"when": {"field": "amount", "op": "gt", "value": 5000},
        "steps": [{"type": "role", "role": "president"}]},
       {"steps": [{"type": "role", "role": "division_leader"}]}]}],
     "cc": [{"type": "role", "role": "court_admin", "at": "start"},
            {"type": "role", "role": "president", "at": "finish"}]},
    {"code": "judges_only", "name": "法官专用",
     "may_start": {"roles": ["judge"]},
     "fields": [{"name": "note", "label": "说明", "type": "text"}],
     "chain": [{"type": "supervisor", "level": 1}]},
    {"code": "room_booking", "name": "会议室预订", "requested_only": true,
     "fields": [
       {"name": "room", "type": "text", "required": true},
       {"name": "room_id", "type": "text", "required": true},
       {"name": "court", "type": "text"},
       {"name": "start", "type": "text", "required": true},
       {"name": "end", "type": "text", "required": true},
       {"name": "subject", "type": "text"},
       {"name": "attendees", "type": "number", "min": 0},
       {"name": "room_approvers", "type": "text"}],
     "chain": [{"branch": [
       {"when": {"field": "room_approvers", "op": "empty"},
        "steps": [{"type": "role", "role": "court_admin", "mode": "or"}]},
       {"steps": [{"type": "originator_choice", "key": "room", "mode": "or"}]}]}]}
  ])");
}

Json test_settings(Json extra) {
  Json s = Json::object({{"templates", test_templates()}});
  for (auto& [k, v] : extra.items()) s[k] = v;
  return s;
}

void seed_court(PluginHarness& h) {
  h.add_court({"T-BC", "测试法院", "basic", "ordinary", "", "沈阳", "9000"});
  h.add_court({"T-IC", "测试中院", "intermediate", "ordinary", "", "沈阳", "8000"});
  struct P {
    const char* id;
    const char* name;
    const char* court;
    const char* dept;
    const char* title;
    const char* role;
  };
  const P people[] = {
      {"T-001", "周院长", "T-BC", "9000", "院长", "president"},
      {"T-002", "吴副院长", "T-BC", "9000", "副院长", "vice_president"},
      {"T-003", "郑副院长", "T-BC", "9000", "副院长", "vice_president"},
      {"T-010", "王庭长", "T-BC", "9001", "庭长", "division_head"},
      {"T-011", "李法官", "T-BC", "9001", "审判员", "judge"},
      {"T-012", "赵法官", "T-BC", "9001", "审判员", "judge"},
      {"T-013", "钱书记员", "T-BC", "9001", "书记员", "clerk"},
      {"T-014", "孙副庭长", "T-BC", "9001", "副庭长", "deputy_division_head"},
      {"T-020", "陈主任", "T-BC", "9002", "主任", "division_head"},
      {"T-021", "刘管理员", "T-BC", "9002", "综合管理员", "court_admin"},
      {"T-022", "杨科员", "T-BC", "9002", "科员", "staff"},
      {"T-030", "黄局长", "T-BC", "9003", "局长", "division_head"},
      {"T-031", "林处长", "T-BC", "9004", "处长", "division_head"},
      {"T-032", "何法官", "T-BC", "9004", "审判员", "judge"},
      {"X-001", "高院长", "T-IC", "8000", "院长", "president"},
      {"X-010", "罗主任", "T-IC", "8001", "主任", "division_head"},
      {"X-011", "梁管理员", "T-IC", "8001", "综合管理员", "court_admin"},
  };
  // Departments first without heads (people need their department), then with them.
  auto departments = [&](bool with_heads) {
    auto d = [&](const char* id, const char* court, const char* name, const char* parent,
                 const char* head, const char* leader) {
      h.add_department({id, name, court, parent, with_heads ? head : "",
                        with_heads ? leader : ""});
    };
    d("9000", "T-BC", "测试法院", "", "T-001", "");
    d("9001", "T-BC", "民一庭", "9000", "T-010", "T-002");
    d("9002", "T-BC", "办公室", "9000", "T-020", "T-002");
    d("9003", "T-BC", "执行局", "9000", "T-030", "T-003");
    d("9004", "T-BC", "执行实施处", "9003", "T-031", "");
    d("8000", "T-IC", "测试中院", "", "X-001", "");
    d("8001", "T-IC", "办公室", "8000", "X-010", "");
  };
  departments(false);
  for (auto& p : people) h.add_person({p.id, p.name, p.court, p.dept, p.title, {p.role}});
  departments(true);
}

Json leave_form(double days) {
  return Json::object({{"leave_type", "事假"},
                       {"period", Json::array({"2024-05-06 09:00", "2024-05-08 18:00"})},
                       {"days", days},
                       {"reason", "家中有事"}});
}

Json room_form() {
  return Json::object({{"room", "第一会议室"},
                       {"room_id", "R-9"},
                       {"court", "T-BC"},
                       {"start", "2024-05-06T09:00:00+08:00"},
                       {"end", "2024-05-06T10:00:00+08:00"},
                       {"subject", "审委会"},
                       {"attendees", 12}});
}

HttpResult ApprovalsTest::upload_as(const std::string& user, const std::string& name,
                                     const std::string& type, const std::string& bytes) {
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.')
      encoded += static_cast<char>(c);
    else
      encoded += std::string("%") + kHex[c >> 4] + kHex[c & 0xf];
  }
  return harness().as(user).request("POST", "/attachments", bytes, type,
                                    {{"x-file-name", encoded}});
}

Json ApprovalsTest::upload_pdf(const std::string& user, const std::string& name) {
  auto r = upload_as(user, name, "application/pdf", "%PDF-1.4\n% test\n%%EOF\n");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json() : Json();
}

courthub::testing::HarnessOptions harness_options(Json settings) {
  courthub::testing::HarnessOptions options;
  options.settings = std::move(settings);
  // The calendar of 2026 (holidays, 调休 make-up days) from the source tree when it is there.
  const std::string dir = APPROVALS_CALENDAR_DIR;
  for (const char* year : {"/cn-2025.yaml", "/cn-2026.yaml"})
    if (std::filesystem::exists(dir + year)) options.calendar_files.push_back(dir + year);
  return options;
}

void ApprovalsTest::SetUp() {
  courthub::testing::HarnessOptions options = harness_options(settings());
  h_ = std::make_unique<PluginHarness>(APPROVALS_PLUGIN_FILE, options);
  seed_court(*h_);
}

HttpResult ApprovalsTest::submit_as(const std::string& user, const std::string& tpl,
                                    const Json& form, const Json& approvers) {
  Json body = Json::object({{"template", tpl}, {"form", form}});
  if (!approvers.is_null()) body["approvers"] = approvers;
  return h_->as(user).post("/instances", body);
}

int64_t ApprovalsTest::submit(const std::string& user, const std::string& tpl, const Json& form,
                              const Json& approvers) {
  auto r = submit_as(user, tpl, form, approvers);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return r.json()["id"].get<int64_t>();
}

HttpResult ApprovalsTest::act(const std::string& user, int64_t instance, Json body) {
  if (user.empty()) h_->as_admin();
  else h_->as(user);
  return h_->post("/instances/" + std::to_string(instance) + "/actions", body);
}

HttpResult ApprovalsTest::agree(const std::string& user, int64_t instance,
                                const std::string& comment) {
  return act(user, instance, Json::object({{"action", "agree"}, {"comment", comment}}));
}

int64_t ApprovalsTest::task_of(int64_t instance, const std::string& user) {
  auto rows = h_->query(
      "SELECT id FROM task WHERE instance_id = ? AND assignee = ? AND status = 'RUNNING'",
      {Json(instance), Json(user)});
  return rows.empty() ? 0 : rows[0]["id"].get<int64_t>();
}

std::vector<std::string> ApprovalsTest::running(int64_t instance) {
  std::vector<std::string> out;
  for (auto& r : h_->query(
           "SELECT assignee FROM task WHERE instance_id = ? AND status = 'RUNNING' ORDER BY "
           "assignee",
           {Json(instance)}))
    out.push_back(r["assignee"].get<std::string>());
  return out;
}

Json ApprovalsTest::detail(int64_t instance) {
  auto r = h_->as_admin().get("/instances/" + std::to_string(instance));
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json() : Json::object();
}

std::vector<Json> ApprovalsTest::sent_to(const std::string& user, bool card_updates) {
  std::vector<Json> out;
  for (auto& m : h_->outbox()) {
    if ((m["channel"] == "card_update") != card_updates) continue;
    std::string target = "," + m["target"].get<std::string>() + ",";
    if (target.find("," + user + ",") != std::string::npos) out.push_back(m);
  }
  return out;
}

std::vector<Json> ApprovalsTest::events(const std::string& topic) {
  std::vector<Json> out;
  for (auto& e : h_->published())
    if (e["topic"].get<std::string>() == topic) out.push_back(e["payload"]);
  return out;
}

}  // namespace approvals::testing
