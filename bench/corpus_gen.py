"""Generate a large corpus from the sample articles: same shapes, other numbers, sources and dates.

    .venv/bin/python bench/corpus_gen.py OUT_DIR --articles 10000 [--per-file 10] [--seed 0]

Each sample article (seeds/, split by its byline lines) becomes a template. A generated article is a
template with every figure moved by up to ±30% (same digits count and format; years, dates and times are
kept), a source drawn from a list and a random date and time in 2023-2025. Articles are written as
search-result pages of `--per-file` articles, 1,000 files per sub-folder. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.corpus import read_corpus, split_articles  # noqa: E402

SOURCES = ["Sou Hu Cai Jing", "Reuters", "Xinhua", "Caixin", "Bloomberg", "South China Morning Post",
           "Nikkei Asia", "Global Times", "雪球", "财新网", "Financial Times", "Associated Press", "新浪财经"]
_BYLINE = regex.compile(r"^[^\n]{1,80}?[·•]\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?\s*$", regex.M)
_NUMBER = regex.compile(r"(?<![\d.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d:/]|-\d)")
HEADER = "Workflow\n稀土\nicon\nSearch documents\n"


def templates(seeds: Path = ROOT / "seeds") -> list[tuple[str, str]]:
    """(title line, body) of each sample article, byline removed."""
    out = []
    for source in read_corpus([seeds], warn=lambda line: None).files:
        for article in split_articles(source):
            chunk = source.text[article.start:article.end]
            lines = chunk.split("\n", 2)
            if len(lines) == 3 and _BYLINE.match(lines[1]):
                out.append((lines[0], lines[2].rstrip("\n")))
    return out


def _vary(match: regex.Match, rng: random.Random) -> str:
    whole, frac = match[1], match[2] or ""
    digits = whole.replace(",", "")
    if len(digits) == 4 and 1900 <= int(digits) <= 2099 and not frac:
        return match[0]  # a year
    value = float(digits + frac) * rng.uniform(0.7, 1.3)
    if frac:
        return f"{value:.{len(frac) - 1}f}"
    number = max(1, round(value))
    return f"{number:,}" if "," in whole else str(number)


def article(template: tuple[str, str], rng: random.Random) -> str:
    title, body = template
    year = rng.choice((2023, 2024, 2025))
    byline = (f"{rng.choice(SOURCES)}· {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
              f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")
    return f"{title}\n{byline}\n{_NUMBER.sub(lambda m: _vary(m, rng), body)}\n"


def generate(out: Path, articles: int, per_file: int = 10, seed: int = 0) -> tuple[int, int]:
    """Write the corpus; returns (files, bytes)."""
    pool = templates()
    rng = random.Random(seed)
    files = written = 0
    for first in range(0, articles, per_file):
        page = HEADER + "".join(article(pool[(first + k) % len(pool)], rng)
                                for k in range(min(per_file, articles - first)))
        path = out / f"{files // 1000:03d}" / f"{files:06d}_{rng.getrandbits(64):016x}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        path.write_bytes(data)
        files += 1
        written += len(data)
    return files, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-file", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    files, size = generate(args.out, args.articles, args.per_file, args.seed)
    print(f"{args.out}: {args.articles} articles in {files} files, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
