#!/usr/bin/env bash
# Benchmarks/server-load.sh — `lotse serve` and Redis under load, both measured by the same
# ServerLoad client with the same closed-loop and open-loop code (Redis through its inline
# protocol: PING → +PONG), in one run; redis-benchmark's own figures are printed beside them for
# reference. Runs everything, cleans up after itself (also on error or Ctrl-C) and prints a
# table of figures, targets and the commands used.
#
#   Benchmarks/server-load.sh              # builds the release server and ServerLoad first (incremental)
#   Benchmarks/server-load.sh --no-build   # uses the binaries as they are
#
# Settings (environment): PORT=47900 REDIS_PORT=47901 RUN_SECONDS=20 WARMUP=2
#   CLOSED_CONNECTIONS=50 OPEN_CONNECTIONS=1000 IDLE_CONNECTIONS=10000 REDIS_REQUESTS=500000
#   FIXED_RATE=20000 FIXED_CONNECTIONS=200 (the open loop run on both servers)
#   THREADS=1 (the server's event loop threads; see Benchmarks/README.md for why 1 on 2 cores)
#   LOTSE=<root>/.build-release/release/lotse
# The machine has 2 cores, shared by the server, the client and whatever else runs meanwhile:
# every phase prints how many cores each used. Takes about 2 minutes plus the builds.
set -uo pipefail
export LC_ALL=C.UTF-8   # ${#s} counts characters (the table has µ, ×, ÷, —)

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PORT=${PORT:-47900}
REDIS_PORT=${REDIS_PORT:-47901}
RUN_SECONDS=${RUN_SECONDS:-20}
WARMUP=${WARMUP:-2}
CLOSED_CONNECTIONS=${CLOSED_CONNECTIONS:-50}
OPEN_CONNECTIONS=${OPEN_CONNECTIONS:-1000}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
REDIS_REQUESTS=${REDIS_REQUESTS:-500000}
FIXED_RATE=${FIXED_RATE:-20000}
FIXED_CONNECTIONS=${FIXED_CONNECTIONS:-200}
FIXED_PER_CONNECTION=$(awk -v r="$FIXED_RATE" -v c="$FIXED_CONNECTIONS" 'BEGIN { printf "%g", r / c }')
THREADS=${THREADS:-1}
LOTSE=${LOTSE:-$ROOT/.build-release/release/lotse}
CLIENT=$HERE/.build/release/ServerLoad
BUILD=1
[[ ${1:-} == --no-build ]] && BUILD=0

WORK=$(mktemp -d /tmp/server-load.XXXXXX)
SERVER_LOG=$WORK/server.log
SERVER_PID=
CLIENT_PID=
REDIS_STARTED=0
FAILED=()

say() { printf '%s\n' "$*"; }

