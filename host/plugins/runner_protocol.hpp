// SPDX-License-Identifier: Apache-2.0
// The messages between the host and a plugin runner, on top of runner_frame.hpp: one op per
// ch_plugin_api call (host -> runner) and per ch_host_api call (runner -> host), and the codecs of
// the structs that travel with them. Both sides use these, so a field is encoded in one place.
//
// Every Call is answered by one Return with the same op: i32 status | str error | op fields.
// While a side waits for its Return it serves the Calls that arrive on the same channel (a
// db_transaction body, run by the runner while the host holds the transaction).
// Threading: pure functions; the decoded views point into the payload they were read from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "courthub/plugin_abi.h"
#include "host/plugins/runner_frame.hpp"

struct ch_reply;

namespace courthub::plugins::wire {

enum class Op : uint16_t {
  // host -> runner: the plugin table
  Load = 1,  // path, name, sha256 -> the library's identity (see LoadAnswer)
  Create,
  Configure,  // settings JSON
  Activate,
  Http,
  Command,
  CardAction,
  Event,
  Job,
  Destroy,
  RunBody,  // a db_transaction body: body, ctx (the runner's own values), txn id
  // runner -> host: the host table (reply_* and last_error stay in the runner)
  Log = 100,
  Settings,
  DataDir,
  SettingsError,
  RegisterRoute,
  RegisterCommand,
  RegisterCardAction,
  Subscribe,
  Schedule,
  RegisterPortalRoute,
  Publish,
  OutboxSend,
  DbMigrate,
  DbQuery,
  DbTransaction,
  Directory,
  PluginActive,
  NowMs,
  IsWorkday,
  NextWorkday,
  WorkdaysBetween,
  IssueSession,
  DbDialect,  // 2.3
};

inline uint16_t op(Op o) { return static_cast<uint16_t>(o); }
inline ch_str view(std::string_view s) { return ch_str{s.data(), s.size()}; }
inline std::string_view view(ch_str s) { return s.size ? std::string_view(s.data, s.size) : std::string_view(); }

// Which optional plugin functions a library provides (a NULL entry stays NULL behind the proxy).
enum Optional : uint8_t {
  kHasDescription = 1, kHasHttp = 2, kHasCommand = 4, kHasCardAction = 8, kHasEvent = 16, kHasJob = 32,
};

// The runner's answer to Load.
struct LoadAnswer {
  std::string name, version, description, sha256;
  uint64_t flags = 0;
  uint32_t abi_major = 0, abi_minor = 0;
  uint8_t optional = 0;
};
void put_load_answer(FrameWriter& w, const LoadAnswer& a);
bool read_load_answer(FrameReader& r, LoadAnswer& a);

// A caller: every view, the roles, and the 2.2 fields.
void put_caller(FrameWriter& w, const ch_caller* caller);
struct CallerIn {
  ch_caller caller{};
  std::vector<ch_str> roles;
};
void read_caller(FrameReader& r, CallerIn& out);

struct HttpIn {
  ch_http_request request{};
  CallerIn caller;
  std::vector<ch_str> param_names, param_values, query_names, query_values, header_names,
      header_values;
};
void put_http(FrameWriter& w, const ch_http_request& request);
void read_http(FrameReader& r, HttpIn& out);

struct CommandIn {
  ch_command command{};
  CallerIn caller;
};
void put_command(FrameWriter& w, const ch_command& command);
void read_command(FrameReader& r, CommandIn& out);

struct CardActionIn {
  ch_card_action action{};
  CallerIn caller;
};
void put_card_action(FrameWriter& w, const ch_card_action& action);
void read_card_action(FrameReader& r, CardActionIn& out);

void put_event(FrameWriter& w, const ch_event& event);
void read_event(FrameReader& r, ch_event& out);
void put_job(FrameWriter& w, const ch_job& job);
void read_job(FrameReader& r, ch_job& out);

// A reply built in the runner; the host applies it through its own reply_* functions, which
// check it again (a header with CR or LF is dropped there too).
void put_reply(FrameWriter& w, const ch_reply& reply);
void apply_reply(FrameReader& r, ch_reply* reply);

// Database values; text and blob views point into the payload.
void put_value(FrameWriter& w, const ch_value& v);
ch_value read_value(FrameReader& r);

}  // namespace courthub::plugins::wire
