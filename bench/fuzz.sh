#!/usr/bin/env bash
# The fuzz test's harness (tests/EvidenceTracker.Tests/Fuzzing) run for as many inputs as asked, in one process.
#
# usage: bench/fuzz.sh [SEED [COUNT [START]]]       (defaults: seed 1, 1,000,000 inputs, from input 0)
#   FUZZ_READERS=claim-yaml,bibtex   only these readers (default: all; see docs/fuzzing.md)
#   FUZZ_FLOOR=0.25 FUZZ_PER_MB=1     the speed rule: each input read within FLOOR + PER_MB seconds per megabyte
#
# Prints one line per failing input (FAIL: kept under tests/fixtures/fuzz-regressions/<reader>/) and per slow input
# (SLOW: kept under bench/out/fuzz/slow/<reader>/), a progress line a minute on stderr, and a table per reader at the
# end (also when stopped with Ctrl-C or kill). An input that kills the process (a stack overflow, say) is kept as a
# regression fixture by this script, and an input whose read hangs by the harness; either way the run goes on after it.
# Exit code 0 when every input held every property, 1 otherwise.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
seed=${1:-1}
count=${2:-1000000}
start=${3:-0}
out="$here/out/fuzz"
mkdir -p "$out"
dotnet build "$here/Fuzz" -c Release -nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 2; }
# One process per segment: a read that hangs (exit 3) or kills the process (a stack overflow, exit > 3) ends a
# segment; the input is kept as a regression fixture and the next segment starts after it.
log=$(mktemp); trap 'rm -f "$log"' EXIT
final=0
while :; do
  args=(--fixtures "$root/tests/fixtures" --seed "$seed" --count "$count" --start "$start" --current "$out"
        --floor "${FUZZ_FLOOR:-0.25}" --per-mb "${FUZZ_PER_MB:-1}")
  [ -n "${FUZZ_READERS:-}" ] && args+=(--readers "$FUZZ_READERS")
  dotnet "$here/Fuzz/bin/Release/net10.0/EvidenceTracker.Fuzz.dll" "${args[@]}" | tee -a "$log"
  code=${PIPESTATUS[0]}
  [ "$code" -le 1 ] && { [ "$code" -eq 1 ] && final=1; break; }
  final=1
  { read -r reader; read -r place; read -r n; read -r k; } < "$out/input.where"
  if [ "$place" = "(generating)" ]; then
    echo "HARNESS CRASH making input $k ($reader input $n, exit $code): a bug of the fuzzer, not of a reader; fix it and resume with: $0 $seed $((count - (k - start))) $k" | tee -a "$log"
    final=2
    break
  elif [ "$code" -ne 3 ]; then
    # the process died on an input: keep it as a regression fixture
    ext=".${place##*.}"
    name=$(sha256sum "$out/input" | cut -c1-12)$ext
    mkdir -p "$root/tests/fixtures/fuzz-regressions/$reader"
    cp "$out/input" "$root/tests/fixtures/fuzz-regressions/$reader/$name"
    echo "$place" > "$root/tests/fixtures/fuzz-regressions/$reader/$name.where"
    echo "CRASH $reader input $n (exit $code): kept as tests/fixtures/fuzz-regressions/$reader/$name" | tee -a "$log"
  fi
  count=$((count - (k + 1 - start))); start=$((k + 1))
  [ "$count" -le 0 ] && break
  echo "fuzz: resuming at input $start" >&2
done
# the tables of every segment added up (inputs, failures, slow inputs, megabytes; the largest maximum)
if [ "$(grep -c '^seed ' "$log")" -gt 1 ]; then
  echo "all segments:"
  awk '/^[a-z-]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9]+ \(/ {
         r=$1; i[r]+=$2; f[r]+=$3; s[r]+=$4; mb[r]+=$5; ms[r]+=$6*$2; if ($7>mx[r]) mx[r]=$7; if ($NF>pm[r]) pm[r]=$NF; if (!(r in seen)) { seen[r]=1; order[++n]=r } }
       END { printf "%-14s %7s %9s %5s %9s %8s %8s %8s\n", "reader", "inputs", "failures", "slow", "MB read", "mean ms", "max ms", "max s/MB";
             for (j=1;j<=n;j++) { r=order[j]; printf "%-14s %7d %9d %5d %9.1f %8.1f %8d %8.3f\n", r, i[r], f[r], s[r], mb[r], i[r]?ms[r]/i[r]:0, mx[r], pm[r] } }' "$log"
fi
exit "$final"
