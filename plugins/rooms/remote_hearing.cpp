// SPDX-License-Identifier: Apache-2.0
// RemoteHearings: scheduling, notices, the status machine, rescheduling and the job hooks.
#include "remote_hearing.hpp"

#include <algorithm>
#include <set>

#include <courthub/error.hpp>

#include "free_busy.hpp"
#include "hearing_conflicts.hpp"
#include "hearing_events.hpp"
#include "hearing_link.hpp"

namespace rooms {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Sql;
using courthub::Value;

Value ms(int64_t v) {
  return Value(v);
}

constexpr const char* kCourtroom = "科技法庭";

int kind_rank(const std::string& kind) {
  if (kind == "远程视频庭审室") return 0;
  if (kind == "科技法庭") return 1;
  return 2;
}

// A pending booking's approval goes with it (bug 2): approvals cancels the instance.
void cancel_if_holding(const BookingDesk& desk, const courthub::Transaction& tx,
                       std::optional<int64_t> id, const std::string& note, int64_t now_ms) {
  if (!id) return;
  auto b = desk.store().find(tx, *id);
  if (b && next_status(b->status, BookingEvent::Cancel) &&
      desk.store().set_status(tx, b->id, b->status, BookingStatus::Canceled, now_ms, note, true))
    desk.withdraw_approval(tx, {*b}, "预订已取消（" + note + "）");
}

}  // namespace

std::optional<Hearing> RemoteHearings::find(const Sql& q, int64_t id) const {
  return hearing_by_id(q, id);
}

std::optional<Hearing> RemoteHearings::by_booking(const Sql& q, int64_t booking_id) const {
  return hearing_of_booking(q, booking_id);
}

Json RemoteHearings::to_json(const Caller& caller, const Hearing& h, int64_t now_ms) const {
  const BookingStore& store = desk_.store();
  Booking b = *store.find(h.booking_id);
  std::optional<Booking> test;
  if (h.test_booking_id) test = store.find(*h.test_booking_id);
  Json out = hearing_json(h, b, test);
  auto name_of = [&](const std::string& user_id) {
    if (user_id.empty()) return std::string();
    auto p = host_.directory().person(user_id);
    return p ? p->name : std::string();
  };
  out["judge_name"] = name_of(h.judge);
  out["clerk_name"] = name_of(h.clerk);
  for (auto& member : out["panel"]) member["name"] = name_of(member["user_id"].get<std::string>());
  Json steps = Json::array();
  for (HearingStatus to : next_steps(caller, h, b, now_ms))
    steps.push_back(hearing_status_name(to));
  out["next_statuses"] = steps;
  out["can_reschedule"] = may_run(caller, h, b) && can_move(h.status, HearingStatus::Rescheduled);
  return out;
}

std::vector<HearingStatus> RemoteHearings::next_steps(const Caller& caller, const Hearing& h,
                                                      const Booking& b, int64_t now_ms) const {
  std::vector<HearingStatus> out;
  if (!may_run(caller, h, b)) return out;
  for (HearingStatus to : {HearingStatus::TestPassed, HearingStatus::InProgress,
                           HearingStatus::Ended, HearingStatus::Canceled}) {
    if (!can_move(h.status, to)) continue;
    if (to == HearingStatus::TestPassed && h.mode == HearingMode::InPerson) continue;
    // Opening is the room's check-in: only inside its window (or once checked in).
    if (to == HearingStatus::InProgress && b.status != BookingStatus::CheckedIn &&
        !desk_.rights(caller, b, now_ms).check_in)
      continue;
    out.push_back(to);
  }
  return out;
}

std::vector<Room> RemoteHearings::proposals(const Caller& caller, const std::string& court,
                                            const Slot& slot, int capacity,
                                            HearingMode mode) const {
  // In person: any free 科技法庭; online and mixed: a room with the video terminal.
  FreeBusyQuery q{court, slot, capacity, {desk_.settings().video_equipment}, ""};
  if (mode == HearingMode::InPerson) q = FreeBusyQuery{court, slot, capacity, {}, kCourtroom};
  std::vector<Room> out;
  for (auto& a : FreeBusy(desk_.catalog(), desk_.store()).query(q))
    if (a.free() && may_book(a.room, caller)) out.push_back(a.room);
  std::stable_sort(out.begin(), out.end(), [](const Room& a, const Room& b) {
    return kind_rank(a.kind) < kind_rank(b.kind);
  });
  return out;
}

