#!/usr/bin/env python3
"""Writes a PDF of N pages of text (default 30), by hand: one Helvetica text stream per page, a running header and a
page number, some end-of-line hyphenation and ligature-free prose. For bench/pdf-bench.sh (no PDF library needed).
Page K holds the sentence "Finding number K: the measured effect was K.5 percent in the treated group."

usage: gen_pdf.py OUT.pdf [PAGES]
"""
import sys

from pdf_file import pdf_file

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 30
words = ("the participants were randomly assigned to one of two groups and followed for twelve weeks while "
         "their sleep duration was recorded by wrist actigraphy and daily diaries kept at home").split()


def esc(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_text(k):
    lines = ["Journal of Benchmark Studies - Volume 12"]
    body = []
    for i in range(44):
        line = " ".join(words[(i * 7 + j + k) % len(words)] for j in range(11))
        body.append(line[0].upper() + line[1:] + ("." if i % 5 == 4 else ""))
    body[20] = f"Finding number {k}: the measured effect was {k}.5 percent in the treated group."
    body[30] = body[30] + " inter-"
    body[31] = "vention " + body[31]
    lines += body
    lines.append(str(k))
    ops = ["BT", "/F1 10 Tf", "12 TL", "50 790 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


objects = []  # index 0 is object 1


def add(data):
    objects.append(data)
    return len(objects)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
pages_id = len(objects) + 1 + 2 * pages + 1  # after the page and content objects and the catalog placeholder
kids = []
for k in range(1, pages + 1):
    stream = page_text(k)
    content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (pages_id, font, content)))
catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)) == pages_id

open(out, "wb").write(pdf_file(objects, catalog))
