#!/usr/bin/env python3
"""Baseline for the import benchmark: create the files an import wrote (same folders and names, 300 bytes each,
O_EXCL, one write), to show what the file system alone costs. usage: create_files.py IMPORTED_REPO DEST"""
import os, sys

src, dst = sys.argv[1], sys.argv[2]
for folder in ("articles", "sources", "claims"):
    os.makedirs(os.path.join(dst, folder), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(src, folder))):
        fd = os.open(os.path.join(dst, folder, name), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        os.write(fd, b"x" * 300)
        os.close(fd)
