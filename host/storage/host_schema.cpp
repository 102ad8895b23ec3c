// SPDX-License-Identifier: Apache-2.0
// The host database's migrations, one text for SQLite and PostgreSQL each (portable_migration:
// {{id}}, {{serial}} and {{int64}} expand per backend; on SQLite to exactly the text each
// migration was first applied with, which host_schema_test checks against the recorded sums).
#include "host/storage/host_schema.hpp"

#include <vector>

namespace courthub::storage {

std::span<const Migration> host_migrations() {
  static const std::vector<Migration> kMigrations = {
      portable_migration(1, "directory",
       R"sql(
CREATE TABLE courts (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  synthetic INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE departments (
  id {{id}},
  court_code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id INTEGER NOT NULL DEFAULT 0,
  head TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'seed'
);
CREATE TABLE people (
  user_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  court_code TEXT NOT NULL,
  dept_id INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  source TEXT NOT NULL DEFAULT 'seed',
  updated_ms {{int64}} NOT NULL DEFAULT 0
);
CREATE INDEX people_by_court ON people(court_code);
CREATE TABLE host_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql"),
      portable_migration(2, "audit log",
       R"sql(
CREATE TABLE audit_log (
  id {{serial}},
  at_ms {{int64}} NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL,
  request_id TEXT NOT NULL DEFAULT ''
);
)sql"),
      portable_migration(3, "inbox",
       R"sql(
CREATE TABLE inbox (
  id {{id}},
  source TEXT NOT NULL,
  topic TEXT NOT NULL,
  dedup_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  received_ms {{int64}} NOT NULL
);
CREATE TABLE inbox_deliveries (
  event_id {{int64}} NOT NULL REFERENCES inbox(id) ON DELETE CASCADE,
  subscriber TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_ms {{int64}} NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  done_ms {{int64}},
  PRIMARY KEY (event_id, subscriber)
);
CREATE INDEX inbox_deliveries_due ON inbox_deliveries(state, next_ms);
)sql"),
      portable_migration(4, "outbox",
       R"sql(
CREATE TABLE outbox (
  id {{id}},
  plugin TEXT NOT NULL,
  idem_key TEXT,
  channel TEXT NOT NULL,
  target TEXT NOT NULL,
  message TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_ms {{int64}} NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_ms {{int64}} NOT NULL,
  sent_ms {{int64}},
  UNIQUE (plugin, idem_key)
);
CREATE INDEX outbox_due ON outbox(state, next_ms);
)sql"),
      portable_migration(5, "robot messages and job runs",
       R"sql(
CREATE TABLE robot_messages (
  msg_id TEXT PRIMARY KEY,
  received_ms {{int64}} NOT NULL,
  reply_type TEXT NOT NULL DEFAULT '',
  reply TEXT NOT NULL DEFAULT ''
);
CREATE TABLE job_runs (
  plugin TEXT NOT NULL,
  job TEXT NOT NULL,
  last_scheduled_ms {{int64}} NOT NULL,
  last_status TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plugin, job)
);
)sql"),
      portable_migration(6, "card recipients",
       R"sql(
CREATE TABLE card_recipients (
  out_track_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  plugin TEXT NOT NULL,
  sent_ms {{int64}} NOT NULL,
  PRIMARY KEY (out_track_id, user_id)
);
)sql"),
      portable_migration(7, "card recipients know their card's outbox row",
       R"sql(
ALTER TABLE card_recipients ADD COLUMN outbox_id {{int64}};
)sql"),
      portable_migration(8, "robot signs already used (a captured timestamp/sign pair is not replayed)",
       R"sql(
CREATE TABLE robot_signs (
  timestamp TEXT NOT NULL,
  sign TEXT NOT NULL,
  msg_id TEXT NOT NULL,
  expires_ms {{int64}} NOT NULL,
  PRIMARY KEY (timestamp, sign)
);
CREATE INDEX robot_signs_by_expiry ON robot_signs(expires_ms);
)sql"),
      portable_migration(9, "inbox deliveries by subscriber (each subscriber has its own delivery worker)",
       R"sql(
CREATE INDEX inbox_deliveries_by_subscriber ON inbox_deliveries(subscriber, state, next_ms);
)sql"),
      portable_migration(10, "group robot sends of the last minute, shared by every host",
       R"sql(
CREATE TABLE robot_sends (
  robot TEXT NOT NULL,
  sent_ms {{int64}} NOT NULL
);
CREATE INDEX robot_sends_by_robot ON robot_sends(robot, sent_ms);
)sql"),
      // Hosts sharing PostgreSQL: one at a time delivers a subscriber's events, in order
      // (jobs/inbox_lease.hpp). Unused on SQLite, where one host owns the tables.
      portable_migration(11, "inbox leases, one host per subscriber at a time",
       R"sql(
CREATE TABLE inbox_leases (
  subscriber TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until_ms {{int64}} NOT NULL
);
)sql"),
      // Hosts sharing PostgreSQL: admin-token guesses counted across all of them
      // (http/admin_token_backoff.hpp). Unused on SQLite.
      portable_migration(12, "admin token back-off, shared by every host",
       R"sql(
CREATE TABLE admin_backoff (
  address TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_ms {{int64}} NOT NULL,
  blocked_until_ms {{int64}} NOT NULL
);
)sql"),
  };
  return kMigrations;
}

}  // namespace courthub::storage
