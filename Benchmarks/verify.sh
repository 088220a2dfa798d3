#!/usr/bin/env bash
# pouch verify at archive scale: generates N realistic synthetic cables (pouch-bench corpus),
# imports them into a fresh store (release build, key file), then times `pouch verify` over every
# row, a first `cable list` and a first search (both load and check every envelope), and prints
# the store's size.
# Usage: Benchmarks/verify.sh [--cables 250000] [--keep DIR]   (DIR keeps the corpus and store for reruns)
set -euo pipefail
cd "$(dirname "$0")/.."
cables=250000 keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cables) cables=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

swift build -c release --product pouch >/dev/null && swift build -c release --product pouch-bench >/dev/null
pouch=$PWD/.build/release/pouch
work=${keep:-$(mktemp -d /tmp/pouch-verify-XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
export POUCH_STORE=$work/store POUCH_STORE_KEY=$work/master.key

seconds() { local start=$1; python3 -c "import time; print(f'{time.time() - $start:.1f}')"; }
now() { python3 -c 'import time; print(time.time())'; }

if [ ! -f "$work/store/pouch.sqlite" ]; then
    [ -d "$work/corpus" ] || { echo "generating $cables cables"; "$PWD/.build/release/pouch-bench" corpus --count "$cables" --out "$work/corpus" >/dev/null; }
    [ -f "$work/master.key" ] || "$pouch" key generate "$work/master.key" >/dev/null
    "$pouch" init >/dev/null
    "$pouch" user add reader --name Reader --post KABUL --clearance top-secret --caveats NOFORN,EXDIS,LIMDIS >/dev/null
    start=$(now)
    "$pouch" import "$work/corpus" --batch 1000 2>/dev/null | tail -1
    echo "import: $(seconds "$start") s"
fi

echo "store: $(du -sh "$work/store" | cut -f1)"
start=$(now)
"$pouch" verify
echo "pouch verify: $(seconds "$start") s"
start=$(now)
"$pouch" cable list --as reader --limit 5 >/dev/null 2>&1
echo "first cable list (loads and checks every envelope): $(seconds "$start") s"
start=$(now)
"$pouch" search border talks --as reader --limit 5 >/dev/null
echo "first search: $(seconds "$start") s"
