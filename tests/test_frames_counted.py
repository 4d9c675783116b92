"""Frames of months and quarters counted from the article's date ("last month", 上月, "this quarter") and of
what a Chinese counter says a figure counts (3.6万辆: vehicles). Each corpus is written for the test, on
topics no rule names."""

from __future__ import annotations

from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def _periods(text: str, year: int = 2025, month: int = 3, day: int = 4) -> list[tuple[str | None, bool]]:
    return [(p.label(year), p.base) for p in find_periods(text, 0, len(text), year, month, day)]


def test_a_month_or_quarter_counted_from_the_article_date() -> None:
    assert _periods("Kestrel sold 41,200 vehicles last month.") == [("2025-02", False)]
    assert _periods("Orders this month are running ahead.") == [("2025-03", False)]
    assert _periods("该公司上月销量为3.6万辆，本月有望回升。") == [("2025-02", False), ("2025-03", False)]
    assert _periods("上个月出口增长。上季度营收下降。") == [("2025-02", False), ("2024Q4", False)]
    assert _periods("Margins narrowed last quarter.", month=8) == [("2025Q2", False)]
    # in January, last month is the previous December
    assert _periods("Ridership fell last month.", month=1) == [("2024-12", False)]
    # a base of comparison, and months that are no month counted back
    assert _periods("Output rose 3% from last month.") == [("2025-02", True)]
    assert _periods("Sales peak in the last month of the year.") == []
    assert _periods("Sales in the last quarter of 2024 rose.") == [("2024", False)]
    assert _periods("上月同期") == [(None, False)]  # (the same period a year before: an anaphor)


def test_last_months_figure_meets_the_month_named(tmp_path) -> None:
    article(tmp_path, "a.md", "Kestrel's sales", "2025-03-04",
            "Kestrel Motors sold 41,200 vehicles last month, the carmaker said.\n")
    article(tmp_path, "b.md", "Kestrel sales slip", "2025-03-05",
            "Kestrel Motors said it sold 35,900 vehicles in February.\n")
    article(tmp_path, "c.md", "Kestrel's January", "2025-02-03",
            "Kestrel Motors sold 30,100 vehicles last month.\n")  # January's: another month
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "41,200")].period.value == "2025-02"
    assert quotes(analysis) == [["35,900", "41,200"]]


def test_a_chinese_counter_says_which_objects_group_a_figure_joins(tmp_path) -> None:
    # Two objects in one block, vehicles and hybrids: the Chinese figure names neither but counts vehicles (辆)
    article(tmp_path, "a.md", "Kestrel's February", "2025-03-04",
            "Kestrel Motors sold 41,200 vehicles in February. It sold 9,800 hybrids in February.\n")
    article(tmp_path, "b.md", "Kestrel's February, again", "2025-03-05",
            "Kestrel Motors sold 9,750 hybrids in February, the company said.\n")
    article(tmp_path, "c.md", "茂隼汽车2月销量", "2025-03-05",
            "Kestrel Motors（茂隼汽车）公布，2月销量约3.6万辆。\n")
    analysis = analyse([str(tmp_path)])
    frame = by_file(analysis)[("c.md", "3.6万辆")]
    assert (frame.object.value, frame.object.rule) == ("~vehicle", "object:counter")
    assert quotes(analysis) == [["3.6万辆", "41,200"]]


def test_a_counter_is_no_object_where_the_words_name_one(tmp_path) -> None:
    # the one object the block names ("electric buses"): a counter keeps no figure from it
    article(tmp_path, "a.md", "Bus deliveries", "2025-04-02",
            "Harbour Transit Works delivered 1,842 electric buses in 2024.\n")
    article(tmp_path, "b.md", "港湾交通2024年交付", "2025-04-03",
            "Harbour Transit Works（港湾交通）2024年交付约1500辆。\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "1500辆")].object.value == "~vehicle"
    assert quotes(analysis) == [["1,842", "1500辆"]]  # the only object there is: it joins


def test_a_week_is_its_own_period(tmp_path) -> None:
    assert _periods("142 new cases in the week ending June 7, down from 165", month=6, day=13) == [("2025-W23", False)]
    assert _periods("Box office takings last week rose.", month=6, day=13) == [("2025-W23", False)]
    assert _periods("最近一周新增142例", month=6, day=15) == [("2025-W23", False)]
    assert _periods("Sales this week", month=6, day=13) == []  # the present: no period of its own
    # a week's count is not the year's running total
    article(tmp_path, "a.md", "Mumps in Norway", "2025-06-13",
            "Norway counted 142 new mumps cases in the week ending June 7. It has recorded 3,260 mumps cases in 2025.\n")
    article(tmp_path, "b.md", "挪威腮腺炎", "2025-06-15", "挪威2025年累计报告腮腺炎病例约2,650例。\n")
    assert quotes(analyse([str(tmp_path)])) == [["2,650例", "3,260"]]


def test_a_count_by_its_counter_over_listed_places_is_a_count_of_no_listed_place(tmp_path) -> None:
    # ("跳脱机组容量合计约320万瓩，A、B及C等地共184万户停电": households, counted by 户, not the capacity of the
    # clause before; the total is over the places listed, none of them its place)
    article(tmp_path, "a.md", "南部大停电", "2025-06-17",
            "台電表示，跳脫機組容量合計約320萬瓩，台南、屏東及嘉義等地共184萬戶停電。\n")
    frame = by_file(analyse([str(tmp_path)]))[("a.md", "184萬戶")]
    assert frame.measure.value == "count"
    assert frame.holder.value in (None, "@Taiwan")


def test_a_count_in_the_unit_of_the_figure_before_it_shares_that_figures_measure(tmp_path) -> None:
    # ("全球汽车销量为9060万台，新能源汽车为1603万台": both are sales)
    article(tmp_path, "a.md", "全球汽车销量", "2025-01-20",
            "2024年全球汽車銷量為9060萬臺，新能源汽車為1603萬臺。\n")
    assert by_file(analyse([str(tmp_path)]))[("a.md", "1603萬臺")].measure.value == "sales"
