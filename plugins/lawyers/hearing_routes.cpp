// SPDX-License-Identifier: Apache-2.0
// rooms' hearing events (the mirror, the case's stage, the conflict warning) and the same
// conflict check on demand, GET /conflicts.
#include <courthub/error.hpp>

#include "case_form.hpp"
#include "case_routes.hpp"
#include "hearing_conflicts.hpp"
#include "hearing_mirror.hpp"

namespace lawyers {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;

Json conflicts_json(const std::vector<ScheduleConflict>& conflicts) {
  Json out = Json::array();
  for (auto& k : conflicts)
    out.push_back(Json::object({{"lawyer_name", k.lawyer_name},
                                {"kind", k.kind},
                                {"court_name", k.court_name},
                                {"start_ms", k.start_ms},
                                {"end_ms", k.end_ms}}));
  return out;
}

void on_hearing(const App& app, const courthub::Event& e) {
  MirroredHearing h;
  try {
    h = hearing_from_event(e.payload);
  } catch (const courthub::Error& bad) {
    // Retrying cannot mend a payload; say so once and let it go.
    app.host.warn(std::string("ignoring ") + e.topic + " event " + std::to_string(e.id) + ": " +
                  bad.what());
    return;
  }
  // One transaction per event: the host records the delivery with the first commit and does
  // not call this handler again after a crash, so the warning is queued with the mirror.
  app.host.db().transaction([&](courthub::Transaction& tx) {
    bool current = mirror_hearing(tx, h, app.host.now_ms());
    // Only a hearing still ahead is worth a warning.
    if (!current || !hearing_pending(h.status)) return;
    ProposedHearing p{h.court_code, h.case_number, h.start_ms, h.end_ms, h.hearing_id};
    notify_conflicts(app, p, find_conflicts(app, p), {h.judge, h.clerk}, app.host.outbox().in(tx));
  });
}

}  // namespace

void register_hearing_routes(courthub::Registrar& r, App& app) {
  r.subscribe("rooms.hearing_scheduled", [&app](const courthub::Event& e) { on_hearing(app, e); });
  r.subscribe("rooms.hearing_changed", [&app](const courthub::Event& e) { on_hearing(app, e); });

  // GET /conflicts?court=&case_number=&start_ms=&end_ms= — staff of that court, or the operator.
  r.route("GET", "/conflicts", [&app](const Request& req) {
    const Caller& caller = req.caller;
    if (caller.kind != Caller::Kind::Staff && caller.kind != Caller::Kind::Admin)
      throw courthub::PermissionDenied("only the court's staff may check hearing conflicts");
    Json q = Json::object();
    for (auto& [k, v] : req.query) q[k] = v;
    CaseForm form(q);
    ProposedHearing p;
    p.court_code = form.text("court", false, 40);
    if (p.court_code.empty()) p.court_code = caller.court_code;
    if (p.court_code.empty()) form.add("court", "is required");
    p.case_number = form.case_number("case_number");
    for (auto [key, out] : {std::pair{"start_ms", &p.start_ms}, std::pair{"end_ms", &p.end_ms}}) {
      std::string raw = form.text(key, true, 20);
      try {
        size_t used = 0;
        if (!raw.empty()) *out = std::stoll(raw, &used);
        if (!raw.empty() && used != raw.size()) throw std::invalid_argument(raw);
      } catch (const std::exception&) {
        form.add(key, "must be Unix milliseconds");
      }
    }
    if (p.start_ms && p.end_ms && p.end_ms <= p.start_ms) form.add("end_ms", "must be after start_ms");
    form.throw_if_any();
    if (caller.kind != Caller::Kind::Admin && caller.court_code != p.court_code)
      throw courthub::PermissionDenied("only the staff of " + p.court_code +
                                       " may check its hearings");
    return Response::json(Json::object({{"conflicts", conflicts_json(find_conflicts(app, p))}}));
  });
}

}  // namespace lawyers
