// SPDX-License-Identifier: Apache-2.0
// Packed id columns: (stem, number) pairs or arena strings, and the open-addressing index.
#include "packed_strings.hpp"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace board {

namespace {

// More stems than this and new shapes go to the arena (ids without a common shape, e.g. UUIDs).
constexpr size_t kMaxStems = 1 << 16;

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Where the number of a stem starts: the last (up to) 9 digits of the run ending at `end`, so its
// value fits 32 bits; longer runs leave their leading digits in the prefix.
size_t digits_begin(std::string_view s, size_t end) {
  size_t begin = end;
  while (begin > 0 && end - begin < 9 && is_digit(s[begin - 1])) --begin;
  return begin;
}

}  // namespace

bool PackedStrings::split(std::string_view s, std::string& key, uint32_t& value) {
  size_t end = s.size();
  while (end > 0 && !is_digit(s[end - 1])) --end;
  if (end == 0) return false;
  size_t begin = digits_begin(s, end);
  uint32_t v = 0;
  for (size_t i = begin; i < end; ++i) v = v * 10 + static_cast<uint32_t>(s[i] - '0');
  value = v;
  size_t width = end - begin;
  // width, the prefix's length, prefix, suffix: no two different (prefix, width, suffix) share it.
  uint32_t prefix_size = static_cast<uint32_t>(begin);
  key.assign(1, static_cast<char>(width));
  key.append(reinterpret_cast<const char*>(&prefix_size), sizeof prefix_size);
  key.append(s.substr(0, begin));
  key.append(s.substr(end));
  return true;
}

PackedStrings::Entry PackedStrings::probe(std::string_view s) const {
  thread_local std::string key;
  uint32_t value = 0;
  if (!split(s, key, value)) return {kRaw, 0};
  auto it = stem_index_.find(key);
  if (it == stem_index_.end()) return {kRaw, 0};
  return {it->second, value};
}

PackedStrings::Entry PackedStrings::store(std::string_view s) {
  thread_local std::string key;
  uint32_t value = 0;
  if (split(s, key, value)) {
    auto it = stem_index_.find(key);
    if (it != stem_index_.end()) return {it->second, value};
    if (stems_.size() < kMaxStems) {
      auto stem = static_cast<uint32_t>(stems_.size());
      size_t end = s.size();
      while (!is_digit(s[end - 1])) --end;
      size_t begin = digits_begin(s, end);
      stems_.push_back(Stem{std::string(s.substr(0, begin)), std::string(s.substr(end)),
                            static_cast<uint8_t>(end - begin)});
      stem_index_.emplace(key, stem);
      return {stem, value};
    }
  }
  if (arena_.size() + s.size() + 10 > UINT32_MAX)
    throw std::length_error("PackedStrings: more than 4 GiB of unpacked strings");
  auto offset = static_cast<uint32_t>(arena_.size());
  for (size_t n = s.size(); ; n >>= 7) {  // LEB128 length
    if (n < 0x80) {
      arena_.push_back(static_cast<char>(n));
      break;
    }
    arena_.push_back(static_cast<char>((n & 0x7f) | 0x80));
  }
  arena_.append(s);
  return {kRaw, offset};
}

std::string_view PackedStrings::raw_at(uint32_t offset) const {
  size_t n = 0;
  int shift = 0;
  size_t at = offset;
  for (;;) {
    auto byte = static_cast<unsigned char>(arena_[at++]);
    n |= static_cast<size_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) break;
    shift += 7;
  }
  return std::string_view(arena_).substr(at, n);
}

bool PackedStrings::spells(const Entry& e, const Entry& p, std::string_view s) const {
  if (p.stem != kRaw) return e == p;
  return e.stem == kRaw && raw_at(e.value) == s;
}

uint64_t PackedStrings::hash_of(const Entry& p, std::string_view s) {
  if (p.stem != kRaw) return mix((static_cast<uint64_t>(p.stem) << 32) | p.value);
  return mix(std::hash<std::string_view>{}(s) ^ 0x9e3779b97f4a7c15ULL);
}

