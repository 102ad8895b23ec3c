// SPDX-License-Identifier: Apache-2.0
#include "host/sms/sms_courier.hpp"

namespace courthub::sms {
namespace {

constexpr int64_t kUnconfiguredWaitMs = 10 * 60 * 1000;

}  // namespace

jobs::Delivery SmsCourier::deliver(const jobs::OutboxMessage& m) {
  if (m.channel != "sms") {
    if (dingtalk_) return dingtalk_->deliver(m);
    return {jobs::Delivery::Result::Retry, "no dingtalk section: DingTalk messages wait",
            kUnconfiguredWaitMs};
  }
  if (!gateway_) {
    return {jobs::Delivery::Result::Retry, "no sms section: SMS messages wait",
            kUnconfiguredWaitMs};
  }
  const Json* text = json::find(m.msg, "text");
  Outcome o = gateway_->send(m.target, text ? json::get<std::string>(*text, "content") : "");
  if (o.ok()) return {jobs::Delivery::Result::Sent, "", 0};
  if (o.code() == Status::Unavailable) return {jobs::Delivery::Result::Retry, o.message(), 0};
  return {jobs::Delivery::Result::Fail, o.message(), 0};
}

}  // namespace courthub::sms
