#!/usr/bin/env bash
# Runs every fuzz target (every `func FuzzXxx` in a _test.go file) for a
# bounded time each, so the test run keeps looking for inputs the unit tests
# miss. Go runs each target's seed corpus (its f.Add calls and the files in
# testdata/fuzz/FuzzXxx/) first, then mutates it for FUZZTIME.
#
# A failing input is written by Go to the package's testdata/fuzz/FuzzXxx/;
# commit that file with the fix: from then on it runs with the ordinary tests.
#
#   FUZZTIME=3s bash scripts/fuzz.sh          # the default, as the tests run it
#   FUZZ_PARALLEL=1 bash scripts/fuzz.sh      # one fuzzing process (default: one per core)
#   FUZZ_ONLY='^FuzzPackageSearch$' bash scripts/fuzz.sh   # the targets matching a regex
#   bash scripts/fuzz.sh --save-corpus 8      # also keep up to 8 of the inputs Go
#                                             # found interesting in testdata, as seeds
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-3s}
retrytime=${FUZZ_RETRY_TIME:-20s}
workers=${FUZZ_PARALLEL:-$(nproc)}
save=0
if [ "${1:-}" = "--save-corpus" ]; then
  save=${2:?usage: scripts/fuzz.sh [--save-corpus N]}
fi
cache="$(go env GOCACHE)/fuzz"
module=$(go list -m)

failed=()
count=0
start=$(date +%s)
while IFS= read -r file; do
  dir=$(dirname "$file")
  for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
    [[ "$target" =~ ${FUZZ_ONLY:-.} ]] || continue
    count=$((count + 1))
    log=$(mktemp)
    ok=0
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -parallel "$workers" "./$dir" >"$log" 2>&1 && ok=1
    # Go fails a target whose seed corpus takes longer to run than the
    # fuzzing time (a handler target starts a server in each worker): that
    # is a slow start on a busy machine, not a finding, so it runs again
    # with time to spare.
    if [ "$ok" = 0 ] && grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
      echo "slow  $dir $target: its seed corpus outlasted $fuzztime; again for $retrytime"
      go test -run '^$' -fuzz "^${target}\$" -fuzztime "$retrytime" -parallel "$workers" "./$dir" >"$log" 2>&1 && ok=1
    fi
    if [ "$ok" = 1 ]; then
      echo "ok    $dir $target"
    else
      echo "FAIL  $dir $target"
      cat "$log"
      failed+=("$dir $target")
    fi
    rm -f "$log"
    if [ "$save" -gt 0 ] && [ -d "$cache/$module/$dir/$target" ]; then
      mkdir -p "$dir/testdata/fuzz/$target"
      have=$(find "$dir/testdata/fuzz/$target" -type f | wc -l)
      # The smallest inputs first: they name what matters most briefly.
      mapfile -t found < <(find "$cache/$module/$dir/$target" -type f -size -2k -printf '%s %p\n' | sort -n | cut -d' ' -f2-)
      for path in "${found[@]:0:$((save > have ? save - have : 0))}"; do
        cp -n "$path" "$dir/testdata/fuzz/$target/"
      done
    fi
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' internal cmd 2>/dev/null | sort)

echo "== fuzzed $count targets for $fuzztime each in $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "== fuzzing found failing inputs in:"
  printf '   %s\n' "${failed[@]}"
  echo "   Go wrote each input to the package's testdata/fuzz/; commit it with the fix."
  exit 1
fi
