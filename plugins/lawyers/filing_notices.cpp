// SPDX-License-Identifier: Apache-2.0
#include "filing_notices.hpp"

#include <courthub/time.hpp>

#include "filing_division.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

using courthub::Json;
using courthub::Message;

Message filing_notice(const App& app, const FilingRow& f, const std::string& court_name,
                      const std::string& lawyer_name, bool overdue) {
  const std::string due = courthub::time::format_local(f.due_ms);
  const std::string what = f.cause + "（" + f.case_type + "）";
  std::string title, text;
  if (overdue) {
    title = "网上立案已超期：" + what;
    text = "### 网上立案已超期未决定\n\n" + court_name + "收到的网上立案申请（第 " +
           std::to_string(f.id) + " 号，" + what + "）应于 " + due +
           " 前决定是否立案，现已超期，请尽快审查。";
  } else {
    title = (f.submission > 1 ? "网上立案已补正：" : "网上立案待审查：") + what;
    text = "### " + std::string(f.submission > 1 ? "网上立案补正后重新提交" : "新的网上立案申请") +
           "\n\n" + lawyer_name + "律师向" + court_name + "提交网上立案申请（第 " +
           std::to_string(f.id) + " 号，" + what + "），请于 " + due + " 前审查决定。";
  }
  return Message{Json::object(
      {{"msgtype", "action_card"},
       {"action_card",
        Json::object({{"title", title},
                      {"markdown", text},
                      {"single_title", "审查"},
                      {"single_url", app.settings.filings.page_url + "#/filings/" +
                                         std::to_string(f.id)}})}})};
}

namespace {

std::string court_name_of(const App& app, const std::string& code) {
  auto c = app.host.directory().court(code);
  return c ? c->name : code;
}

std::string lawyer_name_of(const App& app, int64_t id) {
  auto l = find_lawyer(app.host.db(), id);
  return l ? l->name : std::string();
}

}  // namespace

void notify_filing_waiting(const App& app, const courthub::Transaction& tx, const FilingRow& f,
                           const std::string& lawyer_name) {
  const std::string head = filing_division_head(app, f.court_code);
  if (head.empty()) {
    app.host.warn("filing " + std::to_string(f.id) + ": " + f.court_code +
                  " has no 立案庭 head to tell");
    return;
  }
  app.host.outbox().in(tx).to_users(
      {head}, filing_notice(app, f, court_name_of(app, f.court_code), lawyer_name, false),
      "filing-waiting:" + std::to_string(f.id) + ":" + std::to_string(f.submission));
}

int send_overdue_notices(App& app) {
  int sent = 0;
  const int64_t now = app.host.now_ms();
  for (auto& f : filing_store::overdue_unnoticed(app.host.db(), now)) {
    const std::string head = filing_division_head(app, f.court_code);
    const std::string court = court_name_of(app, f.court_code);
    const std::string lawyer = lawyer_name_of(app, f.lawyer_id);
    app.host.db().transaction([&](courthub::Transaction& tx) {
      // Marked even without a head to tell, so the job does not retry it every hour.
      if (!filing_store::mark_overdue_noticed(tx, f.id, f.submission)) return;
      if (head.empty()) return;
      app.host.outbox().in(tx).to_users(
          {head}, filing_notice(app, f, court, lawyer, true),
          "filing-overdue:" + std::to_string(f.id) + ":" + std::to_string(f.submission));
      ++sent;
    });
    if (head.empty())
      app.host.warn("filing " + std::to_string(f.id) + " is overdue but " + f.court_code +
                    " has no 立案庭 head to tell");
  }
  return sent;
}

}  // namespace lawyers
