// SPDX-License-Identifier: Apache-2.0
// event_feed: writes N distinct, correctly signed and encrypted DingTalk event callbacks, one
// per line ("<path>\t<body>"), split over T files so each wrk thread replays its own and no
// event is ever sent twice.
//
//   event_feed TOKEN AES_KEY OWNER_KEY COUNT THREADS OUT_PREFIX [check_url]
// With "check_url" the events are URL checks, answered without storage: the cost of the
// callback path without the inbox, for comparison.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "host/dingtalk/callback_crypto.hpp"

int main(int argc, char** argv) {
  if (argc != 7 && argc != 8) {
    std::fprintf(stderr,
                 "usage: event_feed TOKEN AES_KEY OWNER_KEY COUNT THREADS OUT_PREFIX [check_url]\n");
    return 2;
  }
  auto crypto = courthub::dingtalk::CallbackCrypto::create(argv[1], argv[2], argv[3]);
  if (!crypto) {
    std::fprintf(stderr, "event_feed: %s\n", crypto.outcome().message().c_str());
    return 1;
  }
  long count = std::stol(argv[4]);
  int threads = std::stoi(argv[5]);
  std::vector<std::ofstream> out;
  for (int t = 0; t < threads; ++t) out.emplace_back(std::string(argv[6]) + "." + std::to_string(t));
  std::string ts = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count());
  bool check_url = argc == 8 && std::string(argv[7]) == "check_url";
  for (long i = 0; i < count; ++i) {
    courthub::Json event = courthub::Json::object(
        {{"EventType", "bpms_instance_change"},
         {"processInstanceId", "bench-" + std::to_string(i)},
         {"corpId", "dingbenchcorp"},
         {"title", "请假审批"},
         {"type", "finish"},
         {"result", "agree"},
         {"staffId", "LN-BC-SY-01-024"},
         {"processCode", "PROC-LEAVE"},
         {"createTime", 1700000000000},
         {"finishTime", 1700000100000}});
    if (check_url) event = courthub::Json::object({{"EventType", "check_url"}});
    std::string encrypt = crypto->encrypt(event.dump());
    std::string nonce = "n" + std::to_string(i);
    std::string path = "/dingtalk/events?msg_signature=" + crypto->signature(ts, nonce, encrypt) +
                       "&timestamp=" + ts + "&nonce=" + nonce;
    out[i % threads] << path << '\t' << courthub::Json::object({{"encrypt", encrypt}}).dump()
                     << '\n';
  }
  return 0;
}
