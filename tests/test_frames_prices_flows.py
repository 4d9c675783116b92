"""Frames of prices along a supply chain (farm-gate, wholesale, retail are three figures), of flows to or
from one other country (exports to China are not a country's exports), and of words that are no measure
of the figure beside them ("lost 15% of their weight" is no loss of money)."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, by_figure, quotes


def test_farm_gate_wholesale_and_retail_prices_are_apart(tmp_path) -> None:
    article(tmp_path, "a.md", "Pork prices climb", "2025-04-02",
            "MANILA, April 2 – The farm-gate price of live hogs rose to 215 pesos a kilo on Tuesday, while "
            "retail prices of pork belly in Metro Manila markets reached 420 pesos a kilo.\n")
    article(tmp_path, "b.md", "Hog farmers", "2025-04-03",
            "Hog raisers were paid 190 pesos a kilo at the farm gate this week. Wholesale pork traded at "
            "300 pesos a kilo.\n")
    article(tmp_path, "c.md", "猪肉价格", "2025-04-03",
            "马尼拉猪肉零售价达到每公斤480比索，生猪产地价约为每公斤215比索。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "215 pesos")].measure.value == "producer_price"
    assert frames[("b.md", "190 pesos")].measure.value == "producer_price"
    assert frames[("a.md", "420 pesos")].measure.value == "retail_price"
    assert frames[("b.md", "300 pesos")].measure.value == "wholesale_price"
    assert frames[("c.md", "480比索")].measure.value == "retail_price"
    assert frames[("c.md", "215比索")].measure.value == "producer_price"
    found = quotes(analysis)
    # the farm-gate price disagrees with the farm-gate price; no price is weighed against another kind
    assert ["190 pesos", "215 pesos", "215比索"] in found
    assert not any("300 pesos" in group for group in found)


def test_a_flow_to_one_country_is_not_the_whole_flow(tmp_path) -> None:
    article(tmp_path, "a.md", "Timber exports", "2025-07-20",
            "WELLINGTON, July 20 – Finland exported 8.4 million tonnes of wood pulp in 2024, official "
            "figures show.\n")
    article(tmp_path, "b.md", "Pulp to China", "2025-07-22",
            "Finland shipped 6.1 million tonnes of wood pulp to China in 2024, while its imports from Brazil "
            "were 1.2 million tonnes.\n")
    article(tmp_path, "c.md", "Pulp trade", "2025-07-25",
            "Finland's pulp exports to China reached 7.3 million tonnes in 2024.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_figure(analysis)
    assert frames["8.4 million tonnes"].measure.value == "exports"
    assert frames["6.1 million tonnes"].measure.value == "exports to China"
    assert frames["7.3 million tonnes"].measure.value == "exports to China"
    assert frames["1.2 million tonnes"].measure.value == "imports from Brazil"
    assert quotes(analysis) == [["6.1 million tonnes", "7.3 million tonnes"]]


def test_a_flow_to_another_country_in_chinese(tmp_path) -> None:
    article(tmp_path, "a.md", "葡萄酒出口", "2025-03-10",
            "智利2024年葡萄酒出口总量约7.6亿升，其中对中国出口约1.1亿升。\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["7.6亿升"].measure.value == "exports"
    assert frames["1.1亿升"].measure.value == "exports to China"


def test_a_share_of_body_weight_lost_is_no_loss_of_money(tmp_path) -> None:
    article(tmp_path, "a.md", "Trial results", "2025-11-03",
            "Patients on the higher dose lost 14.1% of their body weight after a year. The drugmaker lost "
            "$120 million in the quarter.\n")
    frames = by_figure(analyse([str(tmp_path)]))
    assert frames["14.1%"].measure.value != "profit"
    assert frames["$120 million"].measure.value == "profit"


def test_what_a_trade_flow_earned_is_its_value_unless_a_company_earned_it(tmp_path) -> None:
    article(tmp_path, "a.md", "Cashew exports", "2026-01-20",
            "Exports totalled about 410,000 tonnes in 2025, the agency said, and generated 52 billion rupees in "
            "revenue.\n\nExport earnings shrank. Cashew shipments brought in $610 million in 2025.\n\n"
            "Kollam Agro exported 20,000 tonnes and generated 2.1 billion rupees in revenue.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "52 billion rupees")].measure.value == "exports"
    assert frames[("a.md", "$610 million")].measure.value == "exports"
    assert frames[("a.md", "2.1 billion rupees")].measure.value == "revenue"  # the company's own


def test_shipments_after_a_trade_flow_are_that_flow_but_a_part_of_them_is_not(tmp_path) -> None:
    article(tmp_path, "a.md", "Lamb exports", "2025-08-01",
            "Lamb exports hit a record. Shipments in the first half of 2025 totalled 318,000 tonnes.\n\n"
            "Lamb exports rose again. Chilled cuts made up 96,000 tonnes of the shipments.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "318,000 tonnes")].measure.value == "exports"
    assert frames[("a.md", "96,000 tonnes")].measure.value != "exports"


def test_loss_making_routes_name_no_loss(tmp_path) -> None:
    article(tmp_path, "a.md", "Rail subsidy", "2026-02-20",
            "The ministry paid 3.9 billion kroner to Fjordbane in 2025 under the contract that covers loss-making "
            "rural routes. Fjordbane's net loss was NOK 210 million.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "3.9 billion kroner")].measure.value != "profit"
    assert frames[("a.md", "NOK 210 million")].measure.value == "profit"


def test_a_part_after_qizhong_counts_what_its_whole_counts(tmp_path) -> None:
    # (供应国 is a supplier, no figure of supply)
    article(tmp_path, "a.md", "欧盟LNG进口", "2025-10-20",
            "今年前9个月欧盟LNG进口量约1050亿立方米，其中来自美国的约500亿立方米，美国稳居欧盟最大LNG供应国。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "500亿立方米")].measure.value.startswith("imports")
