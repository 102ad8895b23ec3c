// SPDX-License-Identifier: Apache-2.0
// The plugin runner: the plugin's calls served from the host, the host table forwarded back.
#include "host/plugins/plugin_runner.hpp"

#include <unistd.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "host/plugins/plugin_instance.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/plugins/runner_protocol.hpp"

namespace courthub::plugins {
namespace {

using wire::FrameReader;
using wire::FrameWriter;
using wire::Kind;
using wire::Op;
using wire::view;

// The one plugin this runner serves.
std::shared_ptr<const PluginLibrary> g_library;
ch_plugin* g_plugin = nullptr;
ch_host g_host{nullptr};  // the plugin passes it back; every host call goes over a channel

int g_free_fd = -1;
std::mutex g_free_mu;
thread_local int t_fd = -1;  // the channel this thread is serving, -1 on the plugin's own threads
thread_local std::string t_host_error;

[[noreturn]] void leave(int code) { ::_exit(code); }

void serve_call(int fd, FrameReader& r);

// Sends a host call and waits for its Return, serving the host's nested calls meanwhile.
std::string call_host(FrameWriter& w) {
  std::unique_lock<std::mutex> free_lock;
  int fd = t_fd;
  bool borrowed = false;
  if (fd < 0) {
    free_lock = std::unique_lock(g_free_mu);
    fd = g_free_fd;
    t_fd = fd;  // nested calls (a transaction body) stay on this channel
    borrowed = true;
  }
  if (!wire::write_all(fd, w.bytes())) leave(0);
  std::string payload;
  for (;;) {
    if (wire::read_frame(fd, payload) != wire::ReadResult::Ok) leave(0);
    FrameReader r(payload);
    if (!r.header_ok()) leave(3);
    if (r.kind() == Kind::Return) break;
    serve_call(fd, r);
  }
  if (borrowed) t_fd = -1;
  return payload;
}

// The Return of a host call: status and error read, the rest left for the caller.
struct HostAnswer {
  std::string payload;
  FrameReader reader;
  ch_status status;
  explicit HostAnswer(FrameWriter& w) : payload(call_host(w)), reader(payload) {
    status = reader.i32();
    t_host_error = std::string(reader.str());
    if (!reader.ok()) leave(3);
  }
};

ch_status simple(FrameWriter& w) { return HostAnswer(w).status; }

// --- the host table, forwarded ----------------------------------------------------------------

ch_str h_last_error(ch_host*) { return view(t_host_error); }

void h_log(ch_host*, uint32_t level, ch_str message) {
  FrameWriter w(Kind::Call, wire::op(Op::Log));
  w.u32(level).str(view(message));
  simple(w);
}

ch_status string_answer(FrameWriter& w, ch_str_sink sink, void* ctx) {
  HostAnswer a(w);
  std::string_view s = a.reader.str();
  if (a.status == CH_OK && sink) sink(ctx, view(s));
  return a.status;
}

ch_status h_settings(ch_host*, ch_str_sink sink, void* ctx) {
  FrameWriter w(Kind::Call, wire::op(Op::Settings));
  return string_answer(w, sink, ctx);
}

ch_status h_data_dir(ch_host*, ch_str_sink sink, void* ctx) {
  FrameWriter w(Kind::Call, wire::op(Op::DataDir));
  return string_answer(w, sink, ctx);
}

void h_settings_error(ch_host*, ch_str path, ch_str message) {
  FrameWriter w(Kind::Call, wire::op(Op::SettingsError));
  w.str(view(path)).str(view(message));
  simple(w);
}

ch_status h_register_route(ch_host*, ch_str method, ch_str pattern, uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::RegisterRoute));
  w.str(view(method)).str(view(pattern)).u64(handler);
  return simple(w);
}

ch_status h_register_command(ch_host*, ch_str name, ch_str usage, ch_str summary,
                             uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::RegisterCommand));
  w.str(view(name)).str(view(usage)).str(view(summary)).u64(handler);
  return simple(w);
}

ch_status h_register_card_action(ch_host*, ch_str action, uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::RegisterCardAction));
  w.str(view(action)).u64(handler);
  return simple(w);
}

ch_status h_subscribe(ch_host*, ch_str topic, uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::Subscribe));
  w.str(view(topic)).u64(handler);
  return simple(w);
}

ch_status h_schedule(ch_host*, ch_str name, ch_str cron, ch_str tz, uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::Schedule));
  w.str(view(name)).str(view(cron)).str(view(tz)).u64(handler);
  return simple(w);
}

