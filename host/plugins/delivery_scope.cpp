// SPDX-License-Identifier: Apache-2.0
// DeliveryScope: the thread-local current delivery, set and restored by a guard.
#include "host/plugins/delivery_scope.hpp"

#include <utility>

namespace courthub::plugins {
namespace {

thread_local std::optional<Delivery> t_delivery;

}  // namespace

DeliveryScope::DeliveryScope(std::optional<Delivery> delivery)
    : previous_(std::exchange(t_delivery, std::move(delivery))) {}

DeliveryScope::~DeliveryScope() {
  t_delivery = std::move(previous_);
}

std::optional<Delivery> DeliveryScope::current() {
  return t_delivery;
}

}  // namespace courthub::plugins
