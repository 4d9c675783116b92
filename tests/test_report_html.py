"""report.html: summary, findings, highlighted claims, escaping of hostile article text, CSP, determinism."""

from __future__ import annotations

import base64
import hashlib
import io
import math
import re

from factcheck.compare import frame_label
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.corpus import Corpus
from factcheck.model import Article, ClaimRef, Finding, SourceFile
from factcheck.pipeline import Analysis, Extraction, analyse
from factcheck.report import html as html_report
from factcheck.report import terminal

HOSTILE_TITLE = "Refining <script>document.title='PWNED'</script> </style><b>bold</b>"
HOSTILE_SOURCE = 'Wire <img src=x onerror="document.title=\'PWNED\'">'

ARTICLES = {
    "a_en.txt": (
        "---\n"
        f'title: "{HOSTILE_TITLE}"\n'
        "date: 2025-03-01\n"
        f"source: '{HOSTILE_SOURCE.replace(chr(39), chr(39) * 2)}'\n"
        "---\n"
        "China controls 90% of global rare earth refining capacity, analysts said "
        "<script>document.title='PWNED'</script> and <img src=x onerror=\"alert(1)\"> "
        "<a href=\"javascript:alert(1)\">javascript:alert(1)</a> </style><style>body{display:none}</style>.\n"
    ),
    "b_zh.txt": (
        "---\n"
        "title: 稀土精炼产能\n"
        "date: 2025-04-02\n"
        "source: 新闻社\n"
        "---\n"
        "中国控制着全球80%的稀土精炼产能。\n"
    ),
}


