// SPDX-License-Identifier: Apache-2.0
// SeenKeys: a Bloom filter of every de-duplication key the inbox has stored, so that a new
// event (the common case) skips the database look-up for an earlier copy. "Not seen" is
// certain; "maybe seen" sends the inbox to the database, which decides. A key is never
// removed, so the false-positive rate grows with the keys held: about 1 in 6,000 at a million,
// 1 in 25 at five million (the inbox then simply looks up more often).
// Memory: 4 MiB. Threading: add() and maybe_seen() from any thread (relaxed atomics); a key
// added before a lock is released is seen by whoever takes that lock next.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>

namespace courthub::jobs {

class SeenKeys {
 public:
  SeenKeys() : bits_(new std::atomic<uint64_t>[kWords]) {
    for (size_t i = 0; i < kWords; ++i) bits_[i].store(0, std::memory_order_relaxed);
  }

  void add(std::string_view key) {
    const uint64_t h = hash(key);
    for (int i = 0; i < kProbes; ++i) {
      const uint64_t bit = probe(h, i);
      bits_[bit >> 6].fetch_or(uint64_t{1} << (bit & 63), std::memory_order_relaxed);
    }
  }

  bool maybe_seen(std::string_view key) const {
    const uint64_t h = hash(key);
    for (int i = 0; i < kProbes; ++i) {
      const uint64_t bit = probe(h, i);
      if (!(bits_[bit >> 6].load(std::memory_order_relaxed) & (uint64_t{1} << (bit & 63))))
        return false;
    }
    return true;
  }

 private:
  static constexpr uint64_t kBits = uint64_t{1} << 25;
  static constexpr size_t kWords = kBits / 64;
  static constexpr int kProbes = 4;

  // FNV-1a, then a 64-bit finaliser (splitmix64) to spread the bits.
  static uint64_t hash(std::string_view key) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
  }
  // Double hashing: probe i = h + i * step, step odd (taken from the bits above the first
  // probe's), modulo the bit count.
  static uint64_t probe(uint64_t h, int i) {
    const uint64_t step = (h >> 25) | 1;
    return (h + static_cast<uint64_t>(i) * step) & (kBits - 1);
  }

  std::unique_ptr<std::atomic<uint64_t>[]> bits_;
};

}  // namespace courthub::jobs
