// SPDX-License-Identifier: Apache-2.0
// Every case in memory, column-wise: ids interned (courts, judges and disputes to int32 indices,
// case ids and numbers packed to 8 bytes), dates int32, enums one byte, small integers two bytes.
// 2,000,000 cases take about 150 MB with the case_id index.
//
// Threading: not synchronised. The plugin guards it (BoardState::mutex): const members may run
// concurrently; upsert/reserve/clear need the exclusive lock.
// Errors: std::bad_alloc only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "case_record.hpp"
#include "packed_strings.hpp"

namespace board {

class CaseTable {
 public:
  enum class Upsert { Inserted, Updated };

  // Inserts the case, or replaces every field of the case with the same case_id.
  Upsert upsert(const CaseRecord& c);
  // A copy of the case, or nullopt.
  std::optional<CaseRecord> find(std::string_view case_id) const;
  bool contains(std::string_view case_id) const;
  size_t size() const { return filed_.size(); }
  // Room for n cases without reallocation (call before a big load).
  void reserve(size_t n);
  void clear();
  // Bytes held by the columns, dictionaries and indexes (capacity, not size).
  size_t bytes() const;

  // ---- Column reads, for measure(). `row` < size(); rows are in insertion order and a case keeps
  // its row when updated.
  int32_t court_of(size_t row) const { return court_[row]; }  // index into court_codes()
  int32_t judge_of(size_t row) const { return judge_[row]; }  // index into judge_ids()
  int32_t dispute_of(size_t row) const { return dispute_[row]; }  // 0 .. dispute_count() − 1
  const std::vector<std::string>& court_codes() const { return court_codes_; }
  const std::vector<std::string>& judge_ids() const { return judge_ids_; }
  size_t dispute_count() const { return disputes_.size(); }
  std::string dispute_id(int32_t dispute) const { return disputes_.at(dispute); }

  Category category(size_t row) const { return static_cast<Category>(category_[row]); }
  Procedure procedure(size_t row) const { return static_cast<Procedure>(procedure_[row]); }
  Day filed_on(size_t row) const { return filed_[row]; }
  Day closed_on(size_t row) const { return closed_[row]; }  // kNoDay = pending
  int32_t limit_days(size_t row) const { return small(row, kLimit); }  // -1 = absent
  int32_t extended_days(size_t row) const { return small(row, kExtended); }
  int32_t deducted_days(size_t row) const { return small(row, kDeducted); }
  int32_t petitions(size_t row) const { return small(row, kPetitions); }
  ClosingMethod closing_method(size_t row) const {
    return static_cast<ClosingMethod>(closing_[row]);
  }
  AppealOutcome appeal_outcome(size_t row) const {
    return static_cast<AppealOutcome>(appeal_outcome_[row]);
  }
  RetrialOutcome retrial_outcome(size_t row) const {
    return static_cast<RetrialOutcome>(retrial_outcome_[row]);
  }
  bool appealed(size_t row) const { return flags_[row] & kAppealed; }
  bool retrial_applied(size_t row) const { return flags_[row] & kRetrialApplied; }
  bool filing_changed(size_t row) const { return flags_[row] & kFilingChanged; }
  bool doc_reviewed(size_t row) const { return flags_[row] & kDocReviewed; }
  bool doc_error(size_t row) const { return flags_[row] & kDocError; }
  double amount_applied(size_t row) const {
    return amount_slot_[row] ? amounts_[amount_slot_[row] - 1][0] : 0.0;
  }
  double amount_collected(size_t row) const {
    return amount_slot_[row] ? amounts_[amount_slot_[row] - 1][1] : 0.0;
  }
  // The whole case at `row`.
  CaseRecord record(size_t row) const;

 private:
  enum SmallField : uint8_t { kLimit, kExtended, kDeducted, kPetitions };
  enum Flag : uint8_t {
    kAppealed = 1,
    kRetrialApplied = 2,
    kFilingChanged = 4,
    kDocReviewed = 8,
    kDocError = 16
  };
  // Small integers in 16 bits: kAbsent = −1, kOverflow = look in overflow_.
  static constexpr uint16_t kAbsent = 0xFFFF, kOverflow = 0xFFFE;
  int32_t small(size_t row, SmallField f) const {
    uint16_t v = small_[row][f];
    if (v < kOverflow) return v;
    return v == kAbsent ? -1 : overflow_.at(row * 4 + f);
  }
  void set_small(size_t row, SmallField f, int32_t value);
  void write(size_t row, const CaseRecord& c);
  static int32_t intern(std::vector<std::string>& names,
                        std::unordered_map<std::string, int32_t>& index, std::string_view name);

  InternedIds case_ids_;  // position = row
  PackedStrings case_nos_;
  InternedIds disputes_;  // position = dispute index
  std::vector<std::string> court_codes_, judge_ids_;
  std::unordered_map<std::string, int32_t> court_index_, judge_index_;

  std::vector<int32_t> court_, judge_, dispute_;
  std::vector<Day> filed_, closed_;
  std::vector<std::array<uint16_t, 4>> small_;
  std::unordered_map<uint64_t, int32_t> overflow_;  // row * 4 + field -> value ≥ kOverflow
  std::vector<uint8_t> category_, procedure_, closing_, appeal_outcome_, retrial_outcome_, flags_;
  std::vector<uint32_t> amount_slot_;              // 0 = both amounts 0, else index + 1
  std::vector<std::array<double, 2>> amounts_;     // applied, collected
};

}  // namespace board
