// SPDX-License-Identifier: Apache-2.0
// Per-event-type de-duplication keys.
#include "host/dingtalk/event_keys.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

namespace courthub::dingtalk {
namespace {

std::string text_of(const Json& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_null()) return "";
  return v.dump();
}

// Sorted, so the same set of ids in another order is the same occurrence.
std::string joined(const Json& list) {
  std::vector<std::string> items;
  if (list.is_array()) {
    for (auto& v : list.as_array()) items.push_back(text_of(v));
  } else if (!list.is_null()) {
    items.push_back(text_of(list));
  }
  std::sort(items.begin(), items.end());
  std::string out;
  for (auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

// Keys with sorted member names, so a re-serialised copy of the same event hashes the same.
std::string canonical(const Json& v) {
  if (v.is_object()) {
    std::vector<std::pair<std::string, const Json*>> members;
    for (auto& [k, m] : v.as_object()) members.emplace_back(k, &m);
    std::sort(members.begin(), members.end(),
              [](auto& a, auto& b) { return a.first < b.first; });
    std::string out = "{";
    for (auto& [k, m] : members) {
      if (out.size() > 1) out += ',';
      Json::write_string(out, k);
      out += ':' + canonical(*m);
    }
    return out + "}";
  }
  if (v.is_array()) {
    std::string out = "[";
    for (auto& m : v.as_array()) {
      if (out.size() > 1) out += ',';
      out += canonical(m);
    }
    return out + "]";
  }
  return v.dump();
}

std::string sha256_hex(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

}  // namespace

bool is_contact_event(const std::string& t) {
  return t == "user_add_org" || t == "user_modify_org" || t == "user_leave_org" ||
         t == "user_active_org" || t == "org_dept_create" || t == "org_dept_modify" ||
         t == "org_dept_remove";
}

std::string event_dedup_key(const Json& e) {
  const std::string type = e.get_string("EventType");
  // Newer events say which occurrence they are.
  for (const char* id : {"eventId", "EventId", "BizId", "bizId"}) {
    if (!e.get_string(id).empty()) return type + ":id:" + e.get_string(id);
  }
  if (type.rfind("user_", 0) == 0 || type.rfind("org_admin_", 0) == 0) {
    return type + ":" + joined(e["UserId"]) + "@" + text_of(e["TimeStamp"]);
  }
  if (type.rfind("org_dept_", 0) == 0) {
    return type + ":" + joined(e["DeptId"]) + "@" + text_of(e["TimeStamp"]);
  }
  if (type == "bpms_instance_change") {
    return type + ":" + e.get_string("processInstanceId") + ":" + e.get_string("type") + ":" +
           e.get_string("result");
  }
  if (type == "bpms_task_change") {
    return type + ":" + e.get_string("processInstanceId") + ":" + text_of(e["taskId"]) + ":" +
           e.get_string("type") + ":" + e.get_string("result");
  }
  if (type == "attendance_check_record") {
    std::vector<std::string> ids;
    for (auto& r : e["DataList"].is_array() ? e["DataList"].as_array() : Json::Array{}) {
      std::string biz = r.get_string("bizId");
      ids.push_back(biz.empty() ? r.get_string("userId") + "@" + text_of(r["checkTime"]) : biz);
    }
    std::sort(ids.begin(), ids.end());
    std::string all;
    for (auto& i : ids) all += i + ",";
    return type + ":" + all;
  }
  // Anything else: the event's own content identifies it.
  return type + ":sha256:" + sha256_hex(canonical(e));
}

}  // namespace courthub::dingtalk
