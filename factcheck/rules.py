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
import yaml

from .errors import RulesError
from .normalise import DEFAULT_RULES, load_units

DIMENSIONS = {"percent", "percentage_point", "mass", "money", "count", "ratio", "time", "length", "other"}


# --- YAML with positions -------------------------------------------------------------------------------

class _Located:
    """A loaded YAML value with the position of every mapping key and sequence item."""

    def __init__(self, path: str):
        self.path = path
        self.marks: dict[int, tuple[int, int]] = {}

    def load(self, text: str) -> Any:
        try:
            node = yaml.compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise RulesError(self.path, line, col, f"YAML syntax error: {exc.problem or exc}") from None
        except yaml.YAMLError as exc:
            raise RulesError(self.path, 1, 1, f"YAML error: {exc}") from None
        return self._value(node) if node is not None else None

    def _value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = self._value(key_node)
                if key in out:
                    raise RulesError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                     f"duplicate key {key!r}")
                out[key] = self._value(value_node)
                self.marks[id(out[key])] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result: Any = out
        elif isinstance(node, yaml.SequenceNode):
            result = [self._value(item) for item in node.value]
        else:
            result = yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value
            result = _Str(result) if isinstance(result, str) else result
        if isinstance(result, (dict, list, _Str)):
            self.marks[id(result)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return result

    def error(self, obj: Any, what: str) -> RulesError:
        line, col = self.marks.get(id(obj), (1, 1))
        return RulesError(self.path, line, col, what)


class _Str(str):
    """A str with an identity of its own, so its position can be looked up."""


def _check_keys(doc: _Located, obj: Any, allowed: set[str], required: set[str], what: str) -> dict:
    if not isinstance(obj, dict):
        raise doc.error(obj, f"{what} must be a mapping")
    for key in obj:
        if key not in allowed:
            raise doc.error(obj[key], f"unknown field {key!r} in {what}; valid: {', '.join(sorted(allowed))}")
    for key in sorted(required - set(obj)):
        raise doc.error(obj, f"missing field {key!r} in {what}")
    return obj


def _compile_cues(doc: _Located, cues: Any, what: str,
                  ignore_case: bool = True) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    _check_keys(doc, cues, {"en", "zh"}, set(), f"cues of {what}")
    compiled = []
    for lang in ("en", "zh"):
        patterns = cues.get(lang) or []
        if not isinstance(patterns, list):
            raise doc.error(patterns, f"cues.{lang} of {what} must be a list of patterns")
        for p in patterns:
            try:
                regex.compile(str(p))
            except regex.error as exc:
                raise doc.error(p, f"bad regular expression {str(p)!r} in {what}: {exc}") from None
        if patterns:
            flags = regex.I if lang == "en" and ignore_case else 0
            compiled.append(regex.compile("|".join(f"(?:{p})" for p in patterns), flags))
        else:
            compiled.append(None)
    return compiled[0], compiled[1]


# --- rule kinds ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cue:
    name: str
    en: regex.Pattern | None
    zh: regex.Pattern | None

    def finditer(self, text: str, start: int, end: int):
        for pattern in (self.en, self.zh):
            if pattern is not None:
                yield from pattern.finditer(text, start, end)


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

    def tolerance(self, subject: str, dimension: str) -> Tolerance:
        base = subject.split("/", 1)[0]
        if base in self.overrides:
            return self.overrides[base]
        key = "money" if len(dimension) == 3 and dimension.isupper() else dimension
        return self.defaults.get(key) or self.defaults["other"]


_KINDS = ("subject", "entity", "tolerance", "conversion", "acknowledgement")


@lru_cache(maxsize=8)
def load_rules(folder: str | None = None) -> Rules:
    """Load and validate every rules file of a folder (default: the project's `rules/`)."""
    root = Path(folder) if folder else DEFAULT_RULES
    if not root.is_dir():
        raise RulesError(str(root), 1, 1, "rules folder not found")
    load_units(str(root) if folder else None)  # unit errors surface before any work
    by_kind: dict[str, list[tuple[_Located, dict]]] = {k: [] for k in _KINDS}
    digest = hashlib.sha256()
    for path in sorted(root.glob("*.y*ml")) + sorted(root.glob("*.txt")):
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        if path.suffix == ".txt":
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RulesError(str(path), 1, 1, f"not UTF-8 (byte {exc.start})") from None
        doc = _Located(str(path))
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
    defaults, overrides, widths, high = _tolerances(by_kind["tolerance"], {s.name for s in subjects})
    rates, conv_tol = _conversions(by_kind["conversion"])
    acks = _acknowledgements(by_kind["acknowledgement"])
    return Rules(folder=str(root), digest=digest.hexdigest()[:16], subjects=subjects, entities=entities,
                 scopes=scopes, periods=periods, defaults=defaults, overrides=overrides, qualifier_widths=widths,
                 high_factor=high, rates=rates, conversion_tolerance=conv_tol, acknowledgements=acks)


def rule_warnings(rules: Rules) -> list[str]:
    """What a valid rules folder lacks where rules are expected: one line each, for `factcheck rules check`."""
    out = []
    if not rules.subjects:
        out.append(f"{rules.folder}: warning: no subjects (no `kind: subject` rules): no figure is grouped by "
                   "what it measures, only automatically")
    if not rules.entities:
        out.append(f"{rules.folder}: warning: no entities (no `kind: entity` rules): figures about different "
                   "countries or companies are not told apart")
    return out


def _subjects(docs: list[tuple[_Located, dict]]) -> tuple[Subject, ...]:
    out: list[Subject] = []
    seen: set[str] = set()
    for doc, data in docs:
        _check_keys(doc, data, {"kind", "subjects"}, {"subjects"}, "subject file")
        for item in data["subjects"] or []:
            _check_keys(doc, item, {"key", "description", "dimensions", "cues", "weak_cues"}, {"key"},
                        "subject")
            if not item.get("cues") and not item.get("weak_cues"):
                raise doc.error(item, f"subject {item['key']!r} needs `cues` or `weak_cues`")
            key = str(item["key"])
            if key in seen:
                raise doc.error(item["key"], f"duplicate subject key {key!r}")
            seen.add(key)
            en, zh = _compile_cues(doc, item.get("cues") or {}, f"subject {key!r}")
            weak = None
            if item.get("weak_cues"):
                weak = Cue(key, *_compile_cues(doc, item["weak_cues"], f"weak cues of subject {key!r}"))
            dims = tuple(str(d) for d in item.get("dimensions") or ())
            try:
                out.append(Subject(key, en, zh, description=str(item.get("description", "")), dimensions=dims,
                                   weak=weak))
            except ValueError as exc:
                raise doc.error(item.get("dimensions", item), f"subject {key!r}: {exc}; valid: "
                                f"{', '.join(sorted(DIMENSIONS))}") from None
    return tuple(out)


def _entities(docs: list[tuple[_Located, dict]]) -> tuple[tuple[Cue, ...], ...]:
    entities: list[Cue] = []
    scopes: list[Cue] = []
    periods: list[Cue] = []
    for doc, data in docs:
        _check_keys(doc, data, {"kind", "entities", "scopes", "periods"}, set(), "entity file")
        for section, target in (("entities", entities), ("scopes", scopes), ("periods", periods)):
            for name, cues in (data.get(section) or {}).items():
                if any(c.name == name for c in target):
                    raise doc.error(cues, f"duplicate {section[:-1]} {name!r}")
                # Entities are proper names: "US" is a country, "us" a pronoun.
                en, zh = _compile_cues(doc, cues, f"{section[:-1]} {name!r}", ignore_case=section != "entities")
                target.append(Cue(str(name), en, zh))
    return tuple(entities), tuple(scopes), tuple(periods)


def _tolerance(doc: _Located, obj: Any, what: str) -> Tolerance:
    _check_keys(doc, obj, {"absolute", "relative"}, set(), what)
    try:
        return Tolerance(**{k: float(v) for k, v in obj.items()})
    except (ValueError, TypeError) as exc:
        raise doc.error(obj, f"{what}: {exc}") from None


def _tolerances(docs, subject_keys: set[str]):
    defaults: dict[str, Tolerance] = {"other": Tolerance(relative=0.05)}
    overrides: dict[str, Tolerance] = {}
    widths = {"approx": 0.05, "nearly": 0.1}
    high = 3.0
    for doc, data in docs:
        _check_keys(doc, data, {"kind", "defaults", "subjects", "qualifiers", "severity"}, set(), "tolerance file")
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
                raise doc.error(obj, f"tolerance for unknown subject {key!r}")
            overrides[key] = _tolerance(doc, obj, f"tolerance for subject {key!r}")
        for name, width in (data.get("qualifiers") or {}).items():
            if name not in widths or not isinstance(width, (int, float)) or not 0 <= width < 1:
                raise doc.error(data["qualifiers"], f"qualifier width {name!r} must be approx or nearly, "
                                "a fraction below 1")
            widths[name] = float(width)
        if "severity" in data:
            sev = _check_keys(doc, data["severity"], {"high_factor"}, {"high_factor"}, "severity")
            high = float(sev["high_factor"])
    return defaults, overrides, widths, high


def _conversions(docs) -> tuple[tuple[Rate, ...], float]:
    rates: list[Rate] = []
    tolerance = 0.15
    units = load_units()
    for doc, data in docs:
        _check_keys(doc, data, {"kind", "rates", "tolerance"}, {"rates"}, "conversion file")
        tolerance = float(data.get("tolerance", tolerance))
        for item in data["rates"] or []:
            _check_keys(doc, item, {"from", "to", "rate", "date"}, {"from", "to", "rate", "date"}, "rate")
            for end in ("from", "to"):
                if str(item[end]) not in units.registry:
                    raise doc.error(item, f"unknown unit {item[end]!r} in conversion rate")
            if not isinstance(item["date"], date):
                raise doc.error(item, "rate date must be YYYY-MM-DD")
            rates.append(Rate(str(item["from"]), str(item["to"]), float(item["rate"]), item["date"].isoformat()))
    return tuple(rates), tolerance


def _acknowledgements(docs) -> tuple[Acknowledgement, ...]:
    out: list[Acknowledgement] = []
    for doc, data in docs:
        _check_keys(doc, data, {"kind", "acknowledgements"}, set(), "acknowledgement file")
        for item in data.get("acknowledgements") or []:
            _check_keys(doc, item, {"id", "subject", "values", "reason", "date"}, {"reason", "date"},
                        "acknowledgement")
            if not item.get("id") and not item.get("subject"):
                raise doc.error(item, "an acknowledgement needs an `id` or a `subject`")
            if not str(item["reason"]).strip():
                raise doc.error(item, "an acknowledgement needs a reason")
            out.append(Acknowledgement(reason=str(item["reason"]), date=str(item["date"]),
                                       id=item.get("id"), subject=item.get("subject"),
                                       values=tuple(float(v) for v in item.get("values") or ())))
    return tuple(out)
