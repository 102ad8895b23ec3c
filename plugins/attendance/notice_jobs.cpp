// SPDX-License-Identifier: Apache-2.0
// notice_jobs.cpp — the reminder, digest and monthly-report jobs (notices.hpp): who gets what,
// when, read from the directory, the Schedule and the Timesheet at each run.
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "group_store.hpp"
#include "month_summary.hpp"
#include "notices.hpp"
#include "person_access.hpp"
#include "timesheet.hpp"

namespace attendance {
namespace {

namespace time = courthub::time;
using courthub::Message;
using courthub::Person;

// "08:30" -> "30 8 * * *"; the settings reader checked the form, anything else falls back to
// `fallback` rather than leaving the job unscheduled.
std::string daily_cron(const std::string& hh_mm, const char* fallback) {
  int h = -1, m = -1;
  char tail = 0;
  if (std::sscanf(hh_mm.c_str(), "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 ||
      m > 59)
    return fallback;
  return std::to_string(m) + " " + std::to_string(h) + " * * *";
}

Date plus_days(Date d, int n) {
  return Date{std::chrono::sys_days{d} + std::chrono::days{n}};
}

bool is_workday(const courthub::Host& host, Date d) {
  return host.calendar().is_workday(std::chrono::sys_days{d});
}

// Tries every send; a failed one does not keep the others back. Throws at the end naming how
// many failed.
class Sends {
 public:
  explicit Sends(std::string job) : job_(std::move(job)) {}
  template <class F>
  void attempt(F&& send) {
    try {
      send();
    } catch (const std::exception& e) {
      if (failed_++ == 0) first_error_ = e.what();
    }
  }
  void finish() const {
    if (failed_ > 0)
      throw courthub::Unavailable(job_ + ": " + std::to_string(failed_) +
                                  " message(s) not queued; first: " + first_error_);
  }

 private:
  std::string job_;
  int failed_ = 0;
  std::string first_error_;
};

int64_t run_time(courthub::Host& host, const courthub::Job& job) {
  return job.scheduled_ms != 0 ? job.scheduled_ms : host.now_ms();
}

void remind(courthub::Host& host, const Settings& settings, int64_t at_ms) {
  const Date today = time::local_date(at_ms);
  const int minute = time::local_minute(at_ms);
  // Most minutes of a day start no shift: answer those from the shifts table alone, without
  // reading the whole directory.
  bool any_shift_due = false;
  for (const Shift& s : load_shifts(host.db()))
    if (!s.sections.empty() &&
        s.sections.front().on_minute + settings.remind_after_minutes == minute)
      any_shift_due = true;
  if (!any_shift_due) return;
  std::vector<Person> due;
  std::vector<int> due_plan;
  {
    const Schedule schedule(host, today, today);
    for (const Person& p : host.directory().people({})) {
      const DayPlan plan = schedule.plan(p, today);
      if (plan.kind != DayKind::Work || !plan.shift || plan.shift->sections.empty()) continue;
      const int first_on = plan.shift->sections.front().on_minute;
      if (first_on + settings.remind_after_minutes != minute) continue;
      due.push_back(p);
    }
  }
  if (due.empty()) return;
  const auto days = Timesheet(host, settings).people(due, today, today);
  Sends sends("attendance-remind");
  for (const Person& p : due) {
    const auto it = days.find(p.user_id);
    if (it == days.end() || it->second.empty()) continue;
    const DayResult& r = it->second.front().result;
    // Absent so far is fine too: then no check is signed, the first included.
    if (r.checks.empty() || r.checks.front().source != CheckSource::None) continue;
    const NoticeText n = reminder_text(today, r.checks.front().plan.plan_minute, settings.page_url);
    sends.attempt([&] {
      host.outbox().to_users({p.user_id}, Message::markdown(n.title, n.text),
                             "remind:" + p.user_id + ":" + time::format_date(today));
    });
  }
  sends.finish();
}

// The days a workday's digest tells: from the previous workday through yesterday (Monday's covers
// Friday and the weekend's duty days, so no workday's exceptions are left untold).
std::vector<Date> digest_days(const courthub::Host& host, Date today) {
  std::vector<Date> days;
  for (int back = 1; back <= 31; ++back) {
    const Date d = plus_days(today, -back);
    days.insert(days.begin(), d);
    if (is_workday(host, d)) break;
  }
  return days;
}

void digest(courthub::Host& host, const Settings& settings, int64_t at_ms) {
  const Date today = time::local_date(at_ms);
  if (!is_workday(host, today)) return;
  const std::vector<Date> told = digest_days(host, today);
  const Timesheet timesheet(host, settings);
  Sends sends("attendance-digest");
  for (const courthub::Court& court : host.directory().courts()) {
    const DeptTree tree(host.directory(), court.code);
    bool any_head = false;
    for (const auto& [id, d] : tree.all()) any_head = any_head || !d.head.empty();
    if (!any_head) continue;
    const auto people = host.directory().people({court.code, "", ""});
    if (people.empty()) continue;
    const auto days = timesheet.people(people, told.front(), told.back());
    for (size_t i = 0; i < told.size(); ++i) {
      for (const auto& entry : tree.all()) {
        const auto& dept = entry.second;  // a reference the lambda below may capture
        if (dept.head.empty()) continue;
        const auto members = tree.subtree(dept.id);
        std::vector<DigestEntry> entries;
        for (const Person& p : people) {
          if (!members.count(p.dept_id)) continue;
          const auto it = days.find(p.user_id);
          if (it == days.end() || it->second.size() <= i) continue;
          entries.push_back({p.name, it->second[i].result});
        }
        const auto n = digest_text(dept.name, told[i], entries, settings.page_url);
        if (!n) continue;
        sends.attempt([&] {
          host.outbox().to_users({dept.head}, Message::markdown(n->title, n->text),
                                 "digest:" + dept.id + ":" + time::format_date(told[i]));
        });
      }
    }
  }
  sends.finish();
}

void monthly(courthub::Host& host, const Settings& settings, int64_t at_ms) {
  const Date today = time::local_date(at_ms);
  if (!is_workday(host, today)) return;
  const Date first_of_month = today.year() / today.month() / std::chrono::day{1};
  // The month's first workday: no workday from its 1st up to yesterday.
  if (today != first_of_month &&
      host.calendar().workdays_between(std::chrono::sys_days{first_of_month},
                                       std::chrono::sys_days{plus_days(today, -1)}) > 0)
    return;
  const Date last = plus_days(first_of_month, -1);
  const Date first = last.year() / last.month() / std::chrono::day{1};
  const int year = static_cast<int>(last.year());
  const unsigned month = static_cast<unsigned>(last.month());
  char ym[16];
  std::snprintf(ym, sizeof ym, "%04d-%02u", year, month);

  const Timesheet timesheet(host, settings);
  Sends sends("attendance-monthly");
  for (const courthub::Court& court : host.directory().courts()) {
    const auto people = host.directory().people({court.code, "", ""});
    std::vector<std::string> admins;
    for (const Person& p : people)
      if (p.has_role("court_admin")) admins.push_back(p.user_id);
    if (admins.empty()) continue;
    const auto days = timesheet.people(people, first, last);
    std::vector<MonthEntry> entries;
    for (const Person& p : people) {
      const auto it = days.find(p.user_id);
      entries.push_back(
          {p.name, p.dept_name, it == days.end() ? PersonMonth{} : summarize_month(it->second)});
    }
    const NoticeText n = monthly_text(court.name, year, month, entries,
                                      summary_csv_link(settings, court.code, year, month));
    sends.attempt([&] {
      host.outbox().to_users(admins, Message::markdown(n.title, n.text),
                             "monthly:" + court.code + ":" + ym);
    });
  }
  sends.finish();
}

}  // namespace

void register_notices(courthub::Registrar& r, courthub::Host& host, const Settings& settings) {
  r.schedule("attendance-remind", "* * * * *", [&host, &settings](const courthub::Job& job) {
    remind(host, settings, run_time(host, job));
  });
  r.schedule("attendance-digest", daily_cron(settings.digest_time, "30 8 * * *"),
             [&host, &settings](const courthub::Job& job) {
               digest(host, settings, run_time(host, job));
             });
  r.schedule("attendance-monthly", daily_cron(settings.monthly_report_time, "0 9 * * *"),
             [&host, &settings](const courthub::Job& job) {
               monthly(host, settings, run_time(host, job));
             });
}

}  // namespace attendance
