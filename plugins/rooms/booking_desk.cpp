// SPDX-License-Identifier: Apache-2.0
// BookingDesk: the rules around the booking store (permissions, hours, approval, notices).
#include "booking_desk.hpp"

#include <set>

#include <courthub/error.hpp>

#include "hearing_link.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Caller;
using courthub::Json;

std::string who(const Caller& c) {
  if (c.kind == Caller::Kind::Admin) return "系统管理员";
  return c.name.empty() ? c.user_id : c.name;
}

std::string bookers_text(const Room& r) {
  std::string out;
  auto add = [&](const std::string& label, const std::vector<std::string>& v) {
    if (v.empty()) return;
    if (!out.empty()) out += "；";
    out += label;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? "、" : "") + v[i];
  };
  add("角色 ", r.bookers.roles);
  add("部门 ", r.bookers.depts);
  add("人员 ", r.bookers.users);
  return out.empty() ? "本院人员" : out;
}

int64_t ceil_minute(int64_t ms) {
  return (ms + kMinuteMs - 1) / kMinuteMs * kMinuteMs;
}

}  // namespace

int64_t parse_booking_id(std::string_view text) {
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  int64_t id = 0;
  bool ok = !text.empty() && text.size() <= 18;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) id = id * 10 + (c - '0');
  }
  if (!ok || id <= 0)
    throw courthub::InvalidArgument("预订编号应为数字，例如 1024（看 my bookings 的列表）");
  return id;
}

std::vector<std::string> BookingDesk::check_people(const std::vector<std::string>& ids,
                                                   const std::string& at,
                                                   FieldErrors& errors) const {
  std::vector<std::string> names;
  for (size_t i = 0; i < ids.size(); ++i) {
    auto p = host_.directory().person(ids[i]);
    if (!p)
      errors.add(at + "/" + std::to_string(i), "'" + ids[i] + "' is not a person in the directory");
    names.push_back(p ? p->name : "");
  }
  return names;
}

