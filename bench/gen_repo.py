#!/usr/bin/env python3
"""Generate a synthetic evidence repository for benchmarks.

usage: gen_repo.py DIR CLAIMS SOURCES [--articles N]

Claims look like real ones: a statement, an excerpt, two or three citations (some quoted, with locators),
tags and a note; sources carry full bibliographic fields, half primary and half secondary with reports-on.
Deterministic: the same arguments give the same files.
"""
import os, random, sys

def main():
    out, n_claims, n_sources = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    n_articles = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 10
    rnd = random.Random(42)
    for d in ("claims", "sources", "articles"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "evidence.yaml"), "w") as f:
        f.write("title: Benchmark repository\nrules:\n  orphan-source: warning\n")
    for a in range(n_articles):
        with open(os.path.join(out, "articles", f"article-{a}.md"), "w") as f:
            f.write(f"---\ntitle: Article {a}\n---\n\nBody of article {a}.\n")
    primaries = max(1, n_sources // 2)
    for s in range(n_sources):
        sid = f"source-{s:06d}"
        primary = s < primaries
        lines = [f"id: {sid}",
                 f"type: {'journal-article' if primary else 'news'}",
                 f"title: \"Study {s} of screening outcomes in cohort {rnd.randint(1, 999)}\"",
                 f"authors: [\"Smith, Jane\", \"Wang, Li\", \"Garcia, Ana\"]",
                 f"publisher: {'Journal of Examples' if primary else 'Example News'}",
                 f"date: 20{rnd.randint(10, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                 f"url: https://example.org/{sid}",
                 f"lang: en",
                 f"level: {'primary' if primary else 'secondary'}"]
        if primary:
            lines += [f"doi: 10.1234/example.{s}", f"pmid: \"{30000000 + s}\"", f"volume: \"{rnd.randint(1, 60)}\"",
                      f"issue: \"{rnd.randint(1, 12)}\"", f"pages: {rnd.randint(1, 900)}-{rnd.randint(901, 1800)}"]
        else:
            lines += [f"accessed: 2025-06-25", f"reports-on: [source-{rnd.randrange(primaries):06d}]"]
        with open(os.path.join(out, "sources", f"{sid}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
    for c in range(n_claims):
        cid = f"claim-{c:06d}"
        sub = f"batch-{c // 1000:03d}"
        os.makedirs(os.path.join(out, "claims", sub), exist_ok=True)
        pct = f"{rnd.randint(1, 99)}.{rnd.randint(0, 9)}%"
        lines = [f"# Claim {c}", f"id: {cid}",
                 f"statement: The screening model reached a sensitivity of {pct} in cohort {c}.",
                 f"article: article-{c % n_articles}",
                 f"excerpt: 敏感性达到{pct}",
                 "citations:"]
        for k in range(rnd.randint(1, 3)):
            lines.append(f"  - source: source-{rnd.randrange(n_sources):06d}")
            if k == 0:
                lines.append(f"    quote: \"The model reached a sensitivity of {pct} in the validation cohort.\"")
                lines.append(f"    locator: p. {rnd.randint(1, 20)}")
        lines += [f"tags: [screening, cohort-{c % 17}]", "note: Generated for the benchmark."]
        with open(os.path.join(out, "claims", sub, f"{cid}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
