// SPDX-License-Identifier: Apache-2.0
// Fuzzes the DingTalk event-callback decoder (host/dingtalk/callback_crypto): the input is the
// `encrypt` field of a callback as DingTalk would post it. decrypt() must refuse or decode it
// without a memory error, undefined behaviour or an exception; whatever it decodes encrypts
// back to itself; the signature check never accepts a wrong signature.
// Key: vector A of the spec (shared/docs/dingtalk-protocol.md §1.10); seeds: vectors A–E.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "host/dingtalk/callback_crypto.hpp"

using courthub::dingtalk::CallbackCrypto;

namespace {

const CallbackCrypto& crypto() {
  static const CallbackCrypto c =
      *CallbackCrypto::create("tokenxxxx", "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus",
                              "dingxxxxxx");
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const CallbackCrypto& c = crypto();

  auto plain = c.decrypt(input);
  if (plain) {
    // What was decoded is what DingTalk sent: encrypting it again and decoding gives it back.
    std::string again = c.encrypt(*plain, "0123456789abcdef");
    auto round = c.decrypt(again);
    if (!round || *round != *plain) std::abort();
  }

  // The signature over this `encrypt` matches itself and nothing else.
  std::string sig = c.signature("1700000000000", "nonce123", input);
  if (sig.size() != 40 || !c.signature_matches("1700000000000", "nonce123", input, sig)) {
    std::abort();
  }
  std::string wrong = sig;
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  if (c.signature_matches("1700000000000", "nonce123", input, wrong)) std::abort();

  // Any plaintext survives the way out (the reply) and back.
  std::string out = c.encrypt(input, "0123456789abcdef");
  auto back = c.decrypt(out);
  if (!back || *back != input) std::abort();
  return 0;
}
