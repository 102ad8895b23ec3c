// SPDX-License-Identifier: Apache-2.0
// StreamGateway: tickets, links, round-robin pushes, re-pushes of unsettled events.
#include "tests/dingtalk_double/stream_gateway.hpp"

#include <algorithm>
#include <chrono>

#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {
namespace {

bool live(const StreamLink& link) {
  return !link.closed && !link.drop && link.close_at_steady_ms == 0;
}

// The status an EVENT ACK's data carries ("SUCCESS", "LATER"), "" when it has none.
std::string ack_status(const Json& ack) {
  const Json* data = json::find(ack, "data");
  if (!data || !data->is_string()) return "";
  const Json parsed = Json::parse(data->get<std::string>(), nullptr, false);
  if (!parsed.is_object() || !parsed["status"].is_string()) return "";
  return parsed["status"].get<std::string>();
}

Json frame(const std::string& type, Json headers, const Json& data) {
  headers["contentType"] = "application/json";
  return Json::object({{"specVersion", "1.0"},
                       {"type", type},
                       {"headers", std::move(headers)},
                       {"data", data.dump()}});
}

}  // namespace

Json stream_event_frame(const std::string& event_type, const std::string& event_id,
                        const Json& data, int64_t now_ms, const std::string& corp_id,
                        const std::string& app_key) {
  const std::string now = std::to_string(now_ms);
  return frame("EVENT",
               Json::object({{"topic", "*"},
                             {"time", now},
                             {"eventType", event_type},
                             {"eventId", event_id},
                             {"eventCorpId", corp_id},
                             {"eventBornTime", now},
                             {"eventUnifiedAppId", app_key}}),
               data);
}

Json stream_callback_frame(const std::string& topic, const Json& data, int64_t now_ms,
                           const std::string& app_key) {
  return frame("CALLBACK",
               Json::object({{"topic", topic}, {"time", std::to_string(now_ms)}, {"appId", app_key}}),
               data);
}

Json stream_system_frame(const std::string& topic, const Json& data) {
  return frame("SYSTEM", Json::object({{"topic", topic}}), data);
}

void StreamGateway::set_endpoint(std::string endpoint) {
  std::lock_guard lock(mu_);
  endpoint_ = std::move(endpoint);
  shutting_down_ = false;
}

Json StreamGateway::open(const Json& subscriptions, int64_t now_ms) {
  std::lock_guard lock(mu_);
  std::string ticket = random_hex(16);
  tickets_[ticket] = Ticket{subscriptions, now_ms};
  return Json::object({{"endpoint", endpoint_}, {"ticket", ticket}});
}

std::shared_ptr<StreamLink> StreamGateway::connect(const std::string& ticket, int64_t now_ms) {
  std::lock_guard lock(mu_);
  auto it = tickets_.find(ticket);
  if (it == tickets_.end()) return nullptr;
  Ticket t = std::move(it->second);
  tickets_.erase(it);  // single use, also when it came too late
  if (now_ms - t.issued_ms > kTicketTtlMs) return nullptr;
  auto link = std::make_shared<StreamLink>();
  link->id = next_link_id_++;
  link->subscriptions = std::move(t.subscriptions);
  links_.push_back(link);
  ++opened_;
  std::deque<std::string> waiting;
  waiting.swap(waiting_);
  for (auto& id : waiting) deliver_locked(id);
  return link;
}

void StreamGateway::disconnected(const std::shared_ptr<StreamLink>& link) {
  std::lock_guard lock(mu_);
  link->closed = true;
  links_.erase(std::remove(links_.begin(), links_.end(), link), links_.end());
  std::vector<std::string> again;
  for (auto& [id, on] : on_link_)
    if (on == link->id && unsettled_.count(id)) again.push_back(id);
  for (auto& id : again) deliver_locked(id);
}

void StreamGateway::received(const StreamLink& link, const std::string& text) {
  Json ack = Json::parse(text, nullptr, false);
  std::lock_guard lock(mu_);
  acks_.push_back(
      Json::object({{"link", link.id}, {"frame", ack.is_discarded() ? Json(text) : ack}}));
  acked_.notify_all();
  if (!ack.is_object() || !ack["headers"].is_object() || !ack["headers"]["messageId"].is_string())
    return;  // not an ACK of ours: recorded for the test to see, nothing settled
  const std::string id = ack["headers"]["messageId"].get<std::string>();
  if (!unsettled_.count(id)) return;
  const std::string status = ack_status(ack);
  if (ack["code"] == 200 && status == "SUCCESS") {
    unsettled_.erase(id);
    on_link_.erase(id);
  } else if (status == "LATER") {
    deliver_locked(id);  // asked for a redelivery
  }
}

