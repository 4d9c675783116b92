"""Extraction (and framing) of many files: cache look-ups, a process pool or a Dask bag, a progress bar;
and framing again, in forked processes, the files the corpus's declared aliases change (`frame_files`).

Every engine returns the files' results in corpus order, so the output never depends on `jobs`, the engine
or the order workers finish in. Small corpora stay in this process: a pool only pays off past
`POOL_MIN_CHARS` characters still to extract (process start-up and pickling cost more than they save below).
"""

from __future__ import annotations

import os
import sys
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Callable, Sequence

from .model import Article, Claim, Frame, Slot, SourceFile

# A file's articles, claims and, when framed, frames and declared aliases (`pipeline.FileResult`).
Result = tuple[list[Article], list[Claim], "list[Frame] | None", "dict[str, str] | None"]
ENGINES = ("local", "dask")
POOL_MIN_CHARS = 2_000_000  # about 2-3 s of single-process extraction
BATCH_CHARS = 1_000_000  # characters of text per task sent to a worker
# A file this large is read in parts, its articles split over the workers (else one file is one task)
SPLIT_CHARS = 2_000_000
LOCAL_SCHEDULERS = {"sync", "synchronous", "single-threaded", "threads", "processes"}

# Called with each SourceFile just before it is extracted (in the process that extracts it). Tests use it
# to prove that a cached run extracts nothing; it is also the place for tracing.
extraction_hooks: list[Callable[[SourceFile], None]] = []


@dataclass
class Stats:
    files: int = 0
    extracted: int = 0  # files extracted in this run
    cached: int = 0  # files whose claims came from the cache
    claims: int = 0
    engine: str = "local"
    workers: int = 1


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_one(source: SourceFile, rules_dir: str | None, frame: bool = False) -> Result:
    from .pipeline import extract_file

    for hook in extraction_hooks:
        hook(source)
    return extract_file(source, rules_dir, frame)


def _extract_part(source: SourceFile, articles: list[Article], rules_dir: str | None,
                  frame: bool = False) -> "PackedResults":
    """A large file's results for some of its articles, packed (`_run_pool` joins the parts in order)."""
    from .pipeline import extract_articles

    return pack_results([extract_articles(source, articles, rules_dir, frame)])


def _parts(articles: list[Article], count: int) -> list[list[Article]]:
    """Contiguous runs of articles, about as many characters each, `count` of them at most."""
    total = sum(a.end - a.start for a in articles)
    out: list[list[Article]] = [[]]
    size = 0
    for article in articles:
        if size >= total / count and out[-1]:
            out.append([])
            size = 0
        out[-1].append(article)
        size += article.end - article.start
    return [p for p in out if p]


def _extract_batch(batch: Sequence[SourceFile], rules_dir: str | None, frame: bool = False) -> "PackedResults":
    """A worker's results for a batch, packed to be pickled back to the parent (`unpack_results`)."""
    return pack_results([_extract_one(source, rules_dir, frame) for source in batch])


# A batch's results as a worker sends them: its distinct frame slots, and each file's results with every
# frame a row of plain values (its six slots by number in that table, then dimension, date, change). A frame
# pickled as six Slot dataclasses cost ten times its claim to pickle and unpickle; a batch of ~550 frames
# has ~200 distinct slots.
PackedResults = tuple[list[Slot], list[tuple]]


def pack_results(results: list[Result]) -> PackedResults:
    slots: list[Slot] = []
    numbers: dict[tuple, int] = {}  # (keyed by the slot's fields: a tuple hashes quicker than the dataclass)
    packed = []
    for articles, claims, frames, declared in results:
        rows = None
        if frames is not None:
            rows = []
            for f in frames:
                row = []
                for slot in (f.measure, f.holder, f.object, f.period, f.basis, f.attribution):
                    key = (slot.value, slot.words, slot.rule)
                    number = numbers.get(key)
                    if number is None:
                        number = numbers[key] = len(slots)
                        slots.append(slot)
                    row.append(number)
                rows.append((*row, f.dimension, f.date, f.change))
        packed.append((articles, claims, rows, declared))
    return slots, packed


def unpack_results(packed: PackedResults) -> list[Result]:
    """The results `pack_results` packed, equal frames again (sharing the batch's slots)."""
    slots, results = packed
    of = Frame.of
    return [(articles, claims, None if rows is None else [
                of(slots[m], slots[h], slots[o], slots[p], slots[b], slots[a], dimension, date, change)
                for m, h, o, p, b, a, dimension, date, change in rows], declared)
            for articles, claims, rows, declared in results]


