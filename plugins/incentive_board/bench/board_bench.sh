#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The incentive board's figures (issue 13 §4), each beside a baseline measured in the same run:
#   import of COUNT cases through the drop folder (durable, one transaction) vs raw SQLite
#     inserting the same rows (one transaction, synchronous=FULL) and vs parsing them only;
#   a full recompute (measure + court board + judge board, one as_of) vs one plain table pass;
#   peak RSS of the plugin's process; the daily import of 20,000 changed cases + recompute vs
#     raw SQLite upserting the same rows.
#
#   plugins/incentive_board/bench/board_bench.sh [--cases N] [--judges N] [--write]
#
# --write replaces the figures between <!-- incentive-board:begin/end --> in docs/benchmarks.md.
# Builds incentive_board and incentive_board_bench in COURTHUB_BUILD_DIR (default build/, which
# ./dev build configures as RelWithDebInfo, -O2). Needs ~1 GB of disk under TMPDIR.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=${COURTHUB_BUILD_DIR:-$ROOT/build}
CASES=2000000
JUDGES=5000
WRITE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES=$2; shift 2 ;;
    --judges) JUDGES=$2; shift 2 ;;
    --write) WRITE=1; shift ;;
    *) echo "usage: $0 [--cases N] [--judges N] [--write]" >&2; exit 2 ;;
  esac
done

TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
case "$TYPE" in
  Release|RelWithDebInfo) ;;
  *) echo "board_bench: $BUILD is a '${TYPE:-unconfigured}' build; run ./dev build or set COURTHUB_BUILD_DIR to a Release/RelWithDebInfo tree" >&2; exit 1 ;;
esac
cmake --build "$BUILD" -j2 --target incentive_board incentive_board_bench >/dev/null
BENCH=$BUILD/bin/incentive_board_bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/board-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

step() {  # step NAME ARGS...: runs one measurement process, keeps its figures in $WORK/NAME.txt
  local name=$1; shift
  echo "board_bench: $name" >&2
  /usr/bin/time -f "%e s, %M KB max RSS" "$BENCH" "$@" >"$WORK/$name.txt" 2>"$WORK/$name.err" || {
    cat "$WORK/$name.err" >&2; echo "board_bench: $name failed" >&2; exit 1; }
  tail -1 "$WORK/$name.err" | sed "s/^/  ($name process: /; s/$/)/" >&2
}
fig() { awk -v k="$2" '$1 == "figure" && $2 == k { print $3 }' "$WORK/$1.txt"; }

step directory directory "$WORK/dir" "$ROOT/config/directory" "$JUDGES"
step recompute recompute "$WORK/dir" "$CASES"
step baseline baseline "$WORK/dir" "$CASES" "$WORK/baseline"
rm -rf "$WORK/baseline"
step plugin plugin "$WORK/dir" "$CASES" "$WORK/plugin"

num() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }
thousands() { num "$1" %.0f | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
courts=$(fig recompute courts); judges=$(fig recompute judges)
import_rate=$(fig plugin import_rows_per_s)
rows=(
  "| import of $(thousands "$CASES") cases, durable (drop folder, one transaction, synchronous full) | ≥ 150,000 rows/s | $(thousands "$import_rate") rows/s ($(num "$(fig plugin import_s)" %.1f) s for a $(num "$(fig plugin csv_mb)" %.0f) MB CSV) | raw SQLite, same rows, one transaction, synchronous=FULL: $(thousands "$(fig baseline sqlite_rows_per_s)") rows/s; parse only (case reader + parse_case): $(thousands "$(fig baseline parse_rows_per_s)") rows/s |"
  "| full recompute: measure + court board + judge board, one as_of (year to date) | < 2 s | $(num "$(fig recompute boards_s)" %.3f) s ($(fig recompute board_members) members) | one plain pass over the table: $(num "$(fig recompute plain_pass_s)" %.3f) s |"
  "| the same through HTTP, a day not stored (GET /boards/courts, GET /boards/judges) | | $(num "$(fig plugin http_court_board_s)" %.3f) s, $(num "$(fig plugin http_judge_board_s)" %.3f) s | |"
  "| GET /boards/courts of the kept latest day, read again (the plugin's parsed copy) | | $(num "$(fig plugin http_kept_board_again_s)" %.4f) s | its first read, parsing every court's kept JSON: $(num "$(fig plugin http_kept_board_first_s)" %.4f) s |"
  "| peak RSS of the plugin's process (harness + incentive_board.so, after import, boards and daily import) | < 500 MB | $(num "$(fig plugin plugin_vmhwm_mb)" %.0f) MB (VmHWM; ru_maxrss $(num "$(fig plugin plugin_maxrss_mb)" %.0f) MB) | the table and boards alone: $(num "$(fig recompute recompute_vmhwm_mb)" %.0f) MB (table $(num "$(fig recompute table_mb)" %.0f) MB) |"
  "| daily import of $(thousands "$(fig plugin daily_cases)") changed cases + recompute of the latest day (drop folder) | < 1 s | $(num "$(fig plugin daily_s)" %.3f) s | raw SQLite upsert of the same rows, one transaction: $(num "$(fig baseline sqlite_daily_s)" %.3f) s |"
)
header="| figure | target | measured | baseline (same run) |
| --- | --- | --- | --- |"
table=$(printf '%s\n' "$header" "${rows[@]}")
when=$(date -u +%Y-%m-%d)
load=$(cut -d' ' -f1-3 /proc/loadavg)
note="Measured $when by \`plugins/incentive_board/bench/board_bench.sh --write\` ($TYPE build, $(nproc) cores shared, load average $load at the end): $(thousands "$CASES") synthetic cases (generate_cases, seed 20260101) over $courts courts and $(thousands "$judges") judges; generating the CSV took $(num "$(fig plugin generate_s)" %.1f) s, not counted."

# Where the plugin's import time goes, from its own log lines (read+store, apply, latest day).
phases=$(sed -n 's/.*\[plugin:incentive_board\] import [0-9]* (drop_folder): \(.*\)$/\1/p' "$WORK/plugin.err" |
  awk 'NR == 1 { printf "year: %s", $0 } NR == 2 { printf "; daily: %s", $0 }')
[ -n "$phases" ] && table=$(printf '%s\n\nThe plugin'"'"'s own log of the two imports — %s.\n' "$table" "$phases")

echo
echo "$note"
echo
echo "$table"
checks=$(awk -v i="$(fig plugin import_inserted)" -v c="$CASES" -v r="$(fig plugin import_rejected)" \
  -v u="$(fig plugin daily_updated)" -v d="$(fig plugin daily_cases)" \
  'BEGIN { if (i != c || r != 0) print "FAIL: imported " i " of " c " (" r " rejected)";
           if (u != d) print "FAIL: the daily import updated " u " of " d }')
[ -n "$checks" ] && { echo "$checks"; exit 1; }
echo "check: every case imported, none rejected; every daily case updated"

if [ "$WRITE" = 1 ]; then
  DOC="$ROOT/docs/benchmarks.md"
  BODY=$(printf '%s\n\n%s\n' "$note" "$table") python3 - "$DOC" <<'PY'
import os, sys
path, body = sys.argv[1], os.environ["BODY"].strip()
begin, end = "<!-- incentive-board:begin -->", "<!-- incentive-board:end -->"
text = open(path, encoding="utf-8").read()
a, b = text.find(begin), text.find(end)
if a < 0 or b < a:
    sys.exit(f"{path}: no {begin} … {end} section to replace")
open(path, "w", encoding="utf-8").write(text[: a + len(begin)] + "\n" + body + "\n" + text[b:])
PY
  echo "board_bench: wrote the figures into docs/benchmarks.md"
fi
