// SPDX-License-Identifier: Apache-2.0
// DingTalkDouble: the in-process face of the double, over its state and its HTTP front.
#include "tests/dingtalk_double/server.hpp"

#include <chrono>

#include "tests/dingtalk_double/double_state.hpp"
#include "tests/dingtalk_double/http_front.hpp"

namespace courthub::dingtalk_double {

DingTalkDouble::DingTalkDouble(DoubleOptions options)
    : state_(std::make_shared<DoubleState>(std::move(options))),
      front_(std::make_unique<HttpFront>(state_)) {}

DingTalkDouble::~DingTalkDouble() = default;  // HttpFront's destructor stops serving

void DingTalkDouble::start() {
  front_->start();
}

void DingTalkDouble::stop() {
  front_->stop();
}

uint16_t DingTalkDouble::port() const {
  return front_->port();
}

std::string DingTalkDouble::base_url() const {
  const std::string& host = state_->options.host;
  // An IPv6 literal needs brackets inside a URL.
  const bool ipv6 = host.find(':') != std::string::npos;
  const char* scheme = state_->options.tls_cert_file.empty() ? "http://" : "https://";
  return scheme + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

void DingTalkDouble::add_user(const Json& user) {
  state_->users.add(user);
}

void DingTalkDouble::add_department(const Json& department) {
  state_->users.add_department(department);
}

std::string DingTalkDouble::issue_auth_code(const std::string& userid) {
  return state_->users.issue_code(userid, state_->now_ms());
}

std::vector<Json> DingTalkDouble::requests(const std::string& path_prefix) const {
  return state_->log.entries(path_prefix);
}

std::vector<Json> DingTalkDouble::sms_received() const { return state_->sms.received(); }

void DingTalkDouble::fail_next(const std::string& path, int count, int http_status, int errcode) {
  state_->failures.fail_next(path, count, http_status, errcode);
}

void DingTalkDouble::set_down(bool down) {
  state_->failures.set_down(down);
}

void DingTalkDouble::reset() {
  state_->reset();
}

void DingTalkDouble::add_group_robot(const std::string& access_token, const std::string& secret) {
  state_->robots.add(access_token, secret);
}


std::string DingTalkDouble::stream_push_event(const std::string& event_type,
                                              const std::string& event_id, const Json& data) {
  return state_->stream.push(stream_event_frame(event_type, event_id, data, state_->now_ms(),
                                                state_->options.corp_id,
                                                state_->options.app_key));
}

std::string DingTalkDouble::stream_push_callback(const std::string& topic, const Json& data) {
  return state_->stream.push(
      stream_callback_frame(topic, data, state_->now_ms(), state_->options.app_key));
}

std::string DingTalkDouble::stream_ping(const std::string& opaque) {
  return state_->stream.push(stream_system_frame("ping", Json::object({{"opaque", opaque}})));
}

std::string DingTalkDouble::stream_push_again(const std::string& message_id) {
  return state_->stream.push_again(message_id);
}

void DingTalkDouble::stream_disconnect_all(const std::string& reason, int64_t grace_ms) {
  const int64_t steady = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
  state_->stream.disconnect_all(reason, grace_ms, steady);
}

void DingTalkDouble::stream_drop_all() { state_->stream.drop_all(); }
void DingTalkDouble::stream_set_silent(bool silent) { state_->stream.set_silent(silent); }
size_t DingTalkDouble::stream_connections() const { return state_->stream.live_connections(); }
int64_t DingTalkDouble::stream_connections_opened() const {
  return state_->stream.connections_opened();
}
std::vector<Json> DingTalkDouble::stream_acks() const { return state_->stream.acks(); }
size_t DingTalkDouble::stream_unsettled() const { return state_->stream.unsettled(); }

}  // namespace courthub::dingtalk_double
