"""`report.json`: `{"summary": {...}, "findings": [...], "skipped": [...]}` for machines.

Every claim of every finding is kept, with its file, offsets, line and column; the corpus's full claim list
is not (at archive scale it is most of the bytes): `factcheck extract --format json` gives it."""

from __future__ import annotations

import json
import weakref
import math
from dataclasses import fields, is_dataclass
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


def _finding_json(finding: Finding, acknowledged: dict[str, str] | None) -> str:
    """`finding_record` as JSON. Its fields are plain data already; only a NaN or an infinity (JSON has
    neither) or a dataclass needs `_clean`'s walk, so it is taken only when the quick dump refuses."""
    raw = {name: [_claim_fields(c) for c in finding.claims]
           if name == "claims" else getattr(finding, name) for name in _FINDING_FIELDS}
    if acknowledged is not None and finding.id in acknowledged:
        raw["acknowledged"] = acknowledged[finding.id]
    try:
        # Plain records cannot refer to themselves: the encoder's check for cycles (a dict entry per list and
        # dict, about 200,000 at 10k articles) is a quarter of its time.
        return json.dumps(raw, ensure_ascii=False, allow_nan=False, check_circular=False)
    except (ValueError, TypeError):
        return json.dumps(finding_record(finding, acknowledged), ensure_ascii=False)


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
    for n, finding in enumerate(analysis.findings):
        stream.write(("\n" if n == 0 else ",\n") + _finding_json(finding, acknowledged))
    stream.write('],\n"skipped": ' + json.dumps(data["skipped"], ensure_ascii=False) + "}\n")