ch_status h_register_portal_route(ch_host*, ch_str audience, ch_str method, ch_str pattern,
                                  uint64_t handler) {
  FrameWriter w(Kind::Call, wire::op(Op::RegisterPortalRoute));
  w.str(view(audience)).str(view(method)).str(view(pattern)).u64(handler);
  return simple(w);
}

// A transaction crosses as the host's id for it; the plugin only passes it back.
uint64_t txn_id(ch_txn* txn) { return reinterpret_cast<uint64_t>(txn); }

ch_status h_publish(ch_host*, ch_txn* txn, ch_str name, ch_str payload, ch_str key) {
  FrameWriter w(Kind::Call, wire::op(Op::Publish));
  w.u64(txn_id(txn)).str(view(name)).str(view(payload)).str(view(key));
  return simple(w);
}

ch_status h_outbox_send(ch_host*, ch_txn* txn, ch_str message, int64_t* out_id) {
  FrameWriter w(Kind::Call, wire::op(Op::OutboxSend));
  w.u64(txn_id(txn)).str(view(message));
  HostAnswer a(w);
  int64_t id = a.reader.i64();
  if (a.status == CH_OK && out_id) *out_id = id;
  return a.status;
}

ch_status h_db_migrate(ch_host*, const ch_migration* migrations, size_t count) {
  FrameWriter w(Kind::Call, wire::op(Op::DbMigrate));
  w.u32(static_cast<uint32_t>(count));
  for (size_t i = 0; i < count; ++i) {
    w.i64(migrations[i].version).str(view(migrations[i].name)).str(view(migrations[i].sql));
  }
  return simple(w);
}

// The host runs the statement to its end and sends every row; they are replayed into the sink
// here, which may still stop early (db_query then returns the sink's status).
ch_status h_db_query(ch_host*, ch_txn* txn, ch_str sql, const ch_value* params, size_t count,
                     ch_row_sink sink, void* ctx, ch_db_result* out) {
  FrameWriter w(Kind::Call, wire::op(Op::DbQuery));
  w.u64(txn_id(txn)).str(view(sql)).u8(sink ? 1 : 0).u32(static_cast<uint32_t>(count));
  for (size_t i = 0; i < count; ++i) wire::put_value(w, params[i]);
  HostAnswer a(w);
  FrameReader& r = a.reader;
  int64_t changes = r.i64(), last_id = r.i64();
  uint32_t columns = r.count(4);
  std::vector<ch_str> names;
  for (uint32_t i = 0; i < columns && r.ok(); ++i) names.push_back(view(r.str()));
  uint32_t rows = r.count(1);
  if (!r.ok()) leave(3);
  if (a.status != CH_OK) return a.status;
  std::vector<ch_value> values(columns);
  for (uint32_t row = 0; row < rows; ++row) {
    for (uint32_t c = 0; c < columns; ++c) values[c] = wire::read_value(r);
    if (!r.ok()) leave(3);
    if (sink) {
      ch_status st = sink(ctx, names.data(), values.data(), columns);
      if (st != CH_OK) return st;
    }
  }
  if (out && out->struct_size >= offsetof(ch_db_result, last_insert_id) + sizeof(int64_t)) {
    out->changes = changes;
    out->last_insert_id = last_id;
  }
  return CH_OK;
}

ch_status h_db_transaction(ch_host*, ch_status (*body)(void*, ch_txn*), void* ctx) {
  FrameWriter w(Kind::Call, wire::op(Op::DbTransaction));
  w.u64(reinterpret_cast<uint64_t>(body)).u64(reinterpret_cast<uint64_t>(ctx));
  return simple(w);
}

ch_status h_directory(ch_host*, ch_str query, ch_str_sink sink, void* ctx) {
  FrameWriter w(Kind::Call, wire::op(Op::Directory));
  w.str(view(query));
  return string_answer(w, sink, ctx);
}

ch_status h_plugin_active(ch_host*, ch_str name) {
  FrameWriter w(Kind::Call, wire::op(Op::PluginActive));
  w.str(view(name));
  return simple(w);
}

int64_t h_now_ms(ch_host*) {
  FrameWriter w(Kind::Call, wire::op(Op::NowMs));
  HostAnswer a(w);
  return a.reader.i64();
}

ch_status h_is_workday(ch_host*, ch_day day, uint32_t* out) {
  FrameWriter w(Kind::Call, wire::op(Op::IsWorkday));
  w.i64(day);
  HostAnswer a(w);
  uint32_t v = a.reader.u32();
  if (a.status == CH_OK && out) *out = v;
  return a.status;
}

