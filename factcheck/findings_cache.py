"""A whole corpus's findings, kept in the claims store: a run whose files, rules and code are all unchanged
(a warm `factcheck report` or gate run) reads its findings back instead of comparing every group again.

A result is valid for one key (`comparison_key`): a digest of every corpus file's path and content hash, the
rules' digest and a digest of the package's whole source. Findings depend on nearly every stage (extraction,
frames, coreference, comparison, number formatting in messages), so any changed file, rule or line of code
gives another key, and the corpus is compared again.

What is stored is how each finding was made rather than the finding: its fields but its claims, and the
positions of its claims among the analysis's placed claims (`compare.Placed`), which a run makes anyway, in
the same order for the same key. The citations (`Comparer.ref`) and the frames a finding lists are made from
those again: the stored result is a few kilobytes where the findings' claims are tens of megabytes
(report.json), and reading it back costs a fraction of the comparison.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .compare import Comparer, FrameDicts, Placed
from .model import Finding, SourceFile
from .store import ClaimsStore

FORMAT = 1  # of the stored result; another format is another key


@lru_cache(maxsize=1)
def source_digest() -> str:
    """A digest of every module of the package (a report-only change compares once more: harmless)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in sorted(here.rglob("*.py")):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def comparison_key(files: Sequence[SourceFile], rules_digest: str) -> str | None:
    """The key of a corpus's comparison result; None when a file has no content hash to key it by."""
    if any(not f.sha256 for f in files):
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{source_digest()}\0{rules_digest}\0".encode())
    for path, sha256 in sorted((f.path, f.sha256) for f in files):
        digest.update(f"{path}\0{sha256}\n".encode())
    return digest.hexdigest()


def cached_findings(store: ClaimsStore, key: str, placed: Sequence[Placed], comparer: Comparer) -> list[Finding] | None:
    """The findings stored under `key`, made again from `placed`; None when none are stored (or they cannot
    be read: a damaged entry is only a miss)."""
    try:
        text = store.comparison(key)
        return None if text is None else _decoded(text, placed, comparer)
    except Exception:  # noqa: BLE001 - a damaged or foreign entry: compare again, as without a store
        return None


def keep_findings(store: ClaimsStore, key: str, findings: Sequence[Finding], placed: Sequence[Placed],
                  comparer: Comparer) -> None:
    """Store `findings` under `key`, unless a claim they cite cannot be named by its place among `placed`,
    or the first of them, made again from the record, differs (equal, and its `extra` in the same order).

    Only the first is read back: a finding cites each claim as `Comparer.ref` of its placed claim and lists
    `frame_dict` of its frame, last in `extra`, which is how `_decoded` makes them again, so one finding
    shows a change in how findings are made (the tests compare all warm findings with fresh ones). Reading
    every one back cost a changed corpus's run two thirds of its comparison again (300,000 cited claims at
    100k articles)."""
    records = _records(findings, placed)
    if records is None:
        return
    first = _decoded(json.dumps(records[:1], ensure_ascii=False), placed, comparer)
    if first == list(findings[:1]) and all(list(a.extra) == list(b.extra) for a, b in zip(first, findings)):
        store.put_comparison(key, json.dumps(records, ensure_ascii=False))


def _records(findings: Sequence[Finding], placed: Sequence[Placed]) -> list[dict] | None:
    position = {(p.claim.file, p.claim.start, p.claim.end): n for n, p in enumerate(placed)}
    if len(position) != len(placed):  # two claims at one place: a citation could not name its claim
        return None
    records = []
    for f in findings:
        extra = dict(f.extra)
        framed = "frames" in extra
        if framed and list(extra)[-1] != "frames":
            return None
        extra.pop("frames", None)
        try:
            members = [position[(c.file, c.start, c.end)] for c in f.claims]
        except KeyError:
            return None
        records.append({"id": f.id, "rule": f.rule, "subject": f.subject, "subject_source": f.subject_source,
                        "severity": f.severity, "message": f.message, "extra": extra, "claims": members,
                        "frames": framed})
    return records


def _decoded(text: str, placed: Sequence[Placed], comparer: Comparer) -> list[Finding]:
    findings = []
    frame_dict = FrameDicts()  # (equal to `compare.frame_dict`, each frame's and slot's dict made once)
    for record in json.loads(text):
        members = [placed[n] for n in record["claims"]]
        extra = record["extra"]
        if record["frames"]:
            extra["frames"] = [frame_dict(p.frame) for p in members]
        findings.append(Finding(id=record["id"], rule=record["rule"], subject=record["subject"],
                                subject_source=record["subject_source"], severity=record["severity"],
                                message=record["message"], claims=comparer.refs(members),
                                extra=extra))
    return findings
