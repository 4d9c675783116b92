"""Whose figure, and what part of it: a source cited on its day of publication (据…（CNA）昨（23）日公布的数据)
and a statistics office ("Stats NZ figures show") hold none of it, a sentence's subject set off by an
apposition holds it over a brand named inside, a part after 其中 is no whole, gate receipts are revenue and a
price per mmBtu names no one. Corpora written for the tests, on topics no rule names."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_source_cited_on_its_day_and_a_statistics_office_hold_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "厄瓜多蟹类出口创新高", "2026-01-24",
            "根据厄瓜多国家渔业协会（CNF）昨（23）日公布的数据，2025年全年蟹类出口量达12.4万公吨。\n")
    article(tmp_path, "b.md", "Kiwi fruit exports slip", "2025-08-02",
            "New Zealand's kiwifruit exports were worth NZ$2.3 billion in the year to June, Stats NZ figures show.\n")
    frames = by_file(analyse([str(tmp_path)]))
    crabs = frames[("a.md", "12.4万公吨")]
    assert crabs.holder.value == "@Ecuador" and crabs.attribution.value == "厄瓜多国家渔业协会"
    assert frames[("b.md", "NZ$2.3 billion")].holder.value == "@New Zealand"


def test_a_subject_set_off_by_an_apposition_holds_the_figure_over_a_brand_inside(tmp_path) -> None:
    article(tmp_path, "a.md", "Brewer results", "2026-02-12",
            "Haldane Group, the Leeds-based brewer behind Copperfield ale and Marrow Stout, said on Thursday "
            "that its operating margin widened to 13.8% in 2025.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "13.8%")].holder.value.startswith("Haldane")


def test_a_part_after_qizhong_is_no_whole(tmp_path) -> None:
    article(tmp_path, "a.md", "青川银行上半年业绩", "2025-07-22",
            "青川银行上半年营收为86亿元，同比增长6.2%；其中利息收入同比增长9.5%。\n")
    article(tmp_path, "b.md", "Qingchuan Bank results", "2025-07-22",
            "Qingchuan Bank said first-half revenue rose 6.2% to 8.6 billion yuan.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "9.5%")].object.value.endswith("其中")
    assert not any("9.5%" in q for f in quotes(analysis) for q in f)  # the part meets neither whole


def test_gate_receipts_are_revenue_and_a_price_per_mmbtu_names_no_one(tmp_path) -> None:
    article(tmp_path, "a.md", "Cup final", "2026-03-02",
            "Gate receipts reached A$41.2 million, the organisers said. Japan paid an average $11.90 per mmBtu "
            "for its imports in January.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "A$41.2 million")].measure.value == "revenue"
    assert "mmBtu" not in (frames[("a.md", "$11.90")].holder.value or "")


def test_a_fleet_in_chinese_months_into_the_next_year_and_a_lake_that_holds_nothing(tmp_path) -> None:
    article(tmp_path, "a.md", "Rental results", "2026-02-19",
            "Ardent Rentals said its average fleet was 412,000 vehicles in 2025.\n\n"
            "Tolls brought in roughly $1.9 billion between October and March, the canal's operator said. "
            "Water in Corran Lake fell to 24.1 metres in 2025.\n")
    article(tmp_path, "b.md", "租车业绩", "2026-02-20", "阿登租车2025年平均运营车队约39.8万辆。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "39.8万辆")].measure.value == frames[("a.md", "412,000")].measure.value == "installed_base"
    assert frames[("a.md", "$1.9 billion")].period.value == "2025-10..2026-03"
    assert "Corran" not in (frames[("a.md", "24.1 metres")].holder.value or "")
    # (a canal named with a place amid its words is the canal, no organisation)
    article(tmp_path, "c.md", "Drought-hit Panama Canal cuts its outlook", "2026-04-14",
            "Tolls brought in $2.6 billion in the half, the authority said.\n")
    assert "Canal" not in (by_file(analyse([str(tmp_path)]))[("c.md", "$2.6 billion")].holder.value or "")


def test_interim_results_to_a_month_are_the_half_that_ends_with_it(tmp_path) -> None:
    article(tmp_path, "a.md", "虚拟银行业绩", "2025-08-27",
            "本港虚拟银行青湾银行昨（26）日公布截至今年6月底止的中期业绩，期内纯利录得1.52亿港元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "1.52亿港元")].period.value == "2025H1"


def test_a_sum_per_unit_of_a_trade_flow_is_its_price_and_the_unit_names_no_place(tmp_path) -> None:
    article(tmp_path, "a.md", "Gas imports", "2026-02-24",
            "Norland's gas imports reached 2.1 million tonnes in January. The average landed cost of the imports "
            "was $10.70 per million British thermal units, the customs data showed.\n")
    frames = by_file(analyse([str(tmp_path)]))
    price = frames[("a.md", "$10.70")]
    assert price.measure.value == "price of imports"
    assert "United Kingdom" not in (price.holder.value or "") and "British" not in (price.holder.value or "")
    assert price.object.value != "british thermal"


def test_a_virus_code_of_letters_and_figures_holds_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Bird flu spreads", "2026-01-14",
            "Officials said H5N1 had now been confirmed on 23 farms in the county.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert "H5N1" not in (frames[("a.md", "23")].holder.value or "")


def test_a_name_opening_its_sentence_before_a_company_apposition_is_the_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Postal results", "2026-02-26",
            "Vesterpost, the Danish national postal operator, reported a net loss of €96 million for 2025.\n\n"
            "The brighter spot was the parcels and logistics division, whose revenue climbed to €1.2 billion.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "€96 million")].holder.value == "Vesterpost@"
    # (a division's revenue, named three words long and by "whose", is a part of the company's)
    assert "division" in (frames[("a.md", "€1.2 billion")].object.value or "")


def test_a_whole_its_parts_follow_past_its_change_takes_no_headline_market(tmp_path) -> None:
    article(tmp_path, "a.md", "岚驰汽车上半年海外销量同比翻倍", "2025-07-02",
            "岚驰汽车（002999.SZ）1日发布产销快报，今年上半年公司新能源汽车累计销量达214.6万辆，同比增长约33%；"
            "其中海外销量46.4万辆。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "214.6万辆")].holder.value.endswith("@")
    assert frames[("a.md", "33%")].holder.value.endswith("@")
