#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks, each against a baseline measured in the same run on the same server.
#   bench/run.sh events     POST /dingtalk/events (distinct signed, encrypted events) vs GET /healthz
#   bench/run.sh rooms      bookings/s through the HTTP API and free/busy latency for one court,
#                           with 128 courts x 20 rooms x a year of bookings
#   bench/run.sh approvals  three-step leave requests submit-to-finish through the HTTP API
#   bench/run.sh web        the pages: gzip bundle sizes, and the 工作台's first render in headless
#                           chromium vs a static page (COURTHUB_BENCH_RUNS runs, 30; with
#                           COURTHUB_BENCH_WRITE=1 both tables go into docs/benchmarks.md)
#   bench/run.sh edge       the HTTP edge: GET /healthz vs nginx (Debian's, one worker, `return
#                           200`; installed if missing) under the same wrk and connections; a new
#                           client's /healthz with 1,000 idle + 100 trickling connections open; 32
#                           keep-alive clients' answers each (min/max)
#   bench/run.sh isolation  the cost of a plugin call in the host's process vs in a runner process
#                           (isolation: process): a route that does nothing, one with a query
#   bench/run.sh cluster    1, 2 and 3 hosts on one PostgreSQL (a throwaway cluster, durable
#                           settings) behind nginx: events/s and bookings/s through the balancer,
#                           with GET /healthz through it as the baseline (COURTHUB_BENCH_HOSTS,
#                           "1 2 3")
#   bench/run.sh all        events, rooms and approvals
# Environment: COURTHUB_BENCH_SECONDS (10), COURTHUB_BENCH_CONNECTIONS (32),
#              COURTHUB_BENCH_EVENTS (400000 pre-generated events),
#              COURTHUB_BENCH_SYNCHRONOUS (full: every acknowledgement waits for fdatasync;
#              normal: for the write only, durable against a crash of the host process),
#              COURTHUB_BENCH_DELIVER (1: a local DingTalk double receives the outbox's messages on
#              the same two cores; 0: no dingtalk channel, messages stay queued),
#              COURTHUB_BENCH_BUILD (build-release) with COURTHUB_BENCH_PREBUILT=1: use that
#              tree as it is (no configure, no build),
#              COURTHUB_BENCH_PERF (1: `perf` samples the host during the events and edge runs and
#              prints where its CPU time goes, by shared object and symbol).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${COURTHUB_BENCH_BUILD:-$ROOT/build-release}
SECONDS_PER_RUN=${COURTHUB_BENCH_SECONDS:-10}
CONNS=${COURTHUB_BENCH_CONNECTIONS:-32}
SYNCHRONOUS=${COURTHUB_BENCH_SYNCHRONOUS:-full}
WHAT=${1:-events}

