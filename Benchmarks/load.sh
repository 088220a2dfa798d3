#!/usr/bin/env bash
# Load test: `pouch serve --demo` (release build) on loopback, 200 concurrent connections for
# 60 s of mixed read / search / inbox requests through wrk (Debian's `wrk`).
# Usage: Benchmarks/load.sh [--connections N] [--duration 60s] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=200 duration=60s threads=2
while [ $# -gt 0 ]; do
    case "$1" in
        --connections) connections=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "Benchmarks/load.sh: install wrk (apt-get install wrk)" >&2; exit 1; }

swift build -c release --product pouch >/dev/null
store=$(mktemp -d /tmp/pouch-load-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.build/release/pouch serve --demo --store "$store/store" --port "$port" >"$store/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$store"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.5; done

# A bearer token for the API, a signed-in browser session for the inbox page (both as bea).
export POUCH_TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"user":"bea","password":"bea-pouch-demo"}' "$url/api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
jar="$store/cookies"
csrf=$(curl -sf -c "$jar" -b "$jar" "$url/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | sed -n '1{s/.*value="//; s/"$//; p;}')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode user=bea --data-urlencode password=bea-pouch-demo "$url/login"
export POUCH_COOKIE=$(awk '$6 == "pouch_session" { print $7 }' "$jar")
export POUCH_CABLE=$(curl -sf -H "Authorization: Bearer $POUCH_TOKEN" "$url/api/cables" \
    | python3 -c 'import json,sys; print(next(c["referenceID"] for c in json.load(sys.stdin)["cables"] if c["state"] == "sent"))')

echo "pouch serve (release) on $url; wrk: $threads threads, $connections connections, $duration; 40% read, 30% search, 30% inbox"
wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/load.lua "$url"
echo "audit entries written: $(curl -sf -H "Authorization: Bearer $POUCH_TOKEN" "$url/api/me" >/dev/null; sqlite3 "$store/store/pouch.sqlite" 'SELECT COUNT(*) FROM audit')"
