#!/usr/bin/env bash
# Verification benchmark (issue 5): `evidence check` end to end on 10,000 claims, each quoting one of 2,000
# sources whose snapshots are about 20 KB (~80% verbatim quotes, the rest with one digit or one word changed,
# so they take the closest-passage search). Publishes the Native AOT CLI, then reports the median wall time of
# `evidence check` and where the time goes (EVIDENCE_TIMINGS=1: load / rules / verification).
#
# usage: bench/verify-bench.sh [--runs N] [--claims N] [--sources N] [--bytes N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=5 claims=10000 sources=2000 bytes=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --claims) claims=$2; shift ;;
    --sources) sources=$2; shift ;;
    --bytes) bytes=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
repo="$here/out/verify-$claims-$sources-$bytes"
pub="$here/out/pub-verify"
if [ ! -d "$repo" ]; then
  echo "generating $repo…"
  python3 "$here/gen_verify_repo.py" "$repo.tmp" "$claims" "$sources" "$bytes"
  mv "$repo.tmp" "$repo"
fi
echo "snapshots: $(find "$repo/sources/snapshots" -type f | wc -l) files, $(du -sh "$repo/sources/snapshots" | cut -f1)"
echo "publishing (Release, Native AOT) to $pub…"
dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$pub" -v quiet -nologo >/dev/null
exe="$pub/evidence"

"$exe" --root "$repo" check --format json > "$here/out/verify-report.json" || true
python3 - "$here/out/verify-report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]; rules = {}
for f in r["findings"]:
    rules[f["rule"]] = rules.get(f["rule"], 0) + 1
print(f"check: {s['errors']} errors, {s['warnings']} warnings, {s['notes']} notes; support {s['support']}; findings by rule {rules}")
PY

walls=() verifs=()
for i in $(seq "$runs"); do
  t0=$(date +%s.%N)
  line=$(EVIDENCE_TIMINGS=1 "$exe" --root "$repo" check --format json 2>&1 >/dev/null | grep '^timings:' || true)
  t1=$(date +%s.%N)
  walls+=("$(echo "$t1 - $t0" | bc -l)")
  verifs+=("$(echo "$line" | sed -E 's/.*verification ([0-9.]+) s.*/\1/')")
  echo "run $i: $(printf '%.3f' "${walls[-1]}") s wall; $line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
echo "median of $runs runs: evidence check $(median "${walls[@]}") s wall, of which verification $(median "${verifs[@]}") s"
