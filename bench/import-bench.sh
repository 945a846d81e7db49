#!/usr/bin/env bash
# Benchmark of `evidence import` + `evidence check` (issue 4): 1,000 generated articles of about 10 KB each
# (English and Chinese, 8-12 footnotes each, URLs shared across articles) imported into an empty evidence repo,
# then checked. Budget: under 10 s for both together.
#
# usage: bench/import-bench.sh [--count N] [--runs N] [--no-publish]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
count=1000
runs=3
publish=1
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift ;;
    --runs) runs=$2; shift ;;
    --no-publish) publish=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
input="$out/articles-$count"
[ -d "$input" ] || python3 "$here/gen_articles.py" "$input" "$count"
echo "input: $count articles, $(du -sk "$input" | cut -f1) KB"

exe="$out/pub/evidence"
if [ "$publish" = 1 ] || [ ! -x "$exe" ]; then
  echo "publishing (Release, Native AOT)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/pub" -v quiet -nologo >/dev/null
fi

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

for run in $(seq "$runs"); do
  repo="$out/import-repo"
  rm -rf "$repo"
  mkdir -p "$repo"
  echo "title: Import benchmark" > "$repo/evidence.yaml"
  sync
  ti=$(seconds "$exe" --root "$repo" import "$input")
  tc=$(seconds "$exe" --root "$repo" check --format json)
  tr=$(seconds "$exe" --root "$repo" import "$input")
  files=$(find "$repo" -type f | wc -l)
  printf 'run %d: import %.2f s, check %.2f s, together %.2f s (%d files written); re-import (no change) %.2f s\n' \
    "$run" "$ti" "$tc" "$(echo "$ti + $tc" | bc -l)" "$files" "$tr"
done
"$exe" --root "$out/import-repo" check | tail -n 1
