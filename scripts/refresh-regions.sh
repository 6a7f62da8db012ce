#!/usr/bin/env bash
# Replaces the embedded Kemendagri region list with another edition of the
# idn-area-data package (ODbL 1.0, by Fityan Nugroho).
#
#   scripts/refresh-regions.sh 4.0.1
#
# It downloads the package with `npm pack` into a temporary directory,
# checks the CSV headers, gzips provinces/regencies/districts/villages.csv
# into internal/region/regiondata/data/ and prints the counts. Migrations are
# forward-only: a new edition must be loaded by a NEW migration that calls
# regiondata.Load (see docs/data.md).
set -euo pipefail

if [ $# -ne 1 ] || ! [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: $0 VERSION   (for example: $0 4.0.1)" >&2
  exit 2
fi
version="$1"
command -v npm >/dev/null || { echo "npm is needed to download idn-area-data" >&2; exit 1; }

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/internal/region/regiondata/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== downloading idn-area-data@$version"
(cd "$work" && npm pack --silent "idn-area-data@$version" >/dev/null)
tar -xzf "$work"/idn-area-data-*.tgz -C "$work"

# The header each file must have: the loader reads columns by position.
declare -A header=(
  [provinces]="code,name"
  [regencies]="code,province_code,name"
  [districts]="code,regency_code,name"
  [villages]="code,district_code,name"
)

for name in provinces regencies districts villages; do
  src="$(find "$work/package" -name "$name.csv" -print -quit)"
  if [ -z "$src" ]; then
    echo "$name.csv not found in the package" >&2
    exit 1
  fi
  got="$(head -n1 "$src" | tr -d '\r')"
  if [ "$got" != "${header[$name]}" ]; then
    echo "$name.csv: header is '$got', expected '${header[$name]}'" >&2
    exit 1
  fi
  tr -d '\r' <"$src" | gzip -9 -n >"$dest/$name.csv.gz.tmp"
  mv "$dest/$name.csv.gz.tmp" "$dest/$name.csv.gz"
  printf '%-10s %7d rows\n' "$name" "$(($(wc -l <"$src") - 1))"
done

cat <<MSG

Done: internal/region/regiondata/data/ now holds idn-area-data $version.
Next steps (migrations are forward-only, never edit an applied one):
  1. Update regiondata.Edition and docs/data.md (regulation, counts).
  2. Add a NEW Go migration in internal/migrations/migrations.go, e.g.
       {Version: N, Name: "regions_<edition>", Func: regiondata.Load},
     so that existing databases upsert the new edition.
  3. Run the tests: the region counts in the tests may need the new figures.
MSG
