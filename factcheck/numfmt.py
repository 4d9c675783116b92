"""Numbers for editors, written one way everywhere: terminal, HTML, JSON messages, the gate's output.

`12,000` and `8,500`, never `1.2e+04`; `1.3 billion`, `61.8 million`; `30,000 CNY`, `90%`, `~12%`. No
exponent is ever written, whatever the magnitude. This module depends on nothing else in factcheck, so any
stage or formatter may use it.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

# Significant digits kept for figures below a thousand and for scaled figures (1.234 billion).
SIGNIFICANT = 4
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SYMBOLS = {"percent": "%", "percentage_point": " percentage points"}
_QUALIFIERS = {"over": ">", "at_least": "≥", "under": "<", "at_most": "≤", "approx": "~"}


def _fixed(x: float, significant: int) -> str:
    """`x` rounded to `significant` digits, in positional notation with thousands separators, trailing zeros
    of the fraction dropped."""
    if x == 0:
        return "0"
    exponent = math.floor(math.log10(abs(x)))
    decimals = max(0, significant - 1 - exponent)
    text = f"{Decimal(repr(x)):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(x: float | int | None, significant: int = SIGNIFICANT) -> str:
    """A figure as an editor reads it: 0.25, 110.7, 8,500, 12,000, 61.8 million, 1.3 billion, ∞, – (none).

    Whole numbers below a million are written in full (`123,456`); larger ones are scaled to a word with at
    most `significant` digits."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    # Reports write the same figures many times (every claim of a finding, in three formats).
    key = (float(x), significant)
    written = _WRITTEN.get(key)
    if written is None:
        if len(_WRITTEN) > 100_000:
            _WRITTEN.clear()
        written = _WRITTEN[key] = _number(float(x), significant)
    return written


_WRITTEN: dict[tuple[float, int], str] = {}


def _number(x: float, significant: int) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    x = float(x)
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{_fixed(x / size, significant)} {word}"
    if abs(x) >= 10 ** significant:
        return _fixed(x, math.floor(math.log10(abs(x))) + 1)  # to the unit: 12,346, not 12,350
    return _fixed(x, significant)


def unit_label(unit: str) -> str:
    """How a unit is written after a figure: `%` (no space), ` percentage points`, ` CNY`, ` barrels a day`
    (pint's names read as words: no underscores, "/ day" as "a day"); nothing for counts."""
    if unit in _SYMBOLS:
        return _SYMBOLS[unit]
    if unit in ("count", ""):
        return ""
    head, slash, per = (part.strip() for part in unit.partition("/"))
    label = _WORDS.get(head, head.replace("_", " "))
    if slash:
        per_word = _PER_WORDS.get(per) or _WORDS.get(per, per.replace("_", " "))
        label += (f" {'an' if per == 'hour' else 'a'} {per_word}" if per in _TIMES else f" per {per_word}")
    return " " + label


_TIMES = {"day", "week", "month", "quarter", "year", "hour"}
# pint names that read better as the word news writes
_WORDS = {"oil_barrel": "barrels", "metric_ton": "t", "square_kilometer": "km²", "cubic_meter": "m³",
          "hectare": "hectares", "person": "people", "ton": "t", "kilogram": "kg", "microgram": "µg"}
# after "per", one of them: "t per hectare"
_PER_WORDS = {"hectare": "hectare", "person": "person"}


def quantity(value: float | None, unit: str, value_high: float | None = None, qualifier: str | None = None) -> str:
    """A claim's figure: `90%`, `~30,000 CNY`, `≥ 1.3 billion USD`, `80–85%`."""
    key = (value, unit, value_high, qualifier)
    try:
        return _QUANTITIES[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable argument: written, not kept
        return _quantity(value, unit, value_high, qualifier)
    if len(_QUANTITIES) > 100_000:
        _QUANTITIES.clear()
    written = _QUANTITIES[key] = _quantity(value, unit, value_high, qualifier)
    return written


_QUANTITIES: dict[tuple, str] = {}


def _quantity(value: float | None, unit: str, value_high: float | None, qualifier: str | None) -> str:
    body = number(value) if value_high is None else f"{number(value)}–{number(value_high)}"
    prefix = _QUALIFIERS.get(qualifier or "", "")
    return f"{prefix}{body}{unit_label(unit)}"


def span(low: float, high: float, unit: str) -> str:
    """An interval: `89.5 – 90.5%`, `30,000 CNY` when both ends are equal."""
    if low == high:
        return f"{number(low)}{unit_label(unit)}"
    return f"{number(low)} – {number(high)}{unit_label(unit)}"


def difference(value: float, unit: str) -> str:
    """A gap between two figures: shares differ in percentage points (`5 percentage points`)."""
    if unit in ("percent", "percentage_point"):
        return f"{number(value)} percentage point" + ("" if value == 1 else "s")
    return span(value, value, unit)
