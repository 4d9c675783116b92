"""Number tokens: where figures are written (digits, English number words, Chinese numerals, 百分之…).

`TOKEN` is one pattern with an alternative per kind of token; `TokenScan` finds its matches quickly, and
`read_number` reads the value of the plain kinds. `number_tokens` is the public face: every token's span.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Iterator

import regex

from .. import numerals as nm
from .vocabulary import MULTIPLIER_BARE, MULTIPLIER_WORDS, NUMBER_WORDS, VULGAR_FRACTIONS, alternation, trie

CN = nm.CN_CHARS
# 兆 inside a numeral only before more numerals or a currency (四十九兆九千亿元, 1兆日元); not 兆瓦, 陆兆显.
ZHAO = r"兆(?=[" + CN + r"\d]|元|日元|美元|新台币|台币|韩元|港元|人民币)"
# Thousands groups, or Indian lakh groups (12,34,567.89)
DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORD = "(?:" + alternation(NUMBER_WORDS) + ")"
_VULGAR = "".join(VULGAR_FRACTIONS)
_MULT = alternation([*MULTIPLIER_WORDS, *MULTIPLIER_BARE])

_TOKEN_VF = (r"(?P<vf>(?<![\d./])(?:(?P<vfw>\d{1,3})[ \t])?(?P<vfn>\d{1,2})/(?P<vfd>\d{1,2})(?![\d/])"
             r"|(?:(?P<vfw2>(?<![\d.])\d{1,3})[ \t]?)?(?P<vfu>[" + _VULGAR + r"]))")
_TOKEN_D = (r"(?P<neg>(?<![\p{L}\p{N}.,)\]-])-(?=\d))?(?P<d>(?<![\d.])" + DIGITS + r")(?P<dapprox>[多余])?"
            r"(?P<dcn>(?:[千百万亿萬億]|" + ZHAO + r")*(?:[万亿萬億千]|" + ZHAO + r"))?"
            # "3亿5000万", "1兆994億": the smaller parts written after a hundred million or a trillion
            r"(?P<dtail>(?<=[亿億兆])\d{1,4}(?:[千百]?[万萬]|[亿億]|千)(?:\d{1,4}(?:[千百]?[万萬]|千))?)?")
_TOKEN_ALTERNATIVES = (
    r"(?P<pcn>百分之(?:[" + CN + r"点]+|" + DIGITS + r"))",
    r"(?P<frac>[" + CN + r"]+)分之(?P<fracnum>[" + CN + r"点]+|" + DIGITS + r")",
    _TOKEN_VF,
    _TOKEN_D,
    r"(?P<c>[" + CN + r"]+(?:" + ZHAO + r"[" + CN + r"]*)*(?:点[" + "".join(nm.CN_DIGITS) + r"]+)?)",
    r"(?P<zhe>[对半][折成])",
    r"(?i:\b(?P<mult>" + _MULT + r")\b)",
    r"(?P<cmult>翻了?一?[番倍])",
    r"(?i:\b(?P<f>(?:(?:a|one|two|three)[\s-])?(?:half|thirds?|quarters?))"
    r"(?:(?:\s+a)?\s+(?P<fsw>thousand|million|billion|trillion))?\b)",
    r"(?i:\b(?P<w>(?:a\s+)?" + _WORD + r"(?:(?:\s+and\s+|[\s-]+)" + _WORD + r")*)\b)",
)
TOKEN = regex.compile("|".join(_TOKEN_ALTERNATIVES))
# TOKEN where only its digits alternative can match (the others fail at once), with the same groups: for
# a token that starts with an ASCII digit or a minus sign and has no fraction slash or sign close after it.
_TOKEN_DIGITS = regex.compile("|".join(a if a is _TOKEN_D else "(?!)" + a for a in _TOKEN_ALTERNATIVES))
assert _TOKEN_DIGITS.groupindex == TOKEN.groupindex
# TOKEN's groups by number: the regex module looks a group up by name several times slower.
(T_PCN, T_FRAC, T_FRACNUM, T_VF, T_VFW, T_VFN, T_VFD, T_VFW2, T_VFU, T_NEG, T_D, T_DAPPROX, T_DCN, T_DTAIL,
 T_C, T_ZHE, T_MULT, T_CMULT, T_F, T_FSW, T_W) = (TOKEN.groupindex[name] for name in (
    "pcn", "frac", "fracnum", "vf", "vfw", "vfn", "vfd", "vfw2", "vfu", "neg", "d", "dapprox", "dcn", "dtail", "c", "zhe",
    "mult", "cmult", "f", "fsw", "w"))

# Where TOKEN can start a match: every alternative opens with a digit, a minus sign, a Chinese numeral,
# 对/半/翻, a vulgar fraction, or (case-insensitively, at a word boundary) one of the English words below,
# perhaps after "a". TOKEN's big alternation scans slowly; these patterns find its possible starts fast, and
# TOKEN is matched (anchored) only there, which gives the same leftmost matches as TOKEN.search. They may
# find more starts than TOKEN matches at, never fewer.
_TOKEN_CHAR = regex.compile(r"[\d" + _VULGAR + r"对半翻" + CN + r"]|-(?=\d)")
_STARTS = trie(NUMBER_WORDS + ("half", "third", "quarter") + tuple(MULTIPLIER_WORDS) + tuple(MULTIPLIER_BARE))
_TOKEN_WORD = regex.compile(r"(?i)\b(?:a[\s-]+)?(?:" + _STARTS + ")")
# The same over the lower-cased text with the standard library's `re`, which scans it about twice as fast.
# Sound when lower-casing keeps every offset (only U+0130 İ lowers to two characters): the regex module's
# case-insensitive match of a letter is that letter lower-cased, or ſ for s (U+017F, which lower() keeps);
# its \s is within re's \s; and a word boundary before a letter rules out a letter, digit or _ before it.
_TOKEN_WORD_LOWER = re.compile(r"(?<![a-z0-9_])(?:a[\s-]+)?(?:" + _STARTS.replace("s", "[sſ]") + ")")
_VULGAR_CHARS = frozenset(_VULGAR)
_ASCII_DIGITS = re.compile("[0-9]+")


def in_spans(spans: list[tuple[int, int]], at: int, hi: int) -> bool:
    k = bisect.bisect_right(spans, (at, hi + 1)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


class TokenScan:
    """`TOKEN.search(scan, pos, hi)` for increasing `pos`, matching TOKEN only where a match can start."""

    __slots__ = ("scan", "lower", "hi", "urls", "char", "word")

    def __init__(self, scan: str, lower: str | None, lo: int, hi: int, urls: list[tuple[int, int]]):
        self.scan, self.lower, self.hi, self.urls = scan, lower, hi, urls
        self.char = self.word = lo - 1  # the next candidate of each kind at or after the last `pos`

    def search(self, pos: int, left: int) -> "regex.Match | None":
        """The next token at or after `pos`; `left` is where the reader will read its left context from."""
        scan, hi = self.scan, self.hi
        while True:
            if self.char < pos:
                c = _TOKEN_CHAR.search(scan, pos, hi)
                self.char = hi if c is None else c.start()
            if self.word < pos:
                if self.lower is None:
                    w = _TOKEN_WORD.search(scan, pos, hi)
                else:
                    w = _TOKEN_WORD_LOWER.search(self.lower, pos, hi)
                self.word = hi if w is None else w.start()
            if self.char < self.word:
                q = self.char
                ch = scan[q]
                # Only TOKEN's digits alternative can start at an ASCII digit or "-" when no fraction
                # (1/2, 3 1/4, 2½) is written right after.
                if ch in "0123456789-":
                    if ch != "-" and scan[q - 1:q] == "[" and q > left:
                        # A citation marker [12]: TOKEN would take the digits, and the exclusions drop
                        # them (unless inside a web address, which the extractor skips whole).
                        e = _ASCII_DIGITS.match(scan, q, hi).end()
                        if scan[e:e + 1] == "]" and e < hi and not in_spans(self.urls, q, hi):
                            pos = e
                            continue
                    after = scan[q:q + 7]
                    if ch == "-" or ("/" not in after and (after.isascii() or _VULGAR_CHARS.isdisjoint(after))):
                        m = _TOKEN_DIGITS.match(scan, q, hi)
                    else:
                        m = TOKEN.match(scan, q, hi)
                else:
                    m = TOKEN.match(scan, q, hi)
            else:
                q = self.word
                if q >= hi:
                    return None
                m = TOKEN.match(scan, q, hi)
            if m is not None:
                return m
            pos = q + 1


def token_at(s: str, at: int) -> regex.Match | None:
    """`TOKEN.match(s, at)`, answered at once where no token can start."""
    if _TOKEN_CHAR.match(s, at) is None and _TOKEN_WORD.match(s, at) is None:
        return None
    return TOKEN.match(s, at)


def number_tokens(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every number token in `text`, in order: where a figure may be written. Not every
    token is a claim (dates, names with digits); `Extractor` decides which are."""
    lower = text.lower()
    scan = TokenScan(text, lower if len(lower) == len(text) else None, 0, len(text), [])
    pos = 0
    while (m := scan.search(pos, 0)) is not None:
        yield m.span()
        pos = m.end()