BookingDesk::Plan BookingDesk::plan(const Caller& caller, const BookingRequest& req, int64_t now_ms,
                                    const std::string& purpose) const {
  auto room = catalog_.find(req.room_id);
  if (!room) throw courthub::NotFound("没有编号为 '" + req.room_id + "' 的会议室");
  if (room->retired) throw courthub::Conflict(room->name + " 已停用，不能预订");
  if (!may_book(*room, caller))
    throw courthub::PermissionDenied("你不能预订 " + room->name + "（可预订：" +
                                     bookers_text(*room) + "）");
  bool admin = is_court_admin(caller, room->court);

  FieldErrors errors;
  Plan plan{*room, {}, ""};
  NewBookings& nb = plan.bookings;
  nb.room_id = room->id;
  nb.title = req.title;
  nb.purpose = purpose;
  if (!req.organizer.empty() && req.organizer != caller.user_id) {
    if (!admin) throw courthub::PermissionDenied("只有本院管理员可以替他人预订（organizer）");
    auto p = host_.directory().person(req.organizer);
    if (!p)
      errors.add("/organizer", "'" + req.organizer + "' is not a person in the directory");
    else
      nb.organizer = p->user_id, nb.organizer_name = p->name;
  } else if (caller.is_staff()) {
    nb.organizer = caller.user_id;
    nb.organizer_name = caller.name;
  } else {
    errors.add("/organizer", "is required when the operator books: the userid of the organizer");
  }
  check_people(req.attendees, "/attendees", errors);
  nb.attendees = req.attendees;
  std::set<std::string> people(req.attendees.begin(), req.attendees.end());
  if (!nb.organizer.empty()) people.insert(nb.organizer);
  nb.attendee_count = req.attendee_count.value_or(static_cast<int>(people.size()));
  if (nb.attendee_count > room->capacity)
    errors.add(req.attendee_count ? "/attendee_count" : "/attendees",
               room->name + " 最多容纳 " + std::to_string(room->capacity) + " 人，预订为 " +
                   std::to_string(nb.attendee_count) + " 人");

  // The slots: the first must be sane; a series repeats its time of day on each date.
  const Slot& first = req.first;
  if (auto why = unbookable_slot(first.start_ms, first.end_ms, now_ms, settings_.horizon_days,
                                 settings_.checkin_after_minutes)) {
    errors.add("/start", *why);
  } else if (req.recurrence) {
    try {
      auto dates = expand(*req.recurrence, local_date(first.start_ms),
                          last_bookable_day(now_ms, settings_.horizon_days));
      int minute = local_minute(first.start_ms);
      int64_t length = first.end_ms - first.start_ms;
      for (const LocalDate& d : dates) {
        int64_t start = to_instant(d, minute);
        nb.slots.push_back(Slot{start, start + length});
      }
      plan.series = describe(*req.recurrence);
      nb.series_rule = recurrence_json(*req.recurrence);
    } catch (const courthub::Error& e) {
      errors.add("/recurrence", e.what());
    }
  } else {
    nb.slots.push_back(first);
  }
  // Bookable hours bind everyone but the court's admins. A single booking outside them is a
  // wrong request (400); a series reports its closed days with its conflicts (409), all at once.
  if (!admin && errors.empty()) {
    for (const Slot& s : nb.slots) {
      auto why = outside_open_hours(room->hours, s.start_ms, s.end_ms);
      if (!why) continue;
      if (!req.recurrence)
        errors.add("/start", room->name + " " + *why);
      else
        nb.blockers.push_back(Blocker{s, "closed", *why, std::nullopt});
    }
  }
  errors.throw_if_any();

  nb.status = BookingStatus::Booked;
  if (room->needs_approval && !admin) {
    if (!host_.plugin_active("approvals"))
      throw courthub::Conflict("此会议室需要审批，但审批插件未启用，暂时不能预订 " + room->name +
                               "；请联系本院管理员开启审批，或换一间不需审批的会议室");
    nb.status = BookingStatus::PendingApproval;
  }
  return plan;
}

void BookingDesk::announce(const std::vector<Booking>& bookings, const std::string& series) const {
  if (bookings.empty()) return;
  notices_.send_card(bookings.front());
  notices_.invite(bookings, series);
}

std::vector<Booking> BookingDesk::book(const Caller& caller, const BookingRequest& request,
                                       int64_t now_ms) const {
  Plan p = plan(caller, request, now_ms, "meeting");
  std::vector<Booking> made = store_.db().transaction([&](courthub::Transaction& tx) {
    std::vector<Booking> m = store_.book(tx, p.bookings, now_ms);
    request_approval(tx, m, p.series);
    return m;
  });
  announce(made, p.series);
  return made;
}

bool BookingDesk::may_manage(const Caller& caller, const Booking& b) const {
  return (caller.is_staff() && caller.user_id == b.organizer) || is_court_admin(caller, b.court);
}

Booking BookingDesk::visible(const Caller& caller, int64_t id) const {
  auto b = store_.find(id);
  if (!b) throw courthub::NotFound("没有编号为 #" + std::to_string(id) + " 的预订");
  bool ok = caller.kind == Caller::Kind::Admin ||
            (caller.is_staff() && (caller.court_code == b->court || b->involves(caller.user_id)));
  if (!ok) throw courthub::PermissionDenied("预订 #" + std::to_string(id) + " 不属于你所在的法院");
  return *b;
}

