// SPDX-License-Identifier: Apache-2.0
// Per-event-type de-duplication keys.
#include "host/dingtalk/event_keys.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

namespace courthub::dingtalk {
namespace {

std::string text_of(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// A member as text whatever its JSON type ("" when absent, or when `e` is not an object): an
// event whose id is a number where a string was expected still gets its key (a fuzzer found
// the throw, which would have answered DingTalk 500 and had it retry the event forever).
std::string field(const Json& e, const char* name) {
  if (!e.is_object() || !e.contains(name)) return "";
  return text_of(e.at(name));
}

// Sorted, so the same set of ids in another order is the same occurrence.
std::string joined(const Json& list) {
  std::vector<std::string> items;
  if (list.is_array()) {
    for (auto& v : list) items.push_back(text_of(v));
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

// Keys with sorted member names, so a re-serialised copy of the same event hashes the same
// (nlohmann::json, unlike the insertion-ordered courthub::Json, keeps objects sorted).
std::string canonical(const Json& v) {
  return nlohmann::json(v).dump();
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
  const std::string type = field(e, "EventType");
  // Newer events say which occurrence they are.
  for (const char* id : {"eventId", "EventId", "BizId", "bizId"}) {
    if (std::string v = field(e, id); !v.empty()) return type + ":id:" + v;
  }
  if (type.rfind("user_", 0) == 0 || type.rfind("org_admin_", 0) == 0) {
    return type + ":" + joined(json::get<Json>(e, "UserId")) + "@" +
           text_of(json::get<Json>(e, "TimeStamp"));
  }
  if (type.rfind("org_dept_", 0) == 0) {
    return type + ":" + joined(json::get<Json>(e, "DeptId")) + "@" +
           text_of(json::get<Json>(e, "TimeStamp"));
  }
  if (type == "bpms_instance_change") {
    return type + ":" + field(e, "processInstanceId") + ":" + field(e, "type") + ":" +
           field(e, "result");
  }
  if (type == "bpms_task_change") {
    return type + ":" + field(e, "processInstanceId") + ":" +
           text_of(json::get<Json>(e, "taskId")) + ":" + field(e, "type") + ":" +
           field(e, "result");
  }
  if (type == "attendance_check_record") {
    std::vector<std::string> ids;
    for (auto& r : json::get<Json>(e, "DataList", Json::array())) {
      std::string biz = field(r, "bizId");
      ids.push_back(biz.empty() ? field(r, "userId") + "@" + field(r, "checkTime") : biz);
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
