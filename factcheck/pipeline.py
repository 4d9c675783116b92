"""The library API: corpus -> extract -> normalise as one call, returning plain data."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Mapping

if TYPE_CHECKING:
    import pandas as pd

    from .store import ClaimsStore

from .corpus import Corpus, in_raw_files, read_corpus, split_articles
from .model import CLAIM_COLUMNS, Article, Claim, Frame, SourceFile
from .normalise import load_units

# What one file gives: its articles, its claims and, when framed, each claim's frame (in claim order) and the
# aliases the file declares.
FileResult = tuple[list[Article], list[Claim], "list[Frame] | None", "dict[str, str] | None"]


@dataclass
class Extraction:
    corpus: Corpus
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stats: object = None  # parallel.Stats: files extracted in this run and taken from the cache
    # Filled when extracted with `frame=True`: each claim's frame as its own file's aliases give it, and the
    # aliases each file declares (`frames.Framer.frame_file`). `analyse_extraction` frames what is missing.
    frames: dict[Claim, Frame] = field(default_factory=dict)
    declared: dict[str, dict[str, str]] = field(default_factory=dict)
    # (line, column) of claims read back from the claims store, which recorded them: citing such a claim
    # needs no text. Any other claim's position comes from its file's text.
    positions: dict[Claim, tuple[int, int]] = field(default_factory=dict)
    # The claims store the claims came from (`run_extraction` with a cache), which also keeps the corpus's
    # comparison result (`findings_cache`).
    store: "ClaimsStore | None" = field(default=None, repr=False, compare=False)

    def frame(self) -> "pd.DataFrame":
        return claims_frame(self.claims)


def claims_frame(claims: Iterable[Claim]) -> "pd.DataFrame":
    import pandas as pd  # here, not at the top: pandas costs a report or a check a third of a second

    claims = list(claims)
    # Column by column: dataclasses.asdict copies every field of every claim recursively, several times slower.
    frame = pd.DataFrame({col: [getattr(c, col) for c in claims] for col in CLAIM_COLUMNS}, columns=CLAIM_COLUMNS)
    return frame.sort_values(["file", "start"], kind="stable").reset_index(drop=True)


def extract_file(source: SourceFile, rules_dir: str | None = None, frame: bool = False) -> FileResult:
    """One file's articles and claims and, with `frame`, their frames and the file's declared aliases: the
    per-file work, done where the file is (a worker process, with the text already at hand)."""
    return extract_articles(source, split_articles(source), rules_dir, frame)


def extract_articles(source: SourceFile, articles: list[Article], rules_dir: str | None = None,
                     frame: bool = False) -> FileResult:
    """`extract_file` of some of a file's articles (each article's claims and frames depend on its own text
    and on what the whole file declares only, so a large file's articles may be read in parts)."""
    from .extract import Extractor  # here, not at the top: a run whose files are all stored never extracts

    extractor = Extractor(load_units(rules_dir))
    claims = extractor.extract(source.text, articles, source.path)
    if not frame:
        return articles, claims, None, None
    frames, declared = framer_for(rules_dir).frame_file(source.text, articles, claims)
    return articles, claims, frames, declared


_FRAMERS: dict = {}


def framer_for(rules_dir: str | None):
    """One `frames.Framer` per loaded rules and process: its vocabularies compile once (rules loaded again,
    after an edit, get a new one)."""
    from .frames import Framer
    from .rules import load_rules

    rules = load_rules(rules_dir)
    held = _FRAMERS.get(rules_dir)
    if held is None or held[0] is not rules:
        held = _FRAMERS[rules_dir] = (rules, Framer(rules, load_units(rules_dir)))
    return held[1]


def run_extraction(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None,
                   warn: Callable[[str], None] | None = None, jobs: int = 1, cache=None,
                   engine: str = "local", scheduler: str | None = None, progress: bool = False,
                   frame: bool = False) -> Extraction:
    """Read and extract (and, with `frame`, frame each file where it is extracted). `jobs` (0: all cores),
    `cache`, `engine` ("local" or "dask"), `scheduler` and `progress` only change how fast it runs, never
    the result (see `parallel.extract_sources`)."""
    from .cache import open_cache
    from .parallel import extract_sources

    corpus = read_corpus(paths, warn)
    result = Extraction(corpus, store=open_cache(cache, rules_dir))
    per_file, result.stats = extract_sources(corpus.files, rules_dir, jobs=jobs, cache=result.store, engine=engine,
                                             scheduler=scheduler, progress=progress, frame=frame)
    for source, (articles, claims, frames, declared) in zip(corpus.files, per_file):
        add_file(result, source.path, articles, claims, frames, declared)
    result.claims.sort(key=lambda c: (c.file, c.start))
    return result


def add_file(extraction: Extraction, path: str, articles: list[Article], claims: list[Claim],
             frames: "list[Frame] | None" = None, declared: dict[str, str] | None = None) -> None:
    """Add one file's results to `extraction` (claims left in the order given)."""
    extraction.articles.extend(articles)
    extraction.claims.extend(claims)
    if frames is not None and declared is not None:
        extraction.frames.update(zip(claims, frames))
        extraction.declared[path] = declared


def extract(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None) -> "pd.DataFrame":
    """Every numeric assertion under `paths` as a DataFrame with `CLAIM_COLUMNS`, ordered by file and start."""
    return run_extraction(paths, rules_dir).frame()