Booking BookingDesk::modify(const Caller& caller, int64_t id, const Json& patch,
                            int64_t now_ms) const {
  Booking b = visible(caller, id);
  if (!may_manage(caller, b))
    throw courthub::PermissionDenied("只有组织者或本院管理员可以修改预订 #" + std::to_string(id));
  FieldErrors errors;
  Fields f(patch, "", errors);
  f.only({"room_id", "start", "end", "date", "from", "to", "title", "attendees", "attendee_count"});
  // A PATCH may name only the end (to extend) or only the start: the rest is the booking's own.
  Json times = Json::object();
  if (f.has("start") || f.has("end")) {
    times["start"] =
        f.has("start") ? json::get<Json>(patch, "start") : Json(format_iso(b.start_ms));
    times["end"] = f.has("end") ? json::get<Json>(patch, "end") : Json(format_iso(b.end_ms));
  } else if (f.has("date") || f.has("from") || f.has("to")) {
    times["date"] =
        f.has("date") ? json::get<Json>(patch, "date") : Json(format_date(local_date(b.start_ms)));
    times["from"] = f.has("from") ? json::get<Json>(patch, "from")
                                  : Json(format_minute(local_minute(b.start_ms)));
    times["to"] =
        f.has("to") ? json::get<Json>(patch, "to") : Json(format_minute(local_minute(b.end_ms)));
  }
  auto slot = read_slot(times, local_date(now_ms), errors, false);
  errors.throw_if_any();

  Booking next = b;
  if (f.has("title")) next.title = f.text("title", true, 100, b.title);
  if (f.has("attendees")) {
    next.attendees = f.texts("attendees", 500, 64);
    check_people(next.attendees, "/attendees", errors);
  }
  if (f.has("attendee_count"))
    next.attendee_count = static_cast<int>(f.integer("attendee_count", true, 1, 2000, 1));
  else if (f.has("attendees"))
    next.attendee_count = std::max<int>(
        b.attendee_count,
        static_cast<int>(
            std::set<std::string>(next.attendees.begin(), next.attendees.end()).size()) +
            1);
  Room room = *catalog_.find(b.room_id);
  std::string room_id = f.text("room_id", false, 64, b.room_id);
  errors.throw_if_any();
  if (room_id != b.room_id) {
    auto other = catalog_.find(room_id);
    if (!other || other->court != b.court)
      throw courthub::NotFound("本院没有编号为 '" + room_id + "' 的会议室");
    if (other->retired) throw courthub::Conflict(other->name + " 已停用，不能预订");
    if (!may_book(*other, caller)) throw courthub::PermissionDenied("你不能预订 " + other->name);
    next.room_id = other->id;
    next.room_name = other->name;
    next.room_location = other->location;
    next.court = other->court;
  }
  if (slot) {
    next.start_ms = slot->start_ms;
    next.end_ms = slot->end_ms;
  }
  bool moved = next.room_id != b.room_id || next.start_ms != b.start_ms;
  bool retimed = moved || next.end_ms != b.end_ms;
  Room target = next.room_id == b.room_id ? room : *catalog_.find(next.room_id);
  bool admin = is_court_admin(caller, b.court);

  if (retimed && b.purpose != "meeting")
    throw courthub::Conflict(
        "这是远程庭审的预订，改时间请用改期（POST /hearings/{id}/reschedule）");
  if (b.status == BookingStatus::CheckedIn) {
    if (moved) throw courthub::Conflict("已签到的预订只能调整结束时间");
  } else if (b.status != BookingStatus::Booked && b.status != BookingStatus::PendingApproval) {
    throw courthub::Conflict("预订 #" + std::to_string(id) + " 当前状态为 " +
                             std::string(status_name(b.status)) + "，不能修改");
  }
  // A retired room's bookings stay at their times: a new time there would be a new booking.
  if (retimed && target.retired)
    throw courthub::Conflict(target.name + " 已停用：其预订只能按原时间使用或取消，不能改时间");
  if (retimed && !admin && (room.needs_approval || target.needs_approval))
    throw courthub::Conflict("需要审批的会议室不能直接改时间或换会议室：请取消后重新预订");
  if (retimed) {
    std::optional<std::string> why;
    if (next.start_ms != b.start_ms)
      why = unbookable_slot(next.start_ms, next.end_ms, now_ms, settings_.horizon_days,
                            settings_.checkin_after_minutes);
    else if (next.end_ms <= std::max(next.start_ms, now_ms))
      why = "结束时间须晚于开始时间和现在";
    else if (next.end_ms - next.start_ms > kMaxBookingMs)
      why = "一次预订最长 24 小时";
    if (!why && !admin) {
      if (auto closed = outside_open_hours(target.hours, next.start_ms, next.end_ms))
        why = target.name + " " + *closed;
    }
    if (why) errors.add(slot ? "/start" : "/room_id", *why);
  }
  if (next.attendee_count > target.capacity)
    errors.add("/attendee_count",
               target.name + " 最多容纳 " + std::to_string(target.capacity) + " 人");
  errors.throw_if_any();
  if (next.start_ms != b.start_ms) next.reminded_ms.reset();

  store_.db().transaction([&](courthub::Sql& tx) {
    auto now = store_.find(tx, id);
    if (!now || now->status != b.status || now->updated_ms != b.updated_ms)
      throw courthub::Conflict("预订 #" + std::to_string(id) + " 刚刚被修改过，请刷新后重试");
    if (retimed) {
      std::vector<Blocker> blockers;
      for (Booking& w : store_.overlapping(tx, next.room_id, next.slot(), id))
        blockers.push_back(Blocker{next.slot(), "booked", "", std::move(w)});
      if (!blockers.empty()) throw conflict_error(next.room_name, blockers);
    }
    store_.rewrite(tx, next, now_ms);
  });
  Booking after = *store_.find(id);
  if (retimed) {
    std::vector<std::string> to;
    for (auto& a : after.attendees)
      if (a != after.organizer) to.push_back(a);
    if (!to.empty())
      host_.outbox().to_users(
          to,
          courthub::Message::markdown("会议变更", "### 会议变更\n\n**" + after.title +
                                                      "**\n\n- 会议室：" + after.room_name +
                                                      "\n- 新时间：" +
                                                      format_slot(after.start_ms, after.end_ms)),
          "rooms-change-" + std::to_string(id) + "-" + after.room_id + "-" +
              std::to_string(after.start_ms) + "-" + std::to_string(after.end_ms));
  }
  return after;
}

