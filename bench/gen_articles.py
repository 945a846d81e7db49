#!/usr/bin/env python3
"""Generate Markdown articles for the import benchmark.

usage: gen_articles.py DIR COUNT [--size BYTES]

Each article (about 10 KB by default) has YAML front matter, headings, paragraphs of English or Chinese sentences
with figures and strong words, a block quote, a list, code, footnote markers (single and adjacent; about one
sentence in five ends a cited passage, the seed article's density) and footnote definitions in the shapes import reads. URLs come from a shared pool, so sources are shared across articles.
Deterministic: the same arguments give the same files.
"""
import os, random, sys

EN_WORDS = ("the screening model reached results in cohort patients hospital study trial scans detection rate "
            "researchers reported cancer early stage team data network doctors said survival improved across "
            "regions clinics program budget policy national").split()
ZH_PHRASES = ["研究团队", "临床数据显示", "筛查模型", "早期发现率", "医院合作", "患者样本", "检出率", "生存率", "试点项目",
              "全国多个中心", "影像数据", "人工智能", "医疗资源", "公共卫生", "随访结果"]
PUBLISHERS = ["Example Times", "Health Wire", "Nordic Daily", "Science Desk", "量子位", "新浪财经", "网易新闻", "新华网"]

def en_sentence(rnd):
    words = [rnd.choice(EN_WORDS) for _ in range(rnd.randint(8, 18))]
    if rnd.random() < 0.5:
        words.insert(rnd.randrange(len(words)), f"{rnd.randint(1, 99)}.{rnd.randint(0, 9)}%")
    if rnd.random() < 0.2:
        words.insert(rnd.randrange(len(words)), rnd.choice(["first", "largest", "only", "record"]))
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."

def zh_sentence(rnd):
    parts = [rnd.choice(ZH_PHRASES) for _ in range(rnd.randint(3, 6))]
    if rnd.random() < 0.5:
        parts.insert(rnd.randrange(len(parts)), f"达到{rnd.randint(1, 99)}.{rnd.randint(0, 9)}%")
    if rnd.random() < 0.2:
        parts.insert(rnd.randrange(len(parts)), rnd.choice(["首次", "全球首个", "最大"]))
    return "，".join(parts) + "。"

def definition(rnd, n, url_id):
    url = f"https://news{url_id % 97}.example.com/articles/{url_id}"
    pub = rnd.choice(PUBLISHERS)
    d = f"{rnd.randint(2019, 2025)}/{rnd.randint(1, 12)}/{rnd.randint(1, 28)}"
    shape = url_id % 5
    if shape == 0:
        return f"[^{n}]: [Report {url_id} on screening]({url})·{pub}·（{d}）·检索日期2025/6/25"
    if shape == 1:
        return f"[^{n}]: [Report {url_id} on screening]({url}?utm_source=rss) · {pub} · ({d}) · retrieved 2025/6/25"
    if shape == 2:
        return f"[^{n}]: Report {url_id}. {pub}, {d.replace('/', '-')}. {url}/ (accessed 2025-06-26)"
    if shape == 3:
        return f"[^{n}]: 报道{url_id}（{url}）（{d}）"
    return f"[^{n}]: Interview notes {url_id}, unpublished"

def article(rnd, i, size):
    zh = i % 2 == 1
    sentence = zh_sentence if zh else en_sentence
    lines = ["---", f"title: Article {i}", f"date: 2025-06-{1 + i % 28:02d}", "tags: [benchmark, screening]", "---", ""]
    notes = rnd.randint(8, 12)
    used = set()
    body = 0
    while body < size - 1500:
        kind = rnd.random()
        if kind < 0.08:
            text = f"## Section {body}"
        else:
            sents = []
            for _ in range(rnd.randint(3, 6)):
                s = sentence(rnd)
                r = rnd.random()
                # About one sentence in five ends a cited passage, as in the seed article (12 passages, ~60 sentences).
                if r < 0.17:
                    n = rnd.randint(1, notes); used.add(n); s += f"[^{n}]"
                elif r < 0.21:
                    a, b = rnd.randint(1, notes), rnd.randint(1, notes); used.update((a, b)); s += f"[^{a}][^{b}]"
                sents.append(s)
            text = ("" if zh else " ").join(sents)
            if kind < 0.15:
                text = "> " + text
            elif kind < 0.22:
                text = "- " + text
            elif kind < 0.25:
                text = text + " See `code [^99]` too."
        lines += [text, ""]
        body += len(text.encode())
    for n in range(1, notes + 1):
        lines.append(definition(rnd, n, rnd.randrange(3000)))
    return "\n".join(lines) + "\n"

def main():
    out, count = sys.argv[1], int(sys.argv[2])
    size = int(sys.argv[sys.argv.index("--size") + 1]) if "--size" in sys.argv else 10_000
    rnd = random.Random(7)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        with open(os.path.join(out, f"article-{i:04d}.md"), "w", encoding="utf-8") as f:
            f.write(article(rnd, i, size))

if __name__ == "__main__":
    main()
