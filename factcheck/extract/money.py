"""Money written around a figure: signs and codes before it (US$5, HK$3, MUSD 30), signs after it (45 €)."""

from __future__ import annotations

import regex

from .scan import CJK
from .vocabulary import (CENT_CURRENCIES, CURRENCY_ISO, CURRENCY_LETTERS, CURRENCY_SYMBOLS, CURRENCY_WORDS_BEFORE,
                         DOLLAR_PREFIXES,
                         MONEY_CUES, SUB_MONEY, alternation)

_ISO = "|".join(CURRENCY_ISO)
CURRENCY_LEFT = regex.compile(
    # One-letter prefixes only as written in upper case and attached (A$5), so "a $5 bill" stays USD.
    r"(?<![A-Za-z])(?P<cur>(?i:(?:" + alternation(k for k in DOLLAR_PREFIXES if len(k) > 1) + r")\s?\$)"
    r"|(?-i:[ACSR])\$|(?-i:c)\s?\$"
    r"|(?-i:[MKk](?:" + _ISO + r"))"  # MUSD, MEUR: millions; kUSD: thousands
    r"|[$€£¥" + "".join(k for k in CURRENCY_SYMBOLS if len(k) == 1 and k != "$") + r"]|ரூ"
    r"|(?-i:" + "|".join(CURRENCY_LETTERS) + r")"
    r"|(?i:" + _ISO + r"|Rs\.?))\s?$")
CURRENCY_WORD_LEFT = regex.compile(r"(?i:\b(" + "|".join(CURRENCY_WORDS_BEFORE) + r")[ \t]$)")
ISO_ATTACHED = regex.compile(r"(?<![A-Za-z])(?:[MKk]?(?:" + _ISO + r")|" + "|".join(CURRENCY_LETTERS) + r")$")
# Pence written on the figure: 85p.
PENCE = regex.compile(r"p(?![\w£$€]|\.[a-z])")
CURRENCY_SCALED = regex.compile(r"[ \t]?(?P<k>[MKk])(?P<iso>" + _ISO + r")\b")
CURRENCY_RIGHT = regex.compile(r"[ \t]?(?P<cur>[" + "".join(k for k in CURRENCY_SYMBOLS if len(k) == 1)
                               + r"]|ரூ)(?![\p{N}\p{L}])")
MONEY_CUE = regex.compile(r"(?i:\b(?:" + MONEY_CUES + r")\b)")
SUB_MONEY_AFTER = regex.compile(
    r"[ \t]?(?P<sub>(?i:cents?|pence|penny|paise|kopecks?|kopeks?|mao|jiao|fen)\b|p\b"
    r"|美分|欧分|便士|分钱|角钱|毛钱|日本銭|銭|[角毛分](?!之))")

# The last character of every currency `CURRENCY_LEFT` reads that is not an ISO code or Rs.
_CURRENCY_LAST = frozenset("$€£¥") | {k[-1] for k in CURRENCY_SYMBOLS}
_CURRENCY_ISO_LOWER = frozenset(code.lower() for code in CURRENCY_ISO)


def currency_left(left: str) -> regex.Match | None:
    """`CURRENCY_LEFT.search(left)`, answered at once when `left` cannot end with a currency."""
    # The pattern ends with \s?$, and $ matches at the end or before a newline that ends the text.
    for end in (left, left[:-1]) if left[-1:] == "\n" else (left,):
        for v in (end, end[:-1]) if end[-1:].isspace() else (end,):
            if v[-1:] in _CURRENCY_LAST:
                return CURRENCY_LEFT.search(left)
            tail = v[-3:]
            if not tail.isascii():
                return CURRENCY_LEFT.search(left)
            tail = tail.lower()  # an ISO code (MUSD, HK$ end alike) or Rs, Rs., in any case
            if tail in _CURRENCY_ISO_LOWER or tail[-2:] in ("rs", "rm", "rp") or tail == "rs.":
                return CURRENCY_LEFT.search(left)
    return None


def is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()


def currency_code(written: str, s: str, at: int) -> str | None:
    """ISO code of a currency sign or prefix as written: $ -> USD, HK$ -> HKD, ¥ -> CNY near Chinese text."""
    w = "".join(written.split()).upper()
    if w == "¥":
        return "CNY" if CJK.search(s[max(0, at - 40):at + 40]) else "JPY"
    if w in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[w]
    if w.endswith("$"):
        return DOLLAR_PREFIXES.get(w[:-1], "USD")
    if written.strip() in CURRENCY_LETTERS:
        return CURRENCY_LETTERS[written.strip()]
    if w.startswith("RS"):
        return "INR"
    return {"RMB": "CNY"}.get(w, w)


def sub_unit(written: str, currency: str) -> tuple | None:
    """The value of a sub-unit written after an amount in `currency` (50 cents, 三毛), or None if not its."""
    w = written.lower()
    if w.endswith("s") and w[:-1] in SUB_MONEY:
        w = w[:-1]
    if w not in SUB_MONEY:
        return None
    value, whose = SUB_MONEY[w]
    if whose == currency or (whose == "*" and currency in CENT_CURRENCIES):
        return value
    return None
