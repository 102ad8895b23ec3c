// SPDX-License-Identifier: Apache-2.0
// Outbox: message validation, durable queueing and the delivery worker.
#include "host/jobs/outbox.hpp"

#include <algorithm>
#include <chrono>

#include "host/jobs/card_recipients.hpp"
#include "host/jobs/mobile_mask.hpp"
#include "host/log.hpp"

namespace courthub::jobs {
namespace {

using storage::int_of;
using storage::int_value;
using storage::null_value;
using storage::text_of;
using storage::text_value;


bool nonempty_string(const Json* j) {
  return j && j->is_string() && !j->get<std::string>().empty();
}

// The fields each DingTalk message type needs (dingtalk-protocol.md §3, §7).
Outcome check_msg(const Json& msg) {
  if (!msg.is_object()) return Outcome::invalid("msg must be an object");
  const Json* type = json::find(msg, "msgtype");
  if (!nonempty_string(type)) return Outcome::invalid("msg.msgtype is required");
  const std::string& t = type->get<std::string>();
  const Json* body = json::find(msg, t);
  if (!body || !body->is_object()) {
    return Outcome::invalid("msg." + t + " must be an object for msgtype '" + t + "'");
  }
  auto need = [&](std::initializer_list<const char*> fields) -> Outcome {
    for (auto* f : fields)
      if (!nonempty_string(json::find(*body, f))) {
        return Outcome::invalid("msg." + t + "." + f + " is required");
      }
    return Outcome::success();
  };
  if (t == "text") return need({"content"});
  if (t == "markdown") return need({"title", "text"});
  if (t == "link") return need({"title", "text", "messageUrl"});
  if (t == "action_card" || t == "actionCard") return need({"title"});
  if (t == "oa") return Outcome::success();
  if (t == "interactive_card") {
    Outcome o = need({"template_id", "out_track_id"});
    if (!o.ok()) return o;
    const Json* data = json::find(*body, "card_data");
    if (data && !data->is_object()) return Outcome::invalid("msg.interactive_card.card_data must be an object");
    return Outcome::success();
  }
  if (t == "card_update") {
    const Json* data = json::find(*body, "card_data");
    if (!data || !data->is_object()) {
      return Outcome::invalid("msg.card_update.card_data is required: an object");
    }
    return Outcome::success();
  }
  return Outcome::invalid("msg.msgtype '" + t +
                          "' is not one of text, markdown, link, action_card, oa, "
                          "interactive_card, card_update");
}

// ^1\d{10}$: the numbers the SMS gateway delivers to.
bool is_mainland_mobile(const std::string& s) {
  if (s.size() != 11 || s[0] != '1') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t utf8_chars(const std::string& s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A long SMS is split by the carrier into 67-character parts; a notice needs far fewer.
constexpr size_t kSmsMaxChars = 500;

}  // namespace

Expected<ParsedMessage> parse_outbox_message(
    const Json& message, const std::function<bool(const std::string&)>& known_robot) {
  if (!message.is_object()) return Outcome::invalid("the message must be a JSON object");
  const Json* to = json::find(message, "to");
  if (!to || !to->is_object()) return Outcome::invalid("to is required: an object");
  const Json* msg = json::find(message, "msg");
  if (!msg) return Outcome::invalid("msg is required");
  Outcome o = check_msg(*msg);
  if (!o.ok()) return o;

  ParsedMessage out;
  out.msg = *msg;
  int targets = 0;
  if (const Json* users = json::find(*to, "users")) {
    ++targets;
    if (!users->is_array() || users->size() == 0) {
      return Outcome::invalid("to.users must be a non-empty array of userids");
    }
    if (users->size() > 5000) return Outcome::invalid("to.users has more than 5000 people");
    for (auto& u : *users) {
      if (!u.is_string() || u.get<std::string>().empty() ||
          u.get<std::string>().find(',') != std::string::npos) {
        return Outcome::invalid("to.users must hold userids (non-empty, no commas)");
      }
      if (!out.target.empty()) out.target += ',';
      out.target += u.get<std::string>();
    }
    out.channel =
        json::get<std::string>(*msg, "msgtype") == "interactive_card" ? "card" : "work_notice";
    // asyncsend_v2 takes at most 2048 bytes of msg.
    if (out.channel == "work_notice" && msg->dump().size() > 2048) {
      return Outcome::invalid("msg is " + std::to_string(msg->dump().size()) +
                              " bytes; work notifications take at most 2048");
    }
  }
  if (const Json* hook = json::find(*to, "session_webhook")) {
    ++targets;
    if (!nonempty_string(hook) || (hook->get<std::string>().rfind("http://", 0) != 0 &&
                                   hook->get<std::string>().rfind("https://", 0) != 0)) {
      return Outcome::invalid("to.session_webhook must be an http(s) URL");
    }
    out.channel = "session";
    out.target = hook->get<std::string>();
  }
  if (const Json* robot = json::find(*to, "group_robot")) {
    ++targets;
    if (!nonempty_string(robot)) return Outcome::invalid("to.group_robot must be a robot name");
    if (!known_robot(robot->get<std::string>())) {
      return Outcome::invalid("to.group_robot '" + robot->get<std::string>() +
                              "' is not configured in dingtalk.group_robots");
    }
    out.channel = "group_robot";
    out.target = robot->get<std::string>();
  }
  if (const Json* card = json::find(*to, "card")) {
    ++targets;
    if (!nonempty_string(card)) return Outcome::invalid("to.card must be a card's out_track_id");
    out.channel = "card_update";
    out.target = card->get<std::string>();
  }
  if (const Json* sms = json::find(*to, "sms")) {
    ++targets;
    // The number itself never appears in an error: errors reach logs and callers.
    if (!sms->is_string() || !is_mainland_mobile(sms->get<std::string>())) {
      return Outcome::invalid("to.sms must be a mainland mobile number: 11 digits starting with 1");
    }
    if (json::get<std::string>(*msg, "msgtype") != "text") {
      return Outcome::invalid("to.sms takes only msgtype 'text'");
    }
    if (utf8_chars(json::get<std::string>(msg->at("text"), "content")) > kSmsMaxChars) {
      return Outcome::invalid("msg.text.content of an SMS is at most " +
                              std::to_string(kSmsMaxChars) + " characters");
    }
    out.channel = "sms";
    out.target = sms->get<std::string>();
  }
  if (targets != 1) {
    return Outcome::invalid(
        "to must name exactly one of users, session_webhook, group_robot, card, sms");
  }
  const bool update = json::get<std::string>(*msg, "msgtype") == "card_update";
  if (update != (out.channel == "card_update")) {
    return Outcome::invalid(update ? "msg.msgtype 'card_update' goes to {\"card\": out_track_id}"
                                   : "to.card takes only msgtype 'card_update'");
  }
  if (out.channel != "work_notice" && out.channel != "card" && msg->dump().size() > 20000) {
    return Outcome::invalid("msg is larger than the 20000 bytes a robot message may be");
  }
  if (const Json* key = json::find(message, "key")) {
    if (!key->is_string() || key->get<std::string>().size() > 200) {
      return Outcome::invalid("key must be a string of at most 200 characters");
    }
    out.key = key->get<std::string>();
  }
  return out;
}

namespace {

// DingTalk takes at most 100 userids per work notification, and a card lives in one person's
// chat: big messages become several rows, so each row is sent exactly once on its own.
std::vector<std::string> split_targets(const ParsedMessage& m) {
  if (m.channel != "work_notice" && m.channel != "card") return {m.target};
  const size_t per_row = m.channel == "card" ? 1 : 100;
  std::vector<std::string> rows;
  std::string current;
  size_t in_current = 0, start = 0;
  while (start <= m.target.size()) {
    size_t comma = m.target.find(',', start);
    std::string user =
        m.target.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (in_current == per_row) {
      rows.push_back(std::move(current));
      current.clear();
      in_current = 0;
    }
    if (!current.empty()) current += ',';
    current += user;
    ++in_current;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!current.empty()) rows.push_back(std::move(current));
  return rows;
}

}  // namespace

Expected<int64_t> Outbox::queue(const std::string& plugin, const Json& message) {
  auto parsed = parse_outbox_message(message, policy_.known_group_robot);
  if (!parsed) return parsed.outcome();
  std::vector<std::string> targets = split_targets(*parsed);
  int64_t first_id = 0;
  const int64_t now = clock_.now_ms();
  Outcome o = group_commit_.run([&](storage::Transaction& txn) -> Outcome {
    // A card update becomes one row per copy of the card, each naming that copy's outTrackId.
    std::vector<Json> updates;
    if (parsed->channel == "card_update") {
      targets.clear();
      first_id = 0;
      auto copies = card_copies(txn, plugin, parsed->target);
      if (!copies) return copies.outcome();
      for (auto& c : *copies) {
        if (c.state == "dead") continue;
        Json msg = parsed->msg;
        msg["card_update"]["out_track_id"] = c.out_track_id;
        updates.push_back(std::move(msg));
        targets.push_back(c.user_id);
      }
      if (targets.empty()) {
        log::debug("outbox", "plugin " + plugin + ": card update dropped, card '" +
                                 parsed->target + "' was never delivered");
      }
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      Json msg = updates.empty() ? parsed->msg : updates[i];
      // A card sent to several people is several card instances: each needs its own id.
      if (parsed->channel == "card" && targets.size() > 1) {
        msg["interactive_card"]["out_track_id"] =
            json::get<std::string>(msg["interactive_card"], "out_track_id") + "." + targets[i];
      }
      std::string body = msg.dump();
      std::string key = parsed->key.empty() || targets.size() == 1
                            ? parsed->key
                            : parsed->key + "#" + std::to_string(i);
      ch_value row[] = {text_value(plugin),
                        key.empty() ? null_value() : text_value(key),
                        text_value(parsed->channel),
                        text_value(targets[i]),
                        text_value(body),
                        int_value(now),
                        int_value(now)};
      int64_t id = 0;  // row ids start at 1
      auto read_id = [&](const ch_str*, const ch_value* v, size_t) {
        id = int_of(v[0]);
        return Outcome::success();
      };
      // No row comes back when the key was queued before: then the earlier row's id.
      Outcome w = txn.query(
          "INSERT INTO outbox(plugin, idem_key, channel, target, message, state, next_ms, "
          "created_ms) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) "
          "ON CONFLICT(plugin, idem_key) DO NOTHING RETURNING id",
          row, read_id);
      if (!w.ok()) return w;
      if (id == 0) {
        ch_value k[] = {text_value(plugin), text_value(key)};
        w = txn.query("SELECT id FROM outbox WHERE plugin = ? AND idem_key = ?", k, read_id);
        if (!w.ok()) return w;
      }
      if (i == 0) first_id = id;
      // A card row goes to one person: a press of it is honoured only from them.
      if (parsed->channel == "card") {
        w = record_card_recipient(txn, plugin,
                                  json::get<std::string>(msg["interactive_card"], "out_track_id"),
                                  targets[i], id, now);
        if (!w.ok()) return w;
      }
    }
    return Outcome::success();
  });
  if (!o.ok()) return o;
  wake();
  return first_id;
}

void Outbox::wake() {
  {
    std::lock_guard lock(mu_);
    wake_ = true;
  }
  cv_.notify_one();
}

size_t Outbox::deliver_due(Courier& courier) {
  std::vector<OutboxMessage> due;
  const int64_t now_ms = clock_.now_ms();
  ch_value now[] = {int_value(now_ms)};
  ch_value claim[] = {int_value(now_ms + policy_.claim_ms), int_value(now_ms)};
  // PostgreSQL: several hosts share the table, so the due messages are claimed, not just read:
  // moving next_ms past the claim hides them from the others (SKIP LOCKED: from those claiming
  // at this moment too) until this host records the outcome or is gone for claim_ms.
  const bool shared = db_.dialect() == storage::Dialect::kPostgres;
  Outcome o = db_.query(
      shared ? "UPDATE outbox SET next_ms = ? WHERE id IN (SELECT id FROM outbox "
               "WHERE state = 'pending' AND next_ms <= ? ORDER BY next_ms, id LIMIT 32 "
               "FOR UPDATE SKIP LOCKED) "
               "RETURNING id, plugin, channel, target, message, attempts"
             : "SELECT id, plugin, channel, target, message, attempts FROM outbox "
               "WHERE state = 'pending' AND next_ms <= ? ORDER BY next_ms, id LIMIT 32",
      shared ? std::span<const ch_value>(claim) : std::span<const ch_value>(now),
      [&](const ch_str*, const ch_value* v, size_t) {
        OutboxMessage m;
        m.id = int_of(v[0]);
        m.plugin = text_of(v[1]);
        m.channel = text_of(v[2]);
        m.target = text_of(v[3]);
        try {
          m.msg = Json::parse(text_of(v[4]));
        } catch (const Json::exception&) {
          m.msg = Json::object();
        }
        m.attempt = static_cast<int>(int_of(v[5])) + 1;
        due.push_back(std::move(m));
        return Outcome::success();
      });
  if (!o.ok()) {
    log::error("outbox", "cannot read due messages: " + o.message());
    return 0;
  }
  // RETURNING has no order; ids are the order of queueing.
  if (shared) {
    std::sort(due.begin(), due.end(),
              [](const OutboxMessage& a, const OutboxMessage& b) { return a.id < b.id; });
  }
  for (auto& m : due) {
    if (m.channel == "card_update" && !card_ready(m)) continue;
    Delivery d;
    // A retry waits from before the attempt: a courier's wait (a rate window) is counted from
    // its own later reading of the clock, so the retry is never later than it asked for.
    const int64_t attempted_ms = clock_.now_ms();
    try {
      d = courier.deliver(m);
    } catch (const std::exception& e) {
      d = Delivery{Delivery::Result::Retry, std::string("courier threw: ") + e.what(), 0};
    }
    std::string state = "sent";
    int64_t next = 0;
    if (d.result == Delivery::Result::Retry && m.attempt < policy_.max_attempts) {
      state = "pending";
      int64_t backoff = std::min(policy_.first_backoff_ms << std::min(m.attempt - 1, 20),
                                 policy_.max_backoff_ms);
      next = attempted_ms + std::max(backoff, d.retry_after_ms);
      log::warn("outbox", "message " + std::to_string(m.id) + " (" + m.channel +
                              ") not sent, attempt " + std::to_string(m.attempt) + ": " + d.error);
    } else if (d.result != Delivery::Result::Sent) {
      state = "dead";
      log::error("outbox", "message " + std::to_string(m.id) + " (" + m.channel +
                               ") dead-lettered after " + std::to_string(m.attempt) +
                               " attempt(s): " + d.error);
    }
    ch_value p[] = {text_value(state),
                    int_value(m.attempt),
                    int_value(next),
                    text_value(d.error),
                    state == "sent" ? int_value(clock_.now_ms()) : null_value(), int_value(m.id)};
    Outcome w = db_.query(
        "UPDATE outbox SET state = ?, attempts = ?, next_ms = ?, last_error = ?, sent_ms = ? "
        "WHERE id = ?",
        p);
    if (!w.ok()) log::error("outbox", "cannot record message " + std::to_string(m.id) + ": " + w.message());
  }
  return due.size();
}

bool Outbox::card_ready(const OutboxMessage& m) {
  const Json* update = json::find(m.msg, "card_update");
  const std::string out_track_id = update ? json::get<std::string>(*update, "out_track_id") : "";
  auto copy = card_copy(db_, out_track_id, m.target);
  if (!copy) {
    log::error("outbox", "cannot read the card of message " + std::to_string(m.id) + ": " +
                             copy.outcome().message());
    return false;
  }
  if (*copy && (*copy)->state == "sent") return true;
  Outcome o;
  if (*copy && (*copy)->state == "pending") {
    // Not counted as an attempt: the update goes right after the card does.
    ch_value p[] = {int_value(std::max((*copy)->next_ms, clock_.now_ms()) + 1), int_value(m.id)};
    o = db_.query("UPDATE outbox SET next_ms = ? WHERE id = ?", p);
  } else {
    // Its card never reached DingTalk and never will: there is nothing to update.
    log::debug("outbox", "message " + std::to_string(m.id) +
                             " (card_update) dropped: its card was never delivered");
    ch_value p[] = {int_value(m.id)};
    o = db_.query("DELETE FROM outbox WHERE id = ?", p);
  }
  if (!o.ok()) log::error("outbox", "cannot record message " + std::to_string(m.id) + ": " + o.message());
  return false;
}

void Outbox::start(Courier& courier) {
  if (running_.exchange(true)) return;
  worker_ = std::thread([this, &courier] { run(courier); });
}

void Outbox::stop() {
  if (!running_.exchange(false)) return;
  wake();
  if (worker_.joinable()) worker_.join();
}

void Outbox::run(Courier& courier) {
  while (running_) {
    if (deliver_due(courier) > 0) continue;
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return wake_ || !running_; });
    wake_ = false;
  }
}

namespace {
Json message_row(const ch_value* v) {
  Json msg;
  try {
    msg = Json::parse(text_of(v[5]));
  } catch (const Json::exception&) {
  }
  // Admin views show a mobile masked, as every log line does (docs/outbox.md, "SMS").
  const std::string channel(text_of(v[2]));
  const std::string target =
      channel == "sms" ? mask_mobile(text_of(v[3])) : std::string(text_of(v[3]));
  return Json::object({{"id", int_of(v[0])},
                       {"plugin", text_of(v[1])},
                       {"channel", channel},
                       {"target", target},
                       {"state", text_of(v[4])},
                       {"msg", msg},
                       {"attempts", int_of(v[6])},
                       {"last_error", text_of(v[7])},
                       {"created_ms", int_of(v[8])}});
}
constexpr const char* kColumns =
    "id, plugin, channel, target, state, message, attempts, last_error, created_ms";
}  // namespace

Expected<Json> Outbox::dead_letters(int limit) {
  Json list = Json::array();
  ch_value p[] = {int_value(limit)};
  Outcome o = db_.query(std::string("SELECT ") + kColumns +
                            " FROM outbox WHERE state = 'dead' ORDER BY id DESC LIMIT ?",
                        p, [&](const ch_str*, const ch_value* v, size_t) {
                          list.push_back(message_row(v));
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  return list;
}

Expected<Json> Outbox::messages(const std::string& plugin, int limit) {
  Json list = Json::array();
  ch_value p[] = {text_value(plugin), int_value(limit)};
  Outcome o = db_.query(std::string("SELECT ") + kColumns +
                            " FROM outbox WHERE plugin = ? ORDER BY id DESC LIMIT ?",
                        p, [&](const ch_str*, const ch_value* v, size_t) {
                          list.push_back(message_row(v));
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  return list;
}

Expected<Json> Outbox::counts() {
  Json out = Json::object({{"pending", 0}, {"sent", 0}, {"dead", 0}});
  Outcome o = db_.query("SELECT state, COUNT(*) FROM outbox GROUP BY state", {},
                        [&](const ch_str*, const ch_value* v, size_t) {
                          out[std::string(text_of(v[0]))] = int_of(v[1]);
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  return out;
}

Outcome Outbox::replay(int64_t id) {
  ch_value p[] = {int_value(clock_.now_ms()), int_value(id)};
  storage::QueryResult r;
  Outcome o = db_.query(
      "UPDATE outbox SET state = 'pending', attempts = 0, next_ms = ?, last_error = '' "
      "WHERE id = ? AND state = 'dead'",
      p, {}, &r);
  if (!o.ok()) return o;
  if (r.changes == 0) return Outcome::not_found("no dead outbox message " + std::to_string(id));
  wake();
  return Outcome::success();
}

}  // namespace courthub::jobs
