# Sourced by scripts/test and the benchmarks. `throwaway_postgres [postgres setting=value …]`
# starts a PostgreSQL server of the newest installed version in a fresh cluster in a temporary
# folder, on a free port of 127.0.0.1 (and a socket in the folder), trusted for the user `pouch`,
# and sets THROWAWAY_POSTGRES_URL to it; `throwaway_postgres_stop` stops it and removes the
# folder (callers run it from their EXIT trap). initdb refuses to run as root, so as root the
# server runs as the `postgres` user, which then owns every path it writes.

throwaway_postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

throwaway_postgres() {
    local bin port settings=""
    bin="$(throwaway_postgres_bin)"
    if [ ! -x "$bin/initdb" ]; then
        echo "no PostgreSQL server found: apt-get install postgresql, or name a running server's URL" >&2
        return 1
    fi
    for setting in "$@"; do settings="$settings -c $setting"; done
    THROWAWAY_POSTGRES_DIR="$(mktemp -d /tmp/pouch-postgres.XXXXXX)"
    THROWAWAY_POSTGRES_BIN="$bin"
    [ "$(id -u)" = 0 ] && chown postgres "$THROWAWAY_POSTGRES_DIR"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    _throwaway_postgres_as "$bin/initdb -D $THROWAWAY_POSTGRES_DIR/data -U pouch --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
    _throwaway_postgres_as "$bin/pg_ctl -D $THROWAWAY_POSTGRES_DIR/data -o '-p $port -k $THROWAWAY_POSTGRES_DIR -c listen_addresses=127.0.0.1$settings' -l $THROWAWAY_POSTGRES_DIR/log -w start" >/dev/null || return 1
    THROWAWAY_POSTGRES_URL="postgres://pouch@127.0.0.1:$port/postgres"
    echo "… PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

throwaway_postgres_stop() {
    [ -n "${THROWAWAY_POSTGRES_DIR:-}" ] || return 0
    _throwaway_postgres_as "$THROWAWAY_POSTGRES_BIN/pg_ctl -D $THROWAWAY_POSTGRES_DIR/data -m fast stop" >/dev/null 2>&1
    rm -rf "$THROWAWAY_POSTGRES_DIR"
    THROWAWAY_POSTGRES_DIR=""
}

_throwaway_postgres_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
