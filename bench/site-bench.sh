#!/usr/bin/env bash
# Benchmark of `evidence build` against Hugo (issue: the evidence map, Performance). Generates a repository of
# 10,000 claims and 2,000 sources (gen_repo.py) and an equivalent Hugo site (gen_hugo.py: one Markdown page per
# claim and per source, a home page listing them all, a trivial layout), publishes the CLI (Release: Native
# AOT), then times, side by side and interleaved in one run, the median of N runs of:
#   cold:    an empty output folder (ours: 24,000 files, HTML and Markdown per page, plus index, matrix, JSON;
#            Hugo: 12,001 pages)
#   rebuild: the same build again with nothing changed
# and prints the ratio ours / Hugo (below 1: ours is faster).
#
# usage: bench/site-bench.sh [--runs N] [--claims N] [--sources N] [--no-publish] [--exe PATH]
#   --exe PATH   time another build of the CLI (say, an older commit's) instead of publishing this one
# needs: python3, dotnet, hugo (apt-get install -y hugo)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
runs=5
claims=10000
sources=2000
publish=1
exe="$out/pub-site/evidence"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --claims) claims=$2; shift ;;
    --sources) sources=$2; shift ;;
    --no-publish) publish=0 ;;
    --exe) [ -x "$2" ] || { echo "$2 is not an executable" >&2; exit 2; }; exe=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); publish=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install -y hugo)" >&2; exit 1; }

repo="$out/repo-site-$claims-$sources"
hugo_src="$out/hugo-site-$claims-$sources"
ours_out="$out/site-ours"
hugo_out="$out/site-hugo"
mkdir -p "$out"
[ -d "$repo" ] || python3 "$here/gen_repo.py" "$repo" "$claims" "$sources"
[ -d "$hugo_src" ] || python3 "$here/gen_hugo.py" "$repo" "$hugo_src"
if [ "$publish" = 1 ] || [ ! -x "$exe" ]; then
  echo "publishing the CLI (Release, Native AOT)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/pub-site" -nologo -v quiet >/dev/null
fi

# "Empty output" without deleting right before building: on ext4 without a journal (as here) the inode
# allocator skips inodes freed in the last 60 s (recently_deleted), so creating thousands of files right after
# `rm -rf` of thousands costs several times more kernel time, for whichever tool comes next, in proportion to
# the files it creates. Old outputs are moved aside instead, and deleted when the benchmark ends.
trash="$out/trash-$$"
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
clear_out() { if [ -e "$1" ]; then mv "$1" "$trash/$(basename "$1")-$RANDOM$RANDOM"; fi; sync; }

ours() { "$exe" --root "$repo" build --out "$ours_out" >/dev/null; }
hugo_build() { hugo --quiet --source "$hugo_src" --destination "$hugo_out" >/dev/null; }

# wall seconds of one command
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }

echo "$(hugo version | cut -d' ' -f1-2); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
ours_cold=(); ours_warm=(); hugo_cold=(); hugo_warm=()
for i in $(seq "$runs"); do
  # Alternate who goes first, so that neither always runs on a warmer (or busier) machine.
  for who in $( [ $((i % 2)) = 1 ] && echo "ours hugo" || echo "hugo ours"); do
    if [ "$who" = ours ]; then
      clear_out "$ours_out"
      ours_cold+=("$(seconds ours)"); sync
      ours_warm+=("$(seconds ours)")
    else
      clear_out "$hugo_out"
      hugo_cold+=("$(seconds hugo_build)"); sync
      hugo_warm+=("$(seconds hugo_build)")
    fi
  done
  printf 'run %d: cold ours %.2f s, Hugo %.2f s; rebuild ours %.2f s, Hugo %.2f s\n' "$i" \
    "${ours_cold[-1]}" "${hugo_cold[-1]}" "${ours_warm[-1]}" "${hugo_warm[-1]}"
done

files() { find "$1" -type f | wc -l; }
mb() { du -s --apparent-size --block-size=1M "$1" | cut -f1; }
oc=$(median "${ours_cold[@]}"); hc=$(median "${hugo_cold[@]}")
ow=$(median "${ours_warm[@]}"); hw=$(median "${hugo_warm[@]}")
echo
echo "$claims claims, $sources sources; median of $runs runs"
printf 'ours: %6d files, %4d MB    Hugo: %6d files, %4d MB\n' "$(files "$ours_out")" "$(mb "$ours_out")" "$(files "$hugo_out")" "$(mb "$hugo_out")"
printf 'cold build (empty output):   ours %.2f s   Hugo %.2f s   ours/Hugo %.2f\n' "$oc" "$hc" "$(echo "$oc / $hc" | bc -l)"
printf 'rebuild (nothing changed):   ours %.2f s   Hugo %.2f s   ours/Hugo %.2f\n' "$ow" "$hw" "$(echo "$ow / $hw" | bc -l)"
