// SPDX-License-Identifier: Apache-2.0
// The host's side of process isolation: the forwarding plugin table, the host calls a runner
// makes, and the supervisor that restarts a runner or disables its plugin.
#include "host/plugins/remote_plugin.hpp"

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "host/log.hpp"
#include "host/plugins/plugin_instance.hpp"
#include "host/plugins/runner_process.hpp"
#include "host/plugins/runner_protocol.hpp"

namespace courthub::plugins {

using wire::FrameReader;
using wire::FrameWriter;
using wire::Kind;
using wire::Op;
using wire::view;

namespace {

thread_local std::string t_error;  // the plugin's last_error as the forwarding table reports it

using Clock = std::chrono::steady_clock;

// One runner process and its channels. The supervisor owns its lifetime.
struct Generation {
  RunnerProcess proc;
  std::vector<bool> busy;  // per call channel, under RemotePlugin::mu_
  std::thread free_reader;
  bool dead = false;        // reaped; under RemotePlugin::mu_
  std::string kill_reason;  // why the host killed it, under RemotePlugin::mu_
  ~Generation() {
    for (int fd : proc.call_fds) ::close(fd);
    if (proc.free_fd >= 0) ::close(proc.free_fd);
  }
  void shut_down() {
    for (int fd : proc.call_fds) ::shutdown(fd, SHUT_RDWR);
    if (proc.free_fd >= 0) ::shutdown(proc.free_fd, SHUT_RDWR);
  }
};

bool is_registration(Op o) {
  switch (o) {
    case Op::RegisterRoute:
    case Op::RegisterCommand:
    case Op::RegisterCardAction:
    case Op::Subscribe:
    case Op::Schedule:
    case Op::RegisterPortalRoute:
    case Op::DbMigrate:
      return true;
    default:
      return false;
  }
}

}  // namespace

class RemotePlugin {
 public:
  RemotePlugin(config::PluginConfig pc, RunnerEvents events)
      : config_(std::move(pc)), events_(std::move(events)) {}
  ~RemotePlugin() { stop(); }

  Expected<wire::LoadAnswer> start();
  ch_plugin_api table{};

  // --- the forwarding table's work ---
  ch_plugin* create(ch_host* host);
  ch_status configure(std::string_view settings);
  ch_status activate();
  ch_status call(FrameWriter& w, Op o, const std::function<void(FrameReader&)>& extra = {});
  void destroy();
  void stop();
  IsolationStatus status();

 private:
  enum class State { Starting, Running, Restarting, Disabled, Stopped };
  struct Lease {
    std::shared_ptr<Generation> gen;
    size_t index = 0;
    int fd = -1;
  };
  struct Recorded {
    std::string payload;
    ch_status status;
    std::string error;
  };
  enum class BringUp { Ok, Lost, Refused };

  Expected<std::shared_ptr<Generation>> spawn();
  Outcome acquire(Lease& lease);
  void release(Lease& lease);
  bool exchange(Generation& gen, int fd, FrameWriter& w, std::string& reply);
  bool serve(Generation& gen, int fd, FrameReader& r, std::string_view payload);
  void serve_free_channel(Generation* gen);
  void kill_runner(Generation& gen, const std::string& why);
  ch_status call_on(Generation& gen, int fd, FrameWriter& w, Op o,
                    const std::function<void(FrameReader&)>& extra);
  BringUp bring_up(Generation& gen, std::string& why);
  void supervise();
  void emit(RunnerEvent::Kind kind, const std::string& detail);
  std::string unavailable_locked() const;
  std::string state_name_locked() const;

  uint64_t add_txn(ch_txn* txn);
  ch_txn* find_txn(uint64_t id);
  void drop_txn(uint64_t id);

  static ch_status run_body(void* tramp, ch_txn* txn);

  config::PluginConfig config_;
  RunnerEvents events_;
  std::string sha256_;  // of the library the first runner loaded; under mu_

  mutable std::mutex mu_;
  std::condition_variable cv_;
  State state_ = State::Starting;
  bool stopping_ = false;
  std::shared_ptr<Generation> gen_;  // the runner the supervisor watches
  std::thread supervisor_;
  uint64_t restarts_ = 0, crashes_ = 0;
  std::deque<Clock::time_point> recent_crashes_;
  std::string last_crash_, disabled_reason_;

