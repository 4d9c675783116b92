"""Holders and measures of company news on topics no rule names: Chinese companies named by their own word
and their trade (鸿岳/精密机械, 凯川/银行) and their short forms, a headline's shorter English name, places
listed in one run, a lede's places that are no market, figures per share, measures spelt as acronyms, and
initials that end no sentence. Corpora written for the tests."""

from __future__ import annotations

from factcheck.frames import text as T
from factcheck.frames.holders import declared_aliases
from factcheck.pipeline import analyse, framer_for
from frame_helpers import article, by_file, quotes


def test_a_chinese_company_named_by_its_trade_and_its_short_forms(tmp_path) -> None:
    article(tmp_path, "a.md", "鸿岳精机去年获利下滑", "2025-03-20",
            "工具机厂鸿岳精密机械昨（19）日召开法说会，全年合并营收为新台币142亿元。\n\n"
            "鸿岳精机全年税后纯益为13.6亿元，每股纯益4.35元。\n\n"
            "鸿岳今年将投资约9亿元扩建新厂。\n\n"
            "同业全泽机械去年毛利率为24.1%。\n")
    frames = by_file(analyse([str(tmp_path)]))
    # (the headline's and the body's short forms are the one longer name the article gives)
    for figure in ("142亿元", "13.6亿元", "9亿元"):
        assert frames[("a.md", figure)].holder.value == "鸿岳精密机械@", figure
    assert frames[("a.md", "24.1%")].holder.value.startswith("全泽机械@")  # another company, by its trade too


