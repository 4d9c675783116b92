"""The CI gate: a baseline of known findings, acknowledgements and inline ignores.

`check` sorts every finding of a run into exactly one of:

- acknowledged: accepted in `rules/` (a finding id, or a subject and the values accepted) or by an inline
  `<!-- factcheck-ignore FC100: reason -->` on the line before one of its claims; never fails the gate;
- known: in the baseline (by id, or a baseline entry of the same rule and subject that already holds every
  claim of the finding, so a contradiction that lost a claim is still the known one);
- new: anything else; new findings fail the gate (exit 1).

Baseline entries that match no finding are *fixed*. Inline ignores that match nothing are themselves
findings (FC900), as linters report an unused `noqa`, and so are malformed ones (FC901).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import regex

from .atomic import write_text
from .compare import RULE_HELP as _COMPARE_HELP
from .corpus import corpus_name, iter_paths, line_col
from .errors import FactcheckError
from .model import ClaimRef, Finding

UNUSED_IGNORE = "FC900"
BAD_IGNORE = "FC901"
RULE_HELP: dict[str, str] = {
    **_COMPARE_HELP,
    UNUSED_IGNORE: "An inline factcheck-ignore comment matches no finding on the line after it.",
    BAD_IGNORE: "An inline factcheck-ignore comment is malformed: it needs known rule codes and a reason.",
}
RULE_NAMES = {"FC100": "contradiction", "FC200": "conversion", UNUSED_IGNORE: "unused-ignore",
              BAD_IGNORE: "malformed-ignore"}
BASELINE_VERSION = 1
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def rule_help() -> dict[str, str]:
    """Every registered rule code with its one-line help (the compare stage's codes and the gate's)."""
    from . import compare

    return {**compare.RULE_HELP, UNUSED_IGNORE: RULE_HELP[UNUSED_IGNORE], BAD_IGNORE: RULE_HELP[BAD_IGNORE]}


# --- inline ignores --------------------------------------------------------------------------------------

_IGNORE = regex.compile(r"<!--\s*factcheck-ignore\b(?P<body>.*?)-->", regex.S)
_IGNORE_BODY = regex.compile(r"^\s*(?P<codes>[A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)\s*(?::(?P<reason>.*))?$",
                             regex.S)


@dataclass(frozen=True)
class InlineIgnore:
    file: str
    line: int  # the comment's line (in the file as stored: for HTML, the markup's)
    col: int
    start: int
    end: int
    codes: tuple[str, ...]
    reason: str
    target_line: int | None  # the line it covers: the next non-blank line
    problem: str | None = None  # why it is malformed, if it is
    target: tuple[int, int] | None = None  # that line's span in the decoded text

    @property
    def text(self) -> str:
        return f"<!-- factcheck-ignore {', '.join(self.codes)}: {self.reason} -->"


def inline_ignores(file: str, text: str, locate: Callable[[int], tuple[int, int]] | None = None) -> list[InlineIgnore]:
    """Every `<!-- factcheck-ignore CODE[, CODE]: reason -->` in a file's decoded text. `locate` gives the line
    and column of an offset as an editor sees them (an HTML file's markup); by default, the text's own."""
    locate = locate or (lambda offset: line_col(text, offset))
    out = []
    for m in _IGNORE.finditer(text):
        line, col = locate(m.start())
        # The covered line: the first line after the comment's with anything on it.
        after = text.find("\n", m.end())
        target = None
        while after >= 0 and after + 1 < len(text):
            stop = text.find("\n", after + 1)
            stop = len(text) if stop < 0 else stop
            if text[after + 1:stop].strip():
                target = (after + 1, stop)
                break
            after = stop if stop < len(text) else -1
        body = _IGNORE_BODY.match(m["body"])
        problem = None
        codes: tuple[str, ...] = ()
        reason = ""
        if body is None:
            problem = "expected `factcheck-ignore FC100: reason`"
        else:
            codes = tuple(c.strip().upper() for c in body["codes"].split(","))
            reason = " ".join((body["reason"] or "").split())
            unknown = [c for c in codes if c not in rule_help()]
            if unknown:
                problem = f"unknown rule code {unknown[0]}; valid: {', '.join(sorted(rule_help()))}"
            elif not reason:
                problem = "a reason is required after the code (`factcheck-ignore FC100: why`)"
        target_line = locate(target[0] + len(text[target[0]:target[1]]) - len(text[target[0]:target[1]].lstrip()))[0] \
            if target else None
        out.append(InlineIgnore(file, line, col, m.start(), m.end(), codes, reason, target_line, problem, target))
    return out


def _ignore_ref(ignore: InlineIgnore, text: str) -> ClaimRef:
    raw = text[ignore.start:ignore.end]
    return ClaimRef(file=ignore.file, article="", title="", date=None, start=ignore.start, end=ignore.end,
                    line=ignore.line, col=ignore.col, quote=raw, sentence=raw, value=0.0, value_high=None,
                    unit="", qualifier="exact", low=0.0, high=0.0)


def _ignore_finding(rule: str, ignore: InlineIgnore, text: str, message: str) -> Finding:
    # Stable when lines move: the file, the comment as written and how many identical comments precede it.
    raw = " ".join(text[ignore.start:ignore.end].split())
    nth = sum(1 for m in _IGNORE.finditer(text, 0, ignore.start) if " ".join(m[0].split()) == raw)
    digest = hashlib.sha1(repr((rule, ignore.file, raw, nth)).encode("utf-8")).hexdigest()[:12]
    return Finding(id=f"{rule}-{digest}", rule=rule, subject=f"ignore:{ignore.file}", subject_source="inline",
                   severity="medium", message=message, claims=(_ignore_ref(ignore, text),))


def apply_inline_ignores(findings: Iterable[Finding], texts: dict[str, str], files: Iterable[str] | None = None,
                         locate: Callable[[str, int], tuple[int, int]] | None = None
                         ) -> tuple[dict[str, str], list[Finding]]:
    """(finding id -> reason for findings an inline ignore covers, FC900/FC901 findings for bad ignores).

    An ignore covers a finding of one of its codes when one of the finding's claims starts on the next
    non-blank line after the comment. `locate(file, offset)` gives the line and column editors are shown
    (`Corpus.line_col`: an HTML file's markup)."""
    findings = list(findings)
    covered: dict[str, str] = {}
    problems: list[Finding] = []
    for file in sorted(files if files is not None else texts):
        text = texts[file]
        if "factcheck-ignore" not in text:
            continue
        where_in = (lambda offset, file=file: locate(file, offset)) if locate else None
        for ignore in inline_ignores(file, text, where_in):
            if ignore.problem:
                problems.append(_ignore_finding(BAD_IGNORE, ignore, text,
                                                f"malformed factcheck-ignore: {ignore.problem}"))
                continue
            used = False
            lo, hi = ignore.target or (-1, -1)
            for f in findings:
                if f.rule in ignore.codes and any(c.file == file and lo <= c.start < hi for c in f.claims):
                    covered.setdefault(f.id, f"{ignore.reason} (inline, {file}:{ignore.line})")
                    used = True
            if not used:
                where = f"line {ignore.target_line}" if ignore.target_line else "the end of the file"
                problems.append(_ignore_finding(
                    UNUSED_IGNORE, ignore, text,
                    f"unused factcheck-ignore {', '.join(ignore.codes)}: no such finding on {where}"))
    return covered, problems


# --- acknowledgements in rules/ --------------------------------------------------------------------------

def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def acknowledgement_matches(ack, finding: Finding) -> bool:
    """A rules/ acknowledgement covers a finding by id, or by subject (the whole group key, or its leading
    `|`-separated parts) with every claim's value among the values accepted (any value when none are given)."""
    if ack.id:
        return ack.id == finding.id
    subject = str(ack.subject)
    if not (finding.subject == subject or finding.subject.startswith(subject + "|")):
        return False
    if not ack.values:
        return True
    for c in finding.claims:
        for v in (c.value, c.value_high):
            if v is not None and not any(_close(v, a) for a in ack.values):
                return False
    return True


def _load_acknowledgements(rules_dir: str | None) -> tuple:
    from .rules import current_rules

    # Read again when edited: acknowledgements change while a long-lived process (a test, a server) runs.
    return current_rules(rules_dir).acknowledgements


def rules_acknowledged(findings: Iterable[Finding], rules_dir: str | None) -> tuple[dict[str, str], list]:
    """(finding id -> reason, the acknowledgements that matched nothing)."""
    acks = _load_acknowledgements(rules_dir)
    out: dict[str, str] = {}
    used: set[int] = set()
    for f in findings:
        for i, ack in enumerate(acks):
            if acknowledgement_matches(ack, f):
                out.setdefault(f.id, f"{ack.reason} (acknowledged {ack.date})")
                used.add(i)
    return out, [a for i, a in enumerate(acks) if i not in used]


def acknowledged_findings(analysis, rules_dir: str | None = None) -> dict[str, str]:
    """Finding id -> reason, for every finding acknowledged in `rules/` or by an inline ignore."""
    acknowledged, _ = rules_acknowledged(analysis.findings, rules_dir)
    inline, _ = apply_inline_ignores(analysis.findings, analysis.texts, locate=analysis.extraction.corpus.line_col)
    for key, reason in inline.items():
        acknowledged.setdefault(key, reason)
    return acknowledged


# --- the baseline ----------------------------------------------------------------------------------------

def _claim_key(file: str, value: float, value_high: float | None, unit: str) -> tuple:
    return (file, round(value, 9), None if value_high is None else round(value_high, 9), unit)


def baseline_entry(finding: Finding) -> dict:
    """What the baseline keeps of a finding: nothing that moves when unrelated text is edited (no offsets,
    no line numbers), and enough to review a diff (the message and each claim's quote)."""
    claims = sorted({(c.file, c.value, c.value_high, c.unit, c.quote) for c in finding.claims},
                    key=lambda c: (c[0], c[1], -math.inf if c[2] is None else c[2], c[3], c[4]))
    return {
        "id": finding.id,
        "rule": finding.rule,
        "subject": finding.subject,
        "severity": finding.severity,
        "message": finding.message,
        "claims": [{"file": f, "value": _json_number(v), "value_high": _json_number(h), "unit": u, "quote": q}
                   for f, v, h, u, q in claims],
    }


def _json_number(x: float | None) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


@dataclass
class Baseline:
    path: str
    entries: list[dict] = field(default_factory=list)
    exists: bool = False

    @property
    def ids(self) -> set[str]:
        return {e["id"] for e in self.entries}

    def match(self, finding: Finding) -> dict | None:
        """The entry holding the whole finding (the same id, or the same rule and subject with every claim)."""
        matched = self.assign([finding], grow=False).get(finding.id)
        return matched[0] if matched else None

    def assign(self, findings: Iterable[Finding], exclude: Iterable[str] = (),
               grow: bool = True) -> dict[str, tuple[dict, tuple[ClaimRef, ...]]]:
        """Finding id -> (the baseline entry it is known by, its claims the entry does not hold).

        A finding is its entry when the ids are equal; otherwise an entry of the same rule that shares claims
        with it (same file, value and unit), the same subject first, then the most claims shared. Subject keys
        may change between versions of the grouping, so a different subject still matches when at least two
        claims, or every claim of the entry, are shared. Each entry is matched at most once: a known finding
        that gains a claim stays that finding, its new claim reported as new. With `grow=False` only entries of
        the same subject holding every claim of the finding match; entries in `exclude` are taken already."""
        findings = list(findings)
        out: dict[str, tuple[dict, tuple[ClaimRef, ...]]] = {}
        by_id = {e["id"]: e for e in self.entries}
        used: set[str] = set(exclude)
        for f in findings:
            if f.id in by_id and f.id not in used:
                out[f.id] = (by_id[f.id], ())
                used.add(f.id)
        known = {e["id"]: {_entry_key(c) for c in e["claims"]} for e in self.entries}
        by_claim: dict[tuple, set[str]] = {}
        for entry_id, keys in known.items():
            for key in keys:
                by_claim.setdefault(key, set()).add(entry_id)
        candidates = []
        for n, f in enumerate(findings):
            if f.id in out:
                continue
            keys = {_ref_key(c) for c in f.claims}
            for entry_id in set().union(*(by_claim.get(k, set()) for k in keys)) - used:
                e = by_id[entry_id]
                if e["rule"] != f.rule:
                    continue
                shared = len(keys & known[entry_id])
                same_subject = e["subject"] == f.subject
                if not grow:
                    if same_subject and keys <= known[entry_id]:
                        candidates.append((False, -shared, entry_id, n))
                elif same_subject or shared >= 2 or shared == len(known[entry_id]):
                    candidates.append((not same_subject, -shared, entry_id, n))
        for _, _, entry_id, n in sorted(candidates):
            f = findings[n]
            if f.id in out or entry_id in used:
                continue
            used.add(entry_id)
            out[f.id] = (by_id[entry_id], tuple(c for c in f.claims if _ref_key(c) not in known[entry_id]))
        return out


def _ref_key(c: ClaimRef) -> tuple:
    return _claim_key(c.file, c.value, c.value_high, c.unit)


def _entry_key(c: dict) -> tuple:
    return _claim_key(c["file"], c["value"] if c["value"] is not None else math.nan, c.get("value_high"), c["unit"])


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """The baseline at `path`; an empty one when the file does not exist."""
    p = Path(path)
    if not p.exists():
        return Baseline(str(path))
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(f"{path}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise FactcheckError(f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise FactcheckError(f"{path}: not a factcheck baseline (expected an object with `findings`)")
    if data.get("version") != BASELINE_VERSION:
        raise FactcheckError(f"{path}: baseline version {data.get('version')!r} is not {BASELINE_VERSION}; "
                             "regenerate it with `factcheck baseline`")
    for n, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not {"id", "rule", "subject", "claims"} <= set(e):
            raise FactcheckError(f"{path}: finding {n + 1} needs id, rule, subject and claims")
    return Baseline(str(path), data["findings"], exists=True)


def render_baseline(findings: Iterable[Finding] | Iterable[dict]) -> str:
    entries = [f if isinstance(f, dict) else baseline_entry(f) for f in findings]
    unique = {e["id"]: e for e in entries}
    doc = {
        "version": BASELINE_VERSION,
        "tool": "factcheck",
        "note": "Known findings: `factcheck check` fails only on findings not listed here. "
                "Regenerate with `factcheck baseline`; it may only shrink unless --allow-growth is given.",
        "findings": [unique[k] for k in sorted(unique)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str | os.PathLike[str], findings: Iterable[Finding] | Iterable[dict]) -> None:
    """Write atomically: a crash mid-write leaves the previous baseline as it was."""
    text = render_baseline(findings)
    try:
        write_text(path, text)
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None


# --- the check -------------------------------------------------------------------------------------------

@dataclass
class GateResult:
    analysis: object  # pipeline.Analysis
    baseline: Baseline
    findings: list[Finding]  # every finding in scope, the gate's own included, most severe first
    new: list[Finding] = field(default_factory=list)
    grown: list[Finding] = field(default_factory=list)  # known findings that gained claims: those fail
    known: list[Finding] = field(default_factory=list)
    acknowledged: list[tuple[Finding, str]] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)
    unused_acknowledgements: list = field(default_factory=list)
    display: dict[str, str] = field(default_factory=dict)  # corpus-relative file -> path as given
    partial: bool = False  # --against: only findings involving the drafts; nothing is "fixed"
    joins: dict[str, tuple[dict, tuple[ClaimRef, ...]]] = field(default_factory=dict)  # grown: entry, new claims
    growth_allowed: bool = False  # --allow-growth: new findings and claims go into the baseline, exit 0

    @property
    def failing(self) -> bool:
        """New findings, or new claims in known findings."""
        return bool(self.new or self.grown)

    @property
    def passed(self) -> bool:
        return not self.failing or self.growth_allowed

    def joined(self, finding: Finding) -> tuple[dict, tuple[ClaimRef, ...]] | None:
        """(the known entry, the new claims) of a grown finding, else None."""
        return self.joins.get(finding.id) if any(f is finding for f in self.grown) else None

    def new_claims(self) -> int:
        return sum(len(claims) for _, claims in (self.joins[f.id] for f in self.grown))

    def path(self, file: str) -> str:
        return self.display.get(file, file)

    def state(self, finding: Finding) -> str:
        if any(f is finding for f in self.new):
            return "new"
        return "updated" if any(f is finding for f in self.grown) else "unchanged"

    def text_of(self, file: str) -> str:
        return self.analysis.texts.get(file, "")


def _display_paths(paths: Iterable[str]) -> dict[str, str]:
    """Each corpus file's corpus-relative name (what findings cite) -> its path from the current folder."""
    out: dict[str, str] = {}
    cwd = os.path.realpath(os.getcwd())
    inside = cwd.rstrip(os.sep) + os.sep
    real_folders: dict[str, str] = {}
    for path, root in iter_paths(paths):
        rel = corpus_name(path, root)
        if rel in out:
            continue
        # os.path, not pathlib: an archive has tens of thousands of files, and pathlib's resolve costs. Each
        # folder is resolved once; a file that is no symlink is then its resolved folder and its name.
        folder, name = os.path.split(str(path))
        real_folder = real_folders.get(folder)
        if real_folder is None:
            real_folder = real_folders[folder] = os.path.realpath(folder or ".")
        absolute = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_folder, name)
        out[rel] = (Path(absolute[len(inside):]).as_posix() if absolute.startswith(inside)
                    else "." if absolute == cwd else path.as_posix())
    return out


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.rule, f.subject, f.id))


