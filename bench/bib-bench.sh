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

# The imports write into fresh folders under $TMPDIR (default /tmp), and again under /dev/shm (tmpfs) where there is
# one. This machine's ext4 is erratic for mass file creation: python3 creates 10,000 small files in 0.3 s on a
# good minute and in 5 s after mass deletions (the disk is mounted with `discard`). Each place is timed next to
# what python3 alone takes there, just before; tmpfs shows the import's own cost, free of the disk.
rm -rf "$out"/fs-baseline* "$out"/bib-repo "$out"/bib-run-*

# seconds python3 takes to create $entries small files in a new folder $1
baseline() {
  python3 - "$1" "$entries" <<'PY'
import os, sys, time
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d)
t0 = time.time()
for i in range(n):
    with open(f"{d}/s{i}.yaml", "x") as f:
        f.write("id: x\ntype: journal-article\ntitle: y\n" * 6)
print(f"{time.time() - t0:.3f}")
PY
}

rm -rf "$out/bib-dry"; mkdir -p "$out/bib-dry/sources"
t0=$(date +%s.%N)
"$exe" --root "$out/bib-dry" import --dry-run "$bib" >/dev/null 2>&1 || true
t1=$(date +%s.%N)
printf 'import as a dry run (read, parse, dedupe, render and verify; no file written): %.3f s\n' "$(echo "$t1 - $t0" | bc -l)"

# times $runs imports, each into a folder never used before, under $1 (removed afterwards but for the last run)
time_imports() {
  local place=$1 scratch times=() repo=""
  scratch=$(mktemp -d "$place/evidence-bib-bench.XXXXXX")
  local base
  base=$(baseline "$scratch/fs-baseline")
  for r in $(seq "$runs"); do
    repo="$scratch/run-$r"
    mkdir -p "$repo/sources"
    local t0 t1
    t0=$(date +%s.%N)
    "$exe" --root "$repo" import "$bib" >"$out/bib-import.txt" 2>&1 || true
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  local median best
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}')
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -n1 | awk '{printf "%.3f", $1}')
  echo "import of $entries entries into an empty repo under $place: median ${median} s, best ${best} s over $runs runs ($(ls "$repo/sources" | wc -l) sources written); python3 creating as many files there: ${base} s"
  echo "  $(tail -n1 "$out/bib-import.txt")"
  rm -rf "$scratch/fs-baseline"
  for r in $(seq "$((runs - 1))"); do rm -rf "$scratch/run-$r"; done
  last_repo=$repo
}

last_repo=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  time_imports /dev/shm
  rm -rf "$(dirname "$last_repo")"
fi
time_imports "${TMPDIR:-/tmp}"
ln -sfn "$last_repo" "$out/bib-repo"

mem=$(/usr/bin/time -f "%M" "$exe" --root "$out/bib-repo" import --dry-run "$bib" 2>&1 >/dev/null | tail -n1 | awk '{printf "%.0f", $1/1024}')
echo "re-import (dry run, everything a duplicate): peak ${mem} MB"
t0=$(date +%s.%N)
"$exe" --root "$out/bib-repo" export --format bibtex --output "$out/bib-export.bib"
t1=$(date +%s.%N)
printf 'export of the result as BibTeX: %.3f s\n' "$(echo "$t1 - $t0" | bc -l)"
echo "the last import's repository: $last_repo (remove its folder when done)"
