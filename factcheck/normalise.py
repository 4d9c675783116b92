"""Stage 3: units. One shared pint registry with the project's definitions from `rules/units.txt`.

The extractor asks this module two things: which surface forms after a number are units (`surface_units`),
and what a value in such a unit is in canonical form (`canonical`).

Importing pint and building its registry costs a run over half a second, and a run whose claims all come
from the claims store asks pint almost nothing: whether a conversion rate's units exist, and the factor
from a claim's unit to the unit its dimension is compared in. So what `load_units` works out with pint (the
surface forms, the names defined, those factors) is kept in a small JSON file in the user's cache folder
(`FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`), named by a digest of
`units.txt`, pint's version and this module's code; with that file at hand the registry is built only
when something asks for it (`Units.registry`: extraction, framing, a unit the file does not list). A
`units.txt` with an error is never written there, so its error surfaces on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import regex

from .errors import RulesError
from .user_cache import cache_file, package_version, read_json, write_json

if TYPE_CHECKING:
    import pint

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


# Units claims of one dimension are compared in (`compare.place`): `load_units` works out the factor from every
# canonical unit to these once, with pint, and keeps them (see the module's docstring).
COMPARED_IN = {"mass": "t", "time": "year", "length": "km", "area": "square_kilometer", "volume": "cubic_meter",
               "power": "GW", "energy": "GWh", "mass per area": "metric_ton / hectare",
               "mass per volume": "microgram / cubic_meter", "volume per time": "cubic_meter / day",
               "mass per time": "t / day"}


@dataclass(frozen=True)
class Units:
    surfaces: dict[str, str]  # surface form (casefolded where ASCII) -> pint unit name
    pattern: regex.Pattern  # matches any surface at a position
    path: str
    build: Callable[[], "pint.UnitRegistry"] = field(repr=False, compare=False)  # the registry, made anew
    defined: frozenset[str] = frozenset()  # names `units.txt` defines (each one is `in registry`)
    # (canonical unit, unit of COMPARED_IN) -> `convert(units, 1.0, ...)`, None where that raises
    factors: dict[tuple[str, str], float | None] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def registry(self) -> "pint.UnitRegistry":
        return self.build()

    def knows(self, name: str) -> bool:
        """`name in self.registry`, without building the registry for a name `units.txt` defines."""
        return name in self.defined or name in self.registry

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
    """Load `units.txt` from a rules folder (a fresh registry, built when first asked for); errors name the
    file and line."""
    path = Path(rules_dir) if rules_dir else DEFAULT_RULES
    file = path / "units.txt"
    try:
        raw = file.read_bytes()
        lines = raw.decode("utf-8").splitlines()
    except OSError as exc:
        raise RulesError(str(file), 1, 1, f"cannot read unit definitions: {exc.strerror}") from None
    build = partial(_registry, tuple(lines))
    kept = _facts_file(raw)
    facts = _read_facts(kept)
    if facts is None:
        registry = _validated_registry(lines, file)
        facts = _facts(registry, lines)
        write_json(kept, facts)
        build = partial(_made, registry)
    surfaces = facts["surfaces"]
    factors = {(unit, to): factor for unit, to, factor in facts["factors"]}
    return Units(surfaces=surfaces, pattern=_surface_pattern(surfaces), path=str(file), build=build,
                 defined=frozenset(facts["defined"]), factors=factors)


def _registry(lines: tuple[str, ...]) -> "pint.UnitRegistry":
    """A registry with the definitions of `units.txt` (already validated: see `_validated_registry`)."""
    import pint

    # No cache_folder: pint's disk cache loads the registry ten times quicker, but a registry built from it
    # parses units several times slower (measured: extraction 4.5x slower), and extraction parses many.
    registry = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line:
            registry.define(line)
    return registry


def _made(registry: "pint.UnitRegistry") -> "pint.UnitRegistry":
    return registry


def _validated_registry(lines: list[str], file: Path) -> "pint.UnitRegistry":
    """The registry of `units.txt`, each definition checked: errors name the file and line."""
    import pint

    registry = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            registry.define(line)
        except Exception as exc:  # pint raises several types for bad definitions
            raise RulesError(str(file), number, 1, f"bad unit definition {line!r}: {exc}") from None
        name, _ = _definition_surfaces(line)
        try:
            # pint resolves definitions lazily: convert once so an unknown unit fails here, not mid-run.
            registry.Quantity(1, name).to_base_units()
        except Exception as exc:
            raise RulesError(str(file), number, 1, f"unknown unit in {line!r}: {exc}") from None
    return registry


def _facts(registry: "pint.UnitRegistry", lines: list[str]) -> dict:
    """What runs ask of the registry, worked out once: surface forms, names defined, comparison factors."""
    surfaces: dict[str, str] = {}
    defined: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, forms = _definition_surfaces(line)
        defined.update(f for f in forms if _in(registry, f))
        pint_name = registry.get_name(name)
        for form in forms:
            spoken = form.replace("_", " ")
            keys = {spoken} if not spoken.isascii() else {spoken.casefold()}
            if spoken.isascii() and len(spoken) > 3 and not spoken.endswith("s"):
                keys.add(spoken.casefold() + "s")
            for key in keys:
                surfaces.setdefault(key, pint_name)
    units = Units(surfaces=surfaces, pattern=regex.compile(""), path="", build=lambda: registry)
    compared = sorted(set(COMPARED_IN.values()))
    canonicals = sorted({canonical(units, Decimal(1), name)[1] for name in set(surfaces.values())} - set(compared))
    factors = []
    for unit in canonicals + compared:
        for to in compared:
            if unit != to:
                try:
                    factors.append([unit, to, convert(units, 1.0, unit, to)])
                except Exception:  # what `compare.place` catches: the claim stays in its own unit
                    factors.append([unit, to, None])
    return {"surfaces": surfaces, "defined": sorted(defined), "factors": factors}


def _in(registry: "pint.UnitRegistry", name: str) -> bool:
    try:
        return name in registry
    except Exception:  # a form pint cannot even parse: left to the registry, which raises again
        return False


def _surface_pattern(surfaces: dict[str, str]) -> regex.Pattern:
    # Longest first, so "metric tons" wins over "tons" and "个百分点" over nothing.
    alternatives = sorted(surfaces, key=len, reverse=True)
    # (words of a unit may be joined by blanks or hyphens: "twenty-foot equivalent units")
    ascii_alts = [regex.escape(s).replace(r"\ ", r"[\s-]+") for s in alternatives if s.isascii()]
    cjk_alts = [regex.escape(s) for s in alternatives if not s.isascii()]
    return regex.compile(
        r"(?:(?i:" + "|".join(ascii_alts) + r")" + ASCII_UNIT_END + "|" + "|".join(cjk_alts) + ")"
    )


def _facts_file(units_txt: bytes) -> Path:
    """Where the facts of this `units.txt` are kept: named by it, pint's version and this module's code."""
    return cache_file("units", package_version("pint").encode(), Path(__file__).read_bytes(), units_txt)


def _read_facts(path: Path) -> dict | None:
    facts = read_json(path)
    if not isinstance(facts, dict) or set(facts) != {"surfaces", "defined", "factors"}:
        return None  # missing, damaged or foreign: worked out again
    return facts


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


def conversion_factor(units: Units, unit: str, to_unit: str) -> float:
    """`convert(units, 1.0, unit, to_unit)`, from the factors `load_units` kept when it has it (raising
    ValueError where that conversion raises)."""
    factor = units.factors.get((unit, to_unit), _UNKNOWN)
    if factor is _UNKNOWN:
        return convert(units, 1.0, unit, to_unit)
    if factor is None:
        raise ValueError(f"cannot convert {unit} to {to_unit}")
    return factor


_UNKNOWN = object()


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
    except (AttributeError, ValueError):  # pint's UndefinedUnitError is an AttributeError
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
                    "[length] ** 3 / [time]": "volume per time", "[mass] / [time]": "mass per time",
                    "[container]": "containers"}
