"""Reading one number token: the value each kind of token writes (digits, Chinese numerals, 百分之…,
fractions, multipliers), before `right.extend` reads what is written around it."""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import numerals as nm
from .exclusions import age_after_name, bare_digit, capitals_name, refers_back_zh, rejected_digits, spec_label
from .qualifiers import qualifier_left, qualify
from .reading import Reading
from .right import extend
from .scan import CJK
from .tokens import (CN, T_C, T_CMULT, T_D, T_DAPPROX, T_DCN, T_F, T_FRAC, T_FRACNUM, T_FSW, T_MULT, T_NEG, T_PCN,
                     T_VF, T_VFD, T_VFN, T_VFU, T_VFW, T_VFW2, T_W, T_ZHE, read_number, safe_chinese,
                     token_at)
from .units import SCALE, Lexicon, scale_value
from .vocabulary import (FRACTION_WORDS, MULTIPLIER_BARE, MULTIPLIER_WORDS, MULTIPLIER_ZH, SCALE_WORDS, VULGAR_FRACTIONS,
                         ZERO_WORDS)

_OF_THE = regex.compile(r"\s+(?:of|the)\b")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
_ARTICLE = regex.compile(r"(?i:a\s+)(?!hundred|thousand|million|billion|trillion|dozen)")
_APPROX_CUT = regex.compile(r"([" + CN + r"]+?)([多余])([万亿]*)$")
_APPROX_TAIL = regex.compile(r"[多余]([万亿]*)")
# When "double" and its kin are verbs of growth: after a modal or a qualifier, or before what grows.
_MULT_BEFORE = regex.compile(r"(?i:\b(?:to|will|would|could|can|may|might|should|must|almost|nearly|than|roughly|"
                             r"about|expected|set|likely|poised)\s+)$")
_MULT_NEXT = regex.compile(r"(?i:\s+(?:the|its|their|his|her|our|that|this|those|in|from|by|over|since|within|again)\b"
                           r"|\s*(?=[.,;:)]|$))")
_TWICE_NEXT = regex.compile(r"(?i:\s+(?:the|as|that|what|its|their|his|her|our|this|those|these)\b)")
_HALF_OF_PERIOD = regex.compile(r"(?i:\b(?:first|second|latter|former|final|opening|back|front|1st|2nd)[\s-]+)$")
_A_AN = regex.compile(r"(?i:[ \t]+(?:an?[ \t]+)?)")
_BY = regex.compile(r"(?i:\bby\s+)$")  # cut by a third, rose by half
_IN_EVERY = regex.compile(r"(?i:\s+(?:in|out\s+of)\s+(?:every\s+)?)")
_AND_A_HALF = regex.compile(r"(?i:\s+and\s+a\s+half\b|-and-a-half\b)")
_A_SCALE = ("a dozen", "a hundred", "a thousand", "a million", "a billion", "a trillion")


