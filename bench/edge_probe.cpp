// SPDX-License-Identifier: Apache-2.0
// The HTTP edge under pressure, from the client side (bench/run.sh edge).
//
//   edge_probe crowd PORT IDLE TRICKLE PROBES
//     opens IDLE connections that send nothing and TRICKLE ones that send a header one byte a
//     second (reopening any the host closes), then times PROBES new clients' GET /healthz, one
//     after another, each on a fresh connection; prints p50/p99/max in ms.
//   edge_probe fairness PORT CLIENTS SECONDS
//     CLIENTS keep-alive clients each send GET /healthz back to back on their own connection for
//     SECONDS; prints each client's count of answers, their min and max.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

int connect_to(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  return fd;
}

// Sends one GET /healthz and reads its whole answer (Content-Length); false on any failure.
bool get_healthz(int fd, std::string& buf) {
  static const char kGet[] = "GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n";
  if (::send(fd, kGet, sizeof kGet - 1, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof kGet - 1))
    return false;
  buf.clear();
  char chunk[4096];
  while (true) {
    size_t end = buf.find("\r\n\r\n");
    if (end != std::string::npos) {
      size_t cl = buf.find("Content-Length: ");
      size_t length =
          cl == std::string::npos ? 0 : std::strtoul(buf.c_str() + cl + 16, nullptr, 10);
      if (buf.size() >= end + 4 + length) return buf.rfind("HTTP/1.1 200", 0) == 0;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10000) <= 0) return false;
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf.append(chunk, static_cast<size_t>(n));
  }
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

int crowd(uint16_t port, int idle, int trickle, int probes) {
  rlimit r{};
  ::getrlimit(RLIMIT_NOFILE, &r);
  r.rlim_cur = r.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &r);
  std::vector<int> idle_fds;
  for (int i = 0; i < idle; ++i) idle_fds.push_back(connect_to(port));
  std::atomic<bool> done{false};
  std::atomic<long> reopened{0};
  std::thread trickler([&] {
    const std::string head = "GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Trickle: ";
    std::vector<int> fds(static_cast<size_t>(trickle), -1);
    std::vector<size_t> sent(fds.size(), 0);
    while (!done) {
      for (size_t i = 0; i < fds.size(); ++i) {
        if (fds[i] < 0) {
          fds[i] = connect_to(port);
          sent[i] = 0;
          ++reopened;
        }
        char c = sent[i] < head.size() ? head[sent[i]] : 'x';
        if (fds[i] >= 0 && ::send(fds[i], &c, 1, MSG_NOSIGNAL) != 1) {
          ::close(fds[i]);
          fds[i] = -1;
        } else {
          ++sent[i];
        }
      }
      for (int k = 0; k < 10 && !done; ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  });
  std::this_thread::sleep_for(std::chrono::seconds(2));  // everyone connected and trickling
  std::vector<double> ms;
  int failed = 0;
  std::string buf;
  for (int i = 0; i < probes; ++i) {
    auto t0 = Clock::now();
    int fd = connect_to(port);
    bool ok = fd >= 0 && get_healthz(fd, buf);
    double took = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (fd >= 0) ::close(fd);
    if (ok) {
      ms.push_back(took);
    } else {
      ++failed;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  done = true;
  trickler.join();
  int open_idle = 0;
  for (int fd : idle_fds) {
    if (fd < 0) continue;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) == 0) ++open_idle;  // nothing to read: still open
    ::close(fd);
  }
  std::printf("crowd: %d idle (%d still open at the end), %d trickling (%ld (re)connects)\n", idle,
              open_idle, trickle, reopened.load());
  std::printf(
      "new client GET /healthz: %zu answered, %d failed, p50 %.3f ms, p99 %.3f ms, "
      "max %.3f ms\n",
      ms.size(), failed, percentile(ms, 0.50), percentile(ms, 0.99), percentile(ms, 1.0));
  return failed == 0 ? 0 : 1;
}

int fairness(uint16_t port, int clients, int seconds) {
  std::vector<long> counts(static_cast<size_t>(clients), 0);
  std::vector<int> broken(static_cast<size_t>(clients), 0);
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      int fd = connect_to(port);
      std::string buf;
      while (fd >= 0 && Clock::now() < end) {
        if (!get_healthz(fd, buf)) {
          broken[static_cast<size_t>(i)] = 1;
          break;
        }
        ++counts[static_cast<size_t>(i)];
      }
      if (fd >= 0) ::close(fd);
    });
  }
  for (auto& t : threads) t.join();
  long lo = *std::min_element(counts.begin(), counts.end());
  long hi = *std::max_element(counts.begin(), counts.end());
  long total = 0;
  int broke = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    total += counts[i];
    broke += broken[i];
  }
  std::printf(
      "fairness: %d keep-alive clients, %d s: %ld answers, per client min %ld max %ld "
      "(max/min %.2f), %d connections broken\n",
      clients, seconds, total, lo, hi, lo > 0 ? static_cast<double>(hi) / lo : 0.0, broke);
  return lo > 0 && broke == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "crowd" && argc == 6) {
    return crowd(static_cast<uint16_t>(std::atoi(argv[2])), std::atoi(argv[3]), std::atoi(argv[4]),
                 std::atoi(argv[5]));
  }
  if (mode == "fairness" && argc == 5) {
    return fairness(static_cast<uint16_t>(std::atoi(argv[2])), std::atoi(argv[3]),
                    std::atoi(argv[4]));
  }
  std::fprintf(stderr,
               "usage: edge_probe crowd PORT IDLE TRICKLE PROBES\n"
               "       edge_probe fairness PORT CLIENTS SECONDS\n");
  return 2;
}
