#!/usr/bin/env bash
# Scaling bench (issue 18, "time that grows faster than the input"): runs each input shape at several sizes against
# the Release build of the CLI (Native AOT, published to bench/out/pub-scaling) and prints the wall time of each run
# and the fitted exponent of each shape: the slope of log(time) over log(size), 1 for linear, 2 for quadratic.
# Each run is capped with `timeout` (60 s unless --cap); a capped run shows as ">60", is left out of the fit, and the
# larger sizes of that shape and command are not run.
# The inputs come from bench/gen_scaling.py (see there for what each shape is).
#
# usage: bench/scaling.sh [--sizes "10000 20000 40000 100000"] [--shapes "ris csl …"] [--cap SECONDS] [--exe PATH]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/scaling"
sizes="10000 20000 40000 100000"
shapes="ris csl bib ris-lines yaml-nest fn-markers link-opens footnotes paragraphs"
cap=60
exe=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift ;;
    --shapes) shapes=$2; shift ;;
    --cap) cap=$2; shift ;;
    --exe) exe=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$exe" ]; then
  exe="$here/out/pub-scaling/evidence"
  if [ ! -x "$exe" ] || [ -n "$(find "$root/src" -name '*.cs' -newer "$exe" -print -quit)" ]; then
    echo "publishing (Release, Native AOT)…" >&2
    dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$here/out/pub-scaling" -v quiet -nologo >/dev/null
  fi
fi
mkdir -p "$out"
results="$out/results.tsv"
# the machine's load when the runs start and end: wall times on a shared machine are only comparable at one load
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
: > "$results"

# the command each shape is timed with: import as a dry run of the input, or check of the repository
commands() {
  case "$1" in
    ris|ris-lines) echo "import:in.ris" ;;
    csl) echo "import:in.json" ;;
    bib|bib-open) echo "import:in.bib" ;;
    yaml-nest|figures|quote-periodic|quote-parts) echo "check" ;;
    long-number|adjacent-links|setext) echo "check build" ;;
    *) echo "check import:in.md" ;;
  esac
}

declare -A capped=()
for shape in $shapes; do
  for n in $sizes; do
    dir="$out/$shape-$n"
    if [ ! -f "$dir/.done" ]; then
      rm -rf "$dir"
      python3 "$here/gen_scaling.py" "$shape" "$n" "$dir"
      if [ -f "$dir/in.md" ]; then mkdir -p "$dir/articles"; cp "$dir/in.md" "$dir/articles/in.md"; fi
      touch "$dir/.done"
    fi
    for cmd in $(commands "$shape"); do
      if [ -n "${capped[$shape/$cmd]:-}" ]; then
        continue
      fi
      if [ "$cmd" = check ] || [ "$cmd" = build ]; then
        [ "$cmd" = check ] && args=(check --format json) || args=(build --force --out "$dir/site")
        input=$(find "$dir/claims" "$dir/articles" -type f 2>/dev/null | head -n1 || true)
      else
        args=(import --dry-run "$dir/${cmd#import:}")
        input="$dir/${cmd#import:}"
      fi
      bytes=$(stat -c %s "$input")
      t0=$(date +%s.%N)
      status=0
      timeout "$cap" "$exe" --root "$dir" "${args[@]}" >"$out/last.out" 2>&1 || status=$?
      t1=$(date +%s.%N)
      secs=$(echo "$t1 - $t0" | bc -l)
      if [ "$status" = 124 ]; then
        secs=">$cap"
        capped[$shape/$cmd]=1
      fi
      # exit codes 0 and 1 (findings) are normal here; anything else is reported
      [ "$status" -gt 1 ] && [ "$status" != 124 ] && echo "  $shape $n ${cmd%%:*}: exit $status: $(head -c 200 "$out/last.out")" >&2
      printf '%s\t%s\t%s\t%s\t%s\n' "$shape" "${cmd%%:*}" "$n" "$bytes" "$secs" >> "$results"
      printf '%-11s %-6s %7s  %9s B  %s s\n' "$shape" "${cmd%%:*}" "$n" "$bytes" "$secs" >&2
    done
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$here/scaling_table.py" "$results" "$sizes"
