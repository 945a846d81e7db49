#!/usr/bin/env bash
# Scaling of `evidence build` in the sentences of one paragraph (issue 18: build was cubic — 'A 5. '×2,000, a 10 KB
# article, took 118 s). Builds a repository whose one article is a single paragraph of N sentences 'A 5. ' (each an
# uncited figure, so each is marked on the article page), for N = 1k, 2k, 4k, 8k, and prints the wall time of
# `check` and `build` for each N and the exponent b of time ≈ a·N^b fitted over the build times (1: linear).
#
# usage: bench/site-scaling.sh [--exe PATH] [--sizes "1000 2000 4000 8000"]
#   --exe PATH   the CLI to time (default: the Debug build of src/EvidenceTracker.Cli, built if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
exe="$root/src/EvidenceTracker.Cli/bin/Debug/net10.0/evidence"
sizes="1000 2000 4000 8000"
while [ $# -gt 0 ]; do
  case "$1" in
    --exe) exe=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$exe" ] || dotnet build "$root/src/EvidenceTracker.Cli" -nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/claims" "$work/sources" "$work/articles"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

results=""
printf '%8s %10s %10s\n' N check_s build_s
for n in $sizes; do
  python3 -c "import sys; open(sys.argv[1],'w').write('# Scaling\n\n' + 'A 5. ' * int(sys.argv[2]) + '\n')" "$work/articles/one-paragraph.md" "$n"
  rm -rf "$work/site"
  c=$(seconds "$exe" --root "$work" check)
  b=$(seconds "$exe" --root "$work" build)
  printf '%8d %10.2f %10.2f\n' "$n" "$c" "$b"
  results="$results $n:$b"
done
python3 - $results <<'PY'
import math, sys
pts = [tuple(map(float, a.split(':'))) for a in sys.argv[1:]]
xs = [math.log(n) for n, _ in pts]; ys = [math.log(max(t, 1e-3)) for _, t in pts]
mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print(f"fitted exponent of build time in N: {b:.2f} (1 = linear; process start-up included)")
PY
