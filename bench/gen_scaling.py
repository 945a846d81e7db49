#!/usr/bin/env python3
"""Generates one input of a given shape and size for bench/scaling.sh.

usage: gen_scaling.py SHAPE N DIR

Writes DIR/evidence.yaml, DIR/claims/, DIR/sources/ (an evidence repository) and the input the shape is about:
  ris          DIR/in.ris: N RIS records of one first author and year (as a lab's list of its papers), other authors,
               titles and DOIs varied; with no ID tag, every id derives from author, year and title: smith-2020-study-N
  csl          DIR/in.json: N CSL-JSON items as the ris shape, with record numbers for ids (as Zotero writes them),
               the whole array on one line (as Zotero's API and many tools write it)
  bib          DIR/in.bib: N BibTeX entries with keys, macros and LaTeX escapes
  ris-lines    DIR/in.ris: one RIS record whose abstract runs over N continuation lines
  yaml-nest    DIR/claims/deep.yaml: a claim whose tags value is a flow sequence nested N deep
  fn-markers   DIR/in.md: an article with one paragraph of N footnote markers (`x.[^1]` N times)
  link-opens   DIR/in.md: an article with one paragraph of N unclosed link openings (`[a](` N times)
  footnotes    DIR/in.md: an article of N paragraphs of one cited sentence, each with its own footnote definition
  paragraphs   DIR/in.md: an article of N ordinary paragraphs (the yardstick for the Markdown shapes)
  long-number  DIR/in.md: an article of one number of N thousands groups (`1,234,234,…`)
  adjacent-links DIR/in.md: an article of one line of N inline links with nothing between them but `·`
  setext       DIR/in.md: an article of `x` and then N lines of `=` (each a setext underline or a paragraph line)
  figures      DIR/claims/many.yaml: a claim of N percentages whose quote states N others (none agrees)
  quote-periodic DIR/claims/q.yaml: a quote `acac…bb…acac` of 4N characters, its snapshot `acac…` of 40N
  quote-parts  DIR/claims/q.yaml: a quote of N/100 elided parts of 100 `a`s and a last `b`, its snapshot 40N `a`s
Deterministic: the same arguments give the same files.
"""
import json
import os
import random
import sys

shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(n * 31 + len(shape))
os.makedirs(os.path.join(out, "claims"), exist_ok=True)
os.makedirs(os.path.join(out, "sources"), exist_ok=True)
with open(os.path.join(out, "evidence.yaml"), "w", encoding="utf-8") as f:
    f.write("title: Scaling bench\n")

FAMILIES = ["Smith", "Zhang", "Müller", "Garcia", "Nguyen", "Kowalski", "Dubois", "Rossi", "Okafor", "Tanaka"]
GIVENS = ["Anna", "Jan", "Ling", "María", "Kai", "Jörg", "Wei", "Sarah", "Pierre", "Giulia"]
WORDS = ["cancer", "screening", "deep", "learning", "imaging", "gastric", "detection", "cohort", "trial", "model",
         "population", "risk", "survival", "analysis", "early", "diagnosis", "noncontrast", "outcome", "policy", "care"]


def title():
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()


def study():
    return "Study of " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12)))


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


if shape == "ris":
    parts = []
    for i in range(n):
        authors = "AU  - Smith, Anna\n" + "".join(f"AU  - {rng.choice(FAMILIES)}, {rng.choice(GIVENS)}\n" for _ in range(rng.randint(0, 5)))
        parts.append(f"TY  - JOUR\n{authors}TI  - {study()}\nT2  - Journal {i % 50}\nPY  - 2020\n"
                     f"VL  - {rng.randint(1, 300)}\nSP  - {rng.randint(1, 500)}\nEP  - {rng.randint(501, 999)}\n"
                     f"DO  - 10.{1000 + i % 9000}/ris.{i}\nER  - \n\n")
    write("in.ris", "".join(parts))
