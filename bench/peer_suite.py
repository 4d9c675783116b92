#!/usr/bin/env python3
"""Score factcheck's extractor on other extractors' public test cases (../shared/peer-suites/).

    .venv/bin/python bench/peer_suite.py [--suites DIR] [--show-failures N] [--only SUBSTRING]

For each in-scope file (Microsoft Recognizers-Text Percent, Currency, Dimension, Number and NumberRange
models in English and Chinese; quantulum3's quantities.json) it prints factcheck's pass rate next to the
rate the peer's own Python port is marked to pass (cases whose `NotSupported`/`NotSupportedByDesign` does
not name `python`; quantulum3's cases are its own test data, so all are taken as passing for it).

What "pass" means (one case = one input sentence):
- every expected entity is matched by a factcheck record whose span overlaps it (Recognizers-Text End
  offsets are inclusive) and whose value agrees after unit conversion (relative 1e-6, or 0.5% for
  conversions between units); a case with no expected entity passes when factcheck reports nothing of the
  model's kind there. Extra records elsewhere in a sentence do not fail it: we extract every figure.
- Percent: a `percent`/`percentage_point` record (a signed change "fell 5%" matches 5 by magnitude).
- Currency: a record in an ISO currency code; its value must equal the expected amount. An amount the peer
  gives in a sub-unit (cents, pence, satoshis) may be reported by us in the main unit.
- Percent and currency: an expected figure that is one end of a range we read around it ("5-20%" holds
  20%) matches that end.
- Dimension: a record in a physical unit; the expected value is converted to the record's unit with pint.
  A rate factcheck reads ("500,000 barrels a day" is `oil_barrel / day`, 日均20万公斤 `kg / day`) is
  compared by its amount where the spec, which has no rate units, stops before the period.
- Number: any record counts (bare numbers are `count` records); its value, or the value before a
  percent/unit conversion, must equal the expected number.
- NumberRange: `[a,b)` needs a record with value a and value_high b; `(a,)` / `[a,)` a record with value a
  and a lower-bound qualifier (over, at_least); `(,b)` / `(,b]` one with value b and an upper bound.
- Expected entities without a value (a currency or unit named with no figure) are not numeric claims
  and are left out.
- quantulum3: ranges are midpoint +- uncertainty and become [low, high]; `dimensionless` is a bare number.

Recognizers-Text collapses Chinese approximate forms to their base value (500余万 -> 5000000), and so do we
when scoring: factcheck's value is the low end of such a range.

Where the specs disagree with factcheck's claim conventions, factcheck keeps its conventions and the case
fails: years and dates are not claims (quantulum3 expects "1979" as a number), clock times are not claims
("2 pm" is not 2 picometres), digits inside names are not claims (F-35, "English 101"), ordinals are not
figures, and lone English number words without a counted noun ("one", "ten") are not claims. Some
conventions of reading differ too, and those cases fail: "percent of 10" is not 10% (in English the figure
after "percent of" is what the share is taken of); Chinese adjacent-digit forms are ranges (二三十个百分点
is 20 to 30 points, where the spec expects nothing); N分之M is read as a fraction even when improper
(五百分之2.2 is 0.44%); "100 mb" is megabytes; metric amounts in two parts are two figures ("12 m 2 dm"),
imperial and Chinese ones one figure ("5 ft 2 in", 三斤二两).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract import Extractor  # noqa: E402
from factcheck.model import Article, Claim  # noqa: E402
from factcheck.normalise import load_units  # noqa: E402

DEFAULT_SUITES = ROOT.parent / "shared" / "peer-suites"
RT = "recognizers-text/Specs"
FILES = [
    (f"{RT}/Number/English/PercentModel.json", "percent"),
    (f"{RT}/Number/Chinese/PercentModel.json", "percent"),
    (f"{RT}/NumberWithUnit/English/CurrencyModel.json", "currency"),
    (f"{RT}/NumberWithUnit/Chinese/CurrencyModel.json", "currency"),
    (f"{RT}/NumberWithUnit/English/DimensionModel.json", "dimension"),
    (f"{RT}/NumberWithUnit/Chinese/DimensionModel.json", "dimension"),
    (f"{RT}/Number/English/NumberModel.json", "number"),
    (f"{RT}/Number/Chinese/NumberModel.json", "number"),
    (f"{RT}/Number/English/NumberRangeModel.json", "range"),
    (f"{RT}/Number/Chinese/NumberRangeModel.json", "range"),
    ("quantulum3/quantulum3/_lang/en_US/tests/quantities.json", "quantulum"),
]

# Peer unit names -> pint expressions in factcheck's registry (None: no pint equivalent, value compared as is).
UNIT_NAMES = {
    "foot": "foot", "meter": "meter", "metre": "meter", "mile": "mile", "pound": "pound", "pound-mass": "pound",
    "gallon": "gallon", "ton": "metric_ton", "tonne": "metric_ton", "metric ton": "metric_ton",
    "kilometer per hour": "kilometer / hour", "kilometre per hour": "kilometer / hour",
    "kilogram": "kilogram", "microgram": "microgram", "milligram": "milligram", "inch": "inch",
    "square meter": "meter ** 2", "kilometer": "kilometer", "kilometre": "kilometer",
    "millimeter": "millimeter", "decimeter": "decimeter", "picometer": "picometer", "picometre": "picometer",
    "degree": "degree", "turn": "turn", "milliliter": "milliliter", "barrel": "oil_barrel", "ounce": "ounce",
    "acre": "acre", "cubic foot": "foot ** 3", "bit": "bit", "mile per hour": "mile / hour",
    "square kilometer": "kilometer ** 2", "square kilometre": "kilometer ** 2", "megabit": "megabit",
    "megabyte": "megabyte", "tablespoon": "tablespoon", "cup": "cup", "teaspoon": "teaspoon", "dram": "dram",
    "meter per millisecond": "meter / millisecond", "centimeter per millisecond": "centimeter / millisecond",
    "kilometer per millisecond": "kilometer / millisecond", "gram": "gram", "radian": "radian",
    "liang": "liang", "centimeter": "centimeter", "jin": "jin", "kilobit": "kilobit", "mu": "mu",
    "kilobyte": "kilobyte", "megahertz": "megahertz", "hertz": "hertz", "kilowatt": "kilowatt",
    "kilocalorie": "kilocalorie", "year": "year", "month": "month", "day": "day", "week": "week",
    "hour": "hour", "square mile": "mile ** 2", "cubic kilometre": "kilometer ** 3", "litre": "liter",
    "centilitre": "centiliter", "cubic centimetre": "centimeter ** 3", "nanometre": "nanometer",
    "attometre": "attometer", "gigahertz": "gigahertz", "exabyte": "exabyte", "kibibyte": "kibibyte",
    "byte": "byte", "watt hour": "watt * hour", "megawatt hour": "megawatt * hour", "kelvin": "kelvin",
    "degree celsius": "degree_Celsius", "degree fahrenheit": "degree_Fahrenheit", "electronvolt": "electron_volt",
    "teraelectronvolt": "teraelectron_volt", "gigayear": "gigayear", "megayear": "megayear",
}
# Money: the peer's unit names -> ISO codes (Recognizers-Text gives `isoCurrency` only for some).
CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "chinese yuan": "CNY", "pound": "GBP",
    "british pound": "GBP", "pound sterling": "GBP", "japanese yen": "JPY", "canadian dollar": "CAD",
    "australian dollar": "AUD", "hong kong dollar": "HKD", "rupee": "INR", "swiss franc": "CHF",
    "new zealand dollar": "NZD", "new taiwan dollar": "TWD", "mexican peso": "MXN", "turkish lira": "TRY",
}
# Sub-units: the expected value is in the sub-unit; factcheck may report it in the main unit.
SUBUNITS = {"cent": Decimal("0.01"), "pence": Decimal("0.01"), "penny": Decimal("0.01"),
            "dime": Decimal("0.1"), "sen": Decimal("0.01"), "satoshi": Decimal("1e-8")}


@dataclass
class Expected:
    start: int  # [start, end) in the input
    end: int
    kind: str
    low: Decimal | None
    high: Decimal | None
    unit: str | None  # peer unit name, lower-cased
    iso: str | None
    bound: str | None = None  # "low" / "high" for one-sided ranges


class Runner:
    def __init__(self) -> None:
        self.units = load_units()
        self.extractor = Extractor(self.units)
        self.registry = self.units.registry

    def extract(self, text: str) -> list[Claim]:
        article = Article(id="peer#1", file="peer", title="", source=None, date=None, start=0, end=len(text))
        return self.extractor.extract(text, [article], "peer")

    # -- unit conversion -------------------------------------------------------------------------

    def convert(self, value: Decimal, peer_unit: str | None, our_unit: str) -> Decimal | None:
        """The expected value in factcheck's unit, or None when the units cannot be compared."""
        if peer_unit is None:
            return value
        src = UNIT_NAMES.get(peer_unit)
        dst = {"t": "metric_ton", "percent": "percent"}.get(our_unit, our_unit)
        if " / " in dst and "/" not in peer_unit and " per " not in peer_unit:
            dst = dst.split(" / ")[0]  # a rate we read ("a day") against the spec's amount, which has no rates
        if src is None:
            return value if peer_unit.replace(" ", "_") == our_unit else None
        try:
            q = self.registry.Quantity(float(value), src)
            return Decimal(repr(q.to(dst).magnitude))
        except Exception:  # noqa: BLE001 - incompatible or unknown units simply do not match
            return None


