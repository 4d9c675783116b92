"""Frames of fiscal years named only by the article's date ("its last financial year"), of month ranges
across two years, of running totals at one day ("as of Tuesday", 截至前日), of a company's own results
published in Chinese, of wage bills and the value of output, and of short names a story uses for its club
or company. Each corpus here is written for the test, on topics no rule names."""

from __future__ import annotations

from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def _labels(text: str, year: int = 2025, month: int = 9, day: int = 10) -> list[str | None]:
    return [p.label(year) for p in find_periods(text, 0, len(text), year, month, day)]


def test_the_latest_fiscal_year_is_counted_from_the_article_date() -> None:
    assert _labels("It lost HK$116 million in its last financial year.") == ["2024/25"]
    assert _labels("Revenue was ₹57.6 billion last fiscal year.", month=2) == ["2023/24"]
    assert _labels("公司上一财年营收为341亿卢比。") == ["2024/25"]
    # beside 本财年, the year before it: which one 本财年 is, the date does not say
    assert _labels("上一财年营收为341亿卢比，本财年营收增长四成。") == []


def test_months_across_two_years() -> None:
    assert _labels("Clearing from August 2024 to July 2025 fell 11%.") == ["2024/25"]
    assert _labels("2024年8月至2025年7月，毁林面积为5796平方公里。") == ["2024/25"]
    assert _labels("Between Oct 2024 and Mar 2025 arrivals fell.") == ["2024-10..2025-03"]
    assert _labels("2024年10月至2025年3月，客流下降。") == ["2024-10..2025-03"]


def test_a_year_to_a_day_written_before_its_month_and_the_fiscal_year_named_before() -> None:
    assert _labels("The wage bill fell to £313.2 million in the 12 months to 30 June 2025.") == ["2024/25"]
    text = ("Sales were £666 million in the year to June 30, 2025. The club spent £190 million on players "
            "during the financial year.")
    periods = find_periods(text, 0, len(text), 2025, 9)
    assert periods[-1].kind == "anaphor" and periods[-1].words == "during the financial year"


def test_a_running_total_at_a_day() -> None:
    # a Wednesday's article: "as of Tuesday" is the day before; 截至前日 two days back
    assert _labels("Losses had reached NT$1.62 billion as of Tuesday.", 2024, 11, 6) == ["2024-11-05"]
    assert _labels("截至前日（周日），电影累积票房约9.8亿元。", 2024, 9, 10) == ["2024-09-08"]
    assert _labels("截至8日，累计确诊1.2万例。", 2024, 11, 6) == ["2024-10-08"]  # a day not yet come: last month's
    assert _labels("As of September 30, 2024, it ran 412 shops.", 2024, 11, 6) == ["2024-09"]  # a month's end
    # the end of the fiscal year just named, restated in brackets, is no period of its own
    assert _labels("2023-24财年（截至2024年6月30日），出口量约7.2亿升。", 2024, 8, 1) == ["2023/24"]


