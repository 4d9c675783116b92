"""Golden floor on more than two hundred topics no rule names (drug sales, cocoa, metro ridership, streaming, inflation,
copper, universities, a carmaker, shipbuilding, lithium, palm oil, defence budgets, a shopping festival, tea,
5G networks, a football season, wine exports, an airline, a housing market, a census, hydropower, a
memory-chip maker, rice, a city's air, a container port, a game publisher, tourist arrivals, wheat, an insurer, a coffee chain, a film's box office, a fishery, hospital waiting lists, tax revenue, sportswear, a dairy co-operative, a gas pipeline, a bank's bad loans, a marathon, regional unemployment, an airport, cement, sugar, broadband, wind-turbine orders, an auction house, a reservoir, forest fires, chip-equipment orders, cruises, rail freight, a gold miner, vaccine doses, a power
grid, cattle, toys, ride-hailing, desalination, a rocket launch, a museum, potash, a hotel chain, cosmetics,
bicycles, a drug trial, housing starts, eggs, log exports, a pension fund, ferries, electric buses, data
centres, solar modules, a mountain's climbers, phones in India, a lottery, nuclear power, soybean imports, a
typhoon, a jeweller, farmed salmon, dengue, a game console, foreign-exchange reserves, deforestation,
EV charging, a football club's accounts, rubber, a metro line, holiday travel, music streaming, an
earthquake, coal, gas storage, a minimum wage, digital payments, an airline's summer, carmakers' exports,
Taiwan's tourism, a developer's results, wheat procurement, a census, a shipping line, cholera, an
e-commerce platform, steel output, a chipmaker's month, Hong Kong's visitors, iron ore, a carmaker's month,
floods, power demand, olive oil, bike sharing, electrolysers, a theme park, avocados, measles, satellite
broadband, book publishing, oranges, a national park, battery recycling, a telecom operator, cotton, a central
bank's gold, road deaths, an esports final, convenience stores, durians, electric scooters, a space
agency, bubble tea, births, high-speed rail, a K-pop group, container freight, locusts, mortgages, a carbon
market, casino revenue, export orders, retail sales, a chip designer's month, pork imports, hydrogen stations, a
film festival, a cinema chain, pineapples, air cargo, a power utility's losses, public housing, parcels, youth
jobs, oysters, heavy trucks, a Grand Prix, a health-insurance fund, a glacier, a mobile game, a low-cost airline, orange juice, a metro fare cut, nickel ore, a machine-tool maker,
Hong Kong home sales, a typhoon's farm damage, a department store, LNG imports, a brewer, shrimp exports, a homelessness count,
a canal in drought, a fertiliser maker, school places, a refinery fire, honey, an online bank, a rugby tournament, speed
cameras, car rental, lumber, bird flu, a pharmacy chain, a postal operator, chip packaging, coffee exports, a water utility,
a developer's interim results, a wildfire season, smartphones in Southeast Asia, a national railway, a dairy
co-operative, a container port, an insurer after a hailstorm, a wheat harvest, a music festival, a fishing quota, private tutoring, a geothermal
power company, a department store's sale, food-waste recycling, influenza, a college entrance exam, a baseball
league's crowds, a rainstorm, a hospital group, a lottery, a copper miner, a dry-bulk shipper, a chemical maker,
university admissions, an airline alliance, a drought, a car-parts supplier, coffee exports, housing rents,
pension funds, a supermarket chain, a blackout, a cycling race, a bird census, cashmere, a sea bridge's traffic, sea ice,
offshore wind, a genome programme, kiwifruit, ambulances, a palace museum, an appliance maker's nine months, a
dividend ETF, clinic waiting times, duty-free sales, sewage spills, an undersea tunnel, a broadcaster, a home-appliance
maker's half), English and Chinese, written with an answer key: the planted disagreements each corpus finds stay found, and no trap (another
period, holder, scope, or a forecast) or consistent pair (one figure in two units or languages) is flagged,
beyond the known failures listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.pipeline import analyse

HERE = Path(__file__).parent / "corpora" / "new_topics"
# contradictions each corpus finds today (of 8 each), and the traps or consistent pairs it still flags (by
# key "what"): known failures, kept in view
# (h26 found 2 until a measure word past "while" stopped naming the figure before it: Maersk's EBITDA, which no
# measure names, had met as "revenue" by that mistake, in both articles)
# (h1 found 7 until "Cinevo's Asia-Pacific business" became Cinevo's figure: the Chinese article's "亚太地区付费用户"
# names no company, so the two no longer meet; h11 found 2 until "Bangkok Eastern International Airport" became
# the airport rather than "international", which the other article's travellers still are)
FLOOR = {"h1": 7, "h2": 6, "h3": 6, "h4": 6, "h5": 6, "h6": 7, "h7": 4, "h8": 7, "h9": 5, "h10": 3, "h11": 3, "h12": 5,
         "h13": 4, "h14": 3, "h15": 2, "h16": 5, "h17": 4, "h18": 7, "h19": 4, "h20": 3,
         "h21": 6, "h22": 4, "h23": 2, "h24": 3, "h25": 2, "h26": 3, "h27": 3, "h28": 5,
         "h29": 5, "h30": 4, "h31": 2, "h32": 4,
         "h33": 2, "h34": 2, "h35": 0, "h36": 4,
         # h37-h40 measured first at 6 of 32 (3, 0, 2, 1), before this session's mechanisms
         "h37": 4, "h38": 2, "h39": 4, "h40": 3,
         # h41-h42 written at the end of the session that built h37-h40's mechanisms: 3 of 16 before them, 4 after
         "h41": 2, "h42": 4,
         # h43-h46 written at the start of the session that then read their misses (5 of 32 before it, 10
         # after); h47-h48 written mid-session and measured only (3 of 16 before, 3 after)
         "h43": 4, "h44": 2, "h45": 3, "h46": 1, "h47": 4, "h48": 3,
         # h49 written this session by a helper and measured once before reading (1 of 8 at the start, 1 after
         # the session's first changes), then read to develop
         "h49": 3,
         # h50 written by a helper this session, measured once before reading: 2 of 8 at the session's start,
         # 3 of 8 after, before it was read; 4 once read (two of its topics, an insurer after a hailstorm and a port, are h49's kinds)
         "h50": 4,
         # h51-h56 written by helpers in one session, each measured once before it was read: h51 1, h52 0, h53 2,
         # h54 0 (1 after an unrelated change), h55 0 and h56 0 of 8 (h55 and h56 after h51-h54 had been read and
         # mended: what was learnt from those four did not carry over); then read to develop
         "h51": 4, "h52": 2, "h53": 4, "h54": 3, "h55": 5, "h56": 2,
         # h57-h60 written by helpers in the next session, each measured once before it was read: h57 1, h58 1,
         # h59 2, h60 2 of 8 (h59 and h60 again 2 after the session's first changes); h57-h59 then read, h60 not
         "h57": 3, "h58": 3, "h59": 3, "h60": 2}
KNOWN_FLAGGED = {"h2": {"Brazil consumer prices in September: month-on-month change vs 12-month change"},
                 # ("The world's biggest producer turned out…" became Indonesia's figure; its crude palm oil meets
                 # a total "包括毛棕櫚油及棕櫚仁油": one named object, and an inclusion is no scope the frames keep)
                 "h3": {"Indonesia 2023 production: CPO only vs CPO plus palm kernel oil"},
                 # arrivals "by air" are read as all arrivals: a mode of transport is no scope the frames know
                 "h7": {"Vietnam Jan-Aug 2024 foreign arrivals by air (9.9 million) vs all foreign arrivals (11.4 million)",
                        # (the three provinces that produced 14.9 Mt are read as Kazakhstan: a list of provinces
                        # is no place the frames know; the figure's period, this year's, is right)
                        "Wheat output of three northern provinces (14.9 Mt) vs national wheat harvest (18.6 Mt), 2024",
                        # (the Chinese article's figures meet the English ones: the same 11.4 million stands in
                        # one cluster of the finding that holds the by-air trap)
                        "Vietnam international arrivals Jan-Aug 2024: 11.4 million = 约1140万人次"},
                 # (a segment's sum, "Footwear sales rose 17% to €905 million", meets the total of no object: an
                 # unknown object joins the one object named; the consistent pair stands in that finding. It was
                 # hidden while a cause in the lede, "a rebound in North America", set the article's market)
                 "h9": {"Veltra Q2 2025 revenue: EUR 1.62 billion = 16.2亿欧元"},
                 # h25-h28 were measured once each and not studied: their failures as first found
                 # (a city's hotel occupancy read as the nation's: "Taipei" names no holder of a rate here)
                 "h25": {"tourist hotel occupancy H1 2025: Taipei 74.2% vs nationwide 66.1%"},
                 # (a record peak of another year, "on May 30 2024", read as this year's: a day is no period here)
                 "h28": {"India peak electricity demand: record 250 GW on May 30 2024 vs 241 GW on June 10 2025"},
                 # h29-h32 likewise, measured once at the start of a session
                 # (the stations of a whole network and of its city: the city is read as the network's place)
                 "h29": {"Vélib' stations: 1,480 in the whole network vs about 1,250 inside the city of Paris"},
                 # (children's books' share of new titles meets e-books': "e-book" ends with "book", one kind
                 # of the other; hidden while 国际 inside 台北国际书展, no word of its own, read the Chinese as the world's)
                 "h30": {"E-books' share of Taiwan new titles, 2024: 16.7% vs about 17%"},
                 # (a segment of a group and the subsidiary the segment mostly is: one holder read for both)
                 "h31": {"2025 revenue: CATL battery materials & recycling segment 31.2bn yuan vs Brunp alone ~26.5bn yuan"},
                 # ("84 in the same period of 2024": the period named before, its year not read as the year named)
                 "h32": {"Taichung road deaths: Q1 2025 71 vs Q1 2024 84"},
                 # h33-h36 measured once, at the end of the session that wrote h29-h32's mechanisms
                 # (Beijing's pilot market read as the nation's: 北京 is China's government; the parts after 其中
                 # meet their whole, a treated area meets a surveyed one)
                 "h35": {"2024 average allowance price: Beijing pilot market about 105 yuan/t vs national market roughly 96 yuan/t",
                         "Kazakhstan locust-treated area, season to 10 June 2025: 1.46 million ha vs 146万公顷"},
                 # (Taiwan's 元 read as NT$ by the paper's bracketed day: MediaTek's revenues meet, and with them
                 # a parent-only figure, a scope the frames do not keep; the consistent 483億元 = NT$48.3
                 # billion stand in that one finding, in one cluster)
                 "h36": {"MediaTek October 2025 revenue: parent-only NT$41.6 billion vs consolidated NT$48.3 billion",
                         "MediaTek consolidated revenue, October 2025: NT$48.3 billion vs 483億元"},
                 # (pork with offal meets pork alone: an inclusion is no scope the frames keep; "去年同期" with no
                 # period named before it reads as now; a segment's revenue meets the total, and with them the
                 # consistent pairs in the same findings)
                 "h37": {"China 2024 imports: pork plus offal 2.22 million tonnes vs pork only 107万吨",
                         "Starlight 2024 revenue: box-office segment 3.41 billion yuan vs total revenue 4.86 billion yuan",
                         "Starlight revenue 2024: 4.86 billion yuan = 48.6亿元"},
                 # (the quarter's profit in Chinese, with no period of its own, meets a figure of no period the
                 # English article gives beside it; the consistent pair stands in that finding)
                 "h41": {"Volantis profit after tax, quarter to Sept 2025: €1.34 billion = 13.4亿欧元"},
                 # (a bank's operating income, read as profit, stands in one finding with its net profit, which
                 # the articles disagree on; a share "about 71 per cent" meets 71.3% in a finding with a third)
                 "h45": {"Novabay operating income, H1 2025: HK$1.07 billion vs about HK$1.1 billion",
                         "Shenzhen 2025 camera tickets for exceeding limit by under 20%, share: about 71 per cent vs 71.3%"},
                 # (a mine's growth meets its group's: a part named by a mine's name, which no slot keeps)
                 "h53": {"Q3 2025 copper output growth: Kolwezi mine 21.5% vs whole group 12.7%"},
                 # (offers to UGC-funded programmes meet all offers: a scope the frames do not keep, and with them
                 # the consistent pair; a gauge's level a year earlier, "lower than the 11.32 metres recorded on the
                 # same day a year earlier", read as now)
                 "h54": {"JUPAS offers: all programmes 17,860 vs UGC-funded only 15,020",
                         "JUPAS 2025 main-round offers 17,860",
                         "Xingzi station level: 8.06 m (Sept 14 2025) vs 11.32 m a year earlier"},
                 # (held out, measured once: a quarter's shipments meet the quarter before)
                 "h48": {"Orvia Southeast Asia shipments: Q2 2025 4.12 million units vs Q1 2025 3.56 million"},
                 # (figures of no object, 16.8 million passenger trips and 1,680萬人次, join the one object of their
                 # block, the shuttle buses' 11.2 million: a part no other object stands beside)
                 "h57": {"H1 2025 passengers: shuttle buses only vs all passenger trips at the Hong Kong port",
                         "Passenger trips through the Hong Kong port, first half 2025"},
                 # (one operator's sales, a change, meet the island's: the operator's name is read in one
                 # article only)
                 "h59": {"Haitian Duty Free's Hainan sales vs island-wide total"},
                 # (the ministry's 32億元 of subsidies, in the company's story, is read as the company's revenue, which
                 # two articles give alike)
                 "h60": {"Chialin first-half 2025 revenue"}}


def _flagged(analysis, corpus: Path, entry: dict) -> bool:
    def hits(claim, wanted: dict) -> bool:
        text = (corpus / wanted["file"]).read_text(encoding="utf-8")
        at = [i for i in range(len(text)) if text.startswith(wanted["quote"], i)]
        return Path(claim.file).name == wanted["file"] and any(
            a < claim.end and claim.start < a + len(wanted["quote"]) for a in at)

    return any(all(any(hits(c, w) for c in f.claims) for w in entry["claims"]) for f in analysis.findings)


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_planted_disagreements_found_and_traps_left_alone(name: str) -> None:
    corpus = HERE / name
    key = json.loads((corpus / "key.json").read_text(encoding="utf-8"))
    analysis = analyse([str(corpus)])
    found = sum(_flagged(analysis, corpus, e) for e in key["contradictions"])
    assert found >= FLOOR[name]
    flagged = {e["what"] for kind in ("traps", "consistent") for e in key[kind] if _flagged(analysis, corpus, e)}
    assert flagged <= KNOWN_FLAGGED.get(name, set())
