"""Reading outwards from a number token: money before it, then scale, range and unit after it, then the
qualifier and direction words around it. `extend` is the one entry; each step is a function."""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import numerals as nm
from .compound import COMPOUND_MAINS, compound
from .money import (CURRENCY_RIGHT, CURRENCY_SCALED, CURRENCY_WORD_LEFT, MONEY_CUE, PENCE, currency_code,
                    currency_left, is_currency)
from .nouns import english_noun, measure_word
from .qualifiers import AFTER_ZH, GROWTH_TIMES_ZH, direction, negate_left, qualifier_left, word_of
from .ranges import range_after, range_repeated
from .reading import Reading
from .scan import CJK
from .tokens import T_C, T_D, T_W
from .units import (BRACKET_CLOSE_AT, BRACKET_OPEN, GAP, KUAI, KUAI_CUE, KUAI_END, MILLION_NOUN, NOT_RATES, PER, PER_SPACE,
                    PER_TIME, PERCENT, PERCENT_OF_LEFT, RATE, SCALE, SCALE_MONEY, SPEEDS, TEMPERATURE_CUE,
                    TEMPERATURE_SCALES, TIME_ABBREVIATIONS, TIMES, ZHE_NOT, Lexicon, area_before, local_crown, local_yuan,
                    rate_before, rate_period, scale_value, temperature_letter)
from .vocabulary import CURRENCY_ISO, QUALIFIER_KIND

_OF = regex.compile(r"\s+of\b")
_CHENG_NEXT = regex.compile(r"[" + nm.CN_CHARS + r"点个年天名人多余成]")


def extend(lex: Lexicon, s: str, m: regex.Match, r: Reading, lo: int, hi: int,
           chinese: bool = False) -> Reading | None:
    """The whole figure around token `m`: r grows to take its money, scale, range, unit and qualifiers."""
    currency = _money_left(s, r, lo)
    negate_left(s, r, lo)
    pos, currency = _scale(lex, s, r, r.end, currency, lo)
    pos = range_after(s, m, r, pos, currency, lo)
    pos = _unit(lex, s, m, r, pos, currency, lo, hi, chinese)
    if pos is None:
        return None
    if r.high is None and r.unit is not None and r.per is None and currency is None:
        pos = range_repeated(lex, s, r, pos, lo)
    if r.unit is not None and r.high is None and (r.unit in COMPOUND_MAINS or is_currency(r.unit)):
        pos = compound(lex, s, r, pos, hi, written_after=currency is None)
    am = AFTER_ZH.match(s, pos)  # Chinese qualifiers after the unit: 5年以上, 100吨左右
    if am and (r.unit is not None or r.noun is not None) and r.qualifier == "exact":
        q = am["q"]
        if q in ("多", "余") and r.unit is not None:
            r.high = r.value + r.precision
            r.qualifier, r.cue = "range", q
        elif q not in ("多", "余"):
            r.qualifier, r.cue = QUALIFIER_KIND[q], q
        pos = am.end()
    r.end = max(pos, r.end)
    if r.unit is None and r.noun is None:  # what an English count counts
        r.noun = english_noun(s, r.end, hi)
        if chinese:
            return r
        if m[T_W] is not None and r.noun is None and not (r.high is not None and r.scaled):
            return None  # "one", "ten" alone are words, not figures
    per = PER.match(s, r.end)
    if per and r.unit is not None and is_currency(r.unit):
        r.noun = "per " + per["per"].lower()
    _qualifier(s, r, lo, hi)
    if r.unit is None and r.noun is None and r.high is None and r.qualifier == "exact" and 0 <= r.value < 10:
        return r  # the extractor drops it (a bare single digit), whichever its direction
    r = direction(s, r, lo, hi)
    if r.unit == "ratio" and s[r.end - 1:r.end] == "倍" and GROWTH_TIMES_ZH.search(s, max(lo, r.start - 4), r.start):
        r.value += 1  # 增加了一倍: grew by once itself, to twice
        if r.high is not None:
            r.high += 1
    return r


