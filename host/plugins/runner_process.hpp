// SPDX-License-Identifier: Apache-2.0
// Starting a plugin runner process: `courthub plugin-runner --fd N --channels K`, executed from
// /proc/self/exe, so a runner is always the same build as its host.
//
// The runner gets K+1 Unix stream sockets (fds N..N+K): K call channels the host calls the plugin
// on, and one the runner uses for host calls made on threads of its own. It gets no other file
// descriptor of the host, a minimal environment (no secrets: its plugin's settings arrive over a
// channel), and PR_SET_PDEATHSIG so it dies with the host. Forks happen on one long-lived
// thread, because the death signal follows the thread that forked.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "host/outcome.hpp"

namespace courthub::plugins {

struct RunnerProcess {
  pid_t pid = -1;
  std::vector<int> call_fds;  // host ends, one per call channel
  int free_fd = -1;           // host end of the runner's own channel
};

// Starts a runner with `channels` call channels. Any thread; blocks until the fork is done.
// Errors: Error when sockets or the process cannot be created (the reason in the message).
// The caller owns the fds and must reap the pid.
Expected<RunnerProcess> spawn_runner(int channels);

// The runner's side of the same command line: parses `--fd N --channels K` into the fds.
// Errors: InvalidArgument naming the bad argument.
Expected<RunnerProcess> runner_fds_from_args(const std::vector<std::string>& args);

// "signal 11 (Segmentation fault)" or "exit code 3", from a waitpid status.
std::string describe_exit(int wait_status);

}  // namespace courthub::plugins
