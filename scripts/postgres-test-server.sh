#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for the test suite (used by .ci/run, handy locally).
#
#   url=$(bash scripts/postgres-test-server.sh start)   # prints postgres://postgres@127.0.0.1:PORT/maalbar_test
#   TEST_DATABASE_URL=$url npm test
#   bash scripts/postgres-test-server.sh stop           # stops the server, deletes its directory
#
# The server lives in a fresh `mktemp -d` directory (data, unix socket, log), listens on a
# free port on 127.0.0.1 only, trusts every local connection and runs with fsync=off: for
# tests, never for real data. The directory's path is kept in .tmp/postgres-test-server.dir
# so that `stop` finds it. As root, the server runs as the `postgres` OS user.
# Env: PG_BIN (default /usr/lib/postgresql/15/bin), PG_TEST_DB (default maalbar_test).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DB=${PG_TEST_DB:-maalbar_test}
REPO=$(cd "$(dirname "$0")/.." && pwd)
STATE=$REPO/.tmp/postgres-test-server.dir

log() { echo "postgres-test-server: $*" >&2; }

# Run a server-side command as the owner of the data directory (postgres refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  local js='const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  if command -v node >/dev/null; then node -e "$js"
  elif command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else echo $((20000 + RANDOM % 30000)); fi
}

start() {
  if [ -f "$STATE" ] && [ -f "$(cat "$STATE")/url" ]; then
    local old; old=$(cat "$STATE")
    if as_owner "$PG_BIN/pg_ctl" -D "$old/data" status >/dev/null 2>&1; then
      log "already running in $old"; cat "$old/url"; return 0
    fi
    stop "$old" 2>/dev/null # stale: its server is gone
  fi
  [ -x "$PG_BIN/initdb" ] || { log "no PostgreSQL in $PG_BIN (apt-get install postgresql)"; exit 1; }

  local dir; dir=$(mktemp -d -t maalbar-pg.XXXXXX)
  mkdir -p "$dir/sock" "$(dirname "$STATE")"
  echo "$dir" > "$STATE"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi

  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

  local port try
  for try in 1 2 3 4 5; do
    port=$(free_port)
    cat >>"$dir/data/postgresql.conf" <<EOF
# test server settings (appended; the last value wins)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null; then
      break
    fi
    log "start on port $port failed (try $try):"; tail -n 5 "$dir/postgres.log" >&2 || true
    [ "$try" = 5 ] && exit 1
  done

  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB"
  echo "postgres://postgres@127.0.0.1:$port/$DB" | tee "$dir/url"
  log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') running on 127.0.0.1:$port in $dir"
}

stop() {
  local dir=${1:-}
  if [ -z "$dir" ]; then
    [ -f "$STATE" ] || { log "nothing to stop"; return 0; }
    dir=$(cat "$STATE")
  fi
  if [ -d "$dir/data" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in */maalbar-pg.*) rm -rf "$dir" ;; *) log "not deleting unexpected dir $dir" ;; esac
  if [ -f "$STATE" ] && [ "$(cat "$STATE")" = "$dir" ]; then rm -f "$STATE"; fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