cleanup() {
    # A ServerLoad still running (timeout passes the signal on to it).
    if [[ -n $CLIENT_PID ]]; then kill -TERM "$CLIENT_PID" 2>/dev/null; wait "$CLIENT_PID" 2>/dev/null; fi
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null
        for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [[ $REDIS_STARTED == 1 ]]; then
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
        sleep 0.2
        if [[ -s $WORK/redis.pid ]] && kill -0 "$(cat "$WORK/redis.pid")" 2>/dev/null; then
            kill -KILL "$(cat "$WORK/redis.pid")" 2>/dev/null
        fi
    fi
    # Keep the server log for a look afterwards; drop the rest.
    [[ -f $SERVER_LOG ]] && cp "$SERVER_LOG" /tmp/server-load-last-server.log
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- Build -----------------------------------------------------------------------------------
if [[ $BUILD == 1 ]]; then
    say "== Building (release): the server with --scratch-path .build-release, and ServerLoad"
    start=$SECONDS
    if ! (cd "$ROOT" && timeout 900 swift build -c release --product lotse --scratch-path .build-release 2>&1 | tail -1); then
        say "the server did not build"; exit 1
    fi
    if ! (cd "$HERE" && timeout 900 swift build -c release --product ServerLoad 2>&1 | tail -1); then
        say "ServerLoad did not build"; exit 1
    fi
    say "   built in $((SECONDS - start)) s"
fi
for f in "$LOTSE" "$CLIENT"; do
    [[ -x $f ]] || { say "missing $f (run without --no-build)"; exit 1; }
done

# --- Limits ----------------------------------------------------------------------------------
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null
FILES=$(ulimit -n)
say "== Setup: $(nproc) cores shared by server and client (and anything else running); open files allowed: $FILES (asked for 65536)"
if [[ $FILES != unlimited ]] && (( FILES < IDLE_CONNECTIONS + 200 )); then
    IDLE_CONNECTIONS=$((FILES - 200))
    say "   too few open files for the idle phase: it opens $IDLE_CONNECTIONS connections instead"
fi

# --- Server ----------------------------------------------------------------------------------
if port_busy "$PORT"; then say "port $PORT is already in use"; exit 1; fi
SERVER_CMD="lotse serve --port $PORT --rules $ROOT/rules --max-connections 12000 --idle 600 --threads $THREADS"
"$LOTSE" serve --port "$PORT" --rules "$ROOT/rules" --max-connections 12000 --idle 600 --threads "$THREADS" 2>"$SERVER_LOG" &
SERVER_PID=$!
for _ in $(seq 300); do
    grep -q listening "$SERVER_LOG" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
done
if ! grep -q listening "$SERVER_LOG" 2>/dev/null; then
    say "the server did not start:"; tail -20 "$SERVER_LOG"; exit 1
fi
sleep 0.5
rss() { awk -v f="$2:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }
RSS_START=$(rss "$SERVER_PID" VmRSS)
say "   server: $LOTSE (pid $SERVER_PID), $THREADS event loop thread(s); RSS after start: $RSS_START MiB"
say "   $SERVER_CMD"

declare -A R
# Runs one ServerLoad phase against the server on TARGET_PORT (pid TARGET_PID): shows its
# output, keeps its RESULT lines.
TARGET_PORT=$PORT
TARGET_PID=
phase() {
    local name=$1 limit=$2; shift 2
    local out=$WORK/$name.out
    say ""
    : >"$out"   # exists before tail looks for it
    timeout -k 5 "$limit" "$CLIENT" "$@" --port "$TARGET_PORT" --server-pid "$TARGET_PID" >"$out" 2>&1 &
    CLIENT_PID=$!
    # Show progress as it comes, without the RESULT lines. Waiting with the `wait` builtin (not
    # in a foreground pipeline) lets a signal's trap run at once.
    tail -n +1 -f "$out" --pid "$CLIENT_PID" 2>/dev/null | grep --line-buffered -v '^RESULT ' &
    local shower=$!
    wait "$CLIENT_PID"
    local rc=$?
    wait "$shower"
    CLIENT_PID=
    while read -r _ key value; do R[$key]=$value; done < <(grep '^RESULT ' "$out")
    if (( rc != 0 )); then
        say "   ServerLoad $name failed (exit $rc)"
        FAILED+=("$name")
    fi
    if ! kill -0 "$TARGET_PID" 2>/dev/null; then
        say "   the server died"; [[ $TARGET_PID == "$SERVER_PID" ]] && tail -20 "$SERVER_LOG"; exit 1
    fi
}
TARGET_PID=$SERVER_PID

SINGLE_CMD="ServerLoad closed --connections 1 --seconds 5 --warmup 1 --per-line"
CLOSED_CMD="ServerLoad closed --connections $CLOSED_CONNECTIONS --seconds $RUN_SECONDS --warmup $WARMUP"
OPEN_CMD="ServerLoad open --connections $OPEN_CONNECTIONS --rate 1 --seconds $RUN_SECONDS --warmup $WARMUP"
IDLE_CMD="ServerLoad idle --connections $IDLE_CONNECTIONS --hold 3"
FIXED_CMD="ServerLoad open --connections $FIXED_CONNECTIONS --rate $FIXED_PER_CONNECTION --seconds $RUN_SECONDS --warmup $WARMUP"
phase single 60 closed --connections 1 --seconds 5 --warmup 1 --per-line
phase closed $((RUN_SECONDS + WARMUP + 60)) closed --connections "$CLOSED_CONNECTIONS" --seconds "$RUN_SECONDS" --warmup "$WARMUP" --no-script
phase fixed $((RUN_SECONDS + WARMUP + 90)) open --name fixed --connections "$FIXED_CONNECTIONS" --rate "$FIXED_PER_CONNECTION" --seconds "$RUN_SECONDS" --warmup "$WARMUP"
phase open $((RUN_SECONDS + WARMUP + 90)) open --connections "$OPEN_CONNECTIONS" --rate 1 --seconds "$RUN_SECONDS" --warmup "$WARMUP"
phase idle 180 idle --connections "$IDLE_CONNECTIONS" --hold 3
RSS_PEAK=$(rss "$SERVER_PID" VmHWM)
say "   server peak RSS over all phases (VmHWM): $RSS_PEAK MiB"

kill -TERM "$SERVER_PID" 2>/dev/null
for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=

# --- Redis ------------------------------------------------------------------------------------
say ""
say "== Redis: the same ServerLoad phases through its inline protocol (PING → +PONG), then redis-benchmark for reference"
REDIS_Q_CMD="redis-benchmark -p $REDIS_PORT -t ping_inline -c $CLOSED_CONNECTIONS -n $REDIS_REQUESTS -q"
REDIS_CSV_CMD="redis-benchmark -p $REDIS_PORT -t ping_inline -c $CLOSED_CONNECTIONS -n $REDIS_REQUESTS --csv"
REDIS_CLOSED_CMD="ServerLoad closed --protocol redis --connections $CLOSED_CONNECTIONS --seconds $RUN_SECONDS --warmup $WARMUP"
REDIS_FIXED_CMD="ServerLoad open --protocol redis --connections $FIXED_CONNECTIONS --rate $FIXED_PER_CONNECTION --seconds $RUN_SECONDS --warmup $WARMUP"
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
    say "   installing redis-server and redis-tools"
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get install -y redis-server redis-tools >/dev/null 2>&1 ||
        { timeout 300 apt-get update >/dev/null 2>&1 && timeout 300 apt-get install -y redis-server redis-tools >/dev/null 2>&1; }
fi
if command -v redis-server >/dev/null && command -v redis-benchmark >/dev/null; then
    if port_busy "$REDIS_PORT"; then say "   port $REDIS_PORT is already in use"; FAILED+=(redis); else
        redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
            --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" >/dev/null
        REDIS_STARTED=1
        for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
        say "   $(redis-server --version | cut -d' ' -f1-3), pid $(cat "$WORK/redis.pid")"
        TARGET_PORT=$REDIS_PORT
        TARGET_PID=$(cat "$WORK/redis.pid")
        phase redis_closed $((RUN_SECONDS + WARMUP + 60)) closed --protocol redis --name redis_closed --connections "$CLOSED_CONNECTIONS" --seconds "$RUN_SECONDS" --warmup "$WARMUP"
        phase redis_fixed $((RUN_SECONDS + WARMUP + 90)) open --protocol redis --name redis_fixed --connections "$FIXED_CONNECTIONS" --rate "$FIXED_PER_CONNECTION" --seconds "$RUN_SECONDS" --warmup "$WARMUP"
        say ""
        say "   \$ $REDIS_Q_CMD"
        timeout 120 redis-benchmark -p "$REDIS_PORT" -t ping_inline -c "$CLOSED_CONNECTIONS" -n "$REDIS_REQUESTS" -q 2>&1 |
            tr '\r' '\n' | grep -v 'rps=' | sed '/^ *$/d; s/^/   /'
        say "   \$ $REDIS_CSV_CMD"
        CSV=$(timeout 120 redis-benchmark -p "$REDIS_PORT" -t ping_inline -c "$CLOSED_CONNECTIONS" -n "$REDIS_REQUESTS" --csv 2>&1)
        printf '%s\n' "$CSV" | sed 's/^/   /'
        # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        LINE=$(printf '%s\n' "$CSV" | grep '^"PING_INLINE"' | tr -d '"')
        IFS=, read -r _ R[redisbench.rps] R[redisbench.mean_ms] _ R[redisbench.p50_ms] R[redisbench.p95_ms] R[redisbench.p99_ms] R[redisbench.max_ms] <<<"$LINE"
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
        REDIS_STARTED=0
    fi
else
    say "   redis could not be installed"; FAILED+=(redis)
fi

# --- Summary ---------------------------------------------------------------------------------
get() { printf '%s' "${R[$1]:-}"; }
# verdict VALUE OP LIMIT: met / missed / — (no figure)
verdict() {
    [[ -z $1 ]] && { printf -- '—'; return; }
    awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { ok = (op == "<" ? a < b : op == "<=" ? a <= b : a >= b); printf (ok ? "met" : "missed") }'
}
ratio() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN { if (b > 0) printf "%.*f", k, a / b }'; }
num() { printf '%s' "${1%.*}" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }

TPS=$(get closed.turns_per_s)
RPS=$(get redis_closed.turns_per_s)
BENCH_RPS=$(get redisbench.rps)
RATE_PCT=$(ratio "$TPS" "$RPS" 4 | awk '{ if ($1 != "") printf "%.1f", $1 * 100 }')
P99_RATIO=$(ratio "$(get closed.p99_ms)" "$(get redis_closed.p99_ms)" 2)
FIXED_RATIO=$(ratio "$(get fixed.p99_ms)" "$(get redis_fixed.p99_ms)" 2)
BENCH_PCT=$(ratio "$TPS" "$BENCH_RPS" 4 | awk '{ if ($1 != "") printf "%.1f", $1 * 100 }')
# Little's law: requests in flight on average = throughput × mean latency. ServerLoad sends each
# next request at once, so it keeps all its connections in flight, for both servers alike;
# redis-benchmark's one thread holds requests back, and its latencies leave that waiting out.
in_flight() { [[ -n $1 && -n $2 ]] && awk -v r="$1" -v m="$2" 'BEGIN { printf "%.1f", r * m / 1000 }'; }
LOTSE_IN_FLIGHT=$(in_flight "$TPS" "$(get closed.mean_ms)")
REDIS_IN_FLIGHT=$(in_flight "$RPS" "$(get redis_closed.mean_ms)")
BENCH_IN_FLIGHT=$(in_flight "$BENCH_RPS" "$(get redisbench.mean_ms)")

say ""
say "== Summary: lotse serve and redis, measured by the same client (2 cores shared by server, client and anything else; loopback TCP)"
say "   lotse: $SERVER_CMD"
say "   redis: redis-server --port $REDIS_PORT --save '' --appendonly no"
say "   ServerLoad = $CLIENT --port <port> --server-pid <server pid>"
# Pads by characters, not bytes.
pad() { local s=$1 w=$2; printf '%s%*s' "$s" $(( w > ${#s} ? w - ${#s} : 0 )) ''; }
row() { printf '   %s %s %s %s %s\n' "$(pad "$1" 46)" "$(pad "$2" 28)" "$(pad "$3" 10)" "$(pad "$4" 7)" "$5"; }
FIXED_LABEL="$(num "$FIXED_RATE") turns/s over $FIXED_CONNECTIONS connections"
row "figure" "measured" "target" "verdict" "command"
row "one connection: latency p50 / p99" "$(get single.p50_ms) / $(get single.p99_ms) ms" "—" "" "$SINGLE_CMD"
row "one connection: server CPU per turn" "$(get single.server_us_per_turn) µs" "—" "" "$SINGLE_CMD"
row "closed loop ($CLOSED_CONNECTIONS conn.): Lotse turns/s" "$(num "$TPS")" "—" "" "$CLOSED_CMD"
row "closed loop: Redis requests/s" "$(num "$RPS")" "—" "" "$REDIS_CLOSED_CMD"
row "closed loop: Lotse ÷ Redis throughput" "${RATE_PCT:+$RATE_PCT %}" "≥ 80 %" "$(verdict "$RATE_PCT" ">=" 80)" "(same client)"
row "closed loop: Lotse latency p50 / p99 / p99.9" "$(get closed.p50_ms) / $(get closed.p99_ms) / $(get closed.p999_ms) ms" "—" "" "$CLOSED_CMD"
row "closed loop: Redis latency p50 / p99 / p99.9" "$(get redis_closed.p50_ms) / $(get redis_closed.p99_ms) / $(get redis_closed.p999_ms) ms" "—" "" "$REDIS_CLOSED_CMD"
row "closed loop: Lotse p99 ÷ Redis p99" "$P99_RATIO" "≤ 1.5" "$(verdict "$P99_RATIO" "<=" 1.5)" "(same client)"
row "closed loop: server CPU per turn" "Lotse $(get closed.server_us_per_turn) µs, Redis $(get redis_closed.server_us_per_turn) µs" "—" "" "(same client)"
row "closed loop: requests in flight" "Lotse ${LOTSE_IN_FLIGHT:-—}, Redis ${REDIS_IN_FLIGHT:-—} of $CLOSED_CONNECTIONS" "—" "" "(Little's law)"
row "open loop, $FIXED_LABEL: Lotse p99" "$(get fixed.p99_ms) ms" "≤ 1 ms" "$(verdict "$(get fixed.p99_ms)" "<=" 1)" "$FIXED_CMD"
row "open loop, same rate: Redis p99" "$(get redis_fixed.p99_ms) ms" "—" "" "$REDIS_FIXED_CMD"
row "open loop, same rate: Lotse p99 ÷ Redis p99" "$FIXED_RATIO" "—" "" "(same client)"
row "open loop, same rate: p50 Lotse / Redis" "$(get fixed.p50_ms) / $(get redis_fixed.p50_ms) ms" "—" "" "(same client)"
row "open loop: latency p99 ($(num "$OPEN_CONNECTIONS") × 1 turn/s)" "$(get open.p99_ms) ms" "< 5 ms" "$(verdict "$(get open.p99_ms)" "<" 5)" "$OPEN_CMD"
row "idle: server RSS before" "$(get idle.rss_before_mib) MiB (start: $RSS_START)" "—" "" "$IDLE_CMD"
row "idle: server RSS with $(num "$(get idle.connections)") connections" "$(get idle.rss_mib) MiB" "≤ 100 MiB" "$(verdict "$(get idle.rss_mib)" "<=" 100)" "$IDLE_CMD"
row "idle: growth per connection" "$(num "$(get idle.bytes_per_connection)") bytes" "—" "" "$IDLE_CMD"
row "reference: redis-benchmark requests/s" "$(num "$BENCH_RPS")" "—" "" "$REDIS_CSV_CMD"
row "reference: redis-benchmark p50 / p99" "$(get redisbench.p50_ms) / $(get redisbench.p99_ms) ms" "—" "" "$REDIS_CSV_CMD"
row "reference: redis-benchmark in flight" "${BENCH_IN_FLIGHT:-—} of $CLOSED_CONNECTIONS" "—" "" "(Little's law)"
row "reference: Lotse ÷ redis-benchmark" "${BENCH_PCT:+$BENCH_PCT %}" "—" "" "(unlike clients)"
say "   CPU in the measured windows (cores): closed loop Lotse $(get closed.server_cores), client $(get closed.client_cores), others $(get closed.other_cores);" \
    "Redis $(get redis_closed.server_cores), client $(get redis_closed.client_cores), others $(get redis_closed.other_cores)"
say "   load on the machine when the run ended (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
say "   problems seen by the client (reply sizes unlike the dry run, error lines, bye, closed connections):" \
    "one connection $(get single.problems), closed loop $(get closed.problems), fixed rate $(get fixed.problems), open loop $(get open.problems)," \
    "idle connections lost $(get idle.failures), Redis closed $(get redis_closed.problems), Redis fixed rate $(get redis_fixed.problems)"
say "   server log: /tmp/server-load-last-server.log"
if (( ${#FAILED[@]} > 0 )); then
    say "   FAILED: ${FAILED[*]}"
    exit 1
fi
