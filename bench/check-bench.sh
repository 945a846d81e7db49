#!/usr/bin/env bash
# Benchmark of `evidence check` (issue: foundation). Generates repositories of 10,000 claims + 2,000 sources
# and 100,000 claims + 20,000 sources, publishes the CLI (ReadyToRun, and Native AOT when asked), and
# reports wall time and peak memory next to the time it takes merely to read the same files.
#
# The generated evidence is sound (see gen_repo.py): a check reports one missing-snapshot note per claim. --noisy
# also times a 100,000-claim repository in which every claim carries three findings (300,000 in all).
#
# usage: bench/check-bench.sh [--aot] [--noisy] [--runs N] [--sizes 10k|100k|10k,100k]
#   --aot: also time a ReadyToRun build for comparison; --sizes: which repositories to time (default both)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
runs=5
aot=0
noisy=0
sizes=10k,100k
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) aot=1 ;;
    --noisy) noisy=1 ;;
    --runs) runs=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
repos=()
case ",$sizes," in *,10k,*) repos+=(repo-10k); [ -d "$out/repo-10k" ] || python3 "$here/gen_repo.py" "$out/repo-10k" 10000 2000 ;; esac
case ",$sizes," in *,100k,*) repos+=(repo-100k); [ -d "$out/repo-100k" ] || python3 "$here/gen_repo.py" "$out/repo-100k" 100000 20000 ;; esac
if [ "$noisy" = 1 ]; then
  [ -d "$out/repo-100k-noisy" ] || python3 "$here/gen_repo.py" "$out/repo-100k-noisy" 100000 20000 --noisy
  repos+=(repo-100k-noisy)
fi

echo "publishing (Release: Native AOT, the default publish)…"
dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/published" -v quiet -nologo >/dev/null
exes=("aot:$out/published/evidence")
if [ "$aot" = 1 ]; then
  echo "publishing (Release, ReadyToRun, for comparison)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -p:PublishAot=false -o "$out/r2r" -v quiet -nologo >/dev/null
  exes+=("r2r:$out/r2r/evidence")
fi

# median wall seconds of a command over $runs runs
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}

# peak resident memory in MB (the check's own exit code, 1 on findings, does not matter here)
peak_mb() {
  { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null || true; } | tail -n1 | awk '{printf "%.0f", $1/1024}'
}

read_all() { find "$1/claims" "$1/sources" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }

for repo in "${repos[@]}"; do
  dir="$out/$repo"
  sync
  base=$(median read_all "$dir")
  echo "$repo: reading the files only (cat): ${base} s"
  for entry in "${exes[@]}"; do
    name=${entry%%:*}; exe=${entry#*:}
    t=$(median "$exe" --root "$dir" check --format json)
    mem=$(peak_mb "$exe" --root "$dir" check --format json)
    ratio=$(echo "$t / $base" | bc -l)
    printf '%s: evidence check (%s): %s s, peak %s MB, %.1fx the read-only time\n' "$repo" "$name" "$t" "$mem" "$ratio"
  done
done
