"""Frames on a port's, a farm co-operative's and an insurer's news: vessel calls are no ships sold, a
co-operative's collections are its output, a Chinese name's English name in a bracket may run to several words,
a note in a bracket is no short form, and a traditional-character yield per hectare. Corpora written for the
tests."""

from __future__ import annotations

from factcheck.frames.holders import declared_aliases
from factcheck.pipeline import analyse, framer_for
from frame_helpers import article, by_file, quotes


def test_vessel_calls_are_movements_not_ships_sold(tmp_path) -> None:
    article(tmp_path, "a.md", "Port of Saltmere traffic", "2024-07-20",
            "The port recorded 5,870 container vessel calls during the half, with ultra-large ships taking a growing "
            "share of arrivals.\n")
    article(tmp_path, "b.md", "鹽湖港上半年靠泊船舶", "2024-07-21",
            "鹽湖港上半年貨櫃裝卸量達462萬TEU，貨櫃船靠泊6,310艘次。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "5,870")].measure.value == "movements"
    assert frames[("b.md", "6,310艘")].measure.value == "movements"
    assert frames[("b.md", "462萬TEU")].measure.value == "throughput"


def test_what_a_cooperative_collects_is_its_output_and_a_processor_refines_nothing(tmp_path) -> None:
    article(tmp_path, "a.md", "Ridgeback Dairy milk volumes", "2024-06-04",
            "Ridgeback Dairy, the country's second-largest milk processor, said it collected 412 million kilograms "
            "of milk solids in the season.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "412 million kilograms")].measure.value == "production"


def test_a_long_english_name_in_a_bracket_and_a_note_that_is_none(tmp_path) -> None:
    index = framer_for(None).index
    declared = declared_aliases(index, "澳大利亚财产保险公司鹰岬保险集团（Eaglecape Insurance Group）表示，"
                                       "理赔总额（未计再保险摊回）为3.25亿澳元。国家发展委员会（国发会）公布。")
    assert declared["鹰岬保险集团"] == "Eaglecape"
    assert "理赔总额" not in " ".join(declared) and "未计再保险摊回" not in declared
    assert declared["国发会"] == "国发会"


def test_a_yield_per_hectare_in_traditional_characters(tmp_path) -> None:
    article(tmp_path, "a.md", "法國小麥單產下滑", "2024-09-01", "今年全國軟質小麥平均單產為每公頃6.8噸。\n")
    article(tmp_path, "b.md", "French wheat yields slump", "2024-09-01",
            "The national average soft wheat yield fell to 6.2 tonnes per hectare this year.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "6.8噸")].dimension == by_file(analysis)[("b.md", "6.2 tonnes per hectare")].dimension
    assert ["6.2 tonnes per hectare", "6.8噸"] in quotes(analysis)


def test_a_declared_chinese_name_by_its_leading_words_or_without_its_place(tmp_path) -> None:
    index = framer_for(None).index
    declared = declared_aliases(index, "美国汽车租赁公司克雷斯特兰出行集团（Crestline Mobility Group）18日公布。"
                                       "据臺灣港務公司（TIPC）统计。")
    assert declared["克雷斯特兰"] == "Crestline Mobility" and declared["港务公司"] == "TIPC"
    assert "台湾" not in declared and "美国" not in declared
    # (and where it stands before a figure, glued to it)
    article(tmp_path, "a.md", "克雷斯特兰出行集团（Crestline Mobility Group）业绩", "2026-02-19",
            "克雷斯特兰2025年平均运营车队约54.6万辆。\n")
    assert by_file(analyse([str(tmp_path)]))[("a.md", "54.6万辆")].holder.value.startswith("Crestline Mobility@")


def test_a_name_that_holds_a_source_word_cites_nothing(tmp_path) -> None:
    # ("Tallow" holds "tall", as in tally; "Accountis" holds "counts")
    article(tmp_path, "a.md", "岚溪咖啡（Tallow Coffee）三季度营收", "2024-11-12", "三季度，营收为46亿元。\n")
    article(tmp_path, "b.md", "Tallow Coffee results", "2024-11-12",
            "Tallow Coffee reported revenue of 4.62 billion yuan for the third quarter.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "4.62 billion yuan")].holder.value == "Tallow@"


def test_transshipment_is_a_part_of_throughput_not_the_whole(tmp_path) -> None:
    article(tmp_path, "a.md", "Port of Saltmere volumes", "2025-07-20",
            "The port handled 12.48 million TEU in the first half. Transshipment volume rose to 6.91 million TEU.\n")
    article(tmp_path, "b.md", "鹽湖港上半年貨櫃量", "2025-07-21",
            "鹽湖港今年上半年貨櫃裝卸量達1,248萬標準箱，其中轉運量達619萬標準箱。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "6.91 million TEU")].measure.value == "transshipment"
    assert frames[("b.md", "619萬標準箱")].measure.value == "transshipment"
    assert ["6.91 million TEU", "619萬標準箱"] in quotes(analysis)
    assert not any("12.48 million TEU" in q for f in quotes(analysis) for q in f)


def test_a_catch_capped_or_limited_is_a_quota(tmp_path) -> None:
    article(tmp_path, "a.md", "Saury quota cut", "2025-03-28",
            "The commission agreed that the saury catch on the high seas will be capped at 121,500 tonnes. The "
            "high-seas portion of the limit for this year was set at 112,500 tonnes last year.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "121,500 tonnes")].measure.value == "quota"
    assert frames[("a.md", "112,500 tonnes")].measure.value == "quota"