@dataclass
class Analysis:
    """Everything a report needs: the extraction, each claim's group and interval, and the findings."""

    extraction: Extraction
    placed: list = field(default_factory=list)  # compare.Placed
    findings: list = field(default_factory=list)  # model.Finding, most severe first
    rules_digest: str = ""
    rules_window: int = 366  # rules' current_window_days, for listings that regroup claims

    @property
    def texts(self) -> Mapping[str, str]:
        return self.extraction.corpus.texts


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def analyse_extraction(extraction: Extraction, rules_dir: str | None = None, jobs: int = 1,
                       involving: Collection[str] | None = None) -> Analysis:
    """Frame (what extraction left unframed) and compare the claims (`jobs` processes frame them; the
    result is the same). With `involving` (file names), only the findings with a claim in one of them."""
    from .compare import Comparer, place
    from .coreference import with_inferred_holders
    from .findings_cache import cached_findings, comparison_key, keep_findings
    from .rules import load_rules

    rules = load_rules(rules_dir)
    units = load_units(rules_dir)
    texts = extraction.corpus.texts
    articles = {a.id: a for a in extraction.articles}
    framed = frame_corpus(extraction, rules_dir, jobs)
    # (a Chinese name that holds an English name's figures is that name: coreference)
    headlines = {a.id: a.title for a in extraction.articles if a.title}
    placed = with_inferred_holders(place([(claim, framed[claim]) for claim in extraction.claims], rules, units,
                                         headlines))
    comparer = Comparer(rules, texts, articles, extraction.positions)
    # A whole corpus read through the store may have been compared before, with the same files, rules and code.
    key = comparison_key(extraction.corpus.files, rules.digest) if extraction.store is not None and involving is None else None
    findings = cached_findings(extraction.store, key, placed, comparer) if key else None
    if findings is None:
        findings = compare_placed(comparer, placed, involving)
        if key:
            keep_findings(extraction.store, key, findings, placed, comparer)
    findings = in_raw_files(findings, extraction.corpus)  # HTML: line and column in the markup
    return Analysis(extraction, placed, findings, rules.digest, rules.current_window_days)


def compare_placed(comparer, placed: list, involving: Collection[str] | None = None) -> list:
    """The findings (`model.Finding`) of placed claims, most severe first."""
    pairs = comparer.conversion_pairs(placed)
    # A parenthetical conversion restates its figure: FC200 checks it, FC100 leaves it out.
    restated = {id(second) for _, second in pairs}
    findings = (comparer.contradictions([p for p in placed if id(p) not in restated], involving)
                + comparer.conversions(pairs, involving))
    findings.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.subject, f.id))
    return findings


def frame_corpus(extraction: Extraction, rules_dir: str | None = None, jobs: int = 1) -> dict[Claim, Frame]:
    """Every claim's frame with the corpus's declared aliases (each file's, merged in path order, a later
    file's spelling winning). Frames extraction made with a file's own aliases are kept unless the file
    writes a spelling another file declares otherwise; those files, and files never framed, are framed
    again here (`jobs` processes)."""
    from .parallel import frame_files

    sources = {f.path: f for f in extraction.corpus.files}
    by_file: dict[str, list[Claim]] = {}
    for claim in extraction.claims:
        by_file.setdefault(claim.file, []).append(claim)
    declared = dict(extraction.declared)
    unframed = [path for path in by_file if any(c not in extraction.frames for c in by_file[path])]
    for path in unframed:
        if path not in declared:
            from .frames.holders import declared_aliases

            declared[path] = declared_aliases(framer_for(rules_dir).index, sources[path].text)
    corpus: dict[str, str] = {}
    for path in sorted(declared):
        corpus.update(declared[path])
    again = set(unframed)
    # The frames stage is imported only when a file declares aliases or a file is to be framed: a warm run of
    # files that declare none (most) never frames, and importing that stage costs a quarter of a second.
    if corpus:
        from .frames import declared_pattern, uses_foreign_aliases
        from .frames.text import fold

        pattern = declared_pattern(corpus)
        for path, claims in by_file.items():
            own = declared.get(path, {})
            if path in again or (len(own) >= len(corpus) and own.items() >= corpus.items()):
                continue
            if uses_foreign_aliases(fold(sources[path].text), own, corpus, pattern,
                                    [extraction.frames[c] for c in claims]):
                again.add(path)
    framed = dict(extraction.frames)
    articles: dict[str, list[Article]] = {}
    for article in extraction.articles:
        articles.setdefault(article.file, []).append(article)
    tasks = [(sources[p].text, articles.get(p, []), by_file[p], corpus) for p in sorted(again)]
    if not tasks:  # a warm run: every frame came from the store, and no framer need be built
        return framed
    for (_, _, claims, _), frames in zip(tasks, frame_files(framer_for(rules_dir), tasks, jobs)):
        framed.update(zip(claims, frames))
    return framed


def analyse(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None,
            warn: Callable[[str], None] | None = None, **options) -> Analysis:
    """Read, extract, group and compare: the whole check, as plain data."""
    from .rules import load_rules

    load_rules(rules_dir)  # malformed rules fail before any work
    return analyse_extraction(run_extraction(paths, rules_dir, warn, frame=True, **options), rules_dir,
                              jobs=options.get("jobs", 1))
