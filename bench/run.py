#!/usr/bin/env python3
"""Throughput and scale benchmark: factcheck against its peers and the regex ceiling, and 1k-100k articles.

    .venv/bin/python bench/run.py                      # everything (the 100k corpus takes minutes)
    .venv/bin/python bench/run.py --sizes 1000,10000   # a quicker pipeline table
    .venv/bin/python bench/run.py --skip-peers --skip-pipeline --profile

See bench/README.md. Peers (quantulum3 0.10, Recognizers-Text) and pyinstrument live in their own venv
(`--peers-venv`, default bench/.venv-peers), never in the project's; each peer is timed inside its own
process on the same text file, after a warm-up call, so start-up and model loading are excluded.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEER_PACKAGES = ["quantulum3>=0.10,<0.11", "recognizers-text-suite", "emoji<1.0", "pyinstrument"]
# emoji<1.0: recognizers-text imports emoji.UNICODE_EMOJI, which emoji 1.x/2.x removed.

PEER_SCRIPT = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
name, path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(path, encoding="utf-8").read()
if name == "quantulum3":
    from quantulum3 import parser
    def run():
        return len(parser.parse(text))
else:
    from recognizers_number import Culture, NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    numbers, units = NumberRecognizer(Culture.English), NumberWithUnitRecognizer(Culture.English)
    models = [numbers.get_number_model(), numbers.get_percentage_model(), units.get_currency_model(),
              units.get_dimension_model()]
    def run():
        return sum(len(m.parse(text)) for m in models)
found = run()  # warm-up: imports, model and classifier loading are not timed
times = []
for _ in range(repeat):
    t0 = time.perf_counter()
    run()
    times.append(time.perf_counter() - t0)
print(json.dumps({"found": found, "times": times}))
"""


# -- texts ------------------------------------------------------------------------------------------------

def corpus_files():
    from factcheck.corpus import read_corpus

    return read_corpus([ROOT / "seeds"], warn=lambda line: None).files


def english_text() -> str:
    """The sample corpus's English lines (Latin letters dominate), as one text."""
    import regex

    lines = []
    for source in corpus_files():
        for line in source.text.split("\n"):
            letters = len(regex.findall(r"[A-Za-z]", line))
            if letters >= 20 and len(regex.findall(r"\p{Han}", line)) * 10 <= letters:
                lines.append(line)
    return "\n".join(lines) + "\n"


# -- measurements -----------------------------------------------------------------------------------------