  // The plugin's life so far, replayed in a restarted runner.
  ch_host* host_ = nullptr;
  bool created_ = false, configured_ = false, activated_ = false;
  std::string settings_;
  bool recording_ = false, replaying_ = false, replay_mismatch_ = false;
  size_t replay_pos_ = 0;
  std::vector<Recorded> recorded_;

  std::mutex txn_mu_;
  std::map<uint64_t, ch_txn*> txns_;
  uint64_t next_txn_ = 1;
};

namespace {

RemotePlugin& remote_of(ch_plugin* p) { return *reinterpret_cast<RemotePlugin*>(p); }

// --- the forwarding plugin table ------------------------------------------------------------

ch_str no_text() { return ch_str{nullptr, 0}; }
uint64_t no_flags() { return 0; }

ch_plugin* f_create(const ch_host_api*, ch_host* host) {
  RemotePlugin* remote = host->instance->library().remote.get();
  return remote ? remote->create(host) : nullptr;
}
void f_destroy(ch_plugin* p) { remote_of(p).destroy(); }
ch_str f_last_error(ch_plugin*) { return view(t_error); }
ch_status f_configure(ch_plugin* p, ch_str settings) { return remote_of(p).configure(view(settings)); }
ch_status f_activate(ch_plugin* p) { return remote_of(p).activate(); }

ch_status f_on_http(ch_plugin* p, uint64_t handler, const ch_http_request* req, ch_reply* reply) {
  FrameWriter w(Kind::Call, wire::op(Op::Http));
  w.u64(handler);
  wire::put_http(w, *req);
  return remote_of(p).call(w, Op::Http, [reply](FrameReader& r) { wire::apply_reply(r, reply); });
}

ch_status f_on_command(ch_plugin* p, uint64_t handler, const ch_command* c, ch_reply* reply) {
  FrameWriter w(Kind::Call, wire::op(Op::Command));
  w.u64(handler);
  wire::put_command(w, *c);
  return remote_of(p).call(w, Op::Command, [reply](FrameReader& r) { wire::apply_reply(r, reply); });
}

ch_status f_on_card_action(ch_plugin* p, uint64_t handler, const ch_card_action* a,
                           ch_reply* reply) {
  FrameWriter w(Kind::Call, wire::op(Op::CardAction));
  w.u64(handler);
  wire::put_card_action(w, *a);
  return remote_of(p).call(w, Op::CardAction,
                           [reply](FrameReader& r) { wire::apply_reply(r, reply); });
}

ch_status f_on_event(ch_plugin* p, uint64_t handler, const ch_event* e) {
  FrameWriter w(Kind::Call, wire::op(Op::Event));
  w.u64(handler);
  wire::put_event(w, *e);
  return remote_of(p).call(w, Op::Event);
}

ch_status f_on_job(ch_plugin* p, uint64_t handler, const ch_job* j) {
  FrameWriter w(Kind::Call, wire::op(Op::Job));
  w.u64(handler);
  wire::put_job(w, *j);
  return remote_of(p).call(w, Op::Job);
}

// Collects what a host function hands its sink.
struct StringSink {
  std::string value;
  static void take(void* self, ch_str s) { static_cast<StringSink*>(self)->value = std::string(view(s)); }
};

// Rows of a statement, encoded as they arrive.
struct RowCollector {
  std::vector<std::string> names;
  FrameWriter values{Kind::Return, 0};
  uint32_t rows = 0;
  static ch_status take(void* self, const ch_str* names, const ch_value* values, size_t n) {
    auto* c = static_cast<RowCollector*>(self);
    if (c->rows == 0) {
      for (size_t i = 0; i < n; ++i) c->names.emplace_back(view(names[i]));
    }
    if (n != c->names.size()) return CH_ERROR;
    for (size_t i = 0; i < n; ++i) wire::put_value(c->values, values[i]);
    ++c->rows;
    return CH_OK;
  }
};

// A db_transaction body that runs in the runner, down the channel of the call that opened it.
struct BodyTrampoline {
  RemotePlugin* remote;
  Generation* gen;
  int fd;
  uint64_t body, ctx;
};

}  // namespace

// --- lifecycle ------------------------------------------------------------------------------

Expected<std::shared_ptr<Generation>> RemotePlugin::spawn() {
  auto proc = spawn_runner(config_.runner.channels);
  if (!proc) return proc.outcome();
  auto gen = std::make_shared<Generation>();
  gen->proc = std::move(*proc);
  gen->busy.assign(gen->proc.call_fds.size(), false);
  gen->free_reader = std::thread([this, g = gen.get()] { serve_free_channel(g); });
  std::lock_guard lock(mu_);
  gen_ = gen;
  // stop() came while this one was being forked: it must not outlive the plugin.
  if (stopping_) ::kill(gen->proc.pid, SIGKILL);
  return gen;
}

Expected<wire::LoadAnswer> RemotePlugin::start() {
  auto gen = spawn();
  if (!gen) return gen.outcome();
  supervisor_ = std::thread([this] { supervise(); });
  FrameWriter w(Kind::Call, wire::op(Op::Load));
  w.str(config_.file).str(config_.name).str(config_.sha256);
  wire::LoadAnswer answer;
  ch_status st = call_on(**gen, (*gen)->proc.call_fds[0], w, Op::Load,
                         [&](FrameReader& r) { wire::read_load_answer(r, answer); });
  if (st != CH_OK) return Outcome::failure(static_cast<Status>(st), t_error);
  {
    std::lock_guard lock(mu_);
    sha256_ = answer.sha256;
    if (state_ == State::Starting) state_ = State::Running;
  }
  emit(RunnerEvent::Kind::Started, "pid " + std::to_string((*gen)->proc.pid));
  return answer;
}

ch_plugin* RemotePlugin::create(ch_host* host) {
  {
    std::lock_guard lock(mu_);
    if (created_) return nullptr;  // one instance per runner
    host_ = host;
  }
  FrameWriter w(Kind::Call, wire::op(Op::Create));
  if (call(w, Op::Create) != CH_OK) {
    log::error("plugin:" + config_.name, "could not create the plugin in its runner: " + t_error);
    stop();
    return nullptr;
  }
  std::lock_guard lock(mu_);
  created_ = true;
  return reinterpret_cast<ch_plugin*>(this);
}

ch_status RemotePlugin::configure(std::string_view settings) {
  FrameWriter w(Kind::Call, wire::op(Op::Configure));
  w.str(settings);
  ch_status st = call(w, Op::Configure);
  std::lock_guard lock(mu_);
  settings_ = std::string(settings);
  configured_ = st == CH_OK;
  return st;
}

ch_status RemotePlugin::activate() {
  {
    std::lock_guard lock(mu_);
    recorded_.clear();
    recording_ = true;
  }
  FrameWriter w(Kind::Call, wire::op(Op::Activate));
  ch_status st = call(w, Op::Activate);
  std::lock_guard lock(mu_);
  recording_ = false;
  activated_ = st == CH_OK;
  return st;
}

void RemotePlugin::destroy() {
  bool running;
  {
    std::lock_guard lock(mu_);
    running = state_ == State::Running && created_;
  }
  if (running) {
    FrameWriter w(Kind::Call, wire::op(Op::Destroy));
    (void)call(w, Op::Destroy);
  }
  stop();
}

void RemotePlugin::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    if (gen_ && !gen_->dead) ::kill(gen_->proc.pid, SIGKILL);
    if (state_ != State::Disabled) state_ = State::Stopped;
  }
  cv_.notify_all();
  if (supervisor_.joinable() && supervisor_.get_id() != std::this_thread::get_id()) {
    supervisor_.join();
  }
}

