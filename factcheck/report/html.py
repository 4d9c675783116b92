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

from ..pipeline import Analysis
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
# How many characters of a long sentence are shown on either side of the figure.
CONTEXT = 240

# SVG geometry (viewBox units; the plot scales to the card's width).
_W, _LEFT, _RIGHT, _TOP, _ROW, _AXIS = 400, 34, 14, 8, 20, 36


# -- numbers ------------------------------------------------------------------------------------------

def _num(value: float | None) -> str:
    """A figure for people: 1.3 bn, 60, 0.25, ∞."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    for size, word in ((1e12, " tn"), (1e9, " bn"), (1e6, " M")):
        if abs(value) >= size:
            return f"{value / size:.4g}{word}"
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return f"{value:.4g}" if value != int(value) else f"{int(value)}"


def _coord(value: float) -> str:
    return f"{value:.1f}"


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(1, target)
    magnitude = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * magnitude:
            return mult * magnitude
    return 10 * magnitude


def _unit_label(unit: str) -> str:
    return {"percent": "%", "percentage_point": "percentage points"}.get(unit, unit)


# -- view model -------------------------------------------------------------------------------------------

@dataclass
class ClaimView:
    n: int
    cluster: int
    letter: str
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
    value: str
    unit: str
    qualifier: str
    interval: str
    band: str


@dataclass
class FindingView:
    id: str
    rule: str
    rule_name: str
    severity: str
    message: str
    subject_source: str
    acknowledged: str | None
    claims: list[ClaimView]
    facts: list[tuple[str, str]]
    plot: dict[str, Any] | None


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


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def _highlight(text: str | None, c) -> tuple[str, str, str, str, bool]:
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
    if len(before) > CONTEXT:
        cut = before[-CONTEXT:]
        space = cut.find(" ")
        before = "…" + (cut[space + 1:] if 0 <= space < 40 else cut)
        trimmed = True
    if len(after) > CONTEXT:
        cut = after[:CONTEXT]
        space = cut.rfind(" ")
        after = (cut[:space] if space > CONTEXT - 40 else cut) + "…"
        trimmed = True
    return before, quote, after, sentence, trimmed


def _clusters(finding, n: int) -> list[int]:
    sizes = finding.extra.get("clusters") if isinstance(finding.extra, dict) else None
    if not isinstance(sizes, (list, tuple)) or sum(int(s) for s in sizes) != n:
        return [0] * n
    out: list[int] = []
    for i, size in enumerate(sizes):
        out.extend([i] * int(size))
    return out


def _amount(value: float, unit: str) -> str:
    """A difference of two figures: percentages differ in percentage points."""
    if unit == "percent":
        return f"{_num(value)} percentage point" + ("" if value == 1 else "s")
    return _interval(value, value, unit)


def _interval(low: float, high: float, unit: str) -> str:
    u = _unit_label(unit)
    sep = "" if u == "%" else " "
    if low == high:
        return f"{_num(low)}{sep}{u}"
    return f"{_num(low)} – {_num(high)}{sep}{u}"


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
        dark, light = PALETTE[r["cluster"] % len(PALETTE)]
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
            "hx": _coord(bar_hi), "lx": _coord(bar_lo), "dark": dark, "light": light,
            "title": r["title"],
        })
    axis_y = _TOP + len(rows) * _ROW + 4
    ticks = []
    count = int(round((hi - lo) / step))
    for k in range(count + 1):
        v = lo + k * step
        ticks.append({"x": _coord(x(v)), "label": _num(round(v, 10))})
    if len(ticks) > 7:  # keep labels legible on a phone
        ticks = ticks[::2] if len(ticks) % 2 else ticks[::2] + [ticks[-1]]
    return {
        "width": _W, "height": int(axis_y + _AXIS), "left": _LEFT, "right": _W - _RIGHT,
        "axis_y": _coord(axis_y), "tick_y": _coord(axis_y + 4), "tick_ty": _coord(axis_y + 16),
        "label_y": _coord(axis_y + 30), "label_x": _coord(_LEFT + width / 2),
        "unit": _unit_label(unit) if unit != "percent" else "percent (%)",
        "tolerance": _amount(tol, unit), "rows": shapes, "ticks": ticks,
        "grid_top": _coord(_TOP), "tolerance_shown": tol > 0,
    }


class _View:
    def __init__(self, analysis: Analysis, acknowledged: dict[str, str]):
        self.analysis = analysis
        self.acknowledged = acknowledged
        self.texts = analysis.texts
        self.articles = {a.id: a for a in analysis.extraction.articles}
        self.placed = {(p.claim.file, p.claim.start, p.claim.end): p for p in analysis.placed}

    def claim(self, n: int, cluster: int, c, tol: float) -> tuple[ClaimView, dict]:
        article = self.articles.get(c.article)
        before, quote, after, sentence, trimmed = _highlight(self.texts.get(c.file), c)
        p = self.placed.get((c.file, c.start, c.end))
        base_unit = p.unit if p is not None else c.unit
        base_value = p.value if p is not None else c.value
        value = _num(c.value) + ("" if c.value_high is None else " – " + _num(c.value_high))
        view = ClaimView(
            n=n, cluster=cluster, letter=_letter(cluster), file=c.file, line=c.line, col=c.col,
            article=c.article, title=c.title or (article.title if article else ""),
            date=c.date, source=article.source if article else None,
            before=before, quote=quote, after=after, sentence=sentence, trimmed=trimmed,
            value=value, unit=c.unit, qualifier=c.qualifier.replace("_", " "),
            interval=_interval(c.low, c.high, base_unit),
            band=_interval(c.low - tol, c.high + tol, base_unit) if tol else "",
        )
        row = {"label": f"#{n}", "cluster": cluster, "low": c.low, "high": c.high, "value": base_value,
               "title": f"#{n} {c.quote}: {view.interval}", "unit": base_unit}
        return view, row

    def finding(self, f) -> FindingView:
        extra = f.extra if isinstance(f.extra, dict) else {}
        tol = extra.get("tolerance")
        tol = float(tol) if isinstance(tol, (int, float)) and math.isfinite(tol) and tol > 0 else 0.0
        clusters = _clusters(f, len(f.claims))
        views, rows = [], []
        for i, (c, k) in enumerate(zip(f.claims, clusters), 1):
            v, r = self.claim(i, k, c, tol)
            views.append(v)
            rows.append(r)
        facts: list[tuple[str, str]] = []
        plot = None
        units = {r["unit"] for r in rows}
        if f.rule == "FC200" and len(rows) == 2 and isinstance(extra.get("expected"), (int, float)):
            expected = float(extra["expected"])
            facts.append(("expected", f"{_num(expected)} {rows[1]['unit']}"))
            if isinstance(extra.get("rate"), (int, float)):
                facts.append(("rate", f"{_num(float(extra['rate']))} {rows[1]['unit']}/{rows[0]['unit']}"))
            if isinstance(extra.get("off"), (int, float)):
                facts.append(("off by", f"{float(extra['off']):.0%}"))
            stated = dict(rows[1])
            conv = {"label": "conv", "cluster": 1, "low": expected, "high": expected, "value": expected,
                    "title": f"#1 converted at the declared rate: {_num(expected)}", "unit": stated["unit"]}
            stated["cluster"] = 0
            plot = _plot([stated, conv], 0.0, stated["unit"])
        elif len(units) == 1:
            unit = units.pop()
            if tol:
                facts.append(("tolerance", "±" + _amount(tol, unit)))
            gap = extra.get("gap")
            if isinstance(gap, (int, float)) and math.isfinite(gap):
                facts.append(("largest gap", _amount(float(gap), unit)))
            plot = _plot(rows, tol, unit)
        return FindingView(
            id=f.id, rule=f.rule, rule_name=_RULE_NAMES.get(f.rule, ""), severity=_severity(f.severity),
            message=f.message,
            subject_source="from declared subject" if f.subject_source == "declared" else "automatic grouping",
            acknowledged=self.acknowledged.get(f.id), claims=views, facts=facts, plot=plot,
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
    css = Markup(_ENV.get_template("report.css.j2").render(
        subjects=[sv.index for sv in subjects], severities=SEVERITIES, palette=PALETTE))
    style_hash = base64.b64encode(hashlib.sha256(str(css).encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; script-src 'none'; style-src 'sha256-" + style_hash + "'; img-src data:; "
           "font-src 'none'; connect-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    return {
        "summary": s, "severity_counts": severity_counts, "severities": present, "subjects": subjects,
        "skipped": sorted(analysis.extraction.corpus.skipped), "acknowledged_count": n_ack,
        "css": css, "csp": csp, "rules_digest": analysis.rules_digest or "",
        "subjects_with_findings": len(subjects),
    }


def render_string(analysis: Analysis, acknowledged: dict[str, str] | None = None) -> str:
    return _ENV.get_template("report.html.j2").render(**context(analysis, acknowledged))


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    stream.write(render_string(analysis, acknowledged))
