#!/usr/bin/env python3
"""Claims store benchmark: the pipeline with a cold and a warm store, a draft against the archive, growth.

    .venv/bin/python bench/store.py                          # 10k and 100k articles (100k takes many minutes)
    .venv/bin/python bench/store.py --sizes 10000 --jobs 2   # quicker
    .venv/bin/python bench/store.py --no-reports             # leave out report writing (another stage)

For each size, on a `corpus_gen.py` corpus (generated once into `--work`, then reused), each run in a fresh
process so peak memory is its own:

1. cold: no store; read, extract into the store, group and compare, write terminal/HTML/JSON reports;
2. warm: the same again: every file is read and hashed, none extracted;
3. draft, first: `check DRAFT --against ARCHIVE` after 2 (claims in the store, file stats not yet known:
   each archive file is read and hashed once, none extracted);
4. draft, warm: the same again (stat shortcut: no archive file read);
5. `claims ARCHIVE --holder China`, warm (matched on the stored frames).

Files are extracted and framed in one pass and stored with their frames, so a warm run neither extracts nor
frames; a draft check reads from the store only the archive claims in the draft's blocks (printed: how many
archive claims it compared, of how many stored).

Printed: wall and CPU seconds (the machine may be shared: CPU time is the steadier figure), stages, store
size, peak RSS of the process and of its workers, and the growth exponent between sizes (1.0 is linear).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {("cold", 10_000): 12.0, ("warm", 10_000): 4.0, ("cold", 100_000): 120.0,
           ("draft, warm", 100_000): 5.0, ("one 30 MB file, cold", 0): 15.0, ("one 30 MB file, warm", 0): 15.0}


def _usage() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
            "maxrss_mb": own.ru_maxrss / 1024, "workers_maxrss_mb": kids.ru_maxrss / 1024}


def child_pipeline(corpus: str, store: str, out: str, jobs: int, reports: bool) -> dict:
    from factcheck.atomic import write_text
    from factcheck.pipeline import analyse_extraction, run_extraction
    from factcheck.report import REPORT_FORMATS
    from factcheck.rules import load_rules

    t0 = time.perf_counter()
    load_rules(None)
    extraction = run_extraction([corpus], None, jobs=jobs, cache=store, frame=True)
    t1 = time.perf_counter()
    analysis = analyse_extraction(extraction, None, jobs=jobs)
    t2 = time.perf_counter()
    if reports:
        for name, filename in (("terminal", "report.txt"), ("html", "report.html"), ("json", "report.json")):
            buffer = io.StringIO()
            REPORT_FORMATS[name](analysis, buffer, {})
            write_text(Path(out) / filename, buffer.getvalue())
    t3 = time.perf_counter()
    return {"extract": t1 - t0, "analyse": t2 - t1, "write": t3 - t2, "claims": len(extraction.claims),
            "extracted": extraction.stats.extracted, "cached": extraction.stats.cached,
            "findings": len(analysis.findings)}


def child_against(draft: str, corpus: str, store: str, jobs: int) -> dict:
    from factcheck import archive
    from factcheck.gate import run_check

    reads = [0]
    real_read = archive.read_file

    def counted(path, rel):  # noqa: ANN001
        reads[0] += 1
        return real_read(path, rel)

    archive.read_file = counted
    t0 = time.perf_counter()
    result = run_check([draft], str(Path(store) / "none.json"), None, [corpus], warn=lambda line: None,
                       jobs=jobs, cache=store)
    compared = len(result.analysis.extraction.claims)
    from factcheck.cache import open_cache

    db = open_cache(store, None)
    (stored,) = db.db.execute("SELECT COUNT(*) FROM claims").fetchone()
    return {"check": time.perf_counter() - t0, "new": len(result.new), "archive_files_read": reads[0],
            "claims": compared, "stored_claims": stored}


def child_query(corpus: str, store: str, jobs: int) -> dict:
    from factcheck.archive import query_archive
    from factcheck.query import ClaimQuery

    t0 = time.perf_counter()
    found = query_archive([corpus], ClaimQuery(holder="China"), warn=lambda line: None, jobs=jobs, cache=store)
    return {"query": time.perf_counter() - t0, "matches": len(found)}


def run_child(*args: str) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], capture_output=True,
                         text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stderr[-3000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - t0
    return data


def write_draft(path: Path) -> None:
    """A generated article (the archive's subjects, other figures) plus a sentence that contradicts it."""
    from bench.corpus_gen import article, templates

    body = article(templates()[0], random.Random(12345))
    path.write_text(body + "\nChina refines 60% of the world's rare earths, analysts say.\n", encoding="utf-8")


def measure(size: int, work: Path, jobs: int, reports: bool) -> list[dict]:
    from bench.corpus_gen import generate

    corpus = work / f"corpus-{size}"
    if not corpus.exists() or not any(corpus.iterdir()):
        files, size_bytes = generate(corpus, size)
        print(f"  generated {corpus}: {files} files, {size_bytes / 1e6:.0f} MB", flush=True)
    store = work / f"store-{size}"
    shutil.rmtree(store, ignore_errors=True)
    draft = work / "draft.md"
    write_draft(draft)
    common = ["--jobs", str(jobs)]
    rows = []
    for name in ("cold", "warm"):
        r = run_child("pipeline", str(corpus), str(store), str(work / f"reports-{size}"), *common,
                      *([] if reports else ["--no-reports"]))
        r["run"] = name
        rows.append(r)
        print(f"  {name}: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU (extract {r['extract']:.1f}, group+compare "
              f"{r['analyse']:.1f}, write {r['write']:.1f}); extracted {r['extracted']}, from the store "
              f"{r['cached']}", flush=True)
    for name in ("draft, first", "draft, warm"):
        r = run_child("against", str(draft), str(corpus), str(store), *common)
        r["run"] = name
        rows.append(r)
        print(f"  {name}: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU; archive files read {r['archive_files_read']},"
              f" claims compared {r['claims']:,} of {r['stored_claims']:,} stored, new findings {r['new']}",
              flush=True)
    r = run_child("query", str(corpus), str(store), *common)
    r["run"] = "claims --holder China"
    rows.append(r)
    print(f"  query: {r['wall']:.1f} s wall, {r['matches']:,} matches", flush=True)
    store_mb = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6
    corpus_mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
    for r in rows:
        r.update(size=size, store_mb=store_mb, corpus_mb=corpus_mb)
    return rows


def measure_single_file(work: Path, jobs: int, reports: bool) -> list[dict]:
    """One file of about 30 MB (generated articles, concatenated): it is one task, so no pool helps."""
    from bench.corpus_gen import generate

    source = work / "corpus-single-source"
    if not source.exists() or not any(source.iterdir()):
        generate(source, 15_000)
    folder = work / "single-30mb"
    big = folder / "archive.txt"
    if not big.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with big.open("w", encoding="utf-8") as out:
            for path in sorted(source.rglob("*.txt")):
                out.write(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n")
                if out.tell() >= 30_000_000:
                    break
    store = work / "store-single"
    shutil.rmtree(store, ignore_errors=True)
    rows = []
    for name in ("one 30 MB file, cold", "one 30 MB file, warm"):
        r = run_child("pipeline", str(folder), str(store), str(work / "reports-single"), "--jobs", str(jobs),
                      *([] if reports else ["--no-reports"]))
        r.update(run=name, size=0, store_mb=0.0, corpus_mb=big.stat().st_size / 1e6)
        rows.append(r)
        print(f"  {name} ({r['corpus_mb']:.0f} MB, {r['claims']:,} claims): {r['wall']:.1f} s wall (extract "
              f"{r['extract']:.1f}, compare {r['analyse']:.1f}, write {r['write']:.1f})", flush=True)
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"\n{'articles':>9} {'run':<22} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'workers MB':>10} {'target':>8}")
    for r in rows:
        target = TARGETS.get((r["run"], r["size"]))
        verdict = "" if target is None else f"{'MET' if r['wall'] <= target else 'MISSED'} ≤{target:g}"
        print(f"{r['size']:>9,} {r['run']:<22} {r['wall']:>7.1f} {r['cpu']:>7.1f} {r['maxrss_mb']:>8.0f} "
              f"{r['workers_maxrss_mb']:>10.0f} {verdict:>8}")
    sizes = sorted({r["size"] for r in rows if r["size"]})  # size 0: the single file
    for size in sizes:
        r = next(r for r in rows if r["size"] == size)
        print(f"{size:,} articles: corpus {r['corpus_mb']:.0f} MB, store {r['store_mb']:.0f} MB")
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        for run in dict.fromkeys(r["run"] for r in rows):
            first = next((r for r in rows if r["size"] == a and r["run"] == run), None)
            last = next((r for r in rows if r["size"] == b and r["run"] == run), None)
            if first is None or last is None:
                continue
            exponent = math.log(last["wall"] / first["wall"]) / math.log(b / a)
            print(f"growth exponent {a:,} -> {b:,}, {run}: {exponent:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    parser.add_argument("--no-reports", action="store_true", help="time everything but report writing")
    parser.add_argument("--single-file", action="store_true", help="also one 30 MB file, cold and warm")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        from factcheck.runtime import tune_collector

        tune_collector()  # as the command line does: each child times what `factcheck` runs
        kind, *rest = args.child
        if kind == "pipeline":
            data = child_pipeline(*rest, args.jobs, not args.no_reports)
        elif kind == "against":
            data = child_against(*rest, args.jobs)
        else:
            data = child_query(*rest, args.jobs)
        print(json.dumps({**data, **_usage()}))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        print(f"{size:,} articles, --jobs {args.jobs}:", flush=True)
        rows += measure(size, args.work, args.jobs, not args.no_reports)
    if args.single_file:
        print("one file of 30 MB:", flush=True)
        rows += measure_single_file(args.work, args.jobs, not args.no_reports)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
