"""`check --format sarif`: SARIF 2.1.0 for code-scanning UIs (GitHub code scanning and others).

One run; `tool.driver.rules` lists every rule code with its help text; each finding is a result whose
primary location is its first claim and whose other claims are related locations. `partialFingerprints`
carries the stable finding id, and `baselineState` says new/unchanged against the baseline; baseline entries
that no longer occur are results with `baselineState: absent`. Acknowledged findings carry a suppression
(`external` for rules/, `inSource` for an inline ignore) with the reason as justification.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import TextIO
from urllib.parse import quote

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "factcheckFindingId/v1"
_LEVEL = {"high": "error", "medium": "warning", "low": "note"}


def _tool_version() -> str:
    try:
        return version("factcheck")
    except PackageNotFoundError:  # pragma: no cover
        return "0"


def _uri(path: str) -> str:
    return quote(path, safe="/")


def _rules() -> tuple[list[dict], dict[str, int]]:
    from ..gate import RULE_NAMES, rule_help

    rules, index = [], {}
    for i, (code, text) in enumerate(sorted(rule_help().items())):
        name = RULE_NAMES.get(code, code.lower())
        index[code] = i
        rules.append({
            "id": code,
            "name": "".join(part.capitalize() for part in name.split("-")),
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "help": {"text": f"{text} See docs/rules/{code}.md.",
                     "markdown": f"{text}\n\nSee [docs/rules/{code}.md](docs/rules/{code}.md)."},
            "defaultConfiguration": {"level": "error" if code < "FC900" else "warning"},
            "properties": {"tags": ["factcheck", name]},
        })
    return rules, index


def _location(result, claim, with_id: int | None = None, message: str | None = None) -> dict:
    region: dict = {"startLine": claim.line, "startColumn": claim.col,
                    "snippet": {"text": claim.quote}}
    if "\n" not in claim.quote:
        region.update(endLine=claim.line, endColumn=claim.col + len(claim.quote))
    loc: dict = {"physicalLocation": {
        "artifactLocation": {"uri": _uri(result.path(claim.file)), "uriBaseId": "%SRCROOT%"},
        "region": region}}
    if with_id is not None:
        loc["id"] = with_id
    if message:
        loc["message"] = {"text": message}
    return loc


def _result(result, finding, index: dict[str, int], state: str, reason: str | None = None) -> dict:
    first, *others = finding.claims
    rec: dict = {
        "ruleId": finding.rule,
        "level": _LEVEL.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [_location(result, first)],
        "partialFingerprints": {FINGERPRINT: finding.id},
        "baselineState": state,
        "properties": {"findingId": finding.id, "severity": finding.severity, "subject": finding.subject},
    }
    if finding.rule in index:
        rec["ruleIndex"] = index[finding.rule]
    if others:
        rec["relatedLocations"] = [_location(result, c, i, f"also claimed: {' '.join(c.quote.split())}")
                                   for i, c in enumerate(others, 1)]
    if reason is not None:
        kind = "inSource" if "(inline, " in reason else "external"
        rec["suppressions"] = [{"kind": kind, "status": "accepted", "justification": reason}]
    return rec


def _absent(entry: dict, index: dict[str, int], result) -> dict:
    rec: dict = {
        "ruleId": entry["rule"],
        "level": "none",
        "message": {"text": "no longer found: " + str(entry.get("message") or entry["subject"])},
        "partialFingerprints": {FINGERPRINT: entry["id"]},
        "baselineState": "absent",
        "properties": {"findingId": entry["id"], "subject": entry["subject"]},
    }
    files = sorted({c["file"] for c in entry.get("claims", [])})
    if files:
        rec["locations"] = [{"physicalLocation": {"artifactLocation": {
            "uri": _uri(result.path(files[0])), "uriBaseId": "%SRCROOT%"}}}]
    if entry["rule"] in index:
        rec["ruleIndex"] = index[entry["rule"]]
    return rec


def sarif_log(result) -> dict:
    rules, index = _rules()
    results = [_result(result, f, index, "new") for f in result.new]
    results += [_result(result, f, index, "updated") for f in result.grown]
    results += [_result(result, f, index, "unchanged") for f in result.known]
    known_ids = result.baseline.ids
    results += [_result(result, f, index, "unchanged" if result.baseline.match(f) or f.id in known_ids else "new",
                        reason) for f, reason in result.acknowledged]
    results += [_absent(e, index, result) for e in result.fixed]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": _tool_version(),
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(result, stream: TextIO) -> None:
    json.dump(sarif_log(result), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
