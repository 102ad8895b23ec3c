// SPDX-License-Identifier: Apache-2.0
// The host configuration as typed values, after ${VAR} expansion and validation.
//
// Produced by load_config() (config_loader.hpp); immutable once loaded. A reload builds a new
// Config and swaps it in whole. Defaults below are the documented ones (docs/configuration.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "host/config/address_range.hpp"

namespace courthub::config {

// Where a value came from, for messages that point at the file.
struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string to_string() const {
    return line ? file + ":" + std::to_string(line) : file;
  }
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;            // 0 = any free port (tests)
  int threads = 16;                // HTTP worker threads
  int64_t max_body_bytes = 1 << 20;
  int queue_size = 256;            // the listen(2) backlog
  // The HTTP edge's limits (host/http/edge/, docs/operations.md "The HTTP edge").
  int64_t header_timeout_ms = 10000;         // from accept / the first byte to the header's end
  int64_t body_timeout_ms = 30000;           // from the header's end to the body's end
  int64_t body_min_bytes_per_second = 1024;  // slower bodies are cut (after a 1 s grace); 0 = off
  int64_t idle_timeout_ms = 15000;           // keep-alive: between requests
  int64_t write_timeout_ms = 30000;          // a response the client does not read
  int64_t max_connections = 10000;           // open connections in total
  int64_t max_connections_per_address = 256; // open connections from one client IP address
  int64_t max_header_bytes = 16384;          // request line + header lines (+ chunked trailers)
  // Balancers in front of the hosts: their X-Forwarded-For names the client (http/client_address).
  std::vector<AddressRange> trusted_proxies;
};

// storage.postgres: the shared database of `backend: postgres` (docs/configuration.md).
struct PostgresConfig {
  std::string url;                  // libpq conninfo or postgresql:// URI; a secret
  std::string schema = "courthub";  // the host's; each plugin gets <schema>_p_<plugin>
  int connections = 4;              // per database (the host's and each plugin's), on demand
  // How long a host's claim on work lasts (a subscriber's event deliveries, outbox messages it is
  // sending): so how soon the other hosts take over the work of a host that died.
  int64_t takeover_ms = 30000;
};

struct StorageConfig {
  enum class Backend { kSqlite, kPostgres };
  Backend backend = Backend::kSqlite;
  std::string data_dir = "./var";  // relative to the configuration file's directory
  bool synchronous_full = true;    // `synchronous: full|normal`
  int busy_timeout_ms = 5000;      // SQLite's busy timeout; PostgreSQL's lock_timeout
  PostgresConfig postgres;
};

struct AdminConfig {
  std::string token;  // required; a secret
};

struct DirectoryConfig {
  std::vector<std::string> seed;   // resolved paths of seed files, in order
};

// The work calendar's yearly holiday files (docs/work-calendar.md).
struct CalendarConfig {
  std::vector<std::string> files;  // resolved paths; default: every *.yaml in kCalendarDir
};

struct GroupRobot {
  std::string name;
  std::string webhook;  // https://oapi.dingtalk.com/robot/send?access_token=... ; a secret
  std::string secret;   // SEC... for 加签; empty = unsigned; a secret
};

