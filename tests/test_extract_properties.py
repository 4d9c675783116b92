"""Hypothesis properties of the extractor: written numbers read back, no text makes it raise, spans hold."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.vocabulary import MULTIPLIER_BARE, MULTIPLIER_WORDS, NUMBER_WORDS
from helpers import claims_of

SETTINGS = settings(max_examples=150, deadline=None)

_CN_DIGITS = "零一二三四五六七八九"


def _grouped(n: int) -> str:
    return f"{n:,}"


def _chinese(n: int) -> str:
    """0 < n < 1e8 in Chinese numerals (一万零五百, 三千二百万)."""
    def small(x: int, leading: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // unit % 10
            if d:
                if zero or (out == "" and not leading and unit < 1000):
                    out += "零"
                out += _CN_DIGITS[d] + name
                zero = False
            elif out:
                zero = True
        return out
    high, low = divmod(n, 10000)
    if not high:
        return small(low, True)
    text = small(high, True) + "万"
    if low:
        text += small(low, False) if low >= 1000 else "零" + small(low, True)
    return text


@SETTINGS
@given(st.integers(min_value=1000, max_value=10**12))
def test_separated_integers_read_back(n: int) -> None:
    claims = claims_of(f"Officials counted {_grouped(n)} cases.")
    assert [c.value for c in claims] == [float(n)]


@SETTINGS
@given(st.integers(min_value=1, max_value=999_999), st.integers(min_value=1, max_value=99))
def test_decimals_read_back(whole: int, frac: int) -> None:
    written = f"{_grouped(whole)}.{frac:02d}"
    claims = claims_of(f"The index stood at {written} points.")
    assert len(claims) == 1
    assert Decimal(repr(claims[0].value)) == Decimal(written.replace(",", ""))


@SETTINGS
@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]))
def test_scale_words_read_back(number: Decimal, scale: tuple[str, int]) -> None:
    claims = claims_of(f"The fund holds ${number} {scale[0]} in bonds.")
    assert len(claims) == 1
    assert claims[0].unit == "USD"
    assert Decimal(repr(claims[0].value)) == number * scale[1]


@SETTINGS
@given(st.integers(min_value=2, max_value=99_999_999))  # 一人 is "a person", not a count
def test_chinese_numerals_read_back(n: int) -> None:
    written = _chinese(n)
    claims = claims_of(f"今年共有{written}人参加。")
    assert [c.value for c in claims] == [float(n)], written


@SETTINGS
@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("9999.9"), places=1),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_digits_with_chinese_scales_are_exact(number: Decimal, scale: tuple[str, int]) -> None:
    claims = claims_of(f"全年收入{number}{scale[0]}元。")
    assert len(claims) == 1
    assert Decimal(repr(claims[0].value)) == (number * scale[1]).normalize()


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("0123456789,.%$-~–至到万亿千百十九二两多余约近超过成折点年月日个吨元美 \n\t")),
        st.sampled_from(list("０１２３４５６７８９％．，＄－　\x00\x07\x1b\u200b\ufeff")),
    ),
    max_size=80,
)


# Words that write a figure: the extractor's own number and multiplier words, and stems of their forms.
_FIGURE_WORDS = ("one", "two", "three", "ten", "half", "dozen", "doubl", "quarter", "tripl", "quadrupl", "twice",
                 "trebl", "thrice", *NUMBER_WORDS, *MULTIPLIER_WORDS, *MULTIPLIER_BARE)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_extraction_never_raises_and_spans_hold_the_number(text: str) -> None:
    for claim in claims_of(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text == text[claim.start:claim.end]
        # the span holds the figure: a digit, a Chinese numeral, a number word or a fraction sign
        assert any(ch.isdigit() or ch in "零〇一二两三四五六七八九十百千万亿兆半½¼¾翻对" for ch in claim.text) or \
            any(w in claim.text.lower() for w in _FIGURE_WORDS), claim.text


@SETTINGS
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["%", " tons", " km", " years", "亿元", "万吨"]))
def test_span_covers_number_and_unit(n: int, unit: str) -> None:
    text = f"Report: {_grouped(n)}{unit} recorded. "
    claims = claims_of(text)
    assert claims, text
    assert claims[0].text.replace(",", "").startswith(str(n))
    assert claims[0].text.endswith(unit.strip())
