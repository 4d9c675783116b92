"""Stage 3: units. One shared pint registry with the project's definitions from `rules/units.txt`.

The extractor asks this module two things: which surface forms after a number are units (`surface_units`),
and what a value in such a unit is in canonical form (`canonical`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pint
import regex

from .errors import RulesError

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "rules"

# Canonical unit strings for the dimensions the product reasons about (everything else keeps pint's name).
_CANONICAL_BY_NAME = {
    "ton": ("t", 1), "metric_ton": ("t", 1), "kilogram": ("kg", 1), "gram": ("kg", Decimal("0.001")),
    "percent": ("percent", 1), "cheng": ("percent", 10), "percentage_point": ("percentage_point", 1),
    "decade": ("year", 10), "count": ("count", 1), "ratio": ("ratio", 1),
    "basis_point": ("percentage_point", Decimal("0.01")), "kilotonne": ("t", 10**3), "megatonne": ("t", 10**6), "gigatonne": ("t", 10**9),
    "barrel_per_day": ("oil_barrel / day", 1), "ton_per_day": ("t / day", 1),
    "million_barrel_per_day": ("oil_barrel / day", 10**6),
    "bcm": ("cubic_meter", 10**9),
}
_TIME_UNITS = {"year", "month", "week", "day", "hour"}
# An ASCII unit ends where no letter or digit follows, except a Chinese character (50kWh电池).
ASCII_UNIT_END = r"(?!(?!\p{Han})[\p{L}\p{N}])"


@dataclass(frozen=True)
class Units:
    registry: pint.UnitRegistry
    surfaces: dict[str, str]  # surface form (casefolded where ASCII) -> pint unit name
    pattern: regex.Pattern  # matches any surface at a position
    path: str

    def unit_for(self, surface: str) -> str | None:
        key = surface if not surface.isascii() else _BLANKS.sub(" ", surface.casefold())  # "twenty-foot"
        return self.surfaces.get(key) or self.surfaces.get(key.replace(" ", "_"))


_BLANKS = regex.compile(r"[\s-]+")


def _definition_surfaces(line: str) -> tuple[str, list[str]]:
    """(pint unit name, surface forms) of one definition line."""
    if line.startswith("@alias"):
        names = [p.strip() for p in line[len("@alias"):].split("=")]
        return names[0], names
    parts = [p.strip() for p in line.split("=")]
    return parts[0], [parts[0]] + [p for p in parts[2:] if p != "_"]


@lru_cache(maxsize=8)
def load_units(rules_dir: str | None = None) -> Units:
    """Load `units.txt` from a rules folder into a fresh registry; errors name the file and line."""
    path = Path(rules_dir) if rules_dir else DEFAULT_RULES
    file = path / "units.txt"
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RulesError(str(file), 1, 1, f"cannot read unit definitions: {exc.strerror}") from None
    # No cache_folder: pint's disk cache loads the registry ten times quicker, but a registry built from it
    # parses units several times slower (measured: extraction 4.5x slower), and extraction parses many.
    registry = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    surfaces: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            registry.define(line)
        except Exception as exc:  # pint raises several types for bad definitions
            raise RulesError(str(file), number, 1, f"bad unit definition {line!r}: {exc}") from None
        name, forms = _definition_surfaces(line)
        try:
            # pint resolves definitions lazily: convert once so an unknown unit fails here, not mid-run.
            registry.Quantity(1, name).to_base_units()
        except Exception as exc:
            raise RulesError(str(file), number, 1, f"unknown unit in {line!r}: {exc}") from None
        canonical = registry.get_name(name)
        for form in forms:
            spoken = form.replace("_", " ")
            keys = {spoken} if not spoken.isascii() else {spoken.casefold()}
            if spoken.isascii() and len(spoken) > 3 and not spoken.endswith("s"):
                keys.add(spoken.casefold() + "s")
            for key in keys:
                surfaces.setdefault(key, canonical)
    # Longest first, so "metric tons" wins over "tons" and "个百分点" over nothing.
    alternatives = sorted(surfaces, key=len, reverse=True)
    # (words of a unit may be joined by blanks or hyphens: "twenty-foot equivalent units")
    ascii_alts = [regex.escape(s).replace(r"\ ", r"[\s-]+") for s in alternatives if s.isascii()]
    cjk_alts = [regex.escape(s) for s in alternatives if not s.isascii()]
    pattern = regex.compile(
        r"(?:(?i:" + "|".join(ascii_alts) + r")" + ASCII_UNIT_END + "|" + "|".join(cjk_alts) + ")"
    )
    return Units(registry=registry, surfaces=surfaces, pattern=pattern, path=str(file))


def canonical(units: Units, value: Decimal, unit_name: str) -> tuple[Decimal, str]:
    """A value in a pint unit, expressed in the product's canonical unit string."""
    if unit_name in _CANONICAL_BY_NAME:
        name, factor = _CANONICAL_BY_NAME[unit_name]
        return value * Decimal(factor), name
    registry = units.registry
    if unit_name in _TIME_UNITS:
        return value, unit_name
    dims = registry.get_dimensionality(unit_name)
    if len(dims) == 1 and str(next(iter(dims))).startswith("[currency_"):
        code = str(next(iter(dims)))[len("[currency_"):-1]  # ISO codes are the unit names
        if unit_name != code:  # cents, pence, satoshis: in the main unit, exactly
            factor = Decimal(str(registry.Quantity(1, unit_name).to(code).magnitude))
            return value * factor, code
        return value, code
    parsed = registry.parse_unit_name(unit_name)
    if not parsed:
        return value, unit_name
    prefix, base, _ = parsed[0]
    if prefix:
        return value, registry.get_symbol(unit_name)
    return value, base