elif shape == "csl":
    items = []
    for i in range(n):
        items.append({
            "id": str(100000 + i),  # a record number, as Zotero writes: the source id is derived from author, year, title
            "type": "article-journal",
            "title": study(),
            "author": [{"family": "Smith", "given": "Anna"}]
                      + [{"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)} for _ in range(rng.randint(0, 5))],
            "container-title": f"Journal {i % 50}",
            "issued": {"date-parts": [[2020, rng.randint(1, 12)]]},
            "volume": str(rng.randint(1, 300)),
            "page": f"{rng.randint(1, 500)}-{rng.randint(501, 999)}",
            "DOI": f"10.{1000 + i % 9000}/csl.{i}",
        })
    write("in.json", json.dumps(items, ensure_ascii=False, separators=(",", ":")))
elif shape == "bib":
    parts = ['@string{jn = "Journal of Benchmarks"}\n\n']
    for i in range(n):
        authors = " and ".join(f"{rng.choice(FAMILIES)}, {rng.choice(GIVENS)}" for _ in range(rng.randint(1, 6)))
        parts.append(f"@article{{key{i},\n  author = {{{authors}}},\n  title = {{{title()} \\& {{CT}}}},\n  journal = jn,\n"
                     f"  year = {rng.randint(1990, 2025)},\n  volume = {{{rng.randint(1, 300)}}},\n"
                     f"  pages = {{{rng.randint(1, 500)}--{rng.randint(501, 999)}}},\n  doi = {{10.{1000 + i % 9000}/bib.{i}}},\n}}\n\n")
    write("in.bib", "".join(parts))
elif shape == "bib-open":
    # entries whose values are never closed, the braces adding up, some lines ending in a lone carriage return (a
    # fuzzed file of this shape was quadratic: each value was read to the end of the file)
    write("in.bib", "".join(f"@article{{broken{i},\r\n  title = {{Unclosed {{brace,\r\n  year = {{2022}},\r\n\r"
                            f"@book{{good{i},\r  title = {{Good}},\n}}\n" for i in range(n)))
elif shape == "ris-lines":
    lines = "".join(f"  line {i} of an abstract that runs on and on\n" for i in range(n))
    write("in.ris", f"TY  - JOUR\nAU  - Smith, Anna\nTI  - A long abstract\nPY  - 2020\nAB  - start\n{lines}ER  - \n")
elif shape == "yaml-nest":
    write("claims/deep.yaml", "id: deep\nstatement: A claim with a deep value.\ntags: " + "[" * n + "]" * n + "\n")
elif shape in ("fn-markers", "link-opens", "footnotes", "paragraphs"):
    head = "---\ntitle: Scaling\n---\n\n"
    if shape == "fn-markers":
        body = "x.[^1]" * n + "\n\n[^1]: Example. https://example.com/a\n"
    elif shape == "link-opens":
        body = "[a](" * n + "\n"
    elif shape == "footnotes":
        sentences = "".join(f"Sentence {i} reports {i % 97}.{i % 10}% of cases.[^{i}] " for i in range(1, n + 1)).replace("] ", "]\n\n")
        defs = "".join(f"[^{i}]: Report {i}. Example Times, 2024-03-02. https://example{i % 500}.com/r/{i}\n" for i in range(1, n + 1))
        body = sentences + "\n\n" + defs
    else:
        body = "".join(f"Paragraph {i} says the rate was {i % 97}.{i % 10}% in the cohort of the year.\n\n" for i in range(n))
    write("in.md", head + body)
elif shape in ("long-number", "adjacent-links", "setext"):
    head = "---\ntitle: Scaling\n---\n\n"
    if shape == "long-number":
        body = "The count was 1" + ",234" * n + " cases.\n"
    elif shape == "adjacent-links":
        body = "x " + "[T](https://e.com)·" * n + "\n"
    else:
        body = "x\n" + "=\n" * n
    write("in.md", head + body)
elif shape in ("figures", "quote-periodic", "quote-parts"):
    write("sources/s.yaml", "id: s\ntype: report\nlevel: primary\ntitle: S\n" + ("" if shape == "figures" else "snapshot: snapshots/s.txt\n"))
    if shape == "figures":
        statement = ", ".join(f"{i}.5%" for i in range(n))
        quote = ", ".join(f"{i}.7%" for i in range(n))
    elif shape == "quote-periodic":
        statement = "A claim."
        quote = "ac" * n + "bb" + "ac" * n
        os.makedirs(os.path.join(out, "sources", "snapshots"), exist_ok=True)
        write("sources/snapshots/s.txt", "ac" * (20 * n))
    else:
        statement = "A claim."
        quote = " … ".join(["a" * 100] * max(1, n // 100)) + " … b"
        os.makedirs(os.path.join(out, "sources", "snapshots"), exist_ok=True)
        write("sources/snapshots/s.txt", "a" * (40 * n))
    write("claims/q.yaml" if shape != "figures" else "claims/many.yaml",
          f"id: {'q' if shape != 'figures' else 'many'}\nstatement: {json.dumps(statement)}\ncitations:\n  - source: s\n    quote: {json.dumps(quote, ensure_ascii=False)}\n")
else:
    sys.exit(f"unknown shape {shape}")
