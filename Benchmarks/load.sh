#!/usr/bin/env bash
# Load test: the release `pouch serve --demo` on loopback under a mix of what readers do all day
# (40% read a copy, 30% search, 30% the inbox page), on SQLite or on PostgreSQL, one server or two
# over one database. Closed loop through wrk (Debian's `wrk`): N connections, each sending its
# next request when the last is answered. Open loop with --rate through hey (Debian's `hey`):
# a fixed offered rate however slowly the server answers.
# With --writes, while the load runs, anne drafts and sends a cable every 2 s through each server
# in turn, and `pouch import` (a process of its own) brings in 20 corpus cables every 30 s.
# Afterwards it checks the audit log against the requests answered (one entry each: none lost,
# none twice), runs `pouch audit verify` and `pouch verify`, reads every sent cable back through
# every server, and reports the CPU each process used per request.
# Starts a throwaway PostgreSQL server (as scripts/test does) unless $POUCH_BENCH_POSTGRES names
# one, in which case it works in a fresh database made there and dropped afterwards.
# Usage: Benchmarks/load.sh [--database sqlite|postgres] [--servers 1|2] [--connections 200]
#                           [--duration 60s] [--rate REQUESTS_PER_S] [--writes] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."
database=sqlite servers=1 connections=200 duration=60s threads=2 rate="" writes=0
while [ $# -gt 0 ]; do
    case "$1" in
        --database) database=$2; shift 2 ;;
        --servers) servers=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --writes) writes=1; shift ;;
        *) echo "Benchmarks/load.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$database" in sqlite | postgres) ;; *) echo "Benchmarks/load.sh: --database is sqlite or postgres" >&2; exit 2 ;; esac
case "$servers" in 1 | 2) ;; *) echo "Benchmarks/load.sh: --servers is 1 or 2" >&2; exit 2 ;; esac
[ "$servers" = 1 ] || [ "$database" = postgres ] || { echo "Benchmarks/load.sh: two servers share a PostgreSQL database (--database postgres)" >&2; exit 2; }
if [ -n "$rate" ]; then
    command -v hey >/dev/null || { echo "Benchmarks/load.sh: install hey (apt-get install hey)" >&2; exit 1; }
else
    command -v wrk >/dev/null || { echo "Benchmarks/load.sh: install wrk (apt-get install wrk)" >&2; exit 1; }
fi
seconds=$(python3 -c "import re,sys; m=re.fullmatch(r'(\d+)([smh]?)', '$duration') or sys.exit('Benchmarks/load.sh: --duration is like 60s, 10m or 1h'); print(int(m[1]) * {'': 1, 's': 1, 'm': 60, 'h': 3600}[m[2]])")

swift build -c release --product pouch >/dev/null
work=$(mktemp -d /tmp/pouch-load-XXXXXX)
pids=()
drop_database=""
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -z "$drop_database" ] || psql -q "$POUCH_BENCH_POSTGRES" -c "DROP DATABASE IF EXISTS $drop_database" >/dev/null 2>&1 || true
    [ "$(type -t throwaway_postgres_stop)" != function ] || throwaway_postgres_stop
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

export POUCH_STORE_KEY="$work/a/demo-master.key"
unset POUCH_DATABASE
if [ "$database" = postgres ]; then
    if [ -z "${POUCH_BENCH_POSTGRES:-}" ]; then
        . scripts/throwaway-postgres.sh
        throwaway_postgres shared_buffers=1GB
        export POUCH_BENCH_POSTGRES="$THROWAWAY_POSTGRES_URL"
    fi
    drop_database="pouch_load_$$"
    psql -q "$POUCH_BENCH_POSTGRES" -c "CREATE DATABASE $drop_database" >/dev/null
    export POUCH_DATABASE="${POUCH_BENCH_POSTGRES%/*}/$drop_database"
fi

# Server A makes the demo store; server B (and the CLI) start from a copy of its signed audit head.
ports=() addresses=()
start_server() { # folder port [serve options]
    local folder=$1 port=$2; shift 2
    .build/release/pouch serve --store "$work/$folder" --port "$port" "$@" >"$work/$folder.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.5; done
    echo "Benchmarks/load.sh: server $folder did not start:" >&2; cat "$work/$folder.log" >&2; exit 1
}
ports+=("$(free_port)"); start_server a "${ports[0]}" --demo
if [ "$servers" = 2 ]; then
    mkdir -m 700 "$work/b"; cp "$work/a/audit-head" "$work/b/"
    ports+=("$(free_port)"); start_server b "${ports[1]}"
