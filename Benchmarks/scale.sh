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
    . scripts/throwaway-postgres.sh
    trap throwaway_postgres_stop EXIT
    throwaway_postgres shared_buffers=2GB max_wal_size=8GB
    export POUCH_BENCH_POSTGRES="$THROWAWAY_POSTGRES_URL"
fi
.build/release/pouch-bench scale "$@"
