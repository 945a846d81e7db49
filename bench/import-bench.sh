#!/usr/bin/env bash
# Benchmark of `evidence import` + `evidence check` (issue 4): 1,000 generated articles of about 10 KB each
# (English and Chinese, 8-12 footnotes each at the seed article's citation density, URLs shared across articles)
# imported into an empty evidence repo, then checked. Budget: under 10 s for both together.
#
# Also reported: the import with --dry-run (all the work but the writes), a re-import (nothing to do), and the
# time this machine's file system takes merely to create as many files (python, O_EXCL, one write each), since
# creating ~25,000 small files is most of an import's cost and varies with the disk's load.
#
# --bundles lays the same articles out as a Hugo site (issue 13): each article a page bundle
# posts/<name>/index.md with TOML (+++) front matter, plus a section posts/_index.md, so that the ids come from
# folder names and the front matter is TOML.
#
# usage: bench/import-bench.sh [--count N] [--runs N] [--no-publish] [--bundles]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
count=1000
runs=3
publish=1
bundles=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift ;;
    --runs) runs=$2; shift ;;
    --no-publish) publish=0 ;;
    --bundles) bundles=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
input="$out/articles-$count"
[ -d "$input" ] || python3 "$here/gen_articles.py" "$input" "$count"
if [ "$bundles" = 1 ]; then
  site="$out/site-$count"
  if [ ! -d "$site" ]; then
    python3 - "$input" "$site" <<'PY'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(dst, "posts"))
with open(os.path.join(dst, "posts", "_index.md"), "w", encoding="utf-8") as f:
    f.write('+++\ntitle = "Posts"\n+++\n')
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    # YAML front matter → TOML
    m = re.match(r"---\ntitle: (.*)\ndate: (.*)\ntags: .*\n---\n", text)
    if m:
        text = f'+++\ntitle = "{m.group(1)}"\ndate = {m.group(2)}\ntags = ["benchmark", "screening"]\n+++\n' + text[m.end():]
    bundle = os.path.join(dst, "posts", os.path.splitext(name)[0])
    os.makedirs(bundle)
    with open(os.path.join(bundle, "index.md"), "w", encoding="utf-8") as f:
        f.write(text)
PY
  fi
  input="$site"
fi
echo "input: $count articles, $(du -sk "$input" | cut -f1) KB"

exe="$out/pub/evidence"
if [ "$publish" = 1 ] || [ ! -x "$exe" ]; then
  echo "publishing (Release, Native AOT)…"
  dotnet publish "$root/src/EvidenceTracker.Cli" -c Release -o "$out/pub" -v quiet -nologo >/dev/null
fi

# wall, user and system seconds of a command: "wall user sys"
timed() { /usr/bin/time -f "%e %U %S" -o "$out/.time" "$@" >/dev/null 2>&1 || true; cat "$out/.time"; }
fresh() { rm -rf "$1"; mkdir -p "$1"; echo "title: Import benchmark" > "$1/evidence.yaml"; }

repo="$out/import-repo"
for run in $(seq "$runs"); do
  fresh "$repo"
  read -r dw du ds < <(timed "$exe" --root "$repo" import "$input" --dry-run)
  sync
  read -r iw iu is < <(timed "$exe" --root "$repo" import "$input")
  read -r cw cu cs < <(timed "$exe" --root "$repo" check --format json)
  read -r rw ru rs < <(timed "$exe" --root "$repo" import "$input")
  files=$(find "$repo/articles" "$repo/sources" "$repo/claims" -type f | wc -l)
  rm -rf "$out/create-baseline"; sync
  read -r bw bu bs < <(timed python3 "$here/create_files.py" "$repo" "$out/create-baseline")
  printf 'run %d: import %.2f s (user %.2f, sys %.2f) + check %.2f s (user %.2f, sys %.2f) = %.2f s; %d files\n' \
    "$run" "$iw" "$iu" "$is" "$cw" "$cu" "$cs" "$(echo "$iw + $cw" | bc -l)" "$files"
  printf '       import --dry-run %.2f s; re-import (nothing to do) %.2f s; creating %d files alone (python) %.2f s (sys %.2f)\n' \
    "$dw" "$rw" "$files" "$bw" "$bs"
done
rm -rf "$out/create-baseline"
"$exe" --root "$repo" check | tail -n 1