fi
for port in "${ports[@]}"; do addresses+=("127.0.0.1:$port"); done
export POUCH_SERVERS="${addresses[*]}"
if [ "$database" = postgres ]; then mkdir -m 700 "$work/cli"; cp "$work/a/audit-head" "$work/cli/"; cli_store="$work/cli"; else cli_store="$work/a"; fi
pouch() { .build/release/pouch "$@" --store "$cli_store"; }
url="http://${addresses[0]}"

# A bearer token for the API, a signed-in browser session for the inbox page (both as bea).
token() { curl -sf -X POST -H 'Content-Type: application/json' -d "{\"user\":\"$1\",\"password\":\"$1-pouch-demo\"}" "$url/api/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
export POUCH_TOKEN=$(token bea)
jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -b "$jar" "$url/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | sed -n '1{s/.*value="//; s/"$//; p;}')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode user=bea --data-urlencode password=bea-pouch-demo "$url/login"
export POUCH_COOKIE=$(awk '$6 == "pouch_session" { print $7 }' "$jar")
export POUCH_CABLE=$(curl -sf -H "Authorization: Bearer $POUCH_TOKEN" "$url/api/cables" \
    | python3 -c 'import json,sys; print(next(c["referenceID"] for c in json.load(sys.stdin)["cables"] if c["state"] == "sent"))')
first_entry=$(pouch audit log --json --limit 1 --as admin | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["sequence"] + 1)')

# CPU seconds used so far by the servers, by PostgreSQL (its processes and the backends that
# ended), and by the load generator.
cpu() { # pid… → seconds, children that ended included
    local total=0
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print t + ($12 + $13 + $14 + $15) / hz }' "/proc/$pid/stat")
    done
    echo "$total"
}
postgres_pids() {
    [ "$database" = postgres ] || return 0
    local port=${POUCH_BENCH_POSTGRES##*:}; port=${port%%/*}
    local master; master=$(pgrep -f "postgres .*-p $port" | head -1) || return 0
    echo "$master" $(pgrep -P "$master")
}
server_pids=("${pids[@]}")

writer() { # every 2 s a draft sent to bea and the south-asia list, through each server in turn
    local anne n=0; anne=$(token anne)
    while true; do
        for address in "${addresses[@]}"; do
            n=$((n + 1))
            local text="From: AMEMBASSY ISLAMABAD
To: SECSTATE WASHDC ROUTINE
Classification: CONFIDENTIAL
Tags: PREL, PK
Subject: LOAD TEST CABLE $n
Classified By: Ambassador Anne W. Palmer
Reasons: 1.4 (b), (d)

(C) The Foreign Secretary told the Ambassador that the border talks would resume next week. He said that the army supported them and that the cabinet would meet on $n May."
            local id
            id=$(python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1]}))' "$text" \
                | curl -sf -X POST -H "Authorization: Bearer $anne" -H 'Content-Type: application/json' --data @- "http://$address/api/drafts" \
                | python3 -c 'import json,sys; print(json.load(sys.stdin)["referenceID"])') || { echo "draft failed" >>"$work/writer.errors"; continue; }
            if curl -sf -o /dev/null -X POST -H "Authorization: Bearer $anne" -H 'Content-Type: application/json' \
                -d '{"to":["bea"],"lists":["south-asia"]}' "http://$address/api/cables/$id/send"; then
                echo "$id" >>"$work/sent"
            else
                echo "send of $id failed" >>"$work/writer.errors"
            fi
        done
        sleep 2
    done
}
importer() { # every 30 s, 20 more corpus cables through `pouch import`, a process of its own
    local corpus=${POUCH_CORPUS:-../shared/corpus}
    find "$corpus" -name '*.txt' | sort >"$work/corpus-files"
    local start=1
    while true; do
        sleep 30
        sed -n "${start},$((start + 19))p" "$work/corpus-files" | xargs -r .build/release/pouch import --store "$cli_store" --as admin \
            >>"$work/import.log" 2>&1 || echo "import from line $start failed" >>"$work/writer.errors"
        start=$((start + 20))
    done
}

echo "pouch serve (release) × $servers on $database; $([ -n "$rate" ] && echo "open loop at $rate requests/s (hey)" || echo "closed loop, $connections connections (wrk, $threads threads)"), $duration; 40% read, 30% search, 30% inbox$([ "$writes" = 1 ] && echo '; sends and imports')"
writer_pids=()
if [ "$writes" = 1 ]; then
    writer & writer_pids+=($!)
    importer & writer_pids+=($!)
    pids+=("${writer_pids[@]}")