def _money_left(s: str, r: Reading, lo: int) -> str | None:
    cm = currency_left(s[max(lo, r.start - 8):r.start])
    if not cm:
        return None
    written = cm["cur"]
    if len(written) == 4 and written[0] in "MKk" and written[1:] in CURRENCY_ISO and not r.scaled:
        r.scale(scale_value(written[0]))  # MAUD 60 = 60 million Australian dollars
        written = written[1:]
    currency = currency_code(written, s, r.start)
    r.start -= len(cm[0])
    return currency


def _scale(lex: Lexicon, s: str, r: Reading, pos: int, currency: str | None, lo: int) -> tuple[int, str | None]:
    """3.4 million, $2.6bn, euro 5 million."""
    sm = SCALE.match(s, pos)
    if sm and not r.scaled:
        r.scale(scale_value(sm[1]))
        pos = sm.end()
        if currency is None:  # "euro 5 million", "dollar 22.5 billion": the currency named first
            wm = CURRENCY_WORD_LEFT.search(s, max(lo, r.start - 9), r.start)
            if wm:
                currency = lex.unit_for(wm[1])
                r.start = wm.start()
    elif currency and not r.scaled:
        mm = SCALE_MONEY.match(s, pos)
        if mm:
            r.scale(scale_value(mm[1]))
            pos = mm.end()
    return pos, currency


def _unit(lex: Lexicon, s: str, m: regex.Match, r: Reading, pos: int, currency: str | None, lo: int, hi: int,
          chinese: bool) -> int | None:
    """Percent, money or a unit of the lexicon after the figure; None when the figure is no claim."""
    pm = PERCENT.match(s, pos)
    po = None if pm else PERCENT_OF_LEFT.search(s, max(lo, r.start - 20), r.start)
    if po is not None:  # "percent of 10" with no figure before "percent": 10%
        r.unit, r.start = "percent", po.start("word")
    elif pm:
        word = pm[0].strip().lower()
        r.unit = "percentage_point" if ("point" in word or "百分点" in word) else "percent"
        pos = pm.end()
    elif currency:
        r.unit = currency
        um = lex.match(s, pos + 1) if s[pos:pos + 1] == " " else None
        if um and lex.unit_for(um[0]) == currency:
            pos = um.end()  # "$5 dollars" style doubles, and "US$5 million dollars"
    else:
        pos = _other_unit(lex, s, m, r, pos, lo, hi, chinese)
    if r.unit == "year" and not chinese and 1000 <= r.value < 2200 and r.high is None \
            and "," not in (m[T_D] or ""):
        return None
    if r.unit is None and s[pos:pos + 1] == "两" and not chinese and not CJK.match(s[pos + 1:pos + 2]):
        r.unit, pos = "liang", pos + 1  # 1234两
    return pos


