// SPDX-License-Identifier: Apache-2.0
// Scheduler: the cron timetable, its timer thread and the job runners.
#include "host/plugins/scheduler.hpp"

#include <chrono>

#include "host/log.hpp"
#include "host/time/cron.hpp"
#include "host/time/time_zone.hpp"

namespace courthub::plugins {
namespace {

// Registration already validated the expression and the zone (PluginInstance::schedule).
int64_t next_fire(const std::string& cron, const std::string& tz, int64_t after) {
  auto expr = time::CronExpression::parse(cron);
  auto zone = time::find_zone(tz);
  if (!expr || !zone) return INT64_MAX;
  return expr->next_after(after, **zone).value_or(INT64_MAX);
}

}  // namespace

void Scheduler::refresh() {
  std::vector<Entry> fresh;
  const int64_t now = clock_.now_ms();
  for (auto& inst : plugins_.live_all()) {
    for (auto& j : inst->jobs()) {
      Entry e;
      e.instance = inst;
      e.plugin = inst->name();
      e.job = j.name;
      e.cron = j.cron;
      e.time_zone = j.time_zone;
      e.handler = j.handler;
      e.next_ms = next_fire(j.cron, j.time_zone, now);
      fresh.push_back(std::move(e));
    }
  }
  {
    std::lock_guard lock(mu_);
    // Keep the running flag of jobs that survive a reload, so overlap protection holds.
    for (auto& f : fresh)
      for (auto& old : entries_)
        if (old.plugin == f.plugin && old.job == f.job) f.running = old.running;
    entries_ = std::move(fresh);
  }
  cv_.notify_all();
}

void Scheduler::wake() {
  std::lock_guard lock(mu_);
  cv_.notify_all();
}

void Scheduler::start() {
  if (running_.exchange(true)) return;
  refresh();
  timer_ = std::thread([this] { timer_loop(); });
  for (int i = 0; i < workers_; ++i) pool_.emplace_back([this] { worker_loop(); });
}

void Scheduler::stop() {
  if (!running_.exchange(false)) return;
  cv_.notify_all();
  tasks_cv_.notify_all();
  if (timer_.joinable()) timer_.join();
  for (auto& t : pool_)
    if (t.joinable()) t.join();
  pool_.clear();
}

void Scheduler::timer_loop() {
  std::unique_lock lock(mu_);
  while (running_) {
    const int64_t now = clock_.now_ms();
    for (auto& task : take_due(now)) {
      tasks_.push_back(std::move(task));
      tasks_cv_.notify_one();
    }
    int64_t soonest = now + 60000;
    for (auto& e : entries_) soonest = std::min(soonest, e.next_ms);
    auto wait = std::chrono::milliseconds(std::max<int64_t>(soonest - clock_.now_ms(), 10));
    cv_.wait_for(lock, std::min(wait, std::chrono::milliseconds(1000)));
  }
}

std::vector<Scheduler::Task> Scheduler::take_due(int64_t now) {
  std::vector<Task> due;
  for (auto& e : entries_) {
    if (e.next_ms > now) continue;
    if (e.running->load()) {
      log::warn("scheduler",
                "job " + e.plugin + "/" + e.job + " is still running; skipping the run due now");
    } else {
      e.running->store(true);
      due.push_back(Task{e, e.next_ms});
    }
    e.next_ms = next_fire(e.cron, e.time_zone, now);
  }
  return due;
}

std::vector<Scheduler::Run> Scheduler::run_due() {
  std::vector<Task> due;
  {
    std::lock_guard lock(mu_);
    due = take_due(clock_.now_ms());
  }
  std::vector<Run> runs;
  for (auto& task : due) {
    Outcome result = execute(task.entry, task.scheduled_ms);
    task.entry.running->store(false);
    runs.push_back(Run{task.entry.plugin, task.entry.job, task.scheduled_ms, result});
  }
  return runs;
}

void Scheduler::worker_loop() {
  while (true) {
    Task task;
    {
      std::unique_lock lock(mu_);
      tasks_cv_.wait(lock, [&] { return !tasks_.empty() || !running_; });
      if (!running_ && tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.erase(tasks_.begin());
    }
    (void)execute(task.entry, task.scheduled_ms);
    task.entry.running->store(false);
  }
}

bool Scheduler::claim_slot(const Entry& entry, int64_t scheduled_ms) {
  // Hosts sharing PostgreSQL all see each slot come due: the one whose upsert moves the job's
  // row to this slot runs it; the others find it there and skip.
  if (db_.dialect() != storage::Dialect::kPostgres) return true;
  ch_value p[] = {storage::text_value(entry.plugin), storage::text_value(entry.job),
                  storage::int_value(scheduled_ms)};
  storage::QueryResult r;
  Outcome o = db_.query(
      "INSERT INTO job_runs(plugin, job, last_scheduled_ms, last_status) "
      "VALUES (?, ?, ?, 'running') ON CONFLICT(plugin, job) DO UPDATE SET "
      "last_scheduled_ms = excluded.last_scheduled_ms, last_status = 'running' "
      "WHERE job_runs.last_scheduled_ms < excluded.last_scheduled_ms",
      p, {}, &r);
  if (!o.ok()) {
    log::error("scheduler", "cannot claim the run of " + entry.plugin + "/" + entry.job +
                                " (skipped; the next slot is tried): " + o.message());
    return false;
  }
  if (r.changes == 0) {
    log::debug("scheduler", "job " + entry.plugin + "/" + entry.job + " of this slot runs on "
                            "another host");
  }
  return r.changes == 1;
}

Outcome Scheduler::execute(const Entry& entry, int64_t scheduled_ms) {
  auto inst = entry.instance.lock();
  if (!inst) return Outcome::success();  // retired since it came due
  if (!claim_slot(entry, scheduled_ms)) return Outcome::success();
  ch_job job{sizeof(ch_job), ch_str{entry.job.data(), entry.job.size()}, scheduled_ms};
  log::RequestScope scope("job-" + log::new_request_id());
  auto started = std::chrono::steady_clock::now();
  auto result = inst->job(entry.handler, job);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - started)
                .count();
  std::string status = result.ok() ? "ok" : "failed: " + result.error;
  if (result.ok()) {
    log::info("scheduler", "job " + entry.plugin + "/" + entry.job + " done in " +
                               std::to_string(ms) + " ms");
  } else {
    log::error("scheduler", "job " + entry.plugin + "/" + entry.job + " " + status);
  }
  ch_value p[] = {storage::text_value(entry.plugin), storage::text_value(entry.job),
                  storage::int_value(scheduled_ms), storage::text_value(status)};
  Outcome o = db_.query(
      "INSERT INTO job_runs(plugin, job, last_scheduled_ms, last_status) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(plugin, job) DO UPDATE SET last_scheduled_ms = excluded.last_scheduled_ms, "
      "last_status = excluded.last_status",
      p);
  if (!o.ok()) log::warn("scheduler", "cannot record the run: " + o.message());
  return result.ok() ? Outcome::success()
                     : Outcome::failure(static_cast<Status>(result.status), result.error);
}

Outcome Scheduler::run_now(const std::string& plugin, const std::string& job,
                           int64_t scheduled_ms) {
  auto inst = plugins_.live(plugin);
  if (!inst) return Outcome::not_found("plugin '" + plugin + "' is not running");
  for (auto& j : inst->jobs()) {
    if (j.name != job) continue;
    ch_job call{sizeof(ch_job), ch_str{j.name.data(), j.name.size()}, scheduled_ms};
    auto r = inst->job(j.handler, call);
    if (!r.ok()) return Outcome::failure(static_cast<Status>(r.status), r.error);
    return Outcome::success();
  }
  return Outcome::not_found("plugin '" + plugin + "' has no job '" + job + "'");
}

std::vector<Scheduler::Entry> Scheduler::timetable() const {
  std::lock_guard lock(mu_);
  return entries_;
}

}  // namespace courthub::plugins
