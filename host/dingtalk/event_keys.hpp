// SPDX-License-Identifier: Apache-2.0
// The de-duplication key of a DingTalk event. DingTalk's HTTP push carries no universal event
// id and delivers at least once, so the key is built from the event type and the fields that
// identify one occurrence (docs/dingtalk-events.md lists the rule per type).
#pragma once

#include <string>

#include "courthub/json.hpp"

namespace courthub::dingtalk {

// Pure function of the decrypted event. Never empty.
std::string event_dedup_key(const Json& event);

// The contact events that keep the host directory in step with DingTalk.
bool is_contact_event(const std::string& event_type);

}  // namespace courthub::dingtalk
