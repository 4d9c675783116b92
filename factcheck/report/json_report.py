"""`report.json`: `{"summary": {...}, "findings": [...], "skipped": [...]}` for machines.

Every claim of every finding is kept, with its file, offsets, line and column; the corpus's full claim list
is not (at archive scale it is most of the bytes): `factcheck extract --format json` gives it."""

from __future__ import annotations

import functools
import json
import math
import weakref
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring as _encode_string  # the encoder's own, with ensure_ascii=False
from typing import Any, TextIO

from ..compare import frame_label
from ..model import ClaimRef, Finding
from ..pipeline import Analysis


def _clean(value: Any) -> Any:
    """NaN and infinities as null (JSON has neither); tuples as lists; plain data (frames) as dicts."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: nothing to do
        return value
    if kind is float:
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _clean({f.name: getattr(value, f.name) for f in fields(value)})
    return value


def _finite(value: Any) -> Any:
    """A claim field as JSON holds it (claim fields are flat: only floats need a look)."""
    return (None if math.isnan(value) or math.isinf(value) else value) if type(value) is float else value


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimRef) if f.name != "quote") + ("quote",)  # the quote last


def finding_record(finding: Finding, acknowledged: dict[str, str] | None = None) -> dict:
    # Field by field: `dataclasses.asdict` deep-copies every value, which at archive scale costs more than
    # writing the file.
    rec = {name: [{field: _finite(getattr(c, field)) for field in _CLAIM_FIELDS} for c in finding.claims]
           if name == "claims" else _clean(getattr(finding, name)) for name in _FINDING_FIELDS}
    if acknowledged is not None and finding.id in acknowledged:
        rec["acknowledged"] = acknowledged[finding.id]
    return rec


def report_data(analysis: Analysis, acknowledged: dict[str, str] | None = None) -> dict:
    """The JSON document as plain data, ordered so that equal inputs give equal bytes."""
    return {
        "summary": summary(analysis),
        "findings": [finding_record(f, acknowledged) for f in analysis.findings],
        "skipped": report_data_skipped(analysis),
    }


def report_data_skipped(analysis: Analysis) -> list[dict]:
    return [{"file": f, "reason": r} for f, r in analysis.extraction.corpus.skipped]


def _claim_fields(claim: ClaimRef) -> dict:
    """A claim's fields in `_CLAIM_FIELDS` order, copied from its dict (quicker than field by field)."""
    out = dict(claim.__dict__)
    out["quote"] = out.pop("quote")
    return out


def _finding_json(finding: Finding, acknowledged: dict[str, str] | None, frames: "_FrameJSON | None" = None) -> str:
    """`finding_record` as JSON. Its fields are plain data already; only a NaN or an infinity (JSON has
    neither) or a dataclass needs `_clean`'s walk, so it is taken only when the quick dump refuses. With
    `frames`, the frames a finding lists (last in `extra`, half of report.json's bytes) are written from
    each frame's and slot's text, made once (`_FrameJSON`): the bytes `json.dumps` gives."""
    raw = {name: [_claim_fields(c) for c in finding.claims]
           if name == "claims" else getattr(finding, name) for name in _FINDING_FIELDS}
    ack = acknowledged is not None and finding.id in acknowledged
    if ack:
        raw["acknowledged"] = acknowledged[finding.id]
    try:
        listed = _listed_frames(frames, raw["extra"])
        if listed is not None:
            return _with_frames(raw, listed, ack)
        # Plain records cannot refer to themselves: the encoder's check for cycles (a dict entry per list and
        # dict, about 200,000 at 10k articles) is a quarter of its time.
        return json.dumps(raw, ensure_ascii=False, allow_nan=False, check_circular=False)
    except (ValueError, TypeError):
        return json.dumps(finding_record(finding, acknowledged), ensure_ascii=False)


def _listed_frames(frames: "_FrameJSON | None", extra: Any) -> str | None:
    """The JSON of `extra["frames"]` when it is the last entry of a plain `extra` and every frame is plain
    (else None: the whole record is dumped as it is)."""
    if frames is None or type(extra) is not dict or not extra or next(reversed(extra)) != "frames":
        return None
    listed = extra["frames"]
    if type(listed) is not list:
        return None
    texts = [frames.text(frame) for frame in listed]
    return None if None in texts else "[" + ", ".join(texts) + "]"


