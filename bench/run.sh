#!/usr/bin/env bash
# Prints Lokadaya's performance figures:
#  1. Go benchmarks of the busiest pages and API calls (in-process, SQLite),
#     and the donations load script (bench/donations: gateway donations over
#     HTTP, total checked to the rupiah, speed beside plain SQLite inserts);
#  2. the compressed first-view weight of public pages (budget: 50 KB);
#  3. with wrk installed (apt-get install wrk), a short bounded load test of a
#     local server on 127.0.0.1 with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== benchmarks"
go test -run '^$' -bench . -benchmem -count 1 ./bench/

echo "== donations load: concurrent donors over HTTP, each confirmed by a gateway notification"
go run ./bench/donations -n 200 -workers 16

echo "== first-view weight (gzip, page + CSS + JS)"
go build -o /tmp/lokadaya-bench ./cmd/lokadaya
dir=$(mktemp -d)
/tmp/lokadaya-bench serve --addr 127.0.0.1:18099 --db "sqlite:$dir/bench.db" --demo >"$dir/out.log" 2>"$dir/err.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -fs http://127.0.0.1:18099/healthz >/dev/null 2>&1 && break; sleep 0.2; done
size() { curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:18099$1"; }
assets=$(( $(size /static/style.css) + $(size /static/app.js) ))
for page in / /organisasi /simpul /wilayah /tentang-data; do
  printf '%-16s %6d bytes\n' "$page" $(( $(size "$page" || echo 0) + assets ))
done

if command -v wrk >/dev/null 2>&1; then
  echo "== load: 10 s, 2 threads, 16 connections, 127.0.0.1 only"
  for page in / /organisasi /api/v1/regions; do
    echo "-- $page"
    wrk -t2 -c16 -d10s --latency "http://127.0.0.1:18099$page" | grep -E 'Requests/sec|50%|99%'
  done
else
  echo "(wrk not installed: load test skipped)"
fi
