// SPDX-License-Identifier: Apache-2.0
// The host table (ch_host_api): C thunks from a plugin into its PluginInstance and the Services.
//
// Nothing thrown inside the host escapes through these functions: each converts failures to a
// status and the per-thread last_error text.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "courthub/plugin_abi.h"
#include "host/log.hpp"
#include "host/plugins/audiences.hpp"
#include "host/plugins/delivery_receipt.hpp"
#include "host/plugins/delivery_scope.hpp"
#include "host/plugins/plugin_instance.hpp"
#include "host/storage/migrations.hpp"
#include "host/time/clock.hpp"
#include "host/time/work_calendar.hpp"

namespace courthub::plugins {
namespace {

thread_local std::string t_last_error;

std::string text(ch_str s) { return s.size ? std::string(s.data, s.size) : std::string(); }
std::string_view sv(ch_str s) { return s.size ? std::string_view(s.data, s.size) : std::string_view(); }

ch_status fail(const Outcome& o) {
  t_last_error = o.message();
  return o.abi_code();
}
ch_status fail(Status code, std::string message) {
  t_last_error = std::move(message);
  return static_cast<ch_status>(code);
}

template <class F>
ch_status guarded(F&& fn) noexcept {
  try {
    t_last_error.clear();
    return fn();
  } catch (const std::exception& e) {
    t_last_error = std::string("host error: ") + e.what();
    return CH_ERROR;
  } catch (...) {
    t_last_error = "host error";
    return CH_ERROR;
  }
}

PluginInstance& self(ch_host* h) { return *h->instance; }

ch_str last_error(ch_host*) { return ch_str{t_last_error.data(), t_last_error.size()}; }

void log_line(ch_host* h, uint32_t level, ch_str message) {
  try {
    auto lvl = level > CH_LOG_ERROR ? log::Level::Error : static_cast<log::Level>(level);
    log::write(lvl, "plugin:" + self(h).name(), sv(message));
  } catch (...) {
  }
}

ch_status settings(ch_host* h, ch_str_sink sink, void* ctx) {
  return guarded([&] {
    std::string s = self(h).config().settings.dump();
    sink(ctx, ch_str{s.data(), s.size()});
    return CH_OK;
  });
}

ch_status data_dir(ch_host* h, ch_str_sink sink, void* ctx) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "no data directory during validation");
    auto dir = inst.services()->plugin_data_dir(inst.name());
    if (!dir) return fail(dir.outcome());
    sink(ctx, ch_str{dir->data(), dir->size()});
    return CH_OK;
  });
}

void settings_error(ch_host* h, ch_str path, ch_str message) {
  try {
    self(h).add_settings_error(text(path), text(message));
  } catch (...) {
  }
}

ch_status only_activating(PluginInstance& inst) {
  if (inst.activating()) return CH_OK;
  return fail(Status::InvalidArgument, "registrations are accepted only inside activate");
}

ch_status register_route(ch_host* h, ch_str method, ch_str pattern, uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    Outcome o = inst.register_route(sv(method), sv(pattern), handler);
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status register_command(ch_host* h, ch_str name, ch_str usage, ch_str summary,
                           uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    Outcome o = inst.register_command(sv(name), sv(usage), sv(summary), handler);
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status register_card_action(ch_host* h, ch_str action, uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    Outcome o = inst.register_card_action(sv(action), handler);
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status subscribe(ch_host* h, ch_str topic, uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    Outcome o = inst.subscribe(sv(topic), handler);
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status schedule(ch_host* h, ch_str name, ch_str cron, ch_str tz, uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    Outcome o = inst.schedule(sv(name), sv(cron), sv(tz), handler);
    return o.ok() ? CH_OK : fail(o);
  });
}

storage::Transaction* transaction_of(ch_txn* txn) {
  return reinterpret_cast<storage::Transaction*>(txn);
}

ch_status publish(ch_host* h, ch_txn* txn, ch_str name, ch_str payload, ch_str key) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "the host is only validating");
    std::string n = text(name);
    bool ok = !n.empty() && n[0] >= 'a' && n[0] <= 'z';
    for (char c : n) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
    if (!ok) return fail(Status::InvalidArgument, "event name '" + n + "' must be [a-z][a-z0-9_.]*");
    Json body;
    try {
      body = Json::parse(sv(payload));
    } catch (const Json::exception& e) {
      return fail(Status::InvalidArgument, std::string("event payload: ") + e.what());
    }
    if (!body.is_object()) return fail(Status::InvalidArgument, "event payload must be a JSON object");
    Outcome o = inst.services()->publish(inst.name(), transaction_of(txn), n, body, text(key));
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status outbox_send(ch_host* h, ch_txn* txn, ch_str message, int64_t* out_id) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "the host is only validating");
    Json body;
    try {
      body = Json::parse(sv(message));
    } catch (const Json::exception& e) {
      return fail(Status::InvalidArgument, std::string("outbox message: ") + e.what());
    }
    auto id = inst.services()->outbox_send(inst.name(), transaction_of(txn), body);
    if (!id) return fail(id.outcome());
    if (out_id) *out_id = *id;
    return CH_OK;
  });
}

