#!/usr/bin/env bash
# The steps of the EvidenceTracker GitHub Action (action.yml), kept here so that they can run, and be tested,
# outside GitHub too (.ci/run runs them on this repository).
#
#   run.sh key                 print the cache key: a hash of the sources the tool is built from
#   run.sh install TOOL_DIR    build the tool into TOOL_DIR unless it is there (restored from the cache),
#                              and put TOOL_DIR on the PATH of later steps ($GITHUB_PATH)
#   run.sh check TOOL_DIR      run `evidence check --format github` in $INPUT_WORKING_DIRECTORY with
#                              --baseline $INPUT_BASELINE when set and the words of $INPUT_ARGS
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"   # the action's own checkout

case "${1:-}" in
  key)
    cd "$here"
    hash=$(find src Directory.Build.props Directory.Packages.props -type f \
             \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.txt' -o -name '*.css' -o -name '*.js' \) \
             -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null \
           | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32)
    echo "evidencetracker-$(uname -s)-$(uname -m)-$hash"
    ;;
  install)
    tool_dir="${2:?run.sh install TOOL_DIR}"
    if [ -x "$tool_dir/evidence" ] || [ -f "$tool_dir/evidence.exe" ]; then
      echo "evidence: using the cached build in $tool_dir"
    else
      echo "evidence: building the tool from $here"
      # Framework-dependent ReadyToRun: builds on every runner OS without a native tool chain.
      dotnet publish "$here/src/EvidenceTracker.Cli" -c Release -p:PublishAot=false -o "$tool_dir" -nologo -v quiet
    fi
    if [ -n "${GITHUB_PATH:-}" ]; then
      echo "$tool_dir" >> "$GITHUB_PATH"
    fi
    "$tool_dir/evidence" --version
    ;;
  check)
    tool_dir="${2:?run.sh check TOOL_DIR}"
    cd "${INPUT_WORKING_DIRECTORY:-.}"
    args=(check --format github)
    if [ -n "${INPUT_BASELINE:-}" ]; then
      args+=(--baseline "$INPUT_BASELINE")
    fi
    # Extra arguments are split on white space (no quoting): options such as --root DIR or --no-color.
    read -r -a extra <<< "${INPUT_ARGS:-}"
    args+=("${extra[@]}")
    exec "$tool_dir/evidence" "${args[@]}"
    ;;
  *)
    echo "usage: run.sh key | install TOOL_DIR | check TOOL_DIR" >&2
    exit 2
    ;;
esac
