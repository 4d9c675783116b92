"""The published archive, read from the claims store: `check DRAFT... --against ARCHIVE...` and `claims`.

`sync_archive` brings the store up to date with the archive on disk: a file whose stat (path, size, mtime,
ctime, inode) matches what the store recorded is neither read nor hashed; any other file is read and
hashed, and extracted only when its content, the rules or the extractor changed. Everything else comes from
the store, texts included, so an unchanged archive is never re-read.

Files are stored framed (each claim's frame as the file's own declared aliases give it, and those aliases).

`analyse_against` compares the drafts with the archive: it reads from the store only the archive claims in
the blocks the drafts' frames fall in (`Frame.block`, a holder's declared spellings included), with their
frames and their stored lines and columns, and runs the pipeline's comparison on those and the drafts, working
out only the findings with a draft claim (the gate reports no other). A text is decompressed only when a
stage reads it (a conversion to check, a draft's quote). `narrow=False` reads every archive claim instead
(the result `pipeline.analyse(drafts + archive)` gives).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Collection, Iterable, Sequence

from .corpus import Corpus, admit, corpus_name, iter_paths, read_file
from .frames import CURRENT
from .errors import FactcheckError
from .model import Claim, Frame, SourceFile
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
    store.preload()  # one read of every file's row, not one query per archive file
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
        if stored is not None and not stored.framed:  # stored by `factcheck extract`: frame it now
            to_extract.append(store.source(stored))
            stored = None
        elif stored is None:
            result.read += 1
            source = admit(path, rel, read_file(path, rel), warn, result.skipped)
            if source is None:
                continue
            stored = store.lookup(rel, source.sha256)
            if stored is None or not stored.framed:
                to_extract.append(source)
                stored = None
            if stat is not None:
                seen_stats.append((rel, source.sha256, stat))
        order.append(rel)
        if stored is not None:
            known[rel] = stored
    options = {k: v for k, v in options.items() if k in ("jobs", "engine", "scheduler", "progress")}
    extract_sources(to_extract, rules_dir, cache=store, frame=True, **options)
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
    return records(find_claims(store, held.files, with_meanings(query, store, held.files, rules_dir)),
                   held.display)


def with_meanings(query, store: ClaimsStore, files: Sequence[StoredFile], rules_dir: str | None):  # noqa: ANN001, ANN201
    """The query with the slot values each of its phrases stands for (`frames.slot_values`), the archive's
    declared aliases included."""
    from dataclasses import replace

    from .frames import slot_values
    from .pipeline import framer_for

    framer = framer_for(rules_dir)
    declared: dict[str, str] = {}
    if query.holder:
        for path, aliases in sorted(store.declared(files).items()):
            declared.update(aliases)
    means = {slot: frozenset(slot_values(framer, slot, phrase, declared))
             for slot in ("holder", "measure", "object") if (phrase := getattr(query, slot))}
    return replace(query, means=means)


def _stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr)


def select_archive_claims(store: ClaimsStore, files: Sequence[StoredFile],
                          blocks: Collection[tuple] | None = None) -> list[Claim]:
    """The archive claims a draft is compared with: those whose frame falls in one of `blocks`
    (`Frame.block` values), plus every claim without a frame. With no blocks, every claim of `files`."""
    return [claim for claim, _, _ in _archive_claims(store, files, blocks)]


def _archive_claims(store: ClaimsStore, files: Sequence[StoredFile], blocks: Collection[tuple] | None,
                    groups: Collection[tuple[tuple, str, str]] | None = None
                    ) -> list[tuple[Claim, Frame | None, tuple[int, int] | None]]:
    """(claim, stored frame, stored line and column) of the archive claims chosen (every claim: no position,
    its text gives it)."""
    if groups is not None or blocks is not None:
        chosen = store.claims_in_groups(files, groups if groups is not None else [(b, None, None) for b in blocks])
        return [(c.claim, c.frame, (c.line, c.col)) for c in chosen]
    out: list[tuple[Claim, Frame | None, tuple[int, int] | None]] = []
    for f in files:
        _, claims, frames, _ = store.contents(f)
        out.extend((claim, frame, None) for claim, frame in zip(claims, frames or [None] * len(claims)))
    return out


def draft_groups(draft: Extraction, declared: dict[str, dict[str, str]]) -> set[tuple[tuple, str, str]]:
    """(block, basis, period) of each draft frame: the only archive claims that can share a comparison
    group with it (groups split blocks by basis and period first; "current" figures of a block chain by
    date, so all of them). Each holder also under every spelling the corpus declares for it (an archive file
    framed alone names a holder as it writes it)."""
    corpus: dict[str, str] = {}
    for path in sorted(declared):
        corpus.update(declared[path])
    spellings: dict[str, set[str]] = {}
    for spelling, name in corpus.items():
        spellings.setdefault(name, {name}).add(spelling)
    out: set[tuple[tuple, str, str]] = set()
    for frame in draft.frames.values():
        block = frame.block
        if block is None:
            continue
        dim, measure, who, change = block
        name = corpus.get(who, who)
        basis, period = frame.basis.value or "actual", frame.period.value or CURRENT
        for holder in {who} | spellings.get(name, {name}):
            out.add(((dim, measure, holder, change), basis, period))
    return out


def archive_extraction(store: ClaimsStore, files: Sequence[StoredFile], claims: Sequence[Claim],
                       frames: Sequence[Frame | None] | None = None,
                       positions: Sequence[tuple[int, int] | None] | None = None,
                       declared: dict[str, dict[str, str]] | None = None) -> Extraction:
    """The chosen archive claims (with their stored frames, and lines and columns) as an `Extraction` the
    pipeline can analyse, with the texts (read when first needed) and articles of the files they are in and
    every file's declared aliases (`declared`, when already read), from the store."""
    holding = {claim.file for claim in claims}
    chosen = [f for f in files if f.path in holding]
    extraction = Extraction(Corpus([store.lazy_source(f) for f in chosen]))  # few texts are ever quoted
    extraction.articles = store.articles_of(chosen)
    extraction.claims = list(claims)
    if positions is not None:
        extraction.positions = {c: p for c, p in zip(claims, positions) if p is not None}
    if frames is not None:
        extraction.frames = {c: f for c, f in zip(claims, frames) if f is not None}
        extraction.declared = store.declared(files) if declared is None else declared
    return extraction


