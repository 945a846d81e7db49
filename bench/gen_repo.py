#!/usr/bin/env python3
"""Generate a synthetic evidence repository for benchmarks.

usage: gen_repo.py DIR CLAIMS SOURCES [--articles N] [--noisy]

Claims look like real ones: a statement, an excerpt, one to three citations (the first quoted, with a locator),
tags and a note; sources carry full bibliographic fields, half primary and half secondary with reports-on.
Articles (one per 30 claims unless --articles says otherwise, as in this repository's own evidence) hold every
excerpt of their claims in a sentence with a footnote, each footnote defined. The evidence is sound: the
statements' figures are the quotes', every excerpt is in its article, every cited passage is tracked, so what
`check` reports is one missing-snapshot note per claim (no source is archived) and the orphan sources.
--noisy gives instead the repository of the first measurements: ten articles that hold no excerpt, and a
statement figure no quote has, so every claim also carries excerpt-not-in-article and figure-mismatch.
Deterministic: the same arguments give the same files.
"""
import os, random, sys

def letters(n):
    """A cohort name without digits (A, B, ..., Z, BA, ...): a number there would be a figure to verify."""
    out = ""
    while True:
        out = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 26] + out
        n //= 26
        if n == 0:
            return out

def main():
    out, n_claims, n_sources = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    noisy = "--noisy" in sys.argv
    default_articles = 10 if noisy else max(1, n_claims // 30)
    n_articles = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else default_articles
    rnd = random.Random(42)
    for d in ("claims", "sources", "articles"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "evidence.yaml"), "w") as f:
        f.write("title: Benchmark repository\nrules:\n  orphan-source: warning\n")
    bodies = [[] for _ in range(n_articles)]
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
        statement = (f"The screening model reached a sensitivity of {pct} in cohort {c}." if noisy
                     else f"The screening model reached a sensitivity of {pct} in the validation cohort.")
        lines = [f"# Claim {c}", f"id: {cid}",
                 f"statement: {statement}",
                 f"article: article-{c % n_articles}",
                 f"excerpt: 模型在{letters(c)}队列中的敏感性达到{pct}" if not noisy else f"excerpt: 敏感性达到{pct}",
                 "citations:"]
        cited = [f"source-{rnd.randrange(n_sources):06d}" for _ in range(rnd.randint(1, 3))]
        bodies[c % n_articles].append((f"模型在{letters(c)}队列中的敏感性达到{pct}", cited[0]))
        for k, source in enumerate(cited):
            lines.append(f"  - source: {source}")
            if k == 0:
                lines.append(f"    quote: \"The model reached a sensitivity of {pct} in the validation cohort.\"")
                lines.append(f"    locator: p. {rnd.randint(1, 20)}")
        lines += [f"tags: [screening, cohort-{c % 17}]", "note: Generated for the benchmark."]
        with open(os.path.join(out, "claims", sub, f"{cid}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
    for a in range(n_articles):
        with open(os.path.join(out, "articles", f"article-{a}.md"), "w") as f:
            f.write(f"---\ntitle: Article {a}\n---\n\n")
            if noisy:
                f.write(f"Body of article {a}.\n")
                continue
            notes = []
            for k, (excerpt, source) in enumerate(bodies[a], 1):
                f.write(f"研究人员报告，{excerpt}。[^{k}]\n\n")
                notes.append(f"[^{k}]: [Study of screening outcomes](https://example.org/{source})")
            f.write("\n".join(notes) + "\n")

if __name__ == "__main__":
    main()
