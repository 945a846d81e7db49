#!/usr/bin/env bash
# Benchmark of PDF text extraction in `evidence check`: a repository whose one source has a PAGES-page PDF snapshot
# (bench/gen_pdf.py, default 30 pages, archived with `evidence snapshot SOURCE FILE`) and one claim per page quoting
# it. The contract: the text of a 30-page PDF extracted in under 1 s. Reports the median wall time of `check` with
# the PDF snapshot and with the same source's snapshot as plain text, and the phase timings of EVIDENCE_TIMINGS=1.
#
# usage: bench/pdf-bench.sh [--pages N] [--runs N]   (NO_BUILD=1 reuses bench/out/net/bin)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/net"
pages=30
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages=$2; shift ;;
    --runs) runs=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
[ -n "${NO_BUILD:-}" ] || dotnet build "$root/src/EvidenceTracker.Cli" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
exe=(dotnet "$out/bin/evidence.dll")
python3 "$here/gen_pdf.py" "$out/bench.pdf" "$pages"
make_repo() {
  local repo=$1
  rm -rf "$repo"; mkdir -p "$repo/sources" "$repo/claims" "$repo/articles"
  printf 'title: PDF bench\n' > "$repo/evidence.yaml"
  printf 'id: study\ntype: journal-article\ntitle: A study in a PDF\nlevel: primary\n' > "$repo/sources/study.yaml"
  for k in $(seq "$pages"); do
    printf 'id: finding-%s\nstatement: The effect was %s.5 percent.\ncitations:\n  - source: study\n    quote: "Finding number %s: the measured effect was %s.5 percent in the treated group."\n' \
      "$k" "$k" "$k" "$k" > "$repo/claims/finding-$k.yaml"
  done
}
make_repo "$out/pdf-repo"
"${exe[@]}" --root "$out/pdf-repo" snapshot study "$out/bench.pdf" > /dev/null
# the same text as a .txt snapshot: what check costs without PDF extraction
make_repo "$out/txt-repo"
python3 - "$out/bench.pdf" "$out/bench.txt" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
pages = []
for stream in re.findall(rb"stream\n(.*?)\nendstream", data, re.S):
    lines = [m.decode("latin-1").replace("\\(", "(").replace("\\)", ")") for m in re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", stream)]
    pages.append("\n".join(lines))
open(sys.argv[2], "w").write("\n\n".join(pages) + "\n")
PY
"${exe[@]}" --root "$out/txt-repo" snapshot study "$out/bench.txt" > /dev/null
TIMEFORMAT="%R"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for repo in pdf-repo txt-repo; do
  walls=""
  for i in $(seq "$runs"); do
    t=$( { time "${exe[@]}" --root "$out/$repo" check > "$out/$repo.out" 2>&1 || true; } 2>&1 | tail -1)
    walls+="$t "
  done
  echo "$repo: check wall $(echo "$walls" | median) s (median of $runs; runs: $walls); $(grep -c . "$out/$repo.out") output lines"
  EVIDENCE_TIMINGS=1 "${exe[@]}" --root "$out/$repo" check 2>&1 >/dev/null | grep -i -E "timing|load|verif|snapshot|pdf|total" | head -8 | sed 's/^/  /'
done
tail -2 "$out/pdf-repo.out"
