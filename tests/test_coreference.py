"""Holders named differently: a short form and its full name, a Chinese name that publishes on a date, and
an English and a Chinese name taken for one because their articles agree on distinctive figures."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_chinese_name_that_publishes_on_a_date_is_an_organisation(tmp_path) -> None:
    article(tmp_path, "a.md", "业绩", "2025-08-22",
            "澳洲矿商青岭资源21日公布年度业绩，全年营收约52亿澳元。\n")
    article(tmp_path, "b.md", "业绩", "2025-08-22", "周日公布的数据显示，全国营收约40亿澳元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "52亿澳元")].holder.value == "青岭资源@"  # the miner, not Australia
    assert not (frames[("b.md", "40亿澳元")].holder.value or "").startswith("周日")  # a day names no one


def test_a_short_form_is_its_full_name_unless_two_names_open_with_it(tmp_path) -> None:
    article(tmp_path, "a.md", "Potash", "2025-03-01", "Norland Potash produced 13.1 million tonnes in 2024.\n")
    article(tmp_path, "b.md", "Potash", "2025-03-05", "In 2024, Norland produced 11.2 million tonnes, it said.\n")
    article(tmp_path, "c.md", "Holdings", "2025-03-05",
            "Its parent, Norland Holdings, produced 15.9 million tonnes in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "11.2 million tonnes")].holder.value == "Norland Potash@"
    assert "short form" in frames[("b.md", "11.2 million tonnes")].holder.rule
    assert frames[("c.md", "15.9 million tonnes")].holder.value != "Norland Potash@"  # the parent stays apart
    assert quotes(analysis) == [["11.2 million tonnes", "13.1 million tonnes"]]


def test_names_in_two_scripts_whose_articles_agree_are_one_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "Tamsin Cycles results", "2025-08-10",
            "Tamsin Cycles said revenue was NT$14.6 billion in the first half. It sold 418,000 bicycles, "
            "and its gross margin was 27.4%. Net profit was NT$1.92 billion.\n")
    article(tmp_path, "b.md", "業績", "2025-08-11",
            "自行車廠天馳10日公布上半年業績，營收約新台幣146億元，共售出41.8萬輛，毛利率27.4%，"
            "淨利約新台幣15.6億元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    profit = frames[("b.md", "15.6億元")]
    assert profit.holder.value == "Tamsin Cycles@" and "agree on" in profit.holder.rule
    assert quotes(analysis) == [["15.6億元", "NT$1.92 billion"]]


def test_names_in_two_scripts_with_no_figure_in_common_stay_apart(tmp_path) -> None:
    article(tmp_path, "a.md", "Tamsin Cycles results", "2025-08-10",
            "Tamsin Cycles said net profit was NT$1.92 billion in the first half, and revenue NT$14.6 billion.\n")
    article(tmp_path, "b.md", "業績", "2025-08-11", "自行車廠天馳10日公布上半年業績，淨利約15.6億元，營收約130億元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("b.md", "15.6億元")].holder.value == "天驰@"


def test_an_analysts_estimate_and_a_figure_changed_from(tmp_path) -> None:
    article(tmp_path, "a.md", "Quarter", "2025-11-20",
            "Revenue rose to 9.1 billion yuan, above the 8.8 billion yuan average estimate of analysts.\n")
    article(tmp_path, "b.md", "毛利", "2025-06-25", "公司毛利率由上年度的20.6%改善至24.0%。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "8.8 billion yuan")].basis.value == "forecast"
    assert frames[("b.md", "20.6%")].basis.value == "past" and frames[("b.md", "24.0%")].basis.value == "actual"


def test_a_bank_that_publishes_keeps_its_whole_name_and_a_taiwan_dateline_is_no_place(tmp_path) -> None:
    article(tmp_path, "a.md", "銀行獲利", "2025-08-22",
            "【記者王小明／台北報導】青松商業銀行22日公布上半年財報，稅後淨利約新台幣98億元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "98億元")].holder.value == "青松商业银行@"


def test_a_chinese_name_that_reads_as_an_english_name_in_mandarin_is_that_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Metro ridership", "2025-10-16",
            "Qingshui Metro carried 1.46 billion passengers in 2024, the company said.\n")
    article(tmp_path, "b.md", "捷運運量", "2025-10-15",
            "清水捷運公司14日公布，今年1至9月全路網累計運量達11.2億人次。根據捷運公司統計，2024年全年運量為13.1億人次。\n")
    article(tmp_path, "c.md", "Rail", "2025-10-16", "Qingshan Rail carried 0.9 billion passengers in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    # (no figure is shared: the name's reading, Qingshui, joins them; 捷運公司 is the company named before)
    assert frames[("b.md", "13.1億人")].holder.value == "Qingshui Metro@"
    assert "Mandarin" in frames[("b.md", "13.1億人")].holder.rule
    assert ["1.46 billion", "13.1億人"] in quotes(analysis)
    assert not any("0.9 billion" in group for group in quotes(analysis))  # Qingshan is another name


def test_a_taiwanese_name_read_in_wade_giles_is_that_name(tmp_path) -> None:
    # (雪峰 reads Hsueh Feng in Wade-Giles, as Taiwan spells its names, Xuefeng in pinyin)
    article(tmp_path, "a.md", "Hsueh Feng Data grows", "2025-08-13",
            "Hsueh Feng Data had 186 MW of IT capacity in operation at the end of June.\n")
    article(tmp_path, "b.md", "雪峰數據容量", "2025-08-13",
            "資料中心營運商雪峰數據昨（12）日舉行法說會，截至6月底，營運中的IT容量約15萬瓩。\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "15萬瓩")].holder.value.startswith("Hsueh Feng@")
    assert ["15萬瓩", "186 MW"] in quotes(analysis)
