// SPDX-License-Identifier: Apache-2.0
// Codecs of the structs that cross between the host and a plugin runner.
#include "host/plugins/runner_protocol.hpp"

#include "host/plugins/plugin_instance.hpp"

namespace courthub::plugins::wire {
namespace {

void put_pairs(FrameWriter& w, const ch_str* names, const ch_str* values, size_t n) {
  w.u32(static_cast<uint32_t>(n));
  for (size_t i = 0; i < n; ++i) w.str(view(names[i])).str(view(values[i]));
}

void read_pairs(FrameReader& r, std::vector<ch_str>& names, std::vector<ch_str>& values) {
  uint32_t n = r.count(8);
  names.reserve(n);
  values.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    names.push_back(view(r.str()));
    values.push_back(view(r.str()));
  }
}

}  // namespace

void put_load_answer(FrameWriter& w, const LoadAnswer& a) {
  w.str(a.name).str(a.version).str(a.description).str(a.sha256).u64(a.flags).u32(a.abi_major)
      .u32(a.abi_minor).u8(a.optional);
}

bool read_load_answer(FrameReader& r, LoadAnswer& a) {
  a.name = r.str();
  a.version = r.str();
  a.description = r.str();
  a.sha256 = r.str();
  a.flags = r.u64();
  a.abi_major = r.u32();
  a.abi_minor = r.u32();
  a.optional = r.u8();
  return r.ok();
}

void put_caller(FrameWriter& w, const ch_caller* c) {
  if (!c) {
    w.u8(0);
    return;
  }
  w.u8(1).u32(c->kind).str(view(c->user_id)).str(view(c->name)).str(view(c->court_code))
      .str(view(c->dept_id)).str(view(c->title));
  w.u32(static_cast<uint32_t>(c->role_count));
  for (size_t i = 0; i < c->role_count; ++i) w.str(view(c->roles[i]));
  bool v22 = c->struct_size >= offsetof(ch_caller, session_issued_at) + sizeof(int64_t);
  w.str(v22 ? view(c->audience) : std::string_view()).i64(v22 ? c->session_issued_at : 0);
}

void read_caller(FrameReader& r, CallerIn& out) {
  out.caller = ch_caller{};
  out.caller.struct_size = sizeof(ch_caller);
  if (r.u8() == 0) {
    out.caller.kind = CH_CALLER_ANONYMOUS;
    return;
  }
  out.caller.kind = r.u32();
  out.caller.user_id = view(r.str());
  out.caller.name = view(r.str());
  out.caller.court_code = view(r.str());
  out.caller.dept_id = view(r.str());
  out.caller.title = view(r.str());
  uint32_t n = r.count(4);
  out.roles.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) out.roles.push_back(view(r.str()));
  out.caller.roles = out.roles.data();
  out.caller.role_count = out.roles.size();
  out.caller.audience = view(r.str());
  out.caller.session_issued_at = r.i64();
}

void put_http(FrameWriter& w, const ch_http_request& q) {
  w.str(view(q.method)).str(view(q.path));
  put_pairs(w, q.param_names, q.param_values, q.param_count);
  put_pairs(w, q.query_names, q.query_values, q.query_count);
  w.str(view(q.content_type)).str(view(q.body));
  put_caller(w, q.caller);
  w.str(view(q.request_id));
  bool has_headers =
      q.struct_size >= offsetof(ch_http_request, header_count) + sizeof(size_t);
  if (has_headers) {
    put_pairs(w, q.header_names, q.header_values, q.header_count);
  } else {
    w.u32(0);
  }
}

void read_http(FrameReader& r, HttpIn& out) {
  ch_http_request& q = out.request;
  q = ch_http_request{};
  q.struct_size = sizeof(ch_http_request);
  q.method = view(r.str());
  q.path = view(r.str());
  read_pairs(r, out.param_names, out.param_values);
  read_pairs(r, out.query_names, out.query_values);
  q.content_type = view(r.str());
  q.body = view(r.str());
  read_caller(r, out.caller);
  q.request_id = view(r.str());
  read_pairs(r, out.header_names, out.header_values);
  q.param_names = out.param_names.data();
  q.param_values = out.param_values.data();
  q.param_count = out.param_names.size();
  q.query_names = out.query_names.data();
  q.query_values = out.query_values.data();
  q.query_count = out.query_names.size();
  q.header_names = out.header_names.data();
  q.header_values = out.header_values.data();
  q.header_count = out.header_names.size();
  q.caller = &out.caller.caller;
}