BookingDesk::Plan RemoteHearings::prepare(const Caller& caller, HearingRequest& r,
                                          int64_t now_ms) const {
  const Settings& s = desk_.settings();
  if (!schedules_hearings(caller))
    throw courthub::PermissionDenied("只有法官、法官助理、书记员和院庭领导可以安排远程庭审");
  FieldErrors errors;
  if (r.judge.empty()) {
    if (caller.is_staff() && may_override_notice(caller))
      r.judge = caller.user_id;
    else
      errors.add("/judge", "is required: the userid of the presiding judge");
  }
  std::string court = caller.court_code;
  if (!r.judge.empty()) {
    auto judge = host_.directory().person(r.judge);
    if (!judge)
      errors.add("/judge", "'" + r.judge + "' is not a person in the directory");
    else if (court.empty())
      court = judge->court_code;
  }
  if (!r.clerk.empty() && !host_.directory().person(r.clerk))
    errors.add("/clerk", "'" + r.clerk + "' is not a person in the directory");
  // The collegial panel: people of the hearing's court, each once, besides the judge and clerk.
  std::set<std::string> seated;
  for (size_t i = 0; i < r.panel.size(); ++i) {
    const std::string& id = r.panel[i];
    const std::string at = "/panel/" + std::to_string(i);
    auto p = host_.directory().person(id);
    if (!p)
      errors.add(at, "'" + id + "' is not a person in the directory");
    else if (!court.empty() && p->court_code != court)
      errors.add(at, p->name + " is not a person of court " + court);
    else if (id == r.judge)
      errors.add(at, p->name + " presides (judge): list only the other members of the panel");
    else if (id == r.clerk)
      errors.add(at, p->name + " is the clerk (书记员), not a member of the panel");
    else if (!seated.insert(id).second)
      errors.add(at, p->name + " is listed twice");
  }
  // A party's user_id lets that person see the hearing: it must name someone real.
  for (size_t i = 0; i < r.parties.size(); ++i)
    if (const auto& id = r.parties[i].user_id; !id.empty() && !host_.directory().person(id))
      errors.add("/parties/" + std::to_string(i) + "/user_id",
                 "'" + id + "' is not a person in the directory");
  errors.throw_if_any();

  if (!notice_period_met(r.slot.start_ms, now_ms, s.notice_days)) {
    if (!r.override_notice) {
      const LocalDate earliest = add_days(local_date(now_ms), s.notice_days);
      FieldErrors notice;
      notice.add("/start", "开庭须至少提前 " + std::to_string(s.notice_days) +
                               " 天通知当事人，最早可约 " + format_date(earliest) +
                               "；确需提前，请由法官设置 override_notice 并填写 override_reason");
      notice.throw_if_any();
    }
    if (!may_override_notice(caller))
      throw courthub::PermissionDenied("只有法官可以缩短开庭通知期（override_notice）");
  }

  const bool in_person = r.mode == HearingMode::InPerson;
  if (r.room_id.empty()) {
    auto free = proposals(caller, court, r.slot, 0, r.mode);
    if (free.empty())
      throw courthub::Conflict(
          std::string("该时段本院没有空闲的") +
          (in_person ? std::string(kCourtroom) : "、配有" + s.video_equipment + "的房间") +
          "；请换个时间（GET /hearings/proposals 可查空闲房间）");
    r.room_id = free.front().id;
  } else {
    auto room = desk_.catalog().find(r.room_id);
    if (!room) throw courthub::NotFound("没有编号为 '" + r.room_id + "' 的房间");
    if (in_person && room->kind != kCourtroom)
      errors.add("/room_id", room->name + " 是" + room->kind + "，现场庭审须在" + kCourtroom);
    else if (!in_person && !room->has_equipment(s.video_equipment))
      errors.add("/room_id", room->name + " 没有" + s.video_equipment + "，不能用于远程庭审");
    errors.throw_if_any();
  }

  BookingRequest br;
  br.room_id = r.room_id;
  br.first = r.slot;
  br.title = r.title.empty() ? (in_person ? "开庭 " : "远程庭审 ") + r.case_number : r.title;
  std::set<std::string> people(r.attendees.begin(), r.attendees.end());
  people.insert(r.judge);
  people.insert(r.panel.begin(), r.panel.end());
  if (!r.clerk.empty()) people.insert(r.clerk);
  if (caller.is_staff()) people.erase(caller.user_id);
  br.attendees.assign(people.begin(), people.end());
  if (!caller.is_staff()) br.organizer = r.judge;
  return desk_.plan(caller, br, now_ms, "hearing");
}