def _with_frames(raw: dict, listed: str, ack: bool) -> str:
    """`json.dumps(raw)` with `raw["extra"]["frames"]` written as `listed` (its JSON)."""
    dumps = functools.partial(json.dumps, ensure_ascii=False, allow_nan=False, check_circular=False)
    head = {k: v for k, v in raw.items() if k not in ("extra", "acknowledged")}
    rest = {k: v for k, v in raw["extra"].items() if k != "frames"}
    extra = (dumps(rest)[:-1] + ", " if rest else "{") + '"frames": ' + listed + "}"
    tail = ', "acknowledged": ' + dumps(raw["acknowledged"]) if ack else ""
    return dumps(head)[:-1] + ', "extra": ' + extra + tail + "}"


_FRAME_KEYS = ("dimension", "change", "date", "measure", "holder", "object", "period", "basis", "attribution")
_SLOT_KEYS = ("value", "words", "rule")
_FRAME_FORMAT = "{" + ", ".join(f'"{k}": %s' for k in _FRAME_KEYS) + "}"
_SLOT_FORMAT = "{" + ", ".join(f'"{k}": %s' for k in _SLOT_KEYS) + "}"


class _FrameJSON:
    """Each frame dict's JSON (`compare.frame_dict`: three plain fields and six slots of three), as
    `json.dumps` writes it, made once per dict and per slot dict: frames read back from the store share
    their slots (`compare.FrameDicts`). None for a dict of any other shape or type."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[object, str | None]] = {}  # id -> (the dict, kept alive; its JSON)

    def text(self, frame: Any) -> str | None:
        held = self._made.get(id(frame))
        if held is not None and held[0] is frame:
            return held[1]
        made = None
        if type(frame) is dict and tuple(frame) == _FRAME_KEYS:
            values = [_plain(frame[k]) for k in _FRAME_KEYS[:3]] + [self._slot(frame[k]) for k in _FRAME_KEYS[3:]]
            made = None if None in values else _FRAME_FORMAT % tuple(values)
        self._made[id(frame)] = (frame, made)
        return made

    def _slot(self, slot: Any) -> str | None:
        held = self._made.get(id(slot))
        if held is not None and held[0] is slot:
            return held[1]
        made = None
        if type(slot) is dict and tuple(slot) == _SLOT_KEYS:
            values = [_plain(slot[k]) for k in _SLOT_KEYS]
            made = None if None in values else _SLOT_FORMAT % tuple(values)
        self._made[id(slot)] = (slot, made)
        return made


def _plain(value: Any) -> str | None:
    """A str, None or bool as JSON (None: any other value, left to the encoder)."""
    if type(value) is str:
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return None


def summary(analysis: Analysis) -> dict:
    """The report's counts (each format writes them: kept for the last analysis, whose claims are many)."""
    held = _SUMMARY[0]() if _SUMMARY[0] is not None else None
    if held is not analysis:
        _SUMMARY[:] = [weakref.ref(analysis), _summary(analysis)]
    return dict(_SUMMARY[1])


_SUMMARY: list = [None, None]  # a weak reference to the analysis, its summary


def _summary(analysis: Analysis) -> dict:
    severities: dict[str, int] = {}
    for f in analysis.findings:
        severities[f.severity] = severities.get(f.severity, 0) + 1
    return {
        "files": len(analysis.extraction.corpus.files),
        "articles": len(analysis.extraction.articles),
        "assertions": len(analysis.placed),
        "subjects": len({frame_label(p.frame) for p in analysis.placed}),
        "findings": len(analysis.findings),
        "by_severity": dict(sorted(severities.items())),
        "skipped_files": len(analysis.extraction.corpus.skipped),
    }


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    # One finding per line: readable, diffable, and written by json's C encoder (an indented dump is not).
    data = {"summary": summary(analysis), "skipped": report_data_skipped(analysis)}
    stream.write('{"summary": ' + json.dumps(data["summary"], ensure_ascii=False) + ',\n"findings": [')
    frames = _FrameJSON()
    for n, finding in enumerate(analysis.findings):
        stream.write(("\n" if n == 0 else ",\n") + _finding_json(finding, acknowledged, frames))
    stream.write('],\n"skipped": ' + json.dumps(data["skipped"], ensure_ascii=False) + "}\n")
