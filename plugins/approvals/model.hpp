// SPDX-License-Identifier: Apache-2.0
// The approvals domain: templates (forms and approver chains), plans, instances and tasks.
//
// Vocabulary follows DingTalk's process model (court-domain.md §3.2) so that instances mirrored
// from DingTalk and instances run here read the same: a Template is a process (processCode), an
// Instance a processInstance, a Task one approver's piece of work, an OperationRecord one line
// of the never-rewritten history.
#pragma once

#include <courthub/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace approvals {

using courthub::Json;

// --- Forms ---------------------------------------------------------------------------------

enum class FieldType {
  kText,
  kTextarea,
  kNumber,
  kMoney,
  kDate,
  kDateRange,
  kSelect,
  kMultiSelect,
  kPerson,
  kDepartment,
  kAttachment,
  kTable,
};

// The settings spelling of a field type ("date_range"), and back.
std::string_view field_type_name(FieldType type);
std::optional<FieldType> field_type_from(std::string_view name);

// Where a number field's value comes from (`from_period`): the length of a date_range field,
// in workdays of the work calendar or in calendar days (period_days.hpp).
struct PeriodSource {
  std::string field;     // the date_range field
  bool workdays = true;  // false: calendar_days
};

struct FieldSpec {
  std::string name;   // the key in the form object: [a-z][a-z0-9_]*
  std::string label;  // what people read: 请假天数
  FieldType type = FieldType::kText;
  bool required = false;
  std::string hint;   // shown under the field by the mini-app
  std::optional<double> min, max;                 // number, money
  bool integer = false;                           // number
  std::optional<int64_t> min_length, max_length;  // text, textarea (characters, not bytes)
  std::string pattern;                            // text: ECMAScript regex, whole value
  std::shared_ptr<const std::regex> compiled_pattern;
  std::vector<std::string> options;               // select, multi_select
  std::optional<int64_t> min_items, max_items;    // multi_select, person, department,
                                                  // attachment, table (rows)
  bool multiple = false;                          // person, department: a list of ids
  bool with_time = false;                         // date, date_range: "YYYY-MM-DD HH:MM"
  std::vector<FieldSpec> columns;                 // table: the fields of one row
  std::optional<PeriodSource> from_period;        // number: computed from a period
};

// --- Conditions on form values ----------------------------------------------------------------

enum class ConditionOp {
  kEq, kNe, kGt, kGte, kLt, kLte, kIn, kNotIn, kContains, kEmpty, kNotEmpty,  // on a field
  kAll, kAny, kNot,                                                            // on conditions
};

struct Condition {
  ConditionOp op = ConditionOp::kEq;
  std::string field;  // the top-level form field compared
  Json value;         // the operand (an array for in / not_in)
  std::vector<Condition> children;  // all / any / not
};

// --- Approver chains and CC ------------------------------------------------------------------

// How the approvers of one step decide: one person; the first of several (或签); all (会签);
// all, one after another in the listed order (依次审批).
enum class StepMode { kSingle, kOr, kAnd, kSequential };
std::string_view step_mode_name(StepMode mode);  // "single" | "or" | "and" | "sequential"
std::optional<StepMode> step_mode_from(std::string_view name);

// Who a step (or a CC entry) names.
enum class RecipientKind {
  kPerson,            // named people
  kSupervisor,        // the originator's Nth-level supervisor (supervisors()[N-1])
  kRole,              // a role in the originator's court
  kOriginatorChoice,  // people the originator picks when submitting (发起人自选)
};

// Roles a step may name. Three are relative to the originator rather than plain role queries:
// division_head (the head of the originator's department, 庭长), division_leader (the `leader` of
// the originator's top-level department, 分管院领导) and president (the court's 院长).
inline constexpr std::string_view kDivisionHead = "division_head";
inline constexpr std::string_view kDivisionLeader = "division_leader";
inline constexpr std::string_view kPresident = "president";

// Where a CC lands: when the instance starts, when it completes, or both (DingTalk ccPosition).
enum class CcAt { kStart, kFinish, kStartFinish };

struct RecipientSpec {
  RecipientKind kind = RecipientKind::kPerson;
  std::vector<std::string> users;  // kPerson
  int level = 0;                   // kSupervisor, 1-based
  std::string role;                // kRole, canonical (division_head, court_admin, ...)
  std::string key;                 // kOriginatorChoice: the member of the submit's "approvers"
  StepMode mode = StepMode::kSingle;
  std::string label;               // display; derived from the kind when not configured
  std::optional<Condition> when;   // the step applies only when this holds
  CcAt at = CcAt::kFinish;         // CC entries only
  std::vector<std::string> editable;  // steps only: form fields its approvers may change
};

// One alternative of a branch group: the first whose `when` holds (or the one without `when`)
// contributes its steps to the chain.
struct Branch {
  std::optional<Condition> when;
  std::vector<RecipientSpec> steps;
};

// A chain item is either one step or a group of exclusive branches.
struct ChainItem {
  std::optional<RecipientSpec> step;
  std::vector<Branch> branches;
};