command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)"; exit 1; }
# COURTHUB_BENCH_PREBUILT=1: COURTHUB_BENCH_BUILD already holds what the benchmark needs.
if [ "${COURTHUB_BENCH_PREBUILT:-0}" != 1 ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCOURTHUB_BUILD_TESTS=OFF >/dev/null
  if [ "$WHAT" = web ]; then
    cmake --build "$BUILD" -j2 >/dev/null  # the pages are built by the default target
  elif [ "$WHAT" = edge ]; then
    nice cmake --build "$BUILD" -j2 --target courthub hello edge_probe >/dev/null
  elif [ "$WHAT" = events ]; then
    nice cmake --build "$BUILD" -j2 --target courthub hello event_feed flush_probe >/dev/null
  else
    cmake --build "$BUILD" -j2 --target courthub event_feed rooms_driver approvals_driver \
      dingtalk-double hello rooms approvals flush_probe isolation_probe >/dev/null
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/courthub-bench-XXXXXX")
HOST_PID=""
DOUBLE_PID=""
NGINX_PID=""
CLUSTER_PIDS=()
CLUSTER_PORTS=()
PG_STATE=""
cleanup() {
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$PG_STATE" ] && "$ROOT/tests/support/pg_cluster.sh" stop "$PG_STATE" >/dev/null 2>&1 || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null || true
  [ -n "$DOUBLE_PID" ] && kill "$DOUBLE_PID" 2>/dev/null && wait "$DOUBLE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ADMIN=bench-admin-token-0123456789
TOKEN=bench-callback-token
AES=BenchCallbackAesKey0123456789abcdefghijklmn
APP=bench-app-key

SESSION=bench-session-secret-0123456789

# A DingTalk double on a free port, so outbound messages (cards, notices) are really delivered.
start_double() {
  [ -n "$DOUBLE_PID" ] && return 0
  "$BUILD/bin/dingtalk-double" --listen 127.0.0.1:0 --app-key "$APP" --app-secret bench-app-secret \
    >"$WORK/double.out" 2>"$WORK/double.log" &
  DOUBLE_PID=$!
  for _ in $(seq 1 100); do
    grep -q "listening on" "$WORK/double.out" 2>/dev/null && break
    sleep 0.05
  done
  DOUBLE_URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/double.out")
}

# start_host PLUGINS_YAML: the host on a free port with the real 128-court directory.
start_host() {
  local plugins=${1:-"  - name: hello"}
  local channel=""
  # The event benchmark needs the callback secrets; the others deliver to the double unless
  # COURTHUB_BENCH_DELIVER=0 (then there is no channel and messages stay queued).
  if [ "$WHAT" = events ] || [ "${COURTHUB_BENCH_DELIVER:-1}" = 1 ]; then
    channel="dingtalk:
  api_base: \"${DOUBLE_URL:-http://127.0.0.1:9}\"
  app_key: $APP
  app_secret: bench-app-secret
  corp_id: dingbenchcorp
  agent_id: 1
  callback: {token: $TOKEN, aes_key: $AES}
  cards: {route_key: bench-card-route-key-0001}"
  fi
  cat >"$WORK/courthub.yaml" <<YAML
server: {listen: "127.0.0.1:0", threads: ${BENCH_THREADS:-$((CONNS + 16))}, queue_size: 1024${SERVER_EXTRA:-}}
storage: {data_dir: "$WORK/data", synchronous: $SYNCHRONOUS}
admin: {token: "$ADMIN"}
sessions: {secret: $SESSION}
directory: {seed: ["$ROOT/config/directory/courts.yaml", "$ROOT/config/directory/staff.yaml"]}
$channel
plugin_search_path: ["$BUILD/plugins", "$BUILD/bench-plugins"]
plugins:
$plugins
YAML
  rm -f "$WORK/data/courthub.addr"
  "$BUILD/bin/courthub" serve --config "$WORK/courthub.yaml" --log-level warn \
    >"$WORK/host.out" 2>>"$WORK/host.log" &
  HOST_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$WORK/data/courthub.addr" ] && break
    sleep 0.1
  done
  PORT=$(cut -d: -f2 "$WORK/data/courthub.addr")
  URL="http://127.0.0.1:$PORT"
}

stop_host() {
  kill "$HOST_PID" && wait "$HOST_PID" || true
  HOST_PID=""
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

# profiled NAME COMMAND...: runs COMMAND; with COURTHUB_BENCH_PERF=1, samples the host meanwhile
# (perf record, software cpu-clock: works without hardware counters) and prints its top symbols.
profiled() {
  local name=$1
  shift
  if [ "${COURTHUB_BENCH_PERF:-0}" != 1 ] || ! command -v perf >/dev/null; then
    "$@"
    return
  fi
  perf record -q -e cpu-clock -F 999 -g -p "$HOST_PID" -o "$WORK/$name.perf" \
    -- sleep "$SECONDS_PER_RUN" >/dev/null 2>&1 &
  local perf_pid=$!
  "$@"
  wait "$perf_pid" || true
  {  # on stderr: the caller's stdout may go to a file
    echo "perf: where the host's CPU time went during $name (self time, >= 1%)"
    perf report -i "$WORK/$name.perf" --stdio --no-children --sort dso,symbol -g none \
      --percent-limit 1 2>/dev/null | grep -v '^#' | grep -v '^$' | cut -c1-110 | head -40
  } >&2
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
  profiled events env COURTHUB_BENCH_FEED="$WORK/feed" wrk -t2 -c"$CONNS" \
    -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/events.lua" "$URL" >"$WORK/events.txt"
  local rss_kb
  rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$HOST_PID/status")
  local stored commits writes syncs journalled
  stored=$(curl -s -H "Authorization: Bearer $ADMIN" "$URL/admin/inbox" |
           sed -n 's/.*"events":\([0-9]*\).*/\1/p')
  curl -s "$URL/metrics" >"$WORK/metrics.txt"
  metric() { awk -v m="$1" '$1 == m {print $2}' "$WORK/metrics.txt"; }
  commits=$(metric courthub_host_db_commits)
  writes=$(metric courthub_host_db_writes)
  syncs=$(metric courthub_inbox_journal_syncs)
  journalled=$(metric courthub_inbox_journal_events)
  read -r base_rps base_p50 base_p99 base_bad < <(summarise "$WORK/base.txt")
  read -r ev_rps ev_p50 ev_p99 ev_bad < <(summarise "$WORK/events.txt")
  local acked sent exhausted
  # Acknowledged: every reply wrk received except the ones that were not 2xx.
  acked=$(( $(awk '/^REPLIED/ {print $2}' "$WORK/events.txt") - ev_bad ))
  sent=$(awk '/^SENT/ {print $2}' "$WORK/events.txt")
  exhausted=$(awk '/^EXHAUSTED/ {print $2}' "$WORK/events.txt")

  printf '\n%-28s %12s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
  printf '%-28s %12.0f %10.3f %10.3f\n' "GET /healthz (baseline)" "$base_rps" "$base_p50" "$base_p99"
  printf '%-28s %12.0f %10.3f %10.3f\n' "POST /dingtalk/events" "$ev_rps" "$ev_p50" "$ev_p99"
  awk -v e="$ev_rps" -v b="$base_rps" 'BEGIN { printf "%-28s %11.1f%%\n", "events / baseline", 100 * e / b }'
  printf '%-28s %12s\n' "peak RSS (VmHWM)" "$((rss_kb / 1024)) MB"
  printf '%-28s %12s\n' "acknowledged (200)" "$acked"
  printf '%-28s %12s\n' "stored in the inbox" "$stored"
  if [ "$SYNCHRONOUS" = full ]; then
    printf '%-28s %12s\n' "synchronous" "full (fdatasync)"
  else
    printf '%-28s %12s\n' "synchronous" "$SYNCHRONOUS (no fdatasync)"
  fi
  awk -v s="$syncs" -v e="$journalled" 'BEGIN { if (s > 0) printf "%-28s %12.1f (%d syncs)\n", "events per journal sync", e / s, s }'
  awk -v c="$commits" -v w="$writes" 'BEGIN { if (c > 0) printf "%-28s %12.1f\n", "writes per host-db commit", w / c }'
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
  if [ "$SYNCHRONOUS" = full ]; then
    # The floor under the durable p99: one append's sync on this disk, the host stopped.
    stop_host
    echo
    "$BUILD/bin/flush_probe" "$WORK"
  fi
  [ "$ok" = 1 ]
}

bench_rooms() {
  command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
  [ "${COURTHUB_BENCH_DELIVER:-1}" = 1 ] && start_double
  local plugins="  - name: rooms"
  start_host "$plugins"
  stop_host  # the rooms database now exists with its schema
  echo "bench: seeding 128 courts x 20 rooms x every weekday of 2026 (4 bookings a day each)"
  local t0=$SECONDS
  sqlite3 "$WORK/data/plugins/rooms.db" -cmd "ATTACH '$WORK/data/courthub.db' AS host" \
    <"$ROOT/plugins/rooms/bench/seed_year.sql" >/dev/null
  echo "bench: seeded $(sqlite3 "$WORK/data/plugins/rooms.db" 'SELECT COUNT(*) FROM bookings') bookings in $((SECONDS - t0)) s"
  start_host "$plugins"
  "$BUILD/bin/rooms_driver" "$PORT" "$SESSION" "$ROOT/config/directory" "$CONNS" "$SECONDS_PER_RUN"
  local overlaps
  overlaps=$(sqlite3 "$WORK/data/plugins/rooms.db" "SELECT COUNT(*) FROM bookings a JOIN bookings b
    ON a.room_id = b.room_id AND a.id < b.id AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms
    WHERE a.start_ms >= 1798992000000 AND a.status NOT IN ('已取消','已拒绝','已释放')
      AND b.status NOT IN ('已取消','已拒绝','已释放')")
  echo "check: overlapping bookings after the run: $overlaps"
  [ "$overlaps" = 0 ]
}

bench_approvals() {
  [ "${COURTHUB_BENCH_DELIVER:-1}" = 1 ] && start_double
  local plugins
  plugins=$(sed -n '/^- name: approvals/,$p' "$ROOT/plugins/approvals/demo-settings.yaml" | sed 's/^/  /')
  start_host "$plugins"
  "$BUILD/bin/approvals_driver" "$PORT" "$SESSION" "$ROOT/config/directory" "$CONNS" "$SECONDS_PER_RUN"
}

# One plugin call per request, through the same HTTP path, with the plugin in the host's
# process and then in a runner process: the difference is the cost of the process boundary.
bench_isolation() {
  local route mode
  declare -A rps p50 p99
  for mode in in_process process; do
    # As many calls at once as there are connections, in both modes (the bulkhead and the
    # runner's channels would otherwise queue or refuse them).
    start_host "  - name: isolation_probe
    isolation: $mode
    limits: {max_concurrent: $CONNS, max_queued: $((CONNS * 4))}
    runner: {channels: $(( CONNS < 64 ? CONNS : 64 ))}"
    wrk -t2 -c"$CONNS" -d2s "$URL/healthz" >/dev/null  # warm up
    wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$URL/healthz" >"$WORK/base-$mode.txt"
    read -r rps[base-$mode] p50[base-$mode] p99[base-$mode] _ < <(summarise "$WORK/base-$mode.txt")
    for route in noop query; do
      wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $ADMIN" \
        "$URL/apps/isolation_probe/$route" >"$WORK/$route-$mode.txt"
      read -r rps[$route-$mode] p50[$route-$mode] p99[$route-$mode] bad < <(summarise "$WORK/$route-$mode.txt")
      [ "$bad" = 0 ] || { echo "bench: $bad answers of /$route ($mode) were not 2xx"; exit 1; }
    done
    stop_host
  done
  echo "bench: one plugin call per request, ${SECONDS_PER_RUN}s each, $CONNS connections"
  printf "%-28s %12s %9s %9s   %12s %9s %9s   %s\n" route "in_process/s" p50_ms p99_ms \
    "process/s" p50_ms p99_ms "per call (1/rps, 2 cores)"
  for route in base noop query; do
    local name=$route
    [ "$route" = base ] && name="GET /healthz (no plugin)"
    [ "$route" = noop ] && name="GET /apps/.../noop"
    [ "$route" = query ] && name="GET /apps/.../query (db)"
    awk -v n="$name" -v a="${rps[$route-in_process]}" -v a50="${p50[$route-in_process]}" \
        -v a99="${p99[$route-in_process]}" -v b="${rps[$route-process]}" \
        -v b50="${p50[$route-process]}" -v b99="${p99[$route-process]}" 'BEGIN {
      printf "%-28s %12.0f %9.3f %9.3f   %12.0f %9.3f %9.3f   +%.1f us\n", n, a, a50, a99, b, b50, b99,
             (1e6 / b - 1e6 / a) }'
  done
}

# The pages: node scripts that start their own host and double (bench/web_first_render.mjs).
bench_web() {
  command -v node >/dev/null || { echo "bench: node is needed to measure the pages"; exit 1; }
  local write=()
  [ "${COURTHUB_BENCH_WRITE:-0}" = 1 ] && write=(--write)
  node "$ROOT/bench/web_bundle_size.mjs" --build "$BUILD" "${write[@]}"
  echo
  node "$ROOT/bench/web_first_render.mjs" --build "$BUILD" "${write[@]}"
}


# write_nginx_conf PORT HTTP_LINES LOCATION: $WORK/nginx/nginx.conf, one nginx worker in the
# foreground on 127.0.0.1:PORT with its files under $WORK/nginx; HTTP_LINES (an upstream, or
# nothing) in its http block, LOCATION the directives of `location /`.
write_nginx_conf() {
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 1000000;
$2
  server {
    listen 127.0.0.1:$1;
    location / { $3 }
  }
}
NGINX
}

# The HTTP edge against nginx, and under idle, trickling and keep-alive crowds.
bench_edge() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "bench: installing nginx (Debian's) for the baseline"
    apt-get install -y -qq nginx >/dev/null
  fi
  local nginx_port=$((20000 + RANDOM % 20000))
  write_nginx_conf "$nginx_port" "" "default_type application/json; return 200 '{\"status\":\"ok\"}';"
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null && break
    sleep 0.1
  done
  SERVER_EXTRA=", max_connections_per_address: 4096" BENCH_THREADS=${BENCH_THREADS:-4} start_host
  local courthub_url="$URL/healthz" nginx_url="http://127.0.0.1:$nginx_port/healthz"
  wrk -t2 -c"$CONNS" -d2s "$nginx_url" >/dev/null
  wrk -t2 -c"$CONNS" -d2s "$courthub_url" >/dev/null
  echo "bench: nginx (1 worker, return 200) and courthub GET /healthz, ${SECONDS_PER_RUN}s each, $CONNS connections, wrk -t2"
  wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$nginx_url" >"$WORK/nginx.txt"
  profiled healthz wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$courthub_url" \
    >"$WORK/healthz.txt"
  read -r ng_rps ng_p50 ng_p99 ng_bad < <(summarise "$WORK/nginx.txt")
  read -r ch_rps ch_p50 ch_p99 ch_bad < <(summarise "$WORK/healthz.txt")
  kill "$NGINX_PID" && wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
  printf '\n%-34s %12s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
  printf '%-34s %12.0f %10.3f %10.3f\n' "nginx return 200 (baseline)" "$ng_rps" "$ng_p50" "$ng_p99"
  printf '%-34s %12.0f %10.3f %10.3f\n' "courthub GET /healthz" "$ch_rps" "$ch_p50" "$ch_p99"
  awk -v c="$ch_rps" -v n="$ng_rps" 'BEGIN { printf "%-34s %11.2f\n", "courthub / nginx", c / n }'
  grep -h "Socket errors" "$WORK/nginx.txt" "$WORK/healthz.txt" || true
  echo
  echo "bench: 1,000 idle + 100 trickling connections open, then 1,000 new clients' GET /healthz one by one"
  "$BUILD/bin/edge_probe" crowd "$PORT" 1000 100 1000
  echo
  echo "bench: 32 keep-alive clients on ${BENCH_THREADS:-4} workers, ${SECONDS_PER_RUN}s"
  "$BUILD/bin/edge_probe" fairness "$PORT" 32 "$SECONDS_PER_RUN"
}

# cluster_host I SCHEMA: host I on PostgreSQL schema SCHEMA (hello and rooms), its data
# directory $WORK/hI; appends its pid to CLUSTER_PIDS and its port to CLUSTER_PORTS.
cluster_host() {
  local i=$1 schema=$2 dir=$WORK/h$1
  mkdir -p "$dir"
  cat >"$dir/courthub.yaml" <<YAML
server: {listen: "127.0.0.1:0", threads: $((CONNS + 16)), queue_size: 1024, trusted_proxies: [127.0.0.1]}
storage:
  backend: postgres
  data_dir: "$dir/data"
  postgres: {url: "\${COURTHUB_DATABASE_URL}", schema: $schema}
admin: {token: "$ADMIN"}
sessions: {secret: $SESSION}
directory: {seed: ["$ROOT/config/directory/courts.yaml", "$ROOT/config/directory/staff.yaml"]}
dingtalk:
  api_base: "${DOUBLE_URL:-http://127.0.0.1:9}"
  app_key: $APP
  app_secret: bench-app-secret
  corp_id: dingbenchcorp
  agent_id: 1
  callback: {token: $TOKEN, aes_key: $AES}
  cards: {route_key: bench-card-route-key-0001}
plugin_search_path: ["$BUILD/plugins", "$BUILD/bench-plugins"]
plugins:
  - name: hello
  - name: rooms
    limits: {max_concurrent: 16, max_queued: $((CONNS * 4))}
YAML
  rm -f "$dir/data/courthub.addr"
  COURTHUB_DATABASE_URL=$PG_URL "$BUILD/bin/courthub" serve --config "$dir/courthub.yaml" \
    --log-level warn >"$dir/host.out" 2>>"$dir/host.log" &
  CLUSTER_PIDS+=($!)
  for _ in $(seq 1 600); do
    [ -s "$dir/data/courthub.addr" ] && break
    sleep 0.1
  done
  [ -s "$dir/data/courthub.addr" ] || { echo "bench: host $i did not start:"; tail -20 "$dir/host.log"; exit 1; }
  CLUSTER_PORTS+=("$(cut -d: -f2 "$dir/data/courthub.addr")")
}

stop_cluster_hosts() {
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
  CLUSTER_PORTS=()
}

# nginx (one worker) on a free port in front of CLUSTER_PORTS, as docs/operations.md shows it.
start_balancer() {
  NGINX_PORT=$((20000 + RANDOM % 20000))
  local servers="" p
  for p in "${CLUSTER_PORTS[@]}"; do servers+="    server 127.0.0.1:$p;"$'\n'; done
  write_nginx_conf "$NGINX_PORT" "  upstream courthub {
$servers    keepalive 64;
  }" "proxy_pass http://courthub; proxy_http_version 1.1; proxy_set_header Connection \"\";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;"
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$NGINX_PORT/healthz" >/dev/null && return 0
    sleep 0.05
  done
  echo "bench: nginx did not start:"; cat "$WORK/nginx/error.log"; exit 1
}

