"""Holders named by what they are: a sentence whose subject is "the" and the last word of a name given
before ("The resort"), Chinese names the segmenter splits into a name and an institution's kind (九寨沟/国家/
公园), a bracket inside a Chinese company's name (上海申迪（集团）有限公司), and a Chinese name whose Mandarin
reading opens several English names, told apart by one figure the articles share. Corpora written for the
tests, on topics no rule names."""

from __future__ import annotations

from factcheck.frames.holders import declared_aliases
from factcheck.pipeline import analyse, framer_for
from frame_helpers import article, by_file, quotes


def test_a_subject_called_by_the_last_word_of_a_name_is_that_name(tmp_path) -> None:
    article(tmp_path, "a.md", "Lakeshore Marine Park has a record year", "2025-02-03",
            "Lakeshore Marine Park drew 3.1 million visitors in 2024.\n\n"
            "The park, in which Harbor Leisure holds 40% and Ocean Crest Holdings the rest, earned revenue of "
            "$412 million last year.\n\n"
            "The office counted 2,100 school trips in 2024.\n")
    frames = by_file(analyse([str(tmp_path)]))
    revenue = frames[("a.md", "$412 million")]
    assert revenue.holder.value == "Lakeshore Marine Park@" and revenue.holder.rule.endswith("(the subject)")
    # an office that counts compiles figures: no holder by its name ("the office" named nothing before, either)
    assert "(the subject)" not in frames[("a.md", "2,100")].holder.rule


