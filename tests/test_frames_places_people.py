"""Frames on words that look like holders and are not (a currency's country, a person, a product's
abbreviation), cities as places in both languages, names declared in a bracket of several parts, units per
an area or a volume, and the period a forecast names without its year."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, by_figure, quotes


def test_a_currency_prefix_names_no_place(tmp_path) -> None:
    article(tmp_path, "a.md", "Corvane results", "2024-07-26",
            "Corvane Systems reported second-quarter revenue of US$2.55 billion on Thursday.\n")
    frame = by_figure(analyse([str(tmp_path)]))["US$2.55 billion"]
    assert frame.holder.value == "Corvane Systems@"


def test_a_bracket_of_a_name_and_a_ticker_declares_the_name(tmp_path) -> None:
    article(tmp_path, "a.md", "法说会", "2024-07-26",
            "芯片大厂北辰存储（Polaris Memory，股票代号7788）25日公布财报，第二季营收为28.4亿美元。\n")
    article(tmp_path, "b.md", "Polaris Memory", "2024-07-26",
            "Polaris Memory reported second-quarter revenue of $2.55 billion.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "28.4亿美元")].holder.value.startswith("Polaris Memory@")
    assert quotes(analysis) == [["$2.55 billion", "28.4亿美元"]]
    # a list of two countries in a bracket declares nothing
    article(tmp_path, "c.md", "出口", "2024-07-26", "该国对日本（Japan, Korea）的出口为12亿美元。\n")
    assert by_file(analyse([str(tmp_path)]))[("c.md", "12亿美元")].holder.value != "Korea@"


def test_a_person_is_no_company_the_text_refers_back_to(tmp_path) -> None:
    article(tmp_path, "a.md", "Corvane outlook", "2024-07-26",
            "Corvane Systems raised its outlook.\n\n"
            "\"Demand is strong,\" chief executive Lena Varga told analysts. The company expects margin of 41%.\n")
    frame = by_figure(analyse([str(tmp_path)]))["41%"]
    assert frame.holder.value.startswith("Corvane Systems@")


def test_a_products_abbreviation_is_no_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "Chips", "2024-07-26",
            "Average DRAM contract prices rose 15% in the second quarter, while LNG imports fell 3%.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert not frames["15%"].holder.value and frames["15%"].object.value == "=memory chips"
    assert not frames["3%"].holder.value


def test_a_forecast_quarter_without_its_year_is_the_coming_one(tmp_path) -> None:
    article(tmp_path, "a.md", "Outlook", "2024-07-26",
            "Corvane Systems expects third-quarter gross margin of 41% to 43%. "
            "Its third-quarter margin was 30%.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["41% to 43%"].period.value == "2024Q3"
    assert frames["30%"].period.value == "2023Q3"  # an actual quarter not yet come is last year's


def test_cities_are_places_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Air", "2024-09-12",
            "Guangzhou's average concentration of PM2.5 was 31 micrograms per cubic metre in January-August.\n")
    article(tmp_path, "b.md", "空气", "2024-09-13", "1-8月，广州市PM2.5平均浓度为35微克/立方米。\n")
    article(tmp_path, "c.md", "Cars", "2024-09-13",
            "Guangzhou had 3.1 million registered vehicles at the end of June. "
            "Shenzhen Inovance posted revenue of 3 billion yuan in 2023.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "31 micrograms per cubic metre")].holder.value == "@Guangzhou"
    assert frames[("b.md", "35微克/立方米")].holder.value == "@Guangzhou"
    assert frames[("c.md", "3.1 million")].holder.value == "@Guangzhou"  # a city may open its sentence
    assert frames[("c.md", "3 billion yuan")].holder.value.startswith("Shenzhen Inovance")  # a company's name
    assert quotes(analysis) == [["31 micrograms per cubic metre", "35微克/立方米"]]


def test_a_yield_per_area_compares_across_units(tmp_path) -> None:
    article(tmp_path, "a.md", "Rice", "2024-08-15",
            "Thailand's average rice yield slipped to 4.50 tonnes per hectare in 2024.\n")
    article(tmp_path, "b.md", "稻米", "2024-08-16", "2024年泰国水稻亩产约300公斤。\n")  # 4.5 t/ha = 300 kg per 亩
    article(tmp_path, "c.md", "稻米", "2024-08-16", "2024年泰国水稻亩产约360公斤。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "4.50 tonnes per hectare")].dimension == "mass per area"
    assert frames[("b.md", "300公斤")].measure.value == "yield"
    assert quotes(analysis) == [["300公斤", "360公斤", "4.50 tonnes per hectare"]]


def test_a_headline_of_two_statements_sets_the_place_of_its_first_only(tmp_path) -> None:
    article(tmp_path, "a.md", "楼市回暖 九龙楼价跌幅较深", "2025-01-10",
            "屋宇署数据显示，2024年全港私人住宅动工量为1.15万个单位。\n")
    frame = by_figure(analyse([str(tmp_path)]))["1.15万个"]
    assert frame.holder.value == "@Hong Kong"


def test_the_company_whose_data_a_chinese_text_cites(tmp_path) -> None:
    article(tmp_path, "a.md", "北辰存储毛利率升至33.2%", "2024-07-26",
            "北辰存储（Polaris Memory）25日公布财报。\n\n根据公司公布的资料，第二季毛利率为33.2%。\n")
    assert by_figure(analyse([str(tmp_path)]))["33.2%"].holder.value.startswith("Polaris Memory@")