ch_status h_next_workday(ch_host*, ch_day day, ch_day* out) {
  FrameWriter w(Kind::Call, wire::op(Op::NextWorkday));
  w.i64(day);
  HostAnswer a(w);
  int64_t v = a.reader.i64();
  if (a.status == CH_OK && out) *out = v;
  return a.status;
}

ch_status h_workdays_between(ch_host*, ch_day first, ch_day last, int64_t* out) {
  FrameWriter w(Kind::Call, wire::op(Op::WorkdaysBetween));
  w.i64(first).i64(last);
  HostAnswer a(w);
  int64_t v = a.reader.i64();
  if (a.status == CH_OK && out) *out = v;
  return a.status;
}

ch_status h_issue_session(ch_host*, ch_str audience, ch_str subject, ch_str_sink sink,
                          void* ctx) {
  FrameWriter w(Kind::Call, wire::op(Op::IssueSession));
  w.str(view(audience)).str(view(subject));
  return string_answer(w, sink, ctx);
}

// The engine never changes while the host runs: asked once, then remembered.
uint32_t h_db_dialect(ch_host*) {
  static std::atomic<uint32_t> known{0};
  uint32_t v = known.load();
  if (v != 0) return v;
  FrameWriter w(Kind::Call, wire::op(Op::DbDialect));
  HostAnswer a(w);
  v = a.reader.u32();
  if (a.status != CH_OK || v == 0) return CH_DB_SQLITE;
  known.store(v);
  return v;
}

ch_host_api make_host_table() {
  const ch_host_api* real = host_api();  // reply_* only touch the local ch_reply
  return ch_host_api{sizeof(ch_host_api), CH_ABI_MAJOR, CH_ABI_MINOR, &h_last_error, &h_log,
                     &h_settings, &h_data_dir, &h_settings_error, &h_register_route,
                     &h_register_command, &h_register_card_action, &h_subscribe, &h_schedule,
                     &h_publish, &h_outbox_send, &h_db_migrate, &h_db_query, &h_db_transaction,
                     &h_directory, &h_plugin_active, real->reply_status, real->reply_header,
                     real->reply_body, real->reply_title, &h_now_ms, &h_is_workday,
                     &h_next_workday, &h_workdays_between, &h_issue_session,
                     &h_register_portal_route, &h_db_dialect};
}
const ch_host_api kForwardingTable = make_host_table();

// --- the plugin table, served ---------------------------------------------------------------

std::string plugin_error() {
  if (!g_plugin || !g_library) return {};
  return std::string(view(g_library->api->last_error(g_plugin)));
}

// Answers one call: status, the plugin's last_error when it failed, then `extra` fields.
template <class Extra>
void answer(int fd, Op o, ch_status st, Extra&& extra) {
  FrameWriter w(Kind::Return, wire::op(o));
  w.i32(st).str(st == CH_OK ? std::string() : plugin_error());
  extra(w);
  if (!wire::write_all(fd, w.bytes())) leave(0);
}
void answer(int fd, Op o, ch_status st) {
  answer(fd, o, st, [](FrameWriter&) {});
}
void answer_error(int fd, Op o, ch_status st, const std::string& error) {
  FrameWriter w(Kind::Return, wire::op(o));
  w.i32(st).str(error);
  if (!wire::write_all(fd, w.bytes())) leave(0);
}

void serve_load(int fd, FrameReader& r) {
  std::string path(r.str()), name(r.str()), sha(r.str());
  if (!r.ok()) leave(3);
  auto lib = load_plugin_library(path, name, sha);
  if (!lib) {  // the answer has the same shape either way: empty fields after the error
    FrameWriter w(Kind::Return, wire::op(Op::Load));
    w.i32(lib.outcome().abi_code()).str(lib.outcome().message());
    wire::put_load_answer(w, wire::LoadAnswer{});
    if (!wire::write_all(fd, w.bytes())) leave(0);
    return;
  }
  g_library = *lib;
  const ch_plugin_api* api = g_library->api;
  wire::LoadAnswer a{g_library->name, g_library->version, g_library->description,
                     g_library->sha256, g_library->flags, g_library->abi_major,
                     g_library->abi_minor, 0};
  a.optional = (api->description ? wire::kHasDescription : 0) | (api->on_http ? wire::kHasHttp : 0) |
               (api->on_command ? wire::kHasCommand : 0) |
               (api->on_card_action ? wire::kHasCardAction : 0) |
               (api->on_event ? wire::kHasEvent : 0) | (api->on_job ? wire::kHasJob : 0);
  answer(fd, Op::Load, CH_OK, [&](FrameWriter& w) { wire::put_load_answer(w, a); });
}