def test_a_tally_of_later_day_is_not_an_earlier_articles_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Floods", "2024-07-02",
            "Flooding in Kerala destroyed crops worth 1.2 billion rupees, according to government tallies.\n")
    article(tmp_path, "b.md", "Flood losses", "2024-07-10",
            "Crop losses in Kerala had reached 1.9 billion rupees as of Monday, the state said.\n")
    article(tmp_path, "c.md", "Flood losses", "2024-07-11",
            "Kerala's crop losses stood at 1.5 billion rupees as of July 8, officials said.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "1.9 billion rupees")].period.value == "2024-07-08"
    assert quotes(analysis) == [["1.5 billion rupees", "1.9 billion rupees"]]  # the same day; not July 2's


def test_a_company_publishing_its_own_results_in_chinese_holds_them(tmp_path) -> None:
    article(tmp_path, "a.md", "Rovers post record revenue", "2025-09-18",
            "Blackwater Rovers reported record annual revenue of £412.6 million on Thursday. Commercial income "
            "rose to £188.4 million. The club's wage bill fell to £203.5 million in the year to June 30.\n")
    article(tmp_path, "b.md", "Rovers results", "2025-09-19",
            "Fans cheered as Rovers posted revenue of £413m for the 2024-25 season. Commercial income at Rovers "
            "rose to £188m.\n")
    article(tmp_path, "c.md", "黑水流浪者公布2024-25财年财报", "2025-09-19",
            "北京时间9月19日，黑水流浪者俱乐部公布了截至2025年6月30日的2024-25财年财报。俱乐部总收入达到4.126亿英镑。"
            "\n\n支出方面，黑水流浪者工资支出约2.45亿英镑。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    wages = frames[("c.md", "2.45亿英镑")]
    assert wages.measure.value == "wages" and frames[("a.md", "£203.5 million")].measure.value == "wages"
    # the name that published its report holds the figures it states later; its English name is the one
    # whose articles give the same figures (£412.6 million in one, £413m in another)
    assert wages.holder.value == "Blackwater Rovers@"
    assert ["2.45亿英镑", "£203.5 million"] in quotes(analysis)


def test_a_short_name_is_the_longer_one_of_its_own_article(tmp_path) -> None:
    article(tmp_path, "a.md", "Rovers spend", "2025-09-18",
            "Blackwater Rovers said revenue rose, and Rovers spent £90 million on players during the financial "
            "year to June 30, 2025.\n")
    article(tmp_path, "b.md", "Climate talks", "2025-09-18",
            "Rovers Nations, a charity, spent £30 million in the year to June 30, 2025.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "£90 million")].holder.value == "Blackwater Rovers@"


def test_a_sum_of_money_is_no_output_installation_or_refining(tmp_path) -> None:
    article(tmp_path, "a.md", "Pepper exports", "2025-02-10",
            "Pepper shipments brought in US$1.3 billion in 2024. Exports totalled 250,000 tonnes and generated "
            "US$1.2 billion in revenue. Another 3 trillion dong was added to farmers' costs. The exchange "
            "processed 4.5 million trades.\n")
    frames = by_file(analyse([str(tmp_path)]))
    # (what the shipments and the exports earned: the exports' value, as 出口额 is, no output)
    assert frames[("a.md", "US$1.3 billion")].measure.value in ("revenue", "exports")
    assert frames[("a.md", "US$1.2 billion")].measure.value == "exports"
    assert frames[("a.md", "3 trillion dong")].measure.value != "installations"
    assert frames[("a.md", "4.5 million")].measure.value == "throughput"


def test_spending_on_something_is_no_payout_and_japanese_profit_words(tmp_path) -> None:
    article(tmp_path, "a.md", "Spending", "2025-09-18",
            "The club paid out about £225m on player registrations in 2024. The insurer paid out £40m in "
            "claims in 2024.\n")
    article(tmp_path, "b.md", "任天堂財報", "2025-11-05", "任天堂本財年上半年營業利益為1280億日圓。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "£225m")].measure.value == "budget"
    assert frames[("a.md", "£40m")].measure.value == "payouts"
    assert frames[("b.md", "1280億日圓")].measure.value == "profit"


def test_what_revenue_comes_from_and_a_part_of_a_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Results", "2025-08-13",
            "Revenue from cloud services rose 12% to 4.1 billion yuan in the second quarter. Losses from "
            "the flood were 20 million yuan. Its logistics arm, which earned 900 million yuan before tax, "
            "grew fastest.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "4.1 billion yuan")].object.value == "cloud service business"  # a business of it
    assert frames[("a.md", "20 million yuan")].object.value is None  # a cause, not what is counted
    assert frames[("a.md", "900 million yuan")].object.value == "logistic arm"


def test_a_storm_holds_no_figure_and_a_county_is_a_place(tmp_path) -> None:
    article(tmp_path, "a.md", "Storm", "2024-11-02",
            "Typhoon Kong-rey cut power to 830,000 households. Farm losses in Hualien reached NT$300 million.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert not (frames[("a.md", "830,000")].holder.value or "").startswith("Typhoon")
    assert frames[("a.md", "NT$300 million")].holder.value == "@Hualien"


def test_our_country_in_traditional_characters_is_taiwan(tmp_path) -> None:
    article(tmp_path, "a.md", "外匯存底創高", "2025-12-06",
            "中央銀行5日公布，截至11月底，我國外匯存底為6033.8億美元，再創歷史新高。\n")
    article(tmp_path, "b.md", "Reserves", "2025-12-05",
            "TAIPEI, Dec. 5 (CNA) Taiwan's foreign exchange reserves rose to US$613.2 billion at the end of "
            "November, the central bank said.\n")
    article(tmp_path, "c.md", "外汇储备", "2025-12-07", "截至11月末，我国外汇储备规模为33464亿美元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    zh = frames[("a.md", "6033.8億美元")]
    # the central bank publishes the country's figure; "Dec." is a month, not a holder
    assert (zh.measure.value, zh.holder.value) == ("reserves", "@Taiwan")
    assert frames[("b.md", "US$613.2 billion")].holder.value == "@Taiwan"
    assert frames[("c.md", "33464亿美元")].holder.value == "@China"  # simplified characters: China
    assert quotes(analysis) == [["6033.8億美元", "US$613.2 billion"]]


def test_a_part_of_a_country_written_alone_is_no_holder_and_wage_costs_are_wages(tmp_path) -> None:
    article(tmp_path, "a.md", "Rubber", "2026-01-20",
            "Output in the South rose. Exports generated 148 billion baht in revenue in 2025. Firms face "
            "additional wage costs of VND13.5 trillion in 2026.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "148 billion baht")].holder.value is None
    assert frames[("a.md", "VND13.5 trillion")].measure.value == "wages"


def test_a_change_on_a_month_named_without_its_year_is_on_the_month_before(tmp_path) -> None:
    article(tmp_path, "a.md", "外匯存底", "2025-12-06", "11月底外匯存底較10月底增加31.2億美元。\n")
    article(tmp_path, "b.md", "Reserves", "2025-12-05",
            "Reserves rose US$3.65 billion from a month earlier at the end of November.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "31.2億美元")].measure.value == frames[("b.md", "US$3.65 billion")].measure.value \
        == "reserves on the previous period"


def test_a_comparison_with_last_year_is_no_period_of_the_story() -> None:
    text = "Travellers made 888 million trips during the holiday, although an extra day flattered the comparison with last year."
    assert [p.base for p in find_periods(text, 0, len(text), 2025, 10)] == [True]


def test_the_value_of_transactions_and_a_day_is_no_source(tmp_path) -> None:
    article(tmp_path, "a.md", "Payments", "2025-11-01",
            "Card payments rose to 2.1 billion in October, data released on Saturday showed. The value of "
            "transactions climbed to ₹4.2 lakh crore during the month.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "2.1 billion")].attribution.value is None
    assert frames[("a.md", "₹4.2 lakh crore")].measure.value == "merchandise_value"


def test_the_halves_of_a_fiscal_year_named_in_the_lede(tmp_path) -> None:
    article(tmp_path, "a.md", "Kiroku Games results", "2025-11-05",
            "Kiroku Games' first-half revenue doubled, prompting it to raise its forecasts for the fiscal year "
            "through March 2026.\n\nNet income came to ¥170.2 billion, the company said.\n")
    article(tmp_path, "b.md", "Kiroku profit", "2025-11-05",
            "Kiroku Games booked a net profit of ¥198.8 billion for April-September.\n")
    article(tmp_path, "c.md", "Harvest", "2025-08-01",
            "First-half rice output rose to 8.6 million tonnes, the ministry said.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "¥170.2 billion")].period.value == "2025-04..2025-09"
    assert frames[("c.md", "8.6 million tonnes")].period.value == "2025H1"  # no fiscal year named: the calendar's
    assert ["¥170.2 billion", "¥198.8 billion"] in quotes(analysis)


def test_a_flow_by_value_after_its_volume_is_of_the_same_thing_and_a_fish_is_no_seafood(tmp_path) -> None:
    article(tmp_path, "a.md", "挪威海产品出口", "2025-07-05",
            "上半年挪威海产品出口总额为852亿挪威克朗。挪威三文鱼出口量达56.1万吨，同比增长约17%；出口额为520亿挪威克朗。\n")
    article(tmp_path, "b.md", "Seafood exports", "2025-07-04",
            "Norway's seafood exports reached NOK 85.2 billion in the first half of 2025.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "520亿挪威克朗")].object.value == "=salmon"
    assert frames[("b.md", "NOK 85.2 billion")].object.value == "=seafood"
    assert quotes(analysis) == []  # the salmon is a part of the seafood; the seafood figures agree


def test_a_business_named_by_a_named_object_is_still_a_part(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbor Foods", "2024-11-12", "Harbor Foods reported revenue of 4.62 billion yuan for the third quarter.\n")
    article(tmp_path, "b.md", "港湾食品（Harbor Foods）三季度营收", "2024-11-12", "三季度，三文鱼业务营收为30亿元。\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "30亿元")].object.words == "三文鱼业务"
    assert quotes(analysis) == []


def test_a_trade_word_is_left_off_a_name_only_where_a_name_remains(tmp_path) -> None:
    article(tmp_path, "a.md", "Charging", "2025-08-26",
            "TELD New Energy delivered 6.1 billion kilowatt-hours of charging in January-June.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "6.1 billion kilowatt-hours")].holder.value == "TELD New Energy@"


def test_the_first_months_of_a_year_without_a_measure_word() -> None:
    assert _labels("累計今年前七月營收約1,162億元。", 2025, 8, 9) == ["2025-01..2025-07"]
    assert _labels("前9个月出口增长。", 2025, 10, 9) == ["2025-01..2025-09"]


def test_a_source_named_after_its_kind_in_chinese_holds_nothing(tmp_path) -> None:
    article(tmp_path, "a.md", "欧盟液化天然气进口", "2025-10-03",
            "据船运数据机构Kpler统计，今年前9个月欧盟LNG进口量约1050亿立方米。\n")
    frames = by_file(analyse([str(tmp_path)]))
    frame = frames[("a.md", "1050亿立方米")]
    assert frame.attribution.value == "Kpler" and not (frame.holder.value or "").startswith("Kpler")


def test_the_month_named_before_not_the_year_so_far_between() -> None:
    text = "9月是今年以来疫情最为严重的月份，全国当月共有65人死于登革热。"
    periods = find_periods(text, 0, len(text), 2025, 10, 15)
    assert [p.kind for p in periods] == ["month", "months", "anaphor"]


def test_this_month_refers_to_the_month_named_before(tmp_path) -> None:
    article(tmp_path, "a.md", "登革热", "2025-10-15",
            "孟加拉国卫生部门数据显示，9月是今年以来疫情最为严重的月份，当月共有65人死于登革热。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "65人")].period.value == "2025-09"


def test_a_countrys_short_chinese_name_with_guo_after_it(tmp_path) -> None:
    article(tmp_path, "a.md", "登革热疫情", "2025-10-15", "孟加拉国新增1026名登革热住院患者，另有5人死亡。\n")
    article(tmp_path, "b.md", "留学生", "2025-03-03", "2024年澳大利亚国际学生约72万人。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "5人")].holder.value == "@Bangladesh"
    assert frames[("b.md", "72万人")].holder.value == "@Australia"  # 澳大利亚/国际: no 澳大利亚国


def test_the_year_of_the_sentence_before_and_a_listed_company_that_publishes_yesterday(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbourview Land results", "2025-09-04",
            "Underlying profit at Harbourview Land was HK$21.9 billion for the year ended June 30, 2025. "
            "Revenue for the year came to HK$79.7 billion, the company said.\n")
    article(tmp_path, "b.md", "海景地产全年业绩", "2025-09-05",
            "海景地产（0088）昨日公布截至2025年6月30日止年度业绩，营业额约688亿港元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "HK$79.7 billion")].period.value == "2024/25"  # the year just named, not 2025
    chinese = frames[("b.md", "688亿港元")]
    assert chinese.holder.value == "海景地产@"  # a listed company (its code), though 地产-like words are common
    assert chinese.attribution.value is None  # "昨日公布": a day, no source


def test_a_company_that_publishes_today_written_the_taiwanese_way(tmp_path) -> None:
    article(tmp_path, "a.md", "湖岸晶片10月營收", "2025-11-10",
            "IC設計龍頭湖岸晶片今（10）日公布10月合併營收483億元，月增9.6%。\n")
    assert by_file(analyse([str(tmp_path)]))[("a.md", "483億元")].holder.value.startswith("湖岸晶片@")


def test_where_a_running_total_starts_is_not_its_period(tmp_path) -> None:
    # ("since the outbreak was declared in August 2024", 自2024年8月…以来: the total to date, as of June 1)
    article(tmp_path, "a.md", "Cholera toll rises in Sudan", "2025-06-02",
            "Cholera has killed 1,720 people in Sudan since the outbreak was declared in August 2024, with more "
            "than 65,000 cases recorded as of June 1, the health ministry said.\n")
    article(tmp_path, "b.md", "苏丹霍乱疫情", "2025-06-03",
            "苏丹卫生部3日发布的数据显示，自2024年8月本轮霍乱疫情暴发以来，截至6月1日，全国累计1460人死亡。\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "1,720")].period.value != "2024-08"
    assert ["1,720", "1460人"] in quotes(analysis)


def test_the_months_an_anaphor_names_keep_their_own_year_not_a_base_years(tmp_path) -> None:
    article(tmp_path, "a.md", "Kettle maker's margin narrows", "2025-10-30",
            "Orvana's net profit for January-September fell to 2.1 billion rand.\n\n"
            "Its operating margin narrowed to 6.4% over the nine months from 8.2% in the same period of 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "6.4%")].period.value == "2025-01..2025-09"


def test_a_month_a_season_ended_in_is_no_period_of_the_seasons_figure() -> None:
    text = "Herders combed 9,420 tonnes of cashmere in the spring season that ended in June. Prices fell in June."
    months = [(p.kind, p.part) for p in find_periods(text, 0, len(text), 2025, 7, 20) if p.kind == "month"]
    assert months == [("month", "6")]  # (only the second June: the month prices fell in)
