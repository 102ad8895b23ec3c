// SPDX-License-Identifier: Apache-2.0
// The cases in memory: upsert by case_id into the columns, and reading a case back.
#include "case_table.hpp"

namespace board {

int32_t CaseTable::intern(std::vector<std::string>& names,
                          std::unordered_map<std::string, int32_t>& index,
                          std::string_view name) {
  auto key = std::string(name);
  auto it = index.find(key);
  if (it != index.end()) return it->second;
  auto i = static_cast<int32_t>(names.size());
  names.push_back(key);
  index.emplace(std::move(key), i);
  return i;
}

void CaseTable::set_small(size_t row, SmallField f, int32_t value) {
  uint64_t key = row * 4 + f;
  if (value < 0) {
    small_[row][f] = kAbsent;
    overflow_.erase(key);
  } else if (value < kOverflow) {
    small_[row][f] = static_cast<uint16_t>(value);
    overflow_.erase(key);
  } else {
    small_[row][f] = kOverflow;
    overflow_[key] = value;
  }
}

void CaseTable::write(size_t row, const CaseRecord& c) {
  case_nos_.set(static_cast<uint32_t>(row), c.case_no);
  court_[row] = intern(court_codes_, court_index_, c.court_code);
  judge_[row] = intern(judge_ids_, judge_index_, c.judge_id);
  dispute_[row] = static_cast<int32_t>(disputes_.intern(c.dispute_id).first);
  category_[row] = static_cast<uint8_t>(c.category);
  procedure_[row] = static_cast<uint8_t>(c.procedure);
  filed_[row] = c.filed_on;
  closed_[row] = c.closed_on;
  set_small(row, kLimit, c.limit_days);
  set_small(row, kExtended, c.extended_days);
  set_small(row, kDeducted, c.deducted_days);
  set_small(row, kPetitions, c.petitions);
  closing_[row] = static_cast<uint8_t>(c.closing_method);
  appeal_outcome_[row] = static_cast<uint8_t>(c.appeal_outcome);
  retrial_outcome_[row] = static_cast<uint8_t>(c.retrial_outcome);
  flags_[row] = static_cast<uint8_t>((c.appealed ? kAppealed : 0) |
                                     (c.retrial_applied ? kRetrialApplied : 0) |
                                     (c.filing_changed ? kFilingChanged : 0) |
                                     (c.doc_reviewed ? kDocReviewed : 0) |
                                     (c.doc_error ? kDocError : 0));
  // Amounts take a slot only when one is non-zero (in practice: enforcement cases); a slot once
  // taken is kept by its row.
  if (amount_slot_[row] != 0) {
    amounts_[amount_slot_[row] - 1] = {c.amount_applied, c.amount_collected};
  } else if (c.amount_applied != 0 || c.amount_collected != 0) {
    amounts_.push_back({c.amount_applied, c.amount_collected});
    amount_slot_[row] = static_cast<uint32_t>(amounts_.size());
  }
}

CaseTable::Upsert CaseTable::upsert(const CaseRecord& c) {
  auto [row, added] = case_ids_.intern(c.case_id);
  if (added) {
    case_nos_.push_back({});
    court_.push_back(0);
    judge_.push_back(0);
    dispute_.push_back(0);
    category_.push_back(0);
    procedure_.push_back(0);
    filed_.push_back(0);
    closed_.push_back(kNoDay);
    small_.push_back({0, 0, 0, 0});
    closing_.push_back(0);
    appeal_outcome_.push_back(0);
    retrial_outcome_.push_back(0);
    flags_.push_back(0);
    amount_slot_.push_back(0);
  }
  write(row, c);
  return added ? Upsert::Inserted : Upsert::Updated;
}

std::optional<CaseRecord> CaseTable::find(std::string_view case_id) const {
  int64_t row = case_ids_.find(case_id);
  if (row < 0) return std::nullopt;
  return record(static_cast<size_t>(row));
}

bool CaseTable::contains(std::string_view case_id) const { return case_ids_.find(case_id) >= 0; }

CaseRecord CaseTable::record(size_t row) const {
  CaseRecord c;
  c.case_id = case_ids_.at(static_cast<uint32_t>(row));
  c.case_no = case_nos_.at(static_cast<uint32_t>(row));
  c.court_code = court_codes_[court_[row]];
  c.judge_id = judge_ids_[judge_[row]];
  c.dispute_id = disputes_.at(static_cast<uint32_t>(dispute_[row]));
  c.category = category(row);
  c.procedure = procedure(row);
  c.filed_on = filed_on(row);
  c.closed_on = closed_on(row);
  c.limit_days = limit_days(row);
  c.extended_days = extended_days(row);
  c.deducted_days = deducted_days(row);
  c.closing_method = closing_method(row);
  c.appealed = appealed(row);
  c.appeal_outcome = appeal_outcome(row);
  c.retrial_applied = retrial_applied(row);
  c.retrial_outcome = retrial_outcome(row);
  c.filing_changed = filing_changed(row);
  c.petitions = petitions(row);
  c.doc_reviewed = doc_reviewed(row);
  c.doc_error = doc_error(row);
  c.amount_applied = amount_applied(row);
  c.amount_collected = amount_collected(row);
  return c;
}

void CaseTable::reserve(size_t n) {
  case_ids_.reserve(n);
  case_nos_.reserve(n);
  for (auto* v : {&court_, &judge_, &dispute_, &filed_, &closed_}) v->reserve(n);
  small_.reserve(n);
  for (auto* v : {&category_, &procedure_, &closing_, &appeal_outcome_, &retrial_outcome_, &flags_})
    v->reserve(n);
  amount_slot_.reserve(n);
}

void CaseTable::clear() { *this = CaseTable(); }

size_t CaseTable::bytes() const {
  auto strings = [](const std::vector<std::string>& names) {
    size_t n = names.capacity() * sizeof(std::string);
    for (const auto& s : names) n += s.capacity() > 15 ? s.capacity() : 0;
    return n * 2 + names.size() * 32;  // the names and their index nodes
  };
  size_t n = case_ids_.bytes() + case_nos_.bytes() + disputes_.bytes() + strings(court_codes_) +
             strings(judge_ids_);
  n += (court_.capacity() + judge_.capacity() + dispute_.capacity() + filed_.capacity() +
        closed_.capacity() + amount_slot_.capacity()) * 4;
  n += small_.capacity() * sizeof(small_[0]) + amounts_.capacity() * sizeof(amounts_[0]);
  n += category_.capacity() + procedure_.capacity() + closing_.capacity() +
       appeal_outcome_.capacity() + retrial_outcome_.capacity() + flags_.capacity();
  n += overflow_.size() * 32 + overflow_.bucket_count() * sizeof(void*);
  return n;
}

}  // namespace board