std::vector<Booking> BookingDesk::cancel(const Caller& caller, int64_t id, bool following,
                                         const std::string& reason, int64_t now_ms) const {
  Booking b = visible(caller, id);
  if (!may_manage(caller, b))
    throw courthub::PermissionDenied("只有组织者或本院管理员可以取消预订 #" + std::to_string(id));
  if (b.purpose != "meeting")
    throw courthub::Conflict(
        "这是远程庭审的预订，请取消庭审（POST /hearings/{id}/status "
        "{\"status\": \"已取消\"}）");
  if (!next_status(b.status, BookingEvent::Cancel))
    throw courthub::Conflict("预订 #" + std::to_string(id) + " 当前状态为 " +
                             std::string(status_name(b.status)) + "，不能取消");
  bool self = caller.is_staff() && caller.user_id == b.organizer;
  std::string note =
      self ? reason : "由" + who(caller) + "取消" + (reason.empty() ? "" : "：" + reason);

  std::vector<int64_t> done = store_.db().transaction([&](courthub::Transaction& tx) {
    std::vector<Booking> targets;
    if (following && b.series_id) {
      for (Booking& x : store_.series(tx, *b.series_id))
        if (x.start_ms >= b.start_ms) targets.push_back(std::move(x));
    } else if (auto x = store_.find(tx, id)) {
      targets.push_back(*x);
    }
    std::vector<int64_t> ids;
    for (const Booking& x : targets) {
      if (!next_status(x.status, BookingEvent::Cancel)) continue;
      if (store_.set_status(tx, x.id, x.status, BookingStatus::Canceled, now_ms, note, self))
        ids.push_back(x.id);
    }
    if (ids.empty())
      throw courthub::Conflict("预订 #" + std::to_string(id) + " 已经不能取消（状态刚刚变了）");
    approvals_.withdraw(tx, targets);  // bug 2: a pending booking's approval goes with it
    return ids;
  });
  if (!self) notices_.tell_pending();
  std::vector<Booking> out;
  for (int64_t x : done) out.push_back(*store_.find(x));
  std::vector<std::string> to;
  for (auto& a : b.attendees)
    if (a != b.organizer) to.push_back(a);
  if (!to.empty()) {
    std::string when = format_slot(b.start_ms, b.end_ms);
    if (out.size() > 1) when += " 起共 " + std::to_string(out.size()) + " 次";
    host_.outbox().to_users(to,
                            courthub::Message::markdown(
                                "会议取消", "### 会议取消\n\n**" + b.title + "**\n\n- 会议室：" +
                                                b.room_name + "\n- 时间：" + when),
                            "rooms-cancel-" + std::to_string(id));
  }
  return out;
}

