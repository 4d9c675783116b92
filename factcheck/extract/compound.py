"""Amounts written in two units: 5 feet 2 inches, 3 dollars 50 cents, 15 dollars 50, 五元三毛, 三斤二两."""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import numerals as nm
from .money import SUB_MONEY_AFTER, is_currency, sub_unit
from .reading import Reading
from .units import Lexicon
from .vocabulary import SMALL_NUMBER_WORDS, alternation

# Units whose amounts are written in two parts; metric amounts are not ("12 m 2 dm" reads as two figures).
COMPOUND_MAINS = {"foot", "yard", "pound", "stone", "jin", "gallon"}
_SMALL = "(?:" + alternation(w for w in SMALL_NUMBER_WORDS if w != "zero") + ")"
_JOIN = regex.compile(r"[ \t]+and[ \t]+|又|零|[ \t]*")
_NUMBER = regex.compile(r"\d{1,3}(?:\.\d+)?(?![\d,])|(?i:\b" + _SMALL + r"(?:[ -]" + _SMALL
                        + r")?\b)|[一二两三四五六七八九十]{1,3}")
_BARE_END = regex.compile(r"[ \t]*(?:[.,;!?)。，；！？）]|$)|(?=[的钱])")
_INCH_IN = regex.compile(r"[ \t]?in\b(?!\s+(?:the|a|an|his|her|their|its|this|that|which|order|total)\b)")
_LIANG = regex.compile("两")


def _small_number(text: str) -> Decimal | None:
    try:
        if text[0].isdigit():
            return Decimal(text)
        if text[0].isascii():
            return nm.parse_english(text).value
        number = nm.parse_chinese(text)
        return None if number.high is not None else number.value
    except (ValueError, ArithmeticError):
        return None


def compound(lex: Lexicon, s: str, r: Reading, pos: int, hi: int, written_after: bool) -> int:
    """Adds the second part of an amount to `r`; returns where the amount ends."""
    money = is_currency(r.unit)
    step = Decimal(1)  # the main unit's step; CNY goes on to 角 (0.1) and 分 (0.01)
    for _ in range(2):
        jm = _JOIN.match(s, pos, hi)
        p = jm.end()
        nm_ = _NUMBER.match(s, p, hi)
        if not nm_:
            break
        text = nm_[0]
        found = None
        # A Chinese numeral may run into its unit (二两): try shorter numerals too.
        for k in (range(len(text), 0, -1) if text[0] in nm.CN_DIGITS or text[0] == "十" else (len(text),)):
            number = _small_number(text[:k])
            if number is None:
                continue
            q = p + k
            found = _money_part(s, r, number, q, hi, step, jm, k, text, written_after) if money \
                else _unit_part(lex, s, r, number, q, hi, step)
            if found is not None:
                break
        if found is None:
            break
        value, sub_step, end = found
        r.value += value
        r.precision = min(r.precision, sub_step)
        step, pos = sub_step, end
        if not money:
            break
    return pos


def _money_part(s: str, r: Reading, number: Decimal, q: int, hi: int, step: Decimal, jm: regex.Match, k: int,
                text: str, written_after: bool) -> tuple[Decimal, Decimal, int] | None:
    sm = SUB_MONEY_AFTER.match(s, q, hi)
    value = sub_unit(sm["sub"], r.unit) if sm else None
    if value is not None and value < step:
        return number * value, value, sm.end()
    # a bare figure after the unit is the next sub-unit: 15 dollars 50, 三块五, five mao five
    nxt = Decimal("0.1") if r.unit == "CNY" and step == 1 and not jm[0].strip() and k == 1 else Decimal("0.01")
    if nxt < step and number == number.to_integral_value() and 0 < number < 1 / nxt and \
            (written_after or step < 1) and _BARE_END.match(s, q, hi) and (text[0].isdigit() or k == len(text)):
        return number * nxt, nxt, q
    return None


def _unit_part(lex: Lexicon, s: str, r: Reading, number: Decimal, q: int, hi: int,
               step: Decimal) -> tuple[Decimal, Decimal, int] | None:
    um = lex.match(s, q + (1 if s[q:q + 1] == " " else 0), hi)
    name = lex.unit_for(um[0]) if um else None
    if um is None and r.unit == "foot" and _INCH_IN.match(s, q, hi):
        name, um = "inch", _INCH_IN.match(s, q, hi)
    elif um is None and r.unit == "jin" and s[q:q + 1] == "两":
        name, um = "liang", _LIANG.match(s, q)  # 三斤二两
    ratio = lex.ratio(name, r.unit) if name else None
    if ratio is not None and ratio < step:
        return number * ratio, ratio, um.end()
    return None