def _other_unit(lex: Lexicon, s: str, m: regex.Match, r: Reading, pos: int, lo: int, hi: int,
                chinese: bool) -> int:
    gap = GAP.match(s, pos, min(hi, pos + 2))[0]
    um = lex.match(s, pos + len(gap))
    crm = CURRENCY_RIGHT.match(s, pos)
    ksm = CURRENCY_SCALED.match(s, pos) if not r.scaled else None
    if crm:  # 10 €, 100₾
        r.unit = currency_code(crm["cur"], s, r.start)
        pos = crm.end()
        um = None
    elif um is None and (bm := BRACKET_OPEN.match(s, pos)):  # 20 (kg), 20 [kg]
        inner = lex.match(s, bm.end())
        close = inner and BRACKET_CLOSE_AT[bm["o"]].match(s, inner.end())
        if close and (len(inner[0]) > 1 or inner[0].islower()) and lex.unit_for(inner[0]):
            r.unit = lex.unit_for(inner[0])
            pos = close.end()
    elif ksm:  # 30 MUSD, 120 MEUR
        r.scale(scale_value(ksm["k"]))
        r.unit = currency_code(ksm["iso"], s, r.start)
        pos = ksm.end()
        um = None
    if um is None and r.unit is None and s[pos - 1:pos].isdigit() and PENCE.match(s, pos):
        r.unit, pos = "penny", pos + 1  # 85p
    elif um is None and r.unit is None and (tm := temperature_letter(s, r.start, pos, lo)):
        r.unit, pos = TEMPERATURE_SCALES[tm["t"]], tm.end()  # temperatures hit 41C
    if um and len(um[0]) == 1 and um[0].isascii():
        # One-letter symbols (m, t) only in lower case; "5M" and "5m people" are millions.
        if um[0] == "M" or (um[0] == "m" and not r.scaled and MILLION_NOUN.match(s, um.end())):
            if not r.scaled:
                r.scale(Decimal(10**6))
                pos = um.end()
            um = None
        elif not um[0].islower():
            um = None
    if um:
        pos = _lexicon_unit(lex, s, r, um, pos, lo, hi)
    if r.unit is None and s[pos:pos + 1] == "折" and s[pos + 1:pos + 2] not in ZHE_NOT:
        discount = _discount(s[m.start():r.end] if m[T_C] is None else m[T_C], r)
        if discount is not None:
            r.value, r.high, r.precision = discount[0], None, discount[1]
            r.qualifier = "exact" if r.qualifier == "range" and r.cue is None else r.qualifier
            r.unit = "percent"
            pos += 1
    if r.unit is None and (tm := TIMES.match(s, pos)):
        # ("plugged in 410 million times": a count of occasions; no multiplier runs to a hundred thousand)
        r.unit = "ratio" if r.value < 100_000 else None
        pos = tm.end()
    if r.unit is None and s[pos:pos + 1] == "度" and s[pos - 1:pos] in ("万", "亿", "萬", "億"):
        r.unit = "kilowatt_hour"  # 72亿度: no temperature or angle runs to ten thousand degrees
        pos += 1
    if r.unit is None and s[pos:pos + 1] == "块" and (KUAI.match(s, pos) or KUAI_END.match(s, pos)
                                                     and KUAI_CUE.search(s, max(lo, r.start - 6), r.start)):
        r.unit = "CNY"  # 三块五, 两块钱: 块 is a yuan when money follows it
        pos += 2 if s[pos + 1:pos + 2] == "钱" else 1
    if r.unit is None and (chinese or (s[pos:pos + 1] and CJK.match(s[pos:pos + 1]))):
        pos = measure_word(lex, s, r, pos, hi)
    return pos


_RMB_AFTER = regex.compile(r"\s*(?:人民[币幣]|RMB)")


def _lexicon_unit(lex: Lexicon, s: str, r: Reading, um: regex.Match, pos: int, lo: int, hi: int) -> int:
    name = lex.unit_for(um[0])
    if name == "pound" and um[0][:1] in "pP" and not _OF.match(s[um.end():um.end() + 4]) \
            and "-" not in s[pos:um.start()] and MONEY_CUE.search(s, max(lo, r.start - 80), r.start):
        name = "GBP"  # "profit of 361 million pounds" is sterling; "5 pounds of beef" is weight
    if name == "degree" and TEMPERATURE_CUE.search(s, max(lo, r.start - 60), r.start):
        return pos  # "the temperature is 24 degrees": no scale given, not an angle
    if name == "crown":
        name = local_crown(s, lo, hi)  # ("112 million crowns" in an article on a Norwegian firm)
    if name is None:
        return pos
    if name == "CNY" and um[0] == "元" and (named := lex.currency_before(s, r.start, lo)):
        name = named  # 新台币120亿元, 港币3亿元: 元 is the unit of the currency named before
    elif name == "CNY" and um[0] == "元" and not _RMB_AFTER.match(s, um.end()) and (local := local_yuan(s, lo, hi)):
        name = local  # a Taipei or Hong Kong paper's 元
    r.unit = name
    pos = um.end()
    pm = PER_TIME.match(s, pos, hi)
    if pm and lex.is_length(name):  # 50 km/ms, 120 kilometres per hour: a speed
        t = pm["t"].lower()
        time = TIME_ABBREVIATIONS.get(t) or t.rstrip("s")
        r.unit = SPEEDS.get((name, time), f"{name} / {time}")
        pos = pm.end()
    elif (name not in NOT_RATES and not is_currency(name) and (per := PER_SPACE.match(s, pos, hi))
          and (dm := lex.match(s, per.end(), hi)) and (denominator := lex.unit_for(dm[0]))
          and lex.is_area_or_volume(denominator) and not lex.is_area_or_volume(name)):
        r.unit = f"{name} / {denominator}"  # a density or a yield: µg/m³, t/ha
        pos = dm.end()
    elif name not in NOT_RATES and not is_currency(name) and not lex.is_area_or_volume(name) \
            and (area := area_before(s, r.start, lo)):
        r.unit = f"{name} / {area}"
    elif name not in NOT_RATES and not is_currency(name):
        if rm := RATE.match(s, pos, hi):
            r.per, pos = rate_period(rm), rm.end()
        else:
            r.per = rate_before(s, r.start, lo)
    if not r.scaled and is_currency(name):
        sm = SCALE.match(s, pos)  # 75 USD million
        if sm:
            r.scale(scale_value(sm[1]))
            pos = sm.end()
    if s[pos:pos + 1] == "半" and not um[0].isascii() and r.high is None:
        r.value += Decimal("0.5")  # 一吨半, 三成半: and a half
        r.precision = min(r.precision, Decimal("0.5"))
        pos += 1
    elif um[0] == "成" and r.high is None and s[pos:pos + 1] in nm.CN_DIGITS and r.precision == 1 \
            and not _CHENG_NEXT.match(s[pos + 1:pos + 2]):
        r.value += Decimal(nm.CN_DIGITS[s[pos]]) / 10  # 七成六 = 76%
        r.precision = Decimal("0.1")
        pos += 1
    return pos