def run_check(paths: Iterable[str], baseline_path: str | os.PathLike[str], rules_dir: str | None = None,
              against: Iterable[str] = (), warn=None, **options) -> GateResult:
    """Analyse `paths` (plus `against`, the published corpus, when given) and sort the findings against the
    baseline, the acknowledgements and the inline ignores. `options` go to `pipeline.analyse` (jobs, cache,
    engine: how fast, never what is found)."""
    from .pipeline import analyse

    paths, against = list(paths), list(against)
    baseline = load_baseline(baseline_path)
    if against:  # the archive's claims come from the claims store, not from re-reading it
        from .archive import analyse_against

        analysis = analyse_against(paths, against, rules_dir, warn, **options)
    else:
        analysis = analyse(paths, rules_dir, warn, **options)
    if not analysis.extraction.corpus.files:
        raise FactcheckError("no readable article in " + ", ".join(paths + against))
    display = _display_paths(paths + against)
    findings = list(analysis.findings)
    texts = analysis.texts
    scope = None
    if against:
        scope = {rel for rel in _display_paths(paths) if rel in texts}
        findings = [f for f in findings if any(c.file in scope for c in f.claims)]
    inline, problems = apply_inline_ignores(analysis.findings, texts, scope, analysis.extraction.corpus.line_col)
    acknowledged, unused = rules_acknowledged(findings, rules_dir)
    for key, reason in inline.items():
        acknowledged.setdefault(key, reason)
    findings = sort_findings(findings + problems)
    result = GateResult(analysis, baseline, findings, display=display, partial=bool(against),
                        unused_acknowledgements=[] if against else unused)
    # Acknowledged findings never fail; they keep an entry from being "fixed" only when it holds all they claim.
    assigned = baseline.assign([f for f in findings if f.id not in acknowledged])
    taken = {entry["id"] for entry, _ in assigned.values()}
    settled = baseline.assign([f for f in findings if f.id in acknowledged], exclude=taken, grow=False)
    matched = taken | {entry["id"] for entry, _ in settled.values()}
    for f in findings:
        if f.id in acknowledged:
            result.acknowledged.append((f, acknowledged[f.id]))
        elif f.id not in assigned:
            result.new.append(f)
        elif assigned[f.id][1]:
            result.grown.append(f)
            result.joins[f.id] = assigned[f.id]
        else:
            result.known.append(f)
    if not against:
        result.fixed = sorted((e for e in baseline.entries if e["id"] not in matched), key=lambda e: e["id"])
    return result


def growth(findings: Iterable[Finding], baseline: Baseline) -> list[Finding]:
    """The findings a new baseline would add or update: unknown ones and known ones with new claims."""
    findings = list(findings)
    assigned = baseline.assign(findings)
    return [f for f in findings if f.id not in assigned or assigned[f.id][1]]


def grown_entries(result: GateResult) -> list[dict]:
    """The baseline after --allow-growth: grown findings replace the entries they joined, new ones are added."""
    replaced = {entry["id"] for entry, _ in (result.joins[f.id] for f in result.grown)}
    entries = [e for e in result.baseline.entries if e["id"] not in replaced]
    return entries + [baseline_entry(f) for f in result.new + result.grown]


def baseline_findings(result: GateResult) -> list[Finding]:
    """What a regenerated baseline holds: every finding not acknowledged (acknowledgements live in rules/)."""
    acknowledged = {f.id for f, _ in result.acknowledged}
    return [f for f in result.findings if f.id not in acknowledged]