IsolationStatus RemotePlugin::status() {
  std::lock_guard lock(mu_);
  IsolationStatus s;
  s.mode = "process";
  s.runner_pid = gen_ && !gen_->dead ? gen_->proc.pid : 0;
  s.restarts = restarts_;
  s.crashes = crashes_;
  s.state = state_name_locked();
  s.last_crash = last_crash_;
  s.disabled_reason = disabled_reason_;
  return s;
}

std::string RemotePlugin::state_name_locked() const {
  switch (state_) {
    case State::Starting: return "starting";
    case State::Running: return "running";
    case State::Restarting: return "restarting";
    case State::Disabled: return "disabled";
    case State::Stopped: return "stopped";
  }
  return "stopped";
}

std::string RemotePlugin::unavailable_locked() const {
  const std::string who = "plugin '" + config_.name + "'";
  switch (state_) {
    case State::Restarting:
      return who + " is unavailable: its runner process ended (" + last_crash_ +
             ") and is being restarted";
    case State::Disabled:
      return who + " is disabled: " + disabled_reason_;
    case State::Running:
      return who + " is unavailable: its runner process ended during the call";
    default:
      return who + " is unavailable: its runner process is not running";
  }
}

void RemotePlugin::emit(RunnerEvent::Kind kind, const std::string& detail) {
  if (events_) events_(RunnerEvent{kind, config_.name, detail});
}

