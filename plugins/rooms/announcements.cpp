// SPDX-License-Identifier: Apache-2.0
// 开庭公告: the query, its JSON and its printable page.
#include "announcements.hpp"

#include "dates.hpp"
#include "hearing_rules.hpp"

namespace rooms {
namespace {

using courthub::Json;
using courthub::Value;

constexpr const char* kStyle = R"css(
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;
padding:16px;color:#1f2329;background:#fff;line-height:1.6}
h1{font-size:1.4em;margin:0 0 4px;text-align:center}
.court{text-align:center;color:#646a73;margin:0 0 16px}
.item{border:1px solid #dee0e3;border-radius:8px;padding:12px;margin:0 0 12px;break-inside:avoid}
.case{font-weight:600;font-size:1.05em}
dl{margin:6px 0 0;display:grid;grid-template-columns:4.5em 1fr;gap:2px 8px}
dt{color:#646a73}dd{margin:0}
.none{text-align:center;color:#646a73;padding:32px 0}
footer{color:#8f959e;font-size:.85em;text-align:center;margin-top:16px}
@media print{body{padding:0}.item{border-color:#000}}
@media (min-width:720px){body{max-width:720px;margin:0 auto}}
)css";

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<Announcement> announcements(const courthub::Sql& q, const std::string& court,
                                        int64_t now_ms) {
  // Day D is announced from D - 3 on: its start is before the midnight after today + 3.
  int64_t horizon = to_instant(add_days(local_date(now_ms), kAnnounceDays + 1), 0);
  std::vector<Announcement> out;
  q.each(
      "SELECT h.case_number, h.cause, h.mode, b.start_ms, b.end_ms, r.name AS room "
      "FROM hearings h JOIN bookings b ON b.id = h.booking_id JOIN rooms r ON r.id = b.room_id "
      "WHERE h.court = ? AND h.public = 1 AND h.status IN ('已通知', '测试通过', '进行中') "
      "AND b.status IN ('已预订', '已签到') AND b.start_ms < ? AND b.end_ms > ? "
      "ORDER BY b.start_ms, h.id LIMIT 500",
      {Value(court), Value(horizon), Value(now_ms)}, [&](const courthub::Row& row) {
        out.push_back(Announcement{
            row.text("case_number"), row.text("cause"), row.integer("start_ms"),
            row.integer("end_ms"), row.text("room"),
            std::string(mode_label(parse_mode(row.text("mode")).value_or(HearingMode::Online)))});
      });
  return out;
}

Json announcements_json(const std::string& code, const std::string& name,
                        const std::vector<Announcement>& items) {
  Json list = Json::array();
  for (const Announcement& a : items)
    list.push_back(Json::object({{"case_number", a.case_number},
                                 {"cause", a.cause},
                                 {"start", format_iso(a.start_ms)},
                                 {"end", format_iso(a.end_ms)},
                                 {"room", a.room},
                                 {"mode_label", a.mode_label}}));
  return Json::object(
      {{"court", Json::object({{"code", code}, {"name", name}})}, {"items", list}});
}

std::string announcements_html(const std::string& court_name,
                               const std::vector<Announcement>& items, int64_t now_ms) {
  const std::string court = escape_html(court_name);
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n"
      "<title>" + court + " 开庭公告</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n"
      "<h1>开庭公告</h1>\n<p class=\"court\">" + court + "</p>\n<main>\n";
  for (const Announcement& a : items) {
    html += "<section class=\"item\">\n<div class=\"case\">" + escape_html(a.case_number) +
            "</div>\n<dl>\n<dt>案由</dt><dd>" + escape_html(a.cause) +
            "</dd>\n<dt>开庭时间</dt><dd>" + escape_html(format_slot(a.start_ms, a.end_ms)) +
            "</dd>\n<dt>法庭</dt><dd>" + escape_html(a.room) + "</dd>\n<dt>方式</dt><dd>" +
            escape_html(a.mode_label) + "</dd>\n</dl>\n</section>\n";
  }
  if (items.empty()) html += "<p class=\"none\">近三日暂无公开开庭。</p>\n";
  html += "</main>\n<footer>依法公开审理的案件于开庭三日前公告。更新于 " +
          escape_html(format_date(local_date(now_ms)) + " " +
                      format_minute(local_minute(now_ms))) +
          "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace rooms
