// SPDX-License-Identifier: Apache-2.0
// Tables, indexes and the no-overlap guarantee of the rooms database.
//
// Instants are Unix milliseconds (INTEGER). Every query on a hot path is an index range scan:
// conflicts by (room_id, start_ms), free/busy by (court, start_ms), jobs by (status, start_ms).
// A booking lasts at most a day (CHECK below), so "overlaps [s, e)" is the bounded range
// start_ms in (s - 1 day, e) plus end_ms > s. No two bookings that hold a slot overlap on a room:
// triggers on SQLite, an exclusion constraint on PostgreSQL.
#include "schema.hpp"

namespace rooms {

std::vector<courthub::Migration> migrations() {
  return {
      {1, "rooms", R"sql(
CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  court TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('会议室', '科技法庭', '远程视频庭审室', '调解室')),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  location TEXT NOT NULL DEFAULT '',
  equipment TEXT NOT NULL DEFAULT '[]',
  open_from INTEGER NOT NULL CHECK (open_from BETWEEN 0 AND 1440),
  open_to INTEGER NOT NULL CHECK (open_to BETWEEN 0 AND 1440 AND open_to > open_from),
  open_days INTEGER NOT NULL CHECK (open_days BETWEEN 1 AND 127),
  needs_approval INTEGER NOT NULL DEFAULT 0,
  bookers TEXT NOT NULL DEFAULT '{}',
  retired INTEGER NOT NULL DEFAULT 0,
  managed_by TEXT NOT NULL CHECK (managed_by IN ('settings', 'api')),
  created_ms {{int64}} NOT NULL,
  updated_ms {{int64}} NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
-- Two rooms in service in one court never share a name: people book by name in chat.
CREATE UNIQUE INDEX rooms_live_name ON rooms(court, name) WHERE retired = 0;
CREATE INDEX rooms_court ON rooms(court);

CREATE TABLE series (
  id {{id}},
  rule TEXT NOT NULL,
  description TEXT NOT NULL,
  created_ms {{int64}} NOT NULL
);

CREATE TABLE bookings (
  id {{id}},
  room_id TEXT NOT NULL REFERENCES rooms(id),
  court TEXT NOT NULL,
  start_ms {{int64}} NOT NULL,
  end_ms {{int64}} NOT NULL,
  title TEXT NOT NULL,
  organizer TEXT NOT NULL,
  organizer_name TEXT NOT NULL DEFAULT '',
  attendees TEXT NOT NULL DEFAULT '[]',
  attendee_count INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL
    CHECK (status IN ('待审批', '已预订', '已签到', '已释放', '已取消', '已拒绝', '已结束')),
  purpose TEXT NOT NULL DEFAULT 'meeting' CHECK (purpose IN ('meeting', 'hearing', 'hearing_test')),
  series_id {{int64}} REFERENCES series(id),
  -- The approval this booking's fate rides on ("booking:<id>"; a series shares its first's).
  approval_request TEXT,
  approval_published INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  -- The last status the organizer was told about; a job tells them about the rest.
  told TEXT NOT NULL DEFAULT '',
  checked_in_ms {{int64}},
  checked_in_by TEXT,
  reminded_ms {{int64}},
  created_ms {{int64}} NOT NULL,
  updated_ms {{int64}} NOT NULL,
  CHECK (end_ms > start_ms AND end_ms - start_ms <= 86400000)
);
CREATE INDEX bookings_room_start ON bookings(room_id, start_ms);
CREATE INDEX bookings_court_start ON bookings(court, start_ms);
CREATE INDEX bookings_organizer_start ON bookings(organizer, start_ms);
CREATE INDEX bookings_status_start ON bookings(status, start_ms);
CREATE INDEX bookings_series ON bookings(series_id) WHERE series_id IS NOT NULL;
CREATE INDEX bookings_approval ON bookings(approval_request) WHERE approval_request IS NOT NULL;
CREATE INDEX bookings_untold ON bookings(id) WHERE told <> status;

CREATE TABLE attendees (
  booking_id {{int64}} NOT NULL REFERENCES bookings(id),
  user_id TEXT NOT NULL,
  PRIMARY KEY (booking_id, user_id)
){{sqlite}} WITHOUT ROWID{{end}};
CREATE INDEX attendees_user ON attendees(user_id, booking_id);

-- The last line of defence: whatever the code does, two bookings that hold a slot never overlap
-- on one room. The plugin checks first (to name the booking in the way); this makes a bug a
-- refused write (SQLITE_CONSTRAINT -> Conflict) instead of a double booking.
{{sqlite}}CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('待审批', '已预订', '已签到')
BEGIN
  SELECT RAISE(ABORT, 'the room is already booked for an overlapping time')
  WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.room_id = NEW.room_id AND b.start_ms < NEW.end_ms
      AND b.start_ms > NEW.start_ms - 86400000 AND b.end_ms > NEW.start_ms
      AND b.status IN ('待审批', '已预订', '已签到'));
END;
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF room_id, start_ms, end_ms, status
ON bookings
WHEN NEW.status IN ('待审批', '已预订', '已签到')
BEGIN
  SELECT RAISE(ABORT, 'the room is already booked for an overlapping time')
  WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.room_id = NEW.room_id AND b.id <> NEW.id AND b.start_ms < NEW.end_ms
      AND b.start_ms > NEW.start_ms - 86400000 AND b.end_ms > NEW.start_ms
      AND b.status IN ('待审批', '已预订', '已签到'));
