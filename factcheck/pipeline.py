"""The library API: corpus -> extract -> normalise as one call, returning plain data."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pandas as pd

from .corpus import Corpus, in_raw_files, read_corpus, split_articles
from .extract import Extractor
from .model import CLAIM_COLUMNS, Article, Claim, SourceFile
from .normalise import load_units


@dataclass
class Extraction:
    corpus: Corpus
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stats: object = None  # parallel.Stats: files extracted in this run and taken from the cache

    def frame(self) -> pd.DataFrame:
        return claims_frame(self.claims)


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    claims = list(claims)
    # Column by column: dataclasses.asdict copies every field of every claim recursively, several times slower.
    frame = pd.DataFrame({col: [getattr(c, col) for c in claims] for col in CLAIM_COLUMNS}, columns=CLAIM_COLUMNS)
    return frame.sort_values(["file", "start"], kind="stable").reset_index(drop=True)


def extract_file(source: SourceFile, rules_dir: str | None = None) -> tuple[list[Article], list[Claim]]:
    articles = split_articles(source)
    extractor = Extractor(load_units(rules_dir))
    return articles, extractor.extract(source.text, articles, source.path)


def run_extraction(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None,
                   warn: Callable[[str], None] | None = None, jobs: int = 1, cache=None,
                   engine: str = "local", scheduler: str | None = None, progress: bool = False) -> Extraction:
    """Read and extract. `jobs` (0: all cores), `cache`, `engine` ("local" or "dask"), `scheduler` and
    `progress` only change how fast it runs, never the result (see `parallel.extract_sources`)."""
    from .parallel import extract_sources

    corpus = read_corpus(paths, warn)
    result = Extraction(corpus)
    per_file, result.stats = extract_sources(corpus.files, rules_dir, jobs=jobs, cache=cache, engine=engine,
                                             scheduler=scheduler, progress=progress)
    for articles, claims in per_file:
        result.articles.extend(articles)
        result.claims.extend(claims)
    result.claims.sort(key=lambda c: (c.file, c.start))
    return result


def extract(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None) -> pd.DataFrame:
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
    def texts(self) -> dict[str, str]:
        return {f.path: f.text for f in self.extraction.corpus.files}


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def analyse_extraction(extraction: Extraction, rules_dir: str | None = None, jobs: int = 1) -> Analysis:
    """Frame and compare already extracted claims (`jobs` processes frame them; the result is the same)."""
    from .compare import Comparer, place
    from .frames import Framer
    from .rules import load_rules

    rules = load_rules(rules_dir)
    units = load_units(rules_dir)
    texts = {f.path: f.text for f in extraction.corpus.files}
    articles = {a.id: a for a in extraction.articles}
    framer = Framer(rules, units)
    by_article: dict[str, list[Claim]] = {}
    for claim in extraction.claims:
        by_article.setdefault(claim.article, []).append(claim)
    folded: dict[str, str] = {}
    for path in sorted({articles[a].file for a in by_article}):
        folded[path] = framer.prepare(texts[path])
        framer.learn(texts[path])
    from .parallel import frame_articles

    tasks = [(texts[articles[a].file], folded[articles[a].file], articles[a], claims) for a, claims in by_article.items()]
    framed = []
    for (_, _, _, claims), frames in zip(tasks, frame_articles(framer, tasks, jobs)):
        framed.extend(zip(claims, frames))
    placed = place(framed, rules, units)
    comparer = Comparer(rules, texts, articles)
    pairs = comparer.conversion_pairs(placed)
    # A parenthetical conversion restates its figure: FC200 checks it, FC100 leaves it out.
    restated = {id(second) for _, second in pairs}
    findings = comparer.contradictions([p for p in placed if id(p) not in restated]) + comparer.conversions(pairs)
    findings.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.subject, f.id))
    findings = in_raw_files(findings, extraction.corpus)  # HTML: line and column in the markup
    return Analysis(extraction, placed, findings, rules.digest, rules.current_window_days)


def analyse(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None,
            warn: Callable[[str], None] | None = None, **options) -> Analysis:
    """Read, extract, group and compare: the whole check, as plain data."""
    from .rules import load_rules

    load_rules(rules_dir)  # malformed rules fail before any work
    return analyse_extraction(run_extraction(paths, rules_dir, warn, **options), rules_dir,
                              jobs=options.get("jobs", 1))