def _close(a: Decimal | float | None, b: Decimal | float | None, rel: float) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().rstrip("%").replace(",", ""))
    except InvalidOperation:
        return None


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


_NON_PHYSICAL = {"percent", "percentage_point", "count", "ratio"}


def _kind_ok(kind: str, claim: Claim) -> bool:
    if kind == "percent":
        return claim.unit in ("percent", "percentage_point")
    if kind == "currency":
        return _is_money(claim.unit)
    if kind == "dimension":
        return claim.unit not in _NON_PHYSICAL and not _is_money(claim.unit)
    return True


def _matches(run: Runner, exp: Expected, claim: Claim) -> bool:
    if not (claim.start < exp.end and exp.start < claim.end):
        return False
    if not _kind_ok(exp.kind, claim):
        return False
    value, high = Decimal(repr(claim.value)), None if claim.value_high is None else Decimal(repr(claim.value_high))
    if claim.direction == "down" and value < 0:  # "fell 5%" is -5 for us, 5% for the peer
        value, high = (-high if high is not None else -value), (-value if high is not None else None)
    if exp.kind in ("currency", "percent") and high is not None and _close(exp.low, high, 1e-6):
        value = high  # the upper end of a range we read around the expected figure
    if exp.kind == "percent":
        return _close(exp.low, value, 1e-6)
    if exp.kind == "currency":
        if exp.unit in SUBUNITS:
            return _close(exp.low, value, 1e-6) or _close(exp.low * SUBUNITS[exp.unit], value, 1e-6)
        iso = exp.iso or CURRENCY_NAMES.get(exp.unit or "")
        if iso and claim.unit != iso and not (iso == "USD" and claim.unit in ("USD", "AUD", "CAD", "HKD")):
            return False
        return _close(exp.low, value, 1e-6)
    if exp.kind == "number":
        # The expected number may be the figure of a percent or a unit (Recognizers-Text reads "5 kg" as 5).
        return _close(exp.low, value, 1e-6) or (high is not None and _close(exp.low, high, 1e-6))
    if exp.kind == "range":
        if exp.bound == "low":
            return claim.qualifier in ("over", "at_least") and _close(exp.low, value, 1e-6)
        if exp.bound == "high":
            return claim.qualifier in ("under", "at_most") and _close(exp.high, value, 1e-6)
        return _close(exp.low, value, 1e-6) and _close(exp.high, high, 1e-6)
    # dimension and quantulum quantities: convert the expected value into the claim's unit
    if exp.unit == "dimensionless" or exp.unit is None:
        if claim.unit not in ("count", "ratio") and exp.kind == "quantulum":
            return False
        lo, hi_ = exp.low, exp.high
    elif exp.unit in ("dollar", "euro", "pound sterling", "cent", "penny", "dime"):
        if not _is_money(claim.unit):
            return False
        f = SUBUNITS.get(exp.unit, Decimal(1))
        lo = exp.low * f
        hi_ = None if exp.high is None else exp.high * f
        return _close(lo, value, 1e-6) and (hi_ is None or _close(hi_, high, 1e-6)) or \
            _close(exp.low, value, 1e-6) and (exp.high is None or _close(exp.high, high, 1e-6))
    elif exp.unit == "percentage":
        lo, hi_ = exp.low, exp.high
        if claim.unit not in ("percent", "percentage_point"):
            return False
    else:
        lo = run.convert(exp.low, exp.unit, claim.unit)
        hi_ = None if exp.high is None else run.convert(exp.high, exp.unit, claim.unit)
        if lo is None:
            return False
    if exp.high is not None and exp.high != exp.low:
        return _close(lo, value, 0.005) and _close(hi_, high, 0.005)
    # a single figure matches either end of a range we read around it ("eight to 10 feet" holds 10 feet)
    return _close(lo, value, 0.005) or _close(lo, high, 0.005)


