// SPDX-License-Identifier: Apache-2.0
// HttpServer: POCO server setup, per-request bookkeeping and graceful stop.
#include "host/http/server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <thread>

#include "host/http/connection.hpp"
#include "host/log.hpp"

namespace courthub::http {
namespace {

bool acceptable_request_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

class HttpServer::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(HttpServer& server) : server_(server) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    server_.in_flight_++;
    auto started = std::chrono::steady_clock::now();
    std::string id = request.get("X-Request-Id", "");
    if (!acceptable_request_id(id)) id = log::new_request_id();
    log::RequestScope scope(id);
    if (server_.draining_) response.setKeepAlive(false);
    Exchange ex(request, response, server_.config_.max_body_bytes, id);
    try {
      server_.router_.dispatch(ex);
      if (!ex.responded()) ex.respond_error(500, "internal", "the endpoint gave no answer");
    } catch (const std::exception& e) {
      log::error("http", std::string("unhandled error: ") + e.what());
      ex.respond_error(500, "internal", "internal error");
    } catch (...) {
      log::error("http", "unhandled error");
      ex.respond_error(500, "internal", "internal error");
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Labels labels = {{"route", ex.route_label}, {"plugin", ex.plugin_label}};
    server_.metrics_.observe("courthub_http_request_duration_seconds", labels, seconds);
    labels.emplace_back("method", ex.method());
    labels.emplace_back("status", std::to_string(ex.status()));
    server_.metrics_.count("courthub_http_requests_total", labels);
    std::string line = ex.method() + " " + ex.path() + " " + std::to_string(ex.status()) + " " +
                       std::to_string(static_cast<int>(seconds * 1e6)) + "us";
    if (ex.status() >= 500) {
      log::warn("http", line);
    } else {
      log::debug("http", line);
    }
    server_.in_flight_--;
  }

 private:
  HttpServer& server_;
};

class HttpServer::Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(HttpServer& server) : server_(server) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(server_);
  }

 private:
  HttpServer& server_;
};

HttpServer::HttpServer(const config::ServerConfig& config, const Router& router,
                       Metrics& metrics)
    : config_(config), router_(router), metrics_(metrics) {
  metrics_.describe("courthub_http_requests_total", "counter",
                    "HTTP requests by endpoint, plugin, method and status");
  metrics_.describe("courthub_http_request_duration_seconds", "histogram",
                    "HTTP request latency by endpoint and plugin");
}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

Outcome HttpServer::start() {
  try {
    Poco::Net::SocketAddress address(config_.host, config_.port);
    Poco::Net::ServerSocket socket;
    // reuseAddress but not reusePort: a second host on the same port must fail, not share it.
    socket.bind(address, true, false);
    socket.listen(config_.queue_size);
    auto* params = new Poco::Net::HTTPServerParams();
    params->setMaxThreads(config_.threads);
    params->setMaxQueued(config_.queue_size);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(100000);  // POCO reads 0 as "no keep-alive"
    params->setThreadIdleTime(Poco::Timespan(0, 100000));  // idle workers notice stop() fast
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    pool_ = std::make_unique<Poco::ThreadPool>(2, config_.threads + 2);
    Poco::Net::HTTPServerParams::Ptr shared_params(params);
    auto* connections = new ConnectionFactory(shared_params, new Factory(*this));
    server_ = std::make_unique<Poco::Net::TCPServer>(connections, *pool_, socket, shared_params);
    connections_ = connections;
    server_->start();
  } catch (const Poco::Exception& e) {
    server_.reset();
    return Outcome::unavailable("cannot listen on " + config_.host + ":" +
                                std::to_string(config_.port) + ": " + e.displayText());
  }
  return Outcome::success();
}

uint16_t HttpServer::port() const { return server_ ? server_->port() : 0; }

void HttpServer::stop(std::chrono::milliseconds drain) {
  if (!server_) return;
  draining_ = true;
  server_->stop();  // no new connections
  auto deadline = std::chrono::steady_clock::now() + drain;
  while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  connections_->stop_all(true);  // close idle keep-alive connections
  pool_->joinAll();               // every connection has ended: the factory may go
  server_.reset();
  connections_ = nullptr;
  pool_.reset();
}

}  // namespace courthub::http
