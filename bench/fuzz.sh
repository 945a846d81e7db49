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
# regression fixture by this script.
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
args=(--fixtures "$root/tests/fixtures" --seed "$seed" --count "$count" --start "$start" --current "$out"
      --floor "${FUZZ_FLOOR:-0.25}" --per-mb "${FUZZ_PER_MB:-1}")
[ -n "${FUZZ_READERS:-}" ] && args+=(--readers "$FUZZ_READERS")
dotnet "$here/Fuzz/bin/Release/net10.0/EvidenceTracker.Fuzz.dll" "${args[@]}"
code=$?
if [ "$code" -gt 1 ]; then
  # the process died on an input: keep it as a regression fixture
  { read -r reader; read -r place; read -r n; read -r k; } < "$out/input.where"
  ext=".${place##*.}"
  name=$(sha256sum "$out/input" | cut -c1-12)$ext
  mkdir -p "$root/tests/fixtures/fuzz-regressions/$reader"
  cp "$out/input" "$root/tests/fixtures/fuzz-regressions/$reader/$name"
  echo "$place" > "$root/tests/fixtures/fuzz-regressions/$reader/$name.where"
  echo "CRASH $reader input $n (exit $code): kept as tests/fixtures/fuzz-regressions/$reader/$name; resume with: $0 $seed $((count - (k + 1 - start))) $((k + 1))" >&2
fi
exit "$code"
