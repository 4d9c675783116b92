"""Frames of a company's figures: its nationality, home city and currency are no market; states and
provinces are places of their own; a rival named beside it; fiscal years named by the year they end."""

from __future__ import annotations

from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, by_figure, quotes


def test_a_companys_nationality_or_home_is_no_market(tmp_path) -> None:
    article(tmp_path, "a.md", "Fjordlax harvest", "2025-02-06",
            "OSLO, Feb 6 – Norwegian salmon farmer Fjordlax harvested 410,000 tonnes in 2024, it said.\n")
    article(tmp_path, "b.md", "Fjordlax results", "2025-02-10",
            "Fjordlax, the Bergen-based group, harvested 350,000 tonnes in 2024.\n")
    article(tmp_path, "c.md", "挪威三文鱼", "2025-02-07",
            "挪威三文鱼养殖商峡湾鲑（Fjordlax）2024年收获量约41万吨。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "410,000 tonnes")].holder.value == "Fjordlax@"
    assert frames[("b.md", "350,000 tonnes")].holder.value == "Fjordlax@"
    assert frames[("c.md", "41万吨")].holder.value == "Fjordlax@"
    assert quotes(analysis) == [["350,000 tonnes", "410,000 tonnes", "41万吨"]]


def test_a_place_of_a_headline_is_a_companys_market_only_when_written_as_one(tmp_path) -> None:
    article(tmp_path, "a.md", "Orvelle Hotels profit jumps as European travellers return", "2025-03-01",
            "Orvelle Hotels said revenue rose to $2.1 billion in 2024.\n")
    article(tmp_path, "b.md", "Orvelle Hotels gains share of the Japan hotel market", "2025-03-01",
            "Orvelle Hotels held 12% of rooms sold in 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["$2.1 billion"].holder.value == "Orvelle@"  # no Europe: the travellers' nationality
    assert frames["12%"].holder.value == "Orvelle@Japan"


def test_a_currency_named_in_words_and_a_rival_beside_the_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferries", "2025-03-01",
            "Across the group, Bluewater Ferries, which reports in US dollars, booked revenue of $1.4 billion "
            "in 2024. Harbour Line Express, Bluewater's closest rival, carried 3.1 million passengers in 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["$1.4 billion"].holder.value.startswith("Bluewater")
    assert frames["3.1 million"].holder.value.startswith("Harbour Line")


def test_a_name_with_a_place_word_amid_it_is_the_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Freight", "2025-03-01",
            "Competition is rising. Meridian Asia Freight carried 1.2 million containers in 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["1.2 million"].holder.value.startswith("Meridian Asia")


def test_states_and_provinces_are_places_of_their_own_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Fires", "2024-10-03",
            "Wildfires burned 5.3 million hectares across Canada in 2024. Alberta was the hardest-hit "
            "province, with roughly 1.2 million hectares burned. British Columbia alone saw 1.1 million "
            "hectares burned in 2024.\n")
    article(tmp_path, "b.md", "山火", "2024-10-04", "2024年，艾伯塔省过火面积约90万公顷。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "5.3 million hectares")].holder.value == "@Canada"
    assert frames[("a.md", "1.2 million hectares")].holder.value == "@Alberta"
    assert frames[("a.md", "1.2 million hectares")].object.value is None  # the unit's word is no object
    assert frames[("a.md", "1.1 million hectares")].holder.value == "@British Columbia"  # not Britain
    assert frames[("b.md", "90万公顷")].holder.value == "@Alberta"
    assert quotes(analysis) == [["1.2 million hectares", "90万公顷"]]


def test_fiscal_years_are_named_by_the_year_they_end() -> None:
    def labels(text: str, year: int = 2025) -> list[str | None]:
        return [p.label(p.year if p.year is not None else year) for p in find_periods(text, 0, len(text), year)]

    assert labels("in fiscal 2025") == labels("the 2025 financial year") == labels("FY25") == ["2024/25"]
    assert labels("the year to June 30, 2025") == ["2024/25"]
    assert labels("截至2025年6月30日的财年") == labels("截至6月30日的2025财年") == ["2024/25"]
    assert labels("截至今年3月31日止年度") == ["2024/25"]
    assert labels("first-half turnover") == ["2025H1"]


def test_a_fiscal_quarter_with_its_months_and_the_full_year_of_a_fiscal_report(tmp_path) -> None:
    article(tmp_path, "a.md", "Kirin Tools", "2025-11-06",
            "Kirin Tools said new orders reached ¥486 billion in the July-September quarter.\n")
    article(tmp_path, "b.md", "麒麟工具", "2025-11-06",
            "麒麟工具（Kirin Tools）公布2025财年第二季度（7月至9月）业绩。该季度公司新接订单约3950亿日元。\n")
    article(tmp_path, "c.md", "Kirin Tools", "2025-08-21",
            "Kirin Tools posted revenue of ¥1.9 trillion in fiscal 2025.\n")
    article(tmp_path, "d.md", "麒麟工具", "2025-08-22",
            "截至2025年3月31日的2024/25财年，麒麟工具（Kirin Tools）全年实现营收约1.5万亿日元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("b.md", "3950亿日元")].period.value == frames[("a.md", "¥486 billion")].period.value == "2025Q3"
    assert frames[("d.md", "1.5万亿日元")].period.value == frames[("c.md", "¥1.9 trillion")].period.value == "2024/25"
    assert sorted(quotes(analysis)) == [["1.5万亿日元", "¥1.9 trillion"], ["3950亿日元", "¥486 billion"]]


def test_grid_load_in_taiwanese_kilowatts(tmp_path) -> None:
    article(tmp_path, "a.md", "電網", "2025-05-15", "呂宋電網14日尖峰負載約1,180萬瓩，創歷史新高。\n")
    frame = by_figure(analyse([str(tmp_path)]))["1,180萬瓩"]
    assert frame.measure.value == "demand" and frame.dimension == "power" and frame.object.value is None


def test_an_average_is_another_quantity_than_a_peak_or_a_total(tmp_path) -> None:
    article(tmp_path, "a.md", "Grid", "2025-05-15",
            "Electricity demand on the Arden grid hit a record 9,200 megawatts on Wednesday.\n")
    article(tmp_path, "b.md", "Grid", "2025-06-02",
            "Average demand on the Arden grid across May was about 7,600 MW. Demand peaked at 9,900 MW.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "7,600 MW")].measure.value == "demand average"
    assert quotes(analysis) == [["9,200 megawatts", "9,900 MW"]]


def test_holidays_and_an_opening_verb_name_no_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Toy makers race south as tariffs upend the Christmas supply chain", "2025-06-24",
            "Factories would be running flat out to fill Christmas orders.\n\n"
            "Take Brightmoor Toys. The group shipped 90 million units in the year to March, and its revenue "
            "was up on the HK$5.1 billion it reported the previous year.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["90 million"].holder.value.startswith("Brightmoor")
    assert frames["HK$5.1 billion"].period.value == "2024"  # the base of "up on", the previous year


def test_a_herd_is_counted_in_both_languages_and_months_between_two_months(tmp_path) -> None:
    article(tmp_path, "a.md", "Herd", "2025-09-04", "New Zealand's sheep flock stood at 23.2 million head at June 30.\n")
    article(tmp_path, "b.md", "羊群", "2025-09-05", "截至6月30日，新西兰绵羊存栏量约2000万头。\n")
    article(tmp_path, "c.md", "Doses", "2025-10-01",
            "Orvane Bio delivered 12 million doses between January and September.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "23.2 million")].measure.value == frames[("b.md", "2000万头")].measure.value == "population"
    assert frames[("c.md", "12 million")].period.value == "2025-01..2025-09"
    assert quotes(analysis) == [["2000万头", "23.2 million"]]


def test_hong_kong_profit_words(tmp_path) -> None:
    article(tmp_path, "a.md", "業績", "2025-06-25", "星河玩具公布全年業績，股東應佔溢利4.2億港元。\n")
    assert by_figure(analyse([str(tmp_path)]))["4.2億港元"].measure.value == "profit"


def test_money_raised_and_a_founding_year(tmp_path) -> None:
    article(tmp_path, "a.md", "Skyforge Launch", "2025-05-02",
            "Founded in 2016, Skyforge Launch employs 210 people and has raised £120 million from investors.\n")
    article(tmp_path, "b.md", "Launch", "2025-05-06",
            "Skyforge Launch flew its first rocket.\n\nThe Leeds company has raised £98 million since its founding.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    raised = frames[("a.md", "£120 million")]
    assert not raised.change and raised.period.value == "current"  # the money raised to date, not a rise in 2016
    assert frames[("b.md", "£98 million")].holder.value == "Skyforge Launch@"  # the company, not Leeds
    assert quotes(analysis) == [["£120 million", "£98 million"]]


def test_relative_years_joined_to_a_part_and_the_previous_fiscal_year() -> None:
    def labels(text: str, year: int = 2025) -> list[str | None]:
        return [p.label(p.year if p.year is not None else year) for p in find_periods(text, 0, len(text), year)
                if not p.base]

    assert labels("今年第二季度") == ["2025Q2"] and labels("去年上半年") == ["2024H1"]
    assert labels("this year's first half") == ["2025H1"]
    assert labels("截至今年3月底止财政年度") == ["2024/25"]


def test_a_bare_fiscal_quarter_is_the_quarter_its_report_leads_with(tmp_path) -> None:
    article(tmp_path, "a.md", "Orders", "2025-11-06",
            "Tessera Tools said orders rose in the July-September quarter.\n\n"
            "Operating profit for the fiscal second quarter was ¥91.4 billion.\n")
    article(tmp_path, "b.md", "Profit", "2025-11-07",
            "Tessera Tools said operating profit for the three months to September reached ¥78.2 billion.\n")
    article(tmp_path, "c.md", "入住率", "2025-06-01", "集团旗下酒店平均入住率达87.4%，上年度为81.2%。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "¥91.4 billion")].period.value == "2025Q3"
    assert ["¥78.2 billion", "¥91.4 billion"] in quotes(analysis)
    assert frames[("c.md", "81.2%")].period.value == "2024"  # the year before, not the article's


def test_international_traffic_is_a_part_of_it_not_the_world(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferries", "2025-02-01", "Isle Line's passenger numbers reached 3.42 million in 2024.\n")
    article(tmp_path, "b.md", "Ferries", "2025-02-03",
            "At Isle Line, international passenger numbers reached 1.1 million in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("b.md", "1.1 million")].holder.value == "Isle Line@"  # no "World"


def test_the_subject_before_a_possessive_apposition_holds_the_figure_and_a_cause_sets_no_market(tmp_path) -> None:
    # ("Korvin Chemical, Europe's largest maker of the resin PVB, said": Korvin's profit, not PVB's; "fresh
    # capacity in Asia" is a cause, no market of the article's figures)
    article(tmp_path, "a.md", "Korvin Chemical profit falls", "2025-10-28",
            "FRANKFURT, Oct 28 (AMW) - Korvin Chemical, Europe's largest maker of the resin PVB, said on Tuesday "
            "its third-quarter net profit fell 11.2% from a year earlier, as weak car sales and fresh capacity in "
            "Asia weighed on prices.\n\nKorvin sold 212,000 tonnes of resin in the quarter.\n")
    article(tmp_path, "b.md", "科尔文化工第三季度净利润下降", "2025-10-29",
            "科尔文化工（Korvin Chemical）公布，公司第三季度实现归属于上市公司股东的净利润同比下降14.8%。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    english = frames[("a.md", "11.2%")]
    assert english.holder.value == "Korvin@"
    assert frames[("b.md", "14.8%")].holder.value == "Korvin@"
    assert frames[("a.md", "212,000 tonnes")].holder.value == "Korvin@"
    assert ["11.2%", "14.8%"] in quotes(analysis)


def test_a_name_declared_before_a_bracket_stops_at_a_line_and_a_long_subject_sets_the_measure(tmp_path) -> None:
    # ("By Staff writer, with CNA\n\nDelin Auto Parts (德霖汽車零件)": the name is the line's, not the byline's;
    # "Shipments of lamps, the company's fastest-growing line, reached 4.2 million": the subject's measure;
    # "as U.S. repair demand holds up": a cause, no market)
    article(tmp_path, "a.md", "Taiwan's Marlin Auto Parts posts higher profit as U.S. repair demand holds up", "2025-08-12",
            "Marlin Auto Parts Co reported a rise in first-half profit on Tuesday.\n\nShipments of lamp assemblies, "
            "the company's fastest-growing line, reached 3.9 million units in the half.\n")
    article(tmp_path, "b.md", "Marlin's margin hits record", "2025-08-13",
            "By Staff writer, with CNA\n\nMarlin Auto Parts (馬林汽車零件) said Marlin shipped 3.4 million lamp "
            "assemblies in the first half.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    english = frames[("a.md", "3.9 million")]
    assert english.measure.value == "sales" and english.holder.value == "Marlin Auto Parts@"
    assert frames[("b.md", "3.4 million")].holder.value == "Marlin Auto Parts@"
    assert ["3.4 million", "3.9 million"] in quotes(analysis)
