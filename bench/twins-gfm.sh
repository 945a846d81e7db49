#!/usr/bin/env bash
# The Markdown twins as GitHub reads them, checked with pandoc's GFM reader (`pandoc -f gfm`), an implementation
# independent of Markdig: every link of every .md page of a site folder must resolve (a relative link to a file of
# the site, an http(s) URL with no backslash), and no `**` may show as text. Prints the counts and each problem.
#
# usage: bench/twins-gfm.sh [SITE_FOLDER]   (default: site/ of this repository; build it first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
site=${1:-"$here/../site"}
command -v pandoc >/dev/null || { echo "pandoc is needed (apt-get install pandoc)" >&2; exit 2; }
python3 - "$site" <<'PY'
import html, os, re, subprocess, sys
site = os.path.abspath(sys.argv[1])
pages = links = 0
problems = []
for folder, _, files in os.walk(site):
    for name in sorted(files):
        if not name.endswith(".md"):
            continue
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, site)
        pages += 1
        out = subprocess.run(["pandoc", "-f", "gfm", "-t", "html", path], capture_output=True, text=True, check=True).stdout
        for href in re.findall(r'<a href="([^"]*)"', out):
            href = html.unescape(href)
            links += 1
            if href.startswith(("http://", "https://")):
                if "\\" in href:
                    problems.append(f"{rel}: backslash in URL {href}")
            elif not href.startswith("#"):
                target = os.path.normpath(os.path.join(folder, href.split("#")[0]))
                if not os.path.isfile(target):
                    problems.append(f"{rel}: broken link {href}")
        text = html.unescape(re.sub(r"<code>.*?</code>|<[^>]+>", " ", out, flags=re.S))
        if "**" in text:
            at = text.index("**")
            problems.append(f"{rel}: literal ** in …{text[max(0, at - 30):at + 30]!r}…")
print(f"{pages} pages, {links} links, {len(problems)} problems")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
