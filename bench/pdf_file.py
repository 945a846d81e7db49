"""The file structure of a hand-written PDF, shared by bench/gen_pdf.py and tests/fixtures/pdfs/make.py: a header,
the numbered objects, the cross-reference table and the trailer."""


def pdf_file(objects, root, info=None):
    """objects: the bodies of objects 1, 2, … (bytes); root: the catalog's number; info: the info dictionary's, if any."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, b" /Info %d 0 R" % info if info else b"", xref)
    return bytes(out)
