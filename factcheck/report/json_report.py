"""`report.json`: `{"summary": {...}, "findings": [...], "skipped": [...]}` for machines.

Every claim of every finding is kept, with its file, offsets, line and column; the corpus's full claim list
is not (at archive scale it is most of the bytes): `factcheck extract --format json` gives it."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import Any, TextIO

from ..compare import frame_label
from ..pipeline import Analysis


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else (None if math.isinf(value) else value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def finding_record(finding, acknowledged: dict[str, str] | None = None) -> dict:
    rec = _clean(asdict(finding))
    for claim in rec["claims"]:
        claim["quote"] = claim.pop("quote")
    if acknowledged is not None and finding.id in acknowledged:
        rec["acknowledged"] = acknowledged[finding.id]
    return rec


def report_data(analysis: Analysis, acknowledged: dict[str, str] | None = None) -> dict:
    """The JSON document as plain data, ordered so that equal inputs give equal bytes."""
    return {
        "summary": summary(analysis),
        "findings": [finding_record(f, acknowledged) for f in analysis.findings],
        "skipped": [{"file": f, "reason": r} for f, r in analysis.extraction.corpus.skipped],
    }


def summary(analysis: Analysis) -> dict:
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
    json.dump(report_data(analysis, acknowledged), stream, ensure_ascii=False, indent=1, sort_keys=False)
    stream.write("\n")