RemoteHearings::Created RemoteHearings::schedule(const courthub::Transaction& tx,
                                                 const Caller& caller, const HearingRequest& r,
                                                 const BookingDesk::Plan& plan,
                                                 std::optional<int64_t> rescheduled_from,
                                                 int64_t now_ms) const {
  const BookingStore& store = desk_.store();
  const Settings& s = desk_.settings();
  // Nobody of the bench sits in two places at once: the judge, the clerk, each panel member.
  std::vector<Seat> seats = {{r.judge, "judge"}};
  if (!r.clerk.empty()) seats.push_back({r.clerk, "clerk"});
  for (auto& member : r.panel) seats.push_back({member, "panel"});
  auto busy = seat_conflicts(tx, seats, r.slot, rescheduled_from.value_or(0),
                             [&](const std::string& id) {
                               auto p = host_.directory().person(id);
                               return p ? p->name : std::string();
                             });
  if (!busy.empty()) throw seat_conflict_error(busy);
  Created c;
  c.bookings = store.book(tx, plan.bookings, now_ms);
  const Booking main = c.bookings.front();  // a copy: the test slot is pushed after it
  // A hearing in the courtroom needs no audio/video test.
  const bool needs_test = r.mode != HearingMode::InPerson;
  for (auto [start, end] :
       needs_test ? test_slot_candidates(r.slot.start_ms, plan.room.hours, s.test_minutes, now_ms)
                  : std::vector<std::pair<int64_t, int64_t>>{}) {
    if (!store.overlapping(tx, main.room_id, Slot{start, end}).empty()) continue;
    NewBookings t = plan.bookings;
    t.slots = {Slot{start, end}};
    t.title = "庭前测试 " + r.case_number;
    t.purpose = "hearing_test";
    t.series_rule = Json();
    t.blockers.clear();
    t.approval_request = main.approval_request;
    c.bookings.push_back(store.book(tx, t, now_ms).front());
    break;
  }
  if (needs_test && c.bookings.size() == 1)
    c.warnings.push_back("开庭前三天内 " + main.room_name + " 没有空闲的 " +
                         std::to_string(s.test_minutes) + " 分钟，未安排庭前测试，请另行安排");

  Hearing& h = c.hearing;
  h.booking_id = main.id;
  if (c.bookings.size() > 1) h.test_booking_id = c.bookings[1].id;
  h.court = main.court;
  h.case_number = r.case_number;
  h.mode = r.mode;
  h.parties = r.parties;
  h.judge = r.judge;
  h.clerk = r.clerk;
  h.panel = r.panel;
  h.cause = r.cause;
  h.is_public = r.is_public;
  h.status = HearingStatus::Scheduled;
  h.notice_override =
      r.override_notice && !notice_period_met(r.slot.start_ms, now_ms, s.notice_days);
  if (h.notice_override) {
    h.override_reason = r.override_reason;
    h.override_by = caller.is_staff() ? caller.user_id : "admin";
  }
  h.rescheduled_from = rescheduled_from;
  h.created_ms = h.updated_ms = now_ms;
  auto row = tx.one(
      "INSERT INTO hearings(booking_id, test_booking_id, court, case_number, mode, parties, "
      "judge, clerk, panel, cause, public, status, notice_override, override_reason, "
      "override_by, rescheduled_from, created_ms, updated_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ms(h.booking_id), h.test_booking_id ? ms(*h.test_booking_id) : Value(), h.court,
       h.case_number, std::string(mode_name(h.mode)), parties_json(h.parties).dump(), h.judge,
       h.clerk, Json(h.panel).dump(), h.cause, h.is_public,
       std::string(hearing_status_name(h.status)), h.notice_override, h.override_reason,
       h.override_by, rescheduled_from ? ms(*rescheduled_from) : Value(), ms(now_ms),
       ms(now_ms)});
  h.id = row->integer("id");
  publish_hearing(tx, h.id, HearingTopic::Scheduled);
  desk_.request_approval(tx, {c.bookings.front()}, "");
  return c;
}

void RemoteHearings::after_commit(const Created& c, HearingNoticeKind kind, int64_t now_ms) const {
  desk_.announce({c.bookings.front()}, "");
  if (c.bookings.front().status == BookingStatus::Booked) notify(c.hearing, kind, now_ms);
}

