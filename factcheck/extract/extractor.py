"""The extractor: scans an article for number tokens, reads each one outwards (`values.read`), and turns
what it read into a `Claim` with canonical units, its sentence, year and language."""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Iterable

import regex

from ..model import Article, Claim
from ..normalise import Units, canonical
from .context import SENTENCE_BREAK, URL, claim_year, language, years_in
from .exclusions import DIGIT_LIST, age_bound, tally_end
from .reading import Reading
from .scan import Gaps, prepare
from .tokens import T_D, TokenScan
from .units import Lexicon, reading_article
from .values import read

# Between the figures of one list: "3% and 5%", "3%、5%和7%".
_LIST_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b|和|与|及|、|，)\s*")
# Change verbs turn a share into a signed change ("fell 34%" -> -34).
_SIGNED_UNITS = {"percent", "percentage_point"}
# Words near "units" that make them units of electricity (a kilowatt-hour, as India and Pakistan write it)
_ELECTRICITY = regex.compile(r"(?i)\b(?:electricity|power\s+(?:generation|consumption|supply|demand|plants?|stations?)|"
                             r"generat(?:ed|es|ing|ion)|kWh|kilowatt|reactors?|grid|discoms?)\b")
_FIRST_MONTHS = regex.compile(r"(?:(?i:\bfirst)\s+|前\s*)$")


_LEXICONS: dict[int, tuple[Units, Lexicon]] = {}


def _lexicon(units: Units) -> Lexicon:
    """One `Lexicon` per loaded unit lexicon: building one costs more than extracting a short file."""
    held = _LEXICONS.get(id(units))
    if held is None or held[0] is not units:
        held = _LEXICONS[id(units)] = (units, Lexicon(units))
    return held[1]


