// SPDX-License-Identifier: Apache-2.0
// Robot commands, answered in markdown: rooms, book, my, cancel, signin (the meeting check-in; `checkin` is attendance's).
#include <algorithm>
#include <set>

#include <courthub/error.hpp>

#include "booking_desk.hpp"
#include "routes.hpp"
#include "time_expression.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Caller;
using courthub::Command;
using courthub::Reply;

void require_staff(const Caller& c) {
  if (!c.is_staff()) throw courthub::PermissionDenied("只有本院工作人员可以预订会议室");
}

std::string court_name(const RoomsApp& app, const std::string& code) {
  auto c = app.host.directory().court(code);
  return c ? c->name : code;
}

std::string room_line(const Room& r) {
  std::string line = "- **" + r.name + "** " + r.kind + " · " + std::to_string(r.capacity) + "人";
  if (!r.location.empty()) line += " · " + r.location;
  if (!r.equipment.empty()) {
    line += " · ";
    for (size_t i = 0; i < r.equipment.size(); ++i) line += (i ? "、" : "") + r.equipment[i];
  }
  if (r.needs_approval) line += " · 需审批";
  return line;
}

// In a group chat everyone reads the reply: a booking's title (a hearing's case and parties, a
// meeting's subject) and who booked it stay out; the reply says where to look instead.
constexpr const char* kPrivately =
    "群聊中不显示预订详情：请私聊机器人发送同一命令，或在工作台打开“会议室”查看。";

std::string booking_line(const Booking& b, bool in_group) {
  return "- #" + std::to_string(b.id) + " " + format_slot(b.start_ms, b.end_ms) + " " +
         b.room_name + (in_group ? "" : " " + b.title) + "（" + std::string(status_name(b.status)) +
         "）";
}

std::string names_of(const std::vector<Room>& rooms) {
  std::string out;
  for (size_t i = 0; i < rooms.size() && i < 20; ++i) out += (i ? "、" : "") + rooms[i].name;
  return out.empty() ? "（本院尚未登记会议室）" : out;
}

Room room_named(const RoomsApp& app, const Caller& c, const std::string& name) {
  if (auto room = app.catalog.by_name(c.court_code, name)) return *room;
  throw courthub::InvalidArgument("本院没有名为 '" + name + "' 的会议室；本院会议室：" +
                                  names_of(app.catalog.of_court(c.court_code, false)));
}

std::string checkin_hint(const Booking& b, const Settings& s) {
  CheckinWindow w = checkin_window(b.start_ms, s.checkin_before_minutes, s.checkin_after_minutes);
  return "签到时间 " + format_minute(local_minute(w.opens_ms)) + "-" +
         format_minute(local_minute(w.closes_ms)) + "：回复 `signin " + std::to_string(b.id) +
         "` 或点卡片上的“签到”，逾时未签到会议室将被释放。";
}

Reply list_rooms(const RoomsApp& app, const Caller& c) {
  auto rooms = app.catalog.of_court(c.court_code, false);
  std::string text = "### " + court_name(app, c.court_code) + " 会议室\n\n";
  if (rooms.empty()) text += "本院尚未登记会议室，请联系本院管理员。";
  for (auto& r : rooms) text += room_line(r) + "\n";
  text += "\n回复 `rooms free 明天 9:00-10:00 10人` 查空闲，`rooms 3号会议室 明天` 看某间的日程。";
  return Reply::md("会议室", text);
}

Reply free_rooms(const RoomsApp& app, const Caller& c, const std::vector<std::string>& words,
                 int64_t now, bool in_group) {
  LocalDate today = local_date(now);
  SlotWords w = read_slot_words(words, today);
  if (!w.range)
    throw courthub::InvalidArgument("请给出时间段，例如 rooms free 明天 9:00-10:00 10人");
  if (w.recurrence) throw courthub::InvalidArgument("查空闲只看一个时段，不支持循环规则");
  LocalDate date = w.date.value_or(today);
  FreeBusyQuery q{c.court_code,
                  Slot{to_instant(date, w.range->from), to_instant(date, w.range->to)},
                  w.people.value_or(0),
                  {},
                  ""};
  auto rooms = app.catalog.of_court(c.court_code, false);
  std::set<std::string> tags, kinds;
  for (auto& r : rooms) {
    tags.insert(r.equipment.begin(), r.equipment.end());
    kinds.insert(r.kind);
  }
  for (const std::string& word : w.rest) {
    if (tags.count(word))
      q.equipment.push_back(word);
    else if (kinds.count(word))
      q.kind = word;
    else {
      std::string known;
      for (auto& t : tags) known += (known.empty() ? "" : "、") + t;
      throw courthub::InvalidArgument("不认识 '" + word + "'：可以按人数（10人）、设备（" +
                                      (known.empty() ? "本院未登记设备" : known) +
                                      "）或类型（调解室）筛选");
    }
  }
  auto avail = availability(rooms, app.store.busy(c.court_code, q.window), q);
  std::string text = "### 空闲会议室 " + format_slot(q.window.start_ms, q.window.end_ms) + "\n\n";
  std::string busy;
  const Room* first_free = nullptr;
  for (auto& a : avail) {
    if (a.free()) {
      if (!first_free) first_free = &a.room;
      text += room_line(a.room) + "\n";
    } else if (!a.busy.empty() && in_group) {
      busy += "- " + a.room.name + "：已有预订\n";
    } else if (!a.busy.empty()) {
      busy += "- " + a.room.name + "：#" + std::to_string(a.busy.front().id) + " " +
              a.busy.front().title + "（" + a.busy.front().organizer_name + "）\n";
    } else {
      busy += "- " + a.room.name + "：" + a.closed + "\n";
    }
  }
  if (!first_free) text += "没有符合条件的空闲会议室。\n";
  if (!busy.empty()) text += "\n不可用：\n" + busy;
  if (!busy.empty() && in_group) text += "\n" + std::string(kPrivately) + "\n";
  if (first_free)
    text += "\n回复 `book " + first_free->name + " " + format_date(date) + " " +
            format_minute(w.range->from) + "-" + format_minute(w.range->to) + " 会议主题` 预订。";
  return Reply::md("空闲会议室", text);
}

