// SPDX-License-Identifier: Apache-2.0
// Effects: the work notifications and events one write transaction decides, sent through the
// SDK's transaction so that they go out only if it commits, exactly once (docs/plugins.md,
// "Effects inside a transaction").
//
// Ownership: borrows the host and the transaction; valid only inside the transaction body.
// Threading: the body's thread. Errors: courthub::Error from the host (the transaction then
// rolls back).
#pragma once

#include <courthub/host.hpp>

#include <string>
#include <utility>
#include <vector>

namespace approvals {

using courthub::Json;

// What one transaction decided to tell people and other plugins.
class Effects {
 public:
  Effects(const courthub::Host& host, courthub::Transaction& tx) : host_(host), tx_(tx) {}

  // A work notification to `users`; `key` (unique per logical message) makes resending harmless.
  void notify(const std::vector<std::string>& users, const courthub::Message& message,
              const std::string& key) const {
    if (users.empty()) return;
    host_.outbox().in(tx_).to_users(users, message, key);
  }
  // New values for some keys of a card sent earlier (every recipient's copy); nothing happens
  // for a card that never reached DingTalk.
  void update_card(const std::string& out_track_id, const Json& card_data,
                   const std::string& key) const {
    host_.outbox().in(tx_).update_card(out_track_id, card_data, key);
  }
  // "approvals.<name>" for other plugins; `key` names what is announced, so a retried request
  // or a redelivered DingTalk event does not announce it twice.
  void publish(const std::string& name, const Json& payload, const std::string& key) const {
    tx_.publish(name, payload, name + ":" + key);
  }

 private:
  const courthub::Host& host_;
  courthub::Transaction& tx_;
};

// Runs body(tx, effects) in one write transaction; what body sends through `effects` goes out
// after the commit. Returns what body returns; an exception rolls everything back and sends
// nothing.
template <class F>
auto transaction(courthub::Host& host, F&& body) {
  return host.db().transaction([&](courthub::Transaction& tx) {
    Effects effects(host, tx);
    return body(static_cast<courthub::Sql&>(tx), effects);
  });
}

}  // namespace approvals
