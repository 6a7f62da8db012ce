#!/usr/bin/env bash
# The national-scale benchmark: generates a database of the chosen size on
# SQLite and on PostgreSQL (lokadaya generate), serves each with
# `lokadaya serve` on 127.0.0.1, and loads the public pages and API lists
# with the Go load client (bench/national), which prints p50/p95/p99 and
# requests per second beside the goal (p95 ≤ 50 ms).
#
#   bench/national/run.sh [--orgs N] [--campaigns N] [--contributions N]
#                         [--db sqlite|postgres|both] [-c CLIENTS] [-d 10s] [--keep]
#
# PostgreSQL: LOKADAYA_BENCH_POSTGRES_URL names the server (default
# postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable); a database
# lokadaya_bench is created there and dropped afterwards. Data goes under
# LOKADAYA_BENCH_DIR (default /tmp/bench-data) and is deleted afterwards
# unless --keep. Check free disk first: 10 million contributions take about
# 7 GB on SQLite.
set -euo pipefail
cd "$(dirname "$0")/../.."

orgs=10000 campaigns=30000 contributions=1000000 which=both conc=8 dur=10s keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --orgs) orgs=$2; shift 2 ;;
    --campaigns) campaigns=$2; shift 2 ;;
    --contributions) contributions=$2; shift 2 ;;
    --db) which=$2; shift 2 ;;
    -c) conc=$2; shift 2 ;;
    -d) dur=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

dir=${LOKADAYA_BENCH_DIR:-/tmp/bench-data}
pg=${LOKADAYA_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
pgdb=$(echo "$pg" | sed -E 's#/[^/?]*(\?|$)#/lokadaya_bench\1#')
addr=127.0.0.1:18100
mkdir -p "$dir"
go build -o "$dir/lokadaya" ./cmd/lokadaya
go build -o "$dir/national" ./bench/national

pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ "$keep" = 0 ]; then
    rm -f "$dir"/national.db "$dir"/national.db-wal "$dir"/national.db-shm
    if [ "$which" != sqlite ]; then psql "$pg" -qc 'DROP DATABASE IF EXISTS lokadaya_bench' >/dev/null 2>&1 || true; fi
  fi
}
trap cleanup EXIT

run() { # name, database URL
  echo "== $1: generate $orgs organisations, $campaigns campaigns, $contributions contributions"
  "$dir/lokadaya" generate --db "$2" --orgs "$orgs" --campaigns "$campaigns" --contributions "$contributions" |
    grep -v '^\(organisations\|campaigns\|contributions\) [0-9]'
  echo "== $1: serve on $addr"
  LOKADAYA_LOG_LEVEL=warn "$dir/lokadaya" serve --addr "$addr" --db "$2" >"$dir/serve.log" 2>&1 &
  pid=$!
  ready=0
  for _ in $(seq 1 600); do curl -fs "http://$addr/readyz" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.5; done
  if [ "$ready" = 0 ]; then echo "$1: the server did not answer within 5 minutes (see $dir/serve.log)" >&2; exit 1; fi
  "$dir/national" -base "http://$addr" -db "$2" -c "$conc" -d "$dur"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

if [ "$which" != postgres ]; then
  rm -f "$dir"/national.db "$dir"/national.db-wal "$dir"/national.db-shm
  run sqlite "sqlite:$dir/national.db"
fi
if [ "$which" != sqlite ]; then
  psql "$pg" -qc 'DROP DATABASE IF EXISTS lokadaya_bench' -c 'CREATE DATABASE lokadaya_bench' >/dev/null
  run postgres "$pgdb"
fi
