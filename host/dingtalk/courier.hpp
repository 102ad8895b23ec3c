// SPDX-License-Identifier: Apache-2.0
// Delivers outbox messages to DingTalk: work notifications, interactive cards, robot session
// replies and custom group robots (at most `robot_per_minute` per robot, DingTalk's limit,
// counted in the host database across every host: robot_send_ledger.hpp).
//
// Threading: deliver() is called by the outbox worker only; it is not re-entrant.
#pragma once

#include <string>

#include "host/config/config.hpp"
#include "host/dingtalk/open_api.hpp"
#include "host/dingtalk/robot_send_ledger.hpp"
#include "host/jobs/outbox.hpp"
#include "host/time/clock.hpp"

namespace courthub::dingtalk {

class DingTalkCourier : public jobs::Courier {
 public:
  // `clock` times the group robots' per-minute limit, `host_db` counts their sends; both must
  // outlive the courier.
  DingTalkCourier(const config::DingTalkConfig& config, OpenApi& api, const time::Clock& clock,
                  storage::Database& host_db)
      : config_(config), api_(api), clock_(clock), robot_sends_(host_db) {}

  jobs::Delivery deliver(const jobs::OutboxMessage& message) override;

 private:
  jobs::Delivery group_robot(const jobs::OutboxMessage& message);

  config::DingTalkConfig config_;
  OpenApi& api_;
  const time::Clock& clock_;
  RobotSendLedger robot_sends_;
};

}  // namespace courthub::dingtalk
