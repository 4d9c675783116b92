"""Units after a figure: the project's unit lexicon (rules/units.txt), scale words, percent signs, rates.

`Lexicon` wraps the lexicon's compiled pattern with a fast refusal where no unit can start; the patterns
here are the small ones read right after a figure.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ..normalise import ASCII_UNIT_END, Units
from ..numerals import EN_SCALES
from .vocabulary import (AREA_BEFORE_ZH, CASED_SYMBOLS, KUAI_CUES_ZH, MEASURE_WORDS_ZH, RATE_ADVERBS, RATE_BEFORE_ZH, RATE_PERIODS,
                         RATE_ZH, SCALE_AFTER, SCALE_AFTER_MONEY, TEMPERATURE_CUES, alternation)

SCALE = regex.compile(r"(?|\s*(?i:(" + alternation(SCALE_AFTER) + r"))\b|(?i:(k))(?![A-Za-z]))")
SCALE_MONEY = regex.compile(r"(?|\s?(?i:(" + alternation(SCALE_AFTER_MONEY) + r"))\b|\s?(T)\b)")
PERCENT = regex.compile(r"\s*(?:%|(?i:per\s?cents?|pct|percentage\s+points?|percentage)\b|个百分点)")
PERCENT_OF_LEFT = regex.compile(r"(?<![\d%]\s*)(?P<word>\b(?i:per\s?cents?|percents?)\s+of\s+)$")
MEASURE = regex.compile(r"(?P<m>[多余]?(?:" + alternation(MEASURE_WORDS_ZH) + "))")
TIMES = regex.compile(r"\s*(?:-\s*)?(?i:times|fold)\b")
PER = regex.compile(r"\s*(?:(?:per|an?|each)\s+|/\s*)(?P<per>ton|tonne|kg|kilogram|barrel|ounce|year|month|week|day|night|"
                    r"hour|share|unit|person|capita|head|bushel|pound|lb|gallon|litre|liter|mile|km|kwh|mwh|"
                    r"passenger|seat|square\s+metre|square\s+foot|sqm|sq\s?ft|mmbtu|million\s+btu|million\s+british\s+thermal\s+unit)s?\b(?!\s+ago\b)", regex.I)
PER_TIME = regex.compile(r"(?i:[ \t]*(?:/|per[ \t]+)[ \t]*(?P<t>milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|"
                         r"hours?|hrs?|h)\b|[ \t]+an?[ \t]+(?P<t>hour|second|minute)\b)")
# What a unit is per, when it is an area or a volume: "31 micrograms per cubic metre", "34微克/立方米",
# "4.3 tonnes per hectare" (the unit itself comes from the lexicon)
PER_SPACE = regex.compile(r"(?i:[ \t]*/[ \t]*|[ \t]+(?:per|an?)[ \t]+|每)")  # "12.9 centners a hectare"
SPEEDS = {("kilometer", "hour"): "kilometer_per_hour", ("mile", "hour"): "mile_per_hour"}
TIME_ABBREVIATIONS = {"ms": "millisecond", "s": "second", "sec": "second", "secs": "second", "min": "minute",
                      "mins": "minute", "h": "hour", "hr": "hour", "hrs": "hour"}
BRACKET_OPEN = regex.compile(r"[ \t]?(?P<o>[(\[{<])[ \t]?")
BRACKET_CLOSE = {"(": ")", "[": "]", "{": "}", "<": ">"}
BRACKET_CLOSE_AT = {o: regex.compile(r"[ \t]?" + regex.escape(c)) for o, c in BRACKET_CLOSE.items()}
# A temperature written with its scale's letter alone (41C, 104 F): read only near a word of weather or heat.
TEMPERATURE_LETTER = regex.compile(r"[ \t]?(?:°[ \t]?)?(?P<t>[CF])(?![A-Za-z0-9])")
TEMPERATURE_SCALES = {"C": "degree_Celsius", "F": "degree_Fahrenheit"}
TEMPERATURE_CUE = regex.compile(r"(?i:\b(?:" + TEMPERATURE_CUES + r")\b)")
# "5m people": m is millions before a plural noun, not metres.
MILLION_NOUN = regex.compile(r"\s+(?:(?!(?:is|was|has|as|its|this|us|plus|across|thus|his|less|versus)\b)"
                             r"[a-z]{2,}s|people)\b")
KUAI = regex.compile(r"块(?:钱|[一二两三四五六七八九\d](?:[毛角]|[的钱]|(?![\p{Han}\d])))")
# A bare 块 at the end of a clause is a yuan after a word of spending or price (花费我三块).
KUAI_END = regex.compile(r"块(?![\p{Han}\d])")
KUAI_CUE = regex.compile(r"(?:" + alternation(KUAI_CUES_ZH) + r")\p{Han}{0,3}$")
ZHE_NOT = set("合算旧扣射叠返价腾服中")  # 折 after a figure that is no discount: 折合, 折算, 折旧
GAP = regex.compile(r"[ \t]?(?:-[ \t]?)?")
# A rate after a unit, perhaps past what is measured: "barrels of oil per day", "t/yr", "tonnes a year".
RATE = regex.compile(
    r"(?:[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?(?=[ \t]+(?:per|an?|each|" + alternation(RATE_ADVERBS) + r")\b|[ \t]*/))?"
    r"(?:(?i:[ \t]*/[ \t]*|[ \t]+(?:per|an?|each)[ \t]+|-(?:a|per)-)(?P<t>(?i:" + alternation(RATE_PERIODS) + r"))\b"
    r"|[ \t]+(?P<adv>(?i:" + alternation(RATE_ADVERBS) + r"))\b"
    r"|(?:/|每)(?P<zh>" + alternation(RATE_ZH) + r"))")
AREA_LEFT_ZH = regex.compile(r"(?P<w>" + alternation(AREA_BEFORE_ZH) + r")\p{Han}{0,4}[约近超逾]?$")
# "daily intake peaked at", "average daily output of", "its daily ridership was": up to four words between
DAILY_LEFT = regex.compile(r"\b(?:daily|per-day)\s+(?:[a-z][a-z-]*\s+){1,4}(?:about\s+|around\s+|nearly\s+|some\s+)?$")
RATE_LEFT_ZH = regex.compile(r"(?P<w>" + alternation(RATE_BEFORE_ZH) + r")\p{Han}{0,6}$")
# Unit names a rate is not read after: shares, counts, money and periods themselves.
NOT_RATES = frozenset({"percent", "percentage_point", "basis_point", "cheng", "count", "ratio", "year", "month",
                       "week", "day", "hour", "minute", "second", "decade", "liang"})

# The characters the regex module matches case-insensitively to an ASCII letter besides its two cases.
_FOLD_TO_ASCII = {"ſ": "s", "\u212a": "k", "\u0130": "i"}


class Lexicon:
    """The unit lexicon as the extractor reads it: `match(s, pos)` is `units.pattern.match`, answered at once
    where no unit's surface form can start.

    The lexicon's pattern is a long alternation (hundreds of surface forms) tried one by one at every
    position asked; most positions (after "and", "of") start none. A form starts at `pos` only if the text
    there begins, case-insensitively, with its first three characters (up to a space, which the pattern
    reads as any run of spaces), or is the whole form (three characters or fewer) followed by no ASCII
    letter or digit; a non-ASCII form only where its first character is. The test applies when the pattern
    is the one `load_units` builds from the surface forms; another pattern is always run.
    """

    __slots__ = ("units", "_unit_for", "pattern", "exact", "heads", "whole", "first", "_ratios", "_lengths",
                 "_named_currency")

    def __init__(self, units: Units):
        self.units, self._unit_for, self.pattern = units, units.unit_for, units.pattern
        alternatives = sorted(units.surfaces, key=len, reverse=True)
        ascii_alts = [regex.escape(a).replace(r"\ ", r"[\s-]+") for a in alternatives if a.isascii()]
        cjk_alts = [regex.escape(a) for a in alternatives if not a.isascii()]
        rebuilt = r"(?:(?i:" + "|".join(ascii_alts) + r")" + ASCII_UNIT_END + "|" + "|".join(cjk_alts) + ")"
        self.exact = rebuilt == units.pattern.pattern and units.pattern.flags == regex.compile(rebuilt).flags
        self.whole = frozenset(a for a in alternatives if a.isascii() and len(a) <= 3 and " " not in a)
        self.heads = frozenset(a[:3].split(" ")[0] for a in alternatives if a.isascii() and a not in self.whole)
        self.first = frozenset(a[0] for a in alternatives if not a.isascii())
        self.exact = self.exact and all(a == a.lower() and a[:1].strip() for a in alternatives if a.isascii())
        self._ratios: dict[tuple[str, str], Decimal | None] = {}
        # Chinese names of currencies other than the yuan (港币, 新台币, 美元), as written before an amount in 元.
        named = [w for w, name in units.surfaces.items() if not w.isascii() and _is_money_name(name) and name != "CNY"]
        self._named_currency = (regex.compile(r"(?:" + alternation(named) + r")(?:为|达|约|共|计|合|是)?$")
                                if named else None)
        self._lengths: dict[str, bool] = {}

    def match(self, s: str, pos: int, endpos: int | None = None) -> regex.Match | None:
        if self.exact:
            end = len(s) if endpos is None else min(endpos, len(s))
            head = s[pos:min(pos + 3, end)]
            if head.isascii():
                head = head.lower()
            else:
                head = "".join(_FOLD_TO_ASCII.get(ch, ch) if not ch.isascii() else ch.lower() for ch in head)
            heads = self.heads
            if not (head[:1] in heads or head[:2] in heads or head[:3] in heads or s[pos:pos + 1] in self.first):
                whole = self.whole
                for k in (1, 2, 3):
                    if k <= len(head) and head[:k] in whole:
                        after = s[pos + k] if pos + k < end else ""
                        if not (after.isascii() and after.isalnum()):
                            break
                else:
                    return None
        return self.pattern.match(s, pos) if endpos is None else self.pattern.match(s, pos, endpos)

    def unit_for(self, written: str) -> str | None:
        """The unit a surface form names, as written (its case matters for a few symbols: MT, Mt)."""
        cased = CASED_SYMBOLS.get(written.lower())
        if cased is not None:
            return cased.get(written)
        return self._unit_for(written)

    def currency_before(self, s: str, start: int, lo: int) -> str | None:
        """The currency a Chinese name before a figure gives (港币3亿元 is HKD), or None."""
        m = self._named_currency.search(s, max(lo, start - 7), start) if self._named_currency else None
        return self.unit_for(m[0].rstrip("为达约共计合是")) if m else None

    def follows(self, s: str, pos: int) -> bool:
        """Whether a unit or a percent sign follows a figure that ends at `pos`."""
        return bool(s[pos:pos + 1] in (" ", "-") and self.match(s, pos + 1)) or bool(PERCENT.match(s, pos))

    def thousand_unit(self, s: str, at: int) -> bool:
        """Whether a unit written with 千 starts at `at` (千瓦, 千克, 千米, 千卡)."""
        um = self.pattern.match(s, at)
        return bool(um and len(um[0]) > 1)

    def ratio(self, small: str, big: str) -> Decimal | None:
        """How many `big` one `small` is, when both measure the same thing and `small` is the smaller."""
        key = (small, big)
        if key not in self._ratios:
            try:
                f = self.units.registry.Quantity(1, small).to(big).magnitude
                self._ratios[key] = Decimal(repr(float(f))) if 0 < f < 1 else None
            except Exception:  # noqa: BLE001 - different dimensions do not combine
                self._ratios[key] = None
        return self._ratios[key]

    def is_length(self, name: str) -> bool:
        return self._dimensionality(name) == "[length]"

    def is_area_or_volume(self, name: str) -> bool:
        return self._dimensionality(name) in ("[length] ** 2", "[length] ** 3")

    def _dimensionality(self, name: str) -> str:
        if name not in self._lengths:
            try:
                self._lengths[name] = str(self.units.registry.get_dimensionality(name))
            except Exception:  # noqa: BLE001
                self._lengths[name] = ""
        return self._lengths[name]


def scale_value(word: str) -> Decimal:
    return Decimal(EN_SCALES[" ".join(word.lower().split())])


def rate_period(m: regex.Match) -> str:
    """The period of a `RATE` match: "day", "year", ..."""
    if m["t"]:
        return RATE_PERIODS[m["t"].lower()]
    if m["adv"]:
        return RATE_ADVERBS[m["adv"].lower()]
    return RATE_ZH[m["zh"]]


# Bare 元 in a text in traditional characters is the local dollar where the text is about Taiwan or Hong Kong
# ("保費收入約742億元" in a Taipei paper is NT$); elsewhere it is the yuan. Characters only traditional text has:
_TRADITIONAL = regex.compile(r"[這們國會與為營億萬灣說業發實經過時來對還後點區臺門開關當華貿險額]")
# (in both scripts: the scanned text writes some characters simplified, 新台幣 as 新台币)
# (Taiwan's papers date a day in brackets, "今（10）日公布": that too says whose dollar 元 is)
_LOCAL_PLACES = (("TWD", regex.compile(r"[台臺][灣湾]|[台臺]北|台股|新?台[幣币]|新北|台中|高雄|[今昨前]\s*[（(]\s*\d{1,2}\s*[）)]\s*日")),
                 ("HKD", regex.compile(r"香港|港股|港元|港[幣币]|港[島岛]|九[龍龙]|新界")),
                 ("MOP", regex.compile(r"澳[門门]|氹仔|路[氹凼]")))
# the article being read (its text, start, end), its answer once asked, and its opening as its file writes it
_YUAN: list = [None, -1, -1, None, None]
_UNASKED = object()


def reading_article(s: str, lo: int, hi: int, written: str | None = None) -> None:
    """Announce the article s[lo:hi] the figures after this call belong to: bare 元 reads the whole article,
    not only the text since the last figure (a Taipei paper's 新台幣 in the lede makes its later 元 NT$).
    `written`: the article's opening as its file writes it, when `s` is the scanned copy (which writes
    every character simplified): whether the article is in traditional characters is read there."""
    _YUAN[:] = [s, lo, hi, _UNASKED, written]


def local_yuan(s: str, lo: int, hi: int) -> str | None:
    """The currency bare 元 stands for in the article around s[lo:hi], when it is not the yuan (kept for the
    article being read: its figures ask one after another)."""
    if _YUAN[0] is not s or not _YUAN[1] <= lo <= _YUAN[2] or _YUAN[2] != hi:
        _YUAN[:] = [s, lo, hi, _UNASKED, None]  # (an article nobody announced: read from here)
    if _YUAN[3] is _UNASKED:
        start = _YUAN[1]
        written = _YUAN[4] if _YUAN[4] is not None else s[start:min(hi, start + 4000)]
        found = None
        if len(_TRADITIONAL.findall(written, 0, 4000)) >= 5:
            count, code = max((len(pattern.findall(s, start, hi)), code) for code, pattern in _LOCAL_PLACES)
            found = code if count else None
        _YUAN[3] = found
    return _YUAN[3]


# Whose crown bare "crowns" are: the currency an article names by its code, its country or its people
_CROWNS = (("NOK", regex.compile(r"\bNOK\b|Norw")), ("SEK", regex.compile(r"\bSEK\b|Swed")),
           ("DKK", regex.compile(r"\bDKK\b|Den(?:mark|ish)|Danes?\b")), ("CZK", regex.compile(r"\bCZK\b|Czech")),
           ("ISK", regex.compile(r"\bISK\b|Icel")))


def local_crown(s: str, lo: int, hi: int) -> str | None:
    """The crown ("112 million crowns") the article s[lo:hi] names most (None if none, or a tie). `lo` may be
    where the last figure ended: the article announced (`reading_article`) is read from its start."""
    if _YUAN[0] is s and _YUAN[1] <= lo <= _YUAN[2] and _YUAN[2] == hi:
        lo = _YUAN[1]
    counts = sorted(((len(pattern.findall(s, lo, hi)), code) for code, pattern in _CROWNS), reverse=True)
    return counts[0][1] if counts[0][0] and counts[0][0] > counts[1][0] else None


def area_before(s: str, start: int, lo: int) -> str | None:
    """亩产约287公斤: the area a Chinese figure is a yield per, from the words before it."""
    m = AREA_LEFT_ZH.search(s, max(lo, start - 10), start)
    return AREA_BEFORE_ZH[m["w"]] if m else None


def rate_before(s: str, start: int, lo: int) -> str | None:
    """日均进口1104万桶, "daily intake peaked at 16.8 million litres": the period a figure is a rate per, from
    the words before it (in English, "daily" only: an annual or a monthly total is the year's or month's own)."""
    m = RATE_LEFT_ZH.search(s, max(lo, start - 10), start)
    if m:
        return RATE_BEFORE_ZH[m["w"]]
    at = max(lo, start - 60)
    # (a plain search for the words first: most figures have none before them)
    if s.find("daily", at, start) < 0 and s.find("per-day", at, start) < 0:
        return None
    return "day" if DAILY_LEFT.search(s, at, start) else None


def _is_money_name(name: str) -> bool:
    return len(name) == 3 and name.isupper()


def temperature_letter(s: str, start: int, end: int, lo: int) -> regex.Match | None:
    """41C after "temperatures hit": the match of the scale letter after a figure ending at `end`, or None."""
    tm = TEMPERATURE_LETTER.match(s, end)
    return tm if tm and TEMPERATURE_CUE.search(s, max(lo, start - 60), start) else None
