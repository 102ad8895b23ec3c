// SPDX-License-Identifier: Apache-2.0
// flush_probe DIR [COUNT]: how long one durable append takes on the disk holding DIR, the floor
// under the event path's latency with `synchronous: full`.
//
// Like the inbox journal, it writes 6 KiB (a group of ~16 events) into a file allocated
// beforehand and calls fdatasync, COUNT times (2000) with 0.5 ms between, and prints p50, p99,
// p99.9 and max three times: with the machine otherwise idle; with every core busy running a
// loop at normal priority (as when the host and its clients fill the CPU); and with every core
// busy at SCHED_IDLE, which yields to the probe at once inside this machine, so whatever delay
// remains comes from outside it (the hypervisor running the disk).
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr size_t kAppend = 6 << 10;
constexpr size_t kFile = 64 << 20;

struct Figures {
  double p50, p99, p999, max;
};

Figures measure(int fd, int count) {
  std::vector<double> us;
  us.reserve(count);
  std::string data(kAppend, 'x');
  size_t at = 0;
  for (int i = 0; i < count; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    if (::pwrite(fd, data.data(), data.size(), static_cast<off_t>(at)) !=
            static_cast<ssize_t>(data.size()) ||
        ::fdatasync(fd) != 0) {
      std::perror("flush_probe: write");
      std::exit(1);
    }
    us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    at = (at + kAppend) % (kFile - kAppend);
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  std::sort(us.begin(), us.end());
  auto at_q = [&](double q) { return us[static_cast<size_t>(q * (us.size() - 1))] / 1000; };
  return {at_q(0.5), at_q(0.99), at_q(0.999), us.back() / 1000};
}

// Runs `body` with one busy loop per core in the background, at `policy`.
template <class Body>
Figures with_busy_cores(int policy, Body body) {
  std::atomic<bool> stop{false};
  std::vector<std::thread> loops;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < cores; ++i) {
    loops.emplace_back([&stop, policy] {
      sched_param none{};
      pthread_setschedparam(pthread_self(), policy, &none);
      volatile unsigned long spins = 0;
      while (!stop.load(std::memory_order_relaxed)) spins = spins + 1;
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Figures f = body();
  stop = true;
  for (auto& t : loops) t.join();
  return f;
}

void print(const char* what, const Figures& f) {
  std::printf("%-44s %8.2f %8.2f %8.2f %8.2f\n", what, f.p50, f.p99, f.p999, f.max);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: flush_probe DIR [COUNT]\n");
    return 2;
  }
  const int count = argc > 2 ? std::atoi(argv[2]) : 2000;
  const std::string path = std::string(argv[1]) + "/flush-probe.data";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::perror("flush_probe: open");
    return 1;
  }
  // Allocated and on disk first, as the journal's segments are: a sync then writes data only.
  std::string zeros(1 << 20, '\0');
  for (size_t at = 0; at < kFile; at += zeros.size()) {
    if (::pwrite(fd, zeros.data(), zeros.size(), static_cast<off_t>(at)) < 0) {
      std::perror("flush_probe: allocate");
      return 1;
    }
  }
  ::fsync(fd);

  std::printf("%-44s %8s %8s %8s %8s\n", "6 KiB pwrite + fdatasync, ms", "p50", "p99", "p99.9",
              "max");
  print("idle machine", measure(fd, count));
  print("every core busy (normal priority)",
        with_busy_cores(SCHED_OTHER, [&] { return measure(fd, count); }));
  print("every core busy (SCHED_IDLE: yields at once)",
        with_busy_cores(SCHED_IDLE, [&] { return measure(fd, count); }));
  ::close(fd);
  ::unlink(path.c_str());
  return 0;
}
