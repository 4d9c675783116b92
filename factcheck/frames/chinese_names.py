"""Chinese names: organisations Chinese news introduces (by the day they publish, their trade, their
description, the clause they open), institutions the segmenter splits, and short forms of the names found.
`holders.find_mentions` reads Chinese text through `chinese_mentions`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable

import regex

from . import text as T

if TYPE_CHECKING:
    from .holders import HolderIndex, Mention

ZH_CORPORATE = regex.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|俱乐部)$")

# Words of a company's trade or form that end a Chinese company's name, for both readers below
ZH_TRADES = ("公司|股份|控股|集团|汽车|电子|科技|能源|银行|航空|保险|证券|地产|置业|物流|医药|制药|药业|电信|通信|"
              "钢铁|矿业|化工|食品|乳业|酒业|电器|电力|石化|航运|船舶|重工|传媒|影业")

# A company's name as Chinese news writes it: its own word, then the trade it is in ("鸿泰/精密机械", "玉峰/银行",
# "金升/珠宝"); the trade word (the last of one or two after the name word) ends in one of these
_ZH_TRADE = regex.compile(rf"(?:{ZH_TRADES}|人寿|产险|快递|生物|医疗|化学|饮料|啤酒|电气|电机|石油|海运|机械|精机|工业|"
                          r"实业|文娱|游戏|软件|半导体|光电|材料|纺织|服饰|珠宝|玩具|水泥|建材|水务|燃气|家电|家居|百货|零售|"
                          r"超市|酒店|航天|新能源|光伏|电池|锂业|纸业|水产|牧业|种业|资源|矿产|资本|信托|租赁|物产|贸易|咖啡|"
                          r"制造|造船|车业|联盟|协会|商会)$")

_TRADE_AFTER = regex.compile(_ZH_TRADE.pattern.removesuffix("$") + "|金控")

_ZH_NAME_WORD_TAGS = ("nr", "nrt", "nrfg", "nz", "nt")

# A Chinese name right before the day it published something, or its code or English name in brackets
_ANNOUNCER = regex.compile(r"(?<![\p{Han}])(?P<run>\p{Han}{2,20}?)(?P<code>[（(][^）)]{1,40}[）)])?\s*"
                           r"(?P<day>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|[今昨]\s*[（(]\s*\d{1,2}\s*[）)]\s*日|昨日|今日|前日|昨天|今天|日前|近日)?\s*(?:晚间|晚|早间|上午|下午|盘后)?\s*"
                           r"(?:已经?|也|还|则|均|都|亦|正式|首次|再度|再次)?(?:公布|发布|宣布|披露|公告|召开|举行|举办)")

_STOCK_CODE = regex.compile(r"(?<!\d)\d{4,6}(?!\d)")

_PUBLISH_VERBS = ("公布", "发布", "宣布", "披露", "公告", "召开", "举行", "举办")  # (召开法说会: holds its results call)

_POINTING = frozenset("该这其此本各那双我他她们")  # words that point at a name, none themselves

_SPEAKS_FOR_ITSELF = regex.compile(r"(?<![\p{Han}])(?P<name>\p{Han}{2,10}?)方面(?=表示|介绍|称|透露|回应|指出|获悉|证实|回复|披露)")

# A Chinese company named after what it is ("面板大厂友达10月营收", "锂电池龙头宁德时代净利润"): the words
# between a maker's description and the period, the figure or the figure's word that follows (not a person:
# "券商分析师")
_DESCRIBED_NAME = regex.compile(r"(?:大厂|龙头|巨头|[车药乳矿险房酒]企|(?<=\p{Han})(?<!电)商(?![业场品务标会户圈铺城]))"
                                r"(?!平台|市场|行业|产业|企业|公司|集团|品牌|厂商|业者|旗下)(?P<name>\p{Han}{2,5}?)(?<![师员家者长])"
                                r"(?=\d|[今昨去本上前当首全](?:年|月|季|日|天|周|半年)|[一二三四]季|第[一二三四]季|[上下]半年"
                                r"|营收|营业|净利|利润|销量|销售|出货|交付|产量|公布|发布|宣布|表示|指出|股价|市值)")

# A Chinese name that opens a clause before the period and the figure's verb ("华兴重卡10月销量…", "港线渡轮去年
#共录得…", "联发科前10月营收…"): the subject whose figure follows
_CLAUSE_SUBJECT = regex.compile(r"(?:^|(?<=[，。；：！？\n」』）)\s]))(?![日月年]|公司|业务|集团|行业|市场|企业)"
                                r"(?P<name>(?:(?!公布|发布|宣布|披露|预计|预估|表示|指出|显示|称|计划|上调|下调|调升|调降)\p{Han}){2,6}?)"
                                r"(?<![到于在将已也还再为从向对至])"
                                r"(?=(?:\d{1,2}\s*月|[今去本上前当首全]年|[上下]半年|[第前]?[一二三四两1-4]季度?|前[\d一二三四五六七八九十]{1,2}个?月|\d{4}\s*年)"
                                r"[^，。；\n\d]{0,6}?(?:营收|营业|净利|利润|销量|销售|出货|交付|产量|收入|亏损|盈利|录得|实现|共|累计))")

_SUBJECT_TAGS = ("nr", "ns", "nt", "nz", "j")  # (a single word the segmenter knows as something else is no name)

# A trade partner by its one-character name, as trade news write it: 对华出口 (exports to China), 自美进口, 对欧投资
_PARTNER_ABBREVIATION = regex.compile(r"(?<=[对向自从赴来])(?P<abbr>[华美日欧俄韩印台港澳])"
                                      r"(?=(?:出口|进口|贸易|投资|输出|输入|销售|顺差|逆差|出货|发货))")

_PARTNER_NAMES = {"华": "中国", "美": "美国", "日": "日本", "欧": "欧盟", "俄": "俄罗斯", "韩": "韩国", "印": "印度",
                  "台": "台湾", "港": "香港", "澳": "澳门"}

_OWN_REPORT_AFTER = regex.compile(r"了?[^，。；！？\n]{0,24}?(?:财报|年报|季报|半年报|中报|业绩|财务报告|年度报告|财务业绩|结算|决算|自结|财务数据|经营数据|营运数据|运营数据|产销数据|快报|简报|公告)")

# Words that say what kind of firm a Chinese name is ("金矿商", "游戏公司", "拍卖行"): the name follows them.
ZH_COMPANY_KINDS = "拍卖行|巨头|龙头|企业|公司|集团|车企|药企|矿企|险企"
_HAN_WORD = regex.compile(r"\p{Han}+")
_BUSINESS_AFTER = regex.compile(r"业务|板块|部门|分部|事业|业者|行业|产业|市场|企业|类股|股")
# (a word with a character no company's own word holds: a measure, a preposition or a verb the segmenter joined)
_TRADE_NAME_STOP = regex.compile(r"[的了和与及在对向从为是将把被等]")
DESCRIPTOR_ZH = regex.compile(rf"(?:大厂|品牌|\p{{Han}}商|{ZH_COMPANY_KINDS})$")

# what describes a company before its name: a trade ending in 商 (not 商业, commerce), 厂, a bank, a kind of firm
_DESCRIBED = regex.compile(rf"商(?![业场品务标会])|厂|银行|机构|{ZH_COMPANY_KINDS}")

_LEADING_PREPOSITION = regex.compile(r"^(?:[据由经向对在从与和及于]|同业|同行|对手)")  # (同业: "its peer", no name)

_LATIN_NAME = regex.compile(r"[A-Z][A-Za-z&.'’-]*(?:\s+[A-Z][A-Za-z&.'’-]*)*")

# a time that stands before a date ("周日", "昨日", "本周"): when, not who
_TIME_WORD = regex.compile(r"^(?:周[一二三四五六日末]|星期.|[昨今当同前次]日|[昨今当]天|本周|上周|日前|近日|此前)$|[日天周年月]$|时间$")

ZH_SUBDIVISION = regex.compile(r"[州省市县区邦]$")

# A place, a resort, a park or an airport that holds its own figures (visitors, passengers, revenue), named by
# the words before its kind: 上海迪士尼度假区, 九寨沟国家公园, 白云机场
_ZH_INSTITUTION_KINDS = ("度假区", "公园", "景区", "风景区", "乐园", "机场", "港口", "码头", "博物馆", "美术馆", "动物园",
                         "植物园", "体育场", "体育馆", "医院", "大学", "交易所")

_ZH_INSTITUTION = regex.compile(rf"(?:{'|'.join(_ZH_INSTITUTION_KINDS)})$")

# (the kinds' last characters, and "\n", before which `$` matches too: a word ending in none of them is none)
_ZH_INSTITUTION_LAST = frozenset(kind[-1] for kind in _ZH_INSTITUTION_KINDS) | {"\n"}

# (a power station or a reservoir is a place, as "reactors west of Karachi" is: not named so)
_NAME_OPENING_TAGS = ("ns", "nr", "nz", "nt")

_NAME_PART_TAGS = ("ns", "nr", "nz", "nt", "n", "b")


def _place_institutions(index: HolderIndex, folded: str, han_words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of names the segmenter splits into a name and an institution's kind ("上海/迪士尼/度假区",
    "九寨沟/国家/公园"): a name word, up to two more words, the kind; a country written first is left off
    ("美国黄石国家公园" is 黄石国家公园)."""
    out = []
    for n, (s, e, pos) in enumerate(han_words):
        if folded[e - 1] not in _ZH_INSTITUTION_LAST or not _ZH_INSTITUTION.search(folded, s, e) or e - s < 2:
            continue
        first = n
        while first > 0 and n - first < 3 and han_words[first - 1][2] in _NAME_PART_TAGS:
            first -= 1
        while first < n and (han_words[first][2] not in _NAME_OPENING_TAGS
                             or index.kind_of(index.zh_names.get(folded[han_words[first][0]:han_words[first][1]], "")) == "region"):
            first += 1
        if first < n and e - han_words[first][0] >= 4:
            out.append((han_words[first][0], e))
    return out


