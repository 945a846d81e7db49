#!/usr/bin/env bash
# Benchmark of bibliography import (issue 8): generates a 10,000-entry .bib (python3), publishes the CLI
# (Release: a Native AOT binary), and times `evidence import FILE.bib` into an empty evidence repo, then
# `evidence export` of the result. Target: the import under 2 s.
#
# usage: bench/bib-bench.sh [--entries N] [--runs N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
entries=10000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --entries) entries=$2; shift ;;
    --runs) runs=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
bib="$out/bench-$entries.bib"
[ -f "$bib" ] || python3 "$here/gen_bib.py" "$bib" "$entries"
exe="$out/pub-bib/evidence"
if [ ! -x "$exe" ] || [ -n "$(find "$root/src" -name '*.cs' -newer "$exe" -print -quit)" ]; then
  echo "publishing (Release, Native AOT)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/pub-bib" -v quiet -nologo >/dev/null
fi

# what the file system alone takes to create as many small files, for comparison
base=$(python3 - "$out/fs-baseline" "$entries" <<'PY'
import os, shutil, sys, time
d, n = sys.argv[1], int(sys.argv[2])
shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
t0 = time.time()
for i in range(n):
    with open(f"{d}/s{i}.yaml", "x") as f:
        f.write("id: x\ntype: journal-article\ntitle: y\n" * 6)
print(f"{time.time() - t0:.3f}")
shutil.rmtree(d)
PY
)
rm -rf "$out/bib-dry"; mkdir -p "$out/bib-dry/sources"
t0=$(date +%s.%N)
"$exe" --root "$out/bib-dry" import --dry-run "$bib" >/dev/null 2>&1 || true
t1=$(date +%s.%N)
dry=$(echo "$t1 - $t0" | bc -l)

times=()
for r in $(seq "$runs"); do
  repo="$out/bib-repo"
  rm -rf "$repo"; mkdir -p "$repo/sources"
  sync
  t0=$(date +%s.%N)
  "$exe" --root "$repo" import "$bib" >"$out/bib-import.txt" 2>&1 || true
  t1=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}')
best=$(printf '%s\n' "${times[@]}" | sort -n | head -n1 | awk '{printf "%.3f", $1}')
mem=$(/usr/bin/time -f "%M" "$exe" --root "$out/bib-repo" import --dry-run "$bib" 2>&1 >/dev/null | tail -n1 | awk '{printf "%.0f", $1/1024}')
echo "import of $entries entries into an empty repo: median ${median} s, best ${best} s over $runs runs ($(ls "$out/bib-repo/sources" | wc -l) sources written)"
echo "  $(tail -n1 "$out/bib-import.txt")"
printf 'the same import as a dry run (read, parse, dedupe, render and verify; no file written): %.3f s\n' "$dry"
echo "file-system baseline: python3 creating $entries small files takes ${base} s on this machine now"
echo "re-import (dry run, everything a duplicate): peak ${mem} MB"
t0=$(date +%s.%N)
"$exe" --root "$out/bib-repo" export --format bibtex --output "$out/bib-export.bib"
t1=$(date +%s.%N)
printf 'export of the result as BibTeX: %.3f s\n' "$(echo "$t1 - $t0" | bc -l)"