std::string StreamGateway::push(Json frame) {
  std::lock_guard lock(mu_);
  if (!frame["headers"].is_object()) frame["headers"] = Json::object();
  std::string id =
      frame["headers"]["messageId"].is_string() ? frame["headers"]["messageId"].get<std::string>() : "";
  if (id.empty()) {
    id = "double-msg-" + std::to_string(next_message_++);
    frame["headers"]["messageId"] = id;
  }
  const std::string text = frame.dump();
  sent_[id] = text;
  if (frame["type"] == "EVENT") unsettled_[id] = text;
  deliver_locked(id);
  return id;
}

std::string StreamGateway::push_again(const std::string& message_id) {
  Json frame;
  {
    std::lock_guard lock(mu_);
    auto it = sent_.find(message_id);
    if (it == sent_.end()) return "";
    frame = Json::parse(it->second);
  }
  frame["headers"].erase("messageId");
  return push(std::move(frame));
}

void StreamGateway::deliver_locked(const std::string& message_id) {
  auto it = sent_.find(message_id);
  if (it == sent_.end()) return;
  std::shared_ptr<StreamLink> link = next_live_locked();
  if (!link) {
    waiting_.push_back(message_id);
    on_link_[message_id] = 0;
    return;
  }
  link->outgoing.push_back(it->second);
  on_link_[message_id] = link->id;
}

std::shared_ptr<StreamLink> StreamGateway::next_live_locked() {
  for (size_t i = 0; i < links_.size(); ++i) {
    auto& link = links_[(round_robin_ + i) % links_.size()];
    if (live(*link)) {
      round_robin_ = (round_robin_ + i + 1) % links_.size();
      return link;
    }
  }
  return nullptr;
}

void StreamGateway::disconnect_all(const std::string& reason, int64_t grace_ms, int64_t steady_ms) {
  std::lock_guard lock(mu_);
  Json disconnect = stream_system_frame("disconnect", Json::object({{"reason", reason}}));
  disconnect["headers"]["messageId"] = "double-sys-" + std::to_string(next_message_++);
  const std::string text = disconnect.dump();
  for (auto& link : links_) {
    if (!live(*link)) continue;
    link->outgoing.push_back(text);
    link->close_at_steady_ms = steady_ms + grace_ms;
  }
}

void StreamGateway::drop_all() {
  std::lock_guard lock(mu_);
  for (auto& link : links_) link->drop = true;
}

void StreamGateway::set_silent(bool silent) {
  std::lock_guard lock(mu_);
  silent_ = silent;
}

bool StreamGateway::silent() const {
  std::lock_guard lock(mu_);
  return silent_;
}

size_t StreamGateway::live_connections() const {
  std::lock_guard lock(mu_);
  return static_cast<size_t>(
      std::count_if(links_.begin(), links_.end(), [](auto& l) { return live(*l); }));
}

int64_t StreamGateway::connections_opened() const {
  std::lock_guard lock(mu_);
  return opened_;
}

std::vector<Json> StreamGateway::acks() const {
  std::lock_guard lock(mu_);
  return acks_;
}

Json StreamGateway::wait_for_ack(const std::string& message_id, int64_t timeout_ms) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::unique_lock lock(mu_);
  size_t seen = 0;
  for (;;) {
    for (; seen < acks_.size(); ++seen) {
      const Json& f = acks_[seen]["frame"];
      const Json* headers = json::find(f, "headers");
      if (headers && json::get<std::string>(*headers, "messageId") == message_id) return f;
    }
    if (acked_.wait_until(lock, deadline) == std::cv_status::timeout) return Json();
  }
}

size_t StreamGateway::unsettled() const {
  std::lock_guard lock(mu_);
  return unsettled_.size();
}

StreamGateway::Work StreamGateway::take_work(const std::shared_ptr<StreamLink>& link,
                                             int64_t steady_ms) {
  std::lock_guard lock(mu_);
  Work w;
  if (shutting_down_ || link->drop) {
    w.drop = true;
    return w;
  }
  if (!silent_) {
    w.frames.assign(link->outgoing.begin(), link->outgoing.end());
    link->outgoing.clear();
  }
  w.close = link->close_at_steady_ms > 0 && steady_ms >= link->close_at_steady_ms;
  return w;
}

void StreamGateway::shut_down() {
  std::lock_guard lock(mu_);
  shutting_down_ = true;
}

bool StreamGateway::shutting_down() const {
  std::lock_guard lock(mu_);
  return shutting_down_;
}

void StreamGateway::reset() {
  std::lock_guard lock(mu_);
  acks_.clear();
  unsettled_.clear();
  on_link_.clear();
  sent_.clear();
  waiting_.clear();
  tickets_.clear();
  silent_ = false;
}

}  // namespace courthub::dingtalk_double
