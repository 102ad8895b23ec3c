-- SPDX-License-Identifier: Apache-2.0
-- Seeds a year of bookings for benchmarks: 20 rooms in every court of the host's directory and,
-- on every weekday of 2026, four bookings per room (08:30-09:30, 10:00-11:30, 14:00-15:00,
-- 15:30-17:00). 128 courts give 2,560 rooms and about 2.67 million bookings.
--
-- Run it with the host stopped (or on a copy of the data directory), from the repository root:
--   sqlite3 var/plugins/rooms.db -cmd "ATTACH 'var/courthub.db' AS host" < plugins/rooms/bench/seed_year.sql
-- The rooms database must exist (start the host once with the rooms plugin enabled). Rooms are
-- created as managed_by = 'api', so the settings never touch them; their ids are
-- "<court in lowercase>-b01" .. "-b20". Bookings before now are 已结束; later ones are 已签到,
-- which holds the slot like 已预订 but keeps the jobs quiet (no reminders, no releases, no
-- messages to the made-up organizer "bench-user").
-- Run it once: a second run fails on the overlap trigger (nothing is changed then).
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
BEGIN;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO rooms(id, court, name, kind, capacity, location, equipment, open_from, open_to,
                  open_days, needs_approval, bookers, retired, managed_by, created_ms,
                  updated_ms, updated_by)
SELECT lower(c.code) || '-b' || printf('%02d', n.i),
       c.code,
       'B' || printf('%02d', n.i) || (CASE WHEN n.i % 5 = 0 THEN '号远程庭审室' ELSE '号会议室' END),
       CASE WHEN n.i % 5 = 0 THEN '远程视频庭审室' ELSE '会议室' END,
       10 + (n.i % 4) * 10,
       '压测楼' || n.i || '层',
       CASE WHEN n.i % 5 = 0 THEN '["视频会议终端","庭审录音录像","互联网专线"]'
            WHEN n.i % 2 = 0 THEN '["投屏","视频会议终端"]'
            ELSE '["投屏"]' END,
       480, 1080, 31, 0, '{}', 0, 'api', 0, 0, 'seed_year.sql'
FROM host.courts c, n;

WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < 364),
  weekdays(day) AS (
    SELECT day FROM d WHERE strftime('%w', date('2026-01-01', '+' || day || ' days'))
                            NOT IN ('0', '6')),
  slots(from_min, to_min) AS (VALUES (510, 570), (600, 690), (840, 900), (930, 1020)),
  planned(room_id, court, start_ms, end_ms) AS (
    SELECT r.id, r.court,
           (CAST(strftime('%s', '2026-01-01') AS INTEGER) - 8 * 3600) * 1000
             + w.day * 86400000 + s.from_min * 60000,
           (CAST(strftime('%s', '2026-01-01') AS INTEGER) - 8 * 3600) * 1000
             + w.day * 86400000 + s.to_min * 60000
    FROM rooms r, weekdays w, slots s
    WHERE r.updated_by = 'seed_year.sql')
INSERT INTO bookings(room_id, court, start_ms, end_ms, title, organizer, organizer_name,
                     attendees, attendee_count, status, told, created_ms, updated_ms)
SELECT room_id, court, start_ms, end_ms, '压测会议', 'bench-user', '压测', '[]', 5,
       CASE WHEN start_ms < CAST(strftime('%s', 'now') AS INTEGER) * 1000 THEN '已结束'
            ELSE '已签到' END,
       CASE WHEN start_ms < CAST(strftime('%s', 'now') AS INTEGER) * 1000 THEN '已结束'
            ELSE '已签到' END,
       0, 0
FROM planned;

COMMIT;
ANALYZE;
