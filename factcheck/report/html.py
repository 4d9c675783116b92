"""`report.html`: a self-contained discrepancy report for editors.

No network and no script: inline CSS (allowed by its sha256 hash in the Content-Security-Policy) and inline
SVG. Filters by severity and subject are radio inputs and `:checked` selectors. Every string that comes from
an article (titles, sources, sentences, quotes, file names, subject keys) reaches the page only through
Jinja2's autoescaping; the figure is highlighted by splitting the sentence around it, never by building markup.
The output depends only on the analysis: same input, same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import numfmt
from ..pipeline import Analysis
from . import figures
from .json_report import summary

_ENV = Environment(loader=PackageLoader("factcheck.report", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

SEVERITIES = ("high", "medium", "low")
_SEV_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_RULE_NAMES = {"FC100": "contradiction", "FC200": "conversion mismatch"}
# Cluster colours: bar (dark) and band (light), colour-blind friendly (Okabe-Ito).
PALETTE = (("#0072b2", "#cfe6f5"), ("#d55e00", "#f8dccb"), ("#009e73", "#c9eee2"),
           ("#cc79a7", "#f4dcea"), ("#8a6d00", "#f3e7b3"), ("#56b4e9", "#dcf0fb"))


@dataclass(frozen=True)
class Detail:
    """How much of each finding report.html shows; report.json always keeps every claim of every finding."""

    values: int  # distinct figures shown per finding
    quoted: int  # claims per figure quoted in their sentence
    located: int  # more claims per figure listed by file:line:col
    context: int  # characters of the sentence shown on either side of the figure
    sentences: bool  # a long sentence can be unfolded in full
    message: int  # characters of a finding's message


# The more findings, the less of each: report.html stays one file a phone opens (≤ 10 MB at 100k articles).
# Each tier bounds a finding's bytes, so the page grows with the number of findings, never with the corpus.
DETAIL_TIERS = (
    (200, Detail(values=12, quoted=2, located=6, context=240, sentences=True, message=400)),
    (800, Detail(values=8, quoted=1, located=4, context=160, sentences=False, message=300)),
    (None, Detail(values=4, quoted=1, located=2, context=80, sentences=False, message=160)),
)


SUBJECT_FILTER = 150  # subjects with findings up to which the page filters by subject (beyond: links)


def detail_for(findings: int) -> Detail:
    return next(d for limit, d in DETAIL_TIERS if limit is None or findings <= limit)

# SVG geometry (viewBox units; the plot scales to the card's width).
_W, _LEFT, _RIGHT, _TOP, _ROW, _AXIS = 400, 34, 14, 8, 20, 36


# -- numbers ------------------------------------------------------------------------------------------

_num = numfmt.number


def _coord(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(1, target)
    magnitude = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * magnitude:
            return mult * magnitude
    return 10 * magnitude


def _unit_label(unit: str) -> str:
    return numfmt.unit_label(unit).strip() or unit


# -- view model -------------------------------------------------------------------------------------------

@dataclass
class ClaimView:
    file: str
    line: int
    col: int
    article: str
    title: str
    date: str | None
    source: str | None
    before: str
    quote: str
    after: str
    sentence: str
    trimmed: bool


@dataclass
class ValueView:
    """One distinct figure of a finding ("90%"), with the claims that state it: a few quoted, more located,
    the rest counted (report.json keeps every one)."""

    n: int
    cluster: int
    letter: str
    figure: str  # "~30,000 CNY", "over 85%": as the claims state it
    qualifier: str
    interval: str
    band: str
    claims: int
    articles: int
    quoted: list[ClaimView]
    located: list[ClaimView]
    more: int  # claims neither quoted nor located


@dataclass
class FindingView:
    id: str
    rule: str
    rule_name: str
    severity: str
    message: str
    subject_source: str
    acknowledged: str | None
    values: list[ValueView]
    facts: list[tuple[str, str]]
    plot: dict[str, Any] | None
    claims: int = 0
    articles: int = 0
    hidden_values: int = 0  # distinct figures not shown (their claims are in report.json)
    hidden_claims: int = 0


@dataclass
class SubjectView:
    index: int
    key: str
    label: str
    source: str
    severity: str
    findings: list[FindingView] = field(default_factory=list)

    @property
    def severities(self) -> list[str]:
        return sorted({f.severity for f in self.findings}, key=lambda s: _SEV_RANK.get(s, 9))

    @property
    def all_acknowledged(self) -> bool:
        return all(f.acknowledged is not None for f in self.findings)


def _highlight(text: str | None, c, context: int = 240) -> tuple[str, str, str, str, bool]:
    """(before, quote, after, sentence, trimmed): the sentence split around the figure, never as markup."""
    sentence = c.sentence or ""
    quote = c.quote or ""
    pos = -1
    if text is not None and sentence:
        # The sentence is a verbatim slice of the file text that contains the claim's span.
        lo = max(0, c.end - len(sentence))
        start = text.find(sentence, lo, c.start + len(sentence))
        if start >= 0 and start <= c.start and c.end <= start + len(sentence):
            pos = c.start - start
            quote = sentence[pos:pos + (c.end - c.start)]
    if pos < 0:
        pos = sentence.find(quote) if quote else -1
    if pos < 0:
        return "", "", "", sentence, False
    before, after = sentence[:pos], sentence[pos + len(quote):]
    trimmed = False
    slack = min(40, context // 4)
    if len(before) > context:
        cut = before[-context:]
        space = cut.find(" ")
        before = "…" + (cut[space + 1:] if 0 <= space < slack else cut)
        trimmed = True
    if len(after) > context:
        cut = after[:context]
        space = cut.rfind(" ")
        after = (cut[:space] if space > context - slack else cut) + "…"
        trimmed = True
    return before, quote, after, sentence, trimmed


def _amount(value: float, unit: str) -> str:
    """A difference of two figures: percentages differ in percentage points."""
    return numfmt.difference(value, unit)


def _interval(low: float, high: float, unit: str) -> str:
    return numfmt.span(low, high, unit)


def _plot(rows: list[dict], tol: float, unit: str) -> dict[str, Any] | None:
    """Shapes of a small interval plot: one row per claim, its tolerance band, a shared axis."""
    finite = [v for r in rows for v in (r["low"], r["high"], r["value"]) if math.isfinite(v)]
    if not finite:
        return None
    lo, hi = min(finite) - tol, max(finite) + tol
    if unit == "percent":
        lo = max(lo, 0.0) if min(finite) >= 0 else lo
    if hi - lo <= 0:
        pad = abs(hi) * 0.05 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if hi - lo <= 0:
        hi = lo + step
    width = _W - _LEFT - _RIGHT

    def x(v: float) -> float:
        v = min(max(v, lo), hi)  # ±inf and out-of-range bounds clip to the plot's edges
        return _LEFT + (v - lo) / (hi - lo) * width

    shapes = []
    for i, r in enumerate(rows):
        y = _TOP + i * _ROW
        mid = y + _ROW / 2
        band_lo, band_hi = x(r["low"] - tol), x(r["high"] + tol)
        bar_lo, bar_hi = x(r["low"]), x(r["high"])
        shapes.append({
            "label": r["label"], "y": _coord(y), "ty": _coord(mid + 4), "mid": _coord(mid),
            "band_x": _coord(band_lo), "band_w": _coord(max(band_hi - band_lo, 1.0)),
            "band_y": _coord(y + 2), "band_h": _coord(_ROW - 4),
            "bar_x": _coord(bar_lo), "bar_w": _coord(max(bar_hi - bar_lo, 0.0)),
            "bar_y": _coord(mid - 3), "dot": _coord(x(r["value"])) if math.isfinite(r["value"]) else None,
            "open_high": not math.isfinite(r["high"]) or r["high"] > hi,
            "open_low": not math.isfinite(r["low"]) or r["low"] < lo,
            "hx": _coord(bar_hi), "lx": _coord(bar_lo), "k": r["cluster"] % len(PALETTE),
            "title": r["title"],
        })
    axis_y = _TOP + len(rows) * _ROW + 4
    ticks = _ticks(lo, hi, step, x)
    return {
        "width": _W, "height": int(axis_y + _AXIS), "left": _LEFT, "right": _W - _RIGHT,
        "axis_y": _coord(axis_y), "tick_y": _coord(axis_y + 4), "tick_ty": _coord(axis_y + 16),
        "label_y": _coord(axis_y + 30), "label_x": _coord(_LEFT + width / 2),
        "unit": _unit_label(unit) if unit != "percent" else "percent (%)",
        "tolerance": _amount(tol, unit), "rows": shapes, "ticks": ticks,
        "grid_top": _coord(_TOP), "tolerance_shown": tol > 0,
    }


# Width of a character of the axis font (12px system-ui), generously: digits are ~6.7px, "∞" and "%" wider.
_CHAR_W = 7.5


def _ticks(lo: float, hi: float, step: float, x) -> list[dict[str, Any]]:  # noqa: ANN001
    """Tick marks and labels; every label lies wholly inside the figure and none overlaps the next."""
    values = [lo + k * step for k in range(int(round((hi - lo) / step)) + 1)]
    labels = [_num(round(v, 10)) for v in values]
    widest = max(len(label) for label in labels) * _CHAR_W
    every = 1
    while every < len(values) and (x(values[0] + every * step) - x(values[0])) < widest + 8:
        every += 1
    keep = list(range(0, len(values), every))
    out = []
    for k in keep:
        pos = x(values[k])
        half = len(labels[k]) * _CHAR_W / 2
        out.append({"x": _coord(pos), "label": labels[k],
                    "tx": _coord(min(max(pos, half + 1), _W - half - 1))})  # shifted inward at the edges
    return out


class _View:
    def __init__(self, analysis: Analysis, acknowledged: dict[str, str]):
        self.analysis = analysis
        self.detail = detail_for(len(analysis.findings))
        self.acknowledged = acknowledged
        self.texts = analysis.texts
        self.articles = {a.id: a for a in analysis.extraction.articles}
        self.placed = {(p.claim.file, p.claim.start, p.claim.end): p for p in analysis.placed}

    def claim(self, c) -> ClaimView:
        article = self.articles.get(c.article)
        before, quote, after, sentence, trimmed = _highlight(self.texts[c.file] if c.file in self.texts else None, c,
                                                            self.detail.context)
        return ClaimView(
            file=c.file, line=c.line, col=c.col, article=c.article,
            title=c.title or (article.title if article else ""), date=c.date,
            source=article.source if article else None,
            before=before, quote=quote, after=after, sentence=sentence, trimmed=trimmed,
        )

    def values(self, f, tol: float) -> tuple[list[ValueView], list[dict], int, int]:
        """(the figures shown, their plot rows, figures not shown, claims not shown)."""
        detail = self.detail
        found = figures.figures(f)
        shown = figures.shown(f, detail.values)
        views, rows = [], []
        for n, fig in enumerate(shown, 1):
            claims = fig.claims
            first = claims[0]
            p = self.placed.get((first.file, first.start, first.end))
            base_unit = p.unit if p is not None else first.unit
            low, high = min(c.low for c in claims), max(c.high for c in claims)
            interval = _interval(low, high, base_unit)
            quoted = [self.claim(c) for c in claims[:detail.quoted]]
            located = [self.claim(c) for c in claims[detail.quoted:detail.quoted + detail.located]]
            views.append(ValueView(
                n=n, cluster=fig.cluster, letter=figures.letter(fig.cluster), figure=fig.figure,
                qualifier=fig.qualifier.replace("_", " "), interval=interval,
                band=_interval(low - tol, high + tol, base_unit) if tol else "",
                claims=len(claims), articles=fig.articles,
                quoted=quoted, located=located, more=len(claims) - len(quoted) - len(located)))
            rows.append({"label": f"#{n}", "cluster": fig.cluster, "low": low, "high": high,
                         "value": p.value if p is not None else first.value,
                         "title": f"#{n} {fig.figure}: {interval}", "unit": base_unit})
        hidden = len(found) - len(shown)
        return views, rows, hidden, len(f.claims) - sum(len(fig.claims) for fig in shown)

    def finding(self, f) -> FindingView:
        extra = f.extra if isinstance(f.extra, dict) else {}
        tol = extra.get("tolerance")
        tol = float(tol) if isinstance(tol, (int, float)) and math.isfinite(tol) and tol > 0 else 0.0
        views, rows, hidden_values, hidden_claims = self.values(f, tol)
        facts: list[tuple[str, str]] = []
        plot = None
        units = {r["unit"] for r in rows}
        if f.rule == "FC200" and len(f.claims) == 2 and isinstance(extra.get("expected"), (int, float)):
            expected = float(extra["expected"])
            target = f.claims[1].unit
            facts.append(("expected", numfmt.quantity(expected, target)))
            if isinstance(extra.get("rate"), (int, float)):
                facts.append(("rate", f"{_num(float(extra['rate']))} {target}/{f.claims[0].unit}"))
            if isinstance(extra.get("off"), (int, float)):
                facts.append(("off by", f"{float(extra['off']):.0%}"))
            second = f.claims[1]
            stated = {"label": "#1", "cluster": 0, "low": second.low, "high": second.high, "value": second.value,
                      "title": f"stated: {numfmt.quantity(second.value, target)}", "unit": target}
            conv = {"label": "conv", "cluster": 1, "low": expected, "high": expected, "value": expected,
                    "title": f"converted at the declared rate: {numfmt.quantity(expected, target)}", "unit": target}
            plot = _plot([stated, conv], 0.0, target)
        elif len(units) == 1:
            unit = units.pop()
            if tol:
                facts.append(("tolerance", "±" + _amount(tol, unit)))
            gap = extra.get("gap")
            if isinstance(gap, (int, float)) and math.isfinite(gap):
                facts.append(("largest gap", _amount(float(gap), unit)))
            plot = _plot(rows, tol, unit)
        limit = self.detail.message
        message = f.message if len(f.message) <= limit else f.message[:limit - 1].rstrip() + "…"
        return FindingView(
            id=f.id, rule=f.rule, rule_name=_RULE_NAMES.get(f.rule, ""), severity=_severity(f.severity),
            message=message,
            subject_source="from declared subject" if f.subject_source == "declared" else "automatic grouping",
            acknowledged=self.acknowledged.get(f.id), values=views, facts=facts, plot=plot,
            claims=len(f.claims), articles=len({c.article for c in f.claims}),
            hidden_values=hidden_values, hidden_claims=hidden_claims,
        )

    def subjects(self) -> list[SubjectView]:
        by_key: dict[str, list] = {}
        for f in self.analysis.findings:
            by_key.setdefault(f.subject, []).append(f)
        order = sorted(by_key, key=lambda k: (min(_SEV_RANK.get(_severity(f.severity), 9) for f in by_key[k]), k))
        out = []
        for index, key in enumerate(order, 1):
            findings = sorted(by_key[key], key=lambda f: (_SEV_RANK.get(_severity(f.severity), 9), f.id))
            first = findings[0]
            label = " · ".join(part for part in key.removeprefix("auto:").split("|") if part)
            sv = SubjectView(index=index, key=key, label=label,
                             source="from declared subject" if first.subject_source == "declared"
                             else "automatic grouping",
                             severity=_severity(first.severity))
            sv.findings = [self.finding(f) for f in findings]
            out.append(sv)
        return out


def _severity(value: str) -> str:
    return value if value in _SEV_RANK else "low"


def context(analysis: Analysis, acknowledged: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain data (also handy for tests)."""
    acknowledged = dict(acknowledged or {})
    view = _View(analysis, acknowledged)
    subjects = view.subjects()
    s = summary(analysis)
    severity_counts = {sev: 0 for sev in SEVERITIES}
    for f in analysis.findings:
        severity_counts[_severity(f.severity)] += 1
    present = [sev for sev in SEVERITIES if severity_counts[sev]]
    n_ack = sum(1 for f in analysis.findings if f.id in acknowledged)
    # A filter per subject is a radio and three CSS rules each; past a screenful of chips, links jump instead.
    subject_filter = len(subjects) <= SUBJECT_FILTER
    css = Markup(_ENV.get_template("report.css.j2").render(
        subjects=[sv.index for sv in subjects] if subject_filter else [], severities=SEVERITIES, palette=PALETTE))
    style_hash = base64.b64encode(hashlib.sha256(str(css).encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; script-src 'none'; style-src 'sha256-" + style_hash + "'; img-src data:; "
           "font-src 'none'; connect-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    return {
        "summary": s, "severity_counts": severity_counts, "severities": present, "subjects": subjects,
        "skipped": sorted(analysis.extraction.corpus.skipped), "acknowledged_count": n_ack,
        "css": css, "csp": csp, "rules_digest": analysis.rules_digest or "",
        "subjects_with_findings": len(subjects), "detail": view.detail, "subject_filter": subject_filter,
    }


def render_string(analysis: Analysis, acknowledged: dict[str, str] | None = None) -> str:
    return _ENV.get_template("report.html.j2").render(**context(analysis, acknowledged))


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    stream.write(render_string(analysis, acknowledged))