ch_status unsupported() { return CH_UNSUPPORTED; }

void serve_call(int fd, FrameReader& r) {
  auto o = static_cast<Op>(r.op());
  if (o == Op::Load) return serve_load(fd, r);
  if (!g_library) leave(3);
  const ch_plugin_api* api = g_library->api;
  if (o != Op::Create && o != Op::RunBody && !g_plugin) leave(3);
  switch (o) {
    case Op::Create: {
      if (g_plugin) leave(3);
      g_plugin = api->create(&kForwardingTable, &g_host);
      return answer_error(fd, o, g_plugin ? CH_OK : CH_ERROR,
                          g_plugin ? "" : "the plugin could not create an instance");
    }
    case Op::Configure: {
      std::string_view settings = r.str();
      if (!r.ok()) leave(3);
      return answer(fd, o, api->configure(g_plugin, view(settings)));
    }
    case Op::Activate:
      return answer(fd, o, api->activate(g_plugin));
    case Op::Http: {
      wire::HttpIn in;
      uint64_t handler = r.u64();
      wire::read_http(r, in);
      if (!r.ok()) leave(3);
      ch_reply reply;
      ch_status st = api->on_http ? api->on_http(g_plugin, handler, &in.request, &reply) : unsupported();
      return answer(fd, o, st, [&](FrameWriter& w) { wire::put_reply(w, reply); });
    }
    case Op::Command: {
      wire::CommandIn in;
      uint64_t handler = r.u64();
      wire::read_command(r, in);
      if (!r.ok()) leave(3);
      ch_reply reply;
      ch_status st = api->on_command ? api->on_command(g_plugin, handler, &in.command, &reply)
                                     : unsupported();
      return answer(fd, o, st, [&](FrameWriter& w) { wire::put_reply(w, reply); });
    }
    case Op::CardAction: {
      wire::CardActionIn in;
      uint64_t handler = r.u64();
      wire::read_card_action(r, in);
      if (!r.ok()) leave(3);
      ch_reply reply;
      ch_status st = api->on_card_action
                         ? api->on_card_action(g_plugin, handler, &in.action, &reply)
                         : unsupported();
      return answer(fd, o, st, [&](FrameWriter& w) { wire::put_reply(w, reply); });
    }
    case Op::Event: {
      ch_event ev;
      uint64_t handler = r.u64();
      wire::read_event(r, ev);
      if (!r.ok()) leave(3);
      return answer(fd, o, api->on_event ? api->on_event(g_plugin, handler, &ev) : unsupported());
    }
    case Op::Job: {
      ch_job job;
      uint64_t handler = r.u64();
      wire::read_job(r, job);
      if (!r.ok()) leave(3);
      return answer(fd, o, api->on_job ? api->on_job(g_plugin, handler, &job) : unsupported());
    }
    case Op::Destroy:
      api->destroy(g_plugin);
      g_plugin = nullptr;
      return answer_error(fd, o, CH_OK, "");
    case Op::RunBody: {
      // Our own function and context pointers, echoed by the host with its transaction id.
      auto body = reinterpret_cast<ch_status (*)(void*, ch_txn*)>(r.u64());
      auto* ctx = reinterpret_cast<void*>(r.u64());
      auto* txn = reinterpret_cast<ch_txn*>(r.u64());
      if (!r.ok() || !body) leave(3);
      // A failing body explains itself to its own caller, not through the plugin's last_error.
      return answer_error(fd, o, body(ctx, txn), "");
    }
    default:
      leave(3);
  }
}

void serve_channel(int fd) {
  t_fd = fd;
  std::string payload;
  for (;;) {
    if (wire::read_frame(fd, payload) != wire::ReadResult::Ok) leave(0);
    FrameReader r(payload);
    if (!r.header_ok() || r.kind() != Kind::Call) leave(3);
    serve_call(fd, r);
  }
}

}  // namespace

int run_plugin_runner(const RunnerProcess& fds) {
  g_free_fd = fds.free_fd;
  std::vector<std::thread> threads;
  for (size_t i = 1; i < fds.call_fds.size(); ++i) {
    threads.emplace_back(serve_channel, fds.call_fds[i]);
  }
  serve_channel(fds.call_fds[0]);  // never returns: EOF ends the process
  return 0;
}

}  // namespace courthub::plugins
