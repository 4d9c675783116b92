"""Plain records passed between pipeline stages.

corpus -> `Article`; extract + normalise -> `Claim` rows (a DataFrame with `CLAIM_COLUMNS`);
subjects -> `subject` columns added; compare -> `Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "over", "under", "range")


@dataclass(frozen=True)
class SourceFile:
    """One decoded corpus file."""

    path: str  # relative to the root given on the command line, '/'-separated
    text: str
    encoding: str
    sha256: str


@dataclass(frozen=True)
class Article:
    id: str  # "<file stem>#<n>", n from 1
    file: str
    title: str
    source: str | None
    date: str | None  # ISO date, YYYY-MM-DD
    start: int  # character span of the article in the decoded file text
    end: int


@dataclass(frozen=True)
class Claim:
    """One numeric assertion. Offsets are Python indices into the decoded file text."""

    file: str
    article: str
    start: int
    end: int
    text: str
    sentence: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    precision: float
    direction: str | None
    noun: str | None
    lang: str
    cue: str | None = None  # the qualifier word as written ("nearly", "超过"), for interval shapes
    year: int | None = None  # the year the figure refers to, when the text gives one

    def __hash__(self) -> int:
        # Where it is says which claim it is: equal claims hash equal, and claims key the frames of a corpus,
        # where hashing all sixteen fields cost more than comparing them.
        return hash((self.file, self.start, self.end))

    def __eq__(self, other: object) -> bool:
        # The same object first: a corpus looks up each of its own claims, and comparing sixteen fields to
        # find it equal to itself cost more than the lookup.
        if self is other:
            return True
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all((a is b or a == b) for a, b in ((getattr(self, f), getattr(other, f)) for f in _CLAIM_FIELDS))

    def __post_init__(self) -> None:
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")


CLAIM_COLUMNS = [
    "file", "article", "start", "end", "text", "sentence", "value", "value_high", "unit",
    "qualifier", "precision", "direction", "noun", "lang", "cue", "year",
]


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


@dataclass(frozen=True)
class ClaimRef:
    """A claim as a finding cites it."""

    file: str
    article: str
    title: str
    date: str | None
    start: int
    end: int
    line: int
    col: int
    quote: str
    sentence: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    low: float  # the interval the claim allows, after tolerance
    high: float


@dataclass(frozen=True)
class Finding:
    id: str
    rule: str
    subject: str
    subject_source: str  # "declared" (a rules/ subject) or "auto" (derived from the clause)
    severity: str  # high | medium
    message: str
    claims: tuple[ClaimRef, ...]
    extra: dict[str, Any] = field(default_factory=dict)


# -- Claim frames (stage "frames", between extraction and comparison) ------------------------------------

_new_object = object.__new__  # (`Frame.of` has a field named `object`)

BASES = ("actual", "forecast", "past", "proposed", "hypothetical")
# An object slot's value that opens with this is no object, only what a Chinese counter says is counted
# (30.2万辆: "~vehicle"): a hint of which named object's group the figure belongs to
COUNTED = "~"


@dataclass(frozen=True)
class Slot:
    """One slot of a frame: its canonical value, the words that set it and the rule that read them."""

    value: str | None  # None: the text does not say
    words: str = ""  # as written ("Taiwan Semiconductor Manufacturing Co.", "第三季度")
    rule: str = ""  # what read them ("measure:share", "alias:declared", "period:quarter", "article date")


@dataclass(frozen=True)
class Frame:
    """What a claim measures, whose figure it is, of what, when, on what basis, citing whom.

    `period` is typed text: "2024", "2024H1", "2024Q3", "2024-12", "2024-01..2024-05", "FY2025",
    "FY2025Q2", or "current" (no period of its own; compared by article date, `date`)."""

    measure: Slot
    holder: Slot
    object: Slot
    period: Slot
    basis: Slot
    attribution: Slot
    dimension: str
    date: str | None = None  # the article's date, for "current" figures
    change: bool = False  # a change (growth, decline) rather than a level

    @classmethod
    def of(cls, measure: Slot, holder: Slot, object: Slot, period: Slot, basis: Slot, attribution: Slot,
           dimension: str, date: str | None, change: bool) -> "Frame":
        """`Frame(...)` of every field, made without the frozen dataclass's `__init__` (a setattr call per
        field, twice the cost): for the tens of thousands of frames worker processes send back."""
        frame = _new_object(cls)
        vars(frame).update(measure=measure, holder=holder, object=object, period=period, basis=basis,
                           attribution=attribution, dimension=dimension, date=date, change=change)
        return frame

    @property
    def block(self) -> tuple | None:
        """The slots two claims must share exactly to be compared at all: dimension, the measure's head (a
        share's base and a figure's place are compared later, as compatible or not), whose figure, and
        level or change. None when the frame names no measure: such a claim is compared with nothing."""
        if not self.measure.value:
            return None
        return (self.dimension, self.measure.value.partition(" of ")[0],
                (self.holder.value or "").partition("@")[0], self.change)


# `Frame.of` sets these fields itself: a field added to Frame must be added there too.
assert tuple(f.name for f in fields(Frame)) == ("measure", "holder", "object", "period", "basis", "attribution",
                                                 "dimension", "date", "change")
assert not hasattr(Frame, "__post_init__")
