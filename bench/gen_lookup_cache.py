#!/usr/bin/env python3
"""Writes sources/.cache/ entries for the sources of a generated repository (bench/gen_repo.py), in the shape
`evidence lookup` writes them: a Crossref work for each DOI (one in 100 with a retraction notice, one in 50 with a
correction) and a PubMed esummary for each PMID, until LIMIT records are written.

usage: gen_lookup_cache.py REPO LIMIT"""
import hashlib, json, os, re, sys

def file_name(identifier):
    s = "".join(c if (c.isascii() and c.isalnum()) or c in ".-" else "_" for c in identifier.lower())[:80]
    return f"{s.strip('.')}-{hashlib.sha256(identifier.encode()).hexdigest()[:8]}.json"

def write(repo, kind, identifier, body):
    folder = os.path.join(repo, "sources", ".cache", kind)
    os.makedirs(folder, exist_ok=True)
    entry = {"request": f"http://127.0.0.1/{kind}/{identifier}", "accept": "application/json", "status": 200,
             "fetched": "2026-12-02", "content-type": "application/json", "body": json.dumps(body, separators=(",", ":"))}
    with open(os.path.join(folder, file_name(identifier)), "w") as f:
        f.write(json.dumps(entry, indent=2, ensure_ascii=False) + "\n")

def main():
    repo, limit = sys.argv[1], int(sys.argv[2])
    written = 0
    for name in sorted(os.listdir(os.path.join(repo, "sources"))):
        if written >= limit or not name.endswith(".yaml"):
            continue
        text = open(os.path.join(repo, "sources", name)).read()
        n = int(re.search(r"source-(\d+)", name).group(1))
        if (doi := re.search(r"^doi: (\S+)$", text, re.M)) and written < limit:
            updated_by = []
            if n % 100 == 7:
                updated_by.append({"DOI": f"10.5555/retraction.{n}", "type": "retraction", "source": "retraction-watch", "updated": {"date-parts": [[2024, 1, 2]]}})
            if n % 50 == 3:
                updated_by.append({"DOI": f"10.5555/erratum.{n}", "type": "correction", "source": "publisher"})
            message = {"DOI": doi.group(1), "type": "journal-article", "title": [f"Study {n}"], "author": [{"family": "Smith", "given": "Jane"}] * 3,
                       "reference": [{"key": f"ref{i}", "DOI": f"10.1234/ref.{n}.{i}"} for i in range(30)]}
            if updated_by:
                message["updated-by"] = updated_by
            write(repo, "crossref", doi.group(1), {"status": "ok", "message-type": "work", "message": message})
            written += 1
        if (pmid := re.search(r'^pmid: "(\d+)"$', text, re.M)) and written < limit:
            p = pmid.group(1)
            write(repo, "pubmed", p, {"header": {"type": "esummary"}, "result": {"uids": [p], p: {
                "uid": p, "title": f"Study {n}.", "authors": [{"name": "Smith J", "authtype": "Author"}] * 3, "source": "J Ex",
                "pubtype": ["Journal Article", "Retracted Publication"] if n % 100 == 11 else ["Journal Article"],
                "articleids": [{"idtype": "pubmed", "value": p}]}}})
            written += 1
    print(f"{written} cache records written under {repo}/sources/.cache")

main()
