"""Rule files in `rules/`: strict loading into frozen dataclasses.

Every file declares one `kind` (subject, entity, tolerance, conversion, acknowledgement); each kind is
implemented once here. Unknown keys, missing fields, bad regular expressions, unknown units and duplicate
keys are `RulesError`s naming `path:line:col`, raised before any work starts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .errors import RulesError
from .normalise import DEFAULT_RULES, load_units
from .rulefile import Cue, Located, check_keys, compile_cues
from .vocabulary import load as load_vocabulary_kinds

DIMENSIONS = {"percent", "percentage_point", "mass", "money", "count", "ratio", "time", "length", "other"}


# --- rule kinds ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Subject(Cue):
    description: str = ""
    dimensions: tuple[str, ...] = ()
    weak: Cue | None = None  # generic words, used only when no subject's specific cue is near

    def __post_init__(self) -> None:
        unknown = set(self.dimensions) - DIMENSIONS
        if unknown:
            raise ValueError(f"unknown dimension {sorted(unknown)[0]!r}")


@dataclass(frozen=True)
class Tolerance:
    absolute: float | None = None
    relative: float | None = None

    def __post_init__(self) -> None:
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of `absolute` or `relative`")
        if (self.absolute or 0) < 0 or (self.relative or 0) < 0 or (self.relative or 0) >= 1:
            raise ValueError("tolerance must be >= 0 (relative below 1)")

    def amount(self, magnitude: float) -> float:
        return self.absolute if self.absolute is not None else self.relative * abs(magnitude)


@dataclass(frozen=True)
class Rate:
    source: str
    target: str
    rate: float
    date: str


@dataclass(frozen=True)
class Acknowledgement:
    reason: str
    date: str
    id: str | None = None
    subject: str | None = None
    values: tuple[float, ...] = ()


@dataclass(frozen=True)
class Rules:
    folder: str
    digest: str
    subjects: tuple[Subject, ...]
    entities: tuple[Cue, ...]
    scopes: tuple[Cue, ...]
    periods: tuple[Cue, ...]
    defaults: dict[str, Tolerance]
    overrides: dict[str, Tolerance]
    qualifier_widths: dict[str, float]
    high_factor: float
    rates: tuple[Rate, ...]
    conversion_tolerance: float
    acknowledgements: tuple[Acknowledgement, ...] = field(default=())
    vocabulary: Any = None  # vocabulary.Vocabulary: measures, holders and frame words
    current_window_days: int = 366

    def tolerance(self, subject: str, dimension: str) -> Tolerance:
        base = subject.split("/", 1)[0]
        for key in (base, base.partition(" of ")[0]):  # "share of production": the share's override
            if key in self.overrides:
                return self.overrides[key]
        key = "money" if len(dimension) == 3 and dimension.isupper() else dimension
        return self.defaults.get(key) or self.defaults["other"]


_KINDS = ("subject", "entity", "tolerance", "conversion", "acknowledgement", "measure", "frame", "holder")


def rules_files(root: Path) -> list[Path]:
    return sorted(root.glob("*.y*ml")) + sorted(root.glob("*.txt"))


def digest_on_disk(folder: str | None = None) -> str | None:
    """The digest `load_rules` would give the folder as it is now (None: no such folder), without parsing."""
    root = Path(folder) if folder else DEFAULT_RULES
    if not root.is_dir():
        return None
    digest = hashlib.sha256()
    for path in rules_files(root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def current_rules(folder: str | None = None) -> Rules:
    """`load_rules`, loaded again when a file of the folder changed since (a long-lived process: a test,
    a server, while acknowledgements are edited)."""
    rules = load_rules(folder)
    if digest_on_disk(folder) != rules.digest:
        load_rules.cache_clear()
        rules = load_rules(folder)
    return rules


@lru_cache(maxsize=8)
def load_rules(folder: str | None = None) -> Rules:
    """Load and validate every rules file of a folder (default: the project's `rules/`)."""
    root = Path(folder) if folder else DEFAULT_RULES
    if not root.is_dir():
        raise RulesError(str(root), 1, 1, "rules folder not found")
    units = load_units(str(root) if folder else None)  # unit errors surface before any work
    by_kind: dict[str, list[tuple[Located, dict]]] = {k: [] for k in _KINDS}
    digest = hashlib.sha256()
    for path in rules_files(root):
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        if path.suffix == ".txt":
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RulesError(str(path), 1, 1, f"not UTF-8 (byte {exc.start})") from None
        doc = Located(str(path))
        data = doc.load(text)
        if data is None:
            continue
        if not isinstance(data, dict) or "kind" not in data:
            raise doc.error(data, f"a rules file needs `kind:` ({', '.join(_KINDS)})")
        if data["kind"] not in _KINDS:
            raise doc.error(data["kind"], f"unknown kind {data['kind']!r}; valid: {', '.join(_KINDS)}")
        by_kind[data["kind"]].append((doc, data))
    subjects = _subjects(by_kind["subject"])
    entities, scopes, periods = _entities(by_kind["entity"])
    vocab = load_vocabulary_kinds(by_kind["measure"], by_kind["frame"], by_kind["holder"])
    defaults, overrides, widths, high, window = _tolerances(
        by_kind["tolerance"], {s.name for s in subjects} | {m.name for m in vocab.measures})
    rates, conv_tol = _conversions(by_kind["conversion"], units)
    acks = _acknowledgements(by_kind["acknowledgement"])
    return Rules(folder=str(root), digest=digest.hexdigest()[:16], subjects=subjects, entities=entities,
                 scopes=scopes, periods=periods, defaults=defaults, overrides=overrides, qualifier_widths=widths,
                 high_factor=high, rates=rates, conversion_tolerance=conv_tol, acknowledgements=acks,
                 vocabulary=vocab, current_window_days=window)


def rule_warnings(rules: Rules) -> list[str]:
    """What a valid rules folder lacks where rules are expected: one line each, for `factcheck rules check`."""
    out = []
    vocabulary = rules.vocabulary
    if vocabulary is None or not vocabulary.measures:
        out.append(f"{rules.folder}: warning: no measures (no `kind: measure` rules): no figure is framed by what "
                   "it measures, so nothing is compared")
    if not rules.entities and not (vocabulary is not None and vocabulary.organisations):
        out.append(f"{rules.folder}: warning: no entities or holders (`kind: entity`, `kind: holder`): only "
                   "country names tell whose figure it is; companies and organisations are not told apart")
    return out


def _subjects(docs: list[tuple[Located, dict]]) -> tuple[Subject, ...]:
    out: list[Subject] = []
    seen: set[str] = set()
    for doc, data in docs:
        check_keys(doc, data, {"kind", "subjects"}, {"subjects"}, "subject file")
        for item in data["subjects"] or []:
            check_keys(doc, item, {"key", "description", "dimensions", "cues", "weak_cues"}, {"key"},
                        "subject")
            if not item.get("cues") and not item.get("weak_cues"):
                raise doc.error(item, f"subject {item['key']!r} needs `cues` or `weak_cues`")
            key = str(item["key"])
            if key in seen:
                raise doc.error(item["key"], f"duplicate subject key {key!r}")
            seen.add(key)
            en, zh = compile_cues(doc, item.get("cues") or {}, f"subject {key!r}")
            weak = None
            if item.get("weak_cues"):
                weak = Cue(key, *compile_cues(doc, item["weak_cues"], f"weak cues of subject {key!r}"))
            dims = tuple(str(d) for d in item.get("dimensions") or ())
            try:
                out.append(Subject(key, en, zh, description=str(item.get("description", "")), dimensions=dims,
                                   weak=weak))
            except ValueError as exc:
                raise doc.error(item.get("dimensions", item), f"subject {key!r}: {exc}; valid: "
                                f"{', '.join(sorted(DIMENSIONS))}") from None
    return tuple(out)


def _entities(docs: list[tuple[Located, dict]]) -> tuple[tuple[Cue, ...], ...]:
    entities: list[Cue] = []
    scopes: list[Cue] = []
    periods: list[Cue] = []
    for doc, data in docs:
        check_keys(doc, data, {"kind", "entities", "scopes", "periods"}, set(), "entity file")
        for section, target in (("entities", entities), ("scopes", scopes), ("periods", periods)):
            for name, cues in (data.get(section) or {}).items():
                if any(c.name == name for c in target):
                    raise doc.error(cues, f"duplicate {section[:-1]} {name!r}")
                # Entities are proper names: "US" is a country, "us" a pronoun.
                en, zh = compile_cues(doc, cues, f"{section[:-1]} {name!r}", ignore_case=section != "entities")
                target.append(Cue(str(name), en, zh))
    return tuple(entities), tuple(scopes), tuple(periods)


def _tolerance(doc: Located, obj: Any, what: str) -> Tolerance:
    check_keys(doc, obj, {"absolute", "relative"}, set(), what)
    try:
        return Tolerance(**{k: float(v) for k, v in obj.items()})
    except (ValueError, TypeError) as exc:
        raise doc.error(obj, f"{what}: {exc}") from None


def _tolerances(docs, subject_keys: set[str]):
    defaults: dict[str, Tolerance] = {"other": Tolerance(relative=0.05)}
    overrides: dict[str, Tolerance] = {}
    widths = {"approx": 0.05, "nearly": 0.1}
    high = 3.0
    window = 366
    for doc, data in docs:
        check_keys(doc, data, {"kind", "defaults", "subjects", "qualifiers", "severity", "current_window_days"},
                   set(), "tolerance file")
        for dim, obj in (data.get("defaults") or {}).items():
            if dim not in DIMENSIONS:
                raise doc.error(obj, f"unknown dimension {dim!r}; valid: {', '.join(sorted(DIMENSIONS))}")
            tol = _tolerance(doc, obj, f"tolerance for {dim}")
            if dim in ("percent", "percentage_point", "time") and tol.absolute is None:
                raise doc.error(obj, f"tolerance for {dim} must be `absolute` (in "
                                f"{'percentage points' if dim != 'time' else 'years'})")
            defaults[dim] = tol
        for key, obj in (data.get("subjects") or {}).items():
            if key not in subject_keys:
                raise doc.error(obj, f"tolerance for unknown measure {key!r}")
            overrides[key] = _tolerance(doc, obj, f"tolerance for subject {key!r}")
        for name, width in (data.get("qualifiers") or {}).items():
            if name not in widths or not isinstance(width, (int, float)) or not 0 <= width < 1:
                raise doc.error(data["qualifiers"], f"qualifier width {name!r} must be approx or nearly, "
                                "a fraction below 1")
            widths[name] = float(width)
        if "severity" in data:
            sev = check_keys(doc, data["severity"], {"high_factor"}, {"high_factor"}, "severity")
            high = float(sev["high_factor"])
        if "current_window_days" in data:
            days = data["current_window_days"]
            if not isinstance(days, int) or isinstance(days, bool) or days < 0:
                raise doc.error(data, "current_window_days must be a whole number of days, 0 or more")
            window = days
    return defaults, overrides, widths, high, window


def _conversions(docs, units) -> tuple[tuple[Rate, ...], float]:
    rates: list[Rate] = []
    tolerance = 0.15
    for doc, data in docs:
        check_keys(doc, data, {"kind", "rates", "tolerance"}, {"rates"}, "conversion file")
        tolerance = float(data.get("tolerance", tolerance))
        for item in data["rates"] or []:
            check_keys(doc, item, {"from", "to", "rate", "date"}, {"from", "to", "rate", "date"}, "rate")
            for end in ("from", "to"):
                if not units.knows(str(item[end])):
                    raise doc.error(item, f"unknown unit {item[end]!r} in conversion rate")
            if not isinstance(item["date"], date):
                raise doc.error(item, "rate date must be YYYY-MM-DD")
            rates.append(Rate(str(item["from"]), str(item["to"]), float(item["rate"]), item["date"].isoformat()))
    return tuple(rates), tolerance


def _acknowledgements(docs) -> tuple[Acknowledgement, ...]:
    out: list[Acknowledgement] = []
    for doc, data in docs:
        check_keys(doc, data, {"kind", "acknowledgements"}, set(), "acknowledgement file")
        for item in data.get("acknowledgements") or []:
            check_keys(doc, item, {"id", "subject", "values", "reason", "date"}, {"reason", "date"},
                        "acknowledgement")
            if not item.get("id") and not item.get("subject"):
                raise doc.error(item, "an acknowledgement needs an `id` or a `subject`")
            if not str(item["reason"]).strip():
                raise doc.error(item, "an acknowledgement needs a reason")
            out.append(Acknowledgement(reason=str(item["reason"]), date=str(item["date"]),
                                       id=item.get("id"), subject=item.get("subject"),
                                       values=tuple(float(v) for v in item.get("values") or ())))
    return tuple(out)
