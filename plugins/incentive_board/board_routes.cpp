// SPDX-License-Identifier: Apache-2.0
// The board routes: parameters, who sees what, kept day or computed day, and the daily job.
#include "board_routes.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "board_views.hpp"
#include "day_board.hpp"
#include "history.hpp"

namespace board {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;

void require_staff(const Caller& c) {
  if (c.kind != Caller::Kind::Staff && c.kind != Caller::Kind::Admin)
    throw courthub::PermissionDenied("请先登录：双激励通报只对法院工作人员开放");
}

// Every bad query parameter at once: 400 with {"fields":[{"field":"/as_of","message":…}]}.
class ParameterErrors {
 public:
  void add(const std::string& name, const std::string& message) {
    if (!text_.empty()) text_ += "; ";
    text_ += name + ": " + message;
    fields_.push_back(Json::object({{"field", "/" + name}, {"message", message}}));
  }
  void throw_if_any() const {
    if (!fields_.empty())
      throw courthub::InvalidArgument(text_, Json::object({{"fields", fields_}}));
  }

 private:
  std::string text_;
  Json fields_ = Json::array();
};

struct DayQuery {
  Day as_of = 0;
  std::optional<Day> from;
};

std::optional<Day> read_date(const Request& req, const std::string& name, ParameterErrors& e) {
  auto text = req.query_value(name);
  if (!text || text->empty()) return std::nullopt;
  auto date = courthub::time::parse_date(*text);
  if (!date) {
    e.add(name, "must be a date YYYY-MM-DD, such as 2026-12-05");
    return std::nullopt;
  }
  return static_cast<Day>(std::chrono::sys_days(*date).time_since_epoch().count());
}

// ?as_of (default: yesterday, the last complete day) and ?from (default: per the settings).
DayQuery read_day_query(const Request& req, courthub::Host& host) {
  ParameterErrors e;
  auto as_of = read_date(req, "as_of", e);
  auto from = read_date(req, "from", e);
  const Day now = today(host);
  if (as_of && *as_of > now) e.add("as_of", "must not be after today (" + iso_of(now) + ")");
  DayQuery q{as_of.value_or(now - 1), from};
  if (from && *from > q.as_of) e.add("from", "must not be after as_of (" + iso_of(q.as_of) + ")");
  e.throw_if_any();
  return q;
}

// What a request reads of the shared state, copied under the shared lock.
struct Snapshot {
  BoardSettings settings;
  std::optional<OrgCourt> court;
};

Snapshot snapshot(const BoardState& state, std::string_view court) {
  std::shared_lock lock(state.mutex);
  Snapshot out{state.settings, std::nullopt};
  if (!court.empty()) {
    int i = state.org.court_index(court);
    if (i >= 0) out.court = state.org.courts[static_cast<size_t>(i)];
  }
  return out;
}

OrgCourt known_court(const Snapshot& s, const std::string& code) {
  if (!s.court) throw courthub::NotFound("没有代码为 " + code + " 的法院");
  return *s.court;
}

// Who may see the judge board of `court`: Admin, and its president, vice presidents and
// court_admin see every judge; its judges see themselves; nobody else sees it.
enum class JudgeView { None, All, Self };

JudgeView judge_view(const Caller& c, const std::string& court) {
  if (c.kind == Caller::Kind::Admin) return JudgeView::All;
  if (c.kind != Caller::Kind::Staff || c.court_code != court) return JudgeView::None;
  if (c.has_role("president") || c.has_role("vice_president") || c.has_role("court_admin"))
    return JudgeView::All;
  if (c.has_role("judge")) return JudgeView::Self;
  return JudgeView::None;
}

std::string only_user(JudgeView v, const Caller& c) {
  return v == JudgeView::Self ? c.user_id : std::string();
}

// A kept day (an optional or a shared_ptr DayBoard) serves the request unless the request names
// another window start.
template <class Kept>
bool serves(const Kept& kept, const DayQuery& q) {
  return kept && (!q.from || kept->window.from == *q.from);
}

// The day computed now, with the kept standings of the day before when it is kept.
ComputedDay compute(courthub::Host& host, const BoardState& state, const DayQuery& q,
                    const JudgeScope& scope) {
  auto courts = kept_standings(host, q.as_of - 1, false);
  std::optional<DayStandings> judges;
  if (!scope.none) judges = kept_standings(host, q.as_of - 1, true);
  return compute_day(state, q.as_of, q.from, courts ? &*courts : nullptr,
                     judges ? &*judges : nullptr, scope);
}

DayBoard judge_day(courthub::Host& host, const BoardState& state, const DayQuery& q,
                   const std::string& court) {
  auto kept = kept_judge_day(host, q.as_of, court);
  if (serves(kept, q)) return std::move(*kept);
  return std::move(*compute(host, state, q, JudgeScope::of_court(court)).judges);
}

}  // namespace

