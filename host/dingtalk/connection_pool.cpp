// SPDX-License-Identifier: Apache-2.0
// ConnectionPool: idle keep-alive sessions by origin.
#include "host/dingtalk/connection_pool.hpp"

#include <Poco/Net/HTTPSClientSession.h>

namespace courthub::dingtalk {

namespace {

// One TLS context per CA file, made once: the system CA store verifies DingTalk's certificate,
// and the file's certificates besides.
Poco::Net::Context::Ptr client_context(const std::string& ca_file) {
  static std::mutex mu;
  static std::map<std::string, Poco::Net::Context::Ptr> contexts;
  std::lock_guard lock(mu);
  auto& context = contexts[ca_file];
  if (!context) {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", ca_file,
                                     Poco::Net::Context::VERIFY_RELAXED, 9, true);
  }
  return context;
}

}  // namespace

std::unique_ptr<Poco::Net::HTTPClientSession> new_session(const Poco::URI& uri,
                                                          const std::string& ca_file) {
  if (uri.getScheme() == "https" || uri.getScheme() == "wss") {
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(),
                                                           client_context(ca_file));
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

ConnectionPool::Lease ConnectionPool::take(const Poco::URI& uri) {
  Lease lease;
  lease.origin = uri.getScheme() + "://" + uri.getHost() + ":" + std::to_string(uri.getPort());
  {
    std::lock_guard lock(mu_);
    auto it = idle_.find(lease.origin);
    if (it != idle_.end() && !it->second.empty()) {
      lease.session = std::move(it->second.back());
      it->second.pop_back();
      lease.reused = true;
      return lease;
    }
  }
  lease.session = new_session(uri, ca_file_);
  lease.session->setKeepAlive(true);
  lease.session->setKeepAliveTimeout(Poco::Timespan(kIdleTimeoutSeconds, 0));
  return lease;
}

void ConnectionPool::give_back(Lease lease) {
  if (!lease.session) return;
  std::lock_guard lock(mu_);
  auto& idle = idle_[lease.origin];
  if (idle.size() < kIdlePerOrigin) idle.push_back(std::move(lease.session));
}

}  // namespace courthub::dingtalk
