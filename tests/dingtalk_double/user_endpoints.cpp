// SPDX-License-Identifier: Apache-2.0
// The 免登 login API (auth code -> user) and the user and department details APIs.
#include "tests/dingtalk_double/api_endpoints.hpp"
#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {
namespace {

ApiReply bad_token() {
  return errcode_reply(40014, "不合法的access_token");
}

Json ok_with_result(Json result) {
  return Json::object({{"errcode", 0},
                       {"errmsg", "ok"},
                       {"result", std::move(result)},
                       {"request_id", random_hex(8)}});
}

}  // namespace

ApiReply get_user_info(DoubleState& state, const ApiRequest& request) {
  if (!state.token_valid(request.param("access_token"))) return bad_token();
  std::string code = json::get<std::string>(request.json_body(), "code");
  if (code.empty()) {
    return errcode_reply(40035, "缺少参数 code (the body needs {\"code\": ...})");
  }
  std::optional<Json> user = state.users.redeem(code, state.now_ms());
  if (!user) return errcode_reply(40078, "不存在的临时授权码");
  const std::string userid = json::get<std::string>(*user, "userid");
  const Json* sys_level = json::find(*user, "sys_level");
  return ApiReply{
      200, ok_with_result(Json::object({
               {"userid", userid},
               {"unionid", json::get<std::string>(*user, "unionid", "union-" + userid)},
               {"name", json::get<std::string>(*user, "name")},
               {"device_id", "double-device-" + userid},
               {"sys", json::get<bool>(*user, "sys", false)},
               {"sys_level", sys_level && sys_level->is_number() ? sys_level->get<int64_t>() : 0},
               {"associated_unionid", json::get<std::string>(*user, "associated_unionid")},
           }))};
}

ApiReply get_user(DoubleState& state, const ApiRequest& request) {
  if (!state.token_valid(request.param("access_token"))) return bad_token();
  std::string userid = json::get<std::string>(request.json_body(), "userid");
  if (userid.empty()) {
    return errcode_reply(40035, "缺少参数 userid (the body needs {\"userid\": ...})");
  }
  std::optional<Json> user = state.users.find(userid);
  if (!user) return errcode_reply(60121, "找不到该用户");
  return ApiReply{200, ok_with_result(std::move(*user))};
}

ApiReply get_department(DoubleState& state, const ApiRequest& request) {
  if (!state.token_valid(request.param("access_token"))) return bad_token();
  const Json body = request.json_body();
  const Json* id = json::find(body, "dept_id");
  if (!id || !id->is_number()) {
    return errcode_reply(40035, "缺少参数 dept_id (the body needs {\"dept_id\": <number>})");
  }
  std::optional<Json> department = state.users.find_department(id->get<int64_t>());
  if (!department) return errcode_reply(60003, "部门不存在");
  return ApiReply{200, ok_with_result(std::move(*department))};
}

}  // namespace courthub::dingtalk_double
