#!/usr/bin/env bash
# bench/run.sh [PART...] — every benchmark of docs/benchmarks.md in one bounded run; with no PART, the full run (about
# 14 minutes on 2 idle cores). PARTs, in the order they run:
#   platform     (issue 2) wrk -t2 -c32 on GET /health/live and on an authenticated GET /api/v1/employers/{bin} (a 5 s
#                warm-up, then WRK_RUNS runs of WRK_SECONDS), then time to ready (process start -> /health/ready 200 on
#                an already migrated database) and memory at idle (RSS 10 s after ready), STARTUP_RUNS runs;
#   permits      (issue 3) submit + approve decisions/s at 32 clients over the 20 regions' quota rows (DECISION_RUNS
#                windows of DECISION_SECONDS, the first after a DECISION_WARMUP_SECONDS warm-up: the server's steady
#                state), at one client (SINGLE_SECONDS windows) and at 32 clients on one quota row; then its yardstick
#                in the same run, pgbench TPC-B-like (-i -s 10; -c 32 -j 2 -T PGBENCH_SECONDS, PGBENCH_RUNS runs) on the
#                same server; the ratio decisions/s / pgbench tps (goal >= 0.5);
#   seed         (issue 2) seed-demo --scale SEED_SCALE into an empty database with binary COPY, SEED_RUNS runs;
#   engines      = scoring demography forecasting, alone on the machine after the server parts:
#   scoring      (issue 4) score + rank 1M profiles, what-if, and the sum-only floor, on every core and on one core
#                (taskset -c 0), engine and floor in the same process each time; SCORING_RUNS runs;
#   demography   (issue 5) probabilistic projection, 1,000 trajectories, DEMOGRAPHY_RUNS runs;
#   forecasting  (issue 5) back-tests of all methods over 1,000 series, on every core and on one thread, 3 runs.
# Examples: bench/run.sh (everything); bench/run.sh engines; bench/run.sh scoring permits.
#
# Every figure of the run goes into one results file, RESULTS_DIR/<UTC stamp>-<parts>.json, and the same figures as a
# Markdown table into <stamp>-<parts>.md (machine, date, commit, median of n runs with min-max, the yardstick measured
# in this run and the ratio); docs/benchmarks.md pastes its "latest run" table from one such file.
# Exit code 1 when any check of the run fails (a request error or an oversubscribed or inconsistent quota ledger in the
# decision load, wrk non-2xx answers or socket errors, failed pgbench transactions, a wrong scoring checksum, a
# benchmark process that fails): every part still runs, the files say FAILED with the reasons, and their figures must
# not be quoted. Exit code 2 for a bad argument or a missing tool.
#
# For the server parts it builds Release, starts a throw-away PostgreSQL (initdb + pg_ctl on a free loopback port; as
# root through runuser -u postgres), runs one app process against it, and stops and removes everything at the end,
# also on failure. Needs: dotnet; for the server parts PostgreSQL server binaries (Debian 'postgresql'), wrk (Debian
# 'wrk'), curl; for scoring taskset (util-linux).
# Knobs (environment; the defaults are the full run's): WRK_RUNS=3 WRK_SECONDS=15 CONNECTIONS=32 DECISION_RUNS=3
#   DECISION_SECONDS=20 DECISION_WARMUP_SECONDS=60 SINGLE_SECONDS=10 QUOTA_ROWS=20 STARTUP_RUNS=5 PGBENCH_RUNS=3
#   PGBENCH_SECONDS=30 SEED_RUNS=3 SEED_SCALE=11 SCORING_RUNS=7 DEMOGRAPHY_RUNS=5 RESULTS_DIR=bench/results
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KNOBS="WRK_RUNS=3 WRK_SECONDS=15 CONNECTIONS=32 DECISION_RUNS=3 DECISION_SECONDS=20 DECISION_WARMUP_SECONDS=60 SINGLE_SECONDS=10
  QUOTA_ROWS=20 STARTUP_RUNS=5 PGBENCH_RUNS=3 PGBENCH_SECONDS=30 SEED_RUNS=3 SEED_SCALE=11 SCORING_RUNS=7 DEMOGRAPHY_RUNS=5"
