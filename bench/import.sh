#!/usr/bin/env bash
# bench/import.sh — the bulk import's rows per second (issue 12) against its yardstick measured in the same run on the same
# server: psql's \copy of the same CSV file into a table of the file's columns with a unique index on the IIN (goal:
# import >= 0.5 x \copy), and, for comparison, into a table of the persons table's shape (its columns and its three
# unique indexes). Kept apart from bench/run.sh so that it can be run alone; docs/benchmarks.md "Bulk import" quotes it.
#
# It builds Release, starts a throw-away PostgreSQL (initdb + pg_ctl on a free loopback port, default durability; as root
# through runuser -u postgres), writes a persons file of ROWS valid rows (iin,fullName,birthDate,regionCode; unique IINs
# with their check digits), then RUNS times: \copy into an empty table, and the import command (a new process: start-up,
# the file's SHA-256 and the reference check included) into a freshly migrated database; figures are wall times, as the
# median with min-max. Needs: dotnet, PostgreSQL server binaries and psql (Debian 'postgresql'), awk.
# Knobs (environment): ROWS=1000000 RUNS=3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
for need in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/createdb" "$PG_BIN/dropdb" "$PG_BIN/psql"; do
  [ -x "$need" ] || { echo "missing $need: apt-get install -y postgresql" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/qonys-import-bench-XXXXXX)
chmod 755 "$WORK"
PG_STARTED=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
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
stats() { awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
now() { date +%s.%N; }

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== build (Release)"
dotnet build -c Release "$ROOT/src/Qonys.Web" -nologo -v q >/dev/null
WEB_DLL=$(ls "$ROOT"/src/Qonys.Web/bin/Release/net*/Qonys.Web.dll | head -n 1)

echo "== PostgreSQL: throw-away cluster"
mkdir -p "$WORK/pg" "$WORK/app"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK/pg"
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U qonys -E UTF8 --no-locale >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -w start >/dev/null
PG_STARTED=yes
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U qonys -v ON_ERROR_STOP=1 -q)

echo "== file: $ROWS persons"
FILE="$WORK/persons.csv"
# IIN = birth date (YYMMDD), century and sex digit, a 4-digit serial, the check digit (weights 1..11, then 3..11,1,2 when
# the first sum gives 10; a serial whose second sum gives 10 too has no valid number and takes the next free serial).
awk -v rows="$ROWS" 'BEGIN {
  split("1 2 3 4 5 6 7 8 9 10 11", w1, " "); split("3 4 5 6 7 8 9 10 11 1 2", w2, " ")
  split("KZ-10 KZ-11 KZ-15 KZ-19 KZ-31 KZ-33 KZ-35 KZ-39 KZ-55 KZ-59 KZ-61 KZ-62 KZ-63 KZ-71 KZ-75 KZ-79", regions, " ")
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  print "iin,fullName,birthDate,regionCode"
  days = 0; y = 1950; m = 1; d = 1
  for (i = 0; i < rows; i++) {
    if (i % 20000 == 0) { y = 1950; m = 1; d = 1 }
    cen = (y >= 2000) ? (i % 2 ? 6 : 5) : (i % 2 ? 4 : 3)
    for (s = int(i / 20000); ; s += 50) {
      eleven = sprintf("%02d%02d%02d%d%04d", y % 100, m, d, cen, s)
      sum = 0; for (k = 1; k <= 11; k++) sum += substr(eleven, k, 1) * w1[k]
      c = sum % 11
      if (c == 10) { sum = 0; for (k = 1; k <= 11; k++) sum += substr(eleven, k, 1) * w2[k]; c = sum % 11 }
      if (c != 10) break
    }
    printf "%s%d,\"Person %d, of the register\",%04d-%02d-%02d,%s\n", eleven, c, i, y, m, d, regions[i % 16 + 1]
    feb = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
    last = (m == 2) ? feb : mdays[m]
    if (++d > last) { d = 1; if (++m > 12) { m = 1; y++ } }
  }
}' >"$FILE"
chmod 644 "$FILE"
echo "$(wc -c <"$FILE") bytes"

