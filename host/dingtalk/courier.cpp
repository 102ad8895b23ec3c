// SPDX-License-Identifier: Apache-2.0
// DingTalkCourier: one outbox message, one DingTalk call, and what to do when it fails.
#include "host/dingtalk/courier.hpp"

namespace courthub::dingtalk {
namespace {

jobs::Delivery from(const Outcome& o) {
  if (o.ok()) return {jobs::Delivery::Result::Sent, "", 0};
  if (o.code() == Status::Unavailable) {
    // DingTalk's robot limit throttles for a while once exceeded: wait a full minute.
    int64_t after = o.message().find("130101") != std::string::npos ? 60000 : 0;
    return {jobs::Delivery::Result::Retry, o.message(), after};
  }
  return {jobs::Delivery::Result::Fail, o.message(), 0};
}

}  // namespace

jobs::Delivery DingTalkCourier::deliver(const jobs::OutboxMessage& m) {
  if (m.channel == "work_notice") {
    auto task = api_.send_work_notice(m.target, m.msg);
    return from(task ? Outcome::success() : task.outcome());
  }
  if (m.channel == "card") {
    // The outbox keeps one person per card row.
    return from(api_.deliver_card(m.target, json::get<Json>(m.msg, "interactive_card")));
  }
  if (m.channel == "card_update") {
    return from(api_.update_card(json::get<Json>(m.msg, "card_update")));
  }
  if (m.channel == "session") return from(api_.send_to_session(m.target, m.msg));
  if (m.channel == "group_robot") return group_robot(m);
  return {jobs::Delivery::Result::Fail, "unknown outbox channel '" + m.channel + "'", 0};
}

jobs::Delivery DingTalkCourier::group_robot(const jobs::OutboxMessage& m) {
  const config::GroupRobot* robot = nullptr;
  for (auto& r : config_.group_robots)
    if (r.name == m.target) robot = &r;
  if (!robot) {
    return {jobs::Delivery::Result::Fail,
            "group robot '" + m.target + "' is no longer configured", 0};
  }
  // Stay under the robot's limit here rather than be throttled by DingTalk for ten minutes.
  auto wait = robot_sends_.reserve(robot->name, config_.robot_per_minute, clock_.now_ms());
  if (!wait) return {jobs::Delivery::Result::Retry, wait.outcome().message(), 0};
  if (*wait > 0) {
    return {jobs::Delivery::Result::Retry,
            "group robot '" + robot->name + "' is at " + std::to_string(config_.robot_per_minute) +
                " messages per minute",
            *wait};
  }
  return from(api_.send_to_group_robot(robot->webhook, robot->secret, m.msg));
}

}  // namespace courthub::dingtalk
