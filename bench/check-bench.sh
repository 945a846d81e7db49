#!/usr/bin/env bash
# Benchmark of `evidence check` (issue: foundation). Generates repositories of 10,000 claims + 2,000 sources
# and 100,000 claims + 20,000 sources, publishes the CLI (ReadyToRun, and Native AOT when asked), and
# reports wall time and peak memory next to the time it takes merely to read the same files.
#
# The generated evidence is sound (see gen_repo.py): a check reports one missing-snapshot note per claim. --noisy
# also times a 100,000-claim repository in which every claim carries three findings (300,000 in all).
#
# Wall time on a shared machine drifts with its load; the CPU time (user + system) each run used is reported too.
#
# usage: bench/check-bench.sh [--aot] [--noisy] [--runs N] [--sizes 10k|100k|10k,100k] [--no-100k] [--formats "json junit …"] [--exe NAME:PATH]...
#   --aot: also time a ReadyToRun build for comparison; --sizes: which repositories to time (default both);
#   --no-100k: the same as --sizes 10k;
#   --formats: the report formats to time (default json; each format is its own writer over the same report, and the
#   JUnit one was quadratic in claims × findings: more than 300 s at 100k before it looked each claim's findings up);
#   --exe: time these builds (for example two variants of a change) instead of publishing one; repeatable
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
runs=5
aot=0
noisy=0
sizes=10k,100k
formats=json
given=()
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) aot=1 ;;
    --noisy) noisy=1 ;;
    --runs) runs=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --no-100k) sizes=10k ;;
    --formats) formats=$2; shift ;;
    --exe) given+=("$2"); shift ;;
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

if [ ${#given[@]} -gt 0 ]; then
  exes=("${given[@]}")
else
  echo "publishing (Release: Native AOT, the default publish)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/published" -v quiet -nologo >/dev/null
  exes=("aot:$out/published/evidence")
fi
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

# "wall cpu peak-MB" of a command: the median wall and CPU (user + system) seconds over $runs runs, the largest
# peak resident memory (the check's own exit code, 1 on findings, does not matter here)
measure() {
  local log
  log=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -a -o "$log" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
  done
  local ok wall cpu mem
  ok=$(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$log")
  wall=$(echo "$ok" | awk '{print $1}' | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}')
  cpu=$(echo "$ok" | awk '{print $2 + $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}')
  mem=$(echo "$ok" | awk '$4 > m {m = $4} END {printf "%.0f", m / 1024}')
  echo "$wall $cpu $mem"
  rm -f "$log"
}

read_all() { find "$1/claims" "$1/sources" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }

for repo in "${repos[@]}"; do
  dir="$out/$repo"
  sync
  base=$(median read_all "$dir")
  echo "$repo: reading the files only (cat): ${base} s"
  for entry in "${exes[@]}"; do
    name=${entry%%:*}; exe=${entry#*:}
    for format in $formats; do
      read -r t cpu mem < <(measure "$exe" --root "$dir" check --format "$format")
      ratio=$(echo "$t / $base" | bc -l)
      printf '%s: evidence check --format %s (%s): %s s (cpu %s s), peak %s MB, %.1fx the read-only time\n' "$repo" "$format" "$name" "$t" "$cpu" "$mem" "$ratio"
    done
  done
done