COPY_S=(); SHAPE_S=(); IMPORT_S=()
for i in $(seq 1 "$RUNS"); do
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys copybench
  "${PSQL[@]}" -d copybench -c "CREATE TABLE persons_copy (iin varchar(12) NOT NULL, full_name varchar(300) NOT NULL, birth_date date NOT NULL, region_code varchar(8)); CREATE UNIQUE INDEX ON persons_copy (iin);"
  t0=$(now)
  "${PSQL[@]}" -d copybench -c "\\copy persons_copy FROM '$FILE' WITH (FORMAT csv, HEADER true)"
  t1=$(now)
  COPY_S+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
  # The same \copy into a table of the persons table's shape: its columns (those the file lacks by default) and its
  # three unique indexes (id, iin, passport), which is what the import writes into.
  "${PSQL[@]}" -d copybench -c "CREATE TABLE persons_shape (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, iin varchar(12), passport_number varchar(20), passport_country varchar(2), full_name varchar(300) NOT NULL, birth_date date NOT NULL, sex varchar(1) NOT NULL DEFAULT 'M', citizenship varchar(2) NOT NULL DEFAULT 'KZ', created_at timestamptz NOT NULL DEFAULT now(), region_code varchar(8)); CREATE UNIQUE INDEX ON persons_shape (iin); CREATE UNIQUE INDEX ON persons_shape (passport_country, passport_number);"
  t0=$(now)
  "${PSQL[@]}" -d copybench -c "\\copy persons_shape (iin, full_name, birth_date, region_code) FROM '$FILE' WITH (FORMAT csv, HEADER true)"
  t1=$(now)
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys copybench
  SHAPE_S+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")

  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys importbench
  CS="Host=127.0.0.1;Port=$PG_PORT;Username=qonys;Database=importbench"
  ARGS=(--Qonys:Mode=production --Qonys:Database:Provider=postgresql "--Qonys:Database:ConnectionString=$CS" "--Qonys:Database:DataFolder=$WORK/app")
  (cd "$(dirname "$WEB_DLL")" && dotnet "$WEB_DLL" migrate "${ARGS[@]}" >/dev/null)
  rm -f "$WORK/persons.rejects.csv"
  t0=$(now)
  OUT=$(cd "$(dirname "$WEB_DLL")" && dotnet "$WEB_DLL" import --kind persons --file "$FILE" "${ARGS[@]}")
  t1=$(now)
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U qonys importbench
  [ "$OUT" = "imported $ROWS, rejected 0, skipped 0" ] || { echo "FAILED: the import printed '$OUT'" >&2; exit 1; }
  IMPORT_S+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
  echo "run $i: \\copy ${COPY_S[-1]} s, \\copy into the persons shape ${SHAPE_S[-1]} s, import ${IMPORT_S[-1]} s"
done

read -r COPY_M COPY_LO COPY_HI N < <(printf '%s\n' "${COPY_S[@]}" | stats)
read -r SHAPE_M SHAPE_LO SHAPE_HI _ < <(printf '%s\n' "${SHAPE_S[@]}" | stats)
read -r IMP_M IMP_LO IMP_HI _ < <(printf '%s\n' "${IMPORT_S[@]}" | stats)
rate() { awk -v r="$ROWS" -v s="$1" 'BEGIN { printf "%.0f", r / s }'; }
echo "== results ($N runs, median (min-max) wall time; PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'); load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "psql \\copy: $COPY_M s ($COPY_LO-$COPY_HI) = $(rate "$COPY_M") rows/s"
echo "psql \\copy into the persons shape: $SHAPE_M s ($SHAPE_LO-$SHAPE_HI) = $(rate "$SHAPE_M") rows/s"
echo "import:     $IMP_M s ($IMP_LO-$IMP_HI) = $(rate "$IMP_M") rows/s"
echo "ratio import / \\copy: $(awk -v a="$COPY_M" -v b="$IMP_M" 'BEGIN { printf "%.2f", a / b }') (goal >= 0.5); import / \\copy into the persons shape: $(awk -v a="$SHAPE_M" -v b="$IMP_M" 'BEGIN { printf "%.2f", a / b }')"
