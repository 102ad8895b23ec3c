// SPDX-License-Identifier: Apache-2.0
// The behaviour tests' harness, people and clock helpers.
#include "harness_fixture.hpp"

#include <algorithm>

namespace rooms::testing {

Json test_settings() {
  auto room = [](std::string id, std::string name, int capacity, Json extra) {
    Json r = Json::object({{"id", id},
                           {"court", kCourt},
                           {"name", name},
                           {"capacity", capacity},
                           {"open_hours", "00:00-24:00"},
                           {"open_days", Json::array({1, 2, 3, 4, 5, 6, 7})}});
    for (auto& [k, v] : extra.items()) r[k] = v;
    return r;
  };
  Json rooms = Json::array(
      {room("hp-301", "3号会议室", 20,
            Json::object({{"location", "3楼301"}, {"equipment", Json::array({"投屏"})}})),
       room("hp-205", "2号会议室", 8,
            Json::object({{"equipment", Json::array({"投屏", "视频会议终端"})}})),
       room("hp-dz1", "党组会议室", 16, Json::object({{"approval", true}})),
       room("hp-ys1", "远程视频庭审室", 10,
            Json::object({{"kind", "远程视频庭审室"},
                          {"equipment", Json::array({"视频会议终端", "庭审录音录像"})}})),
       room("hp-kj1", "科技法庭", 40,
            Json::object({{"kind", "科技法庭"}, {"equipment", Json::array({"视频会议终端"})}})),
       room(
           "hp-tj1", "调解室", 6,
           Json::object({{"kind", "调解室"},
                         {"bookers", Json::object({{"roles", Json::array({"judge", "clerk"})}})}})),
       Json::object({{"id", "hp-101"}, {"court", kCourt}, {"name", "1号会议室"}, {"capacity", 12}}),
       Json::object({{"id", "sh-2001"},
                     {"court", "LN-BC-SY-02"},
                     {"name", "20楼会议室"},
                     {"capacity", 40},
                     {"open_hours", "00:00-24:00"},
                     {"open_days", Json::array({1, 2, 3, 4, 5, 6, 7})}})});
  return Json::object({{"rooms", rooms}});
}

std::unique_ptr<PluginHarness> make_harness(Json settings, const std::string& data_dir) {
  courthub::testing::HarnessOptions options;
  options.settings = std::move(settings);
  options.data_dir = data_dir;
  options.start_ms = now_ms();
  auto h = std::make_unique<PluginHarness>(ROOMS_PLUGIN_FILE, options);
  h->add_court({kCourt, "沈阳市和平区人民法院", "basic", "ordinary", "", "沈阳", "18000"});
  h->add_court({"LN-BC-SY-02", "沈阳市沈河区人民法院", "basic", "ordinary", "", "沈阳", "19000"});
  h->add_department({"18003", "民事审判第一庭", kCourt, "18000", "", ""});
  h->add_department({"18007", "办公室", kCourt, "18000", "", ""});
  h->add_department({"19001", "立案庭", "LN-BC-SY-02", "19000", "", ""});
  h->add_department({"19007", "办公室", "LN-BC-SY-02", "19000", "", ""});
  h->add_person({kPresident, "崔厚", kCourt, "18000", "院长", {"president"}});
  h->add_person({kHead, "戴婷振", kCourt, "18003", "庭长", {"division_head"}});
  h->add_person({kJudge, "赵红朋", kCourt, "18003", "审判员", {"judge"}});
  h->add_person({kClerk, "肖德民", kCourt, "18003", "书记员", {"clerk"}});
  h->add_person({kAdmin, "余磊龙", kCourt, "18007", "综合管理员", {"court_admin"}});
  h->add_person({kStaff, "王科员", kCourt, "18007", "科员", {"staff"}});
  h->add_person({kOtherJudge, "关倩彪", "LN-BC-SY-02", "19001", "审判员", {"judge"}});
  h->add_person({kOtherAdmin, "沈河管理员", "LN-BC-SY-02", "19007", "综合管理员", {"court_admin"}});
  return h;
}

std::optional<Json> hearing_starting_now(int64_t& s, int64_t& e) {
  s = (now_ms() / kMinuteMs + 3) * kMinuteMs;
  e = std::min(s + 20 * kMinuteMs, to_instant(add_days(local_date(s), 1), 0) - 30 * kMinuteMs);
  if (e <= s) return std::nullopt;
  Json body = hearing_body(0, 0, 0);
  body["start"] = format_iso(s);
  body["end"] = format_iso(e);
  body["override_notice"] = true;
  body["override_reason"] = "羁押期限";
  return body;
}

Json hearing_body(int days, int from, int to) {
  return Json::object(
      {{"case_number", "（2026）辽0102民初123号"},
       {"cause", "民间借贷纠纷"},
       {"mode", "online"},
       {"start", iso(days, from)},
       {"end", iso(days, to)},
       {"clerk", kClerk},
       {"parties",
        Json::array({Json::object({{"name", "张三"}, {"role", "原告"}, {"phone", "13812345678"}}),
                     Json::object({{"name", "李四"}, {"role", "被告"}, {"phone", "13900001111"}}),
                     Json::object({{"name", "王律师"}, {"role", "原告代理人"}, {"user_id", kStaff}})})}});
}

// The tests' "now": Monday 7 December 2026, 10:00 in Shenyang (+08:00), the harness clock's
// start. A fixed instant, not the system clock: a booking "starting in three minutes" must not
// run into midnight because the suite ran at 23:50.
int64_t now_ms() {
  return 1796608800000;
}

LocalDate today() {
  return local_date(now_ms());
}

int64_t at(int days, int minute) {
  return to_instant(add_days(today(), days), minute);
}

std::string iso(int days, int minute) {
  return format_iso(at(days, minute));
}

LocalDate next_weekday(int wd) {
  LocalDate d = add_days(today(), 1);
  while (weekday(d) != wd) d = add_days(d, 1);
  return d;
}

Json booking_body(const std::string& room_id, int days, int from, int to,
                  const std::string& title) {
  return Json::object(
      {{"room_id", room_id}, {"start", iso(days, from)}, {"end", iso(days, to)}, {"title", title}});
}

int64_t book(PluginHarness& h, const std::string& user, const Json& body) {
  auto r = h.as(user).post("/bookings", body);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return r.json()["bookings"].at(0)["id"].get<int64_t>();
}

std::string status_of(PluginHarness& h, int64_t id) {
  auto rows = h.query("SELECT status FROM bookings WHERE id = ?", {Json(id)});
  return rows.empty() ? "" : rows[0]["status"].get<std::string>();
}

std::vector<Json> outbox_to(PluginHarness& h, const std::string& user) {
  std::vector<Json> out;
  for (auto& m : h.outbox()) {
    std::string target = m["target"].get<std::string>();
    size_t at = 0;
    while (at <= target.size()) {
      size_t comma = target.find(',', at);
      if (target.substr(at, comma == std::string::npos ? std::string::npos : comma - at) == user) {
        out.push_back(m);
        break;
      }
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
  return out;
}

std::string error_message(const courthub::testing::HttpResult& r) {
  try {
    return r.json()["error"]["message"].get<std::string>();
  } catch (...) {
    return r.body;
  }
}

Json error_details(const courthub::testing::HttpResult& r) {
  try {
    return r.json()["error"]["details"];
  } catch (...) {
    return Json();
  }
}

}  // namespace rooms::testing
