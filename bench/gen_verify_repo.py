#!/usr/bin/env python3
"""Generate an evidence repository for the verification benchmark.

usage: gen_verify_repo.py DIR [CLAIMS] [SOURCES] [SNAPSHOT_BYTES]   (defaults: 10000 2000 20000)

Every source has a snapshot of about SNAPSHOT_BYTES (UTF-8) of invented text, hard-wrapped at ~80 columns:
85% English-like prose from a Zipf-distributed pseudo-word vocabulary with figures in it, 15% Chinese-like
text with full-width digits; every tenth English snapshot is an HTML page with navigation and scripts. Every
claim quotes one sentence of one snapshot: ~80% verbatim (re-flowed onto one line, so line breaks must be
normalised away), ~10% with one digit changed, ~10% with one word changed; statements carry the quote's
figure. Half the sources are primary; the others report on a primary one. Deterministic.
"""
import hashlib, os, random, sys

def main():
    out = sys.argv[1]
    n_claims = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    n_sources = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 20000
    rnd = random.Random(7)
    syllables = [c + v for c in "bcdfghklmnprstvwz" for v in ["a", "e", "i", "o", "u", "ai", "ou", "ei"]]
    vocab = sorted({"".join(rnd.choice(syllables) for _ in range(rnd.choice([1, 2, 2, 3, 3, 4]))) for _ in range(6000)})
    rnd.shuffle(vocab)
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    # Han characters, without the scale, qualifier and date words a figure extractor reads next to a number
    # (2万 is 20,000, not 2).
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 2500) if chr(c) not in "万亿千百十多余约近超逾左右以上下内至到第年月日个点倍"]
    han_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(han))]
    fw = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

    def figure():
        k = rnd.random()
        if k < 0.4:
            return f"{rnd.randint(1, 99)}.{rnd.randint(0, 9)}%"
        if k < 0.7:
            return f"{rnd.randint(1, 99)},{rnd.randint(0, 999):03d}"
        return str(rnd.randint(2, 999))

    def en_sentence():
        words = rnd.choices(vocab, weights, k=rnd.randint(10, 24))
        words[0] = words[0].capitalize()
        fig = figure()
        words.insert(rnd.randint(2, len(words) - 1), fig)
        return " ".join(words) + ".", fig

    def zh_sentence():
        chars = rnd.choices(han, han_weights, k=rnd.randint(14, 30))
        fig = figure()
        at = rnd.randint(3, len(chars) - 2)
        return "".join(chars[:at]) + fig.translate(fw) + "".join(chars[at:]) + "。", fig

    def wrap(sentences, width=80):
        lines, line = [], ""
        for s in sentences:
            for word in (s.split(" ") if " " in s else [s]):
                if line and len(line) + 1 + len(word) > width:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
        return lines

    def wrap_cjk(text, width=40):
        # Break every ~40 characters, never inside a number (a line break between two digits is a space).
        lines, start = [], 0
        while start < len(text):
            end = min(len(text), start + width)
            while end < len(text) and (text[end - 1] in "０１２３４５６７８９．，,％" or text[end] in "０１２３４５６７８９．，,％"):
                end += 1
            lines.append(text[start:end])
            start = end
        return lines

    for d in ("claims", "sources/snapshots"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "evidence.yaml"), "w") as f:
        f.write("title: Verification benchmark\n")

    primaries = n_sources // 2
    sentences_of = []
    for s in range(n_sources):
        sid = f"source-{s:05d}"
        chinese = s % 7 == 3
        html = not chinese and s % 10 == 0
        paragraphs, sentences, total = [], [], 0
        while total < size:
            para = [zh_sentence() if chinese else en_sentence() for _ in range(rnd.randint(3, 7))]
            sentences += para
            text = "".join(p[0] for p in para) if chinese else None
            lines = wrap_cjk(text) if chinese else wrap([p[0] for p in para])
            paragraphs.append(lines)
            total += sum(len(l.encode()) + 1 for l in lines) + 1
        if html:
            body = "\n".join("<p>" + "\n".join(p) + "</p>" for p in paragraphs)
            content = ("<!DOCTYPE html>\n<html><head><title>Report</title><script>var a = 1;</script></head><body>\n"
                       "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n<article>\n" + body +
                       "\n</article>\n<footer>Footer text</footer><script>track();</script></body></html>\n")
            ext = "html"
        else:
            content = "\n\n".join("\n".join(p) for p in paragraphs) + "\n"
            ext = "txt"
        data = content.encode()
        with open(os.path.join(out, "sources", "snapshots", f"{sid}.{ext}"), "wb") as f:
            f.write(data)
        sentences_of.append(sentences)
        primary = s < primaries
        lines = [f"id: {sid}", f"type: {'report' if primary else 'news'}", f"title: Generated source {s}",
                 f"level: {'primary' if primary else 'secondary'}"]
        if not primary:
            lines.append(f"reports-on: [source-{rnd.randrange(primaries):05d}]")
        lines += [f"snapshot: snapshots/{sid}.{ext}", f"snapshot-sha256: {hashlib.sha256(data).hexdigest()}", "archived: 2025-06-25"]
        with open(os.path.join(out, "sources", f"{sid}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")

    kinds = {"verbatim": 0, "digit": 0, "word": 0}
    for c in range(n_claims):
        s = rnd.randrange(n_sources)
        sentence, fig = rnd.choice(sentences_of[s])
        quote = sentence
        k = rnd.random()
        if k < 0.8:
            kinds["verbatim"] += 1
        elif k < 0.9:
            kinds["digit"] += 1
            digits = [i for i, ch in enumerate(quote) if ch.isdigit() or ch in "０１２３４５６７８９"]
            i = rnd.choice(digits)
            quote = quote[:i] + ("7" if quote[i] not in "7７" else "3") + quote[i + 1:]
        else:
            kinds["word"] += 1
            if " " in quote:
                words = quote.split(" ")
                j = rnd.randrange(len(words))
                words[j] = "altered"
                quote = " ".join(words)
            else:
                quote = quote[:5] + "改" + quote[6:]
        sub = f"batch-{c // 1000:03d}"
        os.makedirs(os.path.join(out, "claims", sub), exist_ok=True)
        q = quote.replace("\\", "\\\\").replace('"', '\\"')
        with open(os.path.join(out, "claims", sub, f"claim-{c:05d}.yaml"), "w") as f:
            f.write(f"id: claim-{c:05d}\nstatement: \"A generated claim states {fig}.\"\ncitations:\n"
                    f"  - source: source-{s:05d}\n    quote: \"{q}\"\n")
    print(f"{n_claims} claims ({kinds['verbatim']} verbatim, {kinds['digit']} one digit changed, {kinds['word']} one word changed), "
          f"{n_sources} sources with snapshots of ~{size // 1000} KB")

main()
