// SPDX-License-Identifier: Apache-2.0
// The behaviour tests' harness: directory, settings, calendar and clock (harness_fixture.hpp).
#include "harness_fixture.hpp"

#include <cstdlib>
#include <stdexcept>

#include <courthub/time.hpp>

namespace attendance::testing {

namespace ctime = courthub::time;

Json fixed_group_json() {
  return Json::object(
      {{"id", kFixedGroup},
       {"court", kCourt},
       {"name", "和平区法院考勤组"},
       {"type", "FIXED"},
       {"shift", kShift},
       {"members", Json::object({{"departments", Json::array({kRootDept})},
                                 {"users", Json::array()}})},
       {"locations", Json::array({Json::object({{"title", "审判楼"},
                                                {"address", "沈阳市和平区南京南街"},
                                                {"latitude", kLat},
                                                {"longitude", kLng},
                                                {"radius_m", 500}})})},
       {"wifis", Json::array({Json::object({{"ssid", kSsid}, {"bssid", kBssid}})})},
       {"outside", Json::object({{"allowed", true}, {"approval", "none"},
                                 {"remark_required", false}})}});
}

Json turn_group_json() {
  return Json::object(
      {{"id", kTurnGroup},
       {"court", kCourt},
       {"name", "立案窗口排班"},
       {"type", "TURN"},
       {"shifts", Json::array({kShift, kWindowShift})},
       {"members", Json::object({{"departments", Json::array({kFilingDept})}})},
       {"locations", Json::array({Json::object({{"title", "诉讼服务中心"},
                                                {"address", "沈阳市和平区南京南街"},
                                                {"latitude", kLat},
                                                {"longitude", kLng},
                                                {"radius_m", 300}})})},
       {"outside", Json::object({{"allowed", false}})},
       {"skip_holidays", true}});
}

Json test_settings() {
  Json shifts = Json::array(
      {Json::object({{"id", kShift},
                     {"name", "冬季作息"},
                     {"sections", Json::array({"08:30-12:00", "13:30-17:30"})}}),
       Json::object({{"id", kWindowShift},
                     {"name", "立案窗口"},
                     {"court", kCourt},
                     {"sections", Json::array({"08:00-12:00", "13:00-17:00"})}})});
  return Json::object(
      {{"shifts", shifts},
       {"groups", Json::array({fixed_group_json(), turn_group_json()})},
       {"buildings",
        Json::object({{kOtherCourt, Json::object({{"title", "沈河区法院审判楼"},
                                                  {"address", "沈阳市沈河区"},
                                                  {"latitude", 41.7950},
                                                  {"longitude", 123.4500}})}})},
       {"default_group", Json::object({{"enabled", true},
                                       {"type", "FIXED"},
                                       {"shift", kShift},
                                       {"radius_m", 500}})},
       {"punch_fix_per_month", 3},
       {"remind_after_minutes", 10},
       {"digest_time", "08:30"},
       {"monthly_report_time", "09:00"},
       {"page_url", "http://attendance.test/ui/"}});
}

HarnessOptions harness_options(Json settings) {
  // The host reads the work calendar from $COURTHUB_SHARE/calendar; a test binary has no
  // installed share folder, so point it at the source tree's config/ (and name the files too).
  setenv("COURTHUB_SHARE", ATTENDANCE_CONFIG_DIR, 0);
  HarnessOptions options;
  options.settings = std::move(settings);
  options.start_ms = kStartMs;
  options.calendar_files = {std::string(ATTENDANCE_CONFIG_DIR) + "/calendar/cn-2025.yaml",
                            std::string(ATTENDANCE_CONFIG_DIR) + "/calendar/cn-2026.yaml"};
  return options;
}

void add_directory(PluginHarness& h) {
  h.add_court({kCourt, "沈阳市和平区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", kRootDept});
  h.add_court({kOtherCourt, "沈阳市沈河区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", "19000"});
  h.add_department({kRootDept, "沈阳市和平区人民法院", kCourt, "", kPresident, ""});
  h.add_department({kFilingDept, "立案庭", kCourt, kRootDept, kFilingHead, ""});
  h.add_department({kCivilDept, "民事审判第一庭", kCourt, kRootDept, kCivilHead, kVicePresident});
  h.add_department({kOfficeDept, "办公室", kCourt, kRootDept, "", ""});
  h.add_department({"19000", "沈阳市沈河区人民法院", kOtherCourt, "", "", ""});
  h.add_department({"19001", "立案庭", kOtherCourt, "19000", "", ""});
  h.add_department({"19007", "办公室", kOtherCourt, "19000", "", ""});
  h.add_person({kPresident, "崔厚", kCourt, kRootDept, "院长", {"president"}});
  h.add_person({kVicePresident, "付亨", kCourt, kRootDept, "副院长", {"vice_president"}});
  h.add_person({kFilingHead, "陈功晗", kCourt, kFilingDept, "庭长", {"division_head"}});
  h.add_person({kFilingClerk, "李立案", kCourt, kFilingDept, "书记员", {"clerk"}});
  h.add_person({kFilingClerk2, "王窗口", kCourt, kFilingDept, "书记员", {"clerk"}});
  h.add_person({kCivilHead, "戴婷振", kCourt, kCivilDept, "庭长", {"division_head"}});
  h.add_person({kJudge, "赵红朋", kCourt, kCivilDept, "审判员", {"judge"}});
  h.add_person({kClerk, "肖德民", kCourt, kCivilDept, "书记员", {"clerk"}});
  h.add_person({kAdmin, "余磊龙", kCourt, kOfficeDept, "综合管理员", {"court_admin"}});
  h.add_person({kStaff, "王科员", kCourt, kOfficeDept, "科员", {"staff"}});
  h.add_person({kOtherJudge, "关倩彪", kOtherCourt, "19001", "审判员", {"judge"}});
  h.add_person({kOtherAdmin, "沈河管理员", kOtherCourt, "19007", "综合管理员", {"court_admin"}});
}

std::unique_ptr<PluginHarness> make_harness(HarnessOptions options) {
  auto h = std::make_unique<PluginHarness>(ATTENDANCE_PLUGIN_FILE, std::move(options));
  add_directory(*h);
  return h;
}

std::unique_ptr<PluginHarness> make_harness(Json settings) {
  return make_harness(harness_options(std::move(settings)));
}

int64_t at(const std::string& date, const std::string& clock) {
  auto d = ctime::parse_date(date);
  auto m = ctime::parse_clock(clock.substr(0, 5));
  if (!d || !m || (clock.size() != 5 && clock.size() != 8))
    throw std::invalid_argument("at(): bad date or time " + date + " " + clock);
  int seconds = clock.size() == 8 ? std::stoi(clock.substr(6, 2)) : 0;
  return ctime::to_unix_ms(*d, *m) + seconds * 1000;
}

std::string error_message(const HttpResult& r) {
  try {
    return r.json()["error"].value("message", "");
  } catch (const std::exception&) {
    return "";
  }
}

std::string error_code(const HttpResult& r) {
  try {
    return r.json()["error"].value("code", "");
  } catch (const std::exception&) {
    return "";
  }
}

Json error_details(const HttpResult& r) {
  try {
    Json j = r.json();
    if (j.contains("error") && j["error"].contains("details")) return j["error"]["details"];
  } catch (const std::exception&) {
  }
  return Json();
}

}  // namespace attendance::testing
