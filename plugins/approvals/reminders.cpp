// SPDX-License-Identifier: Apache-2.0
// Reminders for tasks pending longer than remind_after_minutes of working time, once per task per
// period, sent only in working hours.
#include "reminders.hpp"

#include <map>

#include "instance_store.hpp"
#include "working_time.hpp"

namespace approvals {
namespace {

// The host's calendar, asked once per day per run.
IsWorkday remembered(IsWorkday ask) {
  auto known = std::make_shared<std::map<int, bool>>();
  return [known, ask = std::move(ask)](courthub::time::Date day) {
    const int key = std::chrono::sys_days{day}.time_since_epoch().count();
    auto it = known->find(key);
    if (it == known->end()) it = known->emplace(key, ask(day)).first;
    return it->second;
  };
}

struct Due {
  int64_t task_id = 0;
  int64_t period = 0;
  int64_t waited_minutes = 0;  // working minutes since the task started or resumed
};

}  // namespace

size_t remind_pending(Context& ctx, int64_t now) {
  const Settings& s = ctx.settings;
  if (s.remind_after_minutes <= 0) return 0;
  IsWorkday is_workday = remembered(workdays_of(ctx.host.calendar()));
  if (!within_working_hours(now, s.working_hours, is_workday)) return 0;

  // Working minutes never exceed wall-clock minutes: tasks younger than one period cannot be due.
  // Read without the write lock: most runs find nothing due.
  std::vector<Due> due;
  for (auto& r : ctx.host.db().query(
           "SELECT id, since_ms, reminded_period FROM task WHERE status = 'RUNNING' AND "
           "since_ms <= ? AND external_id IS NULL AND step_id <> 0 ORDER BY since_ms LIMIT 1000",
           {now - s.remind_after_minutes * 60000})) {
    const int64_t waited =
        working_minutes_between(r.integer("since_ms"), now, s.working_hours, is_workday);
    const int64_t period = waited / s.remind_after_minutes;
    if (period > r.integer("reminded_period")) due.push_back({r.integer("id"), period, waited});
  }
  if (due.empty()) return 0;

  return transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    size_t sent = 0;
    for (auto& d : due) {
      // Guarded: a task decided or reminded since the read above is left alone.
      auto changed = tx.exec(
          "UPDATE task SET reminded_period = ? WHERE id = ? AND status = 'RUNNING' AND "
          "reminded_period < ?",
          {d.period, d.task_id, d.period});
      if (changed.changes == 0) continue;
      auto task = instance_store::task(tx, d.task_id);
      auto row = task ? instance_store::find(tx, task->instance_id) : std::nullopt;
      if (!task || !row || row->status != instance_status::kRunning) continue;
      ctx.notifications.remind(fx, *row, *task, d.period, d.waited_minutes);
      ++sent;
    }
    return sent;
  });
}

}  // namespace approvals