def write_corpus(root: Path, extra: dict[str, bytes] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    for name, data in (extra or {}).items():
        (root / name).write_bytes(data)
    return root


class Page(HTMLParser):
    """Every element and attribute of a page, plus the text of <style> and <title>."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.title = ""
        self._in: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._in = tag
            if tag == "style":
                self.styles.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.styles[-1] += data
        elif self._in == "title":
            self.title += data


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), {
        "<img src=x onerror=alert(1)>.txt": b"",  # skipped (empty), its name is hostile too
        "binary.txt": b"\x00\x01\x02\x00" * 64,
    })


@pytest.fixture(scope="module")
def analysis(corpus):
    return analyse([corpus], warn=lambda line: None)


@pytest.fixture(scope="module")
def page(analysis) -> str:
    return html_report.render_string(analysis)


def refining_finding(analysis) -> Finding:
    found = [f for f in analysis.findings if {c.quote for c in f.claims} >= {"80%", "90%"}]
    assert found, [f.message for f in analysis.findings]
    return found[0]


def test_summary_counts(analysis, page):
    def stat(name: str) -> int:
        m = re.search(rf"<dt>{name}</dt><dd>(\d+)</dd>", page)
        assert m, name
        return int(m.group(1))

    assert stat("files") == 2
    assert stat("articles") == 2
    assert stat("assertions") == len(analysis.placed) >= 2
    assert stat("subjects") == len({frame_label(p.frame) for p in analysis.placed})
    assert stat("findings") == len(analysis.findings) >= 1
    assert stat("high") == sum(f.severity == "high" for f in analysis.findings)
    assert stat("medium") == sum(f.severity == "medium" for f in analysis.findings)
    assert stat("skipped files") == 2


def test_skipped_files_listed_by_name_and_reason(page):
    assert "<code>binary.txt</code>: binary file" in page
    assert "<code>&lt;img src=x onerror=alert(1)&gt;.txt</code>: empty file" in page


def test_every_finding_and_claim_is_shown(analysis, page):
    finding = refining_finding(analysis)
    assert finding.severity == "high"
    for f in analysis.findings:
        assert f'id="{f.id}"' in page
        assert html_escape(f.message) in page
        assert f.rule in page
        for c in f.claims:
            assert f"<mark>{html_escape(c.quote)}</mark>" in page
            assert f"{html_escape(c.file)}:{c.line}:{c.col}" in page
    assert "from declared subject" in page or "automatic grouping" in page
    # Both figures, each with its claims' title, date and source, its qualifier and interval.
    assert "稀土精炼产能" in page and "2025-04-02" in page and "新闻社" in page
    assert "2025-03-01" in page
    assert '<span class="figure">90%</span> — 1 article <span class="iv">exact · interval 89.5 – 90.5%' in page
    assert '<span class="figure">80%</span> — 1 article <span class="iv">exact · interval 79.5 – 80.5%' in page


def test_figure_highlighted_within_its_sentence(page):
    assert "China controls <mark>90%</mark> of global rare earth refining capacity" in page
    assert "中国控制着全球<mark>80%</mark>的稀土精炼产能。" in page
    assert page.count("<mark>") == page.count("</mark>")


def test_svg_plot_with_tolerance_band_and_axis(analysis, page):
    finding = refining_finding(analysis)
    section = page[page.index(f'id="{finding.id}"'):]
    section = section[:section.index("</article>")]
    assert section.count("<svg") == 1
    assert "percent (%)" in section  # axis label
    assert "89.5 – 90.5%" in section  # each figure's interval: its written precision, zero tolerance
    assert section.count("<circle") == len({(c.value, c.qualifier) for c in finding.claims})  # one per figure


def test_hostile_article_text_is_inert(page):
    doc = Page(page)
    tags = {tag for tag, _ in doc.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "b", "i", "base", "link"}
    assert [t for t, _ in doc.tags].count("style") == 1
    assert [t for t, _ in doc.tags].count("script") == 0
    for tag, attrs in doc.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
            if name == "href":
                assert (value or "").startswith("#"), value  # only in-page anchors
    assert "PWNED" not in doc.title
    # The hostile text is shown, as text.
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "javascript:alert(1)" in page
    assert "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert re.search(r"<script", page, re.I) is None
    assert re.search(r"<img", page, re.I) is None


def test_content_security_policy(page):
    doc = Page(page)
    metas = [a for t, a in doc.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    csp = metas[0]["content"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'none'"
    # The one <style> is allowed by its hash, nothing else; no style attributes are used.
    digest = base64.b64encode(hashlib.sha256(doc.styles[0].encode("utf-8")).digest()).decode()
    assert directives["style-src"] == f"'sha256-{digest}'"
    assert all("style" not in attrs for _, attrs in doc.tags)
    # The CSP comes before anything it governs; the page is phone-ready.
    assert page.index("Content-Security-Policy") < page.index("<style>")
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in doc.tags)


def test_filters_are_pure_css(analysis, page):
    doc = Page(page)
    radios = [a for t, a in doc.tags if t == "input" and a.get("type") == "radio"]
    ids = {a["id"] for a in radios}
    assert {"sev-all", "subj-all"} <= ids
    for f in analysis.findings:
        assert f"sev-{f.severity}" in ids
    subjects = {f.subject for f in analysis.findings}
    assert len([i for i in ids if i.startswith("subj-")]) == len(subjects) + 1
    assert "#sev-high:checked ~ main .finding:not(.sev-high)" in doc.styles[0]


def test_no_network_references(page):
    assert re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I) is None
    assert "@import" not in page and "url(" not in page


def test_deterministic_bytes(corpus, analysis, page):
    assert html_report.render_string(analysis) == page
    again = analyse([corpus], warn=lambda line: None)
    assert html_report.render_string(again) == page
    # Files named in another order give the same report.
    names = sorted(p for p in corpus.iterdir() if p.name.endswith(".txt"))
    reordered = analyse(list(reversed(names)), warn=lambda line: None)
    assert html_report.render_string(reordered) == page
    stream = io.StringIO()
    html_report.render(analysis, stream)
    assert stream.getvalue() == page


def test_acknowledged_finding_shows_reason(analysis):
    finding = refining_finding(analysis)
    page = html_report.render_string(analysis, {finding.id: "Different <i>definitions</i>, checked by desk"})
    section = page[page.index(f'id="{finding.id}"'):]
    section = section[:section.index("</article>")]
    assert "acknowledged" in section
    assert "Different &lt;i&gt;definitions&lt;/i&gt;, checked by desk" in section
    assert 'id="hide-ack"' in page
    assert "<dt>acknowledged</dt><dd>1</dd>" in page


def test_empty_report(tmp_path):
    (tmp_path / "one.txt").write_text("Nothing to compare here, just 3 apples.\n", encoding="utf-8")
    analysis = analyse([tmp_path], warn=lambda line: None)
    page = html_report.render_string(analysis)
    assert "No contradictions found" in page
    assert "<svg" not in page


def _ref(file: str, quote: str, sentence: str, value: float, low: float, high: float, unit: str = "percent",
         qualifier: str = "exact", start: int = 0) -> ClaimRef:
    return ClaimRef(file=file, article=file.split(".")[0] + "#1", title="T", date=None, start=start,
                    end=start + len(quote), line=1, col=start + 1, quote=quote, sentence=sentence, value=value,
                    value_high=None, unit=unit, qualifier=qualifier, low=low, high=high)


def _synthetic() -> Analysis:
    texts = {
        "x.txt": "Over 85% of it. Under 10% elsewhere.",
        "y.txt": "Just 40% here, 40% again.",
        "z.txt": "700 billion rubles (approximately 61.8 billion yuan).",
    }
    corpus = Corpus(files=[SourceFile(path=p, text=t, encoding="utf-8", sha256="0" * 64) for p, t in texts.items()])
    articles = [Article(id=p.split(".")[0] + "#1", file=p, title="T", source=None, date=None, start=0,
                        end=len(t)) for p, t in texts.items()]
    contradiction = Finding(
        id="FC100-000000000001", rule="FC100", subject="auto:thing|X|all|2025|percent", subject_source="auto",
        severity="high", message="thing: over 85% vs 40% vs under 10%",
        claims=(
            _ref("x.txt", "10%", "Under 10% elsewhere.", 10.0, -math.inf, 10.0, qualifier="under", start=22),
            _ref("y.txt", "40%", "Just 40% here, 40% again.", 40.0, 39.5, 40.5, start=15),
            _ref("x.txt", "85%", "Over 85% of it.", 85.0, 85.0, math.inf, qualifier="over", start=5),
        ),
        extra={"tolerance": 2.0, "gap": 44.5, "clusters": [1, 1, 1]},
    )
    conversion = Finding(
        id="FC200-000000000002", rule="FC200", subject="conversion:RUB->CNY", subject_source="declared",
        severity="medium", message="700 billion RUB converts to about 54 billion CNY, not 61.8 billion CNY",
        claims=(
            _ref("z.txt", "700 billion rubles", "700 billion rubles (approximately 61.8 billion yuan).", 7e11,
                 7e11, 7e11, unit="RUB"),
            _ref("z.txt", "61.8 billion yuan", "700 billion rubles (approximately 61.8 billion yuan).", 6.18e10,
                 6.175e10, 6.185e10, unit="CNY", start=33),
        ),
        extra={"rate": 0.077, "expected": 5.39e10, "off": 0.147},
    )
    return Analysis(Extraction(corpus, articles, []), [], [contradiction, conversion], "digest")


def test_open_intervals_are_clipped_and_conversions_plotted():
    page = html_report.render_string(_synthetic())
    assert "inf" not in page.lower().replace("information", "")
    assert "nan" not in re.findall(r'="([^"]*)"', page)
    # Numbers in SVG attributes are all finite.
    for value in re.findall(r'\b(?:x|y|width|height|cx|cy|x1|x2|y1|y2)="([^"]+)"', page):
        assert math.isfinite(float(value))
    assert page.count("<svg") == 2
    assert "Under <mark>10%</mark> elsewhere." in page
    assert "Just 40% here, <mark>40%</mark> again." in page  # the second 40%, by offset
    assert "automatic grouping" in page and "from declared subject" in page
    assert "<dt>expected</dt><dd>53.9 billion CNY</dd>" in page
    assert "−∞ – 10%" in page and "85 – ∞%" in page
    # Most severe subject first.
    assert page.index("FC100-000000000001") < page.index("FC200-000000000002")


def test_terminal_report_neutralises_control_characters():
    analysis = _synthetic()
    bad = Finding(id="FC100-000000000003", rule="FC100", subject="s", subject_source="auto", severity="medium",
                  message="evil \x1b]0;title\x07 \x1b[31mred\u202e", claims=(), extra={})
    analysis.findings.append(bad)
    out = io.StringIO()
    terminal.render(analysis, out, {"FC100-000000000003": "ok \x1b[2J"})
    text = out.getvalue()
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\x1b" in text
    assert "acknowledged" in text
    assert text.index("FC100-000000000001") < text.index("FC200-000000000002")


def html_escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