// --- calls ----------------------------------------------------------------------------------

Outcome RemotePlugin::acquire(Lease& lease) {
  std::unique_lock lock(mu_);
  for (;;) {
    if (state_ != State::Running || !gen_ || gen_->dead) {
      return Outcome::unavailable(unavailable_locked());
    }
    auto& g = *gen_;
    for (size_t i = 0; i < g.busy.size(); ++i) {
      if (!g.busy[i]) {
        g.busy[i] = true;
        lease = Lease{gen_, i, g.proc.call_fds[i]};
        return Outcome::success();
      }
    }
    cv_.wait(lock);
  }
}

void RemotePlugin::release(Lease& lease) {
  {
    std::lock_guard lock(mu_);
    lease.gen->busy[lease.index] = false;
  }
  cv_.notify_all();
}

void RemotePlugin::kill_runner(Generation& gen, const std::string& why) {
  std::lock_guard lock(mu_);
  if (gen.dead) return;
  if (gen.kill_reason.empty()) gen.kill_reason = why;
  log::error("plugin:" + config_.name, "killing its runner process: " + why);
  ::kill(gen.proc.pid, SIGKILL);
}

bool RemotePlugin::exchange(Generation& gen, int fd, FrameWriter& w, std::string& reply) {
  if (!wire::write_all(fd, w.bytes())) return false;
  for (;;) {
    auto got = wire::read_frame(fd, reply);
    if (got != wire::ReadResult::Ok) {
      if (got == wire::ReadResult::Garbage) kill_runner(gen, "it sent a malformed frame");
      return false;
    }
    FrameReader r(reply);
    if (!r.header_ok()) {
      kill_runner(gen, "it sent a frame of an unknown version or kind");
      return false;
    }
    if (r.kind() == Kind::Return) return true;
    if (!serve(gen, fd, r, reply)) {
      kill_runner(gen, "it sent a host call that does not decode (op " + std::to_string(r.op()) + ")");
      return false;
    }
  }
}

ch_status RemotePlugin::call_on(Generation& gen, int fd, FrameWriter& w, Op o,
                                const std::function<void(FrameReader&)>& extra) {
  std::string reply;
  bool ok = exchange(gen, fd, w, reply);
  if (ok) {
    FrameReader r(reply);
    ch_status st = r.i32();
    std::string error(r.str());
    if (extra) extra(r);
    if (r.ok() && r.op() == wire::op(o)) {
      t_error = std::move(error);
      return st;
    }
    kill_runner(gen, "it answered with a malformed result");
  }
  std::lock_guard lock(mu_);
  t_error = unavailable_locked();
  return CH_UNAVAILABLE;
}

ch_status RemotePlugin::call(FrameWriter& w, Op o, const std::function<void(FrameReader&)>& extra) {
  Lease lease;
  if (Outcome got = acquire(lease); !got.ok()) {
    t_error = got.message();
    return CH_UNAVAILABLE;
  }
  ch_status st = call_on(*lease.gen, lease.fd, w, o, extra);
  release(lease);
  return st;
}

// --- host calls from the runner -------------------------------------------------------------

uint64_t RemotePlugin::add_txn(ch_txn* txn) {
  std::lock_guard lock(txn_mu_);
  uint64_t id = next_txn_++;
  txns_[id] = txn;
  return id;
}
ch_txn* RemotePlugin::find_txn(uint64_t id) {
  std::lock_guard lock(txn_mu_);
  auto it = txns_.find(id);
  return it == txns_.end() ? nullptr : it->second;
}
void RemotePlugin::drop_txn(uint64_t id) {
  std::lock_guard lock(txn_mu_);
  txns_.erase(id);
}

ch_status RemotePlugin::run_body(void* p, ch_txn* txn) {
  auto* t = static_cast<BodyTrampoline*>(p);
  RemotePlugin& self = *t->remote;
  uint64_t id = self.add_txn(txn);
  FrameWriter w(Kind::Call, wire::op(Op::RunBody));
  w.u64(t->body).u64(t->ctx).u64(id);
  std::string saved_error = t_error;
  ch_status st = self.call_on(*t->gen, t->fd, w, Op::RunBody, {});
  t_error = saved_error;
  self.drop_txn(id);
  return st;
}

