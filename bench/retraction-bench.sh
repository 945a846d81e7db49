#!/usr/bin/env bash
# Benchmark of the retracted-source rule: `evidence check` on a generated repository (bench/gen_repo.py, 10,000
# claims and 2,000 sources) with and without 2,000 cached look-up records (bench/gen_lookup_cache.py: Crossref works
# and PubMed summaries, some with notices). The contract: as fast with the records as without (within 10%).
# Runs alternate between the two repositories; the median wall and CPU (user + system) time of each is reported.
#
# usage: bench/retraction-bench.sh [--runs N] [--records N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/retraction"
runs=7
records=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --records) records=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
[ -d "$out/plain" ] || python3 "$here/gen_repo.py" "$out/plain" 10000 2000 >/dev/null
if [ ! -d "$out/cached" ]; then
  cp -r "$out/plain" "$out/cached"
  python3 "$here/gen_lookup_cache.py" "$out/cached" "$records"
fi
echo "building (Release)…"
[ -n "${NO_BUILD:-}" ] || dotnet build "$root/src/EvidenceTracker.Cli" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
exe=(dotnet "$out/bin/evidence.dll")
TIMEFORMAT="%R %U %S"
declare -A wall cpu
for i in $(seq "$runs"); do
  for repo in plain cached; do
    t=$( { time "${exe[@]}" --root "$out/$repo" check --format json --output "$out/$repo.json" >/dev/null 2>/dev/null || true; } 2>&1 | tail -1)
    wall[$repo]+="$(echo "$t" | awk '{print $1}') "
    cpu[$repo]+="$(echo "$t" | awk '{printf "%.2f", $2 + $3}') "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for repo in plain cached; do
  n=$(python3 -c "import json,sys; print(sum(1 for f in json.load(open('$out/$repo.json'))['findings'] if f['rule']=='retracted-source'))")
  echo "$repo: wall $(echo "${wall[$repo]}" | median) s, cpu $(echo "${cpu[$repo]}" | median) s (median of $runs); retracted-source findings: $n"
done
