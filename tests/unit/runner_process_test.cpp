// SPDX-License-Identifier: Apache-2.0
// The runner's command line as the host writes it and the runner reads it, and how a runner's
// end is worded in logs, /admin/plugins and the audit log.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <vector>

#include "host/plugins/runner_process.hpp"

namespace courthub::plugins {
namespace {

TEST(RunnerProcess, TheFdsFollowFromTheFirstAndTheChannelCount) {
  auto fds = runner_fds_from_args({"--fd", "3", "--channels", "4"});
  ASSERT_TRUE(fds.ok());
  EXPECT_EQ(fds->call_fds, (std::vector<int>{3, 4, 5, 6}));
  EXPECT_EQ(fds->free_fd, 7);
}

TEST(RunnerProcess, ABadCommandLineIsRefused) {
  EXPECT_FALSE(runner_fds_from_args({}).ok());
  EXPECT_FALSE(runner_fds_from_args({"--fd", "1", "--channels", "2"}).ok());  // stdio
  EXPECT_FALSE(runner_fds_from_args({"--fd", "3", "--channels", "0"}).ok());
  EXPECT_FALSE(runner_fds_from_args({"--fd", "x", "--channels", "2"}).ok());
  EXPECT_FALSE(runner_fds_from_args({"--fd", "3", "--channels"}).ok());
  EXPECT_FALSE(runner_fds_from_args({"--fd", "3", "--color", "2"}).ok());
}

TEST(RunnerProcess, HowARunnerEndedIsWordedForPeople) {
  pid_t child = fork();
  if (child == 0) {
    raise(SIGKILL);  // not SIGSEGV: a sanitizer build would turn that into an exit code
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_EQ(describe_exit(status), "signal 9 (Killed)");
  child = fork();
  if (child == 0) _exit(3);
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_EQ(describe_exit(status), "exit code 3");
}

}  // namespace
}  // namespace courthub::plugins