def _trade_names(index: HolderIndex, folded: str, han_words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans of companies named by their own word and their trade (`_ZH_TRADE`): the own word is one the
    segmenter tags a name or does not know (it found it in the text: "全益/机械"), of two to four characters,
    and no place, time or word the vocabularies know; the trade word follows it directly, alone or after one
    more word ("鸿泰/精密机械", "玉峰/商业/银行"). (start, end, the own word)."""
    out = []
    for k, (s, e, pos) in enumerate(han_words[:-1]):
        if e - s >= 3 and folded[s] in "厂商" and not T.known_word(folded[s:e]):
            s += 1  # ("工具机/厂鸿岳/精密机械": the maker's description ends in 厂, which the segmenter joined)
        word = folded[s:e]
        if not (2 <= e - s <= 4 and (pos in _ZH_NAME_WORD_TAGS or (pos[:1] == "n" and not T.known_word(word)))
                and _HAN_WORD.fullmatch(word) is not None
                and _may_be_new_name(index, word) and not ZH_SUBDIVISION.search(word)
                and not _TRADE_NAME_STOP.search(word) and not DESCRIPTOR_ZH.search(word)):
            continue
        for last in han_words[k + 1:k + 3]:
            if last[0] != e or not T.HAN.match(folded, last[0]) or _TRADE_NAME_STOP.search(folded, last[0], last[1]):
                break
            if _ZH_TRADE.search(folded, last[0], last[1]):
                if not _BUSINESS_AFTER.match(folded, last[1]):  # ("马士基海运业务": a company's business)
                    out.append((s, last[1], word))
                break
            e = last[1]
    return out


def with_full_chinese_names(mentions: list[Mention]) -> list[Mention]:
    """A Chinese company's short name read as the one longer name of the article that opens with the short
    name's own word: 玉峰银行 after 玉峰商业银行, 鸿泰精机 beside 鸿泰精密机械, 华翔 after 华翔航空, 草原冠 after
    草原冠养分公司（Prairie Crest Nutrients）, whose name is the English one."""
    # (each Chinese-written organisation: as written, folded, and the name it is read as)
    written = {(T.fold(m.words), m.name) for m in mentions if m.kind == "org" and T.HAN.match(m.words)}
    if len(written) < 2:
        return mentions
    out = []
    for m in mentions:
        if m.kind == "org" and T.HAN.match(m.name):
            own = _ZH_TRADE.sub("", m.name) or m.name
            longer = sorted({(w, n) for w, n in written if len(w) > len(m.name) and w.startswith(own) and len(own) >= 2
                             and n != m.name}, key=lambda wn: len(wn[0]), reverse=True)
            if longer and (len(longer) == 1 or len(longer[1][0]) < len(longer[0][0])):
                m = replace(m, name=longer[0][1], rule=f"{m.rule} (the short form of {longer[0][1]})")
        out.append(m)
    return out


def _without_last_noun(index: HolderIndex, name: str) -> str | None:
    """A Chinese name without the common noun it ends in (草原冠/养分 -> 草原冠), where what stays is a name of
    its own: two characters or more, no word the dictionary knows."""
    words = T.tag_words(name, 0, len(name))
    if len(words) < 2 or not words[-1][2].startswith("n") or words[-1][2] in _ZH_NAME_WORD_TAGS:
        return None
    rest = name[:words[-1][0]]
    return rest if len(rest) >= 2 and not T.known_word(rest) and _may_be_new_name(index, rest) else None


def abbreviates(short: str, long: str) -> bool:
    """Whether a Chinese short form takes its characters from the long one, in order (国发会 of 国家发展委员会)."""
    at = 0
    for ch in short:
        at = long.find(ch, at) + 1
        if not at:
            return False
    return True


def leading_names(index: HolderIndex, name: str) -> list[str]:
    """The leading words of a Chinese name that may name it alone, as headlines and later sentences write it:
    克雷斯特兰 of 克雷斯特兰出行 (Crestline Mobility); three characters or more, ending where the segmenter ends
    a word, neither a place nor a word the dictionary knows (not 台湾 of 台湾港务)."""
    words = T.tag_words(name, 0, len(name))
    return [prefix for _, end, _ in words[:-1] if len(prefix := name[:end]) >= 3
            and not T.known_word(prefix) and _may_be_new_name(index, prefix)]


def without_place(index: HolderIndex, name: str) -> str | None:
    """A Chinese name without the place it opens with, as a second reference writes it: 港务公司 of
    台湾港务公司; None where it opens with none or too little stays (three characters or more)."""
    words = T.tag_words(name, 0, len(name))
    if len(words) < 2:
        return None
    first = name[:words[0][1]]
    place = index.zh_names.get(first)
    rest = name[words[0][1]:]
    if (place is None or index.kind_of(place) != "region") and first not in index.cities_zh:
        return None
    return rest if len(rest) >= 3 and not index.is_common(rest) else None


def _may_be_new_name(index: HolderIndex, name: str, common_ok: bool = False) -> bool:
    """Whether Chinese words may be a name the text introduces: two characters or more, not a known place, city
    or name, no time ("周日"), no side ("馆方", "双方") nor a word that points at a name ("该公司"), and (unless
    `common_ok`) no word the vocabularies know otherwise."""
    return (len(name) >= 2 and name[-1] != "方" and name[0] not in _POINTING and name not in index.cities_zh
            and (common_ok or not index.is_common(name)) and name not in index.zh_names
            and not _TIME_WORD.search(name))


def chinese_mentions(index: "HolderIndex", folded: str, start: int, end: int, han_words: list[tuple[int, int, str]],
                     bounds: set[int], grounded: set[str] | None, add: Callable[..., bool]) -> None:
    """The organisations and places Chinese text in folded[start:end] names, each passed to `add(start, end,
    name, rule, kind)` (which refuses overlaps and says whether it took one); `bounds`: the segmenter's word
    bounds; `grounded`: the article's names so far, which this adds to (see `holders.find_mentions`)."""
    # "金矿商红桉资源21日公布…", "岚溪咖啡11月12日晚间发布…": whoever publishes on a date is an organisation
    window = folded[start:end]
    def introduce(s: int, e: int, name: str, rule: str) -> bool:
        """A Chinese organisation the text introduces, also where the article writes it again."""
        added = add(s, e, name, rule, "org")
        if grounded is not None:
            grounded.add(name)
        return added

    if "方面" in window:
        # "美宜佳方面介绍", "记者从美宜佳方面获悉": an organisation speaking for itself, named so
        for m in _SPEAKS_FOR_ITSELF.finditer(folded, start, end):
            name, at = m["name"], m.start("name")
            if "从" in name:  # ("记者从美宜佳方面获悉": the name after whom the reporter heard it from)
                cut = name.rindex("从") + 1
                name, at = name[cut:], at + cut
            # (not "该公司方面", "官方", "双方", "北京方面": words that point at a name, a side, a place)
            if (_may_be_new_name(index, name) and not _LEADING_PREPOSITION.match(name)
                    and ZH_CORPORATE.sub("", name)):
                introduce(at, m.end("name"), name, "speaks for itself")
    for m in _DESCRIBED_NAME.finditer(folded, start, end):
        name = m["name"]
        if _may_be_new_name(index, name):
            introduce(m.start("name"), m.end("name"), name, "described")
    for m in _CLAUSE_SUBJECT.finditer(folded, start, end):
        name, at = m["name"], m.start("name")
        words = [w for w in han_words if at <= w[0] and w[1] <= m.end("name")]
        if (_may_be_new_name(index, name) and not _LEADING_PREPOSITION.match(name) and not ZH_SUBDIVISION.search(name)
                and (len(words) > 1 or (words and words[0][2] in _SUBJECT_TAGS))):
            introduce(at, m.end("name"), name, "clause subject")
    for m in _PARTNER_ABBREVIATION.finditer(folded, start, end):
        if (partner := index.zh_names.get(_PARTNER_NAMES[m["abbr"]])) is not None:
            add(m.start("abbr"), m.end("abbr"), partner, "trade partner's short name", "region")
    announces = any(verb in window for verb in _PUBLISH_VERBS)  # (most windows publish nothing)
    for m in _ANNOUNCER.finditer(folded, start, end) if announces else ():
        if not (m["code"] or m["day"] or _OWN_REPORT_AFTER.match(folded, m.end())):
            # "该公司公布": a published figure names its publisher by a date or a code, or by the report
            # it publishes ("曼联公布2024-25财年财报": its own results)
            continue
        run = m["run"]
        # the name after its description ("金矿商", "游戏公司", "代工厂"), without a corporate form
        cut = max((d.end() for d in _DESCRIBED.finditer(run) if d.end() < len(run) - 1), default=0)
        name = _LEADING_PREPOSITION.sub("", run[cut:])
        bare = ZH_CORPORATE.sub("", name)
        code = m["code"] or ""
        # (an English name in the bracket, not a stock code's exchange: "600941.SH" names no "SH")
        latin = next((n for n in _LATIN_NAME.finditer(code)
                      if not code[n.start() - 1:n.start()].isdigit() and code[n.start() - 1:n.start()] != "."), None)
        # (a stock code names a listed company, whatever words its name holds: "新鸿基地产（0016）"; not
        # "馆方昨日公布", "该公司公布": a side, or words that point at a name)
        if _may_be_new_name(index, bare, common_ok=_STOCK_CODE.search(code) is not None):
            # (with its English name in the bracket, "麒麟工具（Kirin Tools）", the English one)
            add(m.end("run") - len(name), m.end("run"), index.company(latin.group()) if latin else bare,
                "announcer", "org")
            if grounded is not None and not index.is_agency(name):
                # (and its short form, the name without the noun it ends in: 草原冠 of 草原冠养分公司)
                grounded.update(n for n in (bare, _without_last_noun(index, bare)) if n and (n != bare or not latin))
    for s, e in _place_institutions(index, folded, han_words):
        add(s, e, folded[s:e], "segmenter", "org")
    for s, e, own in _trade_names(index, folded, han_words):
        if introduce(s, e, folded[s:e], "named by its trade") and grounded is not None:
            grounded.add(own)  # (its own word alone names it too: "鸿泰" once "鸿泰精密机械" is named)
    word_readings = index.word_readings
    for s, e, pos in han_words:
        word = folded[s:e]
        reading = word_readings.get((word, pos), False)
        if reading is False:
            reading = index.word_reading(word, pos)
        if reading is not None:
            add(s, e, *reading)
    # a name that published earlier in the article, written again ("曼联工资支出约3.7亿英镑"); the
    # longest first, so that 雅迪控股 is not read as 雅迪 (and frames do not hang on a set's hash order)
    for name in sorted((n for n in grounded or () if T.HAN.match(n)), key=lambda n: (-len(n), n)):
        at = folded.find(name, start, end)
        while at >= 0:
            # (not where a trade follows it: 玉港金控, once 玉港人寿 is named, is its parent, another company)
            if at in bounds and not _TRADE_AFTER.match(folded, at + len(name)):
                add(at, at + len(name), name, "announced before", "org")
            at = folded.find(name, at + len(name), end)
