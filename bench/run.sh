#!/usr/bin/env bash
# bench/run.sh — the server benchmarks on PostgreSQL, one bounded run (about 6 minutes on 2 cores):
#   platform yardsticks (issue 2): wrk -t2 -c32 on GET /health/live and on an authenticated GET /api/v1/employers/{bin}
#     (a 5 s warm-up, then 3 runs of 15 s each, median requests/s and p99), time to ready (process start -> /health/ready 200 on an already
#     migrated database, 5 runs, median) and memory at idle (RSS 10 s after ready, median of the same runs);
#   permits (issue 3): submit + approve decisions/s and p50/p99 at 32 clients spread over the 20 regions' quota rows
#     (after a 60 s warm-up at the same load, so that the JIT has finished: the server's steady state), then one client
#     for 10 s (the uncontended cost), then 32 clients on one quota row (the hot-row case); then pgbench TPC-B-like
#     (-i -s 10; -c 32 -j 2 -T 30) on the same server, and the ratio decisions/s / pgbench tps (goal >= 0.5).
# It builds Release, starts a throw-away PostgreSQL (initdb + pg_ctl on a free loopback port; as root through
# runuser -u postgres), runs one app process against it, and stops and removes everything at the end, also on failure.
# Needs: dotnet, PostgreSQL server binaries (Debian 'postgresql'), wrk (Debian 'wrk'), curl.
#   demo data (issue 2): seed-demo --scale 11 (about a million rows) into an empty database with binary COPY;
#   engines (issues 4, 5): scoring (1M profiles), demography (1,000 trajectories), forecasting (1,000 series) — ENGINES=0 skips.
# Knobs (environment): WRK_RUNS=3 WRK_SECONDS=15 CONNECTIONS=32 DECISION_SECONDS=20 DECISION_WARMUP_SECONDS=60 QUOTA_ROWS=20
#   STARTUP_RUNS=5 PGBENCH_SECONDS=30
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WRK_RUNS=${WRK_RUNS:-3}
WRK_SECONDS=${WRK_SECONDS:-15}
CONNECTIONS=${CONNECTIONS:-32}
DECISION_SECONDS=${DECISION_SECONDS:-20}
DECISION_WARMUP_SECONDS=${DECISION_WARMUP_SECONDS:-60}
QUOTA_ROWS=${QUOTA_ROWS:-20}
STARTUP_RUNS=${STARTUP_RUNS:-5}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
DEMO_BIN=990340001230
DEMO_PASSWORD='Qonys-Demo-2026!'

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
for need in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pgbench" "$PG_BIN/createdb"; do
  [ -x "$need" ] || { echo "missing $need: apt-get install -y postgresql" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "missing wrk: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "missing curl: apt-get install -y curl" >&2; exit 2; }

WORK=$(mktemp -d /tmp/qonys-bench-XXXXXX)
chmod 755 "$WORK"  # the postgres user must reach its folder inside
APP_PID=""
PG_STARTED=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
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
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# wrk latency "12.34ms" / "850.00us" / "1.20s" -> milliseconds
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f\n", v }'; }
# result OUTPUT KEY: the value of KEY=... on the RESULT line a Qonys.Bench server benchmark prints
result() { sed -n 's/^RESULT //p' <<<"$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# busy_ticks: the machine's busy CPU ticks so far (all cores; user nice system irq softirq), as MachineBusyCpu reads them
busy_ticks() { awk 'NR == 1 { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start $(load)"

echo "== build (Release)"
dotnet build -c Release "$ROOT/bench/Qonys.Bench" -nologo -v q
WEB_DLL=$(ls "$ROOT"/src/Qonys.Web/bin/Release/net*/Qonys.Web.dll | head -n 1)
BENCH_DLL=$(ls "$ROOT"/bench/Qonys.Bench/bin/Release/net*/Qonys.Bench.dll | head -n 1)

echo "== PostgreSQL: throw-away cluster"
mkdir -p "$WORK/pg" "$WORK/app"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK/pg"
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U qonys -E UTF8 --no-locale >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" -w start >/dev/null
PG_STARTED=yes
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys qonys
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys pgbench
CS="Host=127.0.0.1;Port=$PG_PORT;Username=qonys;Database=qonys;Maximum Pool Size=100"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT (default durability: fsync on, synchronous_commit on)"

echo "== app: first start migrates and loads the demo data"
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
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@demo.qonys.kz\",\"password\":\"$DEMO_PASSWORD\"}" "$URL/api/v1/auth/token" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/api/v1/employers/$DEMO_BIN")
[ "$code" = 200 ] || { echo "GET /api/v1/employers/$DEMO_BIN answered $code" >&2; exit 1; }

# wrk_runs LABEL PATH [lua script]: WRK_RUNS runs, prints per-run figures, sets RPS and P99 to the medians
wrk_runs() {
  local label=$1 path=$2 script=${3:-} out rps_all="" p99_all="" i
  # 5 s warm-up, not counted: the first seconds of a fresh process run unoptimised (tiered JIT) code
  QONYS_TOKEN="$TOKEN" wrk -t2 "-c$CONNECTIONS" -d5s ${script:+-s "$script"} "$URL$path" >/dev/null
  for i in $(seq 1 "$WRK_RUNS"); do
    out=$(QONYS_TOKEN="$TOKEN" wrk -t2 "-c$CONNECTIONS" "-d${WRK_SECONDS}s" --timeout 10s --latency ${script:+-s "$script"} "$URL$path")
    local rps p99 errors
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
    errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 } /Socket errors:/ { print "socket errors: " $0 }' <<<"$out")
    echo "  $label run $i: $rps req/s, p99 $p99 ms ${errors:+(non-2xx: $errors)}"
    rps_all+="$rps"$'\n'; p99_all+="$p99"$'\n'
  done
  RPS=$(printf '%s' "$rps_all" | median); P99=$(printf '%s' "$p99_all" | median)
}

echo "== platform: wrk -t2 -c$CONNECTIONS -d${WRK_SECONDS}s, $WRK_RUNS runs each"
wrk_runs "GET /health/live" /health/live
LIVE_RPS=$RPS; LIVE_P99=$P99
wrk_runs "GET /api/v1/employers/{bin}" "/api/v1/employers/$DEMO_BIN" "$ROOT/bench/wrk/bearer.lua"
EMP_RPS=$RPS; EMP_P99=$P99

echo "== permits: submit + approve at $CONNECTIONS clients over $QUOTA_ROWS quota rows, $DECISION_SECONDS s after a $DECISION_WARMUP_SECONDS s warm-up"
DECISIONS_OUT=$(dotnet "$BENCH_DLL" permits-decisions --url "$URL" --connection-string "$CS" --clients "$CONNECTIONS" \
  --seconds "$DECISION_SECONDS" --warmup-seconds "$DECISION_WARMUP_SECONDS" --quota-rows "$QUOTA_ROWS")
echo "$DECISIONS_OUT"
DPS=$(result "$DECISIONS_OUT" decisions_per_s)
echo "== permits: one client for 10 s (the cost of one decision without contention)"
SINGLE_OUT=$(dotnet "$BENCH_DLL" permits-decisions --url "$URL" --connection-string "$CS" --clients 1 --seconds 10)
echo "$SINGLE_OUT" | grep -v '^RESULT'
echo "== permits: $CONNECTIONS clients on one quota row (KZ-35, category 3) for $DECISION_SECONDS s"
HOT_OUT=$(dotnet "$BENCH_DLL" permits-decisions --url "$URL" --connection-string "$CS" --clients "$CONNECTIONS" --seconds "$DECISION_SECONDS")
echo "$HOT_OUT" | grep -v '^RESULT'

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== platform: time to ready and memory at idle, $STARTUP_RUNS runs"
STARTUP_OUT=$(dotnet "$BENCH_DLL" platform-startup --web-dll "$WEB_DLL" --connection-string "$CS" --runs "$STARTUP_RUNS" --idle-seconds 10)
echo "$STARTUP_OUT"

echo "== pgbench: -i -s 10, then TPC-B-like -c $CONNECTIONS -j 2 -T $PGBENCH_SECONDS"
"$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U qonys -i -s 10 -q pgbench >/dev/null 2>&1
BUSY_START=$(busy_ticks)
PGBENCH_OUT=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U qonys -c "$CONNECTIONS" -j 2 -T "$PGBENCH_SECONDS" pgbench 2>&1)
BUSY_END=$(busy_ticks)
echo "$PGBENCH_OUT" | grep -E '^(latency average|tps|number of failed)'
TPS=$(awk '/^tps = / { print $3 }' <<<"$PGBENCH_OUT")
PGBENCH_TX=$(awk '/^number of transactions actually processed:/ { print $6 }' <<<"$PGBENCH_OUT")
PGBENCH_CPU_MS=$(awk -v s="$BUSY_START" -v e="$BUSY_END" -v n="$PGBENCH_TX" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", (e - s) * 1000 / hz / n }')
echo "machine CPU $PGBENCH_CPU_MS ms per pgbench transaction"

echo "== demo data: seed-demo --scale 11 (about a million rows) into an empty database, binary COPY"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys seedbench
SEED_START=$(date +%s.%N)
SEED_OUT=$(cd "$(dirname "$WEB_DLL")" && dotnet "$WEB_DLL" seed-demo --scale 11 --Qonys:Database:Provider=postgresql \
  "--Qonys:Database:ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=qonys;Database=seedbench" 2>&1 | tail -n 1)
SEED_WALL=$(awk -v s="$SEED_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "$SEED_OUT (process wall time ${SEED_WALL} s, including start-up and migrations)"

if [ "${ENGINES:-1}" = 1 ]; then
  # The engines have no database: they run after the server measurements, alone on the machine.
  for engine in scoring demography forecasting; do
    echo "== engine: $engine"
    dotnet "$BENCH_DLL" "$engine"
  done
fi

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'); load average at end $(load))"
printf '%-46s %12s %12s\n' "measure" "median" "p99 ms"
printf '%-46s %12s %12s\n' "GET /health/live req/s" "$LIVE_RPS" "$LIVE_P99"
printf '%-46s %12s %12s\n' "GET /api/v1/employers/{bin} (bearer) req/s" "$EMP_RPS" "$EMP_P99"
printf '%-46s %12s\n' "time to ready, ms" "$(result "$STARTUP_OUT" time_to_ready_ms)"
printf '%-46s %12s\n' "RSS at idle, MiB" "$(result "$STARTUP_OUT" idle_rss_mib)"
printf '%-46s %12s %12s\n' "permits: decisions/s, $QUOTA_ROWS quota rows" "$DPS" "$(result "$DECISIONS_OUT" decision_p99_ms)"
printf '%-46s %12s %12s\n' "permits: decisions/s at 1 client" "$(result "$SINGLE_OUT" decisions_per_s)" "$(result "$SINGLE_OUT" decision_p99_ms)"
printf '%-46s %12s %12s\n' "permits: decisions/s, one quota row" "$(result "$HOT_OUT" decisions_per_s)" "$(result "$HOT_OUT" decision_p99_ms)"
printf '%-46s %12s\n' "permits: errors / oversubscribed rows" "$(result "$DECISIONS_OUT" errors)+$(result "$HOT_OUT" errors) / $(result "$HOT_OUT" oversubscribed_rows)"
printf '%-46s %12s\n' "pgbench TPC-B-like tps (32 clients)" "$TPS"
printf '%-46s %12s\n' "demo data scale 11, seconds (process wall)" "$SEED_WALL"
printf '%-46s %12s\n' "ratio decisions/s / pgbench tps (goal >= 0.5)" "$(awk -v d="$DPS" -v t="$TPS" 'BEGIN { printf "%.4f", d / t }')"
printf '%-46s %12s\n' "machine CPU ms per decision / per pgbench tx" "$(result "$DECISIONS_OUT" cpu_ms_per_decision) / $PGBENCH_CPU_MS"
printf '%-46s %12s\n' "  the same on one quota row" "$(awk -v d="$(result "$HOT_OUT" decisions_per_s)" -v t="$TPS" 'BEGIN { printf "%.4f", d / t }')"
