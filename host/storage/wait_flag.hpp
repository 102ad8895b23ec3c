// SPDX-License-Identifier: Apache-2.0
// A flag one thread sleeps on until another changes it: a futex on Linux, atomic::wait elsewhere.
// Straight to the kernel: libstdc++'s atomic::wait first spins with sched_yield, which on two
// busy cores costs more CPU than the work being waited for.
// Threading: any number of sleepers and wakers; spurious wake-ups are absorbed by the loop.
#pragma once

#include <atomic>
#include <cstdint>

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace courthub::storage {

// Returns once `flag` no longer holds `expected`.
inline void sleep_while(std::atomic<int>& flag, int expected) {
#if defined(__linux__)
  static_assert(sizeof(std::atomic<int>) == sizeof(int));
  while (flag.load(std::memory_order_acquire) == expected) {
    ::syscall(SYS_futex, reinterpret_cast<int*>(&flag), FUTEX_WAIT_PRIVATE, expected, nullptr,
              nullptr, 0);
  }
#else
  while (flag.load(std::memory_order_acquire) == expected)
    flag.wait(expected, std::memory_order_acquire);
#endif
}

// Wakes one thread sleeping on `flag` (store the new value first). Harmless if the sleeper has
// already gone, even if its flag's memory is reused: a woken sleeper re-checks its flag.
inline void wake_one(std::atomic<int>& flag) {
#if defined(__linux__)
  ::syscall(SYS_futex, reinterpret_cast<int*>(&flag), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
#else
  flag.notify_one();
#endif
}

// Returns once the counter `word` has reached `target` (counting with wrap-around: within
// 2^31 steps). Sleepers on one word are woken together by wake_all().
inline void sleep_until_reached(std::atomic<uint32_t>& word, uint32_t target) {
  while (true) {
    const uint32_t now = word.load(std::memory_order_acquire);
    if (static_cast<int32_t>(now - target) >= 0) return;
#if defined(__linux__)
    static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));
    ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE, now, nullptr,
              nullptr, 0);
#else
    word.wait(now, std::memory_order_acquire);
#endif
  }
}

// Wakes every thread sleeping on `word` with one call (store the new value first).
inline void wake_all(std::atomic<uint32_t>& word) {
#if defined(__linux__)
  ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr,
            nullptr, 0);
#else
  word.notify_all();
#endif
}

}  // namespace courthub::storage
