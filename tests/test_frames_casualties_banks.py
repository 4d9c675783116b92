"""Frames of casualty counts (deaths and injuries kept apart, "claimed 318 lives"), of a wire dateline's
bracket before a sentence's first word, of a central bank's figures (its country's, as a statistics office's
are), and of a rank in the world (全球第一), which is no market. Corpora written for the tests."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_deaths_and_injuries_are_apart_and_lives_claimed_are_deaths(tmp_path) -> None:
    article(tmp_path, "a.md", "Road deaths fall in Kestrel City", "2025-04-15",
            "Kestrel City, April 15 (CNA) Traffic accidents in Kestrel City claimed 318 lives in 2024. "
            "A total of 72,450 people were injured in road accidents in Kestrel City last year.\n")
    article(tmp_path, "b.md", "Kestrel City's roads", "2025-04-16",
            "Roughly 61,000 people were hurt in traffic accidents in Kestrel City in 2024, and 271 died.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    deaths, injured = frames[("a.md", "318")], frames[("a.md", "72,450")]
    assert deaths.measure.value == "deaths" and injured.measure.value == "injuries"
    # "(CNA) Traffic accidents": the sentence's first word after a wire service's dateline, no name
    assert not (deaths.holder.value or "").startswith("Traffic")
    assert sorted(quotes(analysis)) == [["271", "318"], ["61,000", "72,450"]]


def test_a_central_bank_publishes_its_countrys_reserves_and_a_rank_in_the_world_is_no_market(tmp_path) -> None:
    article(tmp_path, "a.md", "Poland's gold reserves", "2025-06-07",
            "The value of Poland's gold reserves edged down to $24.1 billion, data from the Central Bank of "
            "Poland (CBP) showed.\n")
    article(tmp_path, "b.md", "央行黄金储备", "2025-06-07",
            "波兰中央银行（CBP）7日公布数据。以市值计算，黄金储备约203亿美元；同期外汇储备规模稳居全球第一。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    chinese = frames[("b.md", "203亿美元")]
    assert not (chinese.holder.value or "").endswith("@World")  # (规模稳居全球第一: a rank, no market)
    assert not (chinese.holder.value or "").partition("@")[0]  # the bank's figure is no bank's own
    assert quotes(analysis) == [["$24.1 billion", "203亿美元"]]


def test_fertility_marriages_and_a_dash_aside_that_forecasts_nothing(tmp_path) -> None:
    article(tmp_path, "a.md", "Norway's births", "2025-01-10",
            "The ministry put Norway's total fertility rate — the average number of children a woman is expected "
            "to have during her lifetime — at 1.40 last year. Norway registered 21,300 marriages in 2024.\n")
    article(tmp_path, "b.md", "挪威生育率", "2025-01-11", "挪威2024年出生人口约5.2万人，全年登记结婚1.8万对。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    rate = frames[("a.md", "1.40")]
    assert rate.measure.value == "fertility_rate" and rate.basis.value == "actual"  # (not "is expected")
    assert frames[("a.md", "21,300")].measure.value == "marriages"
    assert quotes(analysis) == [["1.8万", "21,300"]]  # marriages meet marriages, not births


def test_taiwans_word_for_net_profit(tmp_path) -> None:
    article(tmp_path, "a.md", "高鐵獲利", "2025-03-05", "台灣高鐵公司（THSRC）2024年稅後純益約65億元。\n")
    assert by_file(analyse([str(tmp_path)]))[("a.md", "65億元")].measure.value == "profit"