# -- reading the suites --------------------------------------------------------------------------

def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _range_value(text: str) -> tuple[Decimal | None, Decimal | None, str | None]:
    m = re.fullmatch(r"\s*([\[(])\s*([^,]*),\s*([^\])]*)\s*([\])])\s*", text)
    if not m:
        v = _dec(text)
        return v, v, None
    lo, hi = _dec(m[2]) if m[2].strip() else None, _dec(m[3]) if m[3].strip() else None
    if lo is not None and hi is None:
        return lo, None, "low"
    if hi is not None and lo is None:
        return None, hi, "high"
    return lo, hi, None


def rt_cases(path: Path, kind: str) -> list[tuple[str, list[Expected], bool]]:
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        skip = " ".join(str(case.get(k, "")) for k in ("NotSupported", "NotSupportedByDesign")).lower()
        expected = []
        for r in case["Results"]:
            res = r.get("Resolution") or {}
            raw = str(res.get("value", ""))
            if kind == "range":
                low, high, bound = _range_value(raw)
            else:
                low, high, bound = _dec(raw), None, None
                if low is None:
                    continue  # a unit named without a figure ("the dollar"): not a numeric claim
            expected.append(Expected(r["Start"], r["End"] + 1, kind, low, high,
                                     (res.get("unit") or "").lower() or None, res.get("isoCurrency"), bound))
        cases.append((case["Input"], expected, "python" not in skip))
    return cases


