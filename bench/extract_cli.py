#!/usr/bin/env python3
"""The whole `factcheck extract PATH --format json` process against one bare compiled regex scan.

    .venv/bin/python bench/extract_cli.py [--mb 1] [--repeat 3]

Builds about `--mb` MB of news from the sample corpus (its files repeated into 100 files), then times, in
the same run: the command on that folder (`--jobs 1 --no-cache`, output to a file), the same command on a
one-line file (start-up: interpreter, imports, rules and unit registry), and a bare compiled pattern for a
number and the unit lexicon over the same text (`run.regex_ceiling`). Each figure is the fastest of `--repeat` runs. Prints the command's speed with
start-up subtracted as a share of the regex scan's; the target is at least 10%.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, corpus_files, regex_ceiling  # noqa: E402

FACTCHECK = str(ROOT / ".venv" / "bin" / "factcheck")


def build_corpus(folder: Path, mb: float, files: int = 100) -> str:
    """About `mb` MB of the sample corpus's articles as `files` files; returns the whole text."""
    sources = corpus_files()
    target = int(mb * 1_000_000)
    texts, size, i = [], 0, 0
    while size < target:
        text = sources[i % len(sources)].text
        texts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    per_file = max(1, len(texts) // files)
    for n in range(0, len(texts), per_file):
        (folder / f"{n:05d}.txt").write_text("\n\n".join(texts[n:n + per_file]), encoding="utf-8")
    return "\n".join(texts)


def best_seconds(fn, repeat: int) -> float:
    """The fastest of `repeat` runs: other processes on the machine only ever add time."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def command_seconds(path: Path, repeat: int, factcheck: str = FACTCHECK) -> float:
    cmd = [factcheck, "extract", str(path), "--format", "json", "--jobs", "1", "--no-cache", "--quiet"]

    def run() -> None:
        with tempfile.TemporaryFile() as out:
            subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, check=True, cwd=path.parent)
    return best_seconds(run, repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--command", default=FACTCHECK, help="the factcheck executable (default: the project's venv)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        news = work / "news"
        news.mkdir()
        text = build_corpus(news, args.mb)
        tiny = work / "tiny"
        tiny.mkdir()
        (tiny / "a.txt").write_text("Sales rose 5% to 3 million tons.\n", encoding="utf-8")
        startup = command_seconds(tiny, args.repeat, args.command)
        whole = command_seconds(news, args.repeat, args.command)
        scan = regex_ceiling(text)
        scan()  # warm-up
        ceiling = best_seconds(scan, args.repeat)
    chars = len(text)
    work_s = max(whole - startup, 1e-9)
    print(f"text: {chars:,} characters ({len(text.encode('utf-8')) / 1e6:.2f} MB)")
    print(f"factcheck extract --format json: {whole:.2f} s, start-up {startup:.2f} s, "
          f"work {work_s:.2f} s = {chars / work_s / 1e6:.2f} M chars/s")
    print(f"bare compiled regex (number + unit lexicon): {ceiling:.3f} s = {chars / ceiling / 1e6:.2f} M chars/s")
    print(f"factcheck extract / regex scan: {ceiling / work_s:.1%}   (target >= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