struct DingTalkConfig {
  std::string api_base = "https://oapi.dingtalk.com";  // DingTalk open API (or the local double)
  // DingTalk's newer API (/v1.0/...: Stream mode's connections/open, interactive cards) lives on
  // another host than the older one (api_base). Empty: derived, see v1_base().
  std::string api_v1_base;
  // A PEM file of CA certificates trusted besides the system's (a TLS-inspecting proxy between
  // the court and DingTalk, or a test double); empty: the system's store only. Resolved.
  std::string ca_file;
  // Where /v1.0/ calls go: api_v1_base when set; otherwise https://api.dingtalk.com while
  // api_base is DingTalk's own, else api_base (the local double, or a proxy serving both).
  std::string v1_base() const {
    if (!api_v1_base.empty()) return api_v1_base;
    return api_base == "https://oapi.dingtalk.com" ? "https://api.dingtalk.com" : api_base;
  }
  std::string app_key;       // appKey / clientId
  std::string app_secret;    // a secret
  std::string corp_id;
  int64_t agent_id = 0;
  // Event subscription (HTTP push)
  std::string callback_token;    // a secret
  std::string callback_aes_key;  // 43 characters; a secret
  std::string owner_key;         // defaults to app_key
  int64_t callback_window_ms = 300000;  // accepted timestamp skew, both directions
  int64_t robot_window_ms = 3600000;
  std::string card_route_key;    // the secret path segment of /dingtalk/cards/<key>
  std::vector<GroupRobot> group_robots;
  int outbox_max_attempts = 12;
  int robot_per_minute = 20;
  // The development login (/auth/dev): pages outside DingTalk pick a demo user and the host asks
  // the DingTalk double (api_base) for that user's auth code. Only for the demo and tests.
  bool dev_login = false;
  // How events reach the host (docs/configuration.md, `dingtalk.mode`): DingTalk's HTTP push to
  // /dingtalk/events, a Stream mode connection the host opens (no inbound port), or both.
  enum class Mode { kHttp, kStream, kBoth };
  Mode mode = Mode::kHttp;
  bool stream() const { return mode != Mode::kHttp; }
  bool http_push() const { return mode != Mode::kStream; }
  // Stream mode's connection (host/dingtalk/stream_client): a WebSocket ping after
  // `ping_interval_ms` without a frame; no frame or pong `pong_timeout_ms` after it: the
  // connection is dead and is opened again. Reconnects wait from reconnect_min_ms, doubling
  // to reconnect_max_ms, with up to 20% jitter.
  int64_t stream_ping_interval_ms = 30000;
  int64_t stream_pong_timeout_ms = 10000;
  int64_t stream_reconnect_min_ms = 1000;
  int64_t stream_reconnect_max_ms = 60000;
};

// The SMS gateway the outbox's `sms` messages go through (docs/outbox.md, "SMS"): POST JSON
// {mobile, content} to `url`, signed with X-Courthub-Signature: hex HMAC-SHA256(secret, body).
// No section = SMS messages wait in the outbox until one is configured.
struct SmsConfig {
  std::string url;
  std::string secret;  // a secret
  bool configured() const { return !url.empty(); }
};

struct SessionConfig {
  std::string secret;            // HS256 key for mini-app session tokens; a secret
  int64_t ttl_seconds = 8 * 3600;
};

// How calls into one plugin are contained (docs/configuration.md, `limits:`): each call has a
// deadline, and at most max_concurrent run at once with max_queued more waiting; further
// callers are refused at once. A plugin that is not thread-safe runs one call at a time whatever
// max_concurrent says.
struct PluginLimits {
  int64_t deadline_ms = 5000;  // 1..600000
  int max_concurrent = 4;      // 1..64
  int max_queued = 4;          // 0..1024
  bool operator==(const PluginLimits&) const = default;
};

// How an isolated plugin's runner process is supervised (docs/configuration.md, runner:).
struct RunnerConfig {
  int max_crashes = 5;              // crashes within window_s that disable the plugin
  int64_t window_s = 600;
  int64_t backoff_initial_ms = 500;  // first restart delay, doubled per crash in the window
  int64_t backoff_max_ms = 30000;
  int channels = 8;                 // concurrent calls into the runner
  bool operator==(const RunnerConfig&) const = default;
};

struct PluginConfig {
  std::string name;
  std::string file;      // resolved path of <name>.so ("" if not found: see PluginConfig errors)
  bool enabled = true;
  std::string sha256;    // lowercase hex; empty = not pinned
  Json settings = Json::object();
  // JSON pointer ("/rooms/0/capacity") -> where it stands in the YAML.
  std::map<std::string, Location> settings_locations;
  Location location;     // the plugin's entry in the list
  PluginLimits limits;
  // "in_process" or "process" (a runner process, host/plugins/remote_plugin.hpp). Default:
  // in_process for the plugins bundled with this binary, process for every other.
  std::string isolation = "in_process";
  RunnerConfig runner;
};

struct Config {
  std::string file;      // the file it was loaded from (absolute)
  ServerConfig server;
  StorageConfig storage;
  AdminConfig admin;
  DirectoryConfig directory;
  CalendarConfig calendar;
  DingTalkConfig dingtalk;
  SmsConfig sms;
  SessionConfig sessions;
  std::vector<std::string> plugin_search_path;  // resolved directories
  std::vector<PluginConfig> plugins;

  const PluginConfig* plugin(const std::string& name) const {
    for (auto& p : plugins)
      if (p.name == name) return &p;
    return nullptr;
  }
};

// Where a JSON pointer into a plugin's settings stands in the file: the longest known prefix.
Location locate_setting(const PluginConfig& plugin, const std::string& pointer);

}  // namespace courthub::config