def quantulum_cases(path: Path) -> list[tuple[str, list[Expected], bool]]:
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        text, expected, pos = case["req"], [], 0
        for r in case["res"]:
            at = text.find(r["surface"], pos)
            if at < 0:
                at = text.find(r["surface"])
            start = max(at, 0)
            end = start + len(r["surface"])
            pos = end if at >= 0 else pos
            value = Decimal(repr(r["value"]))
            unc = r.get("uncertainty")
            low = high = value
            if unc:
                low, high = value - Decimal(repr(unc)), value + Decimal(repr(unc))
            expected.append(Expected(start, end, "quantulum", low, None if low == high else high,
                                     r["unit"].lower(), None))
        cases.append((text, expected, True))
    return cases


def score(run: Runner, cases, kind: str, failures: list) -> tuple[int, int, int]:
    ours = peer = 0
    for text, expected, peer_ok in cases:
        claims = run.extract(text)
        if expected:
            ok = all(any(_matches(run, e, c) for c in claims) for e in expected)
        else:
            ok = not any(_kind_ok(kind if kind != "number" else "number", c) for c in claims) \
                if kind in ("percent", "currency", "dimension") else not claims
        ours += ok
        peer += peer_ok
        if not ok:
            failures.append((text, expected, claims))
    return ours, peer, len(cases)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suites", default=str(DEFAULT_SUITES))
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="print up to N failing cases per file")
    ap.add_argument("--only", default="", help="only files whose path contains this")
    args = ap.parse_args(argv)
    run = Runner()
    root = Path(args.suites)
    rows = []
    for rel, kind in FILES:
        if args.only and args.only not in rel:
            continue
        path = root / rel
        if not path.exists():
            print(f"missing: {path}", file=sys.stderr)
            continue
        cases = quantulum_cases(path) if kind == "quantulum" else rt_cases(path, kind)
        failures: list = []
        ours, peer, n = score(run, cases, kind, failures)
        name = rel.replace(f"{RT}/", "").replace("quantulum3/quantulum3/_lang/en_US/tests/", "quantulum3/")
        rows.append((name, n, ours, peer))
        for text, expected, claims in failures[: args.show_failures]:
            print(f"FAIL {name}: {text}")
            for e in expected:
                print(f"   want {text[e.start:e.end]!r} {e.low}..{e.high} {e.unit or ''} {e.bound or ''}")
            for c in claims:
                print(f"   got  {c.text!r} {c.value} {c.value_high} {c.unit} {c.qualifier}")
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'file':<{width}}  {'cases':>5}  {'factcheck':>9}  {'peer (python)':>13}")
    for name, n, ours, peer in rows:
        print(f"{name:<{width}}  {n:>5}  {ours / n:>9.1%}  {peer / n:>13.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