Reply room_day(const RoomsApp& app, const Caller& c, const std::vector<std::string>& words,
               int64_t now, bool in_group) {
  Room room = room_named(app, c, words.front());
  LocalDate today = local_date(now);
  LocalDate date = today;
  if (words.size() > 1) {
    auto d = parse_date_word(words[1], today);
    if (!d)
      throw courthub::InvalidArgument("看不懂日期 '" + words[1] + "'，例如 rooms " + room.name +
                                      " 明天");
    date = *d;
  }
  Slot day{to_instant(date, 0), to_instant(add_days(date, 1), 0)};
  std::string text = "### " + room.name + " " + format_date(date) + " " +
                     std::string(weekday_name(date)) + "\n\n可预订 " +
                     format_hours(room.hours) + "\n\n";
  int n = 0;
  for (auto& b : app.store.busy(room.court, day)) {
    if (b.room_id != room.id) continue;
    text +=
        "- " + format_minute(local_minute(b.start_ms)) + "-" +
        format_minute(local_date(b.end_ms) == date ? local_minute(b.end_ms) : 1440) +
        (in_group ? " 已预订（"
                  : " #" + std::to_string(b.id) + " " + b.title + "（" + b.organizer_name + "，") +
        std::string(status_name(b.status)) + "）\n";
    ++n;
  }
  if (n == 0) text += "全天无预订。\n";
  if (n > 0 && in_group) text += "\n" + std::string(kPrivately);
  return Reply::md(room.name, text);
}

Reply book(const RoomsApp& app, const Command& cmd) {
  require_staff(cmd.caller);
  int64_t now = app.host.now_ms();
  std::vector<std::string> words = split_words(cmd.args);
  if (words.size() < 2) throw courthub::InvalidArgument("请写明会议室、日期、时间段和主题");
  Room room = room_named(app, cmd.caller, words.front());
  SlotWords w = read_slot_words({words.begin() + 1, words.end()}, local_date(now));
  if (!w.range) throw courthub::InvalidArgument("请给出时间段，例如 9:00-10:00");
  LocalDate date = w.date.value_or(local_date(now));
  BookingRequest br;
  br.room_id = room.id;
  br.first = Slot{to_instant(date, w.range->from), to_instant(date, w.range->to)};
  br.recurrence = w.recurrence;
  br.attendee_count = w.people;
  for (auto& t : w.rest) br.title += (br.title.empty() ? "" : " ") + t;
  if (br.title.empty()) br.title = "会议";
  if (utf8_length(br.title) > 100) throw courthub::InvalidArgument("会议主题最多 100 个字");
  std::vector<Booking> made = app.desk.book(cmd.caller, br, now);
  const Booking& b = made.front();
  bool pending = b.status == BookingStatus::PendingApproval;
  std::string head = pending ? "已提交审批" : made.size() > 1 ? "循环预订成功" : "预订成功";
  std::string text = "### " + head + " #" + std::to_string(b.id) + "\n\n**" + b.title +
                     "**\n\n- 会议室：" + b.room_name +
                     (b.room_location.empty() ? "" : "（" + b.room_location + "）") + "\n- 时间：" +
                     format_slot(b.start_ms, b.end_ms);
  if (made.size() > 1)
    text += "\n- 循环：" + describe(*w.recurrence) + "，共 " + std::to_string(made.size()) +
            " 次（#" + std::to_string(made.front().id) + "–#" + std::to_string(made.back().id) +
            "）";
  text += "\n\n";
  text += pending ? "审批通过后生效；在此之前这个时段已为你保留。" : checkin_hint(b, app.settings);
  return Reply::md(head, text);
}

