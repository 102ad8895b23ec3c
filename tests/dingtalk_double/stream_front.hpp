// SPDX-License-Identifier: Apache-2.0
// The WebSocket side of the double's Stream gateway: GET /connect?ticket=... upgraded, then one
// thread per connection writing what the gateway queues and reading the client's ACKs, pings
// and close. (HttpFront hands such requests here; stream_gateway.hpp holds the state.)
#pragma once

#include <memory>

#include "tests/dingtalk_double/double_state.hpp"

namespace Poco::Net {
class HTTPRequestHandler;
class HTTPServerRequest;
}  // namespace Poco::Net

namespace courthub::dingtalk_double {

// Whether `request` asks for the Stream WebSocket (path /connect with an Upgrade header).
bool is_stream_connect(const Poco::Net::HTTPServerRequest& request);
// A handler serving one Stream connection until either side closes it or the double stops.
// The caller owns the result (POCO's factory convention).
Poco::Net::HTTPRequestHandler* make_stream_handler(std::shared_ptr<DoubleState> state);

}  // namespace courthub::dingtalk_double