Expected<storage::Database*> database_of(PluginInstance& inst) {
  if (!inst.services()) return Outcome::unavailable("no database during validation");
  return inst.services()->plugin_database(inst.name());
}

ch_status db_migrate(ch_host* h, const ch_migration* migrations, size_t count) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.activating()) return fail(Status::InvalidArgument, "db_migrate only inside activate");
    auto db = database_of(inst);
    if (!db) return fail(db.outcome());
    // A portable plugin's words are expanded for the engine at hand; the text that runs is
    // what the checksum covers, so SQLite databases made before the words keep their history.
    const bool portable = (inst.library().flags & CH_PLUGIN_PORTABLE_SQL) != 0;
    const storage::Dialect dialect = (*db)->dialect();
    std::vector<storage::Migration> list;
    for (size_t i = 0; i < count; ++i) {
      std::string sql = text(migrations[i].sql);
      if (portable) {
        auto expanded = storage::expand_portable_sql(sql, dialect);
        if (!expanded) {
          return fail(Status::InvalidArgument,
                      "migration " + std::to_string(migrations[i].version) + " (" +
                          text(migrations[i].name) + "): " + expanded.outcome().message());
        }
        sql = std::move(*expanded);
      }
      list.push_back({migrations[i].version, text(migrations[i].name), std::move(sql), {}});
    }
    std::vector<int64_t> applied;
    Outcome o = storage::migrate(**db, list, &applied);
    if (!o.ok()) return fail(o);
    for (auto v : applied) {
      log::info("plugin:" + inst.name(), "applied migration " + std::to_string(v));
    }
    return CH_OK;
  });
}

uint32_t db_dialect(ch_host* h) {
  auto& inst = self(h);
  // Validating (check-config) opens no database; nothing can ask it a question then.
  if (!inst.services()) return CH_DB_SQLITE;
  return inst.services()->database_dialect() == storage::Dialect::kPostgres ? CH_DB_POSTGRES
                                                                             : CH_DB_SQLITE;
}

// The delivery a transaction of `inst` submitted now belongs to: the one whose handler runs on
// this thread, if it is this plugin's.
std::optional<Delivery> delivery_of(PluginInstance& inst) {
  auto d = DeliveryScope::current();
  if (d && d->plugin != inst.name()) d.reset();
  return d;
}

// Inside a plugin transaction: the receipt of `delivery` (if any) joins it.
Outcome record_receipt(PluginInstance& inst, const std::optional<Delivery>& delivery,
                       storage::Transaction& txn) {
  if (!delivery) return Outcome::success();
  return DeliveryReceipt::record(txn, delivery->event_id, inst.services()->clock().now_ms());
}

