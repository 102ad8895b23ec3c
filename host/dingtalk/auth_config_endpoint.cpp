// SPDX-License-Identifier: Apache-2.0
// GET /auth/config: what a page needs to log in, and the host's clock.

#include "host/dingtalk/channel.hpp"

namespace courthub::dingtalk {

void add_auth_config_endpoint(http::Router& router, const config::DingTalkConfig& config,
                              const time::Clock& clock) {
  router.exact("/auth/config", "/auth/config",
               [corp_id = config.corp_id, dev_login = config.dev_login, &clock](http::Exchange& ex) {
                 if (!http::allow_methods(ex, {"GET"})) return;
                 ex.respond_json(200, Json::object({{"corp_id", corp_id},
                                                    {"dev_login", dev_login},
                                                    {"now_ms", clock.now_ms()}}));
               });
}

}  // namespace courthub::dingtalk