bool RemotePlugin::serve(Generation& gen, int fd, FrameReader& r, std::string_view payload) {
  const ch_host_api* H = host_api();
  auto o = static_cast<Op>(r.op());
  FrameWriter out(Kind::Return, r.op());
  ch_host* host;
  {
    std::lock_guard lock(mu_);
    host = host_;
  }
  auto host_error = [&] { return std::string(view(H->last_error(host))); };
  auto reply = [&](ch_status st) {
    out.i32(st).str(st == CH_OK ? std::string() : host_error());
  };
  // A transaction id from the runner; 0 = none. An unknown id is refused, never dereferenced.
  auto txn_of = [&](uint64_t id, bool& known) -> ch_txn* {
    known = true;
    if (id == 0) return nullptr;
    ch_txn* t = find_txn(id);
    known = t != nullptr;
    return t;
  };
  auto send = [&] {
    (void)wire::write_all(fd, out.bytes());  // a lost runner shows as EOF on the next read
    return true;
  };

  if (!host) {
    out.i32(CH_UNAVAILABLE).str("the plugin has not been created yet");
    return send();
  }

  // Registrations: recorded on the first activation, compared on every re-activation.
  if (is_registration(o)) {
    std::unique_lock lock(mu_);
    if (replaying_) {
      if (replay_pos_ < recorded_.size() && recorded_[replay_pos_].payload == payload) {
        const Recorded& rec = recorded_[replay_pos_++];
        out.i32(rec.status).str(rec.error);
      } else {
        replay_mismatch_ = true;
        out.i32(CH_INVALID_ARGUMENT).str("registrations differ from the plugin's first activation");
      }
      return send();
    }
  }

  switch (o) {
    case Op::Log: {
      uint32_t level = r.u32();
      std::string_view msg = r.str();
      if (!r.ok()) return false;
      H->log(host, level, view(msg));
      out.i32(CH_OK).str("");
      break;
    }
    case Op::Settings:
    case Op::DataDir: {
      StringSink sink;
      ch_status st = (o == Op::Settings ? H->settings : H->data_dir)(host, &StringSink::take, &sink);
      reply(st);
      out.str(sink.value);
      break;
    }
    case Op::SettingsError: {
      std::string_view path = r.str(), msg = r.str();
      if (!r.ok()) return false;
      H->settings_error(host, view(path), view(msg));
      out.i32(CH_OK).str("");
      break;
    }
    case Op::RegisterRoute: {
      std::string_view method = r.str(), pattern = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->register_route(host, view(method), view(pattern), handler));
      break;
    }
    case Op::RegisterCommand: {
      std::string_view name = r.str(), usage = r.str(), summary = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->register_command(host, view(name), view(usage), view(summary), handler));
      break;
    }
    case Op::RegisterCardAction: {
      std::string_view action = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->register_card_action(host, view(action), handler));
      break;
    }
    case Op::Subscribe: {
      std::string_view topic = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->subscribe(host, view(topic), handler));
      break;
    }
    case Op::Schedule: {
      std::string_view name = r.str(), cron = r.str(), tz = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->schedule(host, view(name), view(cron), view(tz), handler));
      break;
    }
    case Op::RegisterPortalRoute: {
      std::string_view audience = r.str(), method = r.str(), pattern = r.str();
      uint64_t handler = r.u64();
      if (!r.ok()) return false;
      reply(H->register_portal_route(host, view(audience), view(method), view(pattern), handler));
      break;
    }
    case Op::Publish: {
      uint64_t id = r.u64();
      std::string_view name = r.str(), body = r.str(), key = r.str();
      if (!r.ok()) return false;
      bool known;
      ch_txn* txn = txn_of(id, known);
      if (!known) {
        out.i32(CH_INVALID_ARGUMENT).str("publish: that transaction has ended");
        break;
      }
      reply(H->publish(host, txn, view(name), view(body), view(key)));
      break;
    }
    case Op::OutboxSend: {
      uint64_t id = r.u64();
      std::string_view message = r.str();
      if (!r.ok()) return false;
      bool known;
      ch_txn* txn = txn_of(id, known);
      if (!known) {
        out.i32(CH_INVALID_ARGUMENT).str("outbox_send: that transaction has ended").i64(0);
        break;
      }
      int64_t out_id = 0;
      reply(H->outbox_send(host, txn, view(message), &out_id));
      out.i64(out_id);
      break;
    }
    case Op::DbMigrate: {
      uint32_t n = r.count(16);
      std::vector<ch_migration> list;
      for (uint32_t i = 0; i < n && r.ok(); ++i) {
        int64_t version = r.i64();
        std::string_view name = r.str(), sql = r.str();
        list.push_back(ch_migration{version, view(name), view(sql)});
      }
      if (!r.ok()) return false;
      reply(H->db_migrate(host, list.data(), list.size()));
      break;
    }
    case Op::DbQuery: {
      uint64_t id = r.u64();
      std::string_view sql = r.str();
      bool want_rows = r.u8() != 0;
      uint32_t n = r.count(1);
      std::vector<ch_value> params;
      for (uint32_t i = 0; i < n && r.ok(); ++i) params.push_back(wire::read_value(r));
      if (!r.ok()) return false;
      bool known;
      ch_txn* txn = txn_of(id, known);
      RowCollector rows;
      ch_db_result result{sizeof(ch_db_result), 0, 0};
      ch_status st = known ? H->db_query(host, txn, view(sql), params.data(), params.size(),
                                         want_rows ? &RowCollector::take : nullptr, &rows, &result)
                           : CH_INVALID_ARGUMENT;
      out.i32(st).str(!known ? std::string("db_query: that transaction has ended")
                             : st == CH_OK ? std::string() : host_error());
      out.i64(result.changes).i64(result.last_insert_id);
      out.u32(static_cast<uint32_t>(rows.names.size()));
      for (auto& name : rows.names) out.str(name);
      out.u32(rows.rows);
      // The collected values, without their frame header.
      out.raw(rows.values.payload().substr(4));
      break;
    }
    case Op::DbTransaction: {
      BodyTrampoline tramp{this, &gen, fd, r.u64(), r.u64()};
      if (!r.ok()) return false;
      reply(H->db_transaction(host, &RemotePlugin::run_body, &tramp));
      break;
    }
    case Op::Directory: {
      std::string_view query = r.str();
      if (!r.ok()) return false;
      StringSink sink;
      reply(H->directory(host, view(query), &StringSink::take, &sink));
      out.str(sink.value);
      break;
    }
    case Op::PluginActive: {
      std::string_view name = r.str();
      if (!r.ok()) return false;
      reply(H->plugin_active(host, view(name)));
      break;
    }
    case Op::NowMs:
      out.i32(CH_OK).str("").i64(H->now_ms(host));
      break;
    case Op::DbDialect:
      out.i32(CH_OK).str("").u32(H->db_dialect(host));
      break;
    case Op::IsWorkday: {
      int64_t day = r.i64();
      if (!r.ok()) return false;
      uint32_t v = 0;
      reply(H->is_workday(host, day, &v));
      out.u32(v);
      break;
    }
    case Op::NextWorkday: {
      int64_t day = r.i64();
      if (!r.ok()) return false;
      ch_day v = 0;
      reply(H->next_workday(host, day, &v));
      out.i64(v);
      break;
    }
    case Op::WorkdaysBetween: {
      int64_t first = r.i64(), last = r.i64();
      if (!r.ok()) return false;
      int64_t v = 0;
      reply(H->workdays_between(host, first, last, &v));
      out.i64(v);
      break;
    }
    case Op::IssueSession: {
      std::string_view audience = r.str(), subject = r.str();
      if (!r.ok()) return false;
      StringSink sink;
      reply(H->issue_session(host, view(audience), view(subject), &StringSink::take, &sink));
      out.str(sink.value);
      break;
    }
    default:
      return false;  // a plugin call from the runner, or an op nobody knows
  }
  if (is_registration(o)) {
    std::lock_guard lock(mu_);
    if (recording_) {
      FrameReader answer(out.payload());
      ch_status st = answer.i32();
      recorded_.push_back({std::string(payload), st, std::string(answer.str())});
    }
  }
  return send();
}

