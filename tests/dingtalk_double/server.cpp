// SPDX-License-Identifier: Apache-2.0
// DingTalkDouble: the in-process face of the double, over its state and its HTTP front.
#include "tests/dingtalk_double/server.hpp"

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
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
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

}  // namespace courthub::dingtalk_double
