"""The extractor's shortcuts never change what it finds: with the bare-digit shortcut switched off, the
same text gives the same claims (differential property test)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import Extractor
from factcheck.model import Article
from factcheck.normalise import load_units

FAST = Extractor(load_units())
SLOW = Extractor(load_units())
SLOW._bare_digit = lambda *args: False  # type: ignore[method-assign]

FRAGMENTS = ["1", "2", "7", " and ", " or ", " to ", " in ", " of ", "between ", "over ", "about ", "$", "€",
             " percent", "percent of ", " million", " tons", " years", "half", " a half", "one", "3 ", "-",
             " the ", " firms", " by ", "约", "超过", "个", "吨", ",", ".", "\n", " 5", "5%", " than ", "fell ",
             "1,1", " as ", "at least ", "up to ", "nearly ", "中国", " from ", "9 ", "(", ")", "[", "]"]


def _claims(extractor: Extractor, text: str) -> list[tuple]:
    article = Article("x#1", "x.txt", "", None, None, 0, len(text))
    return [dataclasses.astuple(c) for c in extractor.extract(text, [article], "x.txt")]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=16).map("".join))
def test_bare_digit_shortcut_changes_nothing(text):
    assert _claims(FAST, text) == _claims(SLOW, text)
