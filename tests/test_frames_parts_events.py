"""Frames of a part named after its whole ("187 were hospitalized, including 14 in intensive care"), of
hospital admissions apart from all cases, of a year's running total written 今年累计, of events that hold no
figures (a final, a cup), and of a name that ends with a country ("… Packers of Mexico (APEAM)"). Corpora
written for the tests."""

from __future__ import annotations

from factcheck.frames.holders import declared_aliases
from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse, framer_for
from frame_helpers import article, by_file, quotes


def test_a_part_after_its_whole_and_admissions_apart_from_cases(tmp_path) -> None:
    article(tmp_path, "a.md", "Mumps in Norland", "2025-06-13",
            "Norway has recorded 3,260 mumps cases in 2025. Of this year's patients, 187 people have been "
            "hospitalized, including 14 in intensive care.\n")
    article(tmp_path, "b.md", "挪威腮腺炎", "2025-06-15", "挪威2025年累计报告腮腺炎病例约2,650例，其中187人住院。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "187")].measure.value == "hospitalisations"
    assert frames[("b.md", "187人")].measure.value == "hospitalisations"
    assert frames[("a.md", "14")].measure.value != "hospitalisations"  # a part: not the figure before's measure
    assert quotes(analysis) == [["2,650例", "3,260"]]


def test_a_running_total_this_year_is_the_year_to_date() -> None:
    labels = [p.label(2025) for p in find_periods("今年累计报告病例约2,650例", 0, 14, 2025, 6, 15)]
    assert labels == ["2025-01..2025-05"]  # as "so far this year" in an article of June


def test_an_event_holds_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Avocados race to fill Super Bowl orders", "2025-02-04",
            "Growers are racing ahead of the Super Bowl. Exports were worth about US$3.1 billion in 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert not (frames[("a.md", "US$3.1 billion")].holder.value or "").startswith("Super Bowl")


def test_a_name_ending_with_a_country_is_the_whole_name() -> None:
    index = framer_for(None).index
    declared = declared_aliases(index, "according to the Association of Avocado Exporting Producers and Packers "
                                       "of Mexico (APEAM), exports rose")
    assert declared.get("APEAM") == "APEAM"  # not Mexico: the association is no country
    assert "Association of Avocado Exporting Producers and Packers of Mexico" in declared


def test_overseas_foreign_and_international_name_one_scope(tmp_path) -> None:
    article(tmp_path, "a.md", "Lakeshore Marine Park's year", "2025-01-06",
            "Lakeshore Marine Park drew 3.1 million visitors in 2024, including 186,000 overseas visitors.\n")
    article(tmp_path, "b.md", "Lakeshore Marine Park", "2025-01-07",
            "Lakeshore Marine Park received about 221,000 foreign tourists in 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "186,000")].object.value == frames[("b.md", "221,000")].object.value == "foreign"


def test_shipments_by_value_after_a_countrys_exports_are_the_exports_value(tmp_path) -> None:
    article(tmp_path, "a.md", "Peru's blueberries", "2025-02-04",
            "Peru exported 310,000 tonnes of blueberries in 2024, and the shipments were worth about US$2.3 billion.\n"
            "Lakeshore Foods said its shipments were worth $41 million in 2024.\n")
    article(tmp_path, "b.md", "秘鲁蓝莓出口", "2025-02-05", "秘鲁2024年蓝莓出口额约19亿美元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "US$2.3 billion")].measure.value == "exports"
    assert frames[("a.md", "$41 million")].measure.value == "revenue"  # a company's shipments: its sales
    assert quotes(analysis) == [["19亿美元", "US$2.3 billion"]]


def test_a_sea_holds_no_figure(tmp_path) -> None:
    # (a company's figure no one is named for is the headline's company's: a sea is none)
    article(tmp_path, "a.md", "Red Sea detours lift shipping revenue", "2025-05-08",
            "Revenue rose to $13.3 billion in the first quarter as ships sailed around Africa.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert not (frames[("a.md", "$13.3 billion")].holder.value or "").startswith("Red Sea")