def convert(units: Units, value: float, unit: str, to_unit: str) -> float:
    """Convert between canonical unit strings (t -> kg, month -> year, ...)."""
    aliases = {"t": "metric_ton", "percent": "percent"}
    q = units.registry.Quantity(value, aliases.get(unit, unit))
    return float(q.to(aliases.get(to_unit, to_unit)).magnitude)


_DIMENSIONS: dict[tuple[int, str], tuple[Units, str]] = {}


def dimension(units: Units, unit: str) -> str:
    """A short dimension key used to keep incomparable claims apart: mass, time, percent, USD, ...
    (asked once per claim: kept per registry and unit, as pint's answer never changes)."""
    hit = _DIMENSIONS.get((id(units), unit))
    if hit is None or hit[0] is not units:
        hit = (units, _dimension(units, unit))
        _DIMENSIONS[(id(units), unit)] = hit
    return hit[1]


def _dimension(units: Units, unit: str) -> str:
    if unit in ("percent", "percentage_point", "count", "ratio"):
        return unit
    if len(unit) == 3 and unit.isupper():
        return unit
    try:
        dims = units.registry.get_dimensionality({"t": "metric_ton"}.get(unit, unit))
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError):
        return unit
    return _DIMENSION_NAMES.get(str(dims), str(dims))


def is_money(units: Units, unit: str) -> bool:
    """Whether a canonical unit is a currency (USD, CNY, ...)."""
    try:
        dims = units.registry.get_dimensionality(unit)
    except Exception:  # an unknown unit is no currency
        return False
    return len(dims) == 1 and str(next(iter(dims))).startswith("[currency_")


_DIMENSION_NAMES = {"[mass]": "mass", "[time]": "time", "[length]": "length", "[length] ** 2": "area",
                    "[length] ** 3": "volume", "[mass] * [length] ** 2 / [time] ** 3": "power",
                    "[mass] * [length] ** 2 / [time] ** 2": "energy",
                    "[mass] / [length] ** 3": "mass per volume", "[mass] / [length] ** 2": "mass per area",
                    "[container]": "containers"}
