// SPDX-License-Identifier: Apache-2.0
// DispatchQueue: the transactional outbox between our database and the host's outbox and bus.
#include "dispatch_queue.hpp"

#include <algorithm>

namespace json = courthub::json;

namespace approvals {
namespace {

constexpr size_t kPurgeBatch = 500;
constexpr int64_t kMaxAttempts = 10;

}  // namespace

void Effects::notify(const std::vector<std::string>& users, const courthub::Message& message,
                     const std::string& key) {
  if (users.empty()) return;
  Json to = Json::array();
  for (auto& u : users) to.push_back(u);
  add("message", Json::object({{"users", to}, {"msg", message.msg}, {"key", key}}));
}

void Effects::publish(const std::string& name, const Json& payload) {
  add("event", Json::object({{"name", name}, {"payload", payload}}));
}

void Effects::add(std::string kind, Json body) {
  auto r = tx_.exec("INSERT INTO dispatch(kind, body, created_ms) VALUES (?, ?, ?)",
                    {kind, body.dump(), now_ms_});
  items_.push_back(DispatchItem{r.last_insert_id, std::move(kind), std::move(body)});
}

DispatchQueue::~DispatchQueue() {
  // Best effort on disable or reload: what this instance delivered should not be sent again by
  // the next one. The host keeps our database open until destroy returns.
  try {
    flush();
  } catch (...) {
  }
}

void DispatchQueue::flush() {
  {
    std::lock_guard lock(mu_);
    if (delivered_.empty()) return;
  }
  std::vector<int64_t> purged;
  host_.db().transaction([&](courthub::Sql& tx) { purged = purge(tx); });
  forget(purged);
}

std::vector<int64_t> DispatchQueue::purge(courthub::Sql& tx) {
  std::vector<int64_t> ids;
  {
    std::lock_guard lock(mu_);
    size_t n = std::min(delivered_.size(), kPurgeBatch);
    ids.assign(delivered_.begin(), delivered_.begin() + static_cast<std::ptrdiff_t>(n));
  }
  if (ids.empty()) return ids;
  Json list = Json::array();
  for (auto id : ids) list.push_back(id);
  // One statement whatever the count, so SQLite prepares it once.
  tx.exec("DELETE FROM dispatch WHERE id IN (SELECT value FROM json_each(?))", {list.dump()});
  return ids;
}

void DispatchQueue::forget(const std::vector<int64_t>& ids) {
  if (ids.empty()) return;
  std::lock_guard lock(mu_);
  std::erase_if(delivered_, [&](int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  });
}

bool DispatchQueue::deliver_one(const DispatchItem& item) {
  try {
    if (item.kind == "message") {
      host_.outbox().send(Json::object({{"users", json::get<courthub::Json>(item.body, "users")}}),
                          courthub::Message{json::get<courthub::Json>(item.body, "msg")},
                          json::get<std::string>(item.body, "key"));
    } else {
      host_.publish(json::get<std::string>(item.body, "name"),
                    json::get<courthub::Json>(item.body, "payload"));
    }
    std::lock_guard lock(mu_);
    delivered_.push_back(item.id);
    return true;
  } catch (const std::exception& e) {
    host_.warn("dispatch " + std::to_string(item.id) + " (" + item.kind +
               ") not delivered yet: " + e.what());
    return false;
  }
}

void DispatchQueue::deliver(const std::vector<DispatchItem>& items) {
  for (auto& item : items) deliver_one(item);
}

size_t DispatchQueue::redeliver(int64_t now_ms, int64_t grace_ms) {
  flush();

  auto rows = host_.db().query(
      "SELECT id, kind, body, attempts FROM dispatch WHERE created_ms <= ? ORDER BY id LIMIT 500",
      {now_ms - grace_ms});
  size_t sent = 0;
  for (auto& row : rows) {
    int64_t id = row.integer("id");
    {
      std::lock_guard lock(mu_);
      if (std::find(delivered_.begin(), delivered_.end(), id) != delivered_.end()) continue;
    }
    DispatchItem item{id, row.text("kind"), Json::parse(row.text("body"))};
    if (deliver_one(item)) {
      ++sent;
      continue;
    }
    int64_t attempts = row.integer("attempts") + 1;
    if (attempts >= kMaxAttempts) {
      host_.error("dispatch " + std::to_string(id) + " dropped after " +
                  std::to_string(attempts) + " attempts: " + row.text("body"));
      host_.db().exec("DELETE FROM dispatch WHERE id = ?", {id});
    } else {
      host_.db().exec("UPDATE dispatch SET attempts = ? WHERE id = ?", {attempts, id});
    }
  }
  flush();
  return sent;
}

}  // namespace approvals
