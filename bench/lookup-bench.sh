#!/usr/bin/env bash
# Benchmark of `evidence lookup` over N sources with DOIs (default 200) against two local servers
# (bench/lookup_server.py on 127.0.0.1: a stand-in for doi.org answering CSL-JSON and one for Crossref's works/{doi}),
# each answering after DELAY ms (default 50). Two hosts, as doi.org and api.crossref.org are: the client allows 2
# requests at once per host. The contract: 200 DOIs at 50 ms in under 10 s. No internet: both servers are local.
# Each run starts from a fresh repository (the look-ups fill the source files and write the cache).
#
# usage: bench/lookup-bench.sh [--sources N] [--delay MS] [--runs N]   (NO_BUILD=1 reuses bench/out/net/bin)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/net"
sources=200
delay=50
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sources) sources=$2; shift ;;
    --delay) delay=$2; shift ;;
    --runs) runs=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
[ -n "${NO_BUILD:-}" ] || dotnet build "$root/src/EvidenceTracker.Cli" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
exe=(dotnet "$out/bin/evidence.dll")
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
doi_port=$(port); crossref_port=$(port)
python3 "$here/lookup_server.py" "$doi_port" "$delay" > "$out/doi-server.log" 2>&1 & doi_pid=$!
python3 "$here/lookup_server.py" "$crossref_port" "$delay" > "$out/crossref-server.log" 2>&1 & crossref_pid=$!
trap 'kill $doi_pid $crossref_pid 2>/dev/null || true' EXIT
for log in "$out/doi-server.log" "$out/crossref-server.log"; do
  for _ in $(seq 50); do grep -q ready "$log" && break; sleep 0.1; done
done
export EVIDENCE_DOI_URL="http://127.0.0.1:$doi_port" EVIDENCE_CROSSREF_URL="http://127.0.0.1:$crossref_port"
# unused here; on a host of their own, as in real life (before the rate limit was keyed by host and port, an
# E-utilities URL on 127.0.0.1 held every request to 127.0.0.1 to 3 a second)
export EVIDENCE_EUTILS_URL="http://127.0.0.2:9" EVIDENCE_ARXIV_URL="http://127.0.0.2:9"
TIMEFORMAT="%R"
walls=""
for i in $(seq "$runs"); do
  repo="$out/lookup-repo"
  rm -rf "$repo"; mkdir -p "$repo/sources" "$repo/claims" "$repo/articles"
  printf 'title: Lookup bench\n' > "$repo/evidence.yaml"
  python3 - "$repo" "$sources" <<'PY'
import sys
repo, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    open(f"{repo}/sources/s{i:04d}.yaml", "w").write(f"id: s{i:04d}\ntype: journal-article\ntitle: Study {i}\ndoi: 10.5555/bench.{i}\n")
open(f"{repo}/claims/all.yaml", "w").write("id: all\nstatement: Everything holds.\ncitations:\n" + "".join(f"  - source: s{i:04d}\n" for i in range(1, n + 1)))
PY
  t=$( { time "${exe[@]}" --root "$repo" lookup --all > "$out/lookup.out" 2>&1 || true; } 2>&1 | tail -1)
  walls+="$t "
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tail -1 "$out/lookup.out"
filled=$(grep -l '^publisher: ' "$out/lookup-repo/sources/"*.yaml | wc -l || true)
echo "lookup --all: $sources DOIs, ${delay} ms per answer: wall $(echo "$walls" | median) s (median of $runs; runs: $walls); sources filled: $filled"
