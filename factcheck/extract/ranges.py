"""Ranges: two figures joined by a dash, "to", 至 or "between ... and" (8-10 years, $5-6 billion, 5至8年,
between 215 GW and 255 GW)."""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import numerals as nm
from .reading import Reading
from .tokens import T_C, T_D, T_DCN, T_W, read_number, safe_chinese, token_at
from .units import GAP, PERCENT, SCALE, SCALE_MONEY, Lexicon, scale_value
from .vocabulary import SCALE_WORDS

_RANGE = regex.compile(r"\s*(?:-\s*(?=to\b))?(?:-|–|—|~|〜|to|至|到|and|或)\s*(?P<cur>US\$|A\$|\$|€|£|¥)?"
                       r"(?=[\d" + nm.CN_CHARS + r"a-z])", regex.I)
_FROM = regex.compile(r"(?i:\bfrom)\s+\S*$")
_BETWEEN = regex.compile(r"(?i:between)\s+\S*$")
_BIG_ZH = regex.compile(r"[万亿]+$")


def range_after(s: str, m: regex.Match, r: Reading, pos: int, currency: str | None, lo: int) -> int:
    """8-10 years, 5 to 10, 5至10年, $5-6 billion, between 4 and 7 percent."""
    rm = _RANGE.match(s, pos)
    if not rm or r.high is not None:
        return pos
    joiner = rm[0].strip().lower()
    if joiner in ("and", "或") and not _BETWEEN.search(s[max(lo, r.start - 12):r.start]):
        return pos
    m2 = token_at(s, rm.end())
    if m2 is None or (m2[T_D] is None and m2[T_C] is None and m2[T_W] is None):
        return pos
    if m2[T_D] is not None and (len(m2[T_D]) == 4 and joiner in "-–" and "," not in m2[T_D]
                                and 1000 <= int(m2[T_D].split(".")[0]) <= 2199):
        return pos  # 2024-2025 is a period of years, not a range of numbers
    second = read_number(m2) if m2[T_C] is None else safe_chinese(m2[T_C])
    if second is None:
        return pos
    hi_end = m2.end()
    high = second.value
    scale = Decimal(1)
    sm2 = SCALE.match(s, hi_end)
    mm2 = SCALE_MONEY.match(s, hi_end) if currency and not sm2 else None
    if sm2 or mm2:
        scale = scale_value((sm2 or mm2)[1])
        hi_end = (sm2 or mm2).end()
    high *= scale
    big = Decimal(1)
    if not r.scaled:  # 5-6 billion, 三到五万, four to five thousand: the second's scale is the first's too
        if scale != 1:
            big = scale
        elif m2[T_C] is not None and m2[T_C][-1] in "万亿":
            big = nm.parse_chinese("一" + _BIG_ZH.search(m2[T_C])[0]).value
        elif m2[T_DCN]:
            big = nm.parse_chinese("一" + m2[T_DCN]).value
        elif m2[T_W] is not None and (last := m2[T_W].lower().split()[-1]) in SCALE_WORDS and m[T_W] is not None:
            big = scale_value(last) if last != "hundred" else Decimal(100)
        if r.value * big > high:
            big = Decimal(1)  # $250,000 to $1 million: the first is written in full
    r.value, r.precision = r.value * big, r.precision * big
    if s[hi_end:hi_end + 1] in ("月", "日", "号") and s[hi_end - 1:hi_end + 1] != "个月":
        return pos  # 1至12月, 3-5日: dates
    if high > r.value:
        r.high, r.scaled = high, r.scaled or scale != 1 or big != 1
        r.qualifier = "range"
        return hi_end
    return pos


def range_repeated(lex: Lexicon, s: str, r: Reading, pos: int, lo: int) -> int:
    """between 215 GW and 255 GW, 5% to 7%: a range whose unit is written with both figures."""
    rm = _RANGE.match(s, pos)
    if not rm or rm["cur"] or _FROM.search(s, max(lo, r.start - 8), r.start):
        return pos  # from 5% to 7% is a change, not a range
    if rm[0].strip().lower() in ("and", "或") and not _BETWEEN.search(s[max(lo, r.start - 12):r.start]):
        return pos
    m2 = token_at(s, rm.end())
    second = read_number(m2) if m2 is not None and m2[T_D] is not None else None
    if second is None:
        return pos
    end = m2.end()
    if sm := SCALE.match(s, end):
        second, end = nm.apply_scale(second, scale_value(sm[1])), sm.end()
    if r.unit in ("percent", "percentage_point"):
        um = PERCENT.match(s, end)
        same = um is not None
    else:
        um = lex.match(s, end + len(GAP.match(s, end, end + 2)[0]))
        same = um is not None and lex.unit_for(um[0]) == r.unit
    if not same or not second.value > r.value:
        return pos
    r.high, r.qualifier = second.value, "range"
    return um.end()