def safe_chinese(text: str) -> nm.Number | None:
    try:
        return nm.parse_chinese(text)
    except (ValueError, ArithmeticError):
        return None


_TAIL_PART = regex.compile(r"(\d{1,4})([千百]?[万萬]|[亿億]|千)")


def _with_tail(number: nm.Number, head: str, tail: str) -> nm.Number | None:
    """3亿 with 5000万 after it, 1兆 with 994億: one figure, as precise as its last part; None when a part is
    no smaller than the one before it."""
    value, bound = number.value, nm.parse_chinese("一" + head[-1]).value
    precision = number.precision
    for part in _TAIL_PART.finditer(tail):
        scale = nm.parse_chinese("一" + part[2]).value
        if scale >= bound:
            return None
        value += int(part[1]) * scale
        precision, bound = scale, scale
    return nm.Number(value, precision, None)


def read_number(m: regex.Match) -> nm.Number | None:
    """The value of a TOKEN match's digits, Chinese numeral or English words, or None when not one we read."""
    try:
        if m[T_D] is not None:
            number = nm.parse_digits(m[T_D])
            if m[T_DCN]:
                number = nm.apply_scale(number, nm.parse_chinese("一" + m[T_DCN]).value)
            if m[T_DTAIL]:
                return _with_tail(number, m[T_DCN], m[T_DTAIL])
            if m[T_DAPPROX]:
                # 500余 is 500 to 600, 520余 520 to 530, 3.5余 3.5 to 3.6: one step of the last written digit
                whole = m[T_D].replace(",", "")
                if "." in whole:
                    step = nm.digits_precision(whole)
                else:
                    step = Decimal(10) ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else Decimal(1)
                scale = nm.parse_chinese("一" + m[T_DCN]).value if m[T_DCN] else Decimal(1)
                base = nm.parse_digits(m[T_D]).value
                return nm.Number(number.value, number.precision, (base + step) * scale)
            return number
        if m[T_C] is not None:
            if "多" in m[T_C] or "余" in m[T_C]:
                return None  # the reader splits 十多万-style forms
            return nm.parse_chinese(m[T_C])
        if m[T_W] is not None:
            return nm.parse_english(m[T_W])
    except (ValueError, ArithmeticError):
        return None
    return None
