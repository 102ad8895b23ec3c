// SPDX-License-Identifier: Apache-2.0
// NginxBalancer: a configuration file, posix_spawn, and a connect loop until it listens.
#include "nginx_balancer.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace courthub::it {
namespace {

// A loopback port nobody listens on right now (the kernel's choice, released at once).
uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("no free port for nginx");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::string NginxBalancer::binary() {
  for (const char* p : {"/usr/sbin/nginx", "/usr/bin/nginx"})
    if (::access(p, X_OK) == 0) return p;
  return "";
}

NginxBalancer::NginxBalancer(const std::vector<uint16_t>& upstream_ports) {
  const std::string nginx = binary();
  if (nginx.empty()) throw std::runtime_error("nginx is not installed (apt-get install nginx)");
  std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-nginx-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  port_ = free_port();
  std::ostringstream upstream;
  for (uint16_t p : upstream_ports)
    upstream << "    server 127.0.0.1:" << p << " max_fails=1 fail_timeout=1s;\n";
  std::ofstream(dir_ + "/nginx.conf")
      << "daemon off;\nmaster_process off;\nworker_processes 1;\n"
      << "pid " << dir_ << "/nginx.pid;\nerror_log " << dir_ << "/error.log warn;\n"
      << "events { worker_connections 4096; }\n"
      << "http {\n  access_log off;\n"
      << "  client_body_temp_path " << dir_ << "/body;\n  proxy_temp_path " << dir_ << "/proxy;\n"
      << "  fastcgi_temp_path " << dir_ << "/fastcgi;\n  uwsgi_temp_path " << dir_ << "/uwsgi;\n"
      << "  scgi_temp_path " << dir_ << "/scgi;\n  client_max_body_size 16m;\n"
      << "  upstream courthub {\n" << upstream.str() << "    keepalive 32;\n  }\n"
      << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    location / {\n"
      << "      proxy_pass http://courthub;\n      proxy_http_version 1.1;\n"
      << "      proxy_set_header Connection \"\";\n"
      << "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
      << "      proxy_next_upstream error timeout;\n      proxy_connect_timeout 2s;\n"
      << "      proxy_read_timeout 60s;\n    }\n  }\n}\n";

  std::vector<std::string> args = {nginx, "-p", dir_, "-c", dir_ + "/nginx.conf"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string out = dir_ + "/stdout.log";
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + nginx);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!accepts(port_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx exited at its start:\n" + error_log());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      throw std::runtime_error("nginx did not listen within 20 s:\n" + error_log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

NginxBalancer::~NginxBalancer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGQUIT);
    bool gone = false;
    for (int i = 0; i < 250 && !(gone = ::waitpid(pid_, nullptr, WNOHANG) == pid_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!gone) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (!std::getenv("COURTHUB_KEEP_TEST_DIRS")) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

std::string NginxBalancer::error_log() const {
  std::string text;
  for (const char* name : {"/error.log", "/stdout.log"}) {
    std::ifstream in(dir_ + name);
    text += std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return text;
}

}  // namespace courthub::it