Booking BookingDesk::check_in(const Caller& caller, int64_t id, int64_t now_ms,
                              const std::string& hearing_note) const {
  Booking b = visible(caller, id);
  if (!(caller.is_staff() && b.involves(caller.user_id)) && !is_court_admin(caller, b.court))
    throw courthub::PermissionDenied("只有组织者、参会人或本院管理员可以签到");
  std::string by = caller.is_staff() ? caller.user_id : "admin";
  bool done = store_.db().transaction([&](courthub::Transaction& tx) {
    if (!store_.check_in(tx, id, now_ms, by, settings_.checkin_before_minutes * kMinuteMs,
                         settings_.checkin_after_minutes * kMinuteMs))
      return false;
    open_hearing_of(tx, b, now_ms, hearing_note);  // bug 5: one transition, both rows
    return true;
  });
  if (done) return *store_.find(id);
  // Say why not, from what is stored now.
  b = *store_.find(id);
  CheckinWindow w =
      checkin_window(b.start_ms, settings_.checkin_before_minutes, settings_.checkin_after_minutes);
  std::string window =
      format_minute(local_minute(w.opens_ms)) + "-" + format_minute(local_minute(w.closes_ms));
  if (b.status == BookingStatus::CheckedIn)
    throw courthub::Conflict("预订 #" + std::to_string(id) + " 已经签到过了");
  if (b.status != BookingStatus::Booked)
    throw courthub::Conflict("预订 #" + std::to_string(id) + " 当前状态为 " +
                             std::string(status_name(b.status)) + "，不能签到");
  if (now_ms < w.opens_ms)
    throw courthub::Conflict("还没到签到时间：" + format_slot(b.start_ms, b.end_ms) +
                             " 的签到时间为 " + window);
  throw courthub::Conflict("签到已截止（" + window + "），会议室已释放或即将释放");
}

Booking BookingDesk::end(const Caller& caller, int64_t id, int64_t now_ms) const {
  Booking b = visible(caller, id);
  if (!may_manage(caller, b))
    throw courthub::PermissionDenied("只有组织者或本院管理员可以结束预订 #" + std::to_string(id));
  store_.db().transaction([&](courthub::Transaction& tx) {
    auto cur = store_.find(tx, id);
    if (!cur || cur->status != BookingStatus::CheckedIn)
      throw courthub::Conflict("只有已签到的预订可以结束（#" + std::to_string(id) + " 当前为 " +
                               std::string(status_name(cur ? cur->status : b.status)) + "）");
    finish(tx, *cur, now_ms);
    end_hearing_of(tx, *cur, now_ms, "");  // bug 5: the hearing ends with its room
  });
  return *store_.find(id);
}

void BookingDesk::finish(const courthub::Sql& tx, Booking& cur, int64_t now_ms) const {
  if (now_ms < cur.end_ms) {
    cur.end_ms = std::max(ceil_minute(now_ms), cur.start_ms + kMinuteMs);
    store_.rewrite(tx, cur, now_ms);
  }
  store_.set_status(tx, cur.id, BookingStatus::CheckedIn, BookingStatus::Ended, now_ms, "", true);
}

}  // namespace rooms