// A write statement outside a transaction commits on its own; during a delivery it commits in a
// plugin transaction together with the delivery's receipt (delivery_scope.hpp). Reads, and
// statements outside deliveries, run as they are. Errors: the statement's.
Outcome plain_query(PluginInstance& inst, storage::Database& db, std::string_view sql,
                    std::span<const ch_value> ps, const storage::RowSink& rows,
                    storage::QueryResult* result) {
  auto delivery = delivery_of(inst);
  if (delivery) {
    auto read_only = db.is_read_only(sql);
    if (!read_only) return read_only.outcome();
    if (*read_only) delivery.reset();
  }
  if (!delivery) return db.query(sql, ps, rows, result);
  return inst.services()->plugin_transaction(inst.name(), [&](storage::Transaction& txn) {
    DeliveryScope scope(delivery);
    Outcome o = txn.query(sql, ps, rows, result);
    if (!o.ok()) return o;
    // A statement that changed nothing (an UPDATE matching no row) is no effect to guard.
    if (result->changes == 0) return o;
    return record_receipt(inst, delivery, txn);
  });
}

ch_status db_query(ch_host* h, ch_txn* txn, ch_str sql, const ch_value* params, size_t count,
                   ch_row_sink sink, void* ctx, ch_db_result* out) {
  return guarded([&] {
    storage::RowSink rows;
    if (sink) {
      rows = [&](const ch_str* names, const ch_value* values, size_t n) {
        ch_status st = sink(ctx, names, values, n);
        return st == CH_OK ? Outcome::success()
                           : Outcome::failure(static_cast<Status>(st), "stopped by the plugin");
      };
    }
    storage::QueryResult result;
    std::span<const ch_value> ps(params, count);
    Outcome o;
    if (txn) {
      o = transaction_of(txn)->query(sv(sql), ps, rows, &result);
    } else {
      auto db = database_of(self(h));
      if (!db) return fail(db.outcome());
      o = plain_query(self(h), **db, sv(sql), ps, rows, &result);
    }
    if (!o.ok()) return fail(o);
    if (out && out->struct_size >= offsetof(ch_db_result, last_insert_id) + sizeof(int64_t)) {
      out->changes = result.changes;
      out->last_insert_id = result.last_insert_id;
    }
    return CH_OK;
  });
}

ch_status db_transaction(ch_host* h, ch_status (*body)(void*, ch_txn*), void* ctx) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "no database during validation");
    ch_status body_status = CH_OK;
    // Read now, on the submitting thread: the body may run on another thread (below).
    const auto delivery = delivery_of(inst);
    // Group-committed with the plugin's concurrent transactions; the body may run on the thread
    // of another caller while this one waits, and runs exactly once. During a delivery the
    // receipt commits with it, or neither does.
    Outcome o = inst.services()->plugin_transaction(inst.name(), [&](storage::Transaction& txn) {
      DeliveryScope scope(delivery);
      body_status = body(ctx, reinterpret_cast<ch_txn*>(&txn));
      if (body_status != CH_OK) {
        return Outcome::failure(static_cast<Status>(body_status), "rolled back");
      }
      return record_receipt(inst, delivery, txn);
    });
    if (body_status != CH_OK) return body_status;  // the plugin knows why
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status directory(ch_host* h, ch_str query, ch_str_sink sink, void* ctx) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "no directory during validation");
    Json q;
    try {
      q = Json::parse(sv(query));
    } catch (const Json::exception& e) {
      return fail(Status::InvalidArgument, std::string("directory query: ") + e.what());
    }
    auto answer = inst.services()->directory(q);
    if (!answer) return fail(answer.outcome());
    std::string s = answer->dump();
    sink(ctx, ch_str{s.data(), s.size()});
    return CH_OK;
  });
}

ch_status issue_session(ch_host* h, ch_str audience, ch_str subject, ch_str_sink sink,
                        void* ctx) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::Unavailable, "no sessions during validation");
    auto answer = inst.services()->issue_session(inst.name(), text(audience), text(subject));
    if (!answer) return fail(answer.outcome());
    std::string s = answer->dump();
    sink(ctx, ch_str{s.data(), s.size()});
    return CH_OK;
  });
}

