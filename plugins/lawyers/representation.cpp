// SPDX-License-Identifier: Apache-2.0
// Representation rows, their state machine and history.
#include "representation.hpp"

#include <courthub/error.hpp>

namespace lawyers {
namespace {

using courthub::Value;

struct StateName {
  std::string_view code, label;
};
constexpr StateName kStates[] = {
    {"requested", "待核实"}, {"confirmed", "已确认"}, {"refused", "已驳回"}, {"revoked", "已解除"}};

Representation from_row(const courthub::Row& r) {
  Representation out;
  out.id = r.integer("id");
  out.case_id = r.integer("case_id");
  out.lawyer_id = r.integer("lawyer_id");
  out.party = r.text("party");
  out.party_role = r.text("party_role");
  out.poa_file = r.text("poa_file");
  out.reason = r.text("reason");
  out.state = parse_representation_state(r.text("state")).value_or(RepresentationState::Requested);
  out.requested_ms = r.integer("requested_ms");
  out.updated_ms = r.integer("updated_ms");
  return out;
}

void record_step(const courthub::Sql& tx, int64_t id, std::string_view action,
                 const std::string& actor, const std::string& reason, int64_t at_ms) {
  tx.exec("INSERT INTO representation_history(representation_id, action, actor, reason, at_ms) "
          "VALUES (?, ?, ?, ?, ?)",
          {Value(id), std::string(action), actor, reason, Value(at_ms)});
}

int64_t insert(const courthub::Sql& tx, int64_t case_id, int64_t lawyer_id,
               const std::string& party, const std::string& party_role,
               const std::string& poa_file, RepresentationState state, int64_t at_ms) {
  auto held = tx.one(
      "SELECT id FROM representations WHERE case_id = ? AND lawyer_id = ? "
      "AND state IN ('requested', 'confirmed')",
      {Value(case_id), Value(lawyer_id)});
  if (held)
    throw courthub::Conflict("you already asked to represent a party in this case (representation " +
                             std::to_string(held->integer("id")) + ")");
  auto row = tx.one(
      "INSERT INTO representations(case_id, lawyer_id, party, party_role, poa_file, state, "
      "requested_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {Value(case_id), Value(lawyer_id), party, party_role, poa_file,
       std::string(representation_state_code(state)), Value(at_ms), Value(at_ms)});
  return row->integer("id");
}

}  // namespace

std::string_view representation_state_code(RepresentationState s) {
  return kStates[static_cast<int>(s)].code;
}
std::string_view representation_state_label(RepresentationState s) {
  return kStates[static_cast<int>(s)].label;
}
std::optional<RepresentationState> parse_representation_state(std::string_view code) {
  for (int i = 0; i < 4; ++i)
    if (kStates[i].code == code) return static_cast<RepresentationState>(i);
  return std::nullopt;
}

std::optional<Representation> find_representation(const courthub::Sql& q, int64_t id) {
  auto row = q.one(
      "SELECT id, case_id, lawyer_id, party, party_role, poa_file, state, reason, requested_ms, "
      "updated_ms FROM representations WHERE id = ?",
      {Value(id)});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<RepresentationStep> representation_history(const courthub::Sql& q, int64_t id) {
  std::vector<RepresentationStep> out;
  for (auto& r : q.query("SELECT action, actor, reason, at_ms FROM representation_history "
                         "WHERE representation_id = ? ORDER BY id",
                         {Value(id)}))
    out.push_back({r.text("action"), r.text("actor"), r.text("reason"), r.integer("at_ms")});
  return out;
}

int64_t request_representation(const courthub::Sql& tx, int64_t case_id, int64_t lawyer_id,
                               const std::string& party, const std::string& party_role,
                               const std::string& poa_file, int64_t at_ms) {
  int64_t id = insert(tx, case_id, lawyer_id, party, party_role, poa_file,
                      RepresentationState::Requested, at_ms);
  record_step(tx, id, "requested", "lawyer:" + std::to_string(lawyer_id), "", at_ms);
  return id;
}

Representation decide_representation(const courthub::Sql& tx, int64_t id,
                                      RepresentationDecision decision, const std::string& actor,
                                      const std::string& reason, int64_t at_ms) {
  using S = RepresentationState;
  auto rep = find_representation(tx, id);
  if (!rep) throw courthub::NotFound("no representation " + std::to_string(id));
  S from = decision == RepresentationDecision::Revoke ? S::Confirmed : S::Requested;
  S to = decision == RepresentationDecision::Confirm  ? S::Confirmed
         : decision == RepresentationDecision::Refuse ? S::Refused
                                                      : S::Revoked;
  if (rep->state != from)
    throw courthub::Conflict("representation " + std::to_string(id) + " is " +
                             std::string(representation_state_code(rep->state)) + " (" +
                             std::string(representation_state_label(rep->state)) +
                             "); only a " + std::string(representation_state_code(from)) +
                             " one can be " +
                             (decision == RepresentationDecision::Confirm  ? "confirmed"
                              : decision == RepresentationDecision::Refuse ? "refused"
                                                                           : "revoked"));
  if (tx.exec("UPDATE representations SET state = ?, reason = ?, updated_ms = ? "
              "WHERE id = ? AND state = ?",
              {std::string(representation_state_code(to)), reason, Value(at_ms), Value(id),
               std::string(representation_state_code(from))})
          .changes != 1)
    throw courthub::Conflict("representation " + std::to_string(id) + " changed meanwhile");
  record_step(tx, id, representation_state_code(to), actor, reason, at_ms);
  rep->state = to;
  rep->reason = reason;
  rep->updated_ms = at_ms;
  return *rep;
}

int64_t record_confirmed_representation(const courthub::Sql& tx, int64_t case_id,
                                        int64_t lawyer_id, const std::string& party,
                                        const std::string& party_role, int64_t at_ms,
                                        const std::string& actor, const std::string& reason) {
  int64_t id =
      insert(tx, case_id, lawyer_id, party, party_role, "", RepresentationState::Confirmed, at_ms);
  record_step(tx, id, "confirmed", actor, reason, at_ms);
  return id;
}

}  // namespace lawyers
