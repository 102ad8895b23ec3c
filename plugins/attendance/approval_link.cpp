// SPDX-License-Identifier: Apache-2.0
// Approvals in: approvals.instance_finished and approvals.request_rejected.
#include "approval_link.hpp"

#include <chrono>

#include "punch_store.hpp"

namespace attendance {

namespace {

namespace t = courthub::time;
using courthub::Json;
namespace json = courthub::json;

constexpr std::string_view kKinds[] = {"leave", "business_trip", "outing", "punch_fix",
                                       "outside_punch"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A string or an integer member as text ("instance_id" is a number locally, a string from
// DingTalk); "" otherwise.
std::string text_of(const Json& obj, std::string_view key) {
  const Json* v = json::find(obj, key);
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
  return "";
}

std::optional<int> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "HH:MM" or "HH:MM:SS" (seconds kept apart) -> minutes.
std::optional<int> clock_of(std::string_view s, int& seconds) {
  seconds = 0;
  if (s.size() == 8 && s[5] == ':') {
    auto sec = digits(s.substr(6));
    if (!sec || *sec > 59) return std::nullopt;
    seconds = *sec;
    s = s.substr(0, 5);
  }
  return t::parse_clock(s);
}

// The period of a leave, trip or outing: ["from", "to"], {"start"|"from", "end"|"to"}, a JSON
// array in a string, or "from ~ to" / "from 至 to".
std::optional<std::pair<std::string, std::string>> period_texts(const Json& v) {
  if (v.is_array() && v.size() == 2 && v[0].is_string() && v[1].is_string())
    return std::make_pair(v[0].get<std::string>(), v[1].get<std::string>());
  if (v.is_object()) {
    for (auto [a, b] : {std::pair{"start", "end"}, std::pair{"from", "to"}})
      if (v.contains(a) && v.contains(b) && v[a].is_string() && v[b].is_string())
        return std::make_pair(v[a].get<std::string>(), v[b].get<std::string>());
    return std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  std::string s = v.get<std::string>();
  if (!s.empty() && s.front() == '[') {
    try {
      return period_texts(Json::parse(s));
    } catch (const Json::exception&) {
      return std::nullopt;
    }
  }
  for (std::string_view sep : {"~", "至", ","}) {
    auto at = s.find(sep);
    if (at != std::string::npos)
      return std::make_pair(std::string(trim(std::string_view(s).substr(0, at))),
                            std::string(trim(std::string_view(s).substr(at + sep.size()))));
  }
  return std::nullopt;
}

// The instant a period starts (is_end false) or ends at.
int64_t bound_ms(const FormMoment& m, bool is_end) {
  if (m.date_only) {
    return is_end ? t::to_unix_ms(t::Date{std::chrono::sys_days{m.date} + std::chrono::days{1}}, 0)
                  : m.unix_ms;
  }
  if (m.half == 1) return t::to_unix_ms(m.date, is_end ? 12 * 60 : 0);
  if (m.half == 2) return t::to_unix_ms(m.date, is_end ? 24 * 60 : 12 * 60);
  return m.unix_ms;
}

std::optional<CheckType> check_type_of(const std::string& s) {
  if (s == "OnDuty" || s.rfind("上班", 0) == 0) return CheckType::OnDuty;
  if (s == "OffDuty" || s.rfind("下班", 0) == 0) return CheckType::OffDuty;
  return std::nullopt;
}

bool read_period(const Json& form, ApprovalRecord& r, std::string& problem) {
  const Json* v = json::find(form, "period");
  auto texts = v ? period_texts(*v) : std::nullopt;
  if (!texts) {
    problem = "form field 'period' is missing or not a pair of times";
    return false;
  }
  auto from = parse_form_moment(texts->first), to = parse_form_moment(texts->second);
  if (!from || !to) {
    problem = "form field 'period' holds a time that cannot be read";
    return false;
  }
  r.from_ms = bound_ms(*from, false);
  r.to_ms = bound_ms(*to, true);
  if (r.to_ms <= r.from_ms) {
    problem = "form field 'period' ends before it starts";
    return false;
  }
  return true;
}

bool read_fix(const Json& form, ApprovalRecord& r, std::string& problem) {
  auto text = [&](const char* key) {
    const Json* v = json::find(form, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
  };
  auto type = check_type_of(text("check_type"));
  if (!type) {
    problem = "form field 'check_type' is not 上班, 下班, OnDuty or OffDuty";
    return false;
  }
  r.fix_type = *type;
  const std::string time = text("time");
  std::optional<FormMoment> at = parse_form_moment(time);
  int seconds = 0;
  std::optional<int> minute = at && !at->date_only && !at->half ? std::optional<int>(at->minute)
                                                                : clock_of(time, seconds);
  if (!minute || *minute >= 24 * 60) {
    problem = "form field 'time' is not a time of day";
    return false;
  }
  r.fix_minute = *minute;
  auto date = parse_form_moment(text("date"));
  if (date) {
    r.fix_date = t::format_date(date->date);
  } else if (at && !at->date_only) {
    r.fix_date = t::format_date(at->date);
  } else {
    problem = "form field 'date' is not a date";
    return false;
  }
  return true;
}

void on_finished(courthub::Host& host, const Settings& settings, const courthub::Event& e) {
  const Json& p = e.payload;
  const std::string kind = approval_kind(settings, text_of(p, "template"));
  if (kind.empty()) return;  // a template attendance does not read
  std::string problem;
  auto record = read_finished(p, kind, problem);
  const std::string instance = text_of(p, "instance_id");
  if (!record) {
    host.warn("approvals.instance_finished " + instance + " (" + kind + "): " + problem +
              "; nothing stored");
    return;
  }
  if (record->finished_ms == 0) record->finished_ms = host.now_ms();
  const std::string source = text_of(p, "source");
  host.db().transaction([&](courthub::Transaction& tx) {
    put_approval(tx, *record, source, host.now_ms());
    if (source != "attendance") return;
    if (kind == "punch_fix") {
      if (auto id = fix_request_id(record->request_id))
        set_fix_request_state(tx, *id, record->state, record->instance_id);
    } else if (kind == "outside_punch" && punch_request_id(record->request_id)) {
      set_outside_approval(tx, record->request_id, record->state);
    }
  });
}

void on_rejected(courthub::Host& host, const courthub::Event& e) {
  const Json& p = e.payload;
  if (text_of(p, "source") != "attendance") return;
  const std::string request = text_of(p, "request_id");
  host.db().transaction([&](courthub::Transaction& tx) {
    if (auto id = fix_request_id(request)) {
      set_fix_request_state(tx, *id, "rejected", "");
    } else if (punch_request_id(request)) {
      set_outside_approval(tx, request, "refuse");
    }
  });
  host.warn("approvals.request_rejected " + request + ": the approval could not be opened");
}

}  // namespace

std::string approval_kind(const Settings& settings, const std::string& template_code) {
  if (settings.approval_templates.empty()) {
    for (auto k : kKinds)
      if (k == template_code) return template_code;
    return "";
  }
  auto it = settings.approval_templates.find(template_code);
  return it == settings.approval_templates.end() ? "" : it->second;
}

std::string template_for(const Settings& settings, const std::string& kind) {
  for (auto& [code, meaning] : settings.approval_templates)
    if (meaning == kind) return code;
  return kind;
}

std::optional<FormMoment> parse_form_moment(std::string_view text) {
  text = trim(text);
  if (text.size() < 10) return std::nullopt;
  auto date = t::parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  FormMoment m;
  m.date = *date;
  std::string_view rest = text.substr(10);
  if (rest.empty()) {
    m.date_only = true;
    m.unix_ms = t::to_unix_ms(*date, 0);
    return m;
  }
  const char sep = rest.front();
  rest.remove_prefix(1);
  if (sep == ' ' && (rest == "AM" || rest == "PM" || rest == "上午" || rest == "下午")) {
    m.half = rest == "AM" || rest == "上午" ? 1 : 2;
    m.minute = m.half == 1 ? 0 : 12 * 60;
    m.unix_ms = t::to_unix_ms(*date, m.minute);
    return m;
  }
  if (sep != ' ' && sep != 'T') return std::nullopt;
  // The clock, then an optional fraction and zone.
  size_t clock_end = 0;
  while (clock_end < rest.size() && (rest[clock_end] == ':' ||
                                     (rest[clock_end] >= '0' && rest[clock_end] <= '9')))
    ++clock_end;
  int seconds = 0;
  auto minute = clock_of(rest.substr(0, clock_end), seconds);
  if (!minute || *minute >= 24 * 60) return std::nullopt;
  std::string_view zone = rest.substr(clock_end);
  if (!zone.empty() && zone.front() == '.') {
    zone.remove_prefix(1);
    while (!zone.empty() && zone.front() >= '0' && zone.front() <= '9') zone.remove_prefix(1);
  }
  if (zone.empty()) {
    m.unix_ms = t::to_unix_ms(*date, *minute) + seconds * 1000;
    m.minute = *minute;
    return m;
  }
  int offset = 0;
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto h = digits(zone.substr(1, 2)), mm = digits(zone.substr(4, 2));
    if (!h || !mm || *h > 14 || *mm > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (*h * 60 + *mm);
  } else {
    return std::nullopt;
  }
  const int64_t wall = std::chrono::sys_days{*date}.time_since_epoch().count() * 86'400'000LL +
                       (*minute) * 60'000LL + seconds * 1000LL;
  m.unix_ms = wall - offset * 60'000LL;
  // The court's local date and minute of that instant.
  m.date = t::local_date(m.unix_ms);
  m.minute = t::local_minute(m.unix_ms);
  return m;
}

std::optional<ApprovalRecord> read_finished(const Json& p, const std::string& kind,
                                            std::string& problem) {
  ApprovalRecord r;
  r.instance_id = text_of(p, "instance_id");
  r.kind = kind;
  r.user_id = text_of(p, "originator");
  r.state = text_of(p, "result");
  r.request_id = text_of(p, "request_id");
  const Json* finished = json::find(p, "finished_ms");
  r.finished_ms = finished && finished->is_number() ? finished->get<int64_t>() : 0;
  if (r.instance_id.empty() || r.user_id.empty()) {
    problem = "no instance_id or originator";
    return std::nullopt;
  }
  if (r.state != "agree" && r.state != "refuse" && r.state != "terminated" &&
      r.state != "canceled") {
    problem = "unknown result (expected agree, refuse, terminated or canceled)";
    return std::nullopt;
  }
  const Json* form_ptr = json::find(p, "form");
  const Json form = form_ptr ? *form_ptr : Json::object();
  if (kind == "leave" || kind == "business_trip" || kind == "outing") {
    if (!read_period(form, r, problem)) return std::nullopt;
    if (kind == "leave") {
      const Json* type = json::find(form, "leave_type");
      // A template without leave_type (调休 time_off) is a leave of its own name.
      const std::string named = text_of(p, "template_name");
      r.sub_type = type && type->is_string() ? type->get<std::string>()
                   : named.empty()          ? std::string("请假")
                                            : named;
    }
  } else if (kind == "punch_fix") {
    if (!read_fix(form, r, problem)) return std::nullopt;
  } else if (kind != "outside_punch") {
    problem = "unknown kind";
    return std::nullopt;
  }
  return r;
}

void register_approval_link(courthub::Registrar& r, courthub::Host& host,
                            const Settings& settings) {
  r.subscribe("approvals.instance_finished",
              [&host, &settings](const courthub::Event& e) { on_finished(host, settings, e); });
  r.subscribe("approvals.request_rejected",
              [&host](const courthub::Event& e) { on_rejected(host, e); });
}

}  // namespace attendance