def median_seconds(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def factcheck_runner(sources):
    """Extraction as `--jobs 1` runs it, per file: split into articles, extract."""
    from factcheck.corpus import split_articles
    from factcheck.extract import Extractor
    from factcheck.normalise import load_units

    extractor = Extractor(load_units(None))

    def run() -> int:
        return sum(len(extractor.extract(s.text, split_articles(s), s.path)) for s in sources)
    return run


def as_source(text: str, name: str):
    from factcheck.model import SourceFile

    return SourceFile(path=name, text=text, encoding="utf-8", sha256="")


def regex_ceiling(text: str):
    """A single compiled pattern: a number, optionally followed by a unit of the project's lexicon."""
    import regex

    from factcheck.normalise import load_units

    units = load_units(None).pattern.pattern
    number = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    pattern = regex.compile(number + r"(?:\s*(?:%|" + units + r"))?")

    def run() -> int:
        return sum(1 for _ in pattern.finditer(text))
    return run


def ensure_peers(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating the peers' venv {venv} (quantulum3, Recognizers-Text, pyinstrument)...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True)
    return python


def peer_rate(python: Path, name: str, path: Path, chars: int, repeat: int) -> tuple[float, int]:
    out = subprocess.run([str(python), "-c", PEER_SCRIPT, name, str(path), str(repeat)], capture_output=True,
                         text=True, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return chars / statistics.median(data["times"]), data["found"]


# -- profile ----------------------------------------------------------------------------------------------

PROFILE_SCRIPT = r"""
import sys, json
sys.path.insert(0, sys.argv[1])
from pyinstrument import Profiler
from bench.run import corpus_files, factcheck_runner
run = factcheck_runner(corpus_files())
run()
profiler = Profiler(interval=0.0005)
profiler.start()
for _ in range(int(sys.argv[2])):
    run()
profiler.stop()
session = profiler.last_session
totals = {}
def walk(frame, caller):
    if frame is None:
        return
    path = frame.file_path_short or ""
    ours = "factcheck" in path and not frame.function.startswith("[")
    if frame.function.startswith("[self]"):
        key = caller  # time spent in the calling function's own lines
    elif ours:
        key = (frame.function, path, frame.line_no or 0)
    else:  # a builtin or library call: attribute it to the factcheck function that made it
        key = (frame.function + " in " + caller[0], caller[1], caller[2])
    own = frame.time - sum(c.time for c in frame.children)
    totals[key] = totals.get(key, 0.0) + own
    for child in frame.children:
        walk(child, (frame.function, path, frame.line_no or 0) if ours else caller)
walk(session.root_frame(), ("<top>", "", 0))
duration = session.duration
top = sorted(totals.items(), key=lambda kv: -kv[1])[:int(sys.argv[3])]
print(json.dumps({"duration": duration, "top": [[f, p, l, t] for (f, p, l), t in top]}))
"""


def profile(python: Path, work: Path, repeat: int, top: int) -> None:
    target = work / "pyinstrument-lib"
    if not (target / "pyinstrument").exists():
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--target", str(target), "pyinstrument"],
                       check=True)
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", PROFILE_SCRIPT, str(ROOT), str(repeat), str(top)],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\nProfile (pyinstrument, self time, extraction of seeds/ x{repeat}, {data['duration']:.2f} s)")
    for function, path, line, seconds in data["top"]:
        print(f"  {100 * seconds / data['duration']:5.1f}%  {function:<32} {path}:{line}")


# -- the pipeline on generated corpora --------------------------------------------------------------------

def child_pipeline(corpus: str, jobs: int, out: str) -> None:
    """One size, in its own process: read+extract, then read+extract+frame (frames are made where each file
    is extracted: their cost is the difference), compare, write reports; JSON on stdout."""
    from factcheck.atomic import write_text
    from factcheck.pipeline import analyse_extraction, run_extraction
    from factcheck.report import REPORT_FORMATS
    from factcheck.rules import load_rules

    load_rules(None)
    t = time.perf_counter()
    run_extraction([corpus], None, jobs=jobs, cache=None)
    extract_only = time.perf_counter() - t
    t0 = time.perf_counter()
    extraction = run_extraction([corpus], None, jobs=jobs, cache=None, frame=True)
    t1 = time.perf_counter()
    analysis = analyse_extraction(extraction, None, jobs=jobs)
    t2 = time.perf_counter()
    for name, filename in (("terminal", "report.txt"), ("html", "report.html"), ("json", "report.json")):
        buffer = io.StringIO()
        REPORT_FORMATS[name](analysis, buffer, {})
        write_text(Path(out) / filename, buffer.getvalue())
    t3 = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"files": len(extraction.corpus.files), "articles": len(extraction.articles),
                      "chars": sum(len(f.text) for f in extraction.corpus.files),
                      "claims": len(extraction.claims), "findings": len(analysis.findings),
                      "workers": extraction.stats.workers, "extract": extract_only,
                      "frame": max(0.0, t1 - t0 - extract_only), "compare": t2 - t1,
                      "analyse": max(0.0, t1 - t0 - extract_only) + t2 - t1, "pipeline": t1 - t0 + t2 - t1,
                      "write": t3 - t2, "maxrss_kb": own, "workers_maxrss_kb": workers,
                      "html_bytes": (Path(out) / "report.html").stat().st_size,
                      "json_bytes": (Path(out) / "report.json").stat().st_size}))


