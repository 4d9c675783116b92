"""Weeks: "the week to Nov. 9" and 截至11月9日的一周 name one ISO week, "during the week" and 这一周 the week
named before, and 据X推估 cites X's estimate (X is no holder). Corpora written for the tests."""

from __future__ import annotations

from factcheck.frames.periods import find_periods
from factcheck.frames import text as T
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_chinese_week_ending_on_a_day_is_that_iso_week() -> None:
    text = T.fold("疾管署公布，截至3月16日的一週，全國門診就診人次上升。")
    weeks = [p for p in find_periods(text, 0, len(text), 2025, 3, 19) if p.kind == "week"]
    assert [(w.year, w.part) for w in weeks] == [(2025, "11")]


def test_the_week_named_before_is_the_week_of_a_later_figure_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Norovirus cases jump in Korea", "2025-03-19",
            "Sentinel clinics reported 3,412 norovirus patients in the week to March 16, the disease agency said. "
            "The agency estimated that about 61,000 people nationwide sought treatment during the week.\n")
    article(tmp_path, "b.md", "韩国诺如病毒病例激增", "2025-03-20",
            "海岚流行病研究所（HEI）公布，截至3月16日的一周，哨点医院共报告3412名诺如病毒患者。\n\n据HEI推估，这一周全国约有7.4万人因诺如病毒就医。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "61,000")].period.value == "2025-W11"
    assert frames[("b.md", "7.4万人")].period.value == "2025-W11"
    assert "HEI" not in (frames[("b.md", "7.4万人")].holder.value or "")
    assert any("61,000" in " ".join(q) and "7.4万人" in " ".join(q) for q in quotes(analysis))


def test_a_month_after_which_something_ran_is_no_period_of_later_figures() -> None:
    # ("6月中旬世界杯开赛后，…": when the World Cup began, not the period of the half-year's figures)
    text = T.fold("竞猜型彩票销售1102亿元，6月中旬世界杯开赛后，足球竞猜销量明显放大；即开型彩票销售同比增长12.6%。6月销量增长5%。")
    months = [p for p in find_periods(text, 0, len(text), 2026, 7, 27) if p.kind == "month"]
    assert [(m.part, m.base) for m in months] == [("6", True), ("6", False)]


def test_may_after_a_preposition_is_the_month_and_before_a_verb_the_verb() -> None:
    text = T.fold("Exports rose 31.4% in May from a year earlier. Shipments since May grew. Prices may rise in 2025.")
    found = [(p.kind, p.part) for p in find_periods(text, 0, len(text), 2025, 6, 18)]
    assert found == [("month", "5"), ("month", "5"), ("year", "")]