Reply my_bookings(const RoomsApp& app, const Command& cmd) {
  require_staff(cmd.caller);
  if (cmd.is_group) return Reply::md("我的预订", kPrivately);
  int64_t now = app.host.now_ms();
  auto mine = app.store.of_person(
      cmd.caller.user_id, now, to_instant(last_bookable_day(now, app.settings.horizon_days + 1), 0),
      200);
  // Chat shows what is still ahead; the mini-app's /my/bookings shows every status.
  std::erase_if(mine, [](const Booking& b) { return !holds_slot(b.status); });
  if (mine.size() > 20) mine.resize(20);
  std::string text = "### 我的会议室预订\n\n";
  if (mine.empty()) text += "没有即将开始的预订。回复 `book 3号会议室 明天 9:00-10:00 主题` 预订。";
  for (auto& b : mine) text += booking_line(b, false) + "\n";
  if (!mine.empty()) text += "\n回复 `cancel 编号` 取消，`signin 编号` 签到。";
  return Reply::md("我的预订", text);
}

Reply cancel(const RoomsApp& app, const Command& cmd) {
  require_staff(cmd.caller);
  std::vector<std::string> words = split_words(cmd.args);
  if (words.empty()) throw courthub::InvalidArgument("请给出预订编号（回复 my bookings 查看）");
  int64_t id = parse_booking_id(words.front());
  bool following = false;
  std::string reason;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "以后全部" || words[i] == "following" || words[i] == "全部")
      following = true;
    else
      reason += (reason.empty() ? "" : " ") + words[i];
  }
  auto done = app.desk.cancel(cmd.caller, id, following, reason, app.host.now_ms());
  std::string text = "### 已取消\n\n";
  for (auto& b : done) text += booking_line(b, cmd.is_group) + "\n";
  return Reply::md("已取消", text);
}

Reply checkin(const RoomsApp& app, const Command& cmd) {
  require_staff(cmd.caller);
  std::vector<std::string> words = split_words(cmd.args);
  if (words.size() != 1) throw courthub::InvalidArgument("请给出一个预订编号");
  Booking b = app.desk.check_in(cmd.caller, parse_booking_id(words.front()), app.host.now_ms());
  return Reply::md("签到成功", "### 签到成功\n\n" + booking_line(b, cmd.is_group));
}

// Field problems read "/start: 已经过去" for API clients; a chat user wants the sentences only.
template <class F>
auto in_chat(F fn) {
  return [fn](const Command& cmd) -> Reply {
    try {
      return fn(cmd);
    } catch (const courthub::Error& e) {
      // A conflict names the booking in the way (its title and organizer): not for a group.
      if (cmd.is_group && json::find(e.details(), "conflicts"))
        throw courthub::Error(e.status(),
                              "所选时段与已有预订冲突，未预订。" + std::string(kPrivately));
      const courthub::Json* fields = json::find(e.details(), "fields");
      if (!fields || !fields->is_array() || fields->size() == 0) throw;
      std::string message;
      for (auto& f : *fields)
        message += (message.empty() ? "" : "；") + json::get<std::string>(f, "message");
      throw courthub::Error(e.status(), message, e.details());
    }
  };
}

}  // namespace

void register_commands(courthub::Registrar& r, RoomsApp& app) {
  r.command(
      "rooms", "rooms free 明天 9:00-10:00 10人",
      "会议室：rooms 列出本院会议室，rooms free <时间> 查空闲，rooms <会议室> <日期> 看日程",
      in_chat([&app](const Command& cmd) {
        require_staff(cmd.caller);
        std::vector<std::string> words = split_words(cmd.args);
        if (words.empty() || words.front() == "list") return list_rooms(app, cmd.caller);
        if (words.front() == "free" || words.front() == "空闲")
          return free_rooms(app, cmd.caller, {words.begin() + 1, words.end()}, app.host.now_ms(),
                            cmd.is_group);
        return room_day(app, cmd.caller, words, app.host.now_ms(), cmd.is_group);
      }));
  r.command("book", "book 3号会议室 明天 9:00-10:00 党支部学习",
            "预订会议室；可加人数（10人）和循环（每周一 共8次 / 至2026-05-31）",
            in_chat([&app](const Command& cmd) { return book(app, cmd); }));
  r.command("my", "my bookings", "我的会议室预订（组织的和参加的）",
            in_chat([&app](const Command& cmd) { return my_bookings(app, cmd); }));
  r.command("cancel", "cancel 1024", "取消会议室预订；加“以后全部”取消循环预订的这一次及以后各次",
            in_chat([&app](const Command& cmd) { return cancel(app, cmd); }));
  r.command("signin", "signin 1024", "会议室签到（开始前 10 分钟至开始后 15 分钟）",
            in_chat([&app](const Command& cmd) { return checkin(app, cmd); }));
}

}  // namespace rooms
