// SPDX-License-Identifier: Apache-2.0
// Card recipients: the statements over the card_recipients table.
#include "host/jobs/card_recipients.hpp"

namespace courthub::jobs {

using storage::int_of;
using storage::int_value;
using storage::text_of;
using storage::text_value;

Outcome record_card_recipient(storage::Transaction& txn, const std::string& plugin,
                              const std::string& out_track_id, const std::string& user_id,
                              int64_t outbox_id, int64_t now_ms) {
  ch_value row[] = {text_value(out_track_id), text_value(user_id), text_value(plugin),
                    int_value(now_ms), int_value(outbox_id)};
  return txn.query(
      "INSERT INTO card_recipients(out_track_id, user_id, plugin, sent_ms, outbox_id) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT(out_track_id, user_id) DO NOTHING",
      row);
}

namespace {

// A card recorded before outbox_id existed, or whose row was removed, counts as delivered.
constexpr const char* kCopyColumns =
    "SELECT c.out_track_id, c.user_id, COALESCE(o.state, 'sent'), COALESCE(o.next_ms, 0) "
    "FROM card_recipients c LEFT JOIN outbox o ON o.id = c.outbox_id ";

CardCopy copy_of(const ch_value* v) {
  return CardCopy{std::string(text_of(v[0])), std::string(text_of(v[1])),
                  std::string(text_of(v[2])), int_of(v[3])};
}

}  // namespace

Expected<std::vector<CardCopy>> card_copies(storage::Transaction& txn, const std::string& plugin,
                                            const std::string& out_track_id) {
  std::vector<CardCopy> out;
  ch_value p[] = {text_value(plugin), text_value(out_track_id), text_value(out_track_id)};
  Outcome o = txn.query(std::string(kCopyColumns) +
                            "WHERE c.plugin = ? AND (c.out_track_id = ? OR "
                            "c.out_track_id = ? || '.' || c.user_id) ORDER BY c.user_id",
                        p, [&](const ch_str*, const ch_value* v, size_t) {
                          out.push_back(copy_of(v));
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  return out;
}

Expected<std::optional<CardCopy>> card_copy(storage::Database& db, const std::string& out_track_id,
                                            const std::string& user_id) {
  std::optional<CardCopy> out;
  ch_value p[] = {text_value(out_track_id), text_value(user_id)};
  Outcome o = db.query(std::string(kCopyColumns) + "WHERE c.out_track_id = ? AND c.user_id = ?", p,
                       [&](const ch_str*, const ch_value* v, size_t) {
                         out = copy_of(v);
                         return Outcome::success();
                       });
  if (!o.ok()) return o;
  return out;
}

Expected<std::optional<std::string>> card_sender_for(storage::Database& db,
                                                     const std::string& out_track_id,
                                                     const std::string& user_id) {
  std::optional<std::string> plugin;
  if (out_track_id.empty() || user_id.empty()) return plugin;
  ch_value key[] = {text_value(out_track_id), text_value(user_id)};
  Outcome o = db.query("SELECT plugin FROM card_recipients WHERE out_track_id = ? AND user_id = ?",
                       key, [&](const ch_str*, const ch_value* v, size_t) {
                         plugin = std::string(text_of(v[0]));
                         return Outcome::success();
                       });
  if (!o.ok()) return o;
  return plugin;
}

}  // namespace courthub::jobs
