// SPDX-License-Identifier: Apache-2.0
// The local DingTalk double: an HTTP server on loopback that answers the DingTalk open-API calls
// courthub makes, records them, and fails on demand. See docs/dingtalk-double.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "tests/dingtalk_double/options.hpp"

namespace courthub::dingtalk_double {

struct DoubleState;
class HttpFront;

// Every member function is thread-safe; the test-setup calls may be made before start(), while
// serving, or after stop().
class DingTalkDouble {
 public:
  explicit DingTalkDouble(DoubleOptions options = {});
  ~DingTalkDouble();  // stops serving
  DingTalkDouble(const DingTalkDouble&) = delete;
  DingTalkDouble& operator=(const DingTalkDouble&) = delete;

  // Binds host:port and serves on a private thread pool. Throws Poco::Exception when the address
  // cannot be bound and std::logic_error when already started. Thread-safe.
  void start();
  // Stops accepting, aborts open connections and waits for handler threads. Idempotent; a stopped
  // double can start() again (on a new port when options.port is 0). Thread-safe.
  void stop();
  // The bound port while started, options.port otherwise. Thread-safe.
  uint16_t port() const;
  // "http://HOST:PORT" ("https://" with options.tls_cert_file). Thread-safe.
  std::string base_url() const;

  // Adds or replaces a user ({"userid","name","dept_id_list":[...],"mobile",...}). Throws
  // std::invalid_argument without a string "userid". Thread-safe.
  void add_user(const Json& user);
  // Adds or replaces a department ({"dept_id": N, "name", "parent_id"}). Thread-safe.
  void add_department(const Json& department);
  // A code for the 免登 flow: single use, expires after 5 minutes. Throws std::invalid_argument
  // for an unknown user. Thread-safe.
  std::string issue_auth_code(const std::string& userid);
  // Recorded API calls whose path starts with path_prefix ("" = all), oldest first. Thread-safe.
  std::vector<Json> requests(const std::string& path_prefix = "") const;
  // SMS messages POST /sms/send accepted ({"id","mobile","content","at_ms"}), oldest first.
  // Thread-safe.
  std::vector<Json> sms_received() const;
  // The next `count` calls to exactly `path` fail: http_status != 200 answers that status with
  // errcode -1; http_status 200 answers that errcode. Throws std::invalid_argument on a plan that
  // is not a failure. Thread-safe.
  void fail_next(const std::string& path, int count, int http_status, int errcode);
  // While down, every API call answers 503 (control endpoints keep working). Thread-safe.
  void set_down(bool down);
  // Forgets recorded calls, failure plans, down mode, auth codes and robot rate windows; keeps
  // users, robots and issued tokens. Thread-safe.
  void reset();
  // Registers a custom group robot; secret "" = unsigned (no 加签). Thread-safe.
  void add_group_robot(const std::string& access_token, const std::string& secret);

  // --- Stream mode (dingtalk-protocol.md §5; stream_gateway.hpp). All thread-safe. ---
  // Pushes an EVENT frame ({"type": "EVENT", "headers": {eventType, eventId, ...}, "data": the
  // event's JSON as a string}) to one open connection, or to the next one to open. It is pushed
  // again until an ACK says SUCCESS (to another connection when its own closes). Returns the
  // frame's messageId.
  std::string stream_push_event(const std::string& event_type, const std::string& event_id,
                                const Json& data);
  // Pushes a CALLBACK frame on `topic` (/v1.0/im/bot/messages/get, /v1.0/card/instances/callback)
  // with `data` as its JSON string. Returns the messageId.
  std::string stream_push_callback(const std::string& topic, const Json& data);
  // Pushes a SYSTEM ping carrying `opaque`. Returns the messageId.
  std::string stream_ping(const std::string& opaque);
  // Pushes the frame of `message_id` again under a new messageId (a duplicate, same eventId).
  std::string stream_push_again(const std::string& message_id);
  // Sends every connection a SYSTEM disconnect and closes it `grace_ms` later.
  void stream_disconnect_all(const std::string& reason, int64_t grace_ms = 10000);
  // Closes every connection at once without a close frame.
  void stream_drop_all();
  // Silent: nothing is written to any connection, pongs included, until set back.
  void stream_set_silent(bool silent);
  size_t stream_connections() const;         // open now
  int64_t stream_connections_opened() const;  // ever
  // The ACKs received ({"link", "frame"}), oldest first.
  std::vector<Json> stream_acks() const;
  // EVENT frames pushed and not yet acknowledged with SUCCESS.
  size_t stream_unsettled() const;

 private:
  const std::shared_ptr<DoubleState> state_;  // shared with in-flight handlers
  const std::unique_ptr<HttpFront> front_;
};

}  // namespace courthub::dingtalk_double
