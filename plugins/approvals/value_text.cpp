// SPDX-License-Identifier: Apache-2.0
// Dates, UTF-8 lengths and display strings for form values and statuses.
#include "value_text.hpp"

#include "courthub/time.hpp"

#include <cmath>
#include <cstdio>

namespace approvals {
namespace {

bool digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

bool valid_date_text(std::string_view s, bool with_time) {
  int y, m, d;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  if (y < 1900 || !courthub::time::make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)).ok())
    return false;
  if (!with_time) return s.size() == 10;
  if (s.size() != 16 && s.size() != 19) return false;
  int hh, mm, ss = 0;
  if ((s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, hh) || s[13] != ':' ||
      !digits(s, 14, 2, mm))
    return false;
  if (s.size() == 19 && (s[16] != ':' || !digits(s, 17, 2, ss))) return false;
  return hh < 24 && mm < 60 && ss < 60;
}

std::string normalized_date_text(std::string_view text) {
  std::string out(text);
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t b = 0, e = text.size();
  while (b < e && space(text[b])) ++b;
  while (e > b && space(text[e - 1])) --e;
  return std::string(text.substr(b, e - b));
}

std::string display_value(const FieldSpec& field, const Json& v) {
  if (v.is_null()) return "";
  switch (field.type) {
    case FieldType::kNumber:
      return v.is_number() ? number_text(v.get<double>()) : v.dump();
    case FieldType::kMoney: {
      if (!v.is_number()) return v.dump();
      char buf[48];
      std::snprintf(buf, sizeof buf, "%.2f 元", v.get<double>());
      return buf;
    }
    case FieldType::kDateRange:
      if (v.is_array() && v.size() == 2 && v.at(0).is_string() && v.at(1).is_string())
        return v.at(0).get<std::string>() + " ~ " + v.at(1).get<std::string>();
      return v.dump();
    case FieldType::kAttachment:
      return std::to_string(v.size()) + " 个附件";
    case FieldType::kTable:
      return std::to_string(v.size()) + " 行";
    default:
      break;
  }
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (auto& item : v) {
      if (!out.empty()) out += "、";
      out += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return out;
  }
  return v.dump();
}

std::string status_text(std::string_view status, std::string_view result) {
  if (status == instance_status::kRunning)
    return result == instance_result::kReturned ? "已退回" : "审批中";
  if (status == instance_status::kNew) return "新创建";
  if (status == instance_status::kCompleted) return result == "refuse" ? "已拒绝" : "已通过";
  if (status == instance_status::kTerminated)
    return result == instance_result::kReturned ? "已退回" : "已撤销";
  if (status == instance_status::kCanceled) return "已取消";
  return std::string(status);
}

std::string task_status_text(std::string_view status, std::string_view result) {
  if (status == task_status::kRunning) return "待审批";
  if (status == task_status::kPaused) return "等待加签人审批";
  if (status == task_status::kCanceled) return "已取消";
  if (result == task_result::kAgree) return "已同意";
  if (result == task_result::kRefuse) return "已拒绝";
  if (result == task_result::kRedirected) return "已转交";
  if (result == task_result::kReturned) return "已退回";
  if (result == task_result::kResubmitted) return "已重新提交";
  return std::string(status);
}

}  // namespace approvals
