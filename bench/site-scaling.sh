#!/usr/bin/env bash
# Scaling of `evidence build` against `check` on one article of growing size (issue 18). Shapes:
#   sentences  one paragraph of N sentences 'A 5. ' (each an uncited figure, so each is marked on the page; build
#              was cubic: 'A 5. '×2,000, a 10 KB article, took 118 s)
#   link-open  '[a](' N times on one line (link openings whose parentheses never close; the renderer was quadratic)
#   paren-link '([a]' N times on one line (the same, opened by a parenthesis)
# For each shape and N it prints the wall time of `check` and `build`, then the exponent b of time ≈ a·N^b fitted
# over the build times and over the check times (1: linear; process start-up included, so small N flatten it).
#
# usage: bench/site-scaling.sh [--exe PATH] [--sizes "1000 2000 4000 8000"] [--shapes "sentences link-open paren-link"]
#   --exe PATH   the CLI to time (default: the Debug build of src/EvidenceTracker.Cli, built if missing)
#   (link-open and paren-link need larger N to show anything: --sizes "10000 20000 40000")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
exe="$root/src/EvidenceTracker.Cli/bin/Debug/net10.0/evidence"
sizes="1000 2000 4000 8000"
shapes="sentences"
while [ $# -gt 0 ]; do
  case "$1" in
    --exe) exe=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --shapes) shapes=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$exe" ] || dotnet build "$root/src/EvidenceTracker.Cli" -nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/claims" "$work/sources" "$work/articles"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

fit() {
  python3 - "$@" <<'PY'
import math, sys
label, pts = sys.argv[1], [tuple(map(float, a.split(':'))) for a in sys.argv[2:]]
xs = [math.log(n) for n, _ in pts]; ys = [math.log(max(t, 1e-3)) for _, t in pts]
mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print(f"  fitted exponent of {label} time in N: {b:.2f}")
PY
}

for shape in $shapes; do
  case "$shape" in
    sentences) unit='A 5. ' ;;
    link-open) unit='[a](' ;;
    paren-link) unit='([a]' ;;
    *) echo "unknown shape $shape" >&2; exit 2 ;;
  esac
  echo "shape $shape ('$unit' × N)"
  printf '%8s %10s %10s\n' N check_s build_s
  builds=""; checks=""
  for n in $sizes; do
    python3 -c "import sys; open(sys.argv[1],'w').write('# Scaling\n\n' + sys.argv[3] * int(sys.argv[2]) + '\n')" "$work/articles/one-paragraph.md" "$n" "$unit"
    rm -rf "$work/site"
    c=$(seconds "$exe" --root "$work" check)
    b=$(seconds "$exe" --root "$work" build)
    printf '%8d %10.2f %10.2f\n' "$n" "$c" "$b"
    builds="$builds $n:$b"; checks="$checks $n:$c"
  done
  fit build $builds
  fit check $checks
done
