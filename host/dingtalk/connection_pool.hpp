// SPDX-License-Identifier: Apache-2.0
// ConnectionPool: idle keep-alive HTTP(S) sessions to DingTalk, reused across calls.
//
// Every outbound message (work notice, card, robot reply) is one HTTPS request; opening a TCP
// connection and a TLS handshake for each costs more than the request. A caller takes a session
// for an origin (scheme, host, port), uses it alone, and gives it back when the exchange ended
// cleanly with keep-alive; at most kIdlePerOrigin idle sessions are kept per origin. POCO
// reconnects a session on its own once it has been idle longer than kIdleTimeout.
//
// Threading: take and give_back from any thread; a taken session belongs to its caller.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace courthub::dingtalk {

// A new session (not yet connected) to uri's host and port: HTTPS, verified against the system CA
// store and the certificates in `ca_file` (a PEM file; "" for none), for https:// and wss://
// URIs; plain HTTP otherwise (the local double). A server that fails verification fails the
// connection (Poco::Net::SSLException).
std::unique_ptr<Poco::Net::HTTPClientSession> new_session(const Poco::URI& uri,
                                                          const std::string& ca_file = "");

class ConnectionPool {
 public:
  static constexpr size_t kIdlePerOrigin = 16;
  static constexpr int kIdleTimeoutSeconds = 8;

  struct Lease {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    std::string origin;
    bool reused = false;  // came from the pool: the server may have closed it meanwhile
  };

  // HTTPS sessions trust the system CA store and `ca_file` (new_session).
  explicit ConnectionPool(std::string ca_file = "") : ca_file_(std::move(ca_file)) {}

  // An idle session to uri's origin, or a new one (not yet connected) when none is idle.
  Lease take(const Poco::URI& uri);
  // Keeps the session for the next caller. Call only after the whole response was read and the
  // server did not ask to close.
  void give_back(Lease lease);

 private:
  const std::string ca_file_;
  std::mutex mu_;  // guards idle_
  std::map<std::string, std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>>> idle_;
};

}  // namespace courthub::dingtalk
