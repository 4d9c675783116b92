"""Frames of figures per unit of time that are no money and no count: a pipeline's gas or oil flow per day is
its throughput, in either language, and two such flows of one pipeline in one month meet in a common unit.
Corpora written for the tests."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_pipelines_daily_flow_is_its_throughput_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Northway gas link runs harder", "2025-03-04",
            "Flows through the Northway Interconnector averaged 31 million cubic metres per day in February, "
            "its operator said, as buyers in the south shipped more cargoes inland.\n")
    article(tmp_path, "b.md", "北道管線2月輸氣量上升", "2025-03-05",
            "北道管線（Northway Interconnector）2月日均輸氣量約3900萬立方米，營運商表示。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    english = frames[("a.md", "31 million cubic metres per day")]
    chinese = frames[("b.md", "3900萬立方米")]
    assert english.measure.value.startswith("throughput") and chinese.measure.value.startswith("throughput")
    assert english.dimension == chinese.dimension == "volume per time"
    assert any("31 million cubic metres per day" in " ".join(q) and "3900" in " ".join(q) for q in quotes(analysis))
