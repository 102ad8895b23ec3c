// SPDX-License-Identifier: Apache-2.0
// The plugin's parts, built once at activation and shared (read-only) by every handler thread:
// all mutable state lives in the database.
#pragma once

#include <chrono>
#include <cstdint>

#include <courthub/host.hpp>

#include "approval.hpp"
#include "booking_clock.hpp"
#include "booking_desk.hpp"
#include "booking_store.hpp"
#include "free_busy.hpp"
#include "notices.hpp"
#include "remote_hearing.hpp"
#include "room_catalog.hpp"
#include "settings.hpp"

namespace rooms {

struct RoomsApp {
  RoomsApp(courthub::Host& host, const Settings& settings)
      : host(host),
        settings(settings),
        catalog(host.db()),
        store(host.db()),
        notices(host, settings, store),
        approvals(host, store, notices),
        desk(host, settings, catalog, store, notices, approvals),
        hearings(host, desk),
        clock(settings, store, notices, hearings, approvals),
        free_busy(catalog, store) {
    approvals.on_deciding(
        [this](const courthub::Transaction& tx, const std::vector<Booking>& decided,
               int64_t now_ms) { hearings.bookings_deciding(tx, decided, now_ms); });
    approvals.on_decision([this](const std::vector<Booking>& decided, int64_t now_ms) {
      hearings.bookings_decided(decided, now_ms);
    });
  }

  courthub::Host& host;
  const Settings& settings;
  RoomCatalog catalog;
  BookingStore store;
  Notices notices;
  RoomApprovals approvals;
  BookingDesk desk;
  RemoteHearings hearings;
  BookingClock clock;
  FreeBusy free_busy;
};


}  // namespace rooms
