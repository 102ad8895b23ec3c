// SPDX-License-Identifier: Apache-2.0
// The double's Stream mode gateway (dingtalk-protocol.md §5): tickets from
// POST /v1.0/gateway/connections/open, the WebSocket connections that present them, the frames
// pushed down to them and the ACKs that come back. Tests drive it through DingTalkDouble's
// stream_* calls: push events and callbacks, answer or not, drop connections, go silent, send a
// SYSTEM disconnect, push a duplicate.
//
// DingTalk's behaviour it keeps: a ticket is good for one connection within 90 s; a push goes to
// one live connection (round robin here, random at DingTalk); an EVENT whose ACK did not say
// SUCCESS is pushed again (to the next connection when its own one closes); a `disconnect` is
// followed by the server closing the socket (after `disconnect_grace_ms`, 10 s at DingTalk).
//
// Threading: every member is thread-safe. StreamLink is shared by the gateway and the thread
// serving its socket (stream_front.cpp).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "courthub/json.hpp"

namespace courthub::dingtalk_double {

// The frames DingTalk pushes (dingtalk-protocol.md §5.3), their headers filled as DingTalk fills
// them; `data` goes out as JSON text.
Json stream_event_frame(const std::string& event_type, const std::string& event_id,
                        const Json& data, int64_t now_ms, const std::string& corp_id,
                        const std::string& app_key);
Json stream_callback_frame(const std::string& topic, const Json& data, int64_t now_ms,
                           const std::string& app_key);
Json stream_system_frame(const std::string& topic, const Json& data);

// One open WebSocket connection as the gateway sees it.
struct StreamLink {
  int64_t id = 0;
  Json subscriptions;  // as sent to connections/open
  // Guarded by the gateway's mutex.
  std::deque<std::string> outgoing;  // text frames not yet written
  bool drop = false;                 // close the socket now, without a close frame
  int64_t close_at_steady_ms = 0;    // > 0: close it then (after a disconnect frame)
  bool closed = false;
};

class StreamGateway {
 public:
  static constexpr int64_t kTicketTtlMs = 90'000;

  // The WebSocket URL handed out with each ticket ("ws://127.0.0.1:PORT/connect"); set while the
  // double serves.
  void set_endpoint(std::string endpoint);
  // connections/open: a fresh single-use ticket and the endpoint to present it at.
  Json open(const Json& subscriptions, int64_t now_ms);
  // A socket presenting `ticket`: its link, or nullptr when the ticket is unknown, used or older
  // than kTicketTtlMs. Un-ACKed events waiting for a connection go to it first.
  std::shared_ptr<StreamLink> connect(const std::string& ticket, int64_t now_ms);
  // The socket of `link` is gone (closed by either side): its un-ACKed events go to another
  // connection, or wait for the next one.
  void disconnected(const std::shared_ptr<StreamLink>& link);
  // A text frame the client sent on `link` (an ACK): recorded; an EVENT's SUCCESS settles it.
  void received(const StreamLink& link, const std::string& text);

  // Pushes `frame` (type, headers, data; headers.messageId is filled in when missing) to one
  // live connection, or keeps it for the next one when none is open. Returns the messageId.
  std::string push(Json frame);
  // Pushes the frame of `message_id` again under a new messageId (the same eventId): a
  // duplicate as DingTalk may send one. Returns the new messageId, "" when unknown.
  std::string push_again(const std::string& message_id);
  // A SYSTEM disconnect frame to every connection, each closed `grace_ms` after `steady_ms`
  // (std::chrono::steady_clock, ms) unless its client closes first.
  void disconnect_all(const std::string& reason, int64_t grace_ms, int64_t steady_ms);
  // Closes every socket at once, without a close frame (a network failure).
  void drop_all();
  // While silent the gateway writes nothing, pongs included (a connection that died quietly).
  void set_silent(bool silent);
  bool silent() const;

  size_t live_connections() const;
  int64_t connections_opened() const;
  // ACK frames received, oldest first: {"link": id, "frame": <parsed ACK>}.
  std::vector<Json> acks() const;
  // The first ACK of `message_id` (its frame), waiting up to `timeout_ms` (real time) for it;
  // null when none came.
  Json wait_for_ack(const std::string& message_id, int64_t timeout_ms) const;
  // EVENT frames pushed and not yet settled by a SUCCESS ACK.
  size_t unsettled() const;

  // Frames for `link` to write now (empty while silent), and whether to close it (`steady_ms`:
  // the steady clock now, ms).
  struct Work {
    std::vector<std::string> frames;
    bool close = false;
    bool drop = false;
  };
  Work take_work(const std::shared_ptr<StreamLink>& link, int64_t steady_ms);

  // Stops serving: every connection's thread ends at its next look (stop of the double).
  void shut_down();
  bool shutting_down() const;
  // Forgets ACKs, unsettled events and tickets; keeps open connections (DingTalkDouble::reset).
  void reset();

 private:
  std::shared_ptr<StreamLink> next_live_locked();
  void deliver_locked(const std::string& message_id);

  mutable std::mutex mu_;
  mutable std::condition_variable acked_;  // with mu_: an ACK was recorded
  std::string endpoint_;
  struct Ticket {
    Json subscriptions;
    int64_t issued_ms = 0;
  };
  std::map<std::string, Ticket> tickets_;
  std::vector<std::shared_ptr<StreamLink>> links_;
  size_t round_robin_ = 0;
  int64_t next_link_id_ = 1;
  int64_t opened_ = 0;
  int64_t next_message_ = 1;
  // messageId -> frame text, for EVENT frames without a SUCCESS ACK yet.
  std::map<std::string, std::string> unsettled_;
  std::map<std::string, int64_t> on_link_;   // messageId -> the link it was queued on (0: none)
  std::map<std::string, std::string> sent_;  // messageId -> frame text (every push, for push_again)
  std::deque<std::string> waiting_;  // messageIds pushed while no connection was open
  std::vector<Json> acks_;
  bool silent_ = false;
  bool shutting_down_ = false;
};

}  // namespace courthub::dingtalk_double