def run_size(size: int, work: Path, jobs: int) -> dict:
    from bench.corpus_gen import generate

    corpus = work / f"corpus-{size}"
    if not corpus.exists() or not any(corpus.iterdir()):
        t0 = time.perf_counter()
        files, size_bytes = generate(corpus, size)
        print(f"  generated {corpus}: {files} files, {size_bytes / 1e6:.0f} MB in {time.perf_counter() - t0:.0f} s",
              flush=True)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), "--jobs", str(jobs),
                          "--out", str(work / f"reports-{size}")], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"pipeline on {corpus} failed:\n{out.stderr[-3000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = wall - data["extract"]  # the extraction-only pass that prices framing is not the pipeline's
    data["size"] = size
    data["mb"] = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
    return data


def print_pipeline(rows: list[dict]) -> None:
    print("\nFull pipeline (read -> extract+frame -> compare -> write terminal/HTML/JSON reports), one process per size;"
          "\nframe s = extraction with frames minus extraction alone, grp/ext = (frame + compare) / extract")
    head = (f"{'articles':>9} {'files':>6} {'MB':>6} {'claims':>8} {'findings':>8} {'extract s':>9} {'frame s':>7} "
            f"{'compare s':>9} {'grp/ext':>7} {'write s':>7} {'wall s':>7} {'s/1k art':>8} {'growth':>6} {'peak MB':>8} "
            f"{'workers MB':>10}")
    print(head)
    prev = None
    for r in rows:
        growth = "" if prev is None else f"{math.log(r['wall'] / prev['wall']) / math.log(r['size'] / prev['size']):.2f}"
        print(f"{r['size']:>9,} {r['files']:>6,} {r['mb']:>6.0f} {r['claims']:>8,} {r['findings']:>8,} {r['extract']:>9.1f} "
              f"{r['frame']:>7.1f} {r['compare']:>9.1f} {r['analyse'] / r['extract']:>7.1f} {r['write']:>7.1f} "
              f"{r['wall']:>7.1f} {1000 * r['wall'] / r['size']:>8.2f} "
              f"{growth:>6} {r['maxrss_kb'] / 1024:>8.0f} {r['workers_maxrss_kb'] / 1024:>10.0f}")
        prev = r
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        exp = math.log(last["wall"] / first["wall"]) / math.log(last["size"] / first["size"])
        for stage in ("extract", "analyse", "write"):
            e = math.log(max(last[stage], 1e-3) / max(first[stage], 1e-3)) / math.log(last["size"] / first["size"])
            print(f"  growth exponent {first['size']:,} -> {last['size']:,}, {stage}: {e:.2f}")
        print(f"target: near-linear growth (exponent <= 1.1): {exp:.2f} {'MET' if exp <= 1.1 else 'MISSED'}")
        peak_gb = max(last["maxrss_kb"], last["workers_maxrss_kb"]) / 1024 / 1024
        print(f"target: {last['size']:,} articles well inside 24 GB: peak {peak_gb:.1f} GB per process "
              f"{'MET' if peak_gb < 12 else 'MISSED'}")
    for r in rows:
        html_mb, json_mb = r.get("html_bytes", 0) / 1e6, r.get("json_bytes", 0) / 1e6
        verdict = ("MET" if html_mb <= 10 else "MISSED") if r["size"] >= 100_000 else ""
        print(f"  {r['size']:>7,} articles: report.html {html_mb:.1f} MB ({1000 * html_mb / max(1, r['findings']):.1f} "
              f"kB per finding), report.json {json_mb:.1f} MB"
              + (f"; target report.html <= 10 MB at 100k articles: {verdict}" if verdict else ""))