END;
{{end}}{{postgres}}
-- On PostgreSQL its own tool: an exclusion constraint over the time range. btree_gist lends GiST
-- the text equality of room_id (a trusted extension shipped with the server), made where missing
-- in a schema of its own, so that dropping any plugin's schema never takes it along.
DO $$
DECLARE ext name;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('courthub btree_gist'));
  SELECT extnamespace::regnamespace::name INTO ext FROM pg_extension WHERE extname = 'btree_gist';
  IF ext IS NULL THEN
    CREATE SCHEMA IF NOT EXISTS courthub_ext;
    CREATE EXTENSION btree_gist WITH SCHEMA courthub_ext;
    ext := 'courthub_ext';
  END IF;
  EXECUTE format('ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist '
                 '(room_id %I.gist_text_ops WITH =, int8range(start_ms, end_ms) WITH &&) '
                 'WHERE (status IN (%L, %L, %L))', ext, '待审批', '已预订', '已签到');
END $$;
{{end}}
CREATE TABLE hearings (
  id {{id}},
  booking_id {{int64}} NOT NULL UNIQUE REFERENCES bookings(id),
  test_booking_id {{int64}} REFERENCES bookings(id),
  court TEXT NOT NULL,
  case_number TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('online', 'mixed')),
  parties TEXT NOT NULL,
  judge TEXT NOT NULL,
  clerk TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN
    ('已预约', '已通知', '测试通过', '进行中', '已结束', '已改期', '已取消', '已释放')),
  notice_override INTEGER NOT NULL DEFAULT 0,
  override_reason TEXT NOT NULL DEFAULT '',
  override_by TEXT NOT NULL DEFAULT '',
  rescheduled_from {{int64}} REFERENCES hearings(id),
  rescheduled_to {{int64}} REFERENCES hearings(id),
  notified_ms {{int64}},
  test_passed_ms {{int64}},
  started_ms {{int64}},
  ended_ms {{int64}},
  note TEXT NOT NULL DEFAULT '',
  created_ms {{int64}} NOT NULL,
  updated_ms {{int64}} NOT NULL
);
CREATE INDEX hearings_court_case ON hearings(court, case_number);
CREATE INDEX hearings_judge ON hearings(judge);
CREATE INDEX hearings_status ON hearings(status);
)sql"},
      // Approval requests are published inside the booking's transaction (approval.hpp): the
      // flag that marked a failed publication for the release job is gone.
      {2, "drop approval_published", "ALTER TABLE bookings DROP COLUMN approval_published;"},
      // In-person hearings (mode in_person, in a 科技法庭), the collegial panel, the cause and
      // whether the hearing is public (开庭公告). SQLite cannot widen a CHECK in place: the table
      // is rebuilt under its own name, rows and ids kept (existing hearings are public, with an
      // empty cause and no panel). PostgreSQL alters it in place (its columns come last; every
      // query names its columns).
      {3, "hearings in person, panel, cause, public", R"sql({{sqlite}}
ALTER TABLE hearings RENAME TO hearings_v2;
CREATE TABLE hearings (
  id {{id}},
  booking_id {{int64}} NOT NULL UNIQUE REFERENCES bookings(id),
  test_booking_id {{int64}} REFERENCES bookings(id),
  court TEXT NOT NULL,
  case_number TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('online', 'mixed', 'in_person')),
  parties TEXT NOT NULL,
  judge TEXT NOT NULL,
  clerk TEXT NOT NULL DEFAULT '',
  panel TEXT NOT NULL DEFAULT '[]',
  cause TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN
    ('已预约', '已通知', '测试通过', '进行中', '已结束', '已改期', '已取消', '已释放')),
  notice_override INTEGER NOT NULL DEFAULT 0,
  override_reason TEXT NOT NULL DEFAULT '',
  override_by TEXT NOT NULL DEFAULT '',
  rescheduled_from {{int64}} REFERENCES hearings(id),
  rescheduled_to {{int64}} REFERENCES hearings(id),
  notified_ms {{int64}},
  test_passed_ms {{int64}},
  started_ms {{int64}},
  ended_ms {{int64}},
  note TEXT NOT NULL DEFAULT '',
  created_ms {{int64}} NOT NULL,
  updated_ms {{int64}} NOT NULL
);
INSERT INTO hearings (id, booking_id, test_booking_id, court, case_number, mode, parties, judge,
  clerk, status, notice_override, override_reason, override_by, rescheduled_from, rescheduled_to,
  notified_ms, test_passed_ms, started_ms, ended_ms, note, created_ms, updated_ms)
SELECT id, booking_id, test_booking_id, court, case_number, mode, parties, judge, clerk, status,
  notice_override, override_reason, override_by, rescheduled_from, rescheduled_to, notified_ms,
  test_passed_ms, started_ms, ended_ms, note, created_ms, updated_ms FROM hearings_v2;
DROP TABLE hearings_v2;
CREATE INDEX hearings_court_case ON hearings(court, case_number);
CREATE INDEX hearings_judge ON hearings(judge);
CREATE INDEX hearings_status ON hearings(status);
{{end}}{{postgres}}
ALTER TABLE hearings
  DROP CONSTRAINT hearings_mode_check,
  ADD CONSTRAINT hearings_mode_check CHECK (mode IN ('online', 'mixed', 'in_person')),
  ADD COLUMN panel TEXT NOT NULL DEFAULT '[]',
  ADD COLUMN cause TEXT NOT NULL DEFAULT '',
  ADD COLUMN public INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1));
{{end}})sql"},
      // Issue 15: who approves a room's bookings (a JSON array of userids; [] = its court_admin).
      {4, "room approvers", "ALTER TABLE rooms ADD COLUMN approvers TEXT NOT NULL DEFAULT '[]';"},
  };
}

}  // namespace rooms