void RemotePlugin::serve_free_channel(Generation* gen) {
  const int fd = gen->proc.free_fd;
  std::string payload;
  for (;;) {
    auto got = wire::read_frame(fd, payload);
    if (got != wire::ReadResult::Ok) {
      if (got == wire::ReadResult::Garbage) kill_runner(*gen, "it sent a malformed frame");
      return;
    }
    FrameReader r(payload);
    if (!r.header_ok() || r.kind() != Kind::Call || !serve(*gen, fd, r, payload)) {
      kill_runner(*gen, "it sent a host call that does not decode");
      return;
    }
  }
}

// --- restarts -------------------------------------------------------------------------------

RemotePlugin::BringUp RemotePlugin::bring_up(Generation& gen, std::string& why) {
  const int fd = gen.proc.call_fds[0];
  FrameWriter load(Kind::Call, wire::op(Op::Load));
  load.str(config_.file).str(config_.name).str(config_.sha256);
  wire::LoadAnswer answer;
  ch_status st = call_on(gen, fd, load, Op::Load,
                         [&](FrameReader& r) { wire::read_load_answer(r, answer); });
  bool lost = false;
  {
    std::lock_guard lock(mu_);
    lost = gen.dead || !gen.kill_reason.empty();
  }
  if (lost) return BringUp::Lost;
  if (st != CH_OK) {
    why = "its library no longer loads: " + t_error;
    return BringUp::Refused;
  }
  std::string first_sha256;
  {
    std::lock_guard lock(mu_);
    first_sha256 = sha256_;
  }
  if (answer.sha256 != first_sha256) {
    why = config_.file + " changed on disk since the plugin was enabled; reload the configuration "
          "to run the new build";
    return BringUp::Refused;
  }
  bool created, configured, activated;
  std::string settings;
  {
    std::lock_guard lock(mu_);
    created = created_;
    configured = configured_;
    activated = activated_;
    settings = settings_;
  }
  auto step = [&](Op o, FrameWriter& w, const char* what) {
    ch_status s = call_on(gen, fd, w, o, {});
    std::lock_guard lock(mu_);
    if (gen.dead || !gen.kill_reason.empty()) return BringUp::Lost;
    if (s != CH_OK) {
      why = std::string("the restarted plugin failed to ") + what + ": " + t_error;
      return BringUp::Refused;
    }
    return BringUp::Ok;
  };
  if (created) {
    FrameWriter w(Kind::Call, wire::op(Op::Create));
    if (auto b = step(Op::Create, w, "create an instance"); b != BringUp::Ok) return b;
  }
  if (configured) {
    FrameWriter w(Kind::Call, wire::op(Op::Configure));
    w.str(settings);
    if (auto b = step(Op::Configure, w, "accept its settings"); b != BringUp::Ok) return b;
  }
  if (activated) {
    {
      std::lock_guard lock(mu_);
      replaying_ = true;
      replay_mismatch_ = false;
      replay_pos_ = 0;
    }
    FrameWriter w(Kind::Call, wire::op(Op::Activate));
    BringUp b = step(Op::Activate, w, "activate");
    std::lock_guard lock(mu_);
    replaying_ = false;
    if (b == BringUp::Lost) return b;
    if (replay_mismatch_ || replay_pos_ != recorded_.size()) {
      why = "its registrations on re-activation differ from the first ones";
      return BringUp::Refused;
    }
    if (b != BringUp::Ok) return b;
  }
  return BringUp::Ok;
}

