"""Measures of company results written around the figure: a relative clause set off after a measure
describes it and names no figure, and adjusted, underlying or core profit is never the reported profit.
Corpora written for the tests."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_relative_clause_after_a_measure_names_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Kestrel Mills profit slips", "2025-03-02",
            "Kestrel Mills said operating profit, which excludes one-off gains on land sales, came to 410 million "
            "euros in 2024.\n")
    article(tmp_path, "b.md", "Kestrel Mills results", "2025-03-03",
            "Kestrel Mills reported that operating profit, which strips out write-downs on its investment portfolio, "
            "reached 350 million euros in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "350 million euros")].measure.value == "profit"
    assert ["350 million euros", "410 million euros"] in quotes(analysis)

def test_adjusted_or_underlying_profit_is_not_the_reported_profit(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferrow Logistics returns to profit", "2025-08-14",
            "Ferrow Logistics said net profit was 1.12 billion yuan in the second quarter. Adjusted net profit, which "
            "strips out share-based pay, came in at 1.64 billion yuan.\n")
    article(tmp_path, "b.md", "費洛物流第二季轉盈", "2025-08-15",
            "費洛物流（Ferrow Logistics）第二季淨利潤為11.2億元，經調整淨利潤為16.4億元。\n")
    article(tmp_path, "c.md", "Ferrow Logistics beats estimates", "2025-08-15",
            "Ferrow Logistics posted underlying profit of 1.94 billion yuan for the second quarter.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "1.64 billion yuan")].measure.value == "adjusted_profit"
    assert frames[("b.md", "16.4億元")].measure.value == "adjusted_profit"
    assert frames[("a.md", "1.12 billion yuan")].measure.value == "profit"
    # the reported profit agrees across languages; adjusted 1.64 and underlying 1.94 disagree
    flagged = quotes(analysis)
    assert not any(any("1.12 billion" in q for q in f) for f in flagged)
    assert any(any("1.64 billion" in q for q in f) and any("1.94 billion" in q for q in f) for f in flagged)
    assert any(any("16.4億元" in q for q in f) and any("1.94 billion" in q for q in f) for f in flagged)


def test_a_name_that_opens_its_sentence_owning_a_noun_is_a_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Varnholt's steel arm lifts results", "2025-05-08",
            "Varnholt's steel division powered a rebound at the German group. Group EBITDA came in at 2.3 billion "
            "euros in the first quarter.\n")
    article(tmp_path, "b.md", "Today's results", "2025-05-08",
            "Today's figures showed that EBITDA came in at 1.1 billion euros in the first quarter.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "2.3 billion euros")].holder.value.startswith("Varnholt@")
    assert not frames[("b.md", "1.1 billion euros")].holder.value


def test_a_latin_name_opening_chinese_prose_is_a_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Torvane第二季度营收增长", "2025-08-22", "Torvane的营收为31亿美元。\n")
    assert by_file(analyse([str(tmp_path)]))[("a.md", "31亿美元")].holder.value.startswith("Torvane@")


def test_a_hyphenated_name_is_also_called_by_its_last_half(tmp_path) -> None:
    article(tmp_path, "a.md", "Moller-Varnholt rebounds", "2025-05-08",
            "A.P. Moller-Varnholt said EBITDA rose to 2.71 billion dollars in the first quarter.\n")
    article(tmp_path, "b.md", "Varnholt rebounds", "2025-05-08",
            "The carrier Varnholt said EBITDA came in at 2.3 billion dollars in the first quarter.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "2.3 billion dollars")].holder.value.startswith("A.P. Moller-Varnholt@")
    assert ["2.3 billion dollars", "2.71 billion dollars"] in quotes(analysis)


def test_a_fiscal_quarter_with_its_end_date_is_that_calendar_quarter(tmp_path) -> None:
    # (发运 is shipping, as "shipped" is)
    article(tmp_path, "a.md", "Brightwater Ore shipments slip", "2025-04-25",
            "Brightwater Ore said it shipped 46.1 million tonnes of iron ore in the three months to March 31.\n")
    article(tmp_path, "b.md", "明水矿业（Brightwater Ore）季度发运量下降", "2025-04-25",
            "明水矿业（Brightwater Ore）24日发布2025财年第三季度（截至2025年3月31日）生产报告，该季度共发运铁矿石3950万吨。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "3950万吨")].period.value == "2025Q1"
    assert frames[("b.md", "3950万吨")].measure.value == "sales"
    assert ["3950万吨", "46.1 million tonnes"] in quotes(analysis)


def test_a_stock_in_a_period_is_the_stock_at_its_end(tmp_path) -> None:
    # (a first-half headline's capacity is the capacity at end-June; a stock the year "started with" is not)
    article(tmp_path, "a.md", "Corrin Data first-half revenue rises, capacity reaches 186 MW", "2025-08-13",
            "Corrin Data said revenue rose 20% in the first half.\n")
    article(tmp_path, "b.md", "Corrin Data capacity", "2025-08-14",
            "Corrin Data had 150 MW of capacity in operation at the end of June.\n")
    article(tmp_path, "c.md", "Corrin pension", "2025-08-14",
            "The Corrin Fund started the year with €65.1 billion under management and returned 2.4% in the first "
            "half. Its assets reached €68.4 billion at the end of June.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "186 MW")].period.value == "2025-06"
    assert ["150 MW", "186 MW"] in quotes(analysis)
    assert frames[("c.md", "€65.1 billion")].period.value != "2025-06"


def test_last_years_figure_a_change_is_from_is_a_past_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Ardenne wheat harvest slumps", "2024-09-05",
            "Ardenne's soft wheat harvest fell 26.3% from last year's 35.0 million tonnes, official estimates showed.\n")
    article(tmp_path, "b.md", "Ardenne harvest", "2024-09-05", "Ardenne harvested 25.8 million tonnes of soft wheat this year.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "35.0 million tonnes")].basis.value.startswith("past")
    assert not any("35.0 million tonnes" in q for f in quotes(analysis) for q in f)


def test_a_second_change_joined_by_and_is_of_the_first_ones_measure(tmp_path) -> None:
    # ("rose 6.1 percent from a month earlier and 27.5 percent from the same month last year": both of revenue,
    # the first on the month before; a present-tense cause in the lede, "as new ships join the global fleet",
    # sets no market; 〔記者…報導〕 is a dateline, 使用率 a utilisation)
    article(tmp_path, "a.md", "Haiyue Shipping November sales", "2025-12-08",
            "Taiwanese dry bulk carrier Haiyue Shipping reported strong sales, although analysts cautioned that "
            "rates may slip as new ships join the global fleet.\n\nHaiyue Shipping's November revenue rose 6.1 "
            "percent from a month earlier and 27.5 percent from the same month last year, the company said.\n")
    article(tmp_path, "b.md", "海岳航運11月營收年增", "2025-12-08",
            "〔記者王大明／台北報導〕海岳航運（Haiyue Shipping）今日公布11月營收年增23.1%，船隊使用率達96.5%。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    second = frames[("a.md", "27.5 percent")]
    assert second.measure.value == "revenue" and second.change
    assert frames[("a.md", "6.1 percent")].measure.value == "revenue on the previous period"
    assert frames[("b.md", "96.5%")].measure.value == "utilization"
    assert ["23.1%", "27.5 percent"] in quotes(analysis)


def test_a_sum_per_share_after_a_profit_is_the_profit_per_share(tmp_path) -> None:
    # ("Net profit came to NT$2.26 billion ($74 million), or NT$5.12 per share": earnings per share, past the
    # bracket that converts the profit; 每股纯益 says the same)
    article(tmp_path, "a.md", "Kaiyang Optics first-half profit rises", "2025-08-12",
            "Net profit for the January-June period came to NT$2.26 billion ($74 million), or NT$5.12 per share, "
            "Kaiyang Optics said.\n")
    article(tmp_path, "b.md", "凯扬光学上半年获利", "2025-08-13",
            "凱揚光學（Kaiyang Optics）公布上半年財報，稅後純益新台幣22.6億元，每股純益新台幣4.92元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "NT$5.12")].measure.value == "profit per share"
    assert frames[("a.md", "$74 million")].measure.value == "profit"  # (the bracket converts the profit)
    assert ["4.92元", "NT$5.12"] in quotes(analysis) or ["NT$5.12", "新台幣4.92元"] in quotes(analysis)