def read(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """The figure token `m` starts, read outwards; None when it is no claim."""
    if m[T_D] is not None:  # the commonest token; TOKEN's alternatives exclude one another
        return _digits(lex, s, m, lo, hi)
    if m[T_PCN] is not None:
        return _percent_zh(s, m, lo, hi)
    if m[T_ZHE] is not None:
        return _half_zh(s, m, lo, hi)
    if m[T_F] is not None and m[T_FSW] is not None:
        return _fraction_of_scale(lex, s, m, lo, hi)
    if m[T_FRAC] is not None:
        return _fraction_zh(s, m, lo, hi)
    if m[T_MULT] is not None or m[T_CMULT] is not None:
        return _multiplier(s, m, lo, hi)
    if m[T_F] is not None:
        return _fraction_word(lex, s, m, lo, hi)
    if m[T_C] is not None:
        return _chinese(lex, s, m, lo, hi)
    if m[T_VF] is not None:
        return _written_fraction(lex, s, m, lo, hi)
    number = read_number(m)
    if number is None:
        return None
    return _number(lex, s, m, number, lo, hi)


def _digits(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    if len(m[T_D]) > 40:
        return None  # a run of 40+ digits is an identifier or noise, never a figure
    if len(m[T_D]) == 1 and bare_digit(lex, s, m, lo, hi):
        return None
    if rejected_digits(lex, s, m, lo, hi):  # before reading the value: most rejected tokens are cheap
        return None
    number = read_number(m)
    if number is None:
        return None
    r = _number(lex, s, m, number, lo, hi)
    if r is None or age_after_name(s, r, lo, hi) or spec_label(s, r, hi) or capitals_name(s, r, m, lo):
        return None
    return r


def _number(lex: Lexicon, s: str, m: regex.Match, number: nm.Number, lo: int, hi: int) -> Reading | None:
    start, end = m.span()
    if m[T_NEG]:  # -22.2%: a signed figure, not a hyphen (F-35 and 8-10 are read elsewhere)
        number = nm.Number(-number.value, number.precision, None)
    scaled = bool(m[T_DCN])
    if m[T_DCN] and m[T_DCN][-1] == "千" and not m[T_DAPPROX] and lex.thousand_unit(s, end - 1):
        # 323千卡, 100万千瓦: the 千 belongs to the unit
        dcn = m[T_DCN][:-1]
        number = nm.parse_digits(m[T_D])
        if dcn:
            number = nm.apply_scale(number, nm.parse_chinese("一" + dcn).value)
        end, scaled = end - 1, bool(dcn)
    share = _one_in(lex, s, m, number, lo, hi)
    if share is not None:
        return share
    if (half := _AND_A_HALF.match(s, end, hi)) and number.high is None and not scaled:
        number = nm.Number(number.value + Decimal("0.5"), min(number.precision, Decimal("0.5")))
        end = half.end()  # two and a half years, 1-and-a-half hours
    r = Reading(start, end, number.value, number.high, number.precision, None, scaled=scaled)
    if m[T_DAPPROX]:
        r.qualifier, r.cue = "range", m[T_DAPPROX]
    if m[T_W] is not None:
        word = m[T_W].lower()
        if word in SCALE_WORDS:
            return None  # "USD million", "thousand of": a scale word alone is no figure
        if (word in ("one", "a", "zero") or word.startswith("a ") and word not in _A_SCALE) \
                and not lex.follows(s, end):
            return None
        article = _ARTICLE.match(m[T_W])
        if article:
            r.start += article.end()  # "a five-year tax": the article belongs to the tax
    return extend(lex, s, m, r, lo, hi)


def _one_in(lex: Lexicon, s: str, m: regex.Match, number: nm.Number, lo: int, hi: int) -> Reading | None:
    """one in ten, 1 in 4, two out of every five: a share written as a proportion."""
    if m[T_W] is None and m[T_D] is None or m[T_DCN] or number.value != number.value.to_integral_value():
        return None
    om = _IN_EVERY.match(s, m.end(), hi)
    m2 = token_at(s, om.end()) if om else None
    if m2 is None or (m2[T_W] is None and m2[T_D] is None) or m2[T_DCN]:
        return None
    whole = read_number(m2)
    if whole is None or not number.value < whole.value <= 1000 or lex.follows(s, m2.end()) \
            or SCALE.match(s, m2.end()):
        return None  # 2 in 10 minutes, one in 2024
    share = number.value / whole.value * 100
    step = Decimal("0.1") if share != share.quantize(Decimal("0.1")) else Decimal(1)
    r = Reading(m.start(), m2.end(), share.quantize(step).normalize(), None, step, "percent")
    return qualify(s, r, lo, hi)


def _multiplier(s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """doubled, could triple, more than double, twice the amount, 翻了一番: a ratio of growth."""
    word = (m[T_MULT] or m[T_CMULT]).lower()
    if word in MULTIPLIER_BARE:
        if word in ("twice", "thrice"):
            if not _TWICE_NEXT.match(s, m.end(), hi):
                return None  # twice a week, twice elected
        elif not (_MULT_BEFORE.search(s, max(lo, m.start() - 24), m.start()) or _MULT_NEXT.match(s, m.end(), hi)):
            return None  # a double room, triple-digit, the treble
    value = MULTIPLIER_WORDS.get(word) or MULTIPLIER_BARE.get(word) or MULTIPLIER_ZH.get(word, 2)
    r = Reading(m.start(), m.end(), Decimal(value), None, Decimal(1), "ratio", direction="up")
    return qualify(s, r, lo, hi)


def _percent_zh(s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """百分之十二点五, 百分之3.2."""
    start, end = m.span()
    if s.startswith("分之", end):
        return None  # 百分之百分之…: the numeral opens another fraction, it is not this one's figure
    body = m[T_PCN][3:]
    if body[0].isdigit():
        number = nm.parse_digits(body)
        sm = SCALE.match(s, end)  # 百分之3.2k
        if sm:
            number = nm.apply_scale(number, scale_value(sm[1]))
            end = sm.end()
    else:
        number = safe_chinese(body)
        while number is None and len(body) > 1:  # 百分之七十百分位: the numeral ends where it parses
            body, end = body[:-1], end - 1
            number = safe_chinese(body) if body[-1] != "点" else None
    if number is None:
        return None
    return qualify(s, Reading(start, end, number.value, number.high, number.precision, "percent"), lo, hi)


def _half_zh(s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """打对折, 半折 = 50%; 半成 = 5% (not 半成品, 对折扣)."""
    start, end = m.span()
    zhe, after = m[T_ZHE], s[end:end + 1]
    if zhe == "对成" or (zhe == "对折" and s[start - 1:start] not in ("打", "享", "按")) \
            or (zhe == "半折" and after == "扣") \
            or (zhe == "半成" and CJK.match(after) and after not in "的以左上多"):
        return None
    value = Decimal(5) if zhe == "半成" else Decimal(50)
    return qualify(s, Reading(start, end, value, None, Decimal(5), "percent"), lo, hi)


def _fraction_of_scale(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """half a million, a quarter billion, three quarters million."""
    words = m[T_F].lower()
    if "third" in words or words.startswith("two"):
        return None
    part = Decimal("0.5") if "half" in words else Decimal("0.75") if "three" in words else Decimal("0.25")
    scale = scale_value(m[T_FSW])
    r = Reading(m.start(), m.end(), part * scale, None, part * scale, None, scaled=True)
    return extend(lex, s, m, r, lo, hi)


def _fraction_zh(s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """三分之一, 万分之三: a share written as a fraction."""
    if all(ch in nm.CN_LARGE for ch in m[T_FRAC]):  # 万分之三, 万万分之七
        den = nm.Number(Decimal(1), Decimal(1))
        for ch in m[T_FRAC]:
            den = nm.Number(den.value * nm.CN_LARGE[ch], Decimal(1))
    else:
        den = safe_chinese(m[T_FRAC])
    num = nm.parse_digits(m[T_FRACNUM]) if m[T_FRACNUM][0].isdigit() else safe_chinese(m[T_FRACNUM])
    if den is None or num is None or den.value == 0:
        return None
    pct = num.value / den.value * 100
    step = num.precision / den.value * 100
    if pct != pct.quantize(Decimal("1e-12")):  # 三分之一: a repeating fraction, read to 0.1
        pct, step = pct.quantize(Decimal("0.1")), Decimal("0.1")
    return qualify(s, Reading(m.start(), m.end(), pct.normalize(), None, step.normalize(), "percent"), lo, hi)


def _fraction_of_unit(lex: Lexicon, s: str, m: regex.Match, hi: int) -> Reading | None:
    """half a mile, a half turn, a quarter hour: a fraction of one unit."""
    value = FRACTION_WORDS.get(_SPACES_HYPHENS.sub(" ", m[T_F].lower()))
    gap = _A_AN.match(s, m.end(), hi)
    um = lex.match(s, gap.end()) if value is not None and gap else None
    name = lex.unit_for(um[0]) if um else None
    if name is None or name in ("percent", "percentage_point", "count", "ratio") or len(um[0]) < 2:
        return None
    value = (value / 100).normalize()
    return Reading(m.start(), um.end(), value, None, value, name)


def _fraction_word(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """half of, two thirds of the: a share in words."""
    if m[T_F].lower() in ("third", "thirds", "quarter", "quarters"):
        return None  # "a quarter" and "one third" are shares; "third" alone is an ordinal
    if _HALF_OF_PERIOD.search(s, max(lo, m.start() - 12), m.start()):
        return None  # the first half of 2024, the second half: a period
    unit = _fraction_of_unit(lex, s, m, hi)
    if unit is not None:
        return unit
    qualified = qualifier_left(s[max(lo, m.start() - 40):m.start()]) is not None
    if not qualified and not _OF_THE.match(s[m.end():m.end() + 6].lower()) \
            and not _BY.search(s, max(lo, m.start() - 4), m.start()):
        return None  # "half" alone is a share only after a qualifier: almost half, more than a third
    value = FRACTION_WORDS.get(_SPACES_HYPHENS.sub(" ", m[T_F].lower()))
    if value is None:
        return None
    r = Reading(m.start(), m.end(), value, None, Decimal(1), "percent", "exact" if qualified else "approx",
                cue=None if qualified else m[T_F].lower())
    return qualify(s, r, lo, hi)


def _written_fraction(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """1/4 mile, 10 1/2 miles, ½ cup: a written fraction, taken only when a unit follows (not 24/7, 9/11)."""
    if m[T_VFU]:
        frac, whole = VULGAR_FRACTIONS[m[T_VFU]], m[T_VFW2]
    else:
        if int(m[T_VFD]) == 0 or int(m[T_VFN]) >= int(m[T_VFD]):
            return None
        frac, whole = Decimal(m[T_VFN]) / Decimal(m[T_VFD]), m[T_VFW]
    value = Decimal(whole or 0) + frac
    r = Reading(m.start(), m.end(), value, None, frac if frac < 1 else Decimal(1), None)
    ext = extend(lex, s, m, r, lo, hi)
    if ext is None or ext.unit in (None, "count", "ratio"):
        return None
    return ext


def _chinese(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> Reading | None:
    """两千名, 十多万人, 三百余吨, 二两: a Chinese numeral, a claim only with a unit or measure word."""
    start, end = m.span()
    text = m[T_C]
    if len(text) > 1 and text[-1] == "千" and lex.thousand_unit(s, end - 1):
        text, end = text[:-1], end - 1  # 一百千瓦 is 100 kW
    before = s[start - 1] if start > lo else ""
    if (before and before in "第其数几上前后每") or text[0] in "万亿萬億兆" or text in ("百", "千"):
        return None  # 第三, 数十; 百公里加速, 千人计划: a basis or a name, not a figure
    if text in ("零", "〇") and s[end:end + 1] in ZERO_WORDS:
        return None  # 零件, 零部件, 零售, 零食, 零点: words, not a count of nothing
    if text == "一" and s[end:end + 1] == "半" and not CJK.match(s[end + 1:end + 2] or " ") or \
            text == "一" and s[end:end + 2] in ("半的", "半以", "半左", "半多", "半是", "半来", "半用", "半为"):
        return qualify(s, Reading(start, end + 1, Decimal(50), None, Decimal(5), "percent"), lo, hi)  # 一半
    number, approx_high, end = _chinese_value(s, text, end, hi)
    if number is None:
        return None
    r = Reading(start, end, number.value, number.high, number.precision, None, scaled=text[-1] in "万亿兆")
    if approx_high is not None:
        r.qualifier, r.cue = "range", "多"
    # Chinese numerals count only with a unit or measure word after them (全国两会, 年过半百 are words).
    ext = extend(lex, s, m, r, lo, hi, chinese=True)
    if (ext is None or (ext.unit is None and ext.noun is None)) and len(text) > 1 and text[-1] == "两" \
            and text[-2] != "一" and text != "两两" and before != "斤" and approx_high is None:
        # 二两, 三十两, 两万两: a trailing 两 that is no digit is the liang (50 g); 一两 is "one or two"
        number = safe_chinese(text[:-1])
        if number is None or number.high is not None:
            return None
        return qualify(s, Reading(start, end, number.value, None, number.precision, "liang"), lo, hi)
    if ext is None or (ext.unit is None and ext.noun is None):
        return None
    if ext.value == 1 and ext.high is None and ext.unit in (None, "count"):
        return None  # 一个, 一家: the indefinite article, not a count
    if text in ("两", "二", "三") and ext.unit is None and refers_back_zh(s, start, ext.end, lo, hi):
        return None
    if ext.unit == "year" and len(text) == 4 and all(ch in nm.CN_DIGITS for ch in text):
        return None  # 二〇二五年
    if ext.unit == "month" and not s[ext.start:ext.end].endswith("个月"):
        return None  # 十月 is October
    return ext


def _chinese_value(s: str, text: str, end: int, hi: int) -> tuple[nm.Number | None, Decimal | None, int]:
    """The numeral's value, the high end of 十多万 / 三百余 (None if not written so), and where it ends."""
    cut = _APPROX_CUT.match(text)  # 十多万, 三百余吨: the approximate marker splits the numeral
    if cut is None and end < hi and s[end] in "多余":
        tail = _APPROX_TAIL.match(s[end:end + 4])
        if not tail:
            return safe_chinese(text), None, end
        base, scale_text, end = safe_chinese(text), tail[1], end + len(tail[0])
    elif cut is not None:
        base, scale_text = safe_chinese(cut[1]), cut[3]
    else:
        return safe_chinese(text), None, end
    if base is None:
        return None, None, end
    scale = nm.parse_chinese("一" + scale_text).value if scale_text else Decimal(1)
    number = nm.Number(base.value * scale, base.precision * scale, (base.value + base.precision) * scale)
    return number, number.high, end
