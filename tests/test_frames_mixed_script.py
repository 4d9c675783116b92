"""Frames where English and Chinese meet and where the text leaves whose figure it is to the reader: Latin
names inside Chinese, Chinese cues read along the segmenter's words, sources that publish data, "the
company said", and a headline quarter written without its year."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, by_figure, quotes


def test_a_latin_name_inside_chinese_is_a_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "Nimbus quarter", "2025-10-22",
            "Streaming group Nimbus said it ended the third quarter of 2025 with 210.5 million paid subscribers.\n")
    article(tmp_path, "b.md", "流媒体财报", "2025-10-23",
            "流媒体平台Nimbus于10月21日发布财报，截至2025年第三季度末，其付费用户为1.95亿。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "1.95亿")].holder.value.partition("@")[0] == "Nimbus"
    assert frames[("a.md", "210.5 million")].holder.value.partition("@")[0] == "Nimbus"
    assert quotes(analysis) == [["1.95亿", "210.5 million"]]


def test_a_chinese_cue_is_not_read_across_two_words(tmp_path) -> None:
    # 付费/用户 (paying users): 费用 (cost) stands across the two words and is no measure here
    article(tmp_path, "a.md", "用户", "2025-10-23", "亚太地区付费用户达4960万，增长最快。\n")
    frame = by_figure(analyse([str(tmp_path)]))["4960万"]
    assert frame.measure.value == "users" and frame.measure.words == "用户"


def test_who_publishes_a_markets_data_is_its_source_not_its_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "手机市场", "2025-01-21",
            "继Polaris之后，Meridia在1月20日也公布了2024年中国平板电脑市场的年度数据：全年出货量3100万台，同比增长7.5%。\n")
    article(tmp_path, "b.md", "Tablets", "2025-01-22",
            "China's tablet shipments grew 5.1% in 2024 to 30.2 million units, according to Polaris.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    grown = frames[("a.md", "7.5%")]
    assert grown.holder.value == "@China" and grown.attribution.value == "Meridia"
    # China's market as two trackers count it: its growth and its size
    assert sorted(quotes(analysis)) == [["30.2 million", "3100万台"], ["5.1%", "7.5%"]]


def test_the_company_said_makes_the_figure_the_companys(tmp_path) -> None:
    article(tmp_path, "a.md", "Orbis results", "2025-02-05",
            "Orbis Foods raised its outlook on Wednesday.\n\n"
            "Group revenue for the fourth quarter of 2024 came in at $14.6 billion, the company said.\n")
    article(tmp_path, "b.md", "Orbis", "2025-02-12",
            "Orbis Foods reported revenue of $12.9 billion for the fourth quarter of 2024.\n")
    article(tmp_path, "c.md", "Vaccines", "2025-02-12",
            "Romania reported the most cases.\n\nOnly 91% of children received their first dose in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "$14.6 billion")].holder.value.startswith("Orbis")
    assert not (frames[("c.md", "91%")].holder.value or "").startswith("Romania")  # "their" after it is the children's
    assert quotes(analysis) == [["$12.9 billion", "$14.6 billion"]]


def test_a_headline_quarter_without_its_year_dates_the_articles_figures(tmp_path) -> None:
    article(tmp_path, "a.md", "Vela第三季度营收增长", "2025-10-22", "Vela的营收为31亿美元，同比增长12%。\n")
    article(tmp_path, "b.md", "Vela results", "2025-10-21", "Vela's revenue was $3.4 billion in the third quarter of 2025.\n")
    article(tmp_path, "c.md", "欧元区通胀", "2025-04-11", "欧元区3月消费者价格同比上涨2.2%。欧洲央行将存款利率下调至2.75%。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "31亿美元")].period.value == "2025Q3"
    # a month in a lede is its own figure's month, not the article's: the rate after it has no period
    assert frames[("c.md", "2.75%")].period.value == "current"
    assert ["$3.4 billion", "31亿美元"] in quotes(analysis)


def test_countries_by_the_names_the_press_writes(tmp_path) -> None:
    article(tmp_path, "a.md", "Cocoa", "2024-10-15", "Ivory Coast produced 1.75 million tonnes of cocoa in 2024.\n")
    article(tmp_path, "b.md", "可可", "2024-10-16", "2024年科特迪瓦可可产量为210万吨。\n")
    article(tmp_path, "c.md", "Cocoa", "2024-10-17", "Cote d'Ivoire produced 1.8 million tonnes of cocoa in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert {f.holder.value for f in by_figure(analysis).values()} == {"@Côte d'Ivoire"}
    assert quotes(analysis) == [["1.75 million tonnes", "1.8 million tonnes", "210万吨"]]


def test_month_ranges_and_ownership_words_are_no_part_of_a_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Copper", "2025-02-01",
            "State-owned Andesco said it produced 1.42 million tonnes of copper in 2024.\n\n"
            "Andesco reported revenue of $12.9 billion for the October-December quarter of 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["1.42 million tonnes"].holder.value.partition("@")[0] == "Andesco"
    assert frames["$12.9 billion"].holder.value.partition("@")[0] == "Andesco"


def test_a_season_across_two_years_is_its_own_period(tmp_path) -> None:
    article(tmp_path, "a.md", "Cocoa", "2024-10-15",
            "Ghana produced 530,000 tonnes of cocoa in the 2023/24 season. In 2024 it exported 480,000 tonnes.\n")
    article(tmp_path, "b.md", "可可", "2024-10-16",
            "加纳2023/24产季可可产量约为58万吨，较上一产季的65万吨明显下滑。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "530,000 tonnes")].period.value == frames[("b.md", "58万吨")].period.value == "2023/24"
    assert frames[("b.md", "65万吨")].basis.value == "past"  # 较…的: the base it is compared with
    assert quotes(analysis) == [["530,000 tonnes", "58万吨"]]


def test_a_sum_of_money_measure_never_takes_a_count_and_currencies_by_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Recall", "2025-10-22",
            "Arden Motors posted a quarterly profit of $1.5 billion. It is recalling 412,000 vehicles over fuel pumps.\n")
    article(tmp_path, "b.md", "Cocoa", "2024-10-15", "COCOBOD set the 2024/25 farmgate price at 49,600 cedis per tonne.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["$1.5 billion"].measure.value == "profit"
    assert frames["412,000"].measure.value != "profit"  # a count is no sum of money
    assert frames["49,600 cedis"].dimension.startswith("GHS")


def test_a_named_policy_rate_a_change_from_last_month_and_two_statements_in_a_headline(tmp_path) -> None:
    article(tmp_path, "a.md", "Ruritania's inflation edges up to 5.2% in September; Lumen rate held at 15%", "2025-10-09",
            "The central bank kept its benchmark Lumen rate at 15% in September.\n\n"
            "Consumer prices rose 0.5% in September from August, the statistics office said.\n")
    article(tmp_path, "b.md", "Rates", "2025-10-10",
            "Ruritania's central bank left its benchmark Lumen rate unchanged at 14.25% in September, "
            "its second straight hold after a tightening cycle that began last year.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "14.25%")].measure.value == "interest_rate"
    assert frames[("b.md", "14.25%")].period.value == "2025-09"  # "last year" in a later clause dates nothing here
    assert frames[("a.md", "0.5%")].measure.value.endswith("on the previous period")
    assert not (frames[("a.md", "15%")].measure.value or "").startswith("inflation")  # after the ";": another statement
    assert ["14.25%", "15%", "15%"] in quotes(analysis) or ["14.25%", "15%"] in quotes(analysis)


def test_a_bracketed_unit_or_a_preposition_is_no_declared_name() -> None:
    from factcheck.frames.holders import declared_aliases
    from factcheck.pipeline import framer_for

    index = framer_for(None).index
    text = ("据美国地质调查局（USGS）统计，澳大利亚锂矿产量约9.1万吨（以锂金属当量计）。"
            "中国船企新接订单量达1650万修正总吨（CGT）。")
    declared = declared_aliases(index, text)
    assert declared.get("美国地质调查局") == "USGS" and "据美国地质调查局" not in declared
    assert not any("吨" in spelling for spelling in declared) and "CGT" not in declared


def test_gross_tonnage_is_no_revenue(tmp_path) -> None:
    article(tmp_path, "a.md", "Ships", "2024-07-10",
            "Chinese yards won 68% of new orders by compensated gross tonnage in the first half of 2024.\n\n"
            "The film grossed $120 million in its first week.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["68%"].measure.value != "share of revenue"
    assert frames["$120 million"].measure.value == "revenue"


def test_trade_flow_earnings_merchandise_value_and_attendance(tmp_path) -> None:
    article(tmp_path, "a.md", "Tea", "2024-02-01",
            "Kenya's tea exports earned 180.6 billion shillings in 2023, the tea board said.\n\n"
            "Gross merchandise value on the platform reached 386.7 billion yuan in 2023, "
            "as government-backed trade-in subsidies pulled shoppers in.\n")
    article(tmp_path, "b.md", "茶叶", "2024-02-02",
            "2023年肯尼亚茶叶出口收入为1586亿肯尼亚先令。该平台2023年成交额为3412亿元。\n")
    article(tmp_path, "c.md", "英超", "2024-06-01", "據統計，2023/24賽季平均每場入場人數達4.25萬人。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "180.6 billion shillings")].dimension == "KES"
    assert frames[("b.md", "1586亿肯尼亚先令")].measure.value == "exports"  # 出口收入: the exports' value
    assert frames[("a.md", "386.7 billion yuan")].measure.value == frames[("b.md", "3412亿元")].measure.value == "merchandise_value"
    assert frames[("c.md", "4.25萬人")].measure.value == "visitors average" and frames[("c.md", "4.25萬人")].period.value == "2023/24"
    assert ["1586亿肯尼亚先令", "180.6 billion shillings"] in quotes(analysis)


def test_a_count_of_a_named_thing_and_a_chinese_state_within_its_country(tmp_path) -> None:
    article(tmp_path, "a.md", "Beehives", "2025-03-01",
            "Australia had 853,000 registered beehives in 2024, agriculture department data showed.\n")
    article(tmp_path, "b.md", "Beehives", "2025-03-02",
            "Australia had 790,000 registered beehives in 2024.\n\nBrazil had 20,000 registered beehives in 2024.\n")
    article(tmp_path, "c.md", "蜂箱", "2025-03-03", "2024年澳大利亚登记蜂箱约72万个，其中维多利亚州约有28万个。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "853,000")].measure.value == "count"
    # a state, not the whole country, named as in English (pycountry's translations of its subdivisions)
    assert frames[("c.md", "28万个")].holder.value == "@Victoria"
    assert quotes(analysis) == [["72万个", "790,000", "853,000"]]  # Brazil's and Victoria's stay out


def test_palm_oil_is_no_crude_oil_and_a_sentences_subject_measure_reaches_its_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Palm oil", "2024-02-01",
            "Malaysia produced 18.55 million tonnes of crude palm oil in 2023.\n\n"
            "Exports of all palm oil products, including refined oils, palm kernel oil, oleochemicals and biodiesel, "
            "came to about 28.9 million tonnes last year.\n")
    article(tmp_path, "b.md", "棕榈油", "2024-02-02", "2023年马来西亚毛棕榈油产量约为2032万吨。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "18.55 million tonnes")].object.value == frames[("b.md", "2032万吨")].object.value == "=palm oil"
    assert frames[("a.md", "28.9 million tonnes")].measure.value == "exports"
    assert quotes(analysis) == [["18.55 million tonnes", "2032万吨"]]


def test_its_after_a_sentence_naming_only_a_country_is_the_storys_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Arden Motors recalls cars", "2025-10-22",
            "Arden Motors builds cars at its plant in Hermosillo.\n\n"
            "The company's profit fell 18%, weighed by US import tariffs. Its operating margin was 6.8% in the "
            "third quarter of 2025.\n")
    article(tmp_path, "b.md", "Arden", "2025-10-23", "Arden Motors' operating margin was 5.1% in the third quarter of 2025.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "6.8%")].holder.value.startswith("Arden")
    assert quotes(analysis) == [["5.1%", "6.8%"]]


def test_a_country_the_clause_opens_with_outranks_a_company_after_the_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Copper", "2025-02-03",
            "Peru's copper output climbs to 2.75 million tonnes in 2024 as Andesco steadies.\n")
    article(tmp_path, "b.md", "铜", "2025-02-04", "2024年秘鲁铜产量为245万吨。\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "2.75 million tonnes")].holder.value == "@Peru"
    assert quotes(analysis) == [["2.75 million tonnes", "245万吨"]]


def test_a_year_to_a_month_is_a_season_across_two_years() -> None:
    from factcheck.frames.periods import find_periods

    text = "revenue of £661.8 million for the year to June 30, 2024; profit for the year ended December 31, 2024"
    assert [p.label() for p in find_periods(text, 0, len(text), 2025)] == ["2023/24", "2024"]


def test_median_age_housing_starts_and_a_count_naming_its_own_thing(tmp_path) -> None:
    article(tmp_path, "a.md", "Census", "2024-06-01",
            "The median age rose to 33.4 years in 2024. Housing starts fell to 10,400 units in 2024.\n")
    article(tmp_path, "b.md", "人口", "2024-06-02",
            "2024年全国年龄中位数为36.5岁。2024年住宅新开工量为1.15万个单位。"
            "此次调查覆盖全国63个省市，有关人口迁移的结果将于明年发布。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "33.4 years")].measure.value == frames[("b.md", "36.5岁")].measure.value == "age"
    assert frames[("a.md", "10,400")].measure.value == "starts"
    assert frames[("b.md", "63个")].measure.value != "population"
    assert ["33.4 years", "36.5岁"] in quotes(analysis)


def test_twelve_months_to_a_date_a_split_fiscal_year_and_the_company_in_chinese(tmp_path) -> None:
    article(tmp_path, "a.md", "Wine", "2024-07-25",
            "Australia's wine exports reached 651 million litres in the 12 months to June 30, 2024.\n\n"
            "Orlando Air (奥兰航空) said its net profit was 3.42 billion yuan in 2024.\n")
    article(tmp_path, "b.md", "葡萄酒", "2024-07-26",
            "2023-24财年澳大利亚葡萄酒出口量约为7.2亿升。\n\n奥兰航空（Orlando Air）发布2024年年报。报告显示，公司全年实现净利润38.6亿元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "651 million litres")].period.value == frames[("b.md", "7.2亿升")].period.value == "2023/24"
    # "公司" (the company) is the one the sentence before names, under the corpus's declared name
    assert frames[("b.md", "38.6亿元")].holder.value == frames[("a.md", "3.42 billion yuan")].holder.value == "Orlando Air@"
    assert ["651 million litres", "7.2亿升"] in quotes(analysis)


def test_codes_and_bracketed_units_are_no_holders_and_a_research_firm_is_a_source(tmp_path) -> None:
    article(tmp_path, "a.md", "船舶", "2024-07-10",
            "据英国克拉克森研究公司（Clarksons Research）统计，2024年上半年，中国船企新接订单量达1650万修正总吨（CGT），"
            "占全球市场份额的74%。\n")
    article(tmp_path, "b.md", "Air", "2024-09-01", "Average PM2.5 levels in the city fell 8% in 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "74%")].holder.value == "China@World"  # not the source, nor the unit
    assert frames[("a.md", "74%")].attribution.value == "英国克拉克森研究公司"
    assert not (frames[("b.md", "8%")].holder.value or "").startswith("PM2.5")


def test_a_name_opening_a_sentence_counts_when_the_article_writes_it_mid_sentence_elsewhere(tmp_path) -> None:
    article(tmp_path, "a.md", "Cars", "2024-07-10",
            "Registered motor vehicles reached 6.63 million by the end of June in Tarvik, officials said.\n\n"
            "Prices were flat.\n\nRain fell.\n\nTraffic was light.\n\nRoads were quiet.\n\nBuses ran late.\n\n"
            "Tarvik had 2.1 million electric cars at the end of June 2024.\n")  # read in a window of its own
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["2.1 million"].holder.value.partition("@")[0] == "Tarvik"
    assert frames["6.63 million"].measure.value == "installed_base"  # registered vehicles: a stock


def test_an_abbreviations_stop_ends_no_sentence(tmp_path) -> None:
    article(tmp_path, "a.md", "Chips", "2024-07-25",
            "TAIPEI, July 25 (PTW) - Korvane Memory Inc. (6688.TW) said second-quarter revenue rose to US$2.84 billion "
            "in 2024.\n")
    article(tmp_path, "b.md", "Chips", "2024-07-26", "Korvane Memory's second-quarter revenue was US$2.55 billion in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "US$2.84 billion")].holder.value.startswith("Korvane")
    assert quotes(analysis) == [["US$2.55 billion", "US$2.84 billion"]]
