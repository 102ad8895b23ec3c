// SPDX-License-Identifier: Apache-2.0
#include "appointment_desk.hpp"

#include <courthub/time.hpp>

#include <algorithm>
#include <functional>

#include "case_access.hpp"
#include "field_problems.hpp"

namespace lawyers {
namespace {

using courthub::Caller;
using courthub::Json;

// A change of one appointment: the move, an optional new proposal or accepted time, and the
// message it adds (a note, a reason or the text itself).
struct Change {
  AppointmentMove move;
  std::optional<AppointmentTime> proposal;
  std::optional<AppointmentMessage> message;
};

std::string when(const AppointmentTime& t) {
  return courthub::time::format_local(t.start_ms) + "–" +
         courthub::time::format_clock(courthub::time::local_minute(t.end_ms));
}

void tell_case_staff(const App& app, const courthub::Transaction& tx, const CaseRef& c,
                     const AppointmentRow& a, const std::string& title, const std::string& text) {
  std::vector<std::string> to;
  for (const auto& u : {c.judge, c.clerk})
    if (!u.empty() && std::find(to.begin(), to.end(), u) == to.end()) to.push_back(u);
  if (to.empty()) {
    app.host.warn("appointment " + std::to_string(a.id) + ": case " + std::to_string(c.id) +
                  " has no judge or clerk to tell");
    return;
  }
  app.host.outbox().in(tx).to_users(
      to, courthub::Message{Json::object(
              {{"msgtype", "action_card"},
               {"action_card",
                Json::object({{"title", title},
                              {"markdown", "### " + title + "\n\n" + text},
                              {"single_title", "查看"},
                              {"single_url", app.settings.filings.page_url + "#/appointments/" +
                                                 std::to_string(a.id)}})}})});
}

AppointmentRow apply(const App& app, AppointmentRow a, const Change& change,
                     const std::function<void(const courthub::Transaction&,
                                              const AppointmentRow&)>& notify = {}) {
  const AppointmentState from = a.state;
  a.state = next_appointment_state(a.id, from, change.move);
  const int64_t now = app.host.now_ms();
  if (change.move == AppointmentMove::CourtPropose) a.proposed = change.proposal;
  if (change.move == AppointmentMove::LawyerAccept && a.proposed) {
    a.time = *a.proposed;
    a.proposed.reset();
  }
  if (change.move == AppointmentMove::CourtAccept) a.proposed.reset();
  a.updated_ms = now;
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    if (change.move != AppointmentMove::Message && !appointment_store::update(tx, a, from))
      throw courthub::Conflict("appointment " + std::to_string(a.id) +
                               " changed meanwhile: reload it and try again");
    if (change.move == AppointmentMove::Message) {
      // Messages do not move the state, but may not join a closed appointment.
      auto now_row = appointment_store::find(tx, a.id);
      if (now_row) next_appointment_state(a.id, now_row->state, AppointmentMove::Message);
    }
    if (change.message) {
      AppointmentMessage m = *change.message;
      m.at_ms = now;
      appointment_store::add_message(tx, a.id, m);
    }
    if (notify) notify(tx, a);
    return a;
  });
}

std::string staff_name(const Caller& caller) {
  return caller.name.empty() ? std::string("法院") : caller.name;
}

std::optional<AppointmentMessage> optional_text(const Json& body, const char* key,
                                                const std::string& from, const std::string& name,
                                                size_t min_chars) {
  FieldProblems p;
  std::string text = p.text(body, key, key, min_chars, 2000);
  p.throw_if_any();
  if (text.empty()) return std::nullopt;
  return AppointmentMessage{from, name, text, 0};
}

}  // namespace

AppointmentRow request_appointment(const App& app, const Lawyer& lawyer, const Json& body) {
  const int64_t now = app.host.now_ms();
  AppointmentRequest r = read_appointment_request(body, now);
  CaseRef c = require_represented_case(app, lawyer, r.case_id);
  AppointmentRow a;
  a.lawyer_id = lawyer.id;
  a.case_id = c.id;
  a.case_number = c.case_number;
  a.court_code = c.court_code;
  a.reason = r.reason;
  a.mode = r.mode;
  a.time = r.time;
  a.created_ms = a.updated_ms = now;
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    a.id = appointment_store::insert(tx, a);
    appointment_store::add_message(tx, a.id, {"lawyer", lawyer.name, r.reason, now});
    tell_case_staff(app, tx, c, a, "律师预约：" + c.case_number,
                    lawyer.name + "律师（" + lawyer.firm + "）就" + c.case_number + "约见，" +
                        std::string(appointment_mode_label(a.mode)) + "，" + when(a.time) +
                        "。事由：" + a.reason);
    return a;
  });
}

