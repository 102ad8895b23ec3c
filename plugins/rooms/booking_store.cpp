// SPDX-License-Identifier: Apache-2.0
// BookingStore: SQL over bookings, attendees and series.
#include "booking_store.hpp"

#include <courthub/error.hpp>

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;
using courthub::Sql;
using courthub::Value;


std::string select(const std::string& where) {
  return std::string("SELECT ") + kBookingColumns +
         " FROM bookings b JOIN rooms r ON r.id = b.room_id " + where;
}

std::vector<Booking> rows(const Sql& q, const std::string& sql, const std::vector<Value>& params) {
  std::vector<Booking> out;
  q.each(sql, params, [&](const courthub::Row& row) { out.push_back(booking_from_row(row)); });
  return out;
}

Value ms(int64_t v) {
  return Value(v);
}

std::string attendees_text(const std::vector<std::string>& attendees) {
  Json a = Json::array();
  for (auto& x : attendees) a.push_back(x);
  return a.dump();
}

}  // namespace

courthub::Error conflict_error(const std::string& room_name, const std::vector<Blocker>& blockers) {
  Json list = Json::array();
  std::string message;
  size_t shown = 0;
  for (const Blocker& b : blockers) {
    Json item = Json::object({{"start", format_iso(b.wanted.start_ms)},
                              {"end", format_iso(b.wanted.end_ms)},
                              {"reason", b.reason}});
    std::string line = format_slot(b.wanted.start_ms, b.wanted.end_ms) + " ";
    if (b.in_the_way) {
      const Booking& w = *b.in_the_way;
      item["booking"] = booking_brief_json(w);
      line += "已被占用：#" + std::to_string(w.id) + " " + w.title + "（" + w.organizer_name +
              "，" + std::string(status_name(w.status)) + "，" +
              format_minute(local_minute(w.start_ms)) + "-" +
              format_minute(local_minute(w.end_ms) == 0 ? 1440 : local_minute(w.end_ms)) + "）";
    } else {
      item["message"] = b.message;
      line += b.message;
    }
    list.push_back(std::move(item));
    if (shown < 5) {
      message += (message.empty() ? "" : "；") + line;
      ++shown;
    }
  }
  std::string head = blockers.size() == 1 ? room_name + " "
                                          : room_name + " 有 " + std::to_string(blockers.size()) +
                                                " 处冲突，未预订任何一次：";
  if (blockers.size() > shown) message += "；等";
  return courthub::Conflict(head + message, Json::object({{"conflicts", list}}));
}

std::string BookingStore::overlap_query() {
  static const std::string sql =
      select(std::string("WHERE b.room_id = ? AND b.start_ms < ? AND b.start_ms > ? "
                         "AND b.end_ms > ? AND b.id <> ? AND ") +
             std::string(kHoldsSlotSql) + " ORDER BY b.start_ms");
  return sql;
}

std::string BookingStore::busy_query() {
  static const std::string sql =
      select(std::string("WHERE b.court = ? AND b.start_ms < ? AND b.start_ms > ? "
                         "AND b.end_ms > ? AND ") +
             std::string(kHoldsSlotSql) + " ORDER BY b.start_ms");
  return sql;
}

std::vector<Booking> BookingStore::book(const NewBookings& req, int64_t now_ms) const {
  return db_.transaction([&](Sql& tx) { return book(tx, req, now_ms); });
}

