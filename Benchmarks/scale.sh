#!/usr/bin/env bash
# The store on SQLite and on PostgreSQL in one run (`pouch-bench scale`, release build): import
# rates, search p50/p99 as a partial-access reader and their ratio, CPU per query, and whether both
# stores return the same results. Starts a throwaway PostgreSQL server (as scripts/test does)
# unless $POUCH_BENCH_POSTGRES names one, with the memory a store server would be given
# (shared_buffers 2 GB, max_wal_size 8 GB); every other setting is Debian's default.
# Usage: Benchmarks/scale.sh [pouch-bench scale options: --cables 250000 --queries 1000 --copy --reuse]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pouch-bench >/dev/null

if [ -z "${POUCH_BENCH_POSTGRES:-}" ]; then
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -x "$pg_bin/initdb" ] || { echo "Benchmarks/scale.sh: install postgresql (apt-get install postgresql)" >&2; exit 1; }
    pg_dir="$(mktemp -d /tmp/pouch-bench-postgres.XXXXXX)"
    as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    trap 'as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
    as_postgres "$pg_bin/initdb -D $pg_dir/data -U pouch --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c max_wal_size=8GB' -l $pg_dir/log -w start" >/dev/null
    export POUCH_BENCH_POSTGRES="postgres://pouch@127.0.0.1:$pg_port/postgres"
    echo "… PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port" >&2
fi
.build/release/pouch-bench scale "$@"