AppointmentRow lawyers_appointment(const App& app, const Lawyer& lawyer, int64_t id) {
  auto a = appointment_store::find(app.host.db(), id);
  if (!a || a->lawyer_id != lawyer.id)
    throw courthub::NotFound("no appointment " + std::to_string(id) + " among yours");
  return *a;
}

AppointmentRow accept_proposal(const App& app, const Lawyer& lawyer, int64_t id) {
  AppointmentRow a = lawyers_appointment(app, lawyer, id);
  CaseRef c = require_represented_case(app, lawyer, a.case_id);
  return apply(app, a, {AppointmentMove::LawyerAccept, {}, {}},
               [&](const courthub::Transaction& tx, const AppointmentRow& now) {
                 tell_case_staff(app, tx, c, now, "律师已确认改约时间：" + c.case_number,
                                 lawyer.name + "律师确认" + when(now.time) + "的约见。");
               });
}

AppointmentRow cancel_appointment(const App& app, const Lawyer& lawyer, int64_t id,
                                  const Json& body) {
  AppointmentRow a = lawyers_appointment(app, lawyer, id);
  CaseRef c = require_represented_case(app, lawyer, a.case_id);
  auto message = optional_text(body, "reason", "lawyer", lawyer.name, 0);
  return apply(app, a, {AppointmentMove::LawyerCancel, {}, message},
               [&](const courthub::Transaction& tx, const AppointmentRow& now) {
                 tell_case_staff(app, tx, c, now, "律师取消约见：" + c.case_number,
                                 lawyer.name + "律师取消了" + when(now.time) + "的约见。");
               });
}

AppointmentRow lawyer_writes(const App& app, const Lawyer& lawyer, int64_t id, const Json& body) {
  AppointmentRow a = lawyers_appointment(app, lawyer, id);
  CaseRef c = require_represented_case(app, lawyer, a.case_id);
  auto message = optional_text(body, "text", "lawyer", lawyer.name, 1);
  return apply(app, a, {AppointmentMove::Message, {}, message},
               [&](const courthub::Transaction& tx, const AppointmentRow& now) {
                 tell_case_staff(app, tx, c, now, "律师留言：" + c.case_number,
                                 lawyer.name + "律师：" + message->text);
               });
}

std::vector<AppointmentRow> court_appointments(const App& app, const Caller& caller,
                                               std::optional<AppointmentState> state) {
  if (caller.kind != Caller::Kind::Admin && !caller.is_staff())
    throw courthub::PermissionDenied("appointments are for the court's staff");
  const std::string court = caller.kind == Caller::Kind::Admin ? "" : caller.court_code;
  std::vector<AppointmentRow> out;
  for (auto& a : appointment_store::of_court(app.host.db(), court, state)) {
    try {
      require_case_staff(app, caller, a.case_id);  // the case's judge, clerk or admin now
      out.push_back(a);
    } catch (const courthub::Error& e) {
      if (e.status() != courthub::Status::PermissionDenied &&
          e.status() != courthub::Status::NotFound)
        throw;
    }
  }
  return out;
}

AppointmentRow courts_appointment(const App& app, const Caller& caller, int64_t id) {
  auto a = appointment_store::find(app.host.db(), id);
  if (!a) throw courthub::NotFound("no appointment " + std::to_string(id));
  require_case_staff(app, caller, a->case_id);
  return *a;
}

AppointmentRow court_accepts(const App& app, const Caller& caller, int64_t id, const Json& body) {
  AppointmentRow a = courts_appointment(app, caller, id);
  auto note = optional_text(body, "note", "court", staff_name(caller), 0);
  return apply(app, a, {AppointmentMove::CourtAccept, {}, note});
}

AppointmentRow court_proposes(const App& app, const Caller& caller, int64_t id,
                              const Json& body) {
  AppointmentRow a = courts_appointment(app, caller, id);
  next_appointment_state(id, a.state, AppointmentMove::CourtPropose);  // the state first
  AppointmentTime t = read_appointment_time(body, app.host.now_ms());
  auto note = optional_text(body, "note", "court", staff_name(caller), 0);
  if (!note) note = AppointmentMessage{"court", staff_name(caller), "另约时间：" + when(t), 0};
  return apply(app, a, {AppointmentMove::CourtPropose, t, note});
}

AppointmentRow court_declines(const App& app, const Caller& caller, int64_t id,
                              const Json& body) {
  AppointmentRow a = courts_appointment(app, caller, id);
  next_appointment_state(id, a.state, AppointmentMove::CourtDecline);
  auto reason = optional_text(body, "reason", "court", staff_name(caller), 1);
  return apply(app, a, {AppointmentMove::CourtDecline, {}, reason});
}

AppointmentRow court_writes(const App& app, const Caller& caller, int64_t id, const Json& body) {
  AppointmentRow a = courts_appointment(app, caller, id);
  auto text = optional_text(body, "text", "court", staff_name(caller), 1);
  return apply(app, a, {AppointmentMove::Message, {}, text});
}

}  // namespace lawyers
