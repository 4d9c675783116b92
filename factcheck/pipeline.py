"""The library API: corpus -> extract -> normalise as one call, returning plain data."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable

import pandas as pd

from .corpus import Corpus, read_corpus, split_articles
from .extract import Extractor
from .model import CLAIM_COLUMNS, Article, Claim, SourceFile
from .normalise import load_units


@dataclass
class Extraction:
    corpus: Corpus
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        return claims_frame(self.claims)


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    frame = pd.DataFrame([asdict(c) for c in claims], columns=CLAIM_COLUMNS)
    return frame.sort_values(["file", "start"], kind="stable").reset_index(drop=True)


def extract_file(source: SourceFile, rules_dir: str | None = None) -> tuple[list[Article], list[Claim]]:
    articles = split_articles(source)
    extractor = Extractor(load_units(rules_dir))
    return articles, extractor.extract(source.text, articles, source.path)


def run_extraction(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None,
                   warn: Callable[[str], None] | None = None) -> Extraction:
    corpus = read_corpus(paths, warn)
    result = Extraction(corpus)
    for source in corpus.files:
        articles, claims = extract_file(source, rules_dir)
        result.articles.extend(articles)
        result.claims.extend(claims)
    result.claims.sort(key=lambda c: (c.file, c.start))
    return result


def extract(paths: Iterable[str | os.PathLike[str]], rules_dir: str | None = None) -> pd.DataFrame:
    """Every numeric assertion under `paths` as a DataFrame with `CLAIM_COLUMNS`, ordered by file and start."""
    return run_extraction(paths, rules_dir).frame()