def _qualifier(s: str, r: Reading, lo: int, hi: int) -> None:
    left = s[max(lo, r.start - 40):r.start]
    qm = qualifier_left(left)
    if not qm:
        return
    word = word_of(qm)
    if word == "between" or word == "over" and _over_a_period(left[:qm.start()], r, s, hi):
        return
    if r.qualifier == "exact" or (r.qualifier == "range" and r.cue in ("多", "余")):
        kind = QUALIFIER_KIND.get(word)
        if kind != "approx" and _THE_AFTER.search(qm.group()):
            return  # "a 9% gain over the 50.0 million", "more than the 1.16 billion": a comparison, not a bound
        if kind and r.high is None:
            r.qualifier, r.cue = kind, word
        elif kind == "approx":
            r.cue = word


_THE_AFTER = regex.compile(r"(?i)\bthe\s*$")


def _over_a_period(before: str, r: Reading, s: str, hi: int) -> bool:
    """"$600 billion over five years": "over" before a period says when, not how much, unless a word such as
    "for" comes before it or "old" after it (for over 20 years, aged over 65 years old)."""
    if r.unit not in _PERIODS:
        return False
    words = before.split()
    return not (words and words[-1].lower() in _MORE_THAN_BEFORE) and not _OLD.match(s, r.end, hi)


_PERIODS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade"})
_MORE_THAN_BEFORE = frozenset({"for", "of", "after", "aged", "age", "ages", "lasted", "lasting", "spent", "took",
                               "taken", "takes", "been", "than", "last", "lasts"})
_OLD = regex.compile(r"\s+old\b")


def _discount(written: str, r: Reading) -> tuple[Decimal, Decimal] | None:
    """八折 = 80%, 75折 = 75%, 9.9折 = 99%, 三八折 = 38%: a price as a share of the full price."""
    written = written.lstrip("-")
    if written and all(ch in nm.CN_DIGITS for ch in written) and len(written) == 2:
        return Decimal(nm.CN_DIGITS[written[0]] * 10 + nm.CN_DIGITS[written[1]]), Decimal(1)
    if r.high is not None or r.value <= 0 or r.value >= 100:
        return None
    if written and written[-1] in nm.CN_SMALL:
        return None  # 十折 is no discount
    if r.value < 10:
        return r.value * 10, r.precision * 10
    if r.value == r.value.to_integral_value():
        return r.value, Decimal(1)
    return None
