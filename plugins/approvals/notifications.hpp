// SPDX-License-Identifier: Apache-2.0
// Who hears about what: task cards for approvers, the outcome for the originator, copies for CC,
// reminders, and the events other plugins listen for.
//
// Every message carries a key naming the logical message ("task-42", "outcome-7"), so a retried
// delivery, a redelivered event or a rerun job never notifies twice.
#pragma once

#include <string>
#include <vector>

#include "effects.hpp"
#include "instance_store.hpp"
#include "settings.hpp"

namespace approvals {

class Notifications {
 public:
  explicit Notifications(const Settings& settings) : settings_(settings) {}

  // Everything a written transition tells people and plugins: cards for new approver tasks, a
  // nudge for resumed ones, 退回 and resubmission notices, and on finishing the outcome, the CC
  // copies and approvals.instance_finished.
  void announce(Effects& fx, const InstanceRow& row, const Transition& t,
                const Applied& applied, const std::string& actor_id) const;

  // The copy for people CC'd when the instance starts or completes.
  void copied(Effects& fx, const InstanceRow& row, const std::vector<Approver>& people,
              std::string_view at) const;
  // Tells the originator someone commented.
  void remarked(Effects& fx, const InstanceRow& row, const RecordRow& record) const;
  // Nudges an approver whose task has waited `period` times remind_after_minutes of working
  // time; the message says how long (`waited_minutes`, working minutes).
  void remind(Effects& fx, const InstanceRow& row, const TaskRow& task, int64_t period,
              int64_t waited_minutes) const;

  // 催办: the originator's nudge to the approvers deciding now; `n` counts the instance's urges
  // (key "urge-<instance>-<n>").
  void urged(Effects& fx, const InstanceRow& row, const std::vector<Approver>& approvers,
             const std::string& comment, int64_t n) const;

  // approvals.instance_finished, as the contract with other plugins defines it, plus
  // "reason": the refusal's or the withdrawal's remark ("" otherwise).
  Json finished_event(const InstanceRow& row, const std::string& reason = "") const;
  // The interactive card of one task (all values strings, as DingTalk wants them).
  Json card_data(const InstanceRow& row, const TaskRow& task) const;

 private:
  std::string link(const InstanceRow& row) const;
  // 退回 (`record` is its RETURN_TASK): the holders of the canceled tasks may stop; when it went
  // back to the originator, they are told what to correct.
  void returned(Effects& fx, const InstanceRow& row, const Transition& t, const RecordRow& record,
                const std::string& actor_id) const;
  const Template* tpl(const InstanceRow& row) const { return settings_.find(row.template_code); }

  const Settings& settings_;
};

}  // namespace approvals
