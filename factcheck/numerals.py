"""Reading written numbers exactly: digits, English number words, Chinese numerals.

Values are `Decimal`, so `16.4亿` is exactly 1640000000. Each parser also returns the figure's written
precision (the step of its last significant digit) that tolerance rules widen comparisons with.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import regex


class Number(NamedTuple):
    value: Decimal
    precision: Decimal
    high: Decimal | None = None  # a range written inside the numeral: 两三个, 三四十, 十多万


# --- digits ------------------------------------------------------------------------------------------

def digits_precision(digits: str) -> Decimal:
    """`92.5` -> 0.1; `90` -> 1; `7000` -> 100 (the last trailing zero is taken as significant)."""
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return Decimal(1).scaleb(max(0, zeros - 1))


def parse_digits(digits: str) -> Number:
    clean = digits.replace(",", "").replace("，", "").replace(" ", "")
    try:
        value = Decimal(clean)
    except InvalidOperation as exc:  # pragma: no cover - the extractor's pattern admits only numbers
        raise ValueError(digits) from exc
    return Number(value, digits_precision(clean))


# --- English number words -----------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
             "bn": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12,
             "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "lakh crore": 10**12,
             "lakh crores": 10**12}
EN_SPECIAL = {"a dozen": 12, "dozen": 12, "half": Decimal("0.5"), "a half": Decimal("0.5"),
              "a hundred": 100, "a thousand": 1000, "a million": 10**6, "a billion": 10**9,
              "a trillion": 10**12, "a couple of": 2, "a pair of": 2}


def parse_english(words: str) -> Number:
    """`two hundred and fifty` -> 250; `twenty-five` -> 25; `a dozen` -> 12."""
    text = words.lower().strip()
    if text in EN_SPECIAL:
        value = Decimal(EN_SPECIAL[text])
        return Number(value, value if value >= 1 else Decimal("0.5"))
    total, current = Decimal(0), Decimal(0)
    last_step = Decimal(1)
    previous = ""
    for token in regex.split(r"[\s-]+", text):
        if token == "and" and previous not in ("hundred", "thousand", "million", "billion", "trillion"):
            raise ValueError(words)  # "one and one" is two numbers; "two hundred and five" is one
        previous = token
        if token in ("and", "a", ""):
            continue
        if token in EN_UNITS:
            current += EN_UNITS[token]
            last_step = Decimal(1)
        elif token in EN_TENS:
            current += EN_TENS[token]
            last_step = Decimal(10)
        elif token == "hundred":
            current = (current or 1) * 100
            last_step = Decimal(100) if current % 100 == 0 else last_step
        elif token in EN_SCALES and token not in ("k", "m", "b", "t"):
            total += (current or 1) * EN_SCALES[token]
            last_step = last_step * EN_SCALES[token]
            current = Decimal(0)
        elif token == "dozen":
            current = (current or 1) * 12
        else:
            raise ValueError(words)
    return Number(total + current, last_step)


# --- Chinese numerals ---------------------------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
             "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_LARGE = {"万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_LARGE)
# 兆 is a trillion in money (四十九兆九千亿元, 1兆日元) but also mega (兆瓦) and a name character: the
# extractor admits it into a numeral only before more numerals or a currency; the parser reads it as 1e12.
CN_LARGE["兆"] = 10**12


def _small_section(text: str) -> tuple[Decimal, Decimal, Decimal | None]:
    """A numeral below 万: value, step of its last digit, and the high end of an adjacent-digit range."""
    value, digit, step = 0, None, Decimal(1)
    pending: list[int] = []
    last_unit = 0
    for ch in text:
        if ch in "零〇" and not pending and value:
            continue  # 一千零一十: a placeholder zero after a unit, not a digit
        if ch in CN_DIGITS:
            pending.append(CN_DIGITS[ch])
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            unit = CN_SMALL[ch]
            if last_unit and unit >= last_unit:
                raise ValueError(text)  # 七十百: units only fall within a section
            last_unit = unit
            if len(pending) == 2:  # 三四十 = 30 to 40
                low = pending[0] * unit
                return (Decimal(value + low), Decimal(unit), Decimal(value + pending[1] * unit))
            value += (digit if digit is not None else 1) * unit
            step, digit, pending = Decimal(unit), None, []
        else:
            raise ValueError(text)
    if len(pending) == 2 and value == 0:  # 两三 = 2 to 3; 三两 (colloquial) too
        return Decimal(min(pending)), Decimal(1), Decimal(max(pending))
    if len(pending) > 1:
        # Digit-by-digit writing: 二〇二五
        as_number = int("".join(str(d) for d in pending))
        return Decimal(value + as_number), Decimal(1), None
    if digit is not None:
        # 一万五 = 15000: a trailing digit after a unit is one step below it.
        if step > 1 and text[-1] in CN_DIGITS and len(text) >= 2 and text[-2] in CN_SMALL:
            step = step / 10
            return Decimal(value) + digit * step, step, None
        value += digit
        step = Decimal(1)
    return Decimal(value), step, None


def parse_chinese(text: str) -> Number:
    """`七千亿` -> 7e11 (step 1e11); `一万五千` -> 15000; `三四十` -> 30..40; `九十九点五` -> 99.5."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        base = parse_chinese(whole) if whole else Number(Decimal(0), Decimal(1))
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise ValueError(text)
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return Number(base.value + Decimal("0." + digits), Decimal(1).scaleb(-len(digits)))
    total, section_text = Decimal(0), ""
    sections: list[tuple[str, int]] = []
    for ch in text:
        if ch in CN_LARGE:
            sections.append((section_text, CN_LARGE[ch]))
            section_text = ""
        else:
            section_text += ch
    sections.append((section_text, 1))
    # 万亿 = 1e12: a large unit directly after another multiplies it.
    merged: list[tuple[str, int]] = []
    for sec, mult in sections:
        if sec == "" and merged:
            prev_text, prev_mult = merged[-1]
            merged[-1] = (prev_text, prev_mult * mult)
        else:
            merged.append((sec, mult))
    step = Decimal(1)
    high: Decimal | None = None
    for i, (sec, mult) in enumerate(merged):
        if i:
            sec = sec.lstrip("零〇")  # 一万零一: the zero only says a place is empty
        if not sec:
            continue
        value, sec_step, sec_high = _small_section(sec)
        if sec_high is not None:
            high = total + sec_high * mult
        total += value * mult
        step = sec_step * mult
    # 一万五 = 15000: a lone digit after a large unit is one step below that unit.
    if len(merged) >= 2 and len(merged[-1][0]) == 1 and merged[-1][0] in CN_DIGITS and merged[-1][1] == 1:
        unit = Decimal(merged[-2][1]) / 10
        total += CN_DIGITS[merged[-1][0]] * unit - CN_DIGITS[merged[-1][0]]
        step = unit
    return Number(total, step, high)


def apply_scale(number: Number, scale: Decimal) -> Number:
    return Number(number.value * scale, number.precision * scale,
                  None if number.high is None else number.high * scale)


def approx_high(value: Decimal, precision: Decimal) -> Decimal:
    """High end of `X多` / `X余`: 十多 -> below 20, 500余 -> below 600."""
    return value + precision
