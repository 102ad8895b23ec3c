// SPDX-License-Identifier: Apache-2.0
// Representations (代理关系): a lawyer asks to be linked to a case with a power of attorney they
// uploaded; the case's judge or clerk (or a court_admin of its court) confirms or refuses it, and
// may revoke it later. Every step is kept with who and when (representation_history).
//
// States: requested 待核实 → confirmed 已确认 | refused 已驳回; confirmed → revoked 已解除.
// Threading: free functions over a Sql handle; no state. Errors: see each function.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawyers {

enum class RepresentationState { Requested, Confirmed, Refused, Revoked };
std::string_view representation_state_code(RepresentationState s);   // requested ...
std::string_view representation_state_label(RepresentationState s);  // 待核实 ...
std::optional<RepresentationState> parse_representation_state(std::string_view code);

struct Representation {
  int64_t id = 0, case_id = 0, lawyer_id = 0;
  std::string party, party_role, poa_file, reason;
  RepresentationState state = RepresentationState::Requested;
  int64_t requested_ms = 0, updated_ms = 0;
};

struct RepresentationStep {
  std::string action, actor, reason;
  int64_t at_ms = 0;
};

std::optional<Representation> find_representation(const courthub::Sql& q, int64_t id);
std::vector<RepresentationStep> representation_history(const courthub::Sql& q, int64_t id);

// A lawyer's request. Errors: Conflict when they already hold a request or a confirmed
// representation of that case.
int64_t request_representation(const courthub::Sql& tx, int64_t case_id, int64_t lawyer_id,
                               const std::string& party, const std::string& party_role,
                               const std::string& poa_file, int64_t at_ms);

// The court's decision on `id`: confirm or refuse a request, revoke a confirmed one. `actor` is a
// userid or "admin". Errors: Conflict when the representation is not in a state that allows it
// (it moved meanwhile, or the step makes no sense: confirming a revoked one).
enum class RepresentationDecision { Confirm, Refuse, Revoke };
Representation decide_representation(const courthub::Sql& tx, int64_t id,
                                      RepresentationDecision decision, const std::string& actor,
                                      const std::string& reason, int64_t at_ms);

// A representation the court confirmed while doing something else (网上立案's accept), recorded
// confirmed at once.
int64_t record_confirmed_representation(const courthub::Sql& tx, int64_t case_id,
                                        int64_t lawyer_id, const std::string& party,
                                        const std::string& party_role, int64_t at_ms,
                                        const std::string& actor, const std::string& reason);

}  // namespace lawyers
