#!/usr/bin/env python3
"""Prints the table of bench/scaling.sh from its results file (shape, command, size, bytes, seconds per line):
times per size and the fitted exponent (slope of log time over log size, over the runs that finished).

usage: scaling_table.py RESULTS.tsv "10000 20000 40000 100000"
"""
import math, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sizes = sys.argv[2].split()
table = {}
for shape, cmd, n, b, t in rows:
    table.setdefault((shape, cmd), {})[n] = (int(b), t)
def fmt(n):
    n = int(n)
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)
print("| shape | command | " + " | ".join(fmt(n) for n in sizes) + " | exponent | bytes at largest |")
print("|---|---|" + "---|" * len(sizes) + "---|---|")
for (shape, cmd), runs in table.items():
    cells, pts = [], []
    for n in sizes:
        if n not in runs:
            cells.append("")
            continue
        b, t = runs[n]
        cells.append(t if t.startswith(">") else f"{float(t):.2f}")
        if not t.startswith(">"):
            pts.append((math.log(int(n)), math.log(max(float(t), 1e-3))))
    if len(pts) >= 2:
        mx = sum(x for x, _ in pts) / len(pts)
        my = sum(y for _, y in pts) / len(pts)
        sxx = sum((x - mx) ** 2 for x, _ in pts)
        slope = sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else float("nan")
        exp = f"{slope:.2f}"
    else:
        exp = "-"
    largest = max(runs.values(), key=lambda r: r[0])[0]
    print(f"| {shape} | {cmd} | " + " | ".join(cells) + f" | {exp} | {largest:,} |")
