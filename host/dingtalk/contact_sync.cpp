// SPDX-License-Identifier: Apache-2.0
// Contact events (通讯录事件) keep the host directory in step with DingTalk: people join, change
// and leave; departments appear, change and go. Runs on the inbox worker as "@directory".
#include <vector>

#include "host/dingtalk/channel.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {

using jobs::HandleResult;
using jobs::Handled;

HandleResult from(const Outcome& o) {
  if (o.ok()) return {Handled::Done, ""};
  if (o.code() == Status::Unavailable) return {Handled::Retry, o.message()};
  return {Handled::Reject, o.message()};
}

// A title's role when DingTalk tells us of someone new (people we know keep their roles).
std::vector<std::string> roles_for_title(const std::string& title) {
  struct Rule {
    const char* word;
    const char* role;
  };
  static const Rule kRules[] = {
      {"副院长", "vice_president"},  {"院长", "president"},   {"副庭长", "deputy_division_head"},
      {"副局长", "deputy_division_head"}, {"副主任", "deputy_division_head"},
      {"副处长", "deputy_division_head"}, {"庭长", "division_head"}, {"局长", "division_head"},
      {"主任", "division_head"},     {"处长", "division_head"}, {"法官助理", "assistant_judge"},
      {"审判员", "judge"},           {"法官", "judge"},          {"书记员", "clerk"},
      {"综合管理员", "court_admin"},
  };
  for (auto& r : kRules)
    if (title.find(r.word) != std::string::npos) return {r.role};
  return {"staff"};
}

HandleResult upsert_user(ChannelContext& ctx, const std::string& userid) {
  auto user = ctx.api->user(userid);
  if (!user) return from(user.outcome());
  auto snapshot = ctx.directory->snapshot();
  directory::Person person;
  const directory::Person* known = nullptr;
  for (auto& p : snapshot->data().people)
    if (p.user_id == userid) known = &p;
  if (known) person = *known;
  person.user_id = userid;
  person.name = json::get<std::string>(*user, "name", person.name);
  person.title = json::get<std::string>(*user, "title", person.title);
  person.active = true;
  const directory::Department* dept = nullptr;
  if ((*user)["dept_id_list"].is_array()) {
    for (auto& id : (*user)["dept_id_list"]) {
      if (!id.is_number()) continue;
      if ((dept = snapshot->department(id.get<int64_t>()))) break;
    }
  }
  if (dept) {
    person.dept_id = dept->id;
    person.court_code = dept->court_code;
  } else if (!known) {
    return {Handled::Reject, "user " + userid + " is in no department the directory knows"};
  }
  if (person.roles.empty()) person.roles = roles_for_title(person.title);
  Outcome o = ctx.directory->upsert_person(person);
  if (o.ok()) log::info("directory", "person " + userid + (known ? " updated" : " added"));
  return from(o);
}

HandleResult upsert_department(ChannelContext& ctx, int64_t id) {
  auto dep = ctx.api->department(id);
  if (!dep) return from(dep.outcome());
  auto snapshot = ctx.directory->snapshot();
  directory::Department d;
  if (const directory::Department* known = snapshot->department(id)) d = *known;
  d.id = id;
  d.name = json::get<std::string>(*dep, "name", d.name);
  int64_t parent = json::get<int64_t>(*dep, "parent_id", d.parent_id);
  const directory::Department* p = snapshot->department(parent);
  if (!p) {
    if (d.court_code.empty()) {
      return {Handled::Reject, "department " + std::to_string(id) + " hangs under department " +
                                   std::to_string(parent) + ", which the directory does not know"};
    }
  } else {
    d.parent_id = parent;
    d.court_code = p->court_code;
  }
  Outcome o = ctx.directory->upsert_department(d);
  if (o.ok()) log::info("directory", "department " + std::to_string(id) + " " + d.name + " saved");
  return from(o);
}

}  // namespace

HandleResult apply_contact_event(ChannelContext& ctx, const jobs::InboxEvent& event) {
  Json e;
  try {
    e = Json::parse(event.payload);
  } catch (const Json::exception& err) {
    return {Handled::Reject, err.what()};
  }
  const std::string& type = event.topic;
  if (type == "user_add_org" || type == "user_modify_org" || type == "user_active_org" ||
      type == "user_leave_org") {
    if (!e["UserId"].is_array()) return {Handled::Reject, type + " without a UserId list"};
    for (auto& id : e["UserId"]) {
      if (!id.is_string()) continue;
      HandleResult r = type == "user_leave_org"
                           ? from(ctx.directory->deactivate_person(id.get<std::string>()))
                           : upsert_user(ctx, id.get<std::string>());
      if (r.outcome != Handled::Done) return r;
      if (type == "user_leave_org")
        log::info("directory", "person " + id.get<std::string>() + " left");
    }
    return {Handled::Done, ""};
  }
  if (type == "org_dept_create" || type == "org_dept_modify" || type == "org_dept_remove") {
    if (!e["DeptId"].is_array()) return {Handled::Reject, type + " without a DeptId list"};
    for (auto& id : e["DeptId"]) {
      if (!id.is_number()) continue;
      HandleResult r = type == "org_dept_remove"
                           ? from(ctx.directory->remove_department(id.get<int64_t>()))
                           : upsert_department(ctx, id.get<int64_t>());
      if (r.outcome != Handled::Done) return r;
    }
    return {Handled::Done, ""};
  }
  return {Handled::Done, "not a contact event"};
}

}  // namespace courthub::dingtalk
