#!/usr/bin/env bash
# A primary PostgreSQL + a hot standby (pg_basebackup -R) on loopback ports, and two app instances
# on them (tests/replica/two-instances.ts). Needs root (the clusters run as user postgres) and the
# PostgreSQL 15 + PostGIS 3 Debian packages; skipped (exit 0) without them. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ "$(id -u)" != 0 ] || [ ! -x "$PGBIN/pg_basebackup" ]; then
  echo "replica test skipped: needs root and $PGBIN (postgresql-15)"; exit 0
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
TMP=$(mktemp -d /tmp/redline-replica.XXXXXX)
chown postgres:postgres "$TMP"
P1=$(free_port); P2=$(free_port)
as_pg() { runuser -u postgres -- "$@"; }
stop_all() {
  as_pg "$PGBIN/pg_ctl" -D "$TMP/standby" -m immediate -w stop >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$TMP/primary" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap stop_all EXIT

echo "== primary on port $P1"
as_pg "$PGBIN/initdb" -D "$TMP/primary" -U postgres --auth=trust -E UTF8 >/dev/null
# initdb's pg_hba.conf already lets local users replicate over loopback with trust.
as_pg "$PGBIN/pg_ctl" -D "$TMP/primary" -l "$TMP/primary.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$P1 -c unix_socket_directories=$TMP -c wal_level=replica -c max_wal_senders=4" start >/dev/null
psql -h 127.0.0.1 -p "$P1" -U postgres -d postgres -qc 'CREATE DATABASE redline_replica'
psql -h 127.0.0.1 -p "$P1" -U postgres -d redline_replica -qc 'CREATE EXTENSION postgis'

echo "== hot standby on port $P2 (pg_basebackup -R)"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$TMP/standby" -R -X stream -c fast
as_pg "$PGBIN/pg_ctl" -D "$TMP/standby" -l "$TMP/standby.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$P2 -c unix_socket_directories=$TMP -c hot_standby=on" start >/dev/null
test "$(psql -h 127.0.0.1 -p "$P2" -U postgres -d redline_replica -tAc 'SELECT pg_is_in_recovery()')" = t

echo "== two app instances"
PRIMARY_URL="postgres://postgres@127.0.0.1:$P1/redline_replica" \
STANDBY_URL="postgres://postgres@127.0.0.1:$P2/redline_replica" \
STOP_STANDBY_CMD="runuser -u postgres -- $PGBIN/pg_ctl -D $TMP/standby -m immediate -w stop >/dev/null" \
CUT_REPLICATION_CMD="runuser -u postgres -- sed -i 's/^[a-z]*[[:space:]]*replication/# &/' $TMP/primary/pg_hba.conf && runuser -u postgres -- $PGBIN/pg_ctl -D $TMP/primary reload >/dev/null && psql -h 127.0.0.1 -p $P1 -U postgres -d postgres -qtAc 'SELECT pg_terminate_backend(pid) FROM pg_stat_replication' >/dev/null" \
  npx tsx tests/replica/two-instances.ts