void RemoteHearings::notify(const Hearing& h, HearingNoticeKind kind, int64_t now_ms) const {
  const BookingStore& store = desk_.store();
  Booking b = *store.find(h.booking_id);
  std::optional<Booking> test;
  if (h.test_booking_id) test = store.find(*h.test_booking_id);
  if (test && !holds_slot(test->status)) test.reset();
  bool late =
      !h.notice_override && !notice_period_met(b.start_ms, now_ms, desk_.settings().notice_days);
  notices_.send(h, b, test, kind, late);
  if (h.status == HearingStatus::Scheduled)
    store.db().transaction([&](courthub::Transaction& tx) {
      set_hearing_status(tx, h.id, HearingStatus::Scheduled, HearingStatus::Notified,
                         "notified_ms", now_ms, "");
    });
}

Json RemoteHearings::create(const Caller& caller, const HearingRequest& request,
                            int64_t now_ms) const {
  HearingRequest r = request;
  BookingDesk::Plan plan = prepare(caller, r, now_ms);
  Created c = desk_.store().db().transaction([&](courthub::Transaction& tx) {
    return schedule(tx, caller, r, plan, std::nullopt, now_ms);
  });
  after_commit(c, HearingNoticeKind::Scheduled, now_ms);
  Json out = to_json(caller, *find(desk_.store().db(), c.hearing.id), now_ms);
  Json warnings = Json::array();
  for (auto& w : c.warnings) warnings.push_back(w);
  out["warnings"] = warnings;
  return out;
}

Hearing RemoteHearings::visible(const Caller& caller, int64_t id) const {
  auto h = find(desk_.store().db(), id);
  if (!h) throw courthub::NotFound("没有编号为 #" + std::to_string(id) + " 的远程庭审");
  bool ok = caller.kind == Caller::Kind::Admin ||
            (caller.is_staff() && (caller.court_code == h->court || caller.user_id == h->judge ||
                                   caller.user_id == h->clerk));
  for (auto& p : h->parties) ok = ok || (caller.is_staff() && p.user_id == caller.user_id);
  for (auto& m : h->panel) ok = ok || (caller.is_staff() && m == caller.user_id);
  if (!ok)
    throw courthub::PermissionDenied("远程庭审 #" + std::to_string(id) + " 不属于你所在的法院");
  return *h;
}

bool RemoteHearings::may_run(const Caller& caller, const Hearing& h, const Booking& b) const {
  if (is_court_admin(caller, h.court)) return true;
  return caller.is_staff() &&
         (caller.user_id == h.judge || caller.user_id == h.clerk || caller.user_id == b.organizer);
}

Json RemoteHearings::get(const Caller& caller, int64_t id, int64_t now_ms) const {
  return to_json(caller, visible(caller, id), now_ms);
}

Json RemoteHearings::of_court(const Caller& caller, const std::string& court, const Slot& window,
                              int64_t now_ms) const {
  Json out = Json::array();
  desk_.store().db().each(
      std::string("SELECT ") + kHearingColumns +
          " FROM hearings h JOIN bookings b ON b.id = h.booking_id WHERE h.court = ? "
          "AND b.start_ms >= ? AND b.start_ms < ? ORDER BY b.start_ms LIMIT 500",
      {court, ms(window.start_ms), ms(window.end_ms)}, [&](const courthub::Row& row) {
        out.push_back(to_json(caller, hearing_from_row(row), now_ms));
      });
  return out;
}

