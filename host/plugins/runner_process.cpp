// SPDX-License-Identifier: Apache-2.0
// fork/exec of plugin runners from one long-lived spawner thread.
#include "host/plugins/runner_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace courthub::plugins {
namespace {

// The environment a runner gets: enough to run, nothing of the host's configuration.
std::vector<std::string> runner_environment() {
  std::vector<std::string> env = {"PATH=/usr/local/bin:/usr/bin:/bin"};
  for (const char* name : {"LANG", "LC_ALL", "TZ", "ASAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS",
                           "LSAN_OPTIONS", "LLVM_PROFILE_FILE"}) {
    if (const char* v = std::getenv(name)) env.push_back(std::string(name) + "=" + v);
  }
  return env;
}

Expected<RunnerProcess> fork_runner(int channels) {
  RunnerProcess out;
  std::vector<int> child_fds;
  auto close_all = [&] {
    for (int fd : out.call_fds) ::close(fd);
    for (int fd : child_fds) ::close(fd);
    if (out.free_fd >= 0) ::close(out.free_fd);
  };
  for (int i = 0; i <= channels; ++i) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
      close_all();
      return Outcome::error(std::string("cannot create a runner socket: ") + std::strerror(errno));
    }
    if (i < channels) {
      out.call_fds.push_back(sv[0]);
    } else {
      out.free_fd = sv[0];
    }
    child_fds.push_back(sv[1]);
  }
  // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
  const int first = 3;
  std::vector<std::string> arg_text = {"courthub", "plugin-runner", "--fd", std::to_string(first),
                                       "--channels", std::to_string(channels)};
  std::vector<char*> argv;
  for (auto& a : arg_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = runner_environment();
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  // Move the child ends above every target number first, so dup2 never clobbers one of them.
  int high = first + static_cast<int>(child_fds.size());
  for (int fd : child_fds) high = std::max(high, fd + 1);
  const pid_t parent = ::getpid();

  pid_t pid = ::fork();
  if (pid < 0) {
    close_all();
    return Outcome::error(std::string("cannot start a plugin runner: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    std::vector<int>& fds = child_fds;
    for (size_t i = 0; i < fds.size(); ++i) {
      int moved = ::fcntl(fds[i], F_DUPFD, high);
      if (moved < 0) ::_exit(127);
      fds[i] = moved;
    }
    for (size_t i = 0; i < fds.size(); ++i) {
      if (::dup2(fds[i], first + static_cast<int>(i)) < 0) ::_exit(127);  // dup2 clears CLOEXEC
    }
    ::close_range(first + static_cast<unsigned>(fds.size()), ~0u, 0);
    ::signal(SIGPIPE, SIG_IGN);
    ::execve("/proc/self/exe", argv.data(), envp.data());
    ::_exit(127);
  }
  for (int fd : child_fds) ::close(fd);
  child_fds.clear();
  out.pid = pid;
  return out;
}

// One thread that lives as long as the process and does every fork.
class Spawner {
 public:
  Spawner() : thread_([this] { run(); }) { thread_.detach(); }
  Expected<RunnerProcess> spawn(int channels) {
    std::packaged_task<Expected<RunnerProcess>()> task([channels] { return fork_runner(channels); });
    auto result = task.get_future();
    {
      std::lock_guard lock(mu_);
      queue_.push_back(std::move(task));
    }
    cv_.notify_one();
    return result.get();
  }

 private:
  void run() {
    for (;;) {
      std::packaged_task<Expected<RunnerProcess>()> task;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty(); });
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<Expected<RunnerProcess>()>> queue_;
  std::thread thread_;
};

}  // namespace

Expected<RunnerProcess> spawn_runner(int channels) {
  static auto* spawner = new Spawner();  // deliberately leaked: runners outlive static destructors
  return spawner->spawn(channels);
}

Expected<RunnerProcess> runner_fds_from_args(const std::vector<std::string>& args) {
  int fd = -1, channels = -1;
  for (size_t i = 0; i + 1 < args.size(); i += 2) {
    try {
      if (args[i] == "--fd") fd = std::stoi(args[i + 1]);
      else if (args[i] == "--channels") channels = std::stoi(args[i + 1]);
      else return Outcome::invalid("unknown argument " + args[i]);
    } catch (const std::exception&) {
      return Outcome::invalid("bad value for " + args[i]);
    }
  }
  if (fd < 3 || channels < 1 || channels > 256 || args.size() % 2 != 0) {
    return Outcome::invalid("usage: courthub plugin-runner --fd N --channels K (started by the host)");
  }
  RunnerProcess out;
  for (int i = 0; i < channels; ++i) out.call_fds.push_back(fd + i);
  out.free_fd = fd + channels;
  return out;
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* name = ::strsignal(sig);
    return "signal " + std::to_string(sig) + " (" + (name ? name : "unknown") + ")";
  }
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  return "status " + std::to_string(status);
}

}  // namespace courthub::plugins
