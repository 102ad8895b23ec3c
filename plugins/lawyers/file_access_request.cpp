// SPDX-License-Identifier: Apache-2.0
#include "file_access_request.hpp"

#include <algorithm>
#include <charconv>

#include "access_field_errors.hpp"
#include "access_window.hpp"
#include "case_documents.hpp"

namespace lawyers {
namespace {

using courthub::Json;
namespace time = courthub::time;

std::string state_label(const std::string& state) {
  if (state == "pending") return "审批中";
  if (state == "approved") return "已批准";
  if (state == "refused") return "未批准";
  if (state == "expired") return "已过期";
  return state;
}

// Moves a pending request to `state`; a request already decided stays as it is (events are
// delivered at least once, and a late cancel must not undo an approval seen before).
void decide(const App& app, int64_t id, const std::string& state, const std::string& note) {
  app.host.db().exec(
      "UPDATE file_access_requests SET state = ?, note = ?, decided_ms = ? "
      "WHERE id = ? AND state = 'pending'",
      {state, note, app.host.now_ms(), id});
}

void read_materials(const Json* value, AccessFieldErrors& errors, FileAccessForm& form) {
  if (!value || !value->is_array() || value->empty()) {
    errors.add("materials", "name at least one of 正卷, 庭审笔录, 证据材料, 鉴定意见, 裁判文书");
    return;
  }
  for (auto& m : *value) {
    const std::string name = m.is_string() ? m.get<std::string>() : "";
    if (name == kInternalCategory) {
      errors.add("materials", "副卷 is never open to lawyers");
    } else if (!open_to_lawyers(name)) {
      errors.add("materials", "each must be one of 正卷, 庭审笔录, 证据材料, 鉴定意见, 裁判文书");
    } else if (std::find(form.materials.begin(), form.materials.end(), name) !=
               form.materials.end()) {
      errors.add("materials", "'" + name + "' is named twice");
    } else {
      form.materials.push_back(name);
    }
  }
}

void read_period(const Json* value, int64_t now_ms, AccessFieldErrors& errors,
                 FileAccessForm& form) {
  std::optional<time::Date> first, last;
  if (value && value->is_array() && value->size() == 2 && (*value)[0].is_string() &&
      (*value)[1].is_string()) {
    form.first_text = (*value)[0].get<std::string>();
    form.last_text = (*value)[1].get<std::string>();
    first = time::parse_date(form.first_text);
    last = time::parse_date(form.last_text);
  }
  if (!first || !last) {
    errors.add("access_period", "must be two dates [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]");
    return;
  }
  const auto days = (std::chrono::sys_days(*last) - std::chrono::sys_days(*first)).count();
  if (days < 0) {
    errors.add("access_period", "the last day comes before the first");
  } else if (*last < time::local_date(now_ms)) {
    errors.add("access_period", "the period has already ended");
  } else if (days + 1 > kMaxAccessDays) {
    errors.add("access_period", "at most " + std::to_string(kMaxAccessDays) + " days");
  }
  form.first = *first;
  form.last = *last;
}

}  // namespace

std::optional<int64_t> file_access_id_of(std::string_view request_id) {
  constexpr std::string_view kPrefix = "file_access:";
  if (!request_id.starts_with(kPrefix)) return std::nullopt;
  const std::string_view digits = request_id.substr(kPrefix.size());
  int64_t id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

FileAccessForm read_file_access_form(const Json& body, int64_t now_ms) {
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  AccessFieldErrors errors;
  FileAccessForm form;
  read_materials(courthub::json::find(body, "materials"), errors, form);
  read_period(courthub::json::find(body, "access_period"), now_ms, errors, form);
  const Json* reason = courthub::json::find(body, "reason");
  form.reason = reason && reason->is_string() ? reason->get<std::string>() : "";
  if (form.reason.empty() || utf8_chars(form.reason) > 500)
    errors.add("reason", "a reason of 1 to 500 characters is required");
  errors.throw_if_any();
  return form;
}

int64_t request_file_access(const App& app, const Lawyer& lawyer, const CaseRef& c,
                            const FileAccessForm& form) {
  if (c.judge.empty()) {
    throw courthub::Conflict("case " + c.case_number +
                             " has no judge yet: file access can be asked for after 分案");
  }
  const AccessWindow window = window_of(form.first, form.last);
  Json materials = Json::array();
  for (auto& m : form.materials) materials.push_back(m);
  Json period = Json::array({form.first_text, form.last_text});
  const int64_t now = app.host.now_ms();
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    auto row = tx.one(
        "INSERT INTO file_access_requests (case_id, lawyer_id, materials, period_start, "
        "period_end, opens_ms, closes_ms, reason, state, requested_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id",
        {c.id, lawyer.id, materials.dump(), form.first_text, form.last_text, window.opens_ms,
         window.closes_ms, form.reason, now});
    const int64_t id = row->integer("id");
    const std::string request_id = "file_access:" + std::to_string(id);
    tx.publish(
        "approval_requested",
        Json::object({{"request_id", request_id},
                      {"template", "file_access"},
                      {"originator", c.clerk.empty() ? c.judge : c.clerk},
                      {"court", c.court_code},
                      {"title", "阅卷申请：" + c.case_number + "（" + lawyer.name + "律师）"},
                      {"form", Json::object({{"case_number", c.case_number},
                                             {"applicant", lawyer.name},
                                             {"applicant_kind", "代理律师"},
                                             {"materials", materials},
                                             {"access_period", period},
                                             {"reason", form.reason}})},
                      {"approvers", Json::object({{"judge", Json::array({c.judge})}})}}),
        "approval:" + request_id);
    return id;
  });
}