void register_board_routes(courthub::Registrar& r, courthub::Host& host, BoardState& state) {
  // GET /boards/courts?as_of=&from=  — every court by peer group.
  r.route("GET", "/boards/courts", [&host, &state](const Request& req) {
    require_staff(req.caller);
    DayQuery q = read_day_query(req, host);
    Snapshot snap = snapshot(state, "");
    auto kept = kept_court_board(host, state, q.as_of);
    if (serves(kept, q)) return Response::json(courts_view(*kept, snap.settings));
    return Response::json(
        courts_view(compute(host, state, q, JudgeScope::no_judges()).courts, snap.settings));
  });

  // GET /boards/courts/{code}?as_of=&from=  — one court, its trend and (if visible) its judges.
  r.route("GET", "/boards/courts/{code}", [&host, &state](const Request& req) {
    require_staff(req.caller);
    DayQuery q = read_day_query(req, host);
    const std::string& code = req.param("code");
    Snapshot snap = snapshot(state, code);
    OrgCourt court = known_court(snap, code);
    JudgeView view = judge_view(req.caller, code);

    std::optional<DayBoard> courts = kept_court_day(host, q.as_of, code);
    if (!serves(courts, q)) courts.reset();
    std::optional<DayBoard> judges;
    if (view != JudgeView::None) {
      judges = kept_judge_day(host, q.as_of, code);
      if (!serves(judges, q)) judges.reset();
    }
    if (!courts || (view != JudgeView::None && !judges)) {
      ComputedDay day = compute(host, state, q,
                                view == JudgeView::None ? JudgeScope::no_judges()
                                                        : JudgeScope::of_court(code));
      if (!courts) courts = std::move(day.courts);
      if (!judges) judges = std::move(day.judges);
    }
    const DayMember* member = find_member(*courts, code);
    if (!member)
      throw courthub::NotFound(code + " 不在 " + iso_of(q.as_of) + " 的通报中（当日之后才加入）");
    Json out = court_view(*courts, *member, snap.settings,
                          kept_trend(host, code, q.as_of - 29, q.as_of));
    if (view != JudgeView::None)
      out["judges"] = judges_view(*judges, court, snap.settings, only_user(view, req.caller));
    return Response::json(out);
  });

  // GET /boards/judges?court=&as_of=&from=  — the judge board of a court (default: mine).
  r.route("GET", "/boards/judges", [&host, &state](const Request& req) {
    require_staff(req.caller);
    DayQuery q = read_day_query(req, host);
    std::string code = req.query_value("court").value_or("");
    if (code.empty()) code = req.caller.court_code;
    if (code.empty()) {
      ParameterErrors e;
      e.add("court", "is required: the operator has no court of its own");
      e.throw_if_any();
    }
    Snapshot snap = snapshot(state, code);
    OrgCourt court = known_court(snap, code);
    JudgeView view = judge_view(req.caller, code);
    if (view == JudgeView::None)
      throw courthub::PermissionDenied("法官通报只对 " + court.name +
                                       " 的院长、副院长、管理员及法官本人开放");
    DayBoard day = judge_day(host, state, q, code);
    return Response::json(judges_view(day, court, snap.settings, only_user(view, req.caller)));
  });

  // 06:00 every day: keep yesterday's board (the last complete day).
  r.schedule("board-history", "0 6 * * *", [&host, &state](const courthub::Job&) {
    BoardSettings s;
    {
      std::shared_lock lock(state.mutex);
      s = state.settings;
    }
    const Day day = latest_day(host, s);
    store_day(host, state, day);
    host.info("incentive_board: kept the board of " + iso_of(day));
  });
}

}  // namespace board
