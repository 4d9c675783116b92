"""Exact reading of written numbers and their precision."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck import numerals as nm


@pytest.mark.parametrize("text, value, precision, high", [
    ("七千亿", Decimal("7e11"), Decimal("1e11"), None),
    ("一万五", Decimal(15000), Decimal(1000), None),
    ("一万零五", Decimal(10005), Decimal(1), None),
    ("一千零一十", Decimal(1010), Decimal(10), None),
    ("三四十", Decimal(30), Decimal(10), Decimal(40)),
    ("两三", Decimal(2), Decimal(1), Decimal(3)),
    ("九十九点五", Decimal("99.5"), Decimal("0.1"), None),
    ("二〇二五", Decimal(2025), Decimal(1), None),
    ("1.2万亿", None, None, None),
])
def test_parse_chinese(text, value, precision, high):
    if value is None:
        with pytest.raises(ValueError):
            nm.parse_chinese(text)
        return
    n = nm.parse_chinese(text)
    assert (n.value, n.precision, n.high) == (value, precision, high)


@pytest.mark.parametrize("digits, precision", [("90", 1), ("92.5", Decimal("0.1")), ("7000", 100), ("1.30", Decimal("0.01"))])
def test_digits_precision(digits, precision):
    assert nm.digits_precision(digits) == precision


def test_parse_digits_is_exact():
    assert nm.apply_scale(nm.parse_digits("16.4"), Decimal(10**8)).value == Decimal(1640000000)


@pytest.mark.parametrize("words, value", [("two hundred and fifty", 250), ("twenty-five", 25), ("a dozen", 12),
                                          ("three thousand four hundred", 3400)])
def test_parse_english(words, value):
    assert nm.parse_english(words).value == value
