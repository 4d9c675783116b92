"""Adversarial inputs: extraction time must grow linearly with their size (issue 6).

    .venv/bin/python bench/adversarial.py [--scale 1.0] [--rules DIR]

For each hostile string (`1,1,1,...` x 100k, `9` x 1,000,000, `百分之` x 100k, `between 1 and` x 10k, one
10 MB line) it times the extractor (reading, article split and extraction; no grouping) at a quarter, a half
and the full size, and prints seconds per MB next to the sample corpus's seconds per MB. Targets: the ratio
adversarial/sample stays <= 3, and doubling the size roughly doubles the time (growth exponent near 1).
The exit code is 1 when a target is missed, so it can gate a run, but it is never a timed test.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.corpus import read_corpus, split_articles  # noqa: E402
from factcheck.extract import Extractor  # noqa: E402
from factcheck.model import SourceFile  # noqa: E402
from factcheck.normalise import load_units  # noqa: E402


def sample_text() -> str:
    corpus = read_corpus([ROOT / "seeds"], warn=lambda line: None)
    return "\n".join(f.text for f in corpus.files)


def cases(scale: float) -> dict[str, str]:
    sample = sample_text()
    one_line = sample.replace("\n", " ")
    ten_mb = int(10_000_000 * scale)
    reps = ten_mb // len(one_line.encode("utf-8")) + 1
    line = (one_line + " ") * reps
    return {
        "1,1,1,... x100k": "1," * int(100_000 * scale),
        "9 x1,000,000": "9" * int(1_000_000 * scale),
        "百分之 x100k": "百分之" * int(100_000 * scale),
        "between 1 and x10k": "between 1 and " * int(10_000 * scale),
        "one 10 MB line": line[: max(1, len(line) * ten_mb // len(line.encode("utf-8")))],
    }


def extract_seconds(extractor: Extractor, text: str, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        source = SourceFile(path="adversarial.txt", text=text, encoding="utf-8", sha256="")
        extractor.extract(text, split_articles(source), source.path)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every case (0.1 for a quick look)")
    parser.add_argument("--rules", default=None)
    parser.add_argument("--max-ratio", type=float, default=3.0)
    parser.add_argument("--only", default=None, help="run only cases whose name contains one of these (comma-separated)")
    args = parser.parse_args(argv)

    extractor = Extractor(load_units(args.rules))
    sample = sample_text()
    mb = len(sample.encode("utf-8")) / 1e6
    base = extract_seconds(extractor, sample, repeat=5) / mb
    print(f"sample corpus: {mb:.3f} MB, {base:.3f} s/MB (median of 5)")
    print(f"{'case':<22} {'MB':>7} {'1/4 s':>8} {'1/2 s':>8} {'full s':>8} {'s/MB':>8} {'ratio':>6} "
          f"{'growth':>6}  verdict")
    failed = False
    for name, text in cases(args.scale).items():
        if args.only and not any(part in name for part in args.only.split(",")):
            continue
        size = len(text.encode("utf-8")) / 1e6
        try:
            quarter = extract_seconds(extractor, text[: len(text) // 4])
            half = extract_seconds(extractor, text[: len(text) // 2])
            full = extract_seconds(extractor, text)
        except Exception as exc:  # a crash is a finding too (issue 6: never an exception)
            failed = True
            print(f"{name:<22} {size:>7.2f}  ERROR {type(exc).__name__}: {exc}"[:200], flush=True)
            continue
        per_mb = full / size
        ratio = per_mb / base
        # growth exponent from 1/4 to full size: 1 is linear, 2 is quadratic
        growth = math.log(max(full, 1e-6) / max(quarter, 1e-6)) / math.log(4) if quarter > 0.02 else float("nan")
        ok = ratio <= args.max_ratio and not (growth > 1.3)
        failed |= not ok
        print(f"{name:<22} {size:>7.2f} {quarter:>8.3f} {half:>8.3f} {full:>8.3f} {per_mb:>8.3f} {ratio:>6.2f} "
              f"{growth:>6.2f}  {'ok' if ok else 'MISSED (target ratio <= %.0f, growth ~1)' % args.max_ratio}",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
