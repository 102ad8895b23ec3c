// SPDX-License-Identifier: Apache-2.0
// One keep-alive HTTP connection served on a pool thread, and the factory that tracks them.
//
// This is POCO's HTTPServerConnection loop with two changes that matter at tens of thousands
// of requests a second on two cores:
//   - waiting for a connection's next request is one poll(2) on its socket. POCO 1.11 creates
//     an epoll instance, registers the socket, waits and closes the instance for every wait:
//     four system calls and a file descriptor per request (5% of the host's CPU under load);
//   - the Date header is formatted once a second per thread, not once per response.
// Everything else is as POCO does it: a request POCO cannot parse gets 400 and the connection
// is closed; a handler's POCO exception gets 500 if nothing was sent; the keep-alive timeout,
// the request timeout and the keep-alive request limit come from HTTPServerParams.
//
// Threading: each Connection runs on one pool thread. ConnectionFactory::stop_all() may be
// called from any thread while connections run; it does not wait for them (join the pool).
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>
#include <mutex>
#include <set>

namespace courthub::http {

class ConnectionFactory;

class Connection : public Poco::Net::TCPServerConnection {
 public:
  Connection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
             Poco::Net::HTTPRequestHandlerFactory& handlers, ConnectionFactory& owner);
  ~Connection() override;

  // Serves requests until the client closes, a timeout passes, keep-alive ends or stop().
  void run() override;
  // Ends the connection: the loop stops before its next request. `abort` also shuts the
  // socket down at once, interrupting a request being read or a wait for the next one;
  // otherwise a request being handled finishes first. Any thread.
  void stop(bool abort);

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory& handlers_;
  ConnectionFactory& owner_;
  std::atomic<bool> stopped_{false};
  std::mutex serving_;  // held while a request is handled; stop(false) waits for it
};

// Makes a Connection for every accepted socket and remembers the live ones for stop_all().
// Owns the handler factory. The TCPServer owns this factory (through its Ptr).
class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);

  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;
  // Stops every live connection (see Connection::stop) and every one accepted afterwards.
  void stop_all(bool abort);

 private:
  friend class Connection;
  // False once stop_all() has run: the connection must end at once.
  bool enter(Connection* c);
  void leave(Connection* c);

  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::mutex mu_;
  std::set<Connection*> live_;
  bool stopped_ = false;
};

}  // namespace courthub::http
