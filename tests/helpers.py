"""Shared test helpers: run the extractor over a string as one article."""

from __future__ import annotations

from functools import lru_cache

from factcheck.extract import Extractor
from factcheck.model import Article, Claim
from factcheck.normalise import load_units


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor(load_units())


def claims_of(text: str) -> list[Claim]:
    article = Article(id="t#1", file="t.txt", title="", source=None, date=None, start=0, end=len(text))
    return extractor().extract(text, [article], "t.txt")