def _batches(items: list[tuple[int, SourceFile]], jobs: int) -> list[list[tuple[int, SourceFile]]]:
    """Contiguous batches of about BATCH_CHARS, at least 4 per worker so the load evens out."""
    total = sum(len(s.text) for _, s in items)
    target = max(1, min(BATCH_CHARS, total // (4 * jobs) + 1))
    out: list[list[tuple[int, SourceFile]]] = [[]]
    size = 0
    for item in items:
        if size >= target and out[-1]:
            out.append([])
            size = 0
        out[-1].append(item)
        size += len(item[1].text)
    return [b for b in out if b]


class _Progress:
    """A rich progress bar on stderr: files, assertions, rate. A no-op unless enabled."""

    def __init__(self, enabled: bool, total: int):
        self.bar = None
        self.claims = 0
        if not enabled or total == 0:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                            TextColumn("{task.fields[claims]:,} assertions"),
                            TextColumn("{task.fields[rate]} files/s"), TimeElapsedColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("extract", total=total, claims=0, rate="-")
        self.bar.start()

    def advance(self, files: int, claims: int) -> None:
        if self.bar is None:
            return
        self.claims += claims
        task = self.bar.tasks[0]
        speed = task.speed
        self.bar.update(self.task, advance=files, claims=self.claims,
                        rate=f"{speed:,.0f}" if speed else "-")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def extract_sources(sources: Sequence[SourceFile], rules_dir: str | None = None, *, jobs: int = 1,
                    cache=None, engine: str = "local", scheduler: str | None = None,
                    progress: bool = False, frame: bool = False) -> tuple[list[Result], Stats]:
    """Articles and claims of each source, in the order given, extracted by the chosen engine; with
    `frame`, framed in the same pass (a stored file without frames is then extracted again).

    `cache`: None/False, True (`.factcheck/`), a folder, or a `store.ClaimsStore`. `progress`: show a bar on a
    terminal (stderr must be a TTY). `engine="dask"` runs a Dask bag, locally or on `scheduler`.
    """
    from .cache import open_cache

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; valid: {', '.join(ENGINES)}")
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    store = open_cache(cache, rules_dir)
    stats = Stats(files=len(sources), engine=engine)
    results: list[Result | None] = [None] * len(sources)
    todo: list[tuple[int, SourceFile]] = []
    hits = store.get_many(sources, framed=frame) if store is not None else [None] * len(sources)
    for i, (source, hit) in enumerate(zip(sources, hits)):
        if hit is not None:
            results[i] = hit
            stats.cached += 1
        else:
            todo.append((i, source))
    bar = _Progress(progress and sys.stderr.isatty(), len(sources))
    bar.advance(stats.cached, sum(len(r[1]) for r in results if r is not None))

    def done(batch: list[tuple[int, Result]]) -> None:
        """A batch's results, kept and stored in one transaction."""
        for i, result in batch:
            results[i] = result
        if store is not None:
            store.put_many([(sources[i], *result) for i, result in batch])
        bar.advance(len(batch), sum(len(result[1]) for _, result in batch))

    try:
        if engine == "dask" and todo:
            stats.workers = _run_dask(todo, rules_dir, jobs, scheduler, done, frame)
        elif jobs > 1 and (len(todo) > 1 or (todo and len(todo[0][1].text) >= SPLIT_CHARS)) \
                and sum(len(s.text) for _, s in todo) >= POOL_MIN_CHARS // (4 if frame else 1):
            stats.workers = _run_pool(todo, rules_dir, jobs, done, frame)
        else:
            for i, source in todo:
                done([(i, _extract_one(source, rules_dir, frame))])
    finally:
        bar.close()
    stats.extracted = len(todo)
    out = [r for r in results if r is not None]
    stats.claims = sum(len(r[1]) for r in out)
    return out, stats


def _init_worker(rules_dir: str | None, frame: bool = False) -> None:
    from .normalise import load_units
    from .pipeline import framer_for

    load_units(rules_dir)  # once per worker, not once per task
    if frame:
        framer_for(rules_dir)


def _run_pool(todo: list[tuple[int, SourceFile]], rules_dir: str | None, jobs: int,
              done: Callable[[list[tuple[int, Result]]], None], frame: bool = False) -> int:
    from .corpus import split_articles

    large = [(i, s) for i, s in todo if len(s.text) >= SPLIT_CHARS]
    batches = _batches([(i, s) for i, s in todo if len(s.text) < SPLIT_CHARS], jobs)
    # each large file's articles in as many parts as workers, one task each (every part folds and scans the
    # whole text for what the file declares: more parts cost more than they balance)
    split = [(i, s, _parts(split_articles(s), jobs)) for i, s in large]
    workers = min(jobs, len(batches) + sum(len(parts) for _, _, parts in split))
    if frame:  # built once here, so forked workers inherit it compiled
        from .pipeline import framer_for

        framer_for(rules_dir)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(rules_dir, frame)) as pool:
        futures = {pool.submit(_extract_batch, [s for _, s in batch], rules_dir, frame): batch
                   for batch in batches}
        part_futures = [(i, [pool.submit(_extract_part, s, part, rules_dir, frame) for part in parts])
                        for i, s, parts in split]
        for future in as_completed(futures):
            done([(i, result) for (i, _), result in zip(futures[future], unpack_results(future.result()))])
        for i, pending in part_futures:
            done([(i, _joined([unpack_results(f.result())[0] for f in pending]))])
    return workers


def _joined(parts: list[Result]) -> Result:
    """One file's result from its parts' results, in article order (each part declares the same aliases)."""
    framed = parts[0][2] is not None
    return ([a for p in parts for a in p[0]], [c for p in parts for c in p[1]],
            [f for p in parts for f in p[2]] if framed else None, parts[0][3])


def _run_dask(todo: list[tuple[int, SourceFile]], rules_dir: str | None, jobs: int, scheduler: str | None,
              done: Callable[[list[tuple[int, Result]]], None], frame: bool = False) -> int:
    try:
        import dask
        import dask.bag as db
    except ImportError:
        from .errors import FactcheckError

        raise FactcheckError("--engine dask needs the dask extra: pip install 'factcheck[dask]'") from None
    batches = _batches(todo, jobs)
    bag = db.from_sequence([[s for _, s in batch] for batch in batches], npartitions=len(batches))
    bag = bag.map(_extract_batch, rules_dir, frame)
    if scheduler and scheduler not in LOCAL_SCHEDULERS:
        from distributed import Client

        with Client(scheduler) as client:
            computed = bag.compute(scheduler=client)
            workers = len(client.scheduler_info().get("workers", {})) or 1
    else:
        name = scheduler or ("processes" if jobs > 1 else "sync")
        with dask.config.set(num_workers=jobs):
            computed = bag.compute(scheduler=name)
        workers = 1 if name in ("sync", "synchronous", "single-threaded") else jobs
    for batch, packed in zip(batches, computed):
        done([(i, result) for (i, _), result in zip(batch, unpack_results(packed))])
    return workers


# -- framing again in processes ----------------------------------------------------------------------------

POOL_MIN_CLAIMS = 5000  # below this, framing in one process is quicker than starting a pool
_FRAMING: tuple | None = None  # (framer, tasks) inherited by forked workers, never pickled


def _frame_range(bounds: tuple[int, int]) -> list:
    framer, tasks = _FRAMING  # type: ignore[misc]
    return [framer.frame_file(*tasks[i])[0] for i in range(*bounds)]


def frame_files(framer, tasks: Sequence[tuple], jobs: int = 1) -> list[list]:
    """`framer.frame_file(*task)[0]` for every task (text, articles, claims, declared aliases), in order.
    With `jobs` > 1 and enough claims the tasks are split over forked processes that inherit the framer
    and the tasks, so the frames are the same as in one process."""
    global _FRAMING
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    claims = sum(len(t[2]) for t in tasks)
    if jobs <= 1 or claims < POOL_MIN_CLAIMS or "fork" not in mp.get_all_start_methods():
        return [framer.frame_file(*t)[0] for t in tasks]
    step = max(1, len(tasks) // (4 * jobs) + 1)
    ranges = [(i, min(len(tasks), i + step)) for i in range(0, len(tasks), step)]
    _FRAMING = (framer, tasks)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as pool:
            parts = list(pool.map(_frame_range, ranges))
    finally:
        _FRAMING = None
    return [frames for part in parts for frames in part]
