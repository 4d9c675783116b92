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
    assert frame.holder.value == "Corvane@"  # ("Systems" names its trade)


def test_a_bracket_of_a_name_and_a_ticker_declares_the_name(tmp_path) -> None:
    article(tmp_path, "a.md", "法说会", "2024-07-26",
            "芯片大厂北辰存储（Polaris Memory，股票代号7788）25日公布财报，第二季营收为28.4亿美元。\n")
    article(tmp_path, "b.md", "Polaris Memory", "2024-07-26",
            "Polaris Memory reported second-quarter revenue of $2.55 billion.\n")
    analysis = analyse([str(tmp_path)])
    assert by_file(analysis)[("a.md", "28.4亿美元")].holder.value.startswith("Polaris@")
    assert quotes(analysis) == [["$2.55 billion", "28.4亿美元"]]
    # a list of two countries in a bracket declares nothing
    article(tmp_path, "c.md", "出口", "2024-07-26", "该国对日本（Japan, Korea）的出口为12亿美元。\n")
    assert by_file(analyse([str(tmp_path)]))[("c.md", "12亿美元")].holder.value != "Korea@"


def test_a_person_is_no_company_the_text_refers_back_to(tmp_path) -> None:
    article(tmp_path, "a.md", "Corvane outlook", "2024-07-26",
            "Corvane Systems raised its outlook.\n\n"
            "\"Demand is strong,\" chief executive Lena Varga told analysts. The company expects margin of 41%.\n")
    frame = by_figure(analyse([str(tmp_path)]))["41%"]
    assert frame.holder.value.startswith("Corvane@")


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
    assert by_figure(analyse([str(tmp_path)]))["33.2%"].holder.value.startswith("Polaris@")


