#!/usr/bin/env bash
# Benchmarks/stats-load.sh — turns/s of `lotse serve` with usage statistics on (a SQLite file)
# and off, in the same run, driven by the ServerLoad client. Two rounds in alternating order
# (off, on, on, off), so a noisy 2-core machine favours neither; prints on ÷ off in percent.
# Target: ≥ 95 %.
#
#   Benchmarks/stats-load.sh              # builds the release server and ServerLoad first (incremental)
#   Benchmarks/stats-load.sh --no-build   # uses the binaries as they are
#
# Settings (environment): PORT=47910 RUN_SECONDS=20 WARMUP=2 CONNECTIONS=50
#   LOTSE=<root>/.build-release/release/lotse
set -uo pipefail
export LC_ALL=C.UTF-8

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PORT=${PORT:-47910}
RUN_SECONDS=${RUN_SECONDS:-20}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-50}
LOTSE=${LOTSE:-$ROOT/.build-release/release/lotse}
CLIENT=$HERE/.build/release/ServerLoad
[[ ${1:-} == --no-build ]] || {
    echo "== Building (release): lotse (--scratch-path .build-release) and ServerLoad"
    (cd "$ROOT" && swift build -c release --product lotse --scratch-path .build-release 2>&1 | tail -1) || exit 1
    (cd "$HERE" && swift build -c release --product ServerLoad 2>&1 | tail -1) || exit 1
}
for f in "$LOTSE" "$CLIENT"; do [[ -x $f ]] || { echo "missing $f (run without --no-build)"; exit 1; }; done

WORK=$(mktemp -d /tmp/stats-load.XXXXXX)
SERVER_PID=
stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 80); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'echo interrupted; exit 130' INT TERM
ulimit -n 65536 2>/dev/null || true

# run MODE ROUND: one server (statistics off or on), one ServerLoad closed-loop phase; prints turns/s.
run() {
    local mode=$1 round=$2 log=$WORK/server-$1-$2.log extra=()
    [[ $mode == on ]] && extra=(--stats "$WORK/stats-$round.sqlite" --door bench)
    "$LOTSE" serve --port "$PORT" --rules "$ROOT/rules" --idle 600 "${extra[@]}" 2>"$log" &
    SERVER_PID=$!
    for _ in $(seq 300); do grep -q listening "$log" 2>/dev/null && break; sleep 0.1; done
    grep -q listening "$log" || { echo "server ($mode) did not start:"; tail "$log"; exit 1; }
    local out=$WORK/client-$mode-$round.out
    timeout -k 5 $((RUN_SECONDS + WARMUP + 60)) "$CLIENT" closed --port "$PORT" --connections "$CONNECTIONS" \
        --seconds "$RUN_SECONDS" --warmup "$WARMUP" --server-pid "$SERVER_PID" >"$out" 2>&1
    stop_server
    local tps
    tps=$(awk '$1 == "RESULT" && $2 == "closed.turns_per_s" { print $3 }' "$out")
    [[ -n $tps ]] || { echo "no RESULT closed.turns_per_s from ServerLoad ($mode):"; tail "$out"; exit 1; }
    if [[ $mode == on ]]; then
        local counted
        counted=$("$LOTSE" stats --stats "$WORK/stats-$round.sqlite" --from 2000-01-01 --to 2999-12-31 --format csv |
            awk -F, '$1 == "conversations" && $2 == "" { print $4 }')
        echo "   round $round, statistics on:  $tps turns/s (conversations counted: $counted)" >&2
    else
        echo "   round $round, statistics off: $tps turns/s" >&2
    fi
    echo "$tps"
}

echo "== lotse serve, $CONNECTIONS connections, ${RUN_SECONDS} s (+${WARMUP} s warm-up) per phase, $(nproc) cores shared by server and client"
echo "   server: lotse serve --port $PORT --rules rules --idle 600 [--stats FILE.sqlite --door bench]"
echo "   client: ServerLoad closed --port $PORT --connections $CONNECTIONS --seconds $RUN_SECONDS --warmup $WARMUP --server-pid PID"
off1=$(run off 1); on1=$(run on 1); on2=$(run on 2); off2=$(run off 2)
awk -v a="$off1" -v b="$off2" -v c="$on1" -v d="$on2" 'BEGIN {
    off = (a + b) / 2; on = (c + d) / 2; pct = on / off * 100
    printf "== statistics off: %.0f turns/s (mean of %s, %s)\n", off, a, b
    printf "   statistics on:  %.0f turns/s (mean of %s, %s)\n", on, c, d
    printf "   on ÷ off: %.1f %%   target: ≥ 95 %%   %s\n", pct, (pct >= 95 ? "met" : "missed")
    printf "RESULT stats.on_off_percent %.1f\n", pct
}'
