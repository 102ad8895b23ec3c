// SPDX-License-Identifier: Apache-2.0
// Columns of short ids kept in 8 bytes each. Most court ids end in a number ("C0000123",
// "(2024)辽0103民初1234号"): such a string is stored as its stem (the text around the last 9 or
// fewer digits of its last run of digits, and their count, interned once) and their value; strings
// without digits, or with more shapes than the stem dictionary keeps, go to an arena.
// InternedIds adds an open-addressing index (string -> position) over the same entries.
//
// Threading: not synchronised; const members may run concurrently, writers need exclusion.
// Errors: std::bad_alloc; std::length_error past 4 GiB of strings that do not pack.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace board {

class PackedStrings {
 public:
  size_t size() const { return entries_.size(); }
  void reserve(size_t n) { entries_.reserve(n); }
  void clear();
  // Appends `s`; returns its position.
  uint32_t push_back(std::string_view s);
  // Replaces the string at `i` (< size()). A replaced arena string's bytes are not reclaimed.
  void set(uint32_t i, std::string_view s);
  // The string at `i` (< size()), exactly as given.
  std::string at(uint32_t i) const;
  // Bytes held (entries, stems, arena), for the memory figures.
  size_t bytes() const;

 protected:
  struct Entry {
    uint32_t stem;   // index into stems_, or kRaw
    uint32_t value;  // the digits' value, or the arena offset of a raw string
    bool operator==(const Entry&) const = default;
  };
  static constexpr uint32_t kRaw = UINT32_MAX;
  // How `s` is stored, adding its stem or its raw bytes as needed.
  Entry store(std::string_view s);
  // How `s` would be stored if it is: a packed entry, or {kRaw, 0} when it can only be raw.
  Entry probe(std::string_view s) const;
  // Whether the stored entry `e` spells `s`, whose probe() is `p`.
  bool spells(const Entry& e, const Entry& p, std::string_view s) const;
  static uint64_t hash_of(const Entry& p, std::string_view s);
  uint64_t hash_at(uint32_t i) const;

  std::vector<Entry> entries_;

 private:
  struct Stem {
    std::string prefix, suffix;
    uint8_t width;
  };
  // The stem key of `s` (width, prefix, suffix) and its digits' value; false when `s` has no
  // digit.
  static bool split(std::string_view s, std::string& key, uint32_t& value);
  std::string_view raw_at(uint32_t offset) const;

  std::vector<Stem> stems_;
  std::unordered_map<std::string, uint32_t> stem_index_;  // stem key -> index into stems_
  std::string arena_;                                     // varint length + bytes, per raw string
};

// PackedStrings whose strings are distinct, with lookup by string.
class InternedIds : private PackedStrings {
 public:
  using PackedStrings::at;
  using PackedStrings::size;
  void reserve(size_t n);
  void clear();
  // The position of `s`, or -1.
  int64_t find(std::string_view s) const;
  // The position of `s`, appending it first when absent; second = true when appended.
  std::pair<uint32_t, bool> intern(std::string_view s);
  size_t bytes() const;

 private:
  void grow(size_t min_slots);
  // The slot holding `s` (whose probe() is `p`), or the empty slot where it would go.
  size_t slot_of(const Entry& p, std::string_view s) const;

  std::vector<uint32_t> slots_;  // 0 = empty, else position + 1; size a power of two
};

}  // namespace board
