#!/usr/bin/env bash
# Prints Lokadaya's performance figures beside a reference, in one run:
#  1. each public page and API list under wrk (2 threads, 32 connections),
#     lokadaya against nginx serving the very same bytes from disk:
#     requests per second, their ratio, p50 and p99;
#  2. memory: peak resident memory of the first start on an empty database
#     with --demo, idle memory after a restart, peak under the load above
#     (VmHWM and VmRSS from /proc; TestMemoryGoals in bench/memory_test.go
#     checks the first two, LOKADAYA_MEMORY_CHECK=1);
#  3. start: exec to a healthy /healthz on the migrated database, median of
#     several restarts;
#  4. donations: gateway-confirmed donations per second over HTTP beside
#     plain single-row SQLite inserts (bench/donations);
#  5. the compressed first-view weight of the public pages, and their
#     Largest Contentful Paint on a throttled phone (bench/lcp, with
#     Chromium when it is installed).
# wrk and nginx come from the distribution's packages; they are installed
# when missing and this runs as root with apt-get. Everything listens on
# 127.0.0.1 only.
#
#   bench/run.sh [-d 10s] [-c 32] [--restarts 5] [--donations 400]
set -euo pipefail
cd "$(dirname "$0")/.."

dur=10s conns=32 restarts=5 donations=400
while [ $# -gt 0 ]; do
  case "$1" in
    -d) dur=$2; shift 2 ;;
    -c) conns=$2; shift 2 ;;
    --restarts) restarts=$2; shift 2 ;;
    --donations) donations=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  else
    echo "needs ${need[*]} (apt-get install ${need[*]})" >&2
    exit 1
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

dir=$(mktemp -d)
chmod 755 "$dir"
port=18099 nport=18098
base=http://127.0.0.1:$port
pid= npid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$npid" ] && kill "$npid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

go build -o "$dir/lokadaya" ./cmd/lokadaya
serve() { # extra flags
  "$dir/lokadaya" serve --addr 127.0.0.1:$port --db "sqlite:$dir/bench.db" --uploads-dir "$dir/uploads" "$@" \
    >>"$dir/serve.log" 2>&1 &
  pid=$!
}
healthy() { curl -fs "$base/healthz" >/dev/null 2>&1; }
status() { awk -v k="$1:" '$1 == k {print int($2/1024)}' "/proc/$pid/status"; }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "== memory and start (SQLite, demo data)"
serve --demo
until healthy; do sleep 0.05; done
sleep 2
first_peak=$(status VmHWM)
stop
starts=()
for _ in $(seq 1 "$restarts"); do
  t0=$(date +%s%N)
  serve
  until healthy; do sleep 0.005; done
  starts+=("$(ms_since "$t0")")
  [ ${#starts[@]} -lt "$restarts" ] && stop
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
sleep 5
idle=$(status VmRSS)
printf '%-44s %6s MB   (goal ≤ 150)\n' "peak, first start with --demo" "$first_peak"
printf '%-44s %6s MB   (goal ≤ 60)\n' "idle after a restart" "$idle"
printf '%-44s %6s ms   (goal ≤ 500; each: %s)\n' "start to /healthz, median of $restarts" "$median" "${starts[*]}"

# The pages: every public list and page of the demo world, and the API lists.
first_slug() { curl -fs "$base$1" | { grep -o '"slug":"[^"]*"' || true; } | awk -F'"' 'NR == 1 { print $4 }'; }
campaign=$(first_slug /api/v1/campaigns)
org=$(first_slug /api/v1/organizations)
pages=(/ /galang-daya "/galang-daya/$campaign" /organisasi "/organisasi/$org" /inisiatif /simpul
  /wilayah /wilayah/32 /peta "/cari?q=air" /data /tentang-data
  /api/v1/campaigns /api/v1/organizations /api/v1/initiatives /api/v1/regions)

# nginx serves the same bytes, each page at its own path.
mkdir -p "$dir/www" "$dir/nginx"
chmod 755 "$dir/www" "$dir/nginx"
{
  echo "worker_processes auto; pid $dir/nginx/nginx.pid; error_log $dir/nginx/error.log;"
  [ "$(id -u)" = 0 ] && echo "user root;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx;"
  echo "  fastcgi_temp_path $dir/nginx; uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;"
  echo "  server { listen 127.0.0.1:$nport;"
  i=0
  for p in "${pages[@]}"; do
    i=$((i + 1))
    type=$(curl -fs -o "$dir/www/$i" -w '%{content_type}' "$base$p")
    chmod 644 "$dir/www/$i"
    # root and try_files, not alias: an alias of "/" is taken for a
    # directory, and nginx answered it with an error.
    echo "    location = ${p%%\?*} { default_type \"$type\"; root $dir/www; try_files /$i =404; }"
  done
  echo "  }"
  echo "}"
} >"$dir/nginx/nginx.conf"
"$NGINX" -c "$dir/nginx/nginx.conf" -g 'daemon off;' 2>>"$dir/nginx/error.log" &
npid=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$nport/" && break; sleep 0.05; done

# load URL → "req/s p50ms p99ms"
load() {
  wrk -t2 -c"$conns" -d"$dur" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "Requests/sec:" { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Non-2xx" { bad = $NF }
    END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, bad }'
}

echo
echo "== load: wrk -t2 -c$conns -d$dur, lokadaya (SQLite, demo data) beside nginx serving the same bytes"
printf '%-34s %9s %9s %6s %8s %8s %8s\n' page "lokadaya" "nginx" ratio "p50 ms" "p99 ms" "nginx p99"
for p in "${pages[@]}"; do
  read -r lr lp50 lp99 lbad < <(load "$base$p")
  read -r nr _ np99 nbad < <(load "http://127.0.0.1:$nport$p")
  ratio=$(awk -v a="$lr" -v b="$nr" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  note=""
  [ "$lbad" != 0 ] && note="  ($lbad non-2xx answers)"
  [ "$nbad" != 0 ] && note="$note  (nginx: $nbad non-2xx answers)"
  printf '%-34s %9s %9s %6s %8s %8s %8s%s\n' "$p" "$lr" "$nr" "$ratio" "$lp50" "$lp99" "$np99" "$note"
done
printf '%-44s %6s MB   (goal ≤ 150)\n' "peak under this load" "$(status VmHWM)"
kill "$npid"; wait "$npid" 2>/dev/null || true; npid=

echo
echo "== first-view weight (gzip, page + CSS + JS; budget 14 KB)"
size() { curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$1"; }
assets=$(($(size /static/style.css) + $(size /static/app.js)))
for p in "${pages[@]}"; do
  case "$p" in /api/*) continue ;; esac
  printf '%-34s %6d bytes\n' "$p" $(($(size "$p" || echo 0) + assets))
done

echo
echo "== Largest Contentful Paint on a throttled phone (goal ≤ 1 s)"
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  go run ./bench/lcp -base "$base"
else
  echo "skipped: needs chromium (apt-get install chromium)"
fi
stop

echo
echo "== donations: concurrent donors over HTTP, each confirmed by a signed gateway notification"
go run ./bench/donations -n "$donations" -workers 16
