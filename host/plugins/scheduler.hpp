// SPDX-License-Identifier: Apache-2.0
// Fires the plugins' cron jobs at their next due minute, in each job's time zone.
//
// Runs missed while the host was down are not replayed: after a start the next run is the next
// due instant. A job whose previous run is still going skips the run that comes due meanwhile.
// On PostgreSQL, where several hosts share job_runs, each slot runs on one host: the one that
// claims it first (its row's last_scheduled_ms moved to the slot).
// Threading: start/stop/refresh from the control thread; one timer thread and a small pool run
// the jobs, so a slow job does not delay the others.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "host/outcome.hpp"
#include "host/plugins/plugin_set.hpp"
#include "host/storage/database.hpp"
#include "host/time/clock.hpp"

namespace courthub::plugins {

class Scheduler {
 public:
  // Jobs come due by `clock`; the timer looks at it at least once a second, so a test clock
  // moved forward fires what became due within a second. Everything passed in must outlive
  // the scheduler.
  Scheduler(plugins::PluginSet& plugins, storage::Database& host_db, const time::Clock& clock,
            int workers = 2)
      : plugins_(plugins), db_(host_db), clock_(clock), workers_(workers) {}
  ~Scheduler() { stop(); }

  void start();
  void stop();
  // Re-reads the live plugins' jobs (after a reload).
  void refresh();
  // Makes the timer look at the clock now rather than within the second (after a test clock
  // moved). Any thread; never fails.
  void wake();

  // Runs a job now on the calling thread, as the timer would. NotFound for an unknown job.
  Outcome run_now(const std::string& plugin, const std::string& job, int64_t scheduled_ms);

  struct Run {
    std::string plugin, job;
    int64_t scheduled_ms = 0;
    Outcome result;
  };
  // Runs, on the calling thread, every job that has come due by the clock and is not running,
  // exactly as the timer thread would: once each, however many of its slots passed (missed slots
  // are not replayed), then schedules its next slot. For a scheduler that was not start()ed:
  // the test harness moves its clock and calls this.
  std::vector<Run> run_due();

  struct Entry {
    std::weak_ptr<plugins::PluginInstance> instance;
    std::string plugin, job, cron, time_zone;
    uint64_t handler = 0;
    int64_t next_ms = 0;
    std::shared_ptr<std::atomic<bool>> running = std::make_shared<std::atomic<bool>>(false);
  };
  // The current timetable, for /admin.
  std::vector<Entry> timetable() const;

 private:
  void timer_loop();
  void worker_loop();
  struct Task {
    Entry entry;
    int64_t scheduled_ms;
  };
  // Under mu_: marks the jobs due at `now` running, moves their next slot on, returns them.
  std::vector<Task> take_due(int64_t now);
  // False when this slot of the job is not this host's to run (another host sharing the
  // database claimed it, or the claim could not be written).
  bool claim_slot(const Entry& entry, int64_t scheduled_ms);
  Outcome execute(const Entry& entry, int64_t scheduled_ms);

  plugins::PluginSet& plugins_;
  storage::Database& db_;
  const time::Clock& clock_;
  int workers_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Entry> entries_;
  std::vector<Task> tasks_;
  std::condition_variable tasks_cv_;
  bool dirty_ = true;
  std::atomic<bool> running_{false};
  std::thread timer_;
  std::vector<std::thread> pool_;
};

}  // namespace courthub::plugins
