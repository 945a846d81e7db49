#!/usr/bin/env bash
# Imports and checks a generated manuscript of 3,000 Pandoc citations (1,000 paragraphs of three cited sentences,
# 300 keys of a generated BibTeX file named in its front matter). Prints the wall time of import and of check.
# Usage: bench/citekeys-bench.sh [path/to/evidence]
set -euo pipefail
EVIDENCE=$(realpath "${1:-"$(dirname "$0")/../src/EvidenceTracker.Cli/bin/Release/net10.0/evidence"}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$EVIDENCE" init "$work/repo" >/dev/null
mkdir -p "$work/in"
python3 - "$work/in" <<'PY'
import sys, os
d = sys.argv[1]
with open(os.path.join(d, "refs.bib"), "w") as f:
    for k in range(300):
        f.write("@article{key%d,\n  title = {Study number %d of sea level},\n  author = {Author, A.},\n  year = {2020},\n  doi = {10.1234/bench.%d}\n}\n\n" % (k, k, k))
with open(os.path.join(d, "manuscript.md"), "w") as f:
    f.write("---\ntitle: Bench\nbibliography: refs.bib\n---\n\n")
    n = 0
    for p in range(1000):
        s = []
        for j in range(3):
            s.append("Sentence %d of paragraph %d reports a finding [@key%d; see @key%d, p. 3]." % (j, p, n % 300, (n + 7) % 300) if j != 1
                     else "@key%d found the effect in sentence %d of paragraph %d." % (n % 300, j, p))
            n += 1
        f.write(" ".join(s) + "\n\n")
PY
cd "$work/repo"
start=$(date +%s.%N)
"$EVIDENCE" import "$work/in/manuscript.md" >/dev/null
mid=$(date +%s.%N)
"$EVIDENCE" check >/dev/null || true
end=$(date +%s.%N)
echo "citations: 3000 (5000 keys, 1000 paragraphs, 300 bibliography entries); import: $(echo "$mid - $start" | bc) s; check: $(echo "$end - $mid" | bc) s"