class Extractor:
    """Extracts claims from decoded text. Holds the compiled unit lexicon; reuse one per run."""

    def __init__(self, units: Units):
        self.units = units
        self.lexicon = _lexicon(units)
        self._canonicals: dict[str, tuple[Decimal, str]] = {}

    def _canonical(self, unit_name: str) -> tuple[Decimal, str]:
        """The factor to the canonical unit and its name (canonical is linear: asked once per unit)."""
        known = self._canonicals.get(unit_name)
        if known is None:
            known = self._canonicals[unit_name] = canonical(self.units, Decimal(1), unit_name)
        return known

    def extract(self, text: str, articles: Iterable[Article], file: str) -> list[Claim]:
        """Every claim in `articles` (spans of `text`), with offsets into `text`."""
        scan, gaps, lower = prepare(text)
        claims: list[Claim] = []
        for article in articles:
            if gaps is not None:
                article = Article(article.id, article.file, article.title, article.source, article.date,
                                  gaps.to_scan(article.start), gaps.to_scan(article.end))
            claims.extend(self._article(scan, text, article, file, gaps, lower))
        return claims

    def _article(self, scan: str, original: str, article: Article, file: str, gaps: Gaps | None,
                 lower: str | None) -> list[Claim]:
        lo, hi = article.start, article.end
        at, end = (gaps.to_text(lo, True), gaps.to_text(hi, False)) if gaps is not None else (lo, hi)
        reading_article(scan, lo, hi, original[at:min(end, at + 4000)])
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(scan, lo, hi)]
        years = years_in(scan, lo, hi)
        # A web address holds "://" or "www." (whose letters match no other character case-insensitively).
        if scan.find("://", lo, hi) >= 0 or (lower.find("www.", lo, hi) >= 0 if lower is not None
                                             else "www." in scan[lo:hi].lower()):
            urls = [(u.start(), u.end()) for u in URL.finditer(scan, lo, hi)]
        else:
            urls = []
        out: list[Claim] = []
        pos = floor = lo
        last: Reading | None = None  # the reading of the last claim
        tokens = TokenScan(scan, lower, lo, hi, urls)
        lex = self.lexicon
        while True:
            m = tokens.search(pos, max(lo, floor))
            if m is None:
                break
            k = bisect.bisect_right(urls, (m.start(), hi + 1)) - 1
            if k >= 0 and urls[k][0] <= m.start() < urls[k][1]:
                pos = urls[k][1]  # numbers inside a web address are not figures
                continue
            if m[T_D] is not None and scan.startswith(",", m.end()) and scan[m.end() + 1:m.end() + 2].isdigit():
                run = DIGIT_LIST.match(scan, m.start(), hi)
                if run is not None:  # 1,1,1 or 3,5,12: a list of numbers, not a figure; skip it whole
                    pos = run.end()
                    continue
            if m[T_D] is not None and scan.startswith(("-", "–"), m.end()) \
                    and (tally := tally_end(lex, scan, m, lo, hi)) is not None:
                pos = tally  # a 7-2 vote, won 3-1: a score, not a range
                continue
            # Left context is read back only to the end of the previous claim (10 rmb 20 usd: "rmb" is taken).
            reading = read(lex, scan, m, max(lo, floor), hi)
            if reading is None or age_bound(scan, reading, m.start(), max(lo, floor)):  # "children under five"
                pos = m.end()
                continue
            pos = max(reading.end, m.end())
            if reading.direction is None and last is not None and last.direction and last.unit == reading.unit \
                    and _LIST_JOIN.fullmatch(scan, last.end, reading.start):
                reading.direction = last.direction  # fell 3% and 5%, 分别下降3%和5%: one verb for the list
            claim = self._claim(scan, original, article, file, reading, breaks, years, gaps)
            if claim is not None:
                out.append(claim)
                floor, last = reading.end, reading
        return out

    def _claim(self, scan: str, original: str, article: Article, file: str, r: Reading, breaks: list[int],
               years: list[tuple[int, int, int]], gaps: Gaps | None) -> Claim | None:
        lo, hi = article.start, article.end
        i = bisect.bisect_right(breaks, r.start)
        s_start = breaks[i - 1] if i > 0 else lo
        j = bisect.bisect_left(breaks, r.end)
        s_end = breaks[j] if j < len(breaks) else hi
        if r.unit is None:
            if r.noun is None and r.high is None and r.qualifier == "exact" and 0 <= r.value < 10:
                return None  # a bare single digit counts nothing: "1 and", lists such as 1,1,1
            unit_name = "count"
            if r.noun == "units" and _ELECTRICITY.search(scan, max(s_start, r.start - 80), min(s_end, r.end + 40)):
                unit_name = "kilowatt_hour"  # "generated 24.3 billion units of electricity": South Asia's kWh
        else:
            unit_name = r.unit
            if unit_name == "month" and r.high is None and _FIRST_MONTHS.search(scan, max(lo, r.start - 8), r.start):
                return None  # "the first nine months of 2024", "前9个月": a period, as "the first half" is
        factor, unit = self._canonical(unit_name)
        value = r.value * factor
        high = None if r.high is None else r.high * factor
        precision = r.precision * factor
        if r.per is not None and "/" not in unit:
            unit = f"{unit} / {r.per}"  # a rate is a unit of its own: it compares only with rates
        if r.direction == "down" and unit in _SIGNED_UNITS and value > 0:  # "shrank -18.7%" stays -18.7
            value, high = (-high, -value) if high is not None else (-value, None)
        # At most 600 characters either side: text without breaks (1,1,1,…) must not make each claim copy
        # and scan the whole text (quadratic time and memory).
        s_start, s_end = max(s_start, r.start - 600), min(s_end, r.end + 600)
        year = claim_year(scan, r.start, r.end, years, s_start, s_end)
        start, end = r.start, r.end
        if gaps is not None:  # back to offsets in the file text
            start, end = gaps.to_text(start, True), gaps.to_text(end, False)
            s_start, s_end = gaps.to_text(s_start, True), gaps.to_text(s_end, False)
        sentence = original[s_start:s_end].strip()
        qualifier = r.qualifier
        if high is not None and qualifier == "exact":
            qualifier = "range"
        return Claim(
            file=file, article=article.id, start=start, end=end, text=original[start:end],
            sentence=sentence, value=float(value), value_high=None if high is None else float(high),
            unit=unit, qualifier=qualifier, precision=float(precision), direction=r.direction, noun=r.noun,
            lang=language(sentence), cue=r.cue, year=year,
        )
