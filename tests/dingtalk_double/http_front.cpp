// SPDX-License-Identifier: Apache-2.0
// The POCO HTTP server in front of dispatch(): sockets, threads, and ApiRequest <-> HTTP.
#include "tests/dingtalk_double/http_front.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <istream>
#include <stdexcept>

#include "tests/dingtalk_double/dispatch.hpp"
#include "tests/dingtalk_double/stream_front.hpp"

namespace courthub::dingtalk_double {
namespace {

// Only the headers a DingTalk client (or an SMS gateway's) is expected to set; recording all
// of them would make the log noisy with POCO's own (Host, Connection, ...).
constexpr const char* kRecordedHeaders[] = {"x-acs-dingtalk-access-token", "content-type",
                                           "x-courthub-signature"};

// False when the body is longer than kMaxBodyBytes.
bool read_body(std::istream& in, std::string& out) {
  char buf[8192];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<size_t>(in.gcount()));
    if (out.size() > kMaxBodyBytes) return false;
  }
  return true;
}

void send(Poco::Net::HTTPServerResponse& response, const ApiReply& reply) {
  const std::string text = reply.body.dump();
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType("application/json; charset=utf-8");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.send() << text;
}

class ExchangeHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ExchangeHandler(std::shared_ptr<DoubleState> state) : state_(std::move(state)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& http,
                     Poco::Net::HTTPServerResponse& response) override {
    ApiRequest request;
    request.at_ms = state_->now_ms();
    request.method = http.getMethod();
    request.peer = http.clientAddress().toString();
    request.query = Json::object();
    request.headers = Json::object();
    try {
      Poco::URI uri(http.getURI());
      request.path = uri.getPath();
      for (const auto& [name, value] : uri.getQueryParameters()) request.query[name] = value;
    } catch (const Poco::Exception& e) {
      send(response, errcode_reply(400, "malformed request URI: " + e.displayText(), 400));
      return;
    }
    for (const char* name : kRecordedHeaders) {
      if (http.has(name)) request.headers[name] = http.get(name);
    }
    if (!read_body(http.stream(), request.body)) {
      send(
          response,
          errcode_reply(
              413, "request body is larger than " + std::to_string(kMaxBodyBytes) + " bytes", 413));
      return;
    }
    send(response, dispatch(*state_, request));
  }

 private:
  std::shared_ptr<DoubleState> state_;
};

class ExchangeHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit ExchangeHandlerFactory(std::shared_ptr<DoubleState> state) : state_(std::move(state)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override {
    if (is_stream_connect(request)) return make_stream_handler(state_);
    return new ExchangeHandler(state_);
  }

 private:
  std::shared_ptr<DoubleState> state_;
};

}  // namespace

HttpFront::HttpFront(std::shared_ptr<DoubleState> state) : state_(std::move(state)) {}

HttpFront::~HttpFront() {
  stop();
}

void HttpFront::start() {
  std::lock_guard lock(mutex_);
  if (server_) throw std::logic_error("the DingTalk double is already started");
  const bool tls = !state_->options.tls_cert_file.empty();
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  if (tls) {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, state_->options.tls_key_file,
        state_->options.tls_cert_file, "", Poco::Net::Context::VERIFY_NONE);
    socket = std::make_unique<Poco::Net::SecureServerSocket>(context);
  } else {
    socket = std::make_unique<Poco::Net::ServerSocket>();
  }
  // POCO's one-argument bind also sets SO_REUSEPORT, which lets a second double (a stale one from
  // an earlier run) silently share the port and answer half the calls. Refuse that instead.
  socket->bind(Poco::Net::SocketAddress(state_->options.host, state_->options.port),
               /*reuseAddress=*/true, /*reusePort=*/false);
  socket->listen(64);
  auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
  params->setMaxThreads(16);
  params->setMaxQueued(128);
  params->setKeepAlive(true);
  // POCO reads 0 here as "no keep-alive"; hosts under test reuse sessions as they would with
  // DingTalk, and stop() aborts idle ones.
  params->setMaxKeepAliveRequests(1000);
  // POCO 1.11's dispatcher can miss a stop notice when stop() races a connection; the idle thread
  // then notices only after this timeout (default 10 s), and stop() waits for it.
  params->setThreadIdleTime(Poco::Timespan(0, 100 * 1000));
  pool_ = std::make_unique<Poco::ThreadPool>(2, 16);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new ExchangeHandlerFactory(state_), *pool_,
                                                    *socket, params);
  server_->start();
  bound_port_ = socket->address().port();
  socket_ = std::move(socket);
  state_->stream.set_endpoint((tls ? "wss://" : "ws://") + state_->options.host + ":" +
                              std::to_string(bound_port_) + "/connect");
}

void HttpFront::stop() {
  std::lock_guard lock(mutex_);
  if (!server_) return;
  // POCO's acceptor re-checks its stop flag only when its 250 ms poll returns; shutting the
  // listening socket down first makes that poll return at once, so stop() (once per test) takes
  // about a millisecond instead of up to a quarter second. The acceptor's failed accepts in
  // between are caught and ignored by POCO.
  try {
    socket_->impl()->shutdown();
  } catch (const Poco::Exception&) {
  }
  state_->stream.shut_down();  // Stream connections end at their next look (20 ms)
  server_->stopAll(true);
  pool_->joinAll();
  server_.reset();
  socket_.reset();
  pool_.reset();
  bound_port_ = 0;
}

uint16_t HttpFront::port() const {
  std::lock_guard lock(mutex_);
  return server_ ? bound_port_ : state_->options.port;
}

}  // namespace courthub::dingtalk_double