def analyse_against(drafts: Sequence[str], archive: Sequence[str], rules_dir: str | None = None,
                    warn: Callable[[str], None] | None = None, *, cache=True, narrow: bool = True,
                    **options) -> Analysis:
    """Drafts and archive analysed together, the archive's claims and frames read from the store. With
    `narrow`, only the archive claims that can share a comparison group with a draft claim (`draft_groups`),
    and only the findings with a draft claim; without, every archive claim and every finding,
    and the result is the one `pipeline.analyse(drafts + archive)` gives (the same corpus order, claims and
    findings). With no store (`cache=None`, `--no-cache`) it is that call."""
    from .cache import open_cache
    from .rules import load_rules

    load_rules(rules_dir)  # malformed rules fail before any work
    store = open_cache(cache, rules_dir)
    if store is None:
        return analyse(list(drafts) + list(archive), rules_dir, warn, **options)
    draft = run_extraction(drafts, rules_dir, warn, cache=store, frame=True, **options)
    held = sync_archive(archive, store, rules_dir, warn, exclude={f.path for f in draft.corpus.files}, **options)
    declared = store.declared(held.files)
    groups = draft_groups(draft, {**declared, **draft.declared}) if narrow else None
    chosen = _archive_claims(store, held.files, None, groups)
    published = archive_extraction(store, held.files, [c for c, _, _ in chosen], [f for _, f, _ in chosen],
                                   [p for _, _, p in chosen], declared)
    extraction = Extraction(Corpus(draft.corpus.files + published.corpus.files,
                                   draft.corpus.skipped + held.skipped),
                            draft.articles + published.articles, _by_position(draft.claims + published.claims))
    extraction.frames = {**published.frames, **draft.frames}
    extraction.positions = published.positions
    extraction.declared = {**declared, **draft.declared}
    extraction.stats = draft.stats
    # Narrowed, the archive's own disagreements are left out: the gate reports only findings with a draft claim.
    involving = {f.path for f in draft.corpus.files} if narrow else None
    return analyse_extraction(extraction, rules_dir, jobs=options.get("jobs", 1), involving=involving)


def _by_position(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.file, c.start))
