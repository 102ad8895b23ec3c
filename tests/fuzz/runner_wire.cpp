// SPDX-License-Identifier: Apache-2.0
// Fuzzes the decoders of the plugin-runner wire format (host/plugins/runner_frame and
// runner_protocol): the input is one frame's payload as a runner process — which may be a
// crashed or hostile plugin — could send it. Byte 0 picks the decoder (mod 8): the Load answer,
// a caller, an HTTP request, a command, a card action, an event, a job, or a run of database
// values. Every length is checked against what is left: no read outside the payload, no
// allocation a count in the payload asks for beyond what the payload can hold, no crash.
// Seeds: frames written by the matching put_* (the unit tests' shapes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "host/plugins/runner_frame.hpp"
#include "host/plugins/runner_protocol.hpp"

using namespace courthub::plugins::wire;

namespace {

// A view the decoder handed out must point into the payload.
void inside(std::string_view payload, const char* data, size_t size) {
  if (size == 0) return;
  if (data < payload.data() || data + size > payload.data() + payload.size()) std::abort();
}
void inside(std::string_view payload, ch_str s) { inside(payload, s.data, s.size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
  FrameReader r(payload);
  (void)r.header_ok();
  switch (data[0] % 8) {
    case 0: {
      LoadAnswer a;
      (void)read_load_answer(r, a);
      break;
    }
    case 1: {
      CallerIn c;
      read_caller(r, c);
      for (ch_str role : c.roles) inside(payload, role);
      break;
    }
    case 2: {
      HttpIn h;
      read_http(r, h);
      if (r.ok()) {
        inside(payload, h.request.body);
        for (ch_str s : h.header_values) inside(payload, s);
      }
      break;
    }
    case 3: {
      CommandIn c;
      read_command(r, c);
      break;
    }
    case 4: {
      CardActionIn c;
      read_card_action(r, c);
      break;
    }
    case 5: {
      ch_event e{};
      read_event(r, e);
      break;
    }
    case 6: {
      ch_job j{};
      read_job(r, j);
      break;
    }
    default: {
      uint32_t n = r.count(1);
      for (uint32_t i = 0; i < n && r.ok(); ++i) {
        ch_value v = read_value(r);
        if (r.ok() && (v.type == CH_VALUE_TEXT || v.type == CH_VALUE_BLOB))
          inside(payload, v.as.s);
      }
      break;
    }
  }
  (void)r.ok();
  (void)r.at_end();
  return 0;
}