stop_balancer() {
  kill "$NGINX_PID" && wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
}

# Several hosts on one PostgreSQL behind nginx (issue 18): for 1, 2 and 3 hosts, each on a
# fresh schema: GET /healthz through nginx (the baseline), POST /dingtalk/events, and bookings of
# distinct free slots in 2,560 rooms (rooms_driver). PostgreSQL runs with its durable defaults
# (fsync, synchronous_commit on): an acknowledgement waits for the WAL flush, as in production.
bench_cluster() {
  [ -x /usr/sbin/nginx ] || { echo "bench: installing nginx (Debian's)"; apt-get install -y -qq nginx >/dev/null; }
  command -v psql >/dev/null || { echo "bench: psql is needed (apt-get install postgresql)"; exit 1; }
  [ "${COURTHUB_BENCH_DELIVER:-1}" = 1 ] && start_double
  PG_STATE=$WORK/pg
  COURTHUB_PG_DURABLE=1 "$ROOT/tests/support/pg_cluster.sh" start "$PG_STATE"
  PG_URL=$(cat "$PG_STATE/url")
  local count=${COURTHUB_BENCH_EVENTS:-400000}
  echo "bench: generating $count distinct signed, encrypted events"
  "$BUILD/bin/event_feed" "$TOKEN" "$AES" "$APP" "$count" 2 "$WORK/feed"
  local n rows=()
  for n in ${COURTHUB_BENCH_HOSTS:-1 2 3}; do
    local schema=bench_hosts_$n
    # One host creates the schemas, the rooms are seeded (the plugin reads them at its start),
    # then the n hosts start.
    cluster_host 0 "$schema"
    stop_cluster_hosts
    psql "$PG_URL" -v ON_ERROR_STOP=1 -q -c "INSERT INTO ${schema}_p_rooms.rooms(id, court, name,
        kind, capacity, location, equipment, open_from, open_to, open_days, needs_approval,
        bookers, retired, managed_by, created_ms, updated_ms, updated_by)
      SELECT lower(c.code) || '-b' || lpad(g.i::text, 2, '0'), c.code,
             'B' || lpad(g.i::text, 2, '0') || '号会议室', '会议室', 20, '压测楼', '[\"投屏\"]',
             480, 1080, 31, 0, '{}', 0, 'api', 0, 0, 'bench/run.sh'
      FROM $schema.courts c CROSS JOIN generate_series(1, 20) AS g(i)"
    local i
    for i in $(seq 1 "$n"); do cluster_host "$i" "$schema"; done
    start_balancer
    local url="http://127.0.0.1:$NGINX_PORT"
    echo "bench: $n host(s) behind nginx, ${SECONDS_PER_RUN}s per run, $CONNS connections"
    wrk -t2 -c"$CONNS" -d2s "$url/healthz" >/dev/null
    wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$url/healthz" >"$WORK/base-$n.txt"
    COURTHUB_BENCH_FEED="$WORK/feed" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency \
      -s "$ROOT/bench/events.lua" "$url" >"$WORK/events-$n.txt"
    "$BUILD/bin/rooms_driver" "$NGINX_PORT" "$SESSION" "$ROOT/config/directory" "$CONNS" \
      "$SECONDS_PER_RUN" >"$WORK/rooms-$n.txt" 2>&1 || { cat "$WORK/rooms-$n.txt"; exit 1; }
    local base_rps base_p50 base_p99 bad ev_rps ev_p50 ev_p99 ev_bad acked stored overlaps
    read -r base_rps base_p50 base_p99 bad < <(summarise "$WORK/base-$n.txt")
    read -r ev_rps ev_p50 ev_p99 ev_bad < <(summarise "$WORK/events-$n.txt")
    acked=$(( $(awk '/^REPLIED/ {print $2}' "$WORK/events-$n.txt") - ev_bad ))
    stored=$(psql "$PG_URL" -tA -c "SELECT count(*) FROM $schema.inbox")
    overlaps=$(psql "$PG_URL" -tA -c "SELECT count(*) FROM ${schema}_p_rooms.bookings a
      JOIN ${schema}_p_rooms.bookings b ON a.room_id = b.room_id AND a.id < b.id
       AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms
      WHERE a.status NOT IN ('已取消','已拒绝','已释放') AND b.status NOT IN ('已取消','已拒绝','已释放')")
    local booking_line
    booking_line=$(grep "POST /bookings (bookings)" "$WORK/rooms-$n.txt" | awk '{print $(NF-3), $(NF-1), $NF}')
    rows+=("$n $base_rps $base_p99 $ev_rps $ev_p99 $booking_line $acked $stored $overlaps $ev_bad")
    stop_balancer
    stop_cluster_hosts
  done
  printf '\n%-6s %12s %9s %12s %9s %12s %9s %9s\n' hosts "healthz/s" "p99 ms" "events/s" \
    "p99 ms" "bookings/s" "p99 ms" "failed"
  local ok=1 r
  for r in "${rows[@]}"; do
    read -r n base_rps base_p99 ev_rps ev_p99 bk_rps bk_p99 bk_failed acked stored overlaps ev_bad <<<"$r"
    printf '%-6s %12.0f %9.3f %12.0f %9.3f %12.0f %9.3f %9s\n' "$n" "$base_rps" "$base_p99" \
      "$ev_rps" "$ev_p99" "$bk_rps" "$bk_p99" "$bk_failed"
    if [ "$ev_bad" != 0 ] || [ "$stored" -lt "$acked" ] || [ "$overlaps" != 0 ] || [ "$bk_failed" != 0 ]; then
      echo "FAIL ($n hosts): $ev_bad events refused, $acked acknowledged but $stored stored, $overlaps overlapping bookings, $bk_failed bookings failed"
      ok=0
    fi
  done
  [ "$ok" = 1 ] && echo "check: every acknowledged event is stored, no booking overlaps another, no booking failed"
  [ "$ok" = 1 ]
}

case "$WHAT" in
  events) bench_events ;;
  rooms) bench_rooms ;;
  approvals) bench_approvals ;;
  web) bench_web ;;
  edge) bench_edge ;;
  isolation) bench_isolation ;;
  cluster) bench_cluster ;;
  all) bench_events && stop_host && bench_rooms && stop_host && bench_approvals ;;
  *) echo "bench: unknown benchmark '$WHAT' (events, rooms, approvals, web, edge, isolation, cluster, all)"; exit 2 ;;
esac