ch_status register_portal_route(ch_host* h, ch_str audience, ch_str method, ch_str pattern,
                                uint64_t handler) {
  return guarded([&] {
    auto& inst = self(h);
    if (ch_status st = only_activating(inst)) return st;
    // The audiences a plugin may issue sessions for, and so serve: outside ones.
    if (!is_outside_audience(sv(audience))) {
      return fail(Status::InvalidArgument, "portal routes serve outside audiences (\"" +
                                               std::string(kLawyerAudience) + "\"), not \"" +
                                               text(audience) + "\"");
    }
    Outcome o = inst.register_route(sv(method), sv(pattern), handler, sv(audience));
    return o.ok() ? CH_OK : fail(o);
  });
}

ch_status plugin_active(ch_host* h, ch_str name) {
  return guarded([&] {
    auto& inst = self(h);
    if (!inst.services()) return fail(Status::NotFound, "the host is only validating");
    return inst.services()->plugin_active(text(name)) ? CH_OK : CH_NOT_FOUND;
  });
}

bool has_line_break(ch_str s) {
  return sv(s).find_first_of("\r\n") != std::string_view::npos;
}

void reply_status(ch_reply* r, int32_t status) {
  if (status >= 100 && status <= 599) r->status = status;
}

void reply_header(ch_reply* r, ch_str name, ch_str value) {
  if (has_line_break(name) || has_line_break(value)) return;  // no header injection
  try {
    r->headers.emplace_back(text(name), text(value));
  } catch (...) {
  }
}

void reply_title(ch_reply* r, ch_str title) {
  try {
    r->title = text(title);
  } catch (...) {
  }
}

// During validation (check-config) there are no services: the real clock then.
int64_t now_ms(ch_host* h) {
  auto* services = self(h).services();
  return services ? services->clock().now_ms() : time::system_clock().now_ms();
}

// The work calendar speaks year_month_day; the ABI counts days since 1970-01-01.
std::chrono::year_month_day date_of(ch_day day) {
  return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(day)));
}
ch_day day_of(std::chrono::year_month_day date) {
  return std::chrono::sys_days(date).time_since_epoch().count();
}

template <class F>
ch_status with_calendar(ch_host* h, F&& fn) {
  return guarded([&] {
    auto* services = self(h).services();
    if (!services) return fail(Status::Unavailable, "the host is only validating");
    fn(services->work_calendar());
    return CH_OK;
  });
}

ch_status is_workday(ch_host* h, ch_day day, uint32_t* out) {
  return with_calendar(h, [&](const time::WorkCalendar& cal) {
    if (out) *out = cal.is_workday(date_of(day)) ? 1 : 0;
  });
}

ch_status next_workday(ch_host* h, ch_day day, ch_day* out) {
  return with_calendar(h, [&](const time::WorkCalendar& cal) {
    if (out) *out = day_of(cal.next_workday_after(date_of(day)));
  });
}

ch_status workdays_between(ch_host* h, ch_day first, ch_day last, int64_t* out) {
  if (last - first > 3660) {
    return fail(Status::InvalidArgument, "workdays_between spans over 3660 days");
  }
  return with_calendar(h, [&](const time::WorkCalendar& cal) {
    // The calendar counts [from, to); the ABI's span includes its last day.
    if (out) *out = last < first ? 0 : cal.workdays_between(date_of(first), date_of(last + 1));
  });
}

void reply_body(ch_reply* r, ch_str content_type, ch_str body) {
  try {
    r->content_type = text(content_type);
    r->body = text(body);
    r->has_body = true;
  } catch (...) {
  }
}

const ch_host_api kHostApi = {
    sizeof(ch_host_api),
    CH_ABI_MAJOR,
    CH_ABI_MINOR,
    &last_error,
    &log_line,
    &settings,
    &data_dir,
    &settings_error,
    &register_route,
    &register_command,
    &register_card_action,
    &subscribe,
    &schedule,
    &publish,
    &outbox_send,
    &db_migrate,
    &db_query,
    &db_transaction,
    &directory,
    &plugin_active,
    &reply_status,
    &reply_header,
    &reply_body,
    &reply_title,
    &now_ms,
    &is_workday,
    &next_workday,
    &workdays_between,
    &issue_session,
    &register_portal_route,
    &db_dialect,
};

}  // namespace

const ch_host_api* host_api() { return &kHostApi; }

}  // namespace courthub::plugins
