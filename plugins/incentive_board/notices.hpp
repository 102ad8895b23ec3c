// SPDX-License-Identifier: Apache-2.0
// What the board tells people: the president's work notice for one court, the province digest for
// the group robot, and the workday job that sends them.
//
// The texts are pure functions of one day's court board (a DayBoard, kept by history or computed:
// day_board.hpp), which already carries each court's standing the day before. Wording rules
// (docs/incentive_board.md, "Notices and robot"): every text ends with kDisclaimer; in no-rank
// mode no text carries an ordinal rank ("第N名") or courts listed in ranked order, only bands; no
// personal data beyond court names.
//
// Threading: the builders are pure and may run concurrently. Errors: none (a court without a
// composite or a weakest indicator gets a sentence saying so, not an exception).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <courthub/host.hpp>
#include <courthub/plugin.hpp>

#include "board_settings.hpp"
#include "board_state.hpp"
#include "case_record.hpp"
#include "day_board.hpp"
#include "scoring.hpp"

namespace board {

// The SPC's 2024 line (数据主要供研判、分析使用，不得通报排名): the board informs, it does not appraise.
inline constexpr std::string_view kDisclaimer =
    "本通报用于查找短板、改进工作，不作为考核评价依据。";

// A markdown message as DingTalk shows it: `title` in the notification list, `text` opened.
struct NoticeText {
  std::string title;
  std::string text;
};

// One indicator value in its unit: rates "85.32%", A3 "45.3 天", E1 "123.4 件", ratios "1.23".
std::string format_value(int indicator, double value);
// The gap of `value` to the peer median in the indicator's unit, in words that say which side is
// better by the indicator's direction: "落后中位数 0.75 个百分点", "优于中位数 3.0 天", "与中位数持平".
std::string format_gap(int indicator, double value, double peer_median);
// A no-rank band in words: 前25%, 25%–50%, 50%–75%, 后25%.
std::string_view band_words(Band b);
// settings.page_url + "#/court/<code>", or "" when page_url is empty (no links at all).
std::string court_link(const BoardSettings& s, std::string_view court_code);

// The president's work notice for court `m` of day `d`: standing (ranked mode: 第N名/共M家 in
// its peer group and the change since the day before; no-rank mode: the band), composite and its
// change, the three weakest indicators with value, peer median and gap, the link to its page.
// A court of an unranked group (the high court) gets a sentence saying it is not ranked.
NoticeText court_notice(const DayBoard& d, const DayMember& m, const BoardSettings& s);

// The three weakest indicators of `m` with value, peer median, best peer value and the gap (the
// robot's `board weakest`).
NoticeText weakest_notice(const DayBoard& d, const DayMember& m, const BoardSettings& s);

// The province digest for the group robot: per ranked peer group the number of courts; ranked
// mode: the first three; no-rank mode: how many courts are in each band; and the indicators with
// most red courts (with the peer median).
NoticeText province_digest(const DayBoard& d, const BoardSettings& s);

// The court board of `as_of` as the texts read it: the kept day if history has it (shared, see
// kept_court_board), else computed from the cases now (with the day before's standings). Never
// null. Takes state.mutex shared while computing: call it without holding the mutex. Errors: the
// database's and the computation's, passed through.
std::shared_ptr<const DayBoard> court_day(courthub::Host& host, const BoardState& state,
                                          Day as_of);

// Registers the job "notices" at settings.notice_time every day (Asia/Shanghai). On a workday of
// the host's work calendar it takes as_of = the day before and sends each court's presidents
// their court's work notice (one message per court, outbox key per court and as_of, so a rerun
// sends nothing twice) — the presidents of the unranked high court get the province digest —
// and the digest to settings.group_robot unless it is "". settings.notices false: nothing.
// Threading: the job reads the settings and the board under state.mutex shared, sends without
// it. Errors: the registrar's (courthub::Error); a failing send fails the run (the host logs it).
void register_board_notices(courthub::Registrar& r, courthub::Host& host, BoardState& state);

}  // namespace board
