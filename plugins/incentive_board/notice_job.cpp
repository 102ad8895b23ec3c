// SPDX-License-Identifier: Apache-2.0
// The workday job: each court's presidents get their court's notice, the group robot the digest.
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "history.hpp"
#include "notices.hpp"

namespace board {
namespace {

using courthub::Message;

// "08:30" -> "30 8 * * *". The settings reader has checked the form; anything else falls back
// to 08:00 rather than leaving the board silent.
std::string cron_of(const std::string& hh_mm) {
  int h = -1, m = -1;
  char tail = 0;
  if (std::sscanf(hh_mm.c_str(), "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 ||
      m > 59)
    return "0 8 * * *";
  return std::to_string(m) + " " + std::to_string(h) + " * * *";
}

// The civil day (Asia/Shanghai) of a Unix instant.
Day day_at(int64_t unix_ms) {
  return static_cast<Day>(
      std::chrono::sys_days(courthub::time::local_date(unix_ms)).time_since_epoch().count());
}

std::map<std::string, std::vector<std::string>> presidents_by_court(const courthub::Host& host) {
  courthub::PeopleQuery q;
  q.role = "president";
  std::map<std::string, std::vector<std::string>> out;
  for (const courthub::Person& p : host.directory().people(q))
    out[p.court_code].push_back(p.user_id);
  return out;
}

void send_notices(courthub::Host& host, const BoardState& state, int64_t scheduled_ms) {
  BoardSettings s;
  {
    std::shared_lock lock(state.mutex);
    s = state.settings;
  }
  if (!s.notices) return;
  Day today = day_at(scheduled_ms);
  if (!host.calendar().is_workday(std::chrono::sys_days(std::chrono::days(today)))) return;
  Day as_of = today - 1;
  std::shared_ptr<const DayBoard> board = court_day(host, state, as_of);
  const DayBoard& day = *board;
  NoticeText digest = province_digest(day, s);
  std::string date = iso_of(as_of);

  // One failed send (a court's notice refused by the outbox) must not keep the others from going
  // out: each is tried, and the run fails afterwards naming how many failed.
  int failed = 0;
  std::string first_error;
  auto send = [&](auto&& how) {
    try {
      how();
    } catch (const std::exception& e) {
      if (failed++ == 0) first_error = e.what();
    }
  };
  auto presidents = presidents_by_court(host);
  for (const DayMember& m : day.members) {
    auto to = presidents.find(m.code);
    if (to == presidents.end()) continue;
    const DayGroup* g = find_group(day, m.group);
    NoticeText n = g && g->ranked ? court_notice(day, m, s) : digest;
    send([&] {
      host.outbox().to_users(to->second, Message::markdown(n.title, n.text),
                             "board-notice-" + m.code + "-" + date);
    });
  }
  if (!s.group_robot.empty())
    send([&] {
      host.outbox().to_group_robot(s.group_robot, Message::markdown(digest.title, digest.text),
                                   "board-digest-" + date);
    });
  if (failed > 0)
    throw courthub::Unavailable(std::to_string(failed) + " board notice(s) of " + date +
                                " not queued; first: " + first_error);
}

}  // namespace

std::shared_ptr<const DayBoard> court_day(courthub::Host& host, const BoardState& state,
                                          Day as_of) {
  if (auto kept = kept_court_board(host, state, as_of)) return kept;
  auto previous = kept_standings(host, as_of - 1, false);
  return std::make_shared<const DayBoard>(compute_day(state, as_of, std::nullopt,
                                                      previous ? &*previous : nullptr, nullptr,
                                                      JudgeScope::no_judges())
                                              .courts);
}

void register_board_notices(courthub::Registrar& r, courthub::Host& host, BoardState& state) {
  std::string cron;
  {
    std::shared_lock lock(state.mutex);
    cron = cron_of(state.settings.notice_time);
  }
  r.schedule("notices", cron, [&host, &state](const courthub::Job& job) {
    send_notices(host, state, job.scheduled_ms);
  });
}

}  // namespace board