# -- main -------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="articles per generated corpus")
    parser.add_argument("--repeat", type=int, default=5, help="repeats for factcheck and the regex scan")
    parser.add_argument("--peer-repeat", type=int, default=3, help="repeats for each peer (slow)")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for the pipeline runs (0: all cores)")
    parser.add_argument("--peers-venv", type=Path, default=ROOT / "bench" / ".venv-peers")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--skip-pipeline", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile extraction with pyinstrument")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        from factcheck.runtime import tune_collector

        tune_collector()  # as the command line does: each child times what `factcheck` runs
        child_pipeline(args.child, args.jobs, args.out)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)

    from factcheck.parallel import default_jobs

    english = english_text()
    text_file = args.work / "english.txt"
    text_file.write_text(english, encoding="utf-8")
    sources = corpus_files()
    mixed_chars = sum(len(s.text) for s in sources)
    print(f"English text: {len(english):,} characters (the English lines of seeds/); mixed corpus seeds/: "
          f"{mixed_chars:,} characters in {len(sources)} files; {default_jobs()} cores; medians of {args.repeat}")

    rows: list[tuple[str, float, str]] = []
    english_run = factcheck_runner([as_source(english, "english.txt")])
    fc_en = len(english) / median_seconds(english_run, args.repeat)
    rows.append(("factcheck extraction (--jobs 1), English", fc_en, f"{english_run()} claims"))
    mixed_run = factcheck_runner(sources)
    fc_mixed = mixed_chars / median_seconds(mixed_run, args.repeat)
    rows.append(("factcheck extraction (--jobs 1), mixed seeds/", fc_mixed, f"{mixed_run()} claims"))
    ceiling_run = regex_ceiling(english)
    ceiling = len(english) / median_seconds(ceiling_run, args.repeat)
    rows.append(("bare compiled regex (number + unit lexicon), English", ceiling, f"{ceiling_run()} matches"))
    ceiling_mixed_run = regex_ceiling("\n".join(s.text for s in sources))
    ceiling_mixed = mixed_chars / median_seconds(ceiling_mixed_run, args.repeat)
    rows.append(("bare compiled regex, mixed seeds/", ceiling_mixed, f"{ceiling_mixed_run()} matches"))
    quantulum = recognizers = None
    python = None
    if not args.skip_peers or args.profile:
        python = ensure_peers(args.peers_venv)
    if not args.skip_peers:
        quantulum, found = peer_rate(python, "quantulum3", text_file, len(english), args.peer_repeat)
        rows.append(("quantulum3 0.10, English", quantulum, f"{found} quantities"))
        recognizers, found = peer_rate(python, "recognizers", text_file, len(english), args.peer_repeat)
        rows.append(("Recognizers-Text (number, percent, currency, dimension), English", recognizers,
                     f"{found} entities"))

    print(f"\n{'extractor':<66} {'chars/s':>12}  found")
    for name, rate, found in rows:
        print(f"{name:<66} {rate:>12,.0f}  {found}")
    print("\nTargets (single process, start-up excluded):")
    share = fc_en / ceiling
    print(f"  factcheck / regex ceiling (English): {share:6.1%}   target >= 10%, aim 30%: "
          f"{'MET' if share >= 0.10 else 'MISSED'}{' (aim met)' if share >= 0.30 else ''}")
    print(f"  factcheck / regex ceiling (mixed):   {fc_mixed / ceiling_mixed:6.1%}")
    if quantulum:
        print(f"  factcheck / quantulum3 (English):    {fc_en / quantulum:6.1f}x  target >= 30x: "
              f"{'MET' if fc_en / quantulum >= 30 else 'MISSED'}")
        print(f"  factcheck / Recognizers-Text:        {fc_en / recognizers:6.1f}x")
        print(f"  regex ceiling / quantulum3:          {ceiling / quantulum:6.0f}x")
    if args.profile:
        profile(python, args.work, 10, 15)
    if not args.skip_pipeline:
        jobs = args.jobs or default_jobs()
        results = []
        for size in [int(s) for s in args.sizes.split(",") if s]:
            print(f"pipeline: {size:,} articles, --jobs {jobs} ...", flush=True)
            results.append(run_size(size, args.work, jobs))
            r = results[-1]
            print(f"  {r['wall']:.1f} s wall (extract {r['extract']:.1f}, frame {r['frame']:.1f}, compare {r['compare']:.1f}, "
                  f"write {r['write']:.1f}), {r['claims']:,} claims, {r['findings']:,} findings, peak "
                  f"{r['maxrss_kb'] / 1024:.0f} MB", flush=True)
        print_pipeline(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
