// SPDX-License-Identifier: Apache-2.0
// Delivers outbox messages to DingTalk: work notifications, interactive cards, robot session
// replies and custom group robots (at most `robot_per_minute` per robot, DingTalk's limit).
//
// Threading: deliver() is called by the outbox worker only; it is not re-entrant.
#pragma once

#include <deque>
#include <map>
#include <string>

#include "host/config/config.hpp"
#include "host/dingtalk/open_api.hpp"
#include "host/jobs/outbox.hpp"
#include "host/time/clock.hpp"

namespace courthub::dingtalk {

class DingTalkCourier : public jobs::Courier {
 public:
  // `clock` times the group robots' per-minute limit; it must outlive the courier.
  DingTalkCourier(const config::DingTalkConfig& config, OpenApi& api, const time::Clock& clock)
      : config_(config), api_(api), clock_(clock) {}

  jobs::Delivery deliver(const jobs::OutboxMessage& message) override;

 private:
  jobs::Delivery group_robot(const jobs::OutboxMessage& message);

  config::DingTalkConfig config_;
  OpenApi& api_;
  const time::Clock& clock_;
  std::map<std::string, std::deque<int64_t>> robot_sends_;  // robot name -> send times (ms)
};

}  // namespace courthub::dingtalk
