#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a temporary data
# directory, a free loopback port, no fsync (the tests kill hosts, never the database; with
# COURTHUB_PG_DURABLE=1, as bench/run.sh cluster sets, PostgreSQL's durable defaults instead).
#
#   pg_cluster.sh start STATE_DIR   initdb + start; writes STATE_DIR/url (a libpq conninfo)
#   pg_cluster.sh stop STATE_DIR    stop it and delete its data
#
# ctest runs `start` as the setup of the fixture `postgres` and `stop` as its cleanup
# (tests/CMakeLists.txt); tests read the conninfo from the file COURTHUB_TEST_PG_URL_FILE names.
# initdb refuses to run as root: as root, the cluster belongs to the `postgres` user (created by
# Debian's postgresql package).
set -euo pipefail
action=${1:?usage: pg_cluster.sh start|stop STATE_DIR}
state=${2:?usage: pg_cluster.sh start|stop STATE_DIR}

bindir=$(pg_config --bindir 2>/dev/null || true)
if [ ! -x "$bindir/initdb" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
if [ ! -x "$bindir/initdb" ]; then
  echo "pg_cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
fi
as=()
[ "$(id -u)" = 0 ] && as=(runuser -u postgres --)

stop() {
  [ -f "$state/data_dir" ] || return 0
  local data
  data=$(cat "$state/data_dir")
  "${as[@]}" "$bindir/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
  rm -f "$state/data_dir" "$state/url"
}

case "$action" in
  stop) stop ;;
  start)
    mkdir -p "$state"
    stop  # a cluster a crashed run left behind
    data=$(mktemp -d /tmp/courthub-pg-XXXXXX)
    echo "$data" > "$state/data_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    "${as[@]}" "$bindir/initdb" -D "$data/data" -A trust -U courthub -E UTF8 --locale=C \
      >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; exit 1; }
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${COURTHUB_PG_DURABLE:-0}" = 1 ] && durability=""
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
      if "${as[@]}" "$bindir/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
          -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data \
              -c max_connections=300 $durability -c shared_buffers=64MB" start >/dev/null 2>&1; then
        echo "host=127.0.0.1 port=$port user=courthub dbname=postgres" > "$state/url"
        echo "pg_cluster: PostgreSQL on 127.0.0.1:$port ($data)"
        exit 0
      fi
    done
    echo "pg_cluster: PostgreSQL did not start; its log:" >&2
    tail -20 "$data/server.log" >&2 || true
    exit 1
    ;;
  *) echo "pg_cluster: unknown action $action (start, stop)" >&2; exit 2 ;;
esac
