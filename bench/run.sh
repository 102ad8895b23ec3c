#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks, each against a baseline measured in the same run on the same server.
#   bench/run.sh events    POST /dingtalk/events (distinct signed, encrypted events) vs GET /healthz
# Environment: COURTHUB_BENCH_SECONDS (10), COURTHUB_BENCH_CONNECTIONS (32),
#              COURTHUB_BENCH_EVENTS (400000 pre-generated events).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${COURTHUB_BENCH_BUILD:-$ROOT/build-release}
SECONDS_PER_RUN=${COURTHUB_BENCH_SECONDS:-10}
CONNS=${COURTHUB_BENCH_CONNECTIONS:-32}
WHAT=${1:-events}

command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)"; exit 1; }
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCOURTHUB_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target courthub event_feed hello >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/courthub-bench-XXXXXX")
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ADMIN=bench-admin-token-0123456789
TOKEN=bench-callback-token
AES=BenchCallbackAesKey0123456789abcdefghijklmn
APP=bench-app-key

start_host() {
  cat >"$WORK/courthub.yaml" <<YAML
server: {listen: "127.0.0.1:0", threads: $((CONNS + 16)), queue_size: 1024}
storage: {data_dir: "$WORK/data", synchronous: full}
admin: {token: "$ADMIN"}
sessions: {secret: bench-session-secret-0123456789}
directory: {seed: ["$ROOT/config/directory/courts.yaml", "$ROOT/config/directory/staff.yaml"]}
dingtalk:
  api_base: "http://127.0.0.1:9"
  app_key: $APP
  app_secret: bench-app-secret
  corp_id: dingbenchcorp
  agent_id: 1
  callback: {token: $TOKEN, aes_key: $AES}
plugin_search_path: ["$BUILD/plugins"]
plugins:
  - name: hello
YAML
  "$BUILD/bin/courthub" serve --config "$WORK/courthub.yaml" --log-level warn \
    >"$WORK/host.out" 2>"$WORK/host.log" &
  HOST_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$WORK/data/courthub.addr" ] && break
    sleep 0.1
  done
  PORT=$(cut -d: -f2 "$WORK/data/courthub.addr")
  URL="http://127.0.0.1:$PORT"
}

# "Requests/sec", p50 and p99 (in ms) from wrk --latency output.
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { non2xx = $NF }
    /Socket errors/ { errors = $0 }
    END { printf "%s %.3f %.3f %d\n", rps, p50, p99, non2xx + 0 }' "$1"
}

bench_events() {
  start_host
  local count=${COURTHUB_BENCH_EVENTS:-400000}
  echo "bench: generating $count distinct signed, encrypted events"
  "$BUILD/bin/event_feed" "$TOKEN" "$AES" "$APP" "$count" 2 "$WORK/feed"
  wrk -t2 -c"$CONNS" -d2s "$URL/healthz" >/dev/null  # warm up
  echo "bench: trivial route GET /healthz, ${SECONDS_PER_RUN}s, $CONNS connections"
  wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$URL/healthz" >"$WORK/base.txt"
  echo "bench: POST /dingtalk/events, ${SECONDS_PER_RUN}s, $CONNS connections"
  COURTHUB_BENCH_FEED="$WORK/feed" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency \
    -s "$ROOT/bench/events.lua" "$URL" >"$WORK/events.txt"
  local rss_kb
  rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$HOST_PID/status")
  local stored
  stored=$(curl -s -H "Authorization: Bearer $ADMIN" "$URL/admin/inbox" |
           sed -n 's/.*"events":\([0-9]*\).*/\1/p')
  read -r base_rps base_p50 base_p99 base_bad < <(summarise "$WORK/base.txt")
  read -r ev_rps ev_p50 ev_p99 ev_bad < <(summarise "$WORK/events.txt")
  local acked sent exhausted
  acked=$(awk '/^ACKED/ {print $2}' "$WORK/events.txt")
  sent=$(awk '/^SENT/ {print $2}' "$WORK/events.txt")
  exhausted=$(awk '/^EXHAUSTED/ {print $2}' "$WORK/events.txt")

  printf '\n%-28s %12s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
  printf '%-28s %12.0f %10.3f %10.3f\n' "GET /healthz (baseline)" "$base_rps" "$base_p50" "$base_p99"
  printf '%-28s %12.0f %10.3f %10.3f\n' "POST /dingtalk/events" "$ev_rps" "$ev_p50" "$ev_p99"
  awk -v e="$ev_rps" -v b="$base_rps" 'BEGIN { printf "%-28s %11.1f%%\n", "events / baseline", 100 * e / b }'
  printf '%-28s %12s\n' "peak RSS (VmHWM)" "$((rss_kb / 1024)) MB"
  printf '%-28s %12s\n' "acknowledged (200)" "$acked"
  printf '%-28s %12s\n' "stored in the inbox" "$stored"
  printf '%-28s %12s\n' "synchronous" "full (group commit)"
  grep -h "Socket errors" "$WORK/base.txt" "$WORK/events.txt" || true

  local ok=1
  [ "$exhausted" = 0 ] || { echo "FAIL: the feed ran out ($exhausted repeats); raise COURTHUB_BENCH_EVENTS"; ok=0; }
  [ "$ev_bad" = 0 ] || { echo "FAIL: $ev_bad event requests were not acknowledged"; ok=0; }
  # Every acknowledged event is stored; at most one per connection was stored but cut off
  # before its reply when wrk stopped.
  if [ "$stored" -lt "$acked" ] || [ "$stored" -gt $((acked + CONNS)) ]; then
    echo "FAIL: $acked acknowledged but $stored stored"
    ok=0
  fi
  [ "$ok" = 1 ] && echo "check: every acknowledged event is in the inbox ($acked <= $stored <= $acked + $CONNS)"
  [ "$ok" = 1 ]
}

case "$WHAT" in
  events) bench_events ;;
  *) echo "bench: unknown benchmark '$WHAT' (events)"; exit 2 ;;
esac