uint64_t PackedStrings::hash_at(uint32_t i) const {
  const Entry& e = entries_[i];
  return e.stem == kRaw ? hash_of(e, raw_at(e.value)) : hash_of(e, {});
}

void PackedStrings::clear() {
  entries_.clear();
  stems_.clear();
  stem_index_.clear();
  arena_.clear();
}

uint32_t PackedStrings::push_back(std::string_view s) {
  if (entries_.size() >= UINT32_MAX - 1) throw std::length_error("PackedStrings: too many strings");
  entries_.push_back(store(s));
  return static_cast<uint32_t>(entries_.size() - 1);
}

void PackedStrings::set(uint32_t i, std::string_view s) {
  Entry e = store(s);
  entries_.at(i) = e;
}

std::string PackedStrings::at(uint32_t i) const {
  const Entry& e = entries_.at(i);
  if (e.stem == kRaw) return std::string(raw_at(e.value));
  const Stem& stem = stems_[e.stem];
  char digits[16];
  int n = 0;
  for (uint32_t v = e.value; v > 0; v /= 10) digits[n++] = static_cast<char>('0' + v % 10);
  std::string out = stem.prefix;
  out.append(stem.width - n, '0');  // n ≤ width: the value came from `width` digits
  while (n > 0) out.push_back(digits[--n]);
  out += stem.suffix;
  return out;
}

size_t PackedStrings::bytes() const {
  size_t n = entries_.capacity() * sizeof(Entry) + arena_.capacity();
  for (const auto& s : stems_) n += sizeof(Stem) + s.prefix.capacity() + s.suffix.capacity();
  // A node per stem: the key string and the bucket pointers.
  n += stem_index_.size() * (sizeof(std::string) + 32) + stem_index_.bucket_count() * sizeof(void*);
  return n;
}

// ---- InternedIds

void InternedIds::reserve(size_t n) {
  PackedStrings::reserve(n);
  grow(n + n / 2 + 1);
}

void InternedIds::clear() {
  PackedStrings::clear();
  slots_.clear();
}

size_t InternedIds::slot_of(const Entry& p, std::string_view s) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash_of(p, s) & mask;; i = (i + 1) & mask) {
    uint32_t slot = slots_[i];
    if (slot == 0 || spells(entries_[slot - 1], p, s)) return i;
  }
}

int64_t InternedIds::find(std::string_view s) const {
  if (slots_.empty()) return -1;
  uint32_t slot = slots_[slot_of(probe(s), s)];
  return slot == 0 ? -1 : static_cast<int64_t>(slot) - 1;
}

std::pair<uint32_t, bool> InternedIds::intern(std::string_view s) {
  // Keep the load ≤ 0.7 (linear probing stays short).
  if ((entries_.size() + 1) * 10 > slots_.size() * 7) grow((entries_.size() + 1) * 10 / 7 + 1);
  Entry p = probe(s);
  size_t i = slot_of(p, s);
  if (slots_[i] != 0) return {slots_[i] - 1, false};
  uint32_t position = push_back(s);
  // The probe may have been raw only because the stem did not exist yet: find the slot again
  // for what was stored.
  const Entry& stored = entries_[position];
  if (!(stored == p)) i = slot_of(stored, s);
  slots_[i] = position + 1;
  return {position, true};
}

void InternedIds::grow(size_t min_slots) {
  size_t n = 16;
  while (n < min_slots) n *= 2;
  if (n <= slots_.size()) return;
  std::vector<uint32_t> slots(n, 0);
  size_t mask = n - 1;
  for (uint32_t pos = 0; pos < entries_.size(); ++pos) {
    size_t i = hash_at(pos) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = pos + 1;
  }
  slots_.swap(slots);
}

size_t InternedIds::bytes() const { return PackedStrings::bytes() + slots_.capacity() * 4; }

}  // namespace board
