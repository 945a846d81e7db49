#!/usr/bin/env bash
# Peak memory and CPU time of `evidence build` (issue 18: under 1 GB at 100,000 claims + 20,000 sources). For each
# size it generates a repository (bench/gen_repo.py, kept in bench/out), then runs, under /usr/bin/time -v:
#   empty    `build --out DIR` into an empty folder (every page rendered and written)
#   rebuild  the same command again (nothing changed: nothing rendered, nothing written)
# and prints user and system CPU time, wall time and peak RSS of each. On a shared machine compare CPU time and
# memory, not wall time. The 100k build takes minutes of CPU: start with --sizes 10k.
#
# usage: bench/build-memory.sh [--sizes 10k|100k|10k,100k] [--runs N] [--exe PATH]
#   --exe: the CLI to time (default: the Release build of src/EvidenceTracker.Cli, built when missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
sizes=10k
runs=1
exe="$root/src/EvidenceTracker.Cli/bin/Release/net10.0/evidence"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift ;;
    --runs) runs=$2; shift ;;
    --exe) exe=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$exe" ] || dotnet build "$root/src/EvidenceTracker.Cli" -c Release -nologo -v quiet >/dev/null
mkdir -p "$out"
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT

measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$site/time" || { echo "$label: failed" >&2; tail -5 "$site/time" >&2; exit 1; }
  awk -v label="$label" -F': ' '
    /User time/ {u=$2} /System time/ {s=$2} /Elapsed/ {e=$2} /Maximum resident/ {m=$2}
    END { printf "%-22s user %7.2f s  sys %6.2f s  wall %9s  peak %7.0f MB\n", label, u, s, e, m / 1024 }' "$site/time"
}

for size in ${sizes//,/ }; do
  case "$size" in
    10k) claims=10000; sources=2000 ;;
    100k) claims=100000; sources=20000 ;;
    *) echo "unknown size $size" >&2; exit 2 ;;
  esac
  repo="$out/repo-$size"
  [ -d "$repo" ] || python3 "$here/gen_repo.py" "$repo" "$claims" "$sources"
  for run in $(seq 1 "$runs"); do
    rm -rf "$site/out"
    measure "$size empty ($run)" "$exe" --root "$repo" build --out "$site/out"
    measure "$size rebuild ($run)" "$exe" --root "$repo" build --out "$site/out"
  done
done