def test_a_place_and_an_institutions_kind_are_one_chinese_name(tmp_path) -> None:
    article(tmp_path, "a.md", "青澜湾国家公园游客创新高", "2025-01-06",
            "青澜湾国家公园2024年接待游客约612万人次，门票收入约9.8亿元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "612万人")].holder.value.startswith("青澜湾国家公园@")
    assert frames[("a.md", "9.8亿元")].holder.value.startswith("青澜湾国家公园@")


def test_a_bracket_inside_a_chinese_company_name_declares_no_short_form() -> None:
    index = framer_for(None).index
    assert declared_aliases(index, "上海蓝湾（集团）有限公司披露，全年营收约86亿元。") == {}
    assert declared_aliases(index, "蓝湾科技（深圳）有限公司公布") == {}
    assert declared_aliases(index, "蓝湾科技股份有限公司（蓝湾科技）公布")  # a short form after the name still is one


def test_a_mandarin_reading_and_one_shared_figure_pick_one_of_several_names(tmp_path) -> None:
    # "Jinshawan …" opens two English names; the Chinese article shares one distinctive figure with the resort's
    article(tmp_path, "a.md", "Jinshawan Resort results", "2025-04-14",
            "Jinshawan Resort welcomed 14.2 million visits in 2024. Jinshawan Resort earned revenue of "
            "10.6 billion yuan in 2024.\n")
    article(tmp_path, "b.md", "Jinshawan Holdings", "2025-04-14",
            "Jinshawan Holdings, its owner, reported revenue of 31.7 billion yuan in 2024. Jinshawan Holdings "
            "employs 8,420 people. Its hotel Coral Tower has 1,220 rooms.\n")
    article(tmp_path, "c.md", "金沙湾度假区2024年客流创新高", "2025-04-15",
            "2024年金沙湾度假区共接待游客约1420万人次；全年实现营业收入约86亿元。酒店共有客房1220间。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    revenue = frames[("c.md", "86亿元")]
    assert revenue.holder.value.startswith("Jinshawan Resort@") and "agree on 1 figures" in revenue.holder.rule
    assert ["10.6 billion yuan", "86亿元"] in quotes(analysis)


def test_an_owner_describing_a_company_and_a_stock_exchange_in_a_code_name_no_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "Redgum Metals' costs", "2025-04-30",
            "Redgum Metals reported its March-quarter results on Wednesday.\n\n"
            "The Andrew Pell-controlled miner said C1 costs rose to US$22.40 per tonne in the quarter.\n")
    article(tmp_path, "b.md", "蓝湾移动一季度", "2026-04-21",
            "4月21日晚间，蓝湾移动（600999.SH，0999.HK）发布2026年第一季度主要经营数据，一季度股东应占利润约261亿元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "US$22.40")].holder.value.startswith("Redgum")  # the miner, not "Andrew"
    assert frames[("b.md", "261亿元")].holder.value == "蓝湾移动@"  # not "SH", the Shanghai exchange


def test_a_company_named_after_its_country_and_revenue_from_a_business(tmp_path) -> None:
    article(tmp_path, "a.md", "Norway Mobile's quarter", "2026-04-21",
            "Norway Mobile said operating revenue rose 0.8% to NOK 26.4 billion in the first quarter, while "
            "revenue from telecommunications services, which excludes handset sales, was NOK 22.7 billion.\n")
    article(tmp_path, "b.md", "Norway Mobile", "2026-04-22",
            "Norway Mobile reported operating revenue of about NOK 26.4 billion for the first quarter. Revenue "
            "from telecommunications services, its core business, came in at NOK 19.6 billion.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    services = frames[("a.md", "NOK 22.7 billion")]
    assert services.holder.value.startswith("Norway Mobile@")  # the company, not Norway
    assert services.measure.value == "revenue"  # (not "sales" of the aside)
    assert services.object.value == frames[("b.md", "NOK 19.6 billion")].object.value == "telecommunication service business"
    # the whole company's revenue stays apart from its business's
    assert quotes(analysis) == [["NOK 19.6 billion", "NOK 22.7 billion"]]


def test_one_code_of_two_kinds_names_two_objects() -> None:
    from factcheck.frames import objects_compatible

    assert not objects_compatible(("5G", "网络"), ("5G", "套餐"))
    assert objects_compatible(("5G",), ("5G", "网络")) and not objects_compatible(("4G", "网络"), ("5G", "网络"))


def test_a_terms_acronym_is_no_holder_and_orders_from_a_country_are_its(tmp_path) -> None:
    article(tmp_path, "a.md", "Export orders", "2025-10-20",
            "Taiwan's export orders jumped to US$67.8 billion in September. Orders from the United States, "
            "Taiwan's biggest customer, climbed to US$21.7 billion in September, while orders from Japan fell.\n")
    article(tmp_path, "b.md", "9月外銷訂單", "2025-10-20",
            "人工智慧（AI）需求強勁，9月外銷訂單金額達678億美元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert not (frames[("b.md", "678億美元")].holder.value or "").startswith("AI")  # a term, not a company
    us = frames[("a.md", "US$21.7 billion")]
    assert us.measure.value == "orders from United States"  # the sentence's own measure, not the next clause's
    assert quotes(analysis) == []  # Taiwan's orders agree; the United States' are a part of them


def test_an_organisation_that_speaks_for_itself_in_chinese(tmp_path) -> None:
    article(tmp_path, "a.md", "Lakeshore Marts' year", "2025-03-19",
            "Lakeshore Marts said its network sales reached 38.6 billion yuan in 2024.\n")
    article(tmp_path, "b.md", "湖岸便利门店规模稳居行业第一", "2025-03-20",
            "记者从湖岸便利方面获悉，2024年全年，湖岸便利全网门店实现销售额约455亿元。该公司方面表示，今年将加码物流。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("b.md", "455亿元")].holder.value.startswith("湖岸便利@")


def test_an_acronym_of_a_kind_of_thing_is_no_holder(tmp_path) -> None:
    article(tmp_path, "a.md", "Fund house's dividend ETF grows", "2025-10-09",
            "Lanting Investment Trust said its ETF drew 1.2 million investors by September.\n")
    article(tmp_path, "b.md", "蓝亭投信高息ETF受益人数增至115万人", "2025-10-09",
            "蓝亭投信（Lanting Investment Trust）公布，旗下高息ETF受益人数增至115万人。\n")
    frames = by_file(analyse([str(tmp_path)]))
    for key in (("a.md", "1.2 million"), ("b.md", "115万人")):
        assert "ETF" not in (frames[key].holder.value or "")
