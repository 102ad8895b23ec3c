// SPDX-License-Identifier: Apache-2.0
// Connection: the keep-alive request loop; ConnectionFactory: the live connections.
#include "host/http/connection.hpp"

#include <poll.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <memory>
#include <ostream>
#include <string>

namespace courthub::http {
namespace {

// HTTPServerSession with its read buffer's fill level visible: a pipelined request already
// read needs no wait.
class Session : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::HTTPServerSession;
  bool has_buffered_input() const { return buffered() > 0; }
};

// Whether `fd` has something to read (or hung up) within `timeout`.
bool wait_readable(int fd, Poco::Timespan timeout) {
  pollfd p{fd, POLLIN, 0};
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::microseconds(timeout.totalMicroseconds());
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    int rc = ::poll(&p, 1, static_cast<int>(std::max<int64_t>(left, 0)));
    if (rc > 0) return true;  // readable, or hung up: the read that follows finds out which
    if (rc == 0) return false;
    if (errno != EINTR) return false;
  }
}

// The current time as an HTTP date (RFC 9110 IMF-fixdate), remade once a second per thread.
const std::string& http_date_now() {
  struct Cached {
    time_t second = -1;
    std::string text;
  };
  thread_local Cached cached;
  const time_t now = std::time(nullptr);
  if (now != cached.second) {
    static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm t{};
    gmtime_r(&now, &t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[t.tm_wday],
                  t.tm_mday, kMonths[t.tm_mon], t.tm_year + 1900, t.tm_hour, t.tm_min, t.tm_sec);
    cached = Cached{now, buf};
  }
  return cached.text;
}

// An answer given before any handler ran (the request could not be parsed, or the handler
// failed with nothing sent); the connection closes after it.
void send_error(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPResponse::HTTPStatus status,
                const std::string& code, const std::string& message) {
  Poco::Net::HTTPServerResponseImpl response(session);
  response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  response.setStatusAndReason(status);
  response.setKeepAlive(false);
  response.set("Date", http_date_now());
  response.setContentType("application/json; charset=utf-8");
  const std::string body =
      R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})";
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  // Not sendBuffer(): with no request attached it sends the header only.
  response.send() << body << std::flush;
  session.setKeepAlive(false);
}

}  // namespace

Connection::Connection(const Poco::Net::StreamSocket& socket,
                       Poco::Net::HTTPServerParams::Ptr params,
                       Poco::Net::HTTPRequestHandlerFactory& handlers, ConnectionFactory& owner)
    : TCPServerConnection(socket), params_(std::move(params)), handlers_(handlers), owner_(owner) {
  if (!owner_.enter(this)) stopped_ = true;
}

Connection::~Connection() { owner_.leave(this); }

void Connection::run() {
  using Poco::Net::HTTPResponse;
  Session session(socket(), params_);  // also sets the socket's receive timeout
  const int fd = socket().impl()->sockfd();
  int allowed = params_->getMaxKeepAliveRequests();  // negative: no limit
  Poco::Timespan wait = params_->getTimeout();       // for the first request
  while (!stopped_ && allowed != 0) {
    if (!session.has_buffered_input() && !wait_readable(fd, wait)) break;
    wait = params_->getKeepAliveTimeout();
    if (allowed > 0) --allowed;
    try {
      std::lock_guard serving(serving_);
      if (stopped_) break;
      Poco::Net::HTTPServerResponseImpl response(session);
      Poco::Net::HTTPServerRequestImpl request(response, session, params_);
      response.set("Date", http_date_now());
      response.setVersion(request.getVersion());
      response.setKeepAlive(params_->getKeepAlive() && request.getKeepAlive() && allowed != 0);
      try {
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
            handlers_.createRequestHandler(request));
        if (request.getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK) {
          response.sendContinue();
        }
        handler->handleRequest(request, response);
        session.setKeepAlive(params_->getKeepAlive() && response.getKeepAlive() && allowed != 0);
      } catch (const Poco::Exception&) {
        if (!response.sent()) {
          try {
            send_error(session, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal",
                       "internal error");
          } catch (...) {
          }
        }
        break;
      }
    } catch (const Poco::Net::NoMessageException&) {
      break;  // the client closed the connection between requests
    } catch (const Poco::Net::MessageException& e) {
      try {
        send_error(session, HTTPResponse::HTTP_BAD_REQUEST, "invalid_argument",
                   "malformed HTTP request");
      } catch (...) {
      }
      break;
    } catch (const Poco::Exception&) {
      break;  // a network error or timeout while reading: nothing to answer
    }
    if (!session.getKeepAlive()) break;
  }
}

void Connection::stop(bool abort) {
  stopped_ = true;
  std::unique_lock serving(serving_, std::defer_lock);
  if (!abort) serving.lock();  // let the request being handled finish
  try {
    socket().shutdown();
  } catch (...) {
  }
}

ConnectionFactory::ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                                     Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
    : params_(std::move(params)), handlers_(std::move(handlers)) {}

Poco::Net::TCPServerConnection* ConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
  return new Connection(socket, params_, *handlers_, *this);
}

void ConnectionFactory::stop_all(bool abort) {
  std::lock_guard lock(mu_);
  stopped_ = true;
  for (Connection* c : live_) c->stop(abort);
}

bool ConnectionFactory::enter(Connection* c) {
  std::lock_guard lock(mu_);
  if (stopped_) return false;
  live_.insert(c);
  return true;
}

void ConnectionFactory::leave(Connection* c) {
  std::lock_guard lock(mu_);
  live_.erase(c);
}

}  // namespace courthub::http