fi
cpu_servers=$(cpu "${server_pids[@]}") cpu_postgres=$(cpu $(postgres_pids)) cpu_load=$(cpu $$)
if [ -n "$rate" ]; then
    # Twenty streams (8 read, 6 search, 6 inbox; the servers in turn), each a hey whose workers
    # send 5 requests/s apiece: the offered rate holds however long answers take (up to 200 ms).
    # A hey's workers fire together, so the streams start 10 ms apart to spread the bursts over
    # each 200 ms; every request's time goes to a CSV.
    words=(helicopters cabinet border talks army review)
    workers=$(python3 -c "print(max(1, round($rate / 100)))")
    hey_pids=()
    for stream in $(seq 0 19); do
        address=${addresses[$((stream % servers))]}
        if [ "$stream" -lt 8 ]; then
            kind=read target="http://$address/api/cables/$POUCH_CABLE" header="Authorization: Bearer $POUCH_TOKEN"
        elif [ "$stream" -lt 14 ]; then
            kind=search target="http://$address/api/search?q=${words[$((stream - 8))]}&limit=10" header="Authorization: Bearer $POUCH_TOKEN"
        else
            kind=inbox target="http://$address/inbox" header="Cookie: pouch_session=$POUCH_COOKIE"
        fi
        hey -z "$duration" -c "$workers" -q 5 -t 10 -o csv -H "$header" "$target" >"$work/hey-$kind-$workers-$stream.csv" &
        hey_pids+=($!)
        sleep 0.01
    done
    for pid in "${hey_pids[@]}"; do wait "$pid"; done
    python3 Benchmarks/load-report.py hey "$work"/hey-*.csv | tee "$work/load.out"
else
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/load.lua "$url" | tee "$work/load.out"
fi
# The load generator's processes ended and were waited for, so they count among this shell's children.
cpu_load=$(python3 -c "print($(cpu $$) - $cpu_load)")
cpu_servers=$(python3 -c "print($(cpu "${server_pids[@]}") - $cpu_servers)")
cpu_postgres=$(python3 -c "print($(cpu $(postgres_pids)) - $cpu_postgres)")
for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
sleep 1

answered=$(sed -n 's/^answered 200 *//p' "$work/load.out") sent_requests=$(sed -n 's/^sent  *//p' "$work/load.out")
requests=$(awk '/^requests/ { print $2 }' "$work/load.out")
echo "CPU per request: servers $(python3 -c "print(f'{$cpu_servers * 1000 / max($requests, 1):.2f}')") ms, PostgreSQL $(python3 -c "print(f'{$cpu_postgres * 1000 / max($requests, 1):.2f}')") ms, load generator $(python3 -c "print(f'{$cpu_load * 1000 / max($requests, 1):.2f}')") ms (over $seconds s of $(nproc) cores)"

# The audit log against what was answered, then the store's own checks, then the sends.
status=0
pouch audit log --json --as admin >"$work/audit.jsonl"
touch "$work/sent" "$work/writer.errors"
python3 Benchmarks/load-report.py audit "$work/audit.jsonl" "$first_entry" "$answered" "$sent_requests" "$(wc -l <"$work/sent")" || status=1
if [ -s "$work/writer.errors" ]; then echo "writes that failed:"; sort "$work/writer.errors" | uniq -c; fi
[ "$writes" = 0 ] || echo "imported: $(grep -ho 'imported [0-9]*' "$work/import.log" | awk '{ n += $2 } END { print n + 0 }') cables in $(grep -c . "$work/import.log" || true) lines of output"
pouch audit verify --as admin >"$work/audit-verify.out" 2>&1 && echo "pouch audit verify: passed" || { status=1; echo "pouch audit verify: FAILED"; cat "$work/audit-verify.out"; }
pouch verify --as admin >"$work/verify.out" 2>&1 && echo "pouch verify: passed" || { status=1; echo "pouch verify: FAILED"; cat "$work/verify.out"; }
if [ -s "$work/sent" ]; then
    for address in "${addresses[@]}"; do
        read_back=0
        while read -r id; do
            curl -sf -o /dev/null -H "Authorization: Bearer $POUCH_TOKEN" "http://$address/api/cables/$id" && read_back=$((read_back + 1))
        done <"$work/sent"
        echo "sent cables read back through $address: $read_back of $(wc -l <"$work/sent")"
        [ "$read_back" = "$(wc -l <"$work/sent")" ] || status=1
    done
fi
[ ! -s "$work/writer.errors" ] || status=1
exit $status
