// SPDX-License-Identifier: Apache-2.0
// Telling the parties of a remote hearing when it is, how to join and when to test.
//
// The outbox reaches DingTalk users only. A party with a `user_id` gets a work notice; for the
// others (most litigants) the organizer and the clerk get one work notice listing each party's
// phone and the text to send by SMS or telephone. Both are keyed, so a rerun never repeats them.
#pragma once

#include <optional>
#include <string>

#include <courthub/host.hpp>

#include "booking.hpp"
#include "hearing.hpp"

namespace rooms {

enum class HearingNoticeKind { Scheduled, Rescheduled, Canceled };

// The text a party receives.
std::string party_notice_text(const Hearing& h, const Booking& b,
                              const std::optional<Booking>& test, const std::string& court_name,
                              HearingNoticeKind kind);

class HearingNotices {
 public:
  explicit HearingNotices(const courthub::Host& host) : host_(host) {}
  // `late` adds a warning for the organizer that the notice period is no longer met.
  void send(const Hearing& h, const Booking& b, const std::optional<Booking>& test,
            HearingNoticeKind kind, bool late) const;

 private:
  const courthub::Host& host_;
};

}  // namespace rooms
