"""The extract package's public surface, and rates kept apart from amounts."""

from __future__ import annotations

from factcheck.extract import FUNCTION_WORDS, Extractor, number_tokens
from factcheck.normalise import dimension, load_units

from helpers import claims_of


def test_public_surface():
    import sys

    package = sys.modules["factcheck.extract"]
    assert sorted(package.__all__) == ["Extractor", "FUNCTION_WORDS", "number_tokens"]
    assert "of" in FUNCTION_WORDS and callable(Extractor)


def test_number_tokens_are_spans_of_written_numbers():
    text = "About 5 million people, 三千 tons and twenty-one ships."
    # Scale words are tokens of their own: the extractor joins them to the figure before them.
    assert [text[a:b] for a, b in number_tokens(text)] == ["5", "million", "三千", "twenty-one"]


def test_a_rate_is_another_dimension_than_its_amount():
    units = load_units()
    rate, amount = claims_of("The mill makes 40,000 t/yr and stores 40,000 tonnes.")
    assert (rate.unit, amount.unit) == ("t / year", "t")
    assert dimension(units, rate.unit) != dimension(units, amount.unit)
    barrels = claims_of("Exports ran at 2.2 million barrels per day.")[0]
    assert barrels.unit == "oil_barrel / day" and barrels.value == 2_200_000
    assert dimension(units, barrels.unit) != dimension(units, "oil_barrel")


def test_a_comparison_with_the_figure_is_no_bound() -> None:
    from helpers import claims_of

    found = {c.text: c.qualifier for c in claims_of(
        "Cargo rose 9% over the 50.0 million tonnes of 2023, 6.4% more than the 47.1 million of 2022, "
        "and over 40 ports handled more than 2 million tonnes.")}
    assert found["50.0 million tonnes"] == "exact" and found["47.1 million"] == "exact"
    assert found["40"] == "over" and found["2 million tonnes"] == "over"



def test_a_qualifier_is_a_whole_word() -> None:
    from helpers import claims_of

    found = {c.text: c.qualifier for c in claims_of("Farms cover 300 square kilometres; over 40 ports; "
                                                     "a turnover 12% higher.")}
    assert found["300 square kilometres"] == "exact" and found["40"] == "over"
