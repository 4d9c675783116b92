"""What surrounds a figure: its sentence, the year its clause names, the language it is written in."""

from __future__ import annotations

import bisect

import regex

from .scan import CJK
from .vocabulary import ABBREVIATIONS

YEAR = regex.compile(r"(?<![\d.]|\d,)(1[89]\d\d|20\d\d)(?:\s*年(?!代)|(?![\d%]))")
DECADE = regex.compile(r"(?<![\d.]|\d,)(1[89]\d0|20\d0)(?:s\b|\s*年代)")
URL = regex.compile(r"(?i:\b(?:https?://|www\.)[^\s<>\"，。）)]+)")
_CLAUSE_BREAK = regex.compile(r"[,;，；、:：()（）]")
# A full stop ends a sentence unless it closes an abbreviation (U.S., Mr., No.).
SENTENCE_BREAK = regex.compile(
    r"(?<!\d|\b[A-Z]|\b(?:" + "|".join(ABBREVIATIONS) + r"))\.(?=\s|$)"
    r"|[!?。！？\n]|(?<=\d)\.(?=\s+[A-Z])|(?<=\s)-(?=\s+[A-Z])")
_LATIN = regex.compile(r"[A-Za-z]")


def years_in(scan: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year and decade written in scan[lo:hi], in order."""
    years = [(m.start(), m.end(), int(m[1])) for m in YEAR.finditer(scan, lo, hi)]
    years += [(m.start(), m.end(), int(m[1])) for m in DECADE.finditer(scan, lo, hi)]
    years.sort()
    return years


def claim_year(s: str, start: int, end: int, years: list[tuple[int, int, int]], s_start: int,
               s_end: int) -> int | None:
    """The year a figure is about: the nearest year written in the same clause, else None."""
    best, best_gap = None, 10**9
    i = bisect.bisect_left(years, (s_start, 0, 0))
    while i < len(years) and years[i][0] < s_end:
        ys, ye, year = years[i]
        i += 1
        if start <= ys < end:
            continue
        a, b = (ye, start) if ye <= start else (end, ys)
        if _CLAUSE_BREAK.search(s, a, b):
            continue
        gap = b - a
        if gap < best_gap and gap <= 60:
            best, best_gap = year, gap
    return best


def language(sentence: str) -> str:
    """"zh" or "en": Chinese when Chinese characters are at least half as many as Latin letters."""
    if sentence.isascii() or CJK.search(sentence) is None:  # no Chinese: "zh" only without Latin letters
        return "en" if _LATIN.search(sentence) else "zh"
    return "zh" if len(CJK.findall(sentence)) * 2 >= len(_LATIN.findall(sentence)) else "en"