void put_command(FrameWriter& w, const ch_command& c) {
  w.str(view(c.command)).str(view(c.args)).str(view(c.conversation_id)).u32(c.is_group);
  put_caller(w, c.caller);
  w.str(view(c.request_id));
}

void read_command(FrameReader& r, CommandIn& out) {
  ch_command& c = out.command;
  c = ch_command{};
  c.struct_size = sizeof(ch_command);
  c.command = view(r.str());
  c.args = view(r.str());
  c.conversation_id = view(r.str());
  c.is_group = r.u32();
  read_caller(r, out.caller);
  c.request_id = view(r.str());
  c.caller = &out.caller.caller;
}

void put_card_action(FrameWriter& w, const ch_card_action& a) {
  w.str(view(a.action)).str(view(a.params_json)).str(view(a.out_track_id));
  put_caller(w, a.caller);
  w.str(view(a.request_id));
}

void read_card_action(FrameReader& r, CardActionIn& out) {
  ch_card_action& a = out.action;
  a = ch_card_action{};
  a.struct_size = sizeof(ch_card_action);
  a.action = view(r.str());
  a.params_json = view(r.str());
  a.out_track_id = view(r.str());
  read_caller(r, out.caller);
  a.request_id = view(r.str());
  a.caller = &out.caller.caller;
}

void put_event(FrameWriter& w, const ch_event& e) {
  w.str(view(e.topic)).str(view(e.source)).str(view(e.payload)).i64(e.event_id).u32(e.attempt);
}

void read_event(FrameReader& r, ch_event& e) {
  e = ch_event{};
  e.struct_size = sizeof(ch_event);
  e.topic = view(r.str());
  e.source = view(r.str());
  e.payload = view(r.str());
  e.event_id = r.i64();
  e.attempt = r.u32();
}

void put_job(FrameWriter& w, const ch_job& j) { w.str(view(j.name)).i64(j.scheduled_ms); }

void read_job(FrameReader& r, ch_job& j) {
  j = ch_job{};
  j.struct_size = sizeof(ch_job);
  j.name = view(r.str());
  j.scheduled_ms = r.i64();
}

void put_reply(FrameWriter& w, const ch_reply& reply) {
  w.i32(reply.status).u8(reply.has_body ? 1 : 0).str(reply.content_type).str(reply.body)
      .str(reply.title);
  w.u32(static_cast<uint32_t>(reply.headers.size()));
  for (auto& [name, value] : reply.headers) w.str(name).str(value);
}

void apply_reply(FrameReader& r, ch_reply* reply) {
  const ch_host_api* host = host_api();
  int32_t status = r.i32();
  bool has_body = r.u8() != 0;
  std::string_view content_type = r.str(), body = r.str(), title = r.str();
  uint32_t n = r.count(8);
  if (!r.ok()) return;
  host->reply_status(reply, status);
  if (has_body) host->reply_body(reply, view(content_type), view(body));
  if (!title.empty()) host->reply_title(reply, view(title));
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string_view name = r.str(), value = r.str();
    if (r.ok()) host->reply_header(reply, view(name), view(value));
  }
}

void put_value(FrameWriter& w, const ch_value& v) {
  w.u8(static_cast<uint8_t>(v.type));
  switch (v.type) {
    case CH_VALUE_INT: w.i64(v.as.i); break;
    case CH_VALUE_REAL: w.f64(v.as.r); break;
    case CH_VALUE_TEXT:
    case CH_VALUE_BLOB: w.str(view(v.as.s)); break;
    default: break;
  }
}

ch_value read_value(FrameReader& r) {
  ch_value v{};
  v.type = r.u8();
  switch (v.type) {
    case CH_VALUE_INT: v.as.i = r.i64(); break;
    case CH_VALUE_REAL: v.as.r = r.f64(); break;
    case CH_VALUE_TEXT:
    case CH_VALUE_BLOB: v.as.s = view(r.str()); break;
    default: v.type = CH_VALUE_NULL; break;
  }
  return v;
}

}  // namespace courthub::plugins::wire