Json RemoteHearings::move(const Caller& caller, int64_t id, const std::string& to_name,
                          const std::string& reason, int64_t now_ms) const {
  Hearing h = visible(caller, id);
  const BookingStore& store = desk_.store();
  Booking b = *store.find(h.booking_id);
  if (!may_run(caller, h, b))
    throw courthub::PermissionDenied("只有承办法官、书记员、预订人或本院管理员可以操作远程庭审");
  auto to = parse_hearing_status(to_name);
  if (!to || (*to != HearingStatus::TestPassed && *to != HearingStatus::InProgress &&
              *to != HearingStatus::Ended && *to != HearingStatus::Canceled)) {
    FieldErrors e;
    e.add("/status",
          "must be 测试通过, 进行中, 已结束 or 已取消 (已通知 is set when the parties "
          "are told, 已改期 by reschedule, 已释放 when nobody checks in)");
    e.throw_if_any();
  }
  if (!can_move(h.status, *to))
    throw courthub::Conflict("远程庭审 #" + std::to_string(id) + " 当前为 " +
                             std::string(hearing_status_name(h.status)) + "，不能变为 " +
                             std::string(hearing_status_name(*to)));
  if (*to == HearingStatus::TestPassed && h.mode == HearingMode::InPerson)
    throw courthub::Conflict("现场庭审没有庭前测试：通知当事人后即可开庭（进行中）");
  auto changed = [&](bool ok) {
    if (!ok)
      throw courthub::Conflict("远程庭审 #" + std::to_string(id) + " 的状态刚刚变了，请刷新");
  };
  switch (*to) {
    case HearingStatus::TestPassed:
      changed(store.db().transaction([&](courthub::Transaction& tx) {
        return set_hearing_status(tx, id, h.status, *to, "test_passed_ms", now_ms, reason);
      }));
      break;
    case HearingStatus::InProgress:
      // Opening the hearing is its room's check-in (same window and rules); the desk moves
      // the hearing in the check-in's transaction (hearing_link.hpp).
      if (b.status == BookingStatus::Booked)
        desk_.check_in(caller, b.id, now_ms, reason);
      else if (b.status == BookingStatus::CheckedIn)  // checked in before bug 5 was fixed
        changed(store.db().transaction([&](courthub::Transaction& tx) {
          return set_hearing_status(tx, id, h.status, *to, "started_ms", now_ms, reason);
        }));
      else
        throw courthub::Conflict("庭审的会议室预订当前为 " + std::string(status_name(b.status)) +
                                 "，不能开庭");
      break;
    case HearingStatus::Ended:
      // The room is handed back with the hearing's end, in one transaction.
      store.db().transaction([&](courthub::Transaction& tx) {
        auto cur = store.find(tx, b.id);
        if (cur && cur->status == BookingStatus::CheckedIn) desk_.finish(tx, *cur, now_ms);
        changed(set_hearing_status(tx, id, h.status, *to, "ended_ms", now_ms, reason));
      });
      break;
    default:  // 已取消
      store.db().transaction([&](courthub::Transaction& tx) {
        std::string note = "庭审取消" + (reason.empty() ? std::string() : "：" + reason);
        cancel_if_holding(desk_, tx, h.booking_id, note, now_ms);
        cancel_if_holding(desk_, tx, h.test_booking_id, note, now_ms);
        changed(set_hearing_status(tx, id, h.status, *to, nullptr, now_ms, reason));
      });
      if (h.notified_ms) {
        std::optional<Booking> none;
        notices_.send(h, b, none, HearingNoticeKind::Canceled, false);
      }
      break;
  }
  return get(caller, id, now_ms);
}

Json RemoteHearings::reschedule(const Caller& caller, int64_t id, const HearingRequest& change,
                                const std::string& reason, int64_t now_ms) const {
  Hearing h = visible(caller, id);
  const BookingStore& store = desk_.store();
  Booking b = *store.find(h.booking_id);
  if (!may_run(caller, h, b))
    throw courthub::PermissionDenied("只有承办法官、书记员、预订人或本院管理员可以改期");
  if (!can_move(h.status, HearingStatus::Rescheduled))
    throw courthub::Conflict("远程庭审 #" + std::to_string(id) + " 当前为 " +
                             std::string(hearing_status_name(h.status)) + "，不能改期");
  HearingRequest r = change;
  r.case_number = h.case_number;
  r.mode = h.mode;
  r.parties = h.parties;
  r.judge = h.judge;
  r.clerk = h.clerk;
  r.panel = h.panel;
  r.cause = h.cause;
  r.is_public = h.is_public;
  r.title = b.title;
  r.attendees = b.attendees;
  if (r.room_id.empty()) r.room_id = b.room_id;
  BookingDesk::Plan plan = prepare(caller, r, now_ms);
  std::string note = "改期" + (reason.empty() ? std::string() : "：" + reason);
  Created c = store.db().transaction([&](courthub::Transaction& tx) {
    auto cur = find(tx, id);
    if (!cur || cur->status != h.status)
      throw courthub::Conflict("远程庭审 #" + std::to_string(id) + " 的状态刚刚变了，请刷新");
    // Free the old slot first: the new time may overlap the old one in the same room.
    cancel_if_holding(desk_, tx, h.booking_id, note, now_ms);
    cancel_if_holding(desk_, tx, h.test_booking_id, note, now_ms);
    Created made = schedule(tx, caller, r, plan, id, now_ms);
    tx.exec(
        "UPDATE hearings SET status = '已改期', rescheduled_to = ?, note = ?, updated_ms = ? "
        "WHERE id = ? AND status = ?",
        {ms(made.hearing.id), note, ms(now_ms), ms(id),
         std::string(hearing_status_name(h.status))});
    publish_hearing(tx, id, HearingTopic::Changed);
    return made;
  });
  after_commit(c, HearingNoticeKind::Rescheduled, now_ms);
  Json out = to_json(caller, *find(store.db(), c.hearing.id), now_ms);
  Json warnings = Json::array();
  for (auto& w : c.warnings) warnings.push_back(w);
  out["warnings"] = warnings;
  return out;
}

