#!/usr/bin/env bash
# Runs every test: unit and storage tests on SQLite and PostgreSQL, handler
# tests, and the headless-Chromium browser tests. It starts a local
# PostgreSQL and installs Debian's chromium and poppler-utils (pdftotext) when
# they are missing and it may (as root, e.g. in CI); otherwise those tests are
# skipped with a notice. axe-core, which the browser tests run on key pages,
# is installed with npm into node_modules/ (ignored by git) when missing.
# Last, every fuzz target runs for a few seconds (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils) # checks the PDFs internal/pdf writes
  command -v psql >/dev/null 2>&1 || need+=(postgresql) # with its client: pg_dump and pg_restore for internal/backup
  if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -q 2>/dev/null; then
    echo "== starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
  fi
fi

if [ -z "${LOKADAYA_TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  export LOKADAYA_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
fi
echo "== PostgreSQL for tests: ${LOKADAYA_TEST_POSTGRES_URL:-none (PostgreSQL tests skipped)}"

# The accessibility checks run this exact axe-core in the browser tests.
AXE_VERSION=4.14.1
axe_js="$PWD/node_modules/axe-core/axe.min.js"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" node_modules/axe-core/package.json; then
  echo "== installing axe-core $AXE_VERSION"
  npm install --no-save --no-package-lock --no-audit --no-fund "axe-core@$AXE_VERSION" >/dev/null
fi
export LOKADAYA_AXE_JS="$axe_js"

echo "== go vet"
go vet ./...
echo "== go test -race"
# The handler and browser package takes longest: it starts at once, beside
# the others, instead of last in the package order. Its output follows
# theirs.
web_log=$(mktemp)
go test -race -count=1 -timeout 60m ./internal/web/ >"$web_log" 2>&1 &
web=$!
rc=0
go test -race -count=1 -timeout 60m $(go list ./... | grep -vx 'lokadaya/internal/web') || rc=1
wait "$web" || rc=1
cat "$web_log"
rm -f "$web_log"
[ "$rc" = 0 ] || exit 1

# The fuzzers run beside the PostgreSQL pass; their output follows it.
fuzz_log=$(mktemp)
# One fuzzing worker, so the browser tests keep a core.
FUZZ_PARALLEL=1 bash scripts/fuzz.sh >"$fuzz_log" 2>&1 &
fuzz=$!
if [ -n "${LOKADAYA_TEST_POSTGRES_URL:-}" ]; then
  echo "== handler and browser tests again, on PostgreSQL"
  LOKADAYA_TEST_DB=postgres go test -count=1 -timeout 30m ./internal/web/ || rc=1
fi
echo "== fuzzing"
wait "$fuzz" || rc=1
cat "$fuzz_log"
rm -f "$fuzz_log"
exit "$rc"
