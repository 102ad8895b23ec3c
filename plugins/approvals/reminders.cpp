// SPDX-License-Identifier: Apache-2.0
// Reminders for tasks pending longer than remind_after_minutes, once per task per period.
#include "reminders.hpp"

#include "instance_store.hpp"

namespace approvals {

size_t remind_pending(Context& ctx, int64_t now) {
  if (ctx.settings.remind_after_minutes <= 0) return 0;
  const int64_t period_ms = ctx.settings.remind_after_minutes * 60000;
  // Read first without the write lock: most runs find nothing due.
  auto due = ctx.host.db().one(
      "SELECT 1 FROM task WHERE status = 'RUNNING' AND since_ms <= ? AND "
      "(? - since_ms) / ? > reminded_period AND external_id IS NULL LIMIT 1",
      {now - period_ms, now, period_ms});
  if (!due) return 0;

  return transaction(ctx.host, [&](Sql& tx, Effects& fx) {
    size_t sent = 0;
    for (auto& r : tx.query(
             "SELECT id, instance_id, since_ms, (? - since_ms) / ? AS period FROM task "
             "WHERE status = 'RUNNING' AND since_ms <= ? AND (? - since_ms) / ? > reminded_period "
             "AND external_id IS NULL ORDER BY since_ms LIMIT 1000",
             {now, period_ms, now - period_ms, now, period_ms})) {
      auto task = instance_store::task(tx, r.integer("id"));
      auto row = instance_store::find(tx, r.integer("instance_id"));
      if (!task || !row || row->status != instance_status::kRunning) continue;
      int64_t period = r.integer("period");
      tx.exec("UPDATE task SET reminded_period = ? WHERE id = ?", {period, task->id});
      ctx.notifications.remind(fx, *row, *task, period, now);
      ++sent;
    }
    return sent;
  });
}

}  // namespace approvals