CHANGED_KNOBS=""
for knob in $KNOBS; do
  name=${knob%%=*}
  [ -z "${!name:-}" ] && printf -v "$name" '%s' "${knob#*=}"
  [ "${!name}" = "${knob#*=}" ] || CHANGED_KNOBS+="$name=${!name} "
done
RESULTS_DIR=${RESULTS_DIR:-$ROOT/bench/results}
DEMO_BIN=990340001230
DEMO_PASSWORD='Qonys-Demo-2026!'

ALL_PARTS="platform permits seed scoring demography forecasting"
PARTS=""
for arg in "${@:-all}"; do
  case "$arg" in
    all) PARTS+=" $ALL_PARTS" ;;
    engines) PARTS+=" scoring demography forecasting" ;;
    platform|permits|seed|scoring|demography|forecasting) PARTS+=" $arg" ;;
    *) echo "unknown part '$arg'; parts: all (default) platform permits seed engines scoring demography forecasting" >&2; exit 2 ;;
  esac
done
wants() { [[ " $PARTS " == *" $1 "* ]]; }
SELECTED=$(for p in $ALL_PARTS; do wants "$p" && printf '%s ' "$p"; done; true)
SELECTED=${SELECTED% }
[ "$SELECTED" = "$ALL_PARTS" ] && LABEL=all || LABEL=${SELECTED// /+}
SERVER=""; { wants platform || wants permits || wants seed; } && SERVER=yes

if [ -n "$SERVER" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  for need in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pgbench" "$PG_BIN/createdb" "$PG_BIN/dropdb"; do
    [ -x "$need" ] || { echo "missing $need: apt-get install -y postgresql" >&2; exit 2; }
  done
  command -v curl >/dev/null || { echo "missing curl: apt-get install -y curl" >&2; exit 2; }
  wants platform && { command -v wrk >/dev/null || { echo "missing wrk: apt-get install -y wrk" >&2; exit 2; }; }
fi
wants scoring && { command -v taskset >/dev/null || { echo "missing taskset: apt-get install -y util-linux" >&2; exit 2; }; }

WORK=$(mktemp -d /tmp/qonys-bench-XXXXXX)
chmod 755 "$WORK"  # the postgres user must reach its folder inside
APP_PID=""
PG_STARTED=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
cleanup() {
  stop_app
  if [ -n "$PG_STARTED" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}
# stats: the median (the lower middle value for an even count), min, max and count of the numbers on standard input,
# one a line
stats() { awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "", "", "", 0; else print v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
# wrk latency "12.34ms" / "850.00us" / "1.20s" -> milliseconds
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f\n", v }'; }
# result OUTPUT KEY: the value of KEY=... on the RESULT line a Qonys.Bench server benchmark prints
result() { sed -n 's/^RESULT //p' <<<"$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# measured OUTPUT ID KEY: the value of KEY=... on the RESULT line of measurement ID (Harness.Measure)
measured() { sed -n "s/^RESULT id=$2 //p" <<<"$1" | tr ' ' '\n' | sed -n "s/^$3=//p"; }
# div A B [DECIMALS]: A / B, empty when either is missing
div() { awk -v a="$1" -v b="$2" -v d="${3:-3}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print ""; else printf "%.*f\n", d, a / b }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# busy_ticks: the machine's busy CPU ticks so far (all cores; user nice system irq softirq), as MachineBusyCpu reads them
busy_ticks() { awk 'NR == 1 { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
elapsed() { echo $(( $(date +%s) - START_EPOCH )); }
section() { echo "== [$(elapsed) s] $*"; }

FAILURES=()
fail() { FAILURES+=("$*"); echo "FAILED: $*" >&2; }
# step NAME COMMAND...: runs COMMAND, shows its output and keeps it in OUT; a non-zero exit is a failure of the run
step() {
  local name=$1 status=0
  shift
  "$@" 2>&1 | tee "$WORK/step.out" || status=$?
  OUT=$(cat "$WORK/step.out")
  [ "$status" = 0 ] || fail "$name exited with code $status$(sed -n 's/^FAILED [^:]*: /: /p' "$WORK/step.out" | head -n 1)"
}

# One record per figure: id, benchmark, unit, median, min, max, runs, details, goal or yardstick (measured in this run),
# ratio, what the ratio is of. Kept as fields separated by the unit separator (\x1f) while the run lasts; written as
# JSON and Markdown at the end.
RECORDS=()
US=$'\x1f'
record() { local IFS=$US; RECORDS+=("$*"); }

START_EPOCH=$(date +%s)
START=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
STAMP=$(date -u '+%Y%m%dT%H%M%SZ')
LOAD_START=$(load)
CPU_MODEL=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
MEM_GIB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] && COMMIT+="-dirty"
echo "== machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB; commit $COMMIT; $START; load average at start $LOAD_START; parts: $SELECTED"
CHANGED_KNOBS=${CHANGED_KNOBS% }
[ -n "$CHANGED_KNOBS" ] && echo "== knobs changed from the full run's: $CHANGED_KNOBS"

section "build (Release)"
dotnet build -c Release "$ROOT/bench/Qonys.Bench" -nologo -v q
DOTNET_SDK=$(dotnet --version)
WEB_DLL=$(ls "$ROOT"/src/Qonys.Web/bin/Release/net*/Qonys.Web.dll | head -n 1)
BENCH_DLL=$(ls "$ROOT"/bench/Qonys.Bench/bin/Release/net*/Qonys.Bench.dll | head -n 1)
PG_VERSION=""; WRK_VERSION=""

if [ -n "$SERVER" ]; then
  section "PostgreSQL: throw-away cluster"
  mkdir -p "$WORK/pg" "$WORK/app"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK/pg"
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U qonys -E UTF8 --no-locale >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" -w start >/dev/null
  PG_STARTED=yes
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys qonys
  CS="Host=127.0.0.1;Port=$PG_PORT;Username=qonys;Database=qonys;Maximum Pool Size=100"
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
  echo "PostgreSQL $PG_VERSION on port $PG_PORT (default durability: fsync on, synchronous_commit on)"
  WRK_VERSION=$( (wrk -v 2>&1 || true) | head -n 1 | awk '{ print $2 }')
fi

if wants platform || wants permits; then
  section "app: first start migrates and loads the demo data"
  APP_PORT=$(free_port)
  URL="http://127.0.0.1:$APP_PORT"
  (cd "$(dirname "$WEB_DLL")" && exec dotnet "$WEB_DLL" serve --urls "$URL" --Qonys:Mode=demo --Qonys:Database:Provider=postgresql \
    "--Qonys:Database:ConnectionString=$CS" --Qonys:Database:MigrateOnStart=true "--Qonys:Database:DataFolder=$WORK/app") \
    >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready" || true)" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.2
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")" = 200 ] || { echo "app not ready after 180 s" >&2; exit 1; }
fi

# wrk_runs LABEL PATH [lua script]: WRK_RUNS runs; sets RPS_STATS and P99_STATS ("median min max n")
wrk_runs() {
  local label=$1 path=$2 script=${3:-} out rps_all="" p99_all="" i rps p99 non2xx socket
  # 5 s warm-up, not counted: the first seconds of a fresh process run unoptimised (tiered JIT) code
  QONYS_TOKEN="$TOKEN" wrk -t2 "-c$CONNECTIONS" -d5s ${script:+-s "$script"} "$URL$path" >/dev/null
  for i in $(seq 1 "$WRK_RUNS"); do
    out=$(QONYS_TOKEN="$TOKEN" wrk -t2 "-c$CONNECTIONS" "-d${WRK_SECONDS}s" --timeout 10s --latency ${script:+-s "$script"} "$URL$path")
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
    socket=$(sed -n 's/^ *Socket errors: *//p' <<<"$out")
    echo "  $label run $i: $rps req/s, p99 $p99 ms${non2xx:+, $non2xx non-2xx answers}${socket:+, socket errors: $socket}"
    [ -z "$non2xx" ] || fail "$label run $i: $non2xx non-2xx answers"
    [ -z "$socket" ] || fail "$label run $i: socket errors: $socket"
    rps_all+="$rps"$'\n'; p99_all+="$p99"$'\n'
  done
  RPS_STATS=$(printf '%s' "$rps_all" | stats); P99_STATS=$(printf '%s' "$p99_all" | stats)
}

if wants platform; then
  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@demo.qonys.kz\",\"password\":\"$DEMO_PASSWORD\"}" "$URL/api/v1/auth/token" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/api/v1/employers/$DEMO_BIN")
  [ "$code" = 200 ] || { echo "GET /api/v1/employers/$DEMO_BIN answered $code" >&2; exit 1; }
  section "platform: wrk -t2 -c$CONNECTIONS -d${WRK_SECONDS}s, $WRK_RUNS runs each"
  wrk_runs "GET /health/live" /health/live
  read -r m lo hi n <<<"$RPS_STATS"; read -r pm plo phi _ <<<"$P99_STATS"
  record health_live "GET /health/live, wrk -t2 -c$CONNECTIONS, $n × ${WRK_SECONDS} s" "req/s" "$m" "$lo" "$hi" "$n" \
    "p99 $pm ms ($plo–$phi)" "yardstick for later issues" "" ""
  wrk_runs "GET /api/v1/employers/{bin}" "/api/v1/employers/$DEMO_BIN" "$ROOT/bench/wrk/bearer.lua"
  read -r m lo hi n <<<"$RPS_STATS"; read -r pm plo phi _ <<<"$P99_STATS"
  record employer_get "GET /api/v1/employers/{bin} with a bearer token, wrk -t2 -c$CONNECTIONS, $n × ${WRK_SECONDS} s" "req/s" "$m" "$lo" "$hi" "$n" \
    "p99 $pm ms ($plo–$phi)" "yardstick for later issues" "" ""
fi

# decision_runs LABEL ID RUNS SECONDS FIRST_WARMUP LATER_WARMUP OPTIONS...: RUNS windows of permits-decisions; records
# the median decisions/s and keeps the medians in D_RATE, D_CPU
decision_runs() {
  local label=$1 id=$2 runs=$3 seconds=$4 first_warmup=$5 later_warmup=$6 i warmup e o rates="" p50s="" p99s="" cpus="" errors=0 over=0 consistent=yes
  shift 6
  for i in $(seq 1 "$runs"); do
    warmup=$later_warmup; [ "$i" = 1 ] && warmup=$first_warmup
    echo "-- $label, window $i of $runs: $seconds s after $warmup s warm-up"
    step "permits-decisions ($label, window $i)" dotnet "$BENCH_DLL" permits-decisions --url "$URL" --connection-string "$CS" \
      --seconds "$seconds" --warmup-seconds "$warmup" "$@"
    rates+="$(result "$OUT" decisions_per_s)"$'\n'
    p50s+="$(result "$OUT" decision_p50_ms)"$'\n'
    p99s+="$(result "$OUT" decision_p99_ms)"$'\n'
    cpus+="$(result "$OUT" cpu_ms_per_decision)"$'\n'
    e=$(result "$OUT" errors); o=$(result "$OUT" oversubscribed_rows)
    errors=$((errors + ${e:-0})); over=$(( over > ${o:-0} ? over : ${o:-0} ))
    [ "$(result "$OUT" ledger_consistent)" = yes ] || consistent=no
  done
  local m lo hi n p50 p99 cpu detail
  read -r m lo hi n <<<"$(printf '%s' "$rates" | stats)"
  read -r p50 _ <<<"$(printf '%s' "$p50s" | stats)"
  read -r p99 _ <<<"$(printf '%s' "$p99s" | stats)"
  read -r cpu _ <<<"$(printf '%s' "$cpus" | stats)"
  D_RATE=$m; D_CPU=$cpu
  detail="pair p50 $p50 ms, p99 $p99 ms (medians of the windows); $cpu ms machine CPU per decision; errors $errors, oversubscribed rows $over, ledgers consistent: $consistent"
  record "$id" "$label" "decisions/s" "$m" "$lo" "$hi" "$n" "$detail" "" "" ""
}

if wants permits; then
  section "permits: submit + approve, $CONNECTIONS clients over $QUOTA_ROWS quota rows"
  decision_runs "permits: submit + approve, $CONNECTIONS clients over the $QUOTA_ROWS regions' quota rows, ${DECISION_SECONDS} s windows (the first after a ${DECISION_WARMUP_SECONDS} s warm-up)" \
    decisions_spread "$DECISION_RUNS" "$DECISION_SECONDS" "$DECISION_WARMUP_SECONDS" 5 --clients "$CONNECTIONS" --quota-rows "$QUOTA_ROWS"
  SPREAD_RATE=$D_RATE; SPREAD_CPU=$D_CPU; SPREAD_INDEX=$((${#RECORDS[@]} - 1))
  section "permits: one client (the cost of one decision without contention)"
  decision_runs "permits: 1 client, ${SINGLE_SECONDS} s windows" decisions_single "$DECISION_RUNS" "$SINGLE_SECONDS" 3 3 --clients 1
  section "permits: $CONNECTIONS clients on one quota row (KZ-35, category 3)"
  decision_runs "permits: $CONNECTIONS clients on one quota row, ${DECISION_SECONDS} s windows" decisions_hot "$DECISION_RUNS" "$DECISION_SECONDS" 3 3 --clients "$CONNECTIONS"
  HOT_RATE=$D_RATE; HOT_INDEX=$((${#RECORDS[@]} - 1))
fi

stop_app

if wants platform; then
  section "platform: time to ready and memory at idle, $STARTUP_RUNS runs"
  step platform-startup dotnet "$BENCH_DLL" platform-startup --web-dll "$WEB_DLL" --connection-string "$CS" --runs "$STARTUP_RUNS" --idle-seconds 10
  record time_to_ready "time to ready (process start → /health/ready 200, migrated database)" ms \
    "$(result "$OUT" time_to_ready_ms)" "$(result "$OUT" time_to_ready_min_ms)" "$(result "$OUT" time_to_ready_max_ms)" "$(result "$OUT" runs)" "" "" "" ""
  record idle_rss "memory at idle (RSS 10 s after ready)" MiB \
    "$(result "$OUT" idle_rss_mib)" "$(result "$OUT" idle_rss_min_mib)" "$(result "$OUT" idle_rss_max_mib)" "$(result "$OUT" runs)" "" "" "" ""
fi

if wants permits; then
  section "pgbench: -i -s 10, then TPC-B-like -c $CONNECTIONS -j 2 -T $PGBENCH_SECONDS, $PGBENCH_RUNS runs"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys pgbench
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U qonys -i -s 10 -q pgbench >/dev/null 2>&1
  tps_all=""; cpu_all=""
  for i in $(seq 1 "$PGBENCH_RUNS"); do
    BUSY_START=$(busy_ticks)
    status=0
    PGBENCH_OUT=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U qonys -c "$CONNECTIONS" -j 2 -T "$PGBENCH_SECONDS" pgbench 2>&1) || status=$?
    BUSY_END=$(busy_ticks)
    tps=$(awk '/^tps = / { printf "%.1f", $3 }' <<<"$PGBENCH_OUT")
    tx=$(awk '/^number of transactions actually processed:/ { print $6 }' <<<"$PGBENCH_OUT")
    failed=$(awk '/^number of failed transactions:/ { print $5 }' <<<"$PGBENCH_OUT")
    cpu=$(awk -v s="$BUSY_START" -v e="$BUSY_END" -v n="$tx" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.3f", (e - s) * 1000 / hz / n }')
    echo "  pgbench run $i: $tps tps, $tx transactions, ${failed:-0} failed, machine CPU $cpu ms per transaction"
    [ "$status" = 0 ] || { echo "$PGBENCH_OUT" >&2; fail "pgbench run $i exited with code $status"; }
    [ "${failed:-0}" = 0 ] || fail "pgbench run $i: $failed failed transactions"
    tps_all+="$tps"$'\n'; cpu_all+="$cpu"$'\n'
  done
  read -r TPS lo hi n <<<"$(printf '%s' "$tps_all" | stats)"
  read -r PGBENCH_CPU _ <<<"$(printf '%s' "$cpu_all" | stats)"
  record pgbench "pgbench TPC-B-like, -s 10 -c $CONNECTIONS -j 2, $n × $PGBENCH_SECONDS s" tps "$TPS" "$lo" "$hi" "$n" \
    "$PGBENCH_CPU ms machine CPU per transaction" "the yardstick of the decisions" "" ""
  # The decisions' goal and ratio use the pgbench of this run: fill them in now.
  goal="≥ 0.5 × pgbench tps (this run: $TPS tps)"
  for index in $SPREAD_INDEX $HOT_INDEX; do
    IFS=$US read -r id bench unit m lo hi n detail _ <<<"${RECORDS[$index]}"
    [ "$index" = "$SPREAD_INDEX" ] && detail+="; CPU per pgbench transaction ÷ CPU per decision = $(div "$PGBENCH_CPU" "$SPREAD_CPU" 3)"
    record "$id" "$bench" "$unit" "$m" "$lo" "$hi" "$n" "$detail" "$goal" "$(div "$m" "$TPS" 3)" "of pgbench tps (decisions/s ÷ tps)"
    RECORDS[$index]=${RECORDS[-1]}
    unset 'RECORDS[-1]'
  done
  echo "ratio decisions/s ÷ pgbench tps: $(div "$SPREAD_RATE" "$TPS" 3) over $QUOTA_ROWS rows, $(div "$HOT_RATE" "$TPS" 3) on one row (goal ≥ 0.5)"
fi

if wants seed; then
  section "demo data: seed-demo --scale $SEED_SCALE into an empty database, binary COPY, $SEED_RUNS runs"
  walls=""; rows=""
  for i in $(seq 1 "$SEED_RUNS"); do
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys seedbench
    SEED_START=$(date +%s.%N)
    status=0
    SEED_OUT=$(cd "$(dirname "$WEB_DLL")" && dotnet "$WEB_DLL" seed-demo --scale "$SEED_SCALE" --Qonys:Database:Provider=postgresql \
      "--Qonys:Database:ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=qonys;Database=seedbench" 2>&1) || status=$?
    wall=$(awk -v s="$SEED_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys seedbench
    [ "$status" = 0 ] || { echo "$SEED_OUT" >&2; fail "seed-demo run $i exited with code $status"; continue; }
    rows=$(sed -n 's/^loaded \([0-9]*\) rows.*/\1/p' <<<"$SEED_OUT")
    split=$(grep -o 'generated in [0-9.]* s, written in [0-9.]* s' <<<"$SEED_OUT" | tail -n 1 || true)
    echo "  run $i: $(grep '^loaded ' <<<"$SEED_OUT" || true); ${split:+$split; }process wall time $wall s, including start-up and migrations"
    walls+="$wall"$'\n'
  done
  read -r m lo hi n <<<"$(printf '%s' "$walls" | stats)"
  per_million=$(div "$m" "$(div "$rows" 1000000 6)" 1)
  record seed_demo "demo data: seed-demo --scale $SEED_SCALE ($rows rows) on PostgreSQL, binary COPY, process wall time" s "$m" "$lo" "$hi" "$n" \
    "$per_million s per million rows" "a million records well under a minute" "$(div "$per_million" 60 2)" "of a minute per million rows"
fi

# record_engine OUTPUT ID ID_PREFIX LABEL [GOAL BUDGET_MS MEMORY_BUDGET_MIB YARDSTICK_ID]: one Harness measurement
record_engine() {
  local out=$1 id=$2 prefix=$3 label=$4 goal=${5:-} budget=${6:-} memory=${7:-} yardstick=${8:-} detail ratio="" ratio_of="" m
  m=$(measured "$out" "$id" median_ms)
  [ -n "$m" ] || { fail "$label: no measurement $id in the output"; return; }
  detail="$(measured "$out" "$id" cpu_ms) ms CPU per run; peak RSS during the runs $(measured "$out" "$id" peak_rss_mib) MiB (+$(measured "$out" "$id" growth_rss_mib) MiB above the run's start); $(measured "$out" "$id" cores) core(s)"
  if [ -n "$yardstick" ]; then
    goal+="${goal:+; }floor at the same cores $(measured "$out" "$yardstick" median_ms) ms"
    ratio=$(div "$m" "$(measured "$out" "$yardstick" median_ms)" 2); ratio_of="× the floor at the same cores"
    [ -n "$budget" ] && ratio_of+="; $(div "$m" "$budget" 2) of the time budget"
  elif [ -n "$budget" ]; then
    ratio=$(div "$m" "$budget" 2); ratio_of="of the time budget"
  fi
  [ -n "$memory" ] && ratio_of+="; $(div "$(measured "$out" "$id" peak_rss_mib)" "$memory" 2) of the memory budget"
  record "${prefix}_$id" "$label" ms "$m" "$(measured "$out" "$id" min_ms)" "$(measured "$out" "$id" max_ms)" "$(measured "$out" "$id" runs)" \
    "$detail" "$goal" "$ratio" "$ratio_of"
}

if wants scoring; then
  for cores in all 1; do
    if [ "$cores" = all ]; then
      section "engine: scoring on every core"
      step "scoring (every core)" dotnet "$BENCH_DLL" scoring "$SCORING_RUNS"
    else
      section "engine: scoring on one core (taskset -c 0)"
      step "scoring (one core)" taskset -c 0 dotnet "$BENCH_DLL" scoring "$SCORING_RUNS"
    fi
    on="on every core"; [ "$cores" = 1 ] && on="on one core"
    record_engine "$OUT" score_rank "scoring_$cores" "scoring $on: score + rank 1M profiles with per-criterion explanations" "≤ 2 s, ≤ 1 GiB" 2000 1024 floor
    record_engine "$OUT" what_if "scoring_$cores" "scoring $on: what-if of a draft over 1M, top 10,000" "≤ 2 s" 2000 "" floor
    record_engine "$OUT" floor "scoring_$cores" "scoring $on: floor, one pass summing the points (no explanations, no sort)" "the yardstick"
  done
fi

if wants demography; then
  section "engine: demography"
  step demography dotnet "$BENCH_DLL" demography 1000 "$DEMOGRAPHY_RUNS"
  record_engine "$OUT" probabilistic demography "demography: probabilistic, 20 regions × 101 ages × 2 sexes × 26 years × 1,000 trajectories, every core" \
    "≤ 2 s, ≤ 2 GiB" 2000 2048
  record_engine "$OUT" deterministic demography "demography: deterministic baseline, the same regions and years"
fi

if wants forecasting; then
  section "engine: forecasting"
  step forecasting dotnet "$BENCH_DLL" forecasting
  record_engine "$OUT" all_cores forecasting "forecasting: back-tests of all 7 methods, 1,000 series × 10 years, h = 12, 21 origins per series, every core" "≤ 10 s" 10000
  record_engine "$OUT" one_thread forecasting "forecasting: the same on one thread" "≤ 10 s" 10000
fi

END=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
LOAD_END=$(load)
DURATION=$(elapsed)
STATUS=passed; FAILURE_TEXT=""
if [ ${#FAILURES[@]} != 0 ]; then STATUS=FAILED; FAILURE_TEXT=$(printf '%s; ' "${FAILURES[@]}"); FAILURE_TEXT=${FAILURE_TEXT%; }; fi

json_str() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
json_num() { if [[ $1 =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then printf '%s' "$1"; else printf 'null'; fi; }
mkdir -p "$RESULTS_DIR"
BASE="$RESULTS_DIR/$STAMP-$LABEL"
{
  printf '{\n  "started": %s, "ended": %s, "duration_s": %s,\n' "$(json_str "$START")" "$(json_str "$END")" "$DURATION"
  printf '  "machine": {"cores": %s, "cpu": %s, "memory_gib": %s, "dotnet_sdk": %s, "postgresql": %s, "wrk": %s},\n' \
    "$(nproc)" "$(json_str "$CPU_MODEL")" "$MEM_GIB" "$(json_str "$DOTNET_SDK")" "$(json_str "$PG_VERSION")" "$(json_str "$WRK_VERSION")"
  printf '  "load_average_start": %s, "load_average_end": %s,\n' "$(json_str "$LOAD_START")" "$(json_str "$LOAD_END")"
  printf '  "commit": %s, "parts": %s, "changed_knobs": %s,\n' "$(json_str "$COMMIT")" "$(json_str "$SELECTED")" "$(json_str "$CHANGED_KNOBS")"
  printf '  "status": %s, "failures": [' "$(json_str "$STATUS")"
  sep=""; for f in "${FAILURES[@]}"; do printf '%s%s' "$sep" "$(json_str "$f")"; sep=", "; done
  printf '],\n  "results": [\n'
  sep=""
  for r in "${RECORDS[@]}"; do
    IFS=$US read -r id bench unit m lo hi n detail goal ratio ratio_of <<<"$r"
    printf '%s    {"id": %s, "benchmark": %s, "unit": %s, "median": %s, "min": %s, "max": %s, "runs": %s, "details": %s, "goal": %s, "ratio": %s, "ratio_of": %s}' \
      "$sep" "$(json_str "$id")" "$(json_str "$bench")" "$(json_str "$unit")" "$(json_num "$m")" "$(json_num "$lo")" "$(json_num "$hi")" \
      "$(json_num "$n")" "$(json_str "$detail")" "$(json_str "$goal")" "$(json_num "$ratio")" "$(json_str "$ratio_of")"
    sep=$',\n'
  done
  printf '\n  ]\n}\n'
} >"$BASE.json"
{
  echo "Run of \`bench/run.sh${*:+ $*}\` (parts: $SELECTED), $START – ${END#* }, $((DURATION / 60)) min $((DURATION % 60)) s; commit \`$COMMIT\`;"
  echo "$(nproc) cores ($CPU_MODEL), $MEM_GIB GiB RAM, .NET SDK $DOTNET_SDK (Release, server GC)${PG_VERSION:+, PostgreSQL $PG_VERSION (default durability)}${WRK_VERSION:+, wrk $WRK_VERSION};"
  echo "load average $LOAD_START at start, $LOAD_END at end; knobs: ${CHANGED_KNOBS:-the defaults of the full run}. Status: **$STATUS**${FAILURE_TEXT:+: $FAILURE_TEXT}."
  echo
  echo "| benchmark | median | min–max | runs | details | goal / yardstick (this run) | ratio |"
  echo "|---|---|---|---|---|---|---|"
  for r in "${RECORDS[@]}"; do
    IFS=$US read -r id bench unit m lo hi n detail goal ratio ratio_of <<<"$r"
    echo "| $bench | **$m $unit** | $lo–$hi | $n | ${detail:-—} | ${goal:-—} | ${ratio:+**$ratio** }${ratio_of:-—} |"
  done
} >"$BASE.md"

echo
section "results ($STATUS): $BASE.json and $BASE.md"
cat "$BASE.md"
for f in "${FAILURES[@]}"; do echo "FAILED: $f" >&2; done
[ "$STATUS" = passed ]
