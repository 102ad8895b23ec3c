// SPDX-License-Identifier: Apache-2.0
// The outbox's courier when SMS may be sent: `sms` messages go to the SMS gateway, every other
// channel to DingTalk's courier. A channel without its configuration keeps its messages waiting
// (retried every 10 minutes, up to the outbox's attempts) rather than failing them.
//
// Threading: deliver() from the outbox worker only, like the couriers it wraps.
#pragma once

#include "host/jobs/outbox.hpp"
#include "host/sms/sms_gateway.hpp"

namespace courthub::sms {

class SmsCourier : public jobs::Courier {
 public:
  // Either may be null (not configured); both must outlive the courier.
  SmsCourier(const SmsGateway* gateway, jobs::Courier* dingtalk)
      : gateway_(gateway), dingtalk_(dingtalk) {}

  jobs::Delivery deliver(const jobs::OutboxMessage& message) override;

 private:
  const SmsGateway* gateway_;
  jobs::Courier* dingtalk_;
};

}  // namespace courthub::sms
