// SPDX-License-Identifier: Apache-2.0
// DeliveryReceipt: the courthub_deliveries table of a plugin's database.
#include "host/plugins/delivery_receipt.hpp"

#include "host/storage/migrations.hpp"

namespace courthub::plugins {

using storage::int_of;
using storage::int_value;

Outcome DeliveryReceipt::prepare(storage::Database& db) {
  const std::string create = storage::portable_sql(
      "CREATE TABLE IF NOT EXISTS courthub_deliveries ("
      " event_id {{int64}} PRIMARY KEY,"
      " delivered_at_ms {{int64}} NOT NULL)",
      db.dialect());
  return db.query(create, {});
}

Outcome DeliveryReceipt::record(storage::Transaction& txn, int64_t event_id, int64_t now_ms) {
  ch_value row[] = {int_value(event_id), int_value(now_ms)};
  return txn.query(
      "INSERT INTO courthub_deliveries(event_id, delivered_at_ms) VALUES (?, ?) "
      "ON CONFLICT DO NOTHING",
      row);
}

Expected<std::optional<int64_t>> DeliveryReceipt::find(storage::Database& db, int64_t event_id) {
  std::optional<int64_t> at;
  ch_value key[] = {int_value(event_id)};
  Outcome o = db.query("SELECT delivered_at_ms FROM courthub_deliveries WHERE event_id = ?", key,
                       [&](const ch_str*, const ch_value* v, size_t) {
                         at = int_of(v[0]);
                         return Outcome::success();
                       });
  if (!o.ok()) return o;
  return at;
}

Expected<int64_t> DeliveryReceipt::prune(storage::Database& db, int64_t before_ms) {
  storage::QueryResult deleted;
  ch_value before[] = {int_value(before_ms)};
  Outcome o =
      db.query("DELETE FROM courthub_deliveries WHERE delivered_at_ms < ?", before, {}, &deleted);
  if (!o.ok()) return o;
  return deleted.changes;
}

}  // namespace courthub::plugins