void RemotePlugin::supervise() {
  std::shared_ptr<Generation> gen;
  {
    std::lock_guard lock(mu_);
    gen = gen_;
  }
  const auto window = std::chrono::seconds(config_.runner.window_s);
  for (;;) {
    int wstatus = 0;
    while (::waitpid(gen->proc.pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    std::string how;
    bool stopping;
    {
      std::lock_guard lock(mu_);
      gen->dead = true;
      gen->shut_down();  // wakes every call still reading from it
      how = gen->kill_reason.empty() ? describe_exit(wstatus)
                                     : "killed by the host: " + gen->kill_reason;
      stopping = stopping_;
    }
    cv_.notify_all();
    if (gen->free_reader.joinable()) gen->free_reader.join();
    if (stopping) return;

    size_t in_window;
    {
      std::lock_guard lock(mu_);
      ++crashes_;
      last_crash_ = how;
      auto now = Clock::now();
      recent_crashes_.push_back(now);
      while (!recent_crashes_.empty() && now - recent_crashes_.front() > window) {
        recent_crashes_.pop_front();
      }
      in_window = recent_crashes_.size();
      state_ = State::Restarting;
    }
    log::error("plugin:" + config_.name, "runner process " + std::to_string(gen->proc.pid) +
                                             " ended: " + how);
    emit(RunnerEvent::Kind::Crashed, how);
    if (in_window >= static_cast<size_t>(config_.runner.max_crashes)) {
      std::string reason = std::to_string(in_window) + " runner crashes within " +
                           std::to_string(config_.runner.window_s) + " s (last: " + how +
                           "); fix the plugin, then reload the configuration";
      {
        std::lock_guard lock(mu_);
        state_ = State::Disabled;
        disabled_reason_ = reason;
      }
      cv_.notify_all();
      log::error("plugin:" + config_.name, "disabled after " + reason);
      emit(RunnerEvent::Kind::Disabled, reason);
      return;
    }

    // Back-off: initial, doubling with each crash in the window, capped.
    int64_t delay = config_.runner.backoff_initial_ms;
    for (size_t i = 1; i < in_window && delay < config_.runner.backoff_max_ms; ++i) delay *= 2;
    delay = std::min<int64_t>(delay, config_.runner.backoff_max_ms);
    {
      std::unique_lock lock(mu_);
      if (cv_.wait_for(lock, std::chrono::milliseconds(delay), [&] { return stopping_; })) return;
    }
    auto fresh = spawn();
    if (!fresh) {
      std::string reason = "its runner could not be restarted: " + fresh.outcome().message();
      {
        std::lock_guard lock(mu_);
        state_ = State::Disabled;
        disabled_reason_ = reason;
      }
      emit(RunnerEvent::Kind::Disabled, reason);
      return;
    }
    gen = *fresh;
    std::string why;
    BringUp up = bring_up(*gen, why);
    if (up == BringUp::Ok) {
      uint64_t restarts;
      {
        std::lock_guard lock(mu_);
        if (stopping_) continue;  // stop() killed it; the next wait reaps it
        state_ = State::Running;
        restarts = ++restarts_;
      }
      cv_.notify_all();
      log::info("plugin:" + config_.name, "runner restarted (pid " + std::to_string(gen->proc.pid) +
                                              ", restart " + std::to_string(restarts) + ")");
      emit(RunnerEvent::Kind::Restarted, "pid " + std::to_string(gen->proc.pid));
      continue;
    }
    if (up == BringUp::Lost) continue;  // it crashed while starting: counted on the next turn
    // Refused: this runner can never serve as the first one did.
    {
      std::lock_guard lock(mu_);
      if (!gen->dead) ::kill(gen->proc.pid, SIGKILL);
    }
    while (::waitpid(gen->proc.pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    {
      std::lock_guard lock(mu_);
      gen->dead = true;
      gen->shut_down();
      state_ = State::Disabled;
      disabled_reason_ = why;
    }
    cv_.notify_all();
    if (gen->free_reader.joinable()) gen->free_reader.join();
    log::error("plugin:" + config_.name, "disabled: " + why);
    emit(RunnerEvent::Kind::Disabled, why);
    return;
  }
}

// --- entry points ---------------------------------------------------------------------------

Expected<std::shared_ptr<const PluginLibrary>> open_remote_plugin(const config::PluginConfig& pc,
                                                                  RunnerEvents events) {
  auto remote = std::make_shared<RemotePlugin>(pc, std::move(events));
  auto answer = remote->start();
  if (!answer) {
    remote->stop();
    return answer.outcome();
  }
  ch_plugin_api& t = remote->table;
  t.struct_size = sizeof(ch_plugin_api);
  t.abi_major = answer->abi_major;
  t.abi_minor = answer->abi_minor;
  t.name = &no_text;
  t.version = &no_text;
  t.description = (answer->optional & wire::kHasDescription) ? &no_text : nullptr;
  t.flags = &no_flags;
  t.create = &f_create;
  t.destroy = &f_destroy;
  t.last_error = &f_last_error;
  t.configure = &f_configure;
  t.activate = &f_activate;
  t.on_http = (answer->optional & wire::kHasHttp) ? &f_on_http : nullptr;
  t.on_command = (answer->optional & wire::kHasCommand) ? &f_on_command : nullptr;
  t.on_card_action = (answer->optional & wire::kHasCardAction) ? &f_on_card_action : nullptr;
  t.on_event = (answer->optional & wire::kHasEvent) ? &f_on_event : nullptr;
  t.on_job = (answer->optional & wire::kHasJob) ? &f_on_job : nullptr;

  auto lib = std::make_shared<PluginLibrary>();
  lib->path = pc.file;
  lib->api = &remote->table;
  lib->name = answer->name;
  lib->version = answer->version;
  lib->description = answer->description;
  lib->flags = answer->flags;
  lib->abi_major = answer->abi_major;
  lib->abi_minor = answer->abi_minor;
  lib->sha256 = answer->sha256;
  lib->remote = std::move(remote);
  return std::shared_ptr<const PluginLibrary>(std::move(lib));
}

IsolationStatus isolation_status(const PluginLibrary& library) {
  return library.remote ? library.remote->status() : IsolationStatus{};
}

}  // namespace courthub::plugins
