// SPDX-License-Identifier: Apache-2.0
// Tables: instances, tasks, the append-only operation record, CC, requests.
#include "schema.hpp"

namespace approvals {

const std::vector<courthub::Migration>& migrations() {
  static const std::vector<courthub::Migration> kMigrations = {
      {1, "instances, tasks, records, cc, requests, dispatch", R"SQL(
CREATE TABLE instance (
  id              {{id}},
  template        TEXT NOT NULL,            -- process code
  template_name   TEXT NOT NULL,
  title           TEXT NOT NULL,
  originator      TEXT NOT NULL,            -- userid; '' while a DingTalk mirror has not seen it
  originator_name TEXT NOT NULL,
  court_code      TEXT NOT NULL,
  dept_id         TEXT NOT NULL,
  form            TEXT NOT NULL,            -- JSON object, as validated
  plan            TEXT NOT NULL,            -- JSON: the resolved steps (model.hpp PlanStep)
  cc_finish       TEXT NOT NULL DEFAULT '[]',  -- JSON: people to copy when it completes
  current_step    INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN
                    ('NEW', 'RUNNING', 'COMPLETED', 'TERMINATED', 'CANCELED')),
  result          TEXT NOT NULL DEFAULT '', -- agree | refuse | ''
  source          TEXT NOT NULL DEFAULT '', -- requesting plugin, 'dingtalk', '' when submitted
  request_id      TEXT NOT NULL DEFAULT '', -- the source's id (DingTalk processInstanceId)
  mirrored        INTEGER NOT NULL DEFAULT 0,  -- 1: runs in DingTalk, recorded here
  url             TEXT NOT NULL DEFAULT '',
  created_ms      {{int64}} NOT NULL,
  updated_ms      {{int64}} NOT NULL,
  finished_ms     {{int64}}
);
CREATE INDEX instance_by_originator ON instance(originator, id);
CREATE INDEX instance_by_court ON instance(court_code, id);
-- A redelivered request (or DingTalk event) finds the instance it already opened.
CREATE UNIQUE INDEX instance_by_request ON instance(source, request_id) WHERE request_id <> '';

CREATE TABLE task (
  id              {{id}},
  instance_id     {{int64}} NOT NULL REFERENCES instance(id),
  step_id         {{int64}} NOT NULL,
  assignee        TEXT NOT NULL,
  assignee_name   TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN
                    ('NEW', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELED', 'TERMINATED')),
  result          TEXT NOT NULL DEFAULT '', -- AGREE | REFUSE | REDIRECTED | RETURNED | ''
  remark          TEXT NOT NULL DEFAULT '',
  external_id     TEXT,                     -- DingTalk taskId of a mirrored task
  created_ms      {{int64}} NOT NULL,
  since_ms        {{int64}} NOT NULL,         -- running since (reminders count from here)
  reminded_period INTEGER NOT NULL DEFAULT 0,
  finished_ms     {{int64}}
);
CREATE INDEX task_by_instance ON task(instance_id, status);
CREATE INDEX task_by_assignee ON task(assignee, status, id);
CREATE INDEX task_running_since ON task(since_ms) WHERE status = 'RUNNING';
CREATE UNIQUE INDEX task_by_external ON task(external_id) WHERE external_id IS NOT NULL;

-- The operation record: appended by every action, never rewritten.
CREATE TABLE record (
  id          {{id}},
  instance_id {{int64}} NOT NULL REFERENCES instance(id),
  type        TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  result      TEXT NOT NULL DEFAULT 'NONE',
  remark      TEXT NOT NULL DEFAULT '',
  task_id     {{int64}},
  detail      TEXT NOT NULL DEFAULT '{}',
  at_ms       {{int64}} NOT NULL
);
CREATE INDEX record_by_instance ON record(instance_id, id);
{{sqlite}}CREATE TRIGGER record_is_append_only_update BEFORE UPDATE ON record
BEGIN SELECT RAISE(ABORT, 'operation records are never rewritten'); END;
CREATE TRIGGER record_is_append_only_delete BEFORE DELETE ON record
BEGIN SELECT RAISE(ABORT, 'operation records are never deleted'); END;
{{end}}{{postgres}}CREATE FUNCTION record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'operation records are never %',
    CASE WHEN TG_OP = 'DELETE' THEN 'deleted' ELSE 'rewritten' END
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER record_is_append_only BEFORE UPDATE OR DELETE ON record
FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
{{end}}
CREATE TABLE cc (
  instance_id {{int64}} NOT NULL REFERENCES instance(id),
  user_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  at          TEXT NOT NULL CHECK (at IN ('start', 'finish')),
  at_ms       {{int64}} NOT NULL,
  PRIMARY KEY (instance_id, user_id, at)
);
CREATE INDEX cc_by_user ON cc(user_id, instance_id);

-- Requests from other plugins that could not be opened; accepted ones are instance rows.
CREATE TABLE request_rejection (
  source     TEXT NOT NULL,
  request_id TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at_ms      {{int64}} NOT NULL,
  PRIMARY KEY (source, request_id)
);

-- Messages and events decided inside a transaction, delivered after it commits and deleted once
-- delivered: nothing decided is lost to a crash between the commit and the outbox.
CREATE TABLE dispatch (
  id         {{id}},
  kind       TEXT NOT NULL CHECK (kind IN ('message', 'event')),
  body       TEXT NOT NULL,
  created_ms {{int64}} NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0
);
)SQL"},
      // Messages and events now go out through the SDK's transaction (effects.hpp); the host
      // hands over whatever a crash left in its own table.
      {2, "drop dispatch", "DROP TABLE dispatch;"},
      {3, "attachments", R"SQL(
-- Files uploaded for attachment fields (POST /attachments); the bytes live here, in the plugin's
-- own database, capped by the host's server.max_body_bytes.
CREATE TABLE attachment (
  id         {{id}},
  uploader   TEXT NOT NULL,     -- userid
  name       TEXT NOT NULL,     -- UTF-8, as uploaded
  type       TEXT NOT NULL,     -- media type
  size       INTEGER NOT NULL,  -- bytes
  sha256     TEXT NOT NULL,     -- lower-case hex
  content    {{blob}} NOT NULL,
  created_ms {{int64}} NOT NULL
);
CREATE INDEX attachment_by_created ON attachment(created_ms);

-- Which instances' forms hold which files (who may download them follows from it).
CREATE TABLE instance_attachment (
  instance_id   {{int64}} NOT NULL REFERENCES instance(id),
  attachment_id {{int64}} NOT NULL REFERENCES attachment(id),
  PRIMARY KEY (attachment_id, instance_id)
);
CREATE INDEX instance_attachment_by_instance ON instance_attachment(instance_id);
)SQL"},
  };
  return kMigrations;
}

}  // namespace approvals
