// SPDX-License-Identifier: Apache-2.0
// Card recipients: two statements over the card_recipients table.
#include "host/jobs/card_recipients.hpp"

namespace courthub::jobs {

using storage::int_value;
using storage::text_of;
using storage::text_value;

Outcome record_card_recipient(storage::Transaction& txn, const std::string& plugin,
                              const std::string& out_track_id, const std::string& user_id,
                              int64_t now_ms) {
  ch_value row[] = {text_value(out_track_id), text_value(user_id), text_value(plugin),
                    int_value(now_ms)};
  return txn.query(
      "INSERT INTO card_recipients(out_track_id, user_id, plugin, sent_ms) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(out_track_id, user_id) DO NOTHING",
      row);
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
