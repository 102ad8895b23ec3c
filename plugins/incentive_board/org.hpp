// SPDX-License-Identifier: Apache-2.0
// Who is who for the board: the courts with their peer groups and judge counts, the judges, and
// every person a case may name as judge_id. Taken from the host directory once per computation
// epoch (a reload), then read-only.
//
// Threading: an Org is a value; concurrent reads of one Org are safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/host.hpp>

namespace board {

// The spec's peer groups (§4): basic courts, ordinary intermediate courts, special courts
// (maritime, railway), the high court (shown, not ranked).
enum class PeerGroup : uint8_t { Basic, Intermediate, Special, High };
// "basic" "intermediate" "special" "high"
std::string_view id_of(PeerGroup g);
// 基层法院 中级法院 专门法院 高级法院
std::string_view name_of(PeerGroup g);
// level "high" -> High; else kind "maritime" or "railway" -> Special; else level "intermediate"
// -> Intermediate; else Basic.
PeerGroup peer_group_of(std::string_view level, std::string_view kind);

struct OrgCourt {
  std::string code, name, level;
  PeerGroup group = PeerGroup::Basic;
  int32_t judges = 0;  // people with the role "judge" whose court is this one (E1's denominator)
};
struct OrgJudge {
  std::string user_id, name, court_code;
};

struct Org {
  std::vector<OrgCourt> courts;     // sorted by code, unique
  std::vector<OrgJudge> judges;     // people with the role "judge", sorted by user_id, unique
  std::vector<std::string> people;  // every person's user_id, sorted, unique (judge_id must be one)

  // Index into courts / judges by binary search; -1 if none.
  int court_index(std::string_view code) const;
  int judge_index(std::string_view user_id) const;
  bool is_person(std::string_view user_id) const;
};

// The Org of these courts and people: sorts, drops duplicate codes/user_ids (the first wins),
// counts each court's judges. Judges whose court is not among `courts` are still judges (their
// cases count for them) but count for no court. No exceptions besides std::bad_alloc.
Org org_from(const std::vector<courthub::Court>& courts,
             const std::vector<courthub::Person>& people);

// org_from(d.courts(), d.people({})).
// Thread: any (the Directory is thread-safe). Errors: the Directory's courthub::Error propagates.
Org org_from_directory(const courthub::Directory& d);

}  // namespace board
