// SPDX-License-Identifier: Apache-2.0
// DeliveryScope: which inbox event the plugin code on this thread is handling right now.
//
// While the host delivers event E to plugin P, every write transaction P commits in its own
// database also records a delivery receipt for E (delivery_receipt.hpp), so that a redelivery
// after a crash finds it and does not call the handler again. The host table learns which
// delivery a call belongs to from this thread-local scope: PluginInstance::event sets it around
// the handler call on the call-lane thread that runs the plugin (in process isolation that is
// the thread serving the runner's host calls too). A transaction body may run on another
// caller's thread (group commit), so db_transaction reads the scope when the transaction is
// submitted and sets it again around the body wherever that runs.
//
// Threading: each thread has its own scope; a guard belongs to the thread that made it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace courthub::plugins {

struct Delivery {
  std::string plugin;    // the plugin whose handler runs
  int64_t event_id = 0;  // the inbox event it handles
};

class DeliveryScope {
 public:
  // Makes `delivery` (nullopt: none) this thread's current delivery until the guard ends, then
  // restores what was current before. Never fails.
  explicit DeliveryScope(std::optional<Delivery> delivery);
  ~DeliveryScope();
  DeliveryScope(const DeliveryScope&) = delete;
  DeliveryScope& operator=(const DeliveryScope&) = delete;

  // The delivery whose handler runs on this thread, if any (a copy).
  static std::optional<Delivery> current();

 private:
  std::optional<Delivery> previous_;
};

}  // namespace courthub::plugins
