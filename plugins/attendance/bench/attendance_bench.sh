#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The attendance month-end figure (issue 14 §5), beside a baseline measured in the same run:
#   the whole month's results of PEOPLE people × the 22 workdays of March 2026 × 4 punches,
#   recomputed through GET /summary?court=… (attendance.so in a PluginHarness, real SQLite),
#   vs one raw SQLite read of the same punches (every column).
#
#   plugins/attendance/bench/attendance_bench.sh [--people N]
#
# Builds attendance and attendance_bench in COURTHUB_BUILD_DIR (default build/, RelWithDebInfo).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=${COURTHUB_BUILD_DIR:-$ROOT/build}
PEOPLE=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --people) PEOPLE=$2; shift 2 ;;
    *) echo "usage: $0 [--people N]" >&2; exit 2 ;;
  esac
done
TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
case "$TYPE" in
  Release|RelWithDebInfo) ;;
  *) echo "attendance_bench: $BUILD is a '${TYPE:-unconfigured}' build; run ./dev build" >&2; exit 1 ;;
esac
cmake --build "$BUILD" -j2 --target attendance attendance_bench >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/attendance-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
/usr/bin/time -f "%e s, %M KB max RSS" "$BUILD/bin/attendance_bench" month "$WORK/month" \
  "$ROOT/config/directory" "$PEOPLE" >"$WORK/month.txt" 2>"$WORK/month.err" || {
  cat "$WORK/month.txt" "$WORK/month.err" >&2; echo "attendance_bench: failed" >&2; exit 1; }
fig() { awk -v k="$1" '$1 == "figure" && $2 == k { print $3 }' "$WORK/month.txt"; }
num() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }

echo
echo "Measured $(date -u +%Y-%m-%d) ($TYPE build, $(nproc) cores shared, load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "$(fig people) people × $(fig workdays) workdays × 4 = $(fig punches) punches (seeded in $(num "$(fig seed_s)" %.1f) s, not counted)."
echo
echo "| figure | target | measured | baseline (same run) |"
echo "| --- | --- | --- | --- |"
echo "| month-end results recomputed: GET /summary?court= (every person's every day through compute_day, $(fig summary_people) people) | < 2 s | $(num "$(fig summary_s)" %.3f) s | raw SQLite read of the month's punches, every column: $(num "$(fig read_punches_s)" %.3f) s |"
echo "| one person's month (GET /results) | | $(num "$(fig one_person_month_s)" %.4f) s | |"
echo "| peak RSS of the bench process | | $(num "$(fig maxrss_mb)" %.0f) MB | |"
awk -v s="$(fig summary_s)" 'BEGIN { exit !(s < 2.0) }' && echo "check: under 2 s" || { echo "FAIL: $(fig summary_s) s ≥ 2 s"; exit 1; }
