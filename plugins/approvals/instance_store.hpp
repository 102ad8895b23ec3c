// SPDX-License-Identifier: Apache-2.0
// Instances, tasks, records and CC in the plugin's SQLite database.
//
// Writers take a transaction's Sql (see approvals::transaction in effects.hpp); readers take any Sql, the
// transaction's own or Host::db() for plain reads. Every lookup uses an index (schema.cpp).
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "instance_machine.hpp"
#include "model.hpp"
#include "visibility.hpp"

namespace approvals {

using courthub::Sql;

struct InstanceRow {
  int64_t id = 0;
  std::string template_code;
  std::string template_name;
  std::string title;
  std::string originator;
  std::string originator_name;
  std::string court_code;
  std::string dept_id;
  Json form = Json::object();
  Plan plan;
  std::vector<Approver> cc_finish;
  int current_step = 0;
  std::string status;
  std::string result;
  std::string source;
  std::string request_id;
  bool mirrored = false;
  std::string url;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
  int64_t finished_ms = 0;  // 0 while running
};

struct TaskRow : TaskState {
  int64_t instance_id = 0;
  std::string remark;
  std::string external_id;
  int64_t created_ms = 0;
  int64_t since_ms = 0;
  int64_t finished_ms = 0;
};

struct RecordRow {
  int64_t id = 0;
  int64_t instance_id = 0;
  RecordDraft draft;
  int64_t at_ms = 0;
};

struct CcRow {
  std::string user_id;
  std::string name;
  std::string at;  // start | finish
  int64_t at_ms = 0;
};

// What writing a transition created.
struct Applied {
  std::vector<TaskRow> created;          // tasks opened, with their ids
  std::vector<RecordRow> records;        // records appended, with their ids
  std::vector<Approver> copied_at_finish;  // CC added because the instance completed
};

// A page of a list: items newest first; `before` for the next page is the last item's id.
struct Page {
  int64_t before = 0;  // 0 = from the newest
  int64_t limit = 20;
};

namespace instance_store {

int64_t insert(Sql& tx, InstanceRow& row);  // sets row.id
std::optional<InstanceRow> find(const Sql& sql, int64_t id);
std::optional<InstanceRow> find_by_request(const Sql& sql, const std::string& source,
                                           const std::string& request_id);

std::optional<TaskRow> task(const Sql& sql, int64_t task_id);
std::optional<TaskRow> task_by_external(const Sql& sql, const std::string& external_id);
std::vector<TaskRow> tasks(const Sql& sql, int64_t instance_id);
std::vector<TaskState> open_tasks(const Sql& sql, int64_t instance_id);
std::vector<RecordRow> records(const Sql& sql, int64_t instance_id);
std::vector<CcRow> cc(const Sql& sql, int64_t instance_id);
Involvement involvement(const Sql& sql, const InstanceRow& row, const std::string& user_id);

// Writes a transition: task changes (guarded by their previous status), new tasks, the
// instance's status, plan and step, its form and CC at finish when they changed, the records, and — when it completes — the CC at finish
// with its PROCESS_CC record. Updates `row` to match.
Applied apply(Sql& tx, InstanceRow& row, const Transition& t, int64_t now_ms);
RecordRow append_record(Sql& tx, int64_t instance_id, const RecordDraft& draft, int64_t now_ms);
// Adds people to the CC list (once per stage) and returns those who were new.
std::vector<Approver> add_cc(Sql& tx, int64_t instance_id, const std::vector<Approver>& people,
                             std::string_view at, int64_t now_ms);

// Lists, newest first. `status` "" = any.
std::vector<InstanceRow> submitted_by(const Sql& sql, const std::string& user_id,
                                      const std::string& status, const Page& page);
std::vector<InstanceRow> copied_to(const Sql& sql, const std::string& user_id, const Page& page);
std::vector<InstanceRow> of_court(const Sql& sql, const std::string& court_code,
                                  const std::string& status, const std::string& template_code,
                                  const Page& page);
struct TaskWithInstance {
  TaskRow task;
  InstanceRow instance;
};
// A person's tasks in one status (RUNNING: waiting for them; COMPLETED: decided by them).
std::vector<TaskWithInstance> tasks_of(const Sql& sql, const std::string& user_id,
                                       const std::string& status, const Page& page);
// How many tasks of a person are in `status` (the (assignee, status, id) index answers it).
int64_t count_tasks(const Sql& sql, const std::string& user_id, const std::string& status);

}  // namespace instance_store
}  // namespace approvals