void RemoteHearings::bookings_deciding(const courthub::Transaction& tx,
                                       const std::vector<Booking>& bookings, int64_t now_ms) const {
  for (const Booking& b : bookings)
    if (b.status != BookingStatus::Booked)
      booking_lost(tx, b, HearingStatus::Canceled, b.note, now_ms);
}

void RemoteHearings::bookings_decided(const std::vector<Booking>& bookings, int64_t now_ms) const {
  for (const Booking& b : bookings) {
    if (b.purpose != "hearing" || b.status != BookingStatus::Booked) continue;
    auto h = by_booking(desk_.store().db(), b.id);
    if (!h) continue;
    notify(*h, h->rescheduled_from ? HearingNoticeKind::Rescheduled : HearingNoticeKind::Scheduled,
           now_ms);
  }
}

void RemoteHearings::booking_lost(const courthub::Transaction& tx, const Booking& b,
                                  HearingStatus to, const std::string& note,
                                  int64_t now_ms) const {
  if (b.purpose != "hearing") return;
  auto h = by_booking(tx, b.id);
  if (!h || !can_move(h->status, to)) return;
  cancel_if_holding(desk_, tx, h->test_booking_id, note, now_ms);
  set_hearing_status(tx, h->id, h->status, to, nullptr, now_ms, note);
}

int RemoteHearings::notify_pending(int64_t now_ms) const {
  std::vector<Hearing> due;
  desk_.store().db().each(std::string("SELECT ") + kHearingColumns +
                              " FROM hearings h JOIN bookings b ON b.id = h.booking_id "
                              "WHERE h.status = '已预约' AND b.status = '已预订'",
                          {},
                          [&](const courthub::Row& row) { due.push_back(hearing_from_row(row)); });
  for (const Hearing& h : due)
    notify(h, h.rescheduled_from ? HearingNoticeKind::Rescheduled : HearingNoticeKind::Scheduled,
           now_ms);
  return static_cast<int>(due.size());
}

bool RemoteHearings::overrun(const Booking& b, int64_t now_ms) const {
  if (b.purpose != "hearing") return false;
  const BookingStore& store = desk_.store();
  auto h = by_booking(store.db(), b.id);
  if (!h || h->status != HearingStatus::InProgress) return false;
  constexpr int64_t kExtension = 30 * kMinuteMs;
  Slot more{b.end_ms, b.end_ms + kExtension};
  std::optional<Booking> next;
  bool extended = store.db().transaction([&](courthub::Transaction& tx) {
    auto cur = store.find(tx, b.id);
    if (!cur || cur->status != BookingStatus::CheckedIn || cur->end_ms != b.end_ms) return false;
    auto in_way = store.overlapping(tx, b.room_id, more, b.id);
    if (!in_way.empty() || more.end_ms - cur->start_ms > kMaxBookingMs) {
      if (!in_way.empty()) next = in_way.front();
      return false;
    }
    cur->end_ms = more.end_ms;
    store.rewrite(tx, *cur, now_ms);
    publish_hearing(tx, h->id, HearingTopic::Changed);  // its end moved
    return true;
  });
  std::string text = "### 庭审超时\n\n" + h->case_number + "（" + b.room_name + "）\n\n";
  if (extended) {
    text += "原定 " + format_minute(local_minute(b.end_ms)) + " 结束，已自动延长至 " +
            format_minute(local_minute(more.end_ms)) + "。结束后请在庭审页面点“已结束”。";
  } else {
    text += b.room_name + " 之后已有预订";
    if (next)
      text +=
          " #" + std::to_string(next->id) + " " + next->title + "（" + next->organizer_name + "）";
    text += "，无法自动延长，请尽快结束或协调换用其他房间。";
  }
  host_.outbox().to_users({b.organizer}, courthub::Message::markdown("庭审超时", text),
                          "rooms-overrun-" + std::to_string(b.id) + "-" + std::to_string(b.end_ms));
  return extended;
}

}  // namespace rooms
