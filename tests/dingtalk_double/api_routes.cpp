// SPDX-License-Identifier: Apache-2.0
// Which path goes to which DingTalk API handler.
#include <array>

#include "tests/dingtalk_double/api_endpoints.hpp"

namespace courthub::dingtalk_double {

const ApiRoute* find_api_route(std::string_view path) {
  static const std::array<ApiRoute, 12> kRoutes = {{
      {"GET", "/gettoken", get_token},
      {"POST", "/v1.0/oauth2/accessToken", oauth2_access_token},
      {"POST", "/topapi/v2/user/getuserinfo", get_user_info},
      {"POST", "/topapi/v2/user/get", get_user},
      {"POST", "/topapi/v2/department/get", get_department},
      {"POST", "/topapi/message/corpconversation/asyncsend_v2", send_work_notice},
      {"POST", "/robot/send", robot_send},
      {"POST", "/robot/sendBySession", robot_send_by_session},
      {"POST", "/v1.0/card/instances/createAndDeliver", create_and_deliver_card},
      {"PUT", "/v1.0/card/instances", update_card},
      {"POST", "/sms/send", sms_send},
      {"POST", "/v1.0/gateway/connections/open", open_stream_connection},
  }};
  for (const ApiRoute& route : kRoutes) {
    if (route.path == path) return &route;
  }
  return nullptr;
}

}  // namespace courthub::dingtalk_double
