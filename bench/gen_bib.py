#!/usr/bin/env python3
"""Generates a BibTeX file of N entries for bench/bib-bench.sh: articles, books, reports, web pages, with macros,
LaTeX escapes, crossrefs and some duplicates (same DOI), as large real bibliographies have."""
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
families = ["M{\\\"u}ller", "Smith", "van der Berg", "Zhang", "O'Connor", "Garc{\\'i}a", "Nguyen", "Kowalski", "Dubois", "Rossi"]
givens = ["Anna", "Jan", "Ling", "Mar{\\'i}a", "Kai", "J{\\\"o}rg", "Wei", "Sarah", "Pierre", "Giulia"]
words = ["cancer", "screening", "deep", "learning", "CT", "imaging", "gastric", "pancreatic", "detection", "cohort",
         "trial", "model", "population", "risk", "survival", "analysis", "early", "diagnosis", "AI", "noncontrast"]
journals = ["natmed", "lancet", "jama", "nejm", "bmj"]
with open(out, "w", encoding="utf-8") as f:
    f.write('@string{natmed = "Nature Medicine"}\n@string{lancet = "The Lancet"}\n@string{jama = "JAMA"}\n'
            '@string{nejm = "New England Journal of Medicine"}\n@string{bmj = "BMJ"}\n\n')
    f.write("@proceedings{proc2024, title = {Proceedings of the Imaging Conference}, year = 2024, publisher = {Imaging Society}}\n\n")
    for i in range(n):
        authors = " and ".join(f"{rng.choice(families)}, {rng.choice(givens)}" for _ in range(rng.randint(1, 8)))
        title = " ".join(rng.choice(words) for _ in range(rng.randint(5, 12))).capitalize()
        year = rng.randint(1990, 2025)
        kind = i % 10
        dup = i % 200 == 190  # every 200th entry repeats the DOI of an earlier article
        base = i - 190 if dup else i
        doi = f"10.{1000 + base % 9000}/bench.{base}"
        if kind < 6:
            f.write(f"@article{{key{i},\n  author = {{{authors}}},\n  title = {{{title} \\& {{CT}}}},\n"
                    f"  journal = {rng.choice(journals)},\n  year = {year},\n  month = {rng.choice(['jan','feb','mar','jun','nov'])},\n"
                    f"  volume = {{{rng.randint(1, 400)}}},\n  number = {{{rng.randint(1, 12)}}},\n  pages = {{{rng.randint(1, 900)}--{rng.randint(901, 999)}}},\n"
                    f"  doi = {{{doi}}},\n  abstract = {{An abstract that is not imported.}},\n  keywords = {{a, b, c}},\n}}\n\n")
        elif kind < 8:
            f.write(f"@book{{key{i},\n  author = {{{authors}}},\n  title = {{{title}}},\n  publisher = {{Springer}},\n"
                    f"  address = {{Berlin}},\n  year = {{{year}}},\n  isbn = {{978-3-16-148410-{i % 10}}},\n}}\n\n")
        elif kind == 8:
            f.write(f"@online{{key{i},\n  author = {{{{World Health Organization}}}},\n  title = {{{title}}},\n"
                    f"  url = {{https://www.who.int/news/item/{i}}},\n  urldate = {{2025-06-25}},\n  date = {{{year}-06-1{i % 10}}},\n}}\n\n")
        else:
            f.write(f"@inproceedings{{key{i},\n  author = {{{authors}}},\n  title = {{{title}}},\n  crossref = {{proc2024}},\n"
                    f"  pages = {{{rng.randint(1, 50)}--{rng.randint(51, 99)}}},\n}}\n\n")