struct Template {
  std::string code;  // DingTalk's processCode; here [a-z][a-z0-9_]*
  std::string name;  // 请假
  std::string description;
  std::string group;  // a heading for the mini-app's list: 假勤, 行政
  // Only other plugins open instances of it (room_booking comes from rooms); people cannot
  // submit it directly and it is not listed for them.
  bool requested_only = false;
  std::vector<std::string> start_roles;   // empty = anyone
  std::vector<std::string> start_courts;  // court codes, "LN-BC-*" prefixes; empty = any court
  std::vector<FieldSpec> fields;
  std::vector<ChainItem> chain;
  std::vector<RecipientSpec> cc;
  std::vector<std::string> summary;  // fields shown on cards and in lists

  const FieldSpec* field(std::string_view name) const {
    for (auto& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }
  // The 发起人自选 steps, wherever they stand in the chain.
  std::vector<const RecipientSpec*> choice_steps() const;
};

// --- Plans: a chain resolved to people at submission ----------------------------------------

struct Approver {
  std::string user_id;
  std::string name;
  friend bool operator==(const Approver&, const Approver&) = default;
};

// Why a plan step exists: the template, or an approver added by 加签.
inline constexpr std::string_view kOriginTemplate = "template";
inline constexpr std::string_view kOriginAppendBefore = "append_before";
inline constexpr std::string_view kOriginAppendAfter = "append_after";

struct PlanStep {
  int id = 0;  // stable within the instance; tasks point at it
  std::string label;
  StepMode mode = StepMode::kSingle;
  std::vector<Approver> approvers;  // empty: nobody to ask, the step is skipped
  std::string origin = std::string(kOriginTemplate);
  std::string added_by;  // userid of whoever appended it
  std::vector<std::string> editable;  // form fields this step's approvers may change on agree
  // Tasks of this step with an id up to this one no longer count (退回 to this step or before
  // it): their agreements neither finish the step again nor skip the person later (去重).
  int64_t void_through = 0;
};

using Plan = std::vector<PlanStep>;

// [{"user_id", "name"}, ...]: people as plans, records and answers list them.
Json approvers_json(const std::vector<Approver>& people);
Json plan_to_json(const Plan& plan);
Plan plan_from_json(const Json& json);

// --- Instances, tasks, records (DingTalk's vocabulary) ----------------------------------------

namespace instance_status {
inline constexpr std::string_view kNew = "NEW";
inline constexpr std::string_view kRunning = "RUNNING";
inline constexpr std::string_view kCompleted = "COMPLETED";
inline constexpr std::string_view kTerminated = "TERMINATED";
inline constexpr std::string_view kCanceled = "CANCELED";
}  // namespace instance_status

namespace task_status {
inline constexpr std::string_view kRunning = "RUNNING";
inline constexpr std::string_view kPaused = "PAUSED";  // waiting for an approver added before
inline constexpr std::string_view kCompleted = "COMPLETED";
inline constexpr std::string_view kCanceled = "CANCELED";
}  // namespace task_status

namespace task_result {
inline constexpr std::string_view kNone = "";
inline constexpr std::string_view kAgree = "AGREE";
inline constexpr std::string_view kRefuse = "REFUSE";
inline constexpr std::string_view kRedirected = "REDIRECTED";
inline constexpr std::string_view kReturned = "RETURNED";  // 退回, by the approver
inline constexpr std::string_view kResubmitted = "RESUBMITTED";  // the originator's step-0 task
}  // namespace task_result

// The step id of the originator's task while an approver has returned the instance to them
// (退回发起人): the instance stays RUNNING with current_step 0 until they resubmit or withdraw.
inline constexpr int kOriginatorStep = 0;

// The result of an instance an approver returned to its originator (退回): RUNNING at step 0
// until the originator resubmits (result "" again) or withdraws. Rows written before 退回 kept
// the instance running are TERMINATED with this result; they still read 已退回.
namespace instance_result {
inline constexpr std::string_view kReturned = "returned";
}  // namespace instance_result

namespace record_type {
inline constexpr std::string_view kStart = "START_PROCESS_INSTANCE";
inline constexpr std::string_view kExecute = "EXECUTE_TASK_NORMAL";
inline constexpr std::string_view kAppendBefore = "APPEND_TASK_BEFORE";
inline constexpr std::string_view kAppendAfter = "APPEND_TASK_AFTER";
inline constexpr std::string_view kRedirect = "REDIRECT_TASK";
inline constexpr std::string_view kReturn = "RETURN_TASK";  // 退回, detail {to_step, to_label}
inline constexpr std::string_view kResubmit = "RESUBMIT_PROCESS_INSTANCE";
inline constexpr std::string_view kRemark = "ADD_REMARK";
inline constexpr std::string_view kUrge = "URGE_TASK";  // 催办 by the originator
inline constexpr std::string_view kTerminate = "TERMINATE_PROCESS_INSTANCE";
inline constexpr std::string_view kFinish = "FINISH_PROCESS_INSTANCE";
inline constexpr std::string_view kCc = "PROCESS_CC";
}  // namespace record_type

}  // namespace approvals
