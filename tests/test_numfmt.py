"""Numbers read the same everywhere: one module formats them for every report, never with an exponent."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import numfmt


@pytest.mark.parametrize("value, text", [
    (0, "0"), (0.25, "0.25"), (110.7, "110.7"), (8500, "8,500"), (12000, "12,000"), (12345.6, "12,346"),
    (30000, "30,000"), (999999.4, "999,999"), (1.3e9, "1.3 billion"), (6.18e10, "61.8 billion"),
    (2.5e6, "2.5 million"), (7e11, "700 billion"), (4.2e12, "4.2 trillion"), (0.000123, "0.000123"),
    (-1500, "-1,500"), (100.0, "100"), (0.1 + 0.2, "0.3"), (33.333333, "33.33"), (None, "–"),
    (math.inf, "∞"), (-math.inf, "−∞"), (math.nan, "–"),
])
def test_number(value, text):
    assert numfmt.number(value) == text


def test_quantities_spans_and_differences():
    assert numfmt.quantity(30000, "CNY", qualifier="approx") == "~30,000 CNY"
    assert numfmt.quantity(90, "percent") == "90%"
    assert numfmt.quantity(80, "percent", 85) == "80–85%"
    assert numfmt.quantity(1.3e9, "USD", qualifier="at_least") == "≥1.3 billion USD"
    assert numfmt.quantity(12000, "count") == "12,000"
    assert numfmt.span(89.5, 90.5, "percent") == "89.5 – 90.5%"
    assert numfmt.span(30000, 30000, "CNY") == "30,000 CNY"
    assert numfmt.difference(5, "percent") == "5 percentage points"
    assert numfmt.difference(1, "percent") == "1 percentage point"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_never_an_exponent_and_reads_back(x):
    text = numfmt.number(x)
    assert "e+" not in text and "e-" not in text and "E" not in text
    if abs(x) < 1e6:  # written in full: it reads back to its significant digits
        back = float(text.replace(",", ""))
        assert math.isclose(back, x, rel_tol=1e-3, abs_tol=1e-12 if abs(x) < 1e-3 else 1e-3 * max(1, abs(x)))


def test_messages_and_reports_use_it(tmp_path):
    from factcheck.pipeline import analyse
    from factcheck.report import html

    (tmp_path / "a.md").write_text("Exports reached 12,000 tons in 2024, the ministry said.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Exports reached 8,500 tons in 2024, analysts said.\n", encoding="utf-8")
    analysis = analyse([tmp_path], warn=lambda line: None)
    [finding] = analysis.findings
    assert "8,500 t" in finding.message and "12,000 t" in finding.message
    page = html.render_string(analysis)
    assert "e+0" not in page and "12,000 t" in page and "8,500 t" in page


def test_units_read_as_words() -> None:
    assert numfmt.quantity(4.2e6, "oil_barrel / day") == "4.2 million barrels a day"
    assert numfmt.quantity(600, "USD / t") == "600 USD per t"
    assert numfmt.quantity(300, "square_kilometer") == "300 km²"
    assert numfmt.quantity(12, "kilowatt_hour") == "12 kilowatt hour"
