// SPDX-License-Identifier: Apache-2.0
// The hearings mirror and the stages it proves.
#include "hearing_mirror.hpp"

#include <courthub/error.hpp>

#include "case_number.hpp"
#include "case_stage.hpp"
#include "case_store.hpp"

namespace lawyers {
namespace {

using courthub::Value;
namespace json = courthub::json;

MirroredHearing from_row(const courthub::Row& r) {
  MirroredHearing h;
  h.hearing_id = r.integer("hearing_id");
  h.court_code = r.text("court_code");
  h.case_number = r.text("case_number");
  h.start_ms = r.integer("start_ms");
  h.end_ms = r.integer("end_ms");
  h.room = r.text("room");
  h.mode = r.text("mode");
  h.status = r.text("status");
  h.judge = r.text("judge");
  h.clerk = r.text("clerk");
  h.changed_ms = r.integer("changed_ms");
  return h;
}

}  // namespace

std::optional<int> hearing_status_rank(const std::string& status) {
  if (status == "已预约") return 0;
  if (status == "已通知") return 1;
  if (status == "测试通过") return 2;
  if (status == "进行中") return 3;
  if (status == "已结束" || status == "已改期" || status == "已取消" || status == "已释放") return 4;
  return std::nullopt;
}

bool hearing_pending(const std::string& status) {
  auto rank = hearing_status_rank(status);
  return rank && *rank <= 2;
}

MirroredHearing hearing_from_event(const courthub::Json& p) {
  MirroredHearing h;
  h.hearing_id = json::require<int64_t>(p, "hearing_id");
  h.court_code = json::require<std::string>(p, "court");
  std::string number = json::require<std::string>(p, "case_number");
  // rooms stores numbers normalised already; normalising again keeps one spelling per case.
  auto parsed = court::parse_case_number(number, nullptr);
  h.case_number = parsed ? parsed->text : number;
  h.start_ms = json::require<int64_t>(p, "start_ms");
  h.end_ms = json::require<int64_t>(p, "end_ms");
  h.room = json::get<std::string>(p, "room");
  h.mode = json::get<std::string>(p, "mode");
  h.status = json::require<std::string>(p, "status");
  h.judge = json::get<std::string>(p, "judge");
  h.clerk = json::get<std::string>(p, "clerk");
  h.changed_ms = json::get<int64_t>(p, "changed_ms");
  if (h.hearing_id <= 0) throw courthub::InvalidArgument("'hearing_id' must be positive");
  if (h.end_ms <= h.start_ms) throw courthub::InvalidArgument("'end_ms' must be after 'start_ms'");
  if (!hearing_status_rank(h.status))
    throw courthub::InvalidArgument("'status' " + h.status + " is not a status of rooms' hearings");
  return h;
}

bool mirror_hearing(const courthub::Sql& tx, const MirroredHearing& h, int64_t now_ms) {
  int rank = *hearing_status_rank(h.status);
  // Portable upsert: the WHERE keeps a later state against an older event arriving late.
  auto changed = tx.exec(
      "INSERT INTO hearings(hearing_id, court_code, case_number, start_ms, end_ms, room, mode, "
      "status, status_rank, judge, clerk, changed_ms, received_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (hearing_id) DO UPDATE SET court_code = excluded.court_code, "
      "case_number = excluded.case_number, start_ms = excluded.start_ms, "
      "end_ms = excluded.end_ms, room = excluded.room, mode = excluded.mode, "
      "status = excluded.status, status_rank = excluded.status_rank, judge = excluded.judge, "
      "clerk = excluded.clerk, changed_ms = excluded.changed_ms, "
      "received_ms = excluded.received_ms "
      "WHERE excluded.status_rank > hearings.status_rank OR "
      "(excluded.status_rank = hearings.status_rank AND "
      "excluded.changed_ms >= hearings.changed_ms)",
      {Value(h.hearing_id), h.court_code, h.case_number, Value(h.start_ms), Value(h.end_ms),
       h.room, h.mode, h.status, Value(rank), h.judge, h.clerk, Value(h.changed_ms),
       Value(now_ms)});
  if (changed.changes == 0) return false;
  if (auto stage = stage_of_hearing(h.status))
    if (auto c = find_case_by_number(tx, h.court_code, h.case_number))
      advance_stage(tx, c->id, *stage, h.changed_ms > 0 ? h.changed_ms : now_ms,
                    "hearing:" + std::to_string(h.hearing_id));
  return true;
}

std::vector<MirroredHearing> upcoming_hearings(const courthub::Sql& q, const std::string& court,
                                               const std::string& case_number, int64_t now_ms) {
  std::vector<MirroredHearing> out;
  for (auto& r : q.query("SELECT * FROM hearings WHERE court_code = ? AND case_number = ? "
                         "AND status_rank <= 3 AND end_ms > ? ORDER BY start_ms, hearing_id",
                         {court, case_number, Value(now_ms)}))
    out.push_back(from_row(r));
  return out;
}

}  // namespace lawyers