def test_a_trade_word_after_a_common_word_or_before_a_business_names_no_company(tmp_path) -> None:
    article(tmp_path, "a.md", "港口货运增长", "2025-03-20",
            "去年全国汽车出口量为586万辆。\n\n"
            "马士基海运业务收入为84亿美元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert not (frames[("a.md", "586万辆")].holder.value or "").startswith("全国")
    assert "海运" not in (frames[("a.md", "84亿美元")].holder.value or "")


def test_a_chinese_company_and_its_english_name_meet_by_the_figures_they_share(tmp_path) -> None:
    article(tmp_path, "a.md", "Hongyue Precision profit falls", "2025-03-19",
            "Hongyue Precision Machinery Co. said its 2024 revenue came to NT$14.2 billion. Earnings per share "
            "were NT$4.35.\n\nNet profit fell to NT$1.21 billion in 2024.\n")
    article(tmp_path, "b.md", "鸿岳精机去年获利下滑", "2025-03-20",
            "工具機廠鴻岳精密機械昨（19）日召開法說會，2024年合併營收為新台幣142億元。\n\n"
            "鴻岳精機2024年稅後純益為13.6億元，每股純益4.35元。\n")
    analysis = analyse([str(tmp_path)])
    assert any(q == sorted(["NT$1.21 billion", "13.6億元"]) for q in quotes(analysis))
    frames = by_file(analysis)
    # a figure per share is another quantity than the profit: the agreeing EPS stays out of the finding
    assert frames[("a.md", "NT$4.35")].measure.value == "profit per share"
    assert frames[("b.md", "4.35元")].measure.value == "profit per share"
    assert frames[("b.md", "13.6億元")].holder.value == frames[("a.md", "NT$1.21 billion")].holder.value
    assert not any("4.35元" in q for q in quotes(analysis))


def test_a_measure_and_its_acronym_name_no_organisation(tmp_path) -> None:
    index = framer_for(None).index
    assert declared_aliases(index, "调整后税息折旧及摊销前获利（EBITDA）为11.2亿美元。") == {}
    article(tmp_path, "a.md", "Harrow Freight keeps its outlook", "2025-05-08",
            "Harrow Freight said EBITDA rose to $2.1 billion in the first quarter. Operating profit (EBIT) jumped "
            "to $1.1 billion in the quarter.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "$2.1 billion")].measure.value == "ebitda"
    assert frames[("a.md", "$1.1 billion")].holder.value.startswith("Harrow Freight")


def test_a_headline_name_is_the_longer_name_the_lede_gives(tmp_path) -> None:
    article(tmp_path, "a.md", "Lanmere Pharmacy keeps opening stores", "2025-08-29",
            "Lanmere Pharmacy Chain operated 9,410 stores at the end of June, most of them in Hubei and Jiangxi.\n\n"
            "Same-store revenue fell to 3.2 billion yuan in the first half, the report showed. Lanmere Pharmacy "
            "said it would open 900 more.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "9,410")].holder.value.startswith("Lanmere Pharmacy Chain@")
    assert frames[("a.md", "3.2 billion yuan")].holder.value.startswith("Lanmere Pharmacy Chain@")
    # ("Hubei and Jiangxi": two provinces listed, no organisation)
    assert "Hubei and Jiangxi" not in (frames[("a.md", "9,410")].holder.value or "")


def test_places_listed_or_on_a_route_in_the_lede_are_no_market(tmp_path) -> None:
    article(tmp_path, "a.md", "Corvane Tools profit slides", "2025-03-12",
            "Corvane Tools said its earnings fell as customers in Europe and China held back.\n\n"
            "Net profit dropped to $142 million.\n")
    article(tmp_path, "b.md", "Tidewell Lines beats forecasts", "2025-05-08",
            "Tidewell Lines posted higher earnings, saying ships forced to sail around Africa kept capacity tight.\n\n"
            "Operating profit rose to $310 million.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "$142 million")].holder.value == "Corvane Tools@"
    assert frames[("b.md", "$310 million")].holder.value == "Tidewell Lines@"


def test_initials_end_no_sentence() -> None:
    text = "A.P. Halvorsen posted earnings. The U.S. Department of Commerce said so. It ended in Tseung Kwan O. Officials met."
    spans = [text[a:b] for a, b in T.sentences(text, 0, len(text))]
    assert spans == ["A.P. Halvorsen posted earnings.", "The U.S. Department of Commerce said so.",
                     "It ended in Tseung Kwan O.", "Officials met."]


def test_a_chinese_short_form_is_the_company_its_english_bracket_names(tmp_path) -> None:
    article(tmp_path, "a.md", "钾肥销量创新高 岭原冠首季每股赚1.58美元", "2026-05-07",
            "加拿大肥料大厂岭原冠养分公司（Ridgecrown Nutrients）昨（6）日公布今年第一季财报。\n\n"
            "财报显示，岭原冠首季钾肥平均实现售价为每吨298美元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "298美元")].holder.value == "Ridgecrown Nutrients@"
    # (a statistics office's name shortened is no company: 政府统计 of 政府统计处)
    article(tmp_path, "b.md", "零售", "2025-10-31", "政府统计处昨日公布，9月网上零售销售额约22.6亿港元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert not (frames[("b.md", "22.6亿港元")].holder.value or "").startswith("政府")


def test_a_company_holding_its_results_call_on_a_date_is_named(tmp_path) -> None:
    # (召開法說會 on a date introduces the company as 公布 does; 同業 before a name is "its peer", no part of it)
    article(tmp_path, "a.md", "恆岳封測第三季獲利大增", "2025-10-31",
            "封測廠恆岳先進封測昨（30）日召開法說會，公布第三季財報。第三季合併營收新台幣486億元，毛利率達27.1%。\n\n"
            "同業大澤微系統日前公布，第三季產能利用率約82%。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "27.1%")].holder.value.startswith("恒岳先进封测@")
    assert frames[("a.md", "82%")].holder.value.startswith("大泽微系统@")


def test_a_short_name_before_another_trade_is_another_company(tmp_path) -> None:
    # (玉川金控, once 玉川人壽 is named and read short as 玉川, is the parent: not the life insurer)
    article(tmp_path, "a.md", "玉川人壽前三季保費大增", "2024-10-25",
            "玉川人壽昨（24）日舉行法說會，1-9月初年度保費收入約742億元。\n\n"
            "玉川人壽前三季稅後淨利287億元。母公司玉川金控同期稅後淨利336億元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "287億元")].holder.value.startswith("玉川人寿@")
    assert not (frames[("a.md", "336億元")].holder.value or "").startswith("玉川人寿@")


def test_a_towns_name_that_opens_the_storys_organisation_is_the_organisation_called_short(tmp_path) -> None:
    # ("Aurora" is a town of some 390,000; in a story on the Aurora Alliance it is the alliance; 曙光聯盟 is named
    # by its kind, 联盟, after its own word)
    article(tmp_path, "a.md", "Yushan Airways to join Aurora Alliance", "2026-01-20",
            "Taiwan's Yushan Airways will join the Aurora Alliance next year. Aurora's 17 airlines operate a "
            "combined fleet of about 4,860 aircraft, the alliance said.\n")
    article(tmp_path, "b.md", "玉山航空加入曙光聯盟", "2026-01-21",
            "根據聯盟公布資料，曙光聯盟現有17家成員航空公司，成員機隊規模合計達5,680架。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "4,860")].holder.value.startswith("Aurora Alliance@")
    assert frames[("b.md", "5,680架")].holder.value.startswith("曙光联盟@")


def test_a_department_store_is_no_government_department_and_its_takings_are_revenue(tmp_path) -> None:
    # ("Department" names an office that compiles others' figures, not in "Department Store"; 业绩 before a sum
    # is a shop's takings)
    article(tmp_path, "a.md", "Lanyue Department Store anniversary sale rings up record", "2025-11-10",
            "Lanyue Department Store said its anniversary sale took in a record NT$18.2 billion.\n")
    article(tmp_path, "b.md", "蘭月百貨週年慶業績創新高", "2025-11-11",
            "蘭月百貨（Lanyue Department Store）週年慶業績衝上182億元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "NT$18.2 billion")].holder.value.startswith("Lanyue")
    assert frames[("b.md", "182億元")].measure.value == "revenue"
