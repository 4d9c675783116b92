"""Measures and periods in general vocabulary: a fund's assets and what it pays out, "the financial year"
(no investment), what people eat, an aside that names a part, passengers carried, 上一年度 and
截至…的12个月."""

from __future__ import annotations

from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, by_figure, quotes


def test_a_funds_assets_and_payouts_in_two_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Teachers' pension fund", "2025-08-14",
            "OSLO, Aug 14 – The Nordlys teachers' pension fund had €41.3 billion of assets under management at "
            "June 30. The fund paid out €1.2 billion in pensions in 2024.\n")
    article(tmp_path, "b.md", "Pensions", "2025-08-20",
            "Nordlys paid €1.5 billion in benefits in 2024 and held €40.9 billion in assets at June 30.\n")
    article(tmp_path, "c.md", "养老基金", "2025-08-15",
            "挪威教师养老基金Nordlys公布，截至6月30日，该基金管理的资产约350亿欧元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["€41.3 billion"].measure.value == frames["350亿欧元"].measure.value == "assets"
    assert frames["€1.2 billion"].measure.value == frames["€1.5 billion"].measure.value == "payouts"
    found = quotes(analysis)
    assert ["€1.2 billion", "€1.5 billion"] in found
    assert any("350亿欧元" in group and "€41.3 billion" in group for group in found)


def test_the_financial_year_is_no_investment(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferry losses", "2025-09-04",
            "Bayline Ferries posted an operating loss of HK$138 million in the financial year ended March 31, "
            "2025. It won HK$50 million in financing from the government.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["HK$138 million"].measure.value == "profit"
    assert frames["HK$50 million"].measure.value == "investment"


def test_what_people_eat_is_consumed(tmp_path) -> None:
    article(tmp_path, "a.md", "Rice", "2025-03-01",
            "The average Japanese resident eats 51 kg of rice a year, down from 118 kg in 1962.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["51 kg of rice a year"].measure.value.startswith("consumption")


def test_an_aside_naming_a_part_is_not_the_figures_measure(tmp_path) -> None:
    article(tmp_path, "a.md", "Harvest", "2025-08-21",
            "Total harvest, including logs processed by domestic sawmills, reached 36.1 million cubic metres "
            "in 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["36.1 million cubic metres"].measure.value == "production"


def test_passengers_carried_are_counted_as_passengers_are(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferry", "2025-03-01",
            "Bayline Ferries carried 21.6 million passengers in 2024, the company said.\n")
    article(tmp_path, "b.md", "渡轮", "2025-03-02", "Bayline Ferries去年载客约1,780万人次。\n")
    article(tmp_path, "c.md", "Port", "2025-03-02", "The port's barges carried 3.4 million tonnes of grain in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "21.6 million")].measure.value == frames[("b.md", "1,780万人")].measure.value == "visitors"
    assert frames[("c.md", "3.4 million tonnes")].measure.value == "throughput"
    assert ["1,780万人", "21.6 million"] in quotes(analysis)


def test_the_year_before_and_the_twelve_months_to_a_month_in_chinese() -> None:
    text = "在截至2025年6月的12个月中，原木出口量约1650万立方米，上一年度为2070万立方米。"
    periods = find_periods(text, 0, len(text), 2025)
    assert [(p.kind, p.year) for p in periods] == [("season", 2024), ("year", 2024)]
    assert periods[1].base  # the year before's figure, no period of the sentence's own


def test_the_level_a_rise_reached_is_no_change(tmp_path) -> None:
    article(tmp_path, "a.md", "Scooters", "2025-08-12",
            "Velomoto reported a 9.4% rise in first-half revenue to NT$12.6 billion, and profit rose by NT$0.3 "
            "billion.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["9.4%"].change
    assert not frames["NT$12.6 billion"].change
    assert frames["NT$0.3 billion"].change


def test_hong_kong_months_and_that_period() -> None:
    text = "今年首九個月全港私人住宅動工量約8,200個單位，首三季錄得按年下跌。"
    assert [(p.kind, p.part) for p in find_periods(text, 0, len(text), 2025)] == [("months", "1..9"), ("months", "1..9")]
    text = "Exports rose in the twelve months to June. Owners cut 29 million cubic metres in that period, up from 25 million in the same period a year earlier."
    kinds = [(p.kind, p.words) for p in find_periods(text, 0, len(text), 2025)]
    assert ("anaphor", "in that period") in kinds
    assert not any(words.startswith("in the same period") for kind, words in kinds if kind == "anaphor")


def test_so_far_this_year_is_january_to_the_month_before_the_article() -> None:
    for text in ("The maker has delivered 18.4 million doses so far this year.", "今年以来累计交付约1500万剂。"):
        periods = find_periods(text, 0, len(text), 2025, 10)
        assert [(p.kind, p.year, p.part) for p in periods] == [("months", 2025, "1..9")]
    text = "Sales so far this year rose."
    # (in January no month has been counted yet: only "this year" is read)
    assert [p.kind for p in find_periods(text, 0, len(text), 2025, 1)] == ["year"]


def test_a_year_to_date_figure_meets_the_months_another_article_names(tmp_path) -> None:
    article(tmp_path, "a.md", "Vaccine shipments", "2025-10-08",
            "Serumtek Biologics has delivered 18.4 million doses of its malaria vaccine so far this year.\n")
    article(tmp_path, "b.md", "疫苗", "2025-10-10", "Serumtek Biologics今年1-9月累计交付疟疾疫苗约1500万剂。\n")
    article(tmp_path, "c.md", "Vaccine", "2025-10-12", "Serumtek Biologics delivered 24 million doses in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert by_figure(analysis)["18.4 million"].period.value == "2025-01..2025-09"
    assert quotes(analysis) == [["1500万", "18.4 million"]]


def test_the_same_period_a_year_before_and_a_global_view(tmp_path) -> None:
    article(tmp_path, "a.md", "小米印度出货量下滑", "2025-08-01",
            "今年第二季度，小米在印度的智能手机出货量约530万部，上年同期为680万部。\n\n"
            "从全球看，小米第二季度智能手机出货量为4240万部。\n")
    article(tmp_path, "b.md", "Xiaomi in India", "2025-08-02",
            "Xiaomi shipped 6.4 million smartphones in India in the second quarter.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["680万部"].period.value == "2024Q2"
    assert frames["4240万部"].holder.value == "Xiaomi@World"
    assert quotes(analysis) == [["530万部", "6.4 million"]]


def test_a_range_that_names_a_segment_is_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Phones", "2025-08-01",
            "The Redmi A5 is priced at Rs 6,499, but the brand struggles in the 15,000-30,000 rupee bracket.\n")
    article(tmp_path, "b.md", "手机", "2025-08-02", "Redmi A5售价6499卢比，但在1.5万至3万卢比的中端价位段竞争激烈。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["15,000-30,000 rupee"].measure.value is None
    assert frames["1.5万至3万卢比"].measure.value is None
    assert analysis.findings == []


def test_a_sentence_set_a_year_earlier_states_a_past_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Jeweller", "2025-11-20",
            "Sunmark Jewellery reported revenue of HK$41.3 billion for the six months to September. A year "
            "earlier, the company had reported revenue of HK$39.5 billion for the same half.\n")
    article(tmp_path, "b.md", "Jeweller", "2025-11-21",
            "Sunmark Jewellery's revenue was HK$34.8 billion in the six months to September.\n")
    analysis = analyse([str(tmp_path)])
    assert by_figure(analysis)["HK$39.5 billion"].basis.value.startswith("past")
    assert quotes(analysis) == [["HK$34.8 billion", "HK$41.3 billion"]]


def test_a_net_loss_is_profit_and_a_compound_counts_its_last_word(tmp_path) -> None:
    article(tmp_path, "a.md", "Solar maker narrows loss", "2025-08-29",
            "Sunward Solar shipped 38.6 gigawatts of solar modules in the first half of 2025. The company posted "
            "a net loss of 2.57 billion yuan for January-June.\n")
    article(tmp_path, "b.md", "光伏", "2025-08-30",
            "Sunward Solar发布半年报。今年上半年公司光伏组件出货约32GW，净亏损30.5亿元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "2.57 billion yuan")].measure.value == "profit"
    assert frames[("a.md", "38.6 gigawatts")].object.value == frames[("b.md", "32GW")].object.value == "=modules"
    assert frames[("b.md", "32GW")].holder.value == frames[("a.md", "38.6 gigawatts")].holder.value == "Sunward@"  # 公司 after a time word
    assert sorted(quotes(analysis)) == [["2.57 billion yuan", "30.5亿元"], ["32GW", "38.6 gigawatts"]]


def test_six_months_to_a_date_its_pronoun_and_the_worlds_biggest(tmp_path) -> None:
    text = "公布截至2025年9月30日止六個月的中期業績，期內營業額約348億港元。"
    assert [(p.kind, p.year, p.part) for p in find_periods(text, 0, len(text), 2025)] == [("months", 2025, "4..9")]
    article(tmp_path, "a.md", "Soy", "2025-10-13",
            "Brazil shipped 9.6 million tonnes in September, according to the trade secretariat, Secex. China's "
            "appetite has not faded. Its imports reached 12.28 million tonnes in August, and the world's biggest "
            "buyer took in 86.18 million tonnes in the first nine months.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["12.28 million tonnes"].holder.value == "@China"  # the country the sentence before is about
    assert frames["86.18 million tonnes"].holder.value != "@World"  # "the world's biggest buyer" is China


def test_its_first_year_is_a_period_of_its_own(tmp_path) -> None:
    article(tmp_path, "a.md", "Museum's first year", "2025-08-05",
            "The Harbourfront Science Museum welcomed 1.86 million visitors in its first 12 months, its operator "
            "said. The museum, built for HK$4.7 billion, opened in July 2024.\n")
    article(tmp_path, "b.md", "科學館", "2025-08-06", "海濱科學館開館首年累計入場約155萬人次。\n")
    article(tmp_path, "c.md", "Museums", "2025-08-07",
            "Across the city, museums drew 9.6 million visitors in the first six months of 2025.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["1.86 million"].period.value == frames["155萬人"].period.value == "its first 12 months"
    assert frames["9.6 million"].period.value == "2025H1"  # the calendar's first six months
    assert frames["HK$4.7 billion"].measure.value == "cost"


def test_units_of_electricity_and_the_year_that_ended_on_a_date(tmp_path) -> None:
    article(tmp_path, "a.md", "Nuclear output", "2025-07-16",
            "Pakistan's reactors generated a record 24.3 billion units of electricity in the fiscal year that "
            "ended on June 30. The plant has 1,200 units of housing for staff.\n")
    article(tmp_path, "b.md", "Nuclear", "2025-07-20",
            "Pakistan's nuclear fleet generated 20.6 billion kilowatt-hours in the 2024-25 fiscal year.\n")
    analysis = analyse([str(tmp_path)])
    claims = {p.claim.text: p for p in analysis.placed}
    assert claims["24.3 billion"].claim.unit == "kWh" and claims["24.3 billion"].frame.period.value == "2024/25"
    assert claims["1,200"].claim.unit == "count"  # units of housing are counted
    assert quotes(analysis) == [["20.6 billion kilowatt-hours", "24.3 billion"]]


def test_passengers_handled_are_counted_as_passengers(tmp_path) -> None:
    article(tmp_path, "a.md", "Airport", "2025-01-21", "Lakeside Airport handled 46.8 million passengers in 2024.\n")
    article(tmp_path, "b.md", "机场", "2025-01-22", "湖畔机场（Lakeside Airport）公布，2024年全年旅客吞吐量约5400万人次。\n")
    analysis = analyse([str(tmp_path)])
    assert by_figure(analysis)["46.8 million"].measure.value == "visitors"
    assert quotes(analysis) == [["46.8 million", "5400万人"]]


def test_a_pronoun_names_nothing_counted(tmp_path) -> None:
    article(tmp_path, "a.md", "Broadband", "2024-11-14",
            "The group ended September with 4.86 million broadband subscribers, and 1.92 million of them were on "
            "full-fibre connections.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert "them" not in (frames["1.92 million"].object.value or "")


def test_a_cue_that_looks_past_its_words_is_read_where_they_stand(tmp_path) -> None:
    # ("backlog" is people waiting, a count, and also orders where a sum follows it: the second reading is
    # tried in the sentence, not on the bare word)
    article(tmp_path, "a.md", "Kestrel Turbines results", "2025-02-10",
            "Kestrel Turbines posted revenue of €9.1 billion in 2024. Its backlog worth €21.4 billion gives the "
            "group visibility.\n\nThe court's backlog stood at 12,300 in June.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["€21.4 billion"].measure.value == "orders"
    assert frames["12,300"].measure.value == "backlog"


def test_a_rate_for_a_group_is_of_that_group_and_a_where_clause_names_no_item(tmp_path) -> None:
    # ("the unemployment rate for young people": the young's rate, not the whole's; ", where traffic signals
    # at 1,850 intersections": no list of items)
    article(tmp_path, "a.md", "Jobless rate", "2025-06-17",
            "Vestland's unemployment rate for young people aged 16 to 24 fell to 13.2 per cent in May.\n")
    article(tmp_path, "b.md", "Jobs data", "2025-06-17",
            "Vestland's urban unemployment rate was 4.9 per cent in May.\n\nThe outage reached Harlow, where traffic "
            "signals at 1,850 intersections failed.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "13.2 per cent")].period.value == "2025-05"
    assert frames[("a.md", "13.2 per cent")].object.value == "young"
    assert "where" not in (frames[("b.md", "1,850")].object.value or "")
    assert not any("13.2 per cent" in q for q in quotes(analysis))


def test_a_vacancy_rate_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbour City office market", "2025-10-24",
            "Harbour City's office vacancy rate rose to 14.2% at the end of September.\n")
    article(tmp_path, "b.md", "港城写字楼空置率上升", "2025-10-25",
            "截至9月底，港城（Harbour City）写字楼空置率升至12.4%。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "14.2%")].measure.value == frames[("b.md", "12.4%")].measure.value == "vacancy"
    assert ["12.4%", "14.2%"] in quotes(analysis)


def test_a_water_level_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Lake Dunmore drought", "2025-09-15",
            "The water level at Lake Dunmore's Carrow gauge fell to 6.42 metres on Sunday.\n")
    article(tmp_path, "b.md", "邓莫尔湖水位创新低", "2025-09-15",
            "邓莫尔湖（Lake Dunmore）卡罗站水位周日降至5.98米。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "6.42 metres")].measure.value == frames[("b.md", "5.98米")].measure.value == "water_level"