Json file_access_views(const courthub::Sql& db, int64_t lawyer_id, int64_t case_id,
                       int64_t now_ms) {
  Json items = Json::array();
  for (auto& r :
       db.query("SELECT id, case_id, materials, period_start, period_end, opens_ms, closes_ms, "
                "reason, state, note, requested_ms, decided_ms FROM file_access_requests "
                "WHERE lawyer_id = ? AND case_id = ? ORDER BY id DESC",
                {lawyer_id, case_id})) {
    std::string state = r.text("state");
    if (state == "approved" && now_ms > r.integer("closes_ms")) state = "expired";
    items.push_back(Json::object(
        {{"id", r.integer("id")},
         {"case_id", r.integer("case_id")},
         {"materials", Json::parse(r.text("materials"), nullptr, false)},
         {"access_period", Json::array({r.text("period_start"), r.text("period_end")})},
         {"opens_ms", r.integer("opens_ms")},
         {"closes_ms", r.integer("closes_ms")},
         {"reason", r.text("reason")},
         {"state", state},
         {"state_label", state_label(state)},
         {"note", r.text("note")},
         {"requested_ms", r.integer("requested_ms")},
         {"decided_ms", r.is_null("decided_ms") ? Json() : Json(r.integer("decided_ms"))}}));
  }
  return Json::object({{"items", items}});
}

void file_access_finished(const App& app, const Json& p) {
  if (courthub::json::get<std::string>(p, "source") != "lawyers") return;
  auto id = file_access_id_of(courthub::json::get<std::string>(p, "request_id"));
  if (!id) return;  // another kind of lawyers request
  const std::string result = courthub::json::get<std::string>(p, "result");
  const std::string reason = courthub::json::get<std::string>(p, "reason");
  if (result == "agree") {
    decide(app, *id, "approved", "");
  } else if (result == "refuse") {
    decide(app, *id, "refused", reason.empty() ? "审批未通过" : "审批未通过：" + reason);
  } else if (result == "terminated" || result == "canceled") {
    decide(app, *id, "refused", result == "terminated" ? "审批被终止" : "审批已撤销");
  } else {
    throw courthub::InvalidArgument("approvals.instance_finished: unknown result '" + result +
                                    "' (expected agree, refuse, terminated or canceled)");
  }
}

void file_access_rejected(const App& app, const Json& p) {
  if (courthub::json::get<std::string>(p, "source") != "lawyers") return;
  auto id = file_access_id_of(courthub::json::get<std::string>(p, "request_id"));
  if (!id) return;
  const std::string reason = courthub::json::get<std::string>(p, "reason");
  decide(app, *id, "refused", reason.empty() ? "审批无法发起" : "审批无法发起：" + reason);
}

}  // namespace lawyers