std::vector<Booking> BookingStore::book(const Sql& tx, const NewBookings& req,
                                        int64_t now_ms) const {
  auto room =
      tx.one("SELECT name, location, court, retired FROM rooms WHERE id = ?", {req.room_id});
  if (!room) throw courthub::NotFound("no room '" + req.room_id + "'");
  std::string room_name = room->text("name");
  if (room->integer("retired") != 0) throw courthub::Conflict(room_name + " 已停用，不能预订");

  // Check every slot before writing anything: the caller learns all conflicts at once.
  std::vector<Blocker> blockers = req.blockers;
  for (const Slot& s : req.slots)
    for (Booking& w : overlapping(tx, req.room_id, s))
      blockers.push_back(Blocker{s, "booked", "", std::move(w)});
  if (!blockers.empty()) throw conflict_error(room_name, blockers);

  Value series_id;
  if (!req.series_rule.is_null()) {
    auto series = tx.one(
        "INSERT INTO series(rule, description, created_ms) VALUES (?, ?, ?) RETURNING id",
        {req.series_rule.dump(), json::get<std::string>(req.series_rule, "description"),
         ms(now_ms)});
    series_id = ms(series->integer("id"));
  }
  bool pending = req.status == BookingStatus::PendingApproval;
  std::string status(status_name(req.status));
  std::string attendees = attendees_text(req.attendees);
  std::string approval = pending ? req.approval_request : std::string();
  std::vector<Booking> out;
  for (const Slot& s : req.slots) {
    auto inserted = tx.one(
        "INSERT INTO bookings(room_id, court, start_ms, end_ms, title, organizer, "
        "organizer_name, attendees, attendee_count, status, purpose, series_id, "
        "approval_request, told, created_ms, updated_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {req.room_id, room->text("court"), ms(s.start_ms), ms(s.end_ms), req.title,
         req.organizer, req.organizer_name, attendees, req.attendee_count, status, req.purpose,
         series_id, approval.empty() ? Value() : Value(approval), status, ms(now_ms),
         ms(now_ms)});
    int64_t id = inserted->integer("id");
    if (pending && approval.empty()) {
      // A series is approved as one: every occurrence rides on the first one's request.
      approval = "booking:" + std::to_string(id);
      tx.exec("UPDATE bookings SET approval_request = ? WHERE id = ?", {approval, ms(id)});
    }
    for (auto& a : req.attendees)
      tx.exec("INSERT INTO attendees(booking_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
              {ms(id), a});
    Booking b;
    b.id = id;
    b.room_id = req.room_id;
    b.room_name = room_name;
    b.room_location = room->text("location");
    b.court = room->text("court");
    b.start_ms = s.start_ms;
    b.end_ms = s.end_ms;
    b.title = req.title;
    b.organizer = req.organizer;
    b.organizer_name = req.organizer_name;
    b.attendees = req.attendees;
    b.attendee_count = req.attendee_count;
    b.status = req.status;
    b.purpose = req.purpose;
    if (!series_id.is_null()) b.series_id = series_id.as_int();
    b.approval_request = approval;
    b.told = status;
    b.created_ms = b.updated_ms = now_ms;
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<Booking> BookingStore::overlapping(const Sql& q, const std::string& room_id,
                                               const Slot& slot, int64_t exclude_id) const {
  return rows(q, overlap_query(),
              {room_id, ms(slot.end_ms), ms(slot.start_ms - kMaxBookingMs), ms(slot.start_ms),
               ms(exclude_id)});
}

std::vector<Booking> BookingStore::busy(const std::string& court, const Slot& window) const {
  return rows(db_, busy_query(),
              {court, ms(window.end_ms), ms(window.start_ms - kMaxBookingMs), ms(window.start_ms)});
}

std::optional<Booking> BookingStore::find(const Sql& q, int64_t id) const {
  auto found = rows(q, select("WHERE b.id = ?"), {ms(id)});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Booking> BookingStore::series(const Sql& q, int64_t series_id) const {
  return rows(q, select("WHERE b.series_id = ? ORDER BY b.start_ms"), {ms(series_id)});
}

std::vector<Booking> BookingStore::by_approval(const Sql& q, const std::string& request) const {
  return rows(q, select("WHERE b.approval_request = ? ORDER BY b.start_ms"), {request});
}

bool BookingStore::set_status(const Sql& q, int64_t id, BookingStatus from, BookingStatus to,
                              int64_t now_ms, const std::string& note, bool organizer_knows) const {
  std::string to_name(status_name(to));
  return q.exec(
              "UPDATE bookings SET status = ?, note = CASE WHEN ? = '' THEN note ELSE ? END, "
              "told = CASE WHEN ? = 1 THEN ? ELSE told END, updated_ms = ? "
              "WHERE id = ? AND status = ?",
              {to_name, note, note, organizer_knows, to_name, ms(now_ms), ms(id),
               std::string(status_name(from))})
             .changes == 1;
}

bool BookingStore::check_in(const Sql& q, int64_t id, int64_t now_ms, const std::string& by,
                            int64_t opens_before_ms, int64_t closes_after_ms) const {
  return q.exec(
                "UPDATE bookings SET status = '已签到', told = '已签到', checked_in_ms = ?, "
                "checked_in_by = ?, updated_ms = ? WHERE id = ? AND status = '已预订' "
                "AND ? >= start_ms - ? AND ? < start_ms + ?",
                {ms(now_ms), by, ms(now_ms), ms(id), ms(now_ms), ms(opens_before_ms), ms(now_ms),
                 ms(closes_after_ms)})
             .changes == 1;
}

void BookingStore::rewrite(const Sql& q, const Booking& b, int64_t now_ms) const {
  q.exec(
      "UPDATE bookings SET room_id = ?, court = ?, start_ms = ?, end_ms = ?, title = ?, "
      "attendees = ?, attendee_count = ?, reminded_ms = ?, updated_ms = ? WHERE id = ?",
      {b.room_id, b.court, ms(b.start_ms), ms(b.end_ms), b.title, attendees_text(b.attendees),
       b.attendee_count, b.reminded_ms ? ms(*b.reminded_ms) : Value(), ms(now_ms), ms(b.id)});
  q.exec("DELETE FROM attendees WHERE booking_id = ?", {ms(b.id)});
  for (auto& a : b.attendees)
    q.exec("INSERT INTO attendees(booking_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
           {ms(b.id), a});
}

void BookingStore::mark_told(const std::vector<int64_t>& ids, BookingStatus status) const {
  for (int64_t id : ids)
    db_.exec("UPDATE bookings SET told = ? WHERE id = ? AND status = ?",
             {std::string(status_name(status)), ms(id), std::string(status_name(status))});
}

void BookingStore::mark_reminded(int64_t id, int64_t now_ms) const {
  db_.exec("UPDATE bookings SET reminded_ms = ? WHERE id = ?", {ms(now_ms), ms(id)});
}

std::vector<Booking> BookingStore::of_court(const std::string& court, const Slot& window,
                                            const std::string& room_id, const std::string& status,
                                            int limit, int offset) const {
  return rows(db_,
              select("WHERE b.court = ? AND b.start_ms >= ? AND b.start_ms < ? "
                     "AND (? = '' OR b.room_id = ?) AND (? = '' OR b.status = ?) "
                     "ORDER BY b.start_ms, b.id LIMIT ? OFFSET ?"),
              {court, ms(window.start_ms), ms(window.end_ms), room_id, room_id, status, status,
               limit, offset});
}

std::vector<Booking> BookingStore::of_person(const std::string& user_id, int64_t from_ms,
                                             int64_t to_ms, int limit) const {
  return rows(
      db_,
      select("WHERE b.id IN (SELECT id FROM bookings WHERE organizer = ? AND start_ms > ? "
             "AND start_ms < ? UNION SELECT booking_id FROM attendees WHERE user_id = ?) "
             "AND b.end_ms > ? AND b.start_ms < ? ORDER BY b.start_ms, b.id LIMIT ?"),
      {user_id, ms(from_ms - kMaxBookingMs), ms(to_ms), user_id, ms(from_ms), ms(to_ms), limit});
}

std::vector<Booking> BookingStore::due_reminders(int64_t now_ms, int64_t lead_ms) const {
  return rows(db_,
              select("WHERE b.status = '已预订' AND b.start_ms > ? AND b.start_ms <= ? "
                     "AND b.reminded_ms IS NULL ORDER BY b.start_ms"),
              {ms(now_ms), ms(now_ms + lead_ms)});
}

std::vector<Booking> BookingStore::no_shows(int64_t now_ms, int64_t after_ms) const {
  // Test slots of remote hearings are not checked into: they end by time (checked_in_over).
  return rows(
      db_,
      select("WHERE b.status = '已预订' AND b.start_ms <= ? AND b.purpose <> 'hearing_test' "
             "ORDER BY b.start_ms"),
      {ms(now_ms - after_ms)});
}

std::vector<Booking> BookingStore::unapproved_started(int64_t now_ms) const {
  return rows(db_, select("WHERE b.status = '待审批' AND b.start_ms <= ? ORDER BY b.start_ms"),
              {ms(now_ms)});
}

std::vector<Booking> BookingStore::checked_in_over(int64_t now_ms) const {
  return rows(db_,
              select("WHERE b.status IN ('已签到', '已预订') AND b.start_ms <= ? AND b.end_ms <= ? "
                     "AND (b.status = '已签到' OR b.purpose = 'hearing_test') ORDER BY b.start_ms"),
              {ms(now_ms), ms(now_ms)});
}

std::vector<Booking> BookingStore::untold(int limit) const {
  return rows(db_,
              select("WHERE b.id IN (SELECT id FROM bookings WHERE told <> status LIMIT ?) "
                     "AND b.status IN ('已预订', '已拒绝', '已取消', '已释放') ORDER BY b.id"),
              {limit});
}

}  // namespace rooms