def test_first_months_and_a_fiscal_year_without_its_year(tmp_path) -> None:
    article(tmp_path, "a.md", "Insurer", "2024-10-25",
            "Pelican Assurance said its premiums in the first nine months of the year totaled NT$86.5 billion.\n\n"
            "Its operating profit rose to ¥98.4 billion in the fiscal year ended March 31.\n")
    article(tmp_path, "b.md", "保险", "2024-10-26", "2024年前三季度，该公司保费收入为742亿新台币。\n\n"
            "在截至2024年3月的上一财年，公司营业利润约862亿日元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "NT$86.5 billion")].period.value == frames[("b.md", "742亿新台币")].period.value == "2024-01..2024-09"
    assert frames[("a.md", "¥98.4 billion")].period.value == frames[("b.md", "862亿日元")].period.value == "2023/24"
    assert "nine months" not in {p.claim.text for p in analysis.placed}  # a period, not a duration


def test_containers_and_yields_in_centners_are_units(tmp_path) -> None:
    article(tmp_path, "a.md", "Port", "2024-08-01",
            "The port handled 6.42 million twenty-foot equivalent units (TEUs) in the first half of 2024.\n")
    article(tmp_path, "b.md", "港口", "2024-08-02", "2024年上半年，该港集装箱吞吐量约572万标准箱。\n")
    article(tmp_path, "c.md", "Wheat", "2024-10-01", "Kazakhstan's wheat yield was 14.8 centners per hectare in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    port = frames[("a.md", "6.42 million twenty-foot equivalent units")]
    assert port.dimension == "containers" and port.measure.value == "throughput" and not (port.holder.value or "").startswith("TEU")
    assert frames[("c.md", "14.8 centners per hectare")].dimension == "mass per area"
    assert quotes(analysis) == [["572万标准箱", "6.42 million twenty-foot equivalent units"]]


def test_the_company_a_headline_country_possesses_and_a_described_company_said(tmp_path) -> None:
    article(tmp_path, "a.md", "Japan's Kirabi Games posts record profit", "2024-05-09",
            "Kirabi Games Co, the Japanese publisher, reported results.\n\n"
            "Operating profit rose to ¥98.4 billion in 2023, the Osaka-based company said.\n")
    frame = by_figure(analyse([str(tmp_path)]))["¥98.4 billion"]
    assert frame.holder.value == "Kirabi@"  # the company's country is no market of its figures


def test_a_parent_named_in_apposition_and_a_public_body_hold_no_figure(tmp_path) -> None:
    article(tmp_path, "a.md", "Results", "2024-10-25",
            "Pelican Life Insurance Co., a unit of Pelican Financial Holding Co., reported net income of "
            "NT$23.1 billion for 2024.\n\n"
            "China's National Energy Administration (NEA) said 277 GW of solar capacity was added in 2024. "
            "The NEA said 35 GW of wind capacity was added in 2024.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["NT$23.1 billion"].holder.value == "Pelican Life@"
    assert frames["277 GW"].holder.value == "@China"
    assert not (frames["35 GW"].holder.value or "").startswith("NEA")  # under its short name too


def test_a_title_case_headline_leaves_its_verb_out_of_a_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Pelican Life Profit Rises on Stock Gains", "2024-10-25",
            "Pelican Life posted profit of NT$23.1 billion in 2024.\n")
    article(tmp_path, "b.md", "Nordby Shipping lifts outlook", "2024-10-25",
            "Nordby Shipping said its revenue rose to $4.8 billion in 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("b.md", "$4.8 billion")].holder.value == "Nordby@"  # "Shipping" is its trade, no headline word
    assert frames[("a.md", "NT$23.1 billion")].holder.value == "Pelican Life@"


def test_a_code_with_a_figure_keeps_a_kind_apart(tmp_path) -> None:
    article(tmp_path, "a.md", "电信", "2024-07-19", "截至6月末，移动电话用户总数达17.7亿户，其中5G移动电话用户达9.27亿户。\n")
    article(tmp_path, "b.md", "电信", "2024-07-20", "截至6月末，5G移动电话用户达9.3亿户。\n")
    assert quotes(analyse([str(tmp_path)])) == []  # 9.27亿 and 9.3亿 agree; 17.7亿 counts all mobile users


def test_a_title_case_headline_names_nothing_by_its_capitals(tmp_path) -> None:
    article(tmp_path, "a.md", "Peru's Anchovy Season Beats Forecasts as Demand Grows", "2024-08-01",
            "Fishing boats landed 2.43 million tonnes of anchovy in the first season of 2024.\n")
    frame = by_figure(analyse([str(tmp_path)]))["2.43 million tonnes"]
    assert frame.holder.value == "@Peru"  # "Anchovy Season Beats Forecasts" is no company


def test_a_stock_as_of_a_date_and_a_base_at_a_census(tmp_path) -> None:
    article(tmp_path, "a.md", "Game sales", "2024-05-09",
            "The game, released in September, has sold 8.6 million copies worldwide as of March 31.\n")
    article(tmp_path, "b.md", "Population", "2024-12-18",
            "Chile's population reached 20.1 million as of April 1, 2024, up from 19.5 million at the 2019 census. "
            "Births totalled 180,000.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["8.6 million"].period.value == "2024-03"
    assert frames["180,000"].period.value != "2019"  # the census year is the base's, not the article's


def test_months_ending_with_a_month_and_the_months_named_before(tmp_path) -> None:
    article(tmp_path, "a.md", "Coffee", "2024-11-12",
            "China's Tallow Coffee lifts revenue.\n\n"
            "Tallow opened a net 1,120 stores and its revenue rose to 4.05 billion yuan in the three months "
            "through September.\n\n"
            "Pelican Life's premiums in the first nine months totaled NT$86.5 billion. "
            "Its profit for the nine months was NT$28.7 billion.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["4.05 billion yuan"].period.value == "2024Q3"
    assert frames["NT$28.7 billion"].period.value == "2024-01..2024-09"
    assert frames["1,120"].holder.value == "Tallow@"  # the short form of a name the headline writes in full
    assert frames["1,120"].measure.value == "installations"


def test_yuan_in_a_taipei_paper_is_the_taiwan_dollar(tmp_path) -> None:
    article(tmp_path, "a.md", "壽險", "2024-10-25",
            "臺灣的壽險業者昨日舉行法說會，公布今年前三季營運成果。據公司統計，1-9月初年度保費收入約742億元。\n")
    article(tmp_path, "b.md", "电影", "2024-09-09", "该片在内地票房约9.8亿元。\n")
    claims = {p.claim.text: p.claim.unit for p in analyse([str(tmp_path)]).placed}
    assert claims["742億元"] == "TWD" and claims["9.8亿元"] == "CNY"


def test_yuan_reads_the_currency_its_whole_article_names(tmp_path) -> None:
    # 新台幣 in the lede, bare 元 after other figures: the Taiwan dollar, though the words since the last
    # figure name no place (the scanned text writes 新台幣 as 新台币)
    article(tmp_path, "a.md", "營收", "2025-08-13",
            "自行車廠公布上半年財報，營收約新台幣265億元，去年同期為新台幣282億元；稅後純益19.5億元。"
            "上半年出貨142萬輛，平均售價為2.24萬元。\n")
    article(tmp_path, "b.md", "港股", "2025-06-25",
            "玩具廠公布全年業績，收入約69.8億港元。董事會表示對來年業務發展有信心，"
            "集團在越南的新廠房投資約4億元，將於兩年內完成。\n")
    claims = {p.claim.text: p.claim.unit for p in analyse([str(tmp_path)]).placed}
    assert claims["19.5億元"] == claims["2.24萬元"] == "TWD"
    assert claims["4億元"] == "HKD"


def test_a_catch_is_an_output(tmp_path) -> None:
    article(tmp_path, "a.md", "Anchovy", "2024-08-01", "Peru's fleet landed 2.43 million tonnes of anchovy in 2024.\n")
    article(tmp_path, "b.md", "鳀鱼", "2024-08-02", "2024年秘鲁共捕捞鳀鱼约215万吨，此前确定的捕捞配额为247.5万吨。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "2.43 million tonnes")].measure.value == frames[("b.md", "215万吨")].measure.value == "production"
    assert quotes(analysis) == [["2.43 million tonnes", "215万吨"]]


def test_a_company_figure_no_one_is_named_for_is_the_storys_company(tmp_path) -> None:
    article(tmp_path, "a.md", "Tallow Coffee lifts revenue", "2024-11-12",
            "Franchised outlets numbered 8,150, the company said. Sales rose to 4.05 billion yuan in the third quarter.\n\n"
            "The parent group's revenue was 9 billion yuan in the third quarter.\n")
    article(tmp_path, "b.md", "Tallow Coffee", "2024-11-12", "Tallow Coffee reported revenue of 4.62 billion yuan for the third quarter.\n")
    article(tmp_path, "c.md", "岚溪咖啡（Tallow Coffee）三季度营收", "2024-11-12", "三季度，咖啡业务营收为30亿元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "4.05 billion yuan")].holder.value == "Tallow@"
    assert frames[("a.md", "9 billion yuan")].holder.value != "Tallow@"  # a parent is another company
    # a business of the company is not the whole of it
    assert quotes(analysis) == [["4.05 billion yuan", "4.62 billion yuan"]]


def test_a_dateline_an_epithet_and_a_title_case_possessive_set_no_market(tmp_path) -> None:
    article(tmp_path, "a.md", "Taiwan's Kestrel Bank Posts Higher First-Half Profit as Lending Grows", "2025-08-22",
            "TAIPEI, Aug 22 (Reuters) - Kestrel Commercial Bank, Taiwan's fifth-largest lender, said its first-half "
            "net profit rose 11% to NT$18.6 billion.\n")
    frame = by_figure(analyse([str(tmp_path)]))["NT$18.6 billion"]
    assert frame.holder.value == "Kestrel Commercial@"


def test_edged_up_to_is_no_upper_bound(tmp_path) -> None:
    article(tmp_path, "a.md", "Loans", "2025-08-23",
            "Kestrel Commercial Bank's ratio of non-performing loans edged up to 0.26% at the end of June. "
            "Fees may reach up to 2%.\n")
    claims = {p.claim.text: p.claim.qualifier for p in analyse([str(tmp_path)]).placed}
    assert claims["0.26%"] == "exact" and claims["2%"] == "at_most"


def test_figures_far_apart_are_two_quantities_unless_a_scale_word_slipped(tmp_path) -> None:
    article(tmp_path, "a.md", "Copper", "2024-05-01", "World copper consumption was 27.3 million tonnes in 2024.\n")
    article(tmp_path, "b.md", "Copper", "2024-05-02", "World copper consumption was about 83 kg in 2024, per person.\n")
    article(tmp_path, "c.md", "钢铁", "2024-07-01", "6月份中国钢材出口8.74亿吨。\n")
    article(tmp_path, "d.md", "Steel", "2024-07-02", "China's steel exports were 8.74 million tonnes in June 2024.\n")
    article(tmp_path, "e.md", "Stats", "2024-05-03", "Only 56.8% of those on the list had waited less than 18 weeks.\n")
    article(tmp_path, "f.md", "Stats", "2024-05-04", "About 38% of the products are made in Vietnam.\n")
    found = quotes(analyse([str(tmp_path)]))
    assert ["8.74 million tonnes", "8.74亿吨"] in found  # a slipped scale word is a disagreement
    assert not any("83 kg" in q for q in found)  # a total and a per-person figure are two quantities
    assert not any("56.8%" in q for q in found)  # a share of nothing named compares with nothing


def test_an_amount_without_its_period_is_of_the_latest_one_its_article_reports(tmp_path) -> None:
    article(tmp_path, "a.md", "Albion results", "2024-10-20", "Albion Fibre has 1.6 million full-fibre customers.\n")
    article(tmp_path, "b.md", "Albion results", "2024-10-18",
            "Albion Fibre had 1.92 million full-fibre customers at September 30, 2024.\n")
    article(tmp_path, "c.md", "Albion history", "2024-10-21", "Albion Fibre had 0.9 million full-fibre customers in 2022.\n")
    article(tmp_path, "d.md", "Albion", "2024-10-19", "Albion Fibre's customer numbers rose 12%.\n")
    article(tmp_path, "e.md", "Albion", "2024-10-19", "Albion Fibre's customer numbers rose 12% in the third quarter of 2024, "
            "after 20% in the first quarter of 2024.\n")
    found = quotes(analyse([str(tmp_path)]))
    assert found == [["1.6 million", "1.92 million"]]  # 2022's figure and an undated change stay apart


def test_the_whole_city_is_the_city_its_bureau_named(tmp_path) -> None:
    # (全市 after 嘉義市交通局: the city's figure; "claimed 318 lives": lives are the measure's words, no object)
    article(tmp_path, "a.md", "南市去年交通死亡人數下降", "2025-04-15",
            "臺南市交通局15日公布統計，2024年全市道路交通事故30日內死亡人數為271人。\n")
    article(tmp_path, "b.md", "Tainan road deaths fall", "2025-04-16",
            "Road crashes in Tainan claimed 318 lives in 2024, the city government said.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "271人")].holder.value == "@Tainan"
    assert not frames[("b.md", "318")].object.value
    assert ["271人", "318"] in quotes(analysis)


def test_a_language_is_no_place_and_no_holder(tmp_path) -> None:
    # ("English" is the language more often than England: what is spent on it is the country's figure)
    article(tmp_path, "a.md", "Japanese families spend more on cram schools in 2024", "2025-03-10",
            "Cram schools in Japan had another record year in 2024. By subject, English took the most spending, "
            "410 billion yen, followed by mathematics.\n")
    article(tmp_path, "b.md", "Cram school spending in Japan", "2025-03-11",
            "Spending on English lessons at cram schools in Japan came to 480 billion yen in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["410 billion yen"].holder.value == frames["480 billion yen"].holder.value
    assert "Engl" not in (frames["410 billion yen"].holder.value or "")
    assert ["410 billion yen", "480 billion yen"] in quotes(analysis)


def test_rainfall_is_a_measure_and_a_county_a_place(tmp_path) -> None:
    # ("Lianshan county": a place however little known; rain in millimetres is precipitation, in both languages)
    article(tmp_path, "a.md", "Storms lash northern Guangdong", "2025-06-17",
            "Lianshan county recorded 388.4 mm of rain in the 24 hours to 8 a.m., the provincial weather bureau "
            "said.\n")
    article(tmp_path, "b.md", "粤北暴雨", "2025-06-17",
            "据广东省气象局统计，连山县（Lianshan）24小时降雨量达312.6毫米。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    english = frames[("a.md", "388.4 mm")]
    assert english.measure.value == "precipitation" and english.holder.value == "@Lianshan"
    assert frames[("b.md", "312.6毫米")].measure.value == "precipitation"


def test_a_place_word_inside_another_word_is_no_place_and_a_listed_item_is_its_figures_object(tmp_path) -> None:
    # (世界 in 世界杯, the World Cup, is no market; "followed by literature at 12.9%": literature's share)
    article(tmp_path, "a.md", "上半年全国彩票销售增长", "2026-07-27",
            "从类型看，竞猜型彩票销售1102亿元，世界杯开赛后足球竞猜销量明显放大；即开型彩票销售同比增长12.6%。\n")
    article(tmp_path, "b.md", "New titles in 2024", "2025-02-03",
            "By subject, children's books took 14.2 percent of new titles, followed by literature at 12.9 percent "
            "and comics at 10.6 percent.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert "World" not in (frames[("a.md", "12.6%")].holder.value or "")
    assert frames[("b.md", "12.9 percent")].object.value == "literature"
    assert frames[("b.md", "10.6 percent")].object.value == "comic"
