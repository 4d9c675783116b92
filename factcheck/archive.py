"""The published archive, read from the claims store: `check DRAFT... --against ARCHIVE...` and `claims`.

`sync_archive` brings the store up to date with the archive on disk: a file whose stat (path, size, mtime,
ctime, inode) matches what the store recorded is neither read nor hashed; any other file is read and
hashed, and extracted only when its content, the rules or the extractor changed. Everything else comes from
the store, texts included, so an unchanged archive is never re-read.

`analyse_against` compares the drafts with the archive. Until the frames stage stores frames, it runs the
existing pipeline (`pipeline.analyse_extraction`) on the drafts plus every archive claim
(`select_archive_claims` with no block keys); the gate then reports only findings with a draft claim. Once
frames are stored, passing the drafts' block keys to `select_archive_claims` narrows the archive to the
blocks the drafts fall in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Collection, Iterable, Sequence

from .corpus import Corpus, admit, corpus_name, iter_paths, read_file
from .errors import FactcheckError
from .model import Claim, SourceFile
from .pipeline import Analysis, Extraction, analyse, analyse_extraction, run_extraction
from .store import ClaimsStore, FileStat, StoredFile


@dataclass
class ArchiveSync:
    """The archive's files as the store now holds them, in corpus order, and what it took."""

    files: list[StoredFile] = field(default_factory=list)
    display: dict[str, str] = field(default_factory=dict)  # corpus name -> the path it was found at
    skipped: list[tuple[str, str]] = field(default_factory=list)
    read: int = 0  # files read and hashed (their stat was unknown or changed)
    extracted: int = 0  # files whose content, rules or extractor changed


def sync_archive(paths: Iterable[str | os.PathLike[str]], store: ClaimsStore, rules_dir: str | None = None,
                 warn: Callable[[str], None] | None = None, exclude: Collection[str] = (),
                 **options) -> ArchiveSync:
    """Bring `store` up to date with the files under `paths` (except the corpus names in `exclude`) and
    list them. `options` go to `parallel.extract_sources` (jobs, engine, scheduler, progress)."""
    from .parallel import extract_sources

    warn = warn or _stderr
    result = ArchiveSync()
    order: list[str] = []
    known: dict[str, StoredFile] = {}
    to_extract: list[SourceFile] = []
    seen_stats: list[tuple[str, str, FileStat]] = []
    names: set[str] = set()
    for path, root in iter_paths(paths):
        rel = corpus_name(path, root)
        if rel in names or rel in exclude:
            continue
        names.add(rel)
        result.display[rel] = path.as_posix()
        try:
            stat = FileStat.of(path)
        except OSError:
            stat = None
        stored = store.unchanged(rel, stat) if stat else None
        if stored is None:
            result.read += 1
            source = admit(path, rel, read_file(path, rel), warn, result.skipped)
            if source is None:
                continue
            stored = store.lookup(rel, source.sha256)
            if stored is None:
                to_extract.append(source)
            if stat is not None:
                seen_stats.append((rel, source.sha256, stat))
        order.append(rel)
        if stored is not None:
            known[rel] = stored
    options = {k: v for k, v in options.items() if k in ("jobs", "engine", "scheduler", "progress")}
    extract_sources(to_extract, rules_dir, cache=store, **options)
    result.extracted = len(to_extract)
    for source in to_extract:
        stored = store.lookup(source.path, source.sha256)
        if stored is None:
            raise FactcheckError(f"{store.path}: cannot write the claims store (disk full or locked?)")
        known[source.path] = stored
    store.record_stats(seen_stats)
    result.files = [known[rel] for rel in order]
    return result


def query_archive(paths: Sequence[str], query, rules_dir: str | None = None,  # noqa: ANN001
                  warn: Callable[[str], None] | None = None, *, cache=True, **options) -> list[dict]:
    """`factcheck claims`: records (`query.RECORD_COLUMNS`) of the archive's claims matching a
    `query.ClaimQuery`, most recent first; missing or changed files are extracted into the store first.
    With `cache=None` the store lives in memory for this call only."""
    from .cache import open_cache
    from .query import find_claims, records
    from .rules import load_rules

    load_rules(rules_dir)
    store = open_cache(":memory:" if cache is None else cache, rules_dir)
    held = sync_archive(paths, store, rules_dir, warn, **options)
    if not held.files:
        raise FactcheckError("no readable article in " + ", ".join(map(str, paths)))
    return records(find_claims(store, held.files, query), held.display)


def _stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr)


def select_archive_claims(store: ClaimsStore, files: Sequence[StoredFile],
                          blocks: Collection[tuple] | None = None) -> list[Claim]:
    """The archive claims a draft is compared with: those whose frame falls in one of `blocks` (tuples of
    `store.BLOCK_COLUMNS` values: measure, holder, object, dimension), plus every claim without a frame.
    With no blocks (the drafts have no frames yet), every claim of `files`."""
    if blocks is None:
        return [claim for f in files for claim in store.claims(f)]
    return store.claims_in_blocks(files, blocks)


def archive_extraction(store: ClaimsStore, files: Sequence[StoredFile], claims: Sequence[Claim]) -> Extraction:
    """The chosen archive claims as an `Extraction` the pipeline can analyse, with the texts and articles
    of the files they are in, from the store."""
    holding = {claim.file for claim in claims}
    chosen = [f for f in files if f.path in holding]
    extraction = Extraction(Corpus([store.source(f) for f in chosen]))
    for f in chosen:
        extraction.articles.extend(store.articles(f))
    extraction.claims = list(claims)
    return extraction


def analyse_against(drafts: Sequence[str], archive: Sequence[str], rules_dir: str | None = None,
                    warn: Callable[[str], None] | None = None, *, cache=True,
                    blocks: Collection[tuple] | None = None, **options) -> Analysis:
    """Drafts and archive analysed together, the archive's claims read from the store. With `blocks`
    None, the result is the one `pipeline.analyse(drafts + archive)` gives (the same corpus order, claims
    and findings); with no store (`cache=None`, `--no-cache`) it is that call. `blocks` (the drafts'
    `store.frame_block`s, once frames are stored) narrows the archive to those blocks."""
    from .cache import open_cache
    from .rules import load_rules

    load_rules(rules_dir)  # malformed rules fail before any work
    store = open_cache(cache, rules_dir)
    if store is None:
        return analyse(list(drafts) + list(archive), rules_dir, warn, **options)
    draft = run_extraction(drafts, rules_dir, warn, cache=store, **options)
    held = sync_archive(archive, store, rules_dir, warn, exclude={f.path for f in draft.corpus.files}, **options)
    published = archive_extraction(store, held.files, select_archive_claims(store, held.files, blocks))
    extraction = Extraction(Corpus(draft.corpus.files + published.corpus.files,
                                   draft.corpus.skipped + held.skipped),
                            draft.articles + published.articles, _by_position(draft.claims + published.claims))
    extraction.stats = draft.stats
    return analyse_extraction(extraction, rules_dir)


def _by_position(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.file, c.start))
