"""Stage 4: subject, entity, scope and period of claims, in English and Chinese."""

from __future__ import annotations

import pytest

from factcheck.model import Article, SourceFile
from factcheck.normalise import load_units
from factcheck.pipeline import extract_file
from factcheck.rules import load_rules
from factcheck.subjects import Grouper

GROUPER = Grouper(load_rules(), load_units())


def groups(text: str, date: str = "2024-02-03") -> dict[str, str]:
    """quote -> group key for every claim of a one-article text."""
    source = SourceFile("n.txt", text, "utf-8", "")
    _, claims = extract_file(source)
    article = Article("n#1", "n.txt", "headline", None, date, 0, len(text))
    return {c.text: a.group for c, a in zip(claims, GROUPER.assign_all(text, article, claims))}


@pytest.mark.parametrize("text, quote, group", [
    ("Beijing produces 58% of the world's refined rare earths.", "58%",
     "refining_share|China|rare_earths|2024|percent"),
    ("Mines in China supply 63 percent of global rare earth ore.", "63 percent",
     "mining_share|China|rare_earths|2024|percent"),
    ("美国约75%的稀土进口依赖中国。", "75%", "import_dependence|United States|rare_earths|2024|percent"),
    ("中国的稀土冶炼分离产能占全球的87%。", "87%", "refining_share|China|rare_earths|2024|percent"),
    ("Australia accounts for 9% of the world's lithium output.", "9%",
     "mining_share|Australia|lithium|2024|percent"),
])
def test_declared_subjects_in_both_languages(text, quote, group):
    assert groups(text)[quote] == group


def test_two_figures_in_one_sentence_keep_their_own_metrics():
    got = groups("China controls 66% of rare earth mining and 91% of rare earth separation.")
    assert got["66%"].startswith("mining_share|China|")
    assert got["91%"].startswith("refining_share|China|")


def test_scope_in_another_claims_clause_does_not_leak():
    got = groups("Rare earths are in demand. China holds 44% of heavy rare earth reserves and 87% of refining "
                 "capacity.")
    assert got["44%"] == "reserves_share|China|heavy_rare_earths|2024|percent"
    assert got["87%"] == "refining_share|China|rare_earths|2024|percent"


def test_entity_after_a_preposition_is_the_other_party():
    got = groups("Japan relies on China for 58% of its rare earth imports.")
    assert got["58%"].startswith("import_dependence|Japan|")


def test_years_in_the_clause_or_a_leading_phrase_set_the_period():
    got = groups("Exports reached 12,000 tons in 2021, up from 9,000 tons in 2019.")
    assert got["12,000 tons"].split("|")[3] == "2021"
    assert got["9,000 tons"].split("|")[3] == "2019"
    assert groups("By 2030, recycling could meet 20% of rare earth demand.")["20%"].split("|")[3] == "2030"
    assert groups("2019年,中国稀土开采占全球的70%。")["70%"].split("|")[3] == "2019"


def test_past_markers_move_a_figure_out_of_the_present():
    assert groups("The United States once mined 70% of the world's rare earths.")["70%"].split("|")[3] == "past"
    assert groups("美国曾经开采全球70%的稀土。")["70%"].split("|")[3] == "past"


def test_uncovered_claims_get_an_automatic_key_from_their_words():
    got = groups("The ministry hired 4,000 inspectors for the ports.")
    assert got["4,000"].startswith("auto:inspector|")


def test_changes_and_figures_above_100_percent_are_not_shares():
    got = groups("China's rare earth exports fell 34% in May, and magnet output grew 157% on the year.")
    assert "/change" in got["34%"] and not got["34%"].startswith("export_share|")
    assert not got["157%"].startswith("magnet_share|")


def test_threats_and_proposals_are_not_figures_in_force():
    got = groups("Washington threatened a 100% tariff on Chinese magnets, while the 25% tariff on steel stays.")
    assert got["100%"].split("|")[3] == "proposed"
    assert got["25%"].split("|")[3] == "2024"
    assert groups("美国扬言对中国商品征收100%关税。")["100%"].split("|")[3] == "proposed"


def test_respectively_pairs_each_figure_with_its_conjunct():
    got = groups("China has a near monopoly in battery-grade graphite and permanent magnet markets "
                 "(99% and 87% respectively).")
    assert got["99%"].split("|")[2] == "graphite"
    assert got["87%"].split("|")[:3] == ["magnet_share", "China", "rare_earth_magnets"]


@pytest.mark.parametrize("text", [
    "China accounts for 69% and 91% of global rare earth mining and refining, respectively.",
    "Rare earth mining and refining shares stand at 69% and 91% respectively.",
    "中国稀土开采和冶炼分离产能分别占全球的69%和91%。",
])
def test_respectively_lists_in_both_languages(text):
    got = groups(text)
    assert got["69%"].split("|")[:3] == ["mining_share", got["69%"].split("|")[1], "rare_earths"]
    assert got["91%"].split("|")[:3] == ["refining_share", got["91%"].split("|")[1], "rare_earths"]


def test_a_figure_compared_with_another_measures_the_same_thing():
    got = groups("Rare earths. Western plants reach 60% purity in separation compared to China's 99.99%.")
    assert got["60%"].startswith("purity|")
    assert got["99.99%"].startswith("purity|China|")


def test_a_year_closing_the_clause_before_the_figure_sets_its_period():
    got = groups("Analysts expect that by 2030, 30% of rare earth demand could be met through recycling.")
    assert got["30%"].split("|")[3] == "2030"


def test_a_share_of_the_owners_own_total_is_not_a_share_of_the_world():
    got = groups("Rare earths: six state groups manage over 95% of its capacity, and China mines 70% of global output.")
    assert got["95%"].split("|")[0].endswith("/own")
    assert got["70%"].startswith("mining_share|China|")
