#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The check-in load (issue 14 §5): the real host (build/bin/courthub) on a loopback port with a
# temporary data dir, the 128-court directory and the attendance plugin (a default group per
# court, synthetic building coordinates); COURTHUB_BENCH_RATE (1000) check-ins a second for
# COURTHUB_BENCH_SECONDS (10) through HTTP, each by a different staff member with their own
# mini-app session, over COURTHUB_BENCH_CONNECTIONS (64) connections; the baseline is GET
# /healthz at the same rate in the same run. Afterwards every acknowledged check-in (201) must be
# a row of the plugin's database: none lost, none twice.
#
#   plugins/attendance/bench/checkin_bench.sh
#
# Builds courthub, attendance and attendance_checkin_driver in COURTHUB_BUILD_DIR (default build/).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=${COURTHUB_BUILD_DIR:-$ROOT/build}
SECONDS_PER_RUN=${COURTHUB_BENCH_SECONDS:-10}
CONNS=${COURTHUB_BENCH_CONNECTIONS:-64}
export COURTHUB_BENCH_RATE=${COURTHUB_BENCH_RATE:-1000}
command -v sqlite3 >/dev/null || { echo "checkin_bench: sqlite3 is needed (apt-get install sqlite3)"; exit 1; }

cmake --build "$BUILD" -j2 --target courthub attendance attendance_checkin_driver >/dev/null
TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/attendance-bench-XXXXXX")
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

SESSION=bench-session-secret-0123456789
SETTINGS=$("$BUILD/bin/attendance_checkin_driver" settings "$ROOT/config/directory")
cat >"$WORK/courthub.yaml" <<YAML
server: {listen: "127.0.0.1:0", threads: $((CONNS + 16)), queue_size: 1024}
storage: {data_dir: "$WORK/data", synchronous: full}
admin: {token: bench-admin-token-0123456789}
sessions: {secret: $SESSION}
directory: {seed: ["$ROOT/config/directory/courts.yaml", "$ROOT/config/directory/staff.yaml"]}
plugin_search_path: ["$BUILD/plugins"]
plugins:
  - name: attendance
    settings: $SETTINGS
YAML
"$BUILD/bin/courthub" serve --config "$WORK/courthub.yaml" --log-level warn \
  >"$WORK/host.out" 2>>"$WORK/host.log" &
HOST_PID=$!
for _ in $(seq 1 600); do
  [ -s "$WORK/data/courthub.addr" ] && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log"; exit 1; }
  sleep 0.1
done
PORT=$(cut -d: -f2 "$WORK/data/courthub.addr")

status=0
"$BUILD/bin/attendance_checkin_driver" "$PORT" "$SESSION" "$ROOT/config/directory" "$CONNS" \
  "$SECONDS_PER_RUN" | tee "$WORK/driver.txt" || status=$?
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$HOST_PID/status")
kill "$HOST_PID" && wait "$HOST_PID" || true
HOST_PID=""

accepted=$(awk '$1 == "figure" && $2 == "accepted" {print $3}' "$WORK/driver.txt")
DB=$WORK/data/plugins/attendance.db
stored=$(sqlite3 "$DB" "SELECT COUNT(*) FROM punches")
people=$(sqlite3 "$DB" "SELECT COUNT(DISTINCT user_id) FROM punches")
outside=$(sqlite3 "$DB" "SELECT COUNT(*) FROM punches WHERE location_result <> 'Normal'")
printf '%-34s %12s\n' "build" "${TYPE:-?}, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %12s\n' "peak RSS of the host (VmHWM)" "$((rss_kb / 1024)) MB"
printf '%-34s %12s\n' "acknowledged check-ins (201)" "$accepted"
printf '%-34s %12s\n' "punches in the database" "$stored"
printf '%-34s %12s\n' "distinct people" "$people"
printf '%-34s %12s\n' "outside the fence" "$outside"
if [ "$stored" != "$accepted" ]; then
  echo "FAIL: $accepted check-ins acknowledged but $stored stored"
  exit 1
fi
echo "check: every acknowledged check-in is stored, once ($stored)"
exit "$status"
