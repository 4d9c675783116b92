"""report.html in headless Chromium: findings render, article scripts never run, CSP holds, layout holds.

Skipped when no Chromium binary is found (`.ci/run` installs Debian's `chromium`). Set
FACTCHECK_SCREENSHOTS=DIR to keep the phone and desktop screenshots for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from factcheck.pipeline import analyse
from factcheck.report import html as html_report

PAYLOAD = ("<script>document.title='PWNED';var d=document.createElement('div');d.id='pwned';"
           "document.body.appendChild(d)</script>")
ONERROR = "<img src=x onerror=\"document.title='PWNED';document.body.setAttribute('data-pwned','1')\">"
LONG_TOKEN = "https://example.com/" + "a" * 300

ARTICLES = {
    "en.txt": (
        "---\n"
        "title: \"Rare earths <script>document.title='PWNED'</script>\"\n"
        "date: 2025-03-01\n"
        "source: 'Wire <img src=x onerror=\"document.title=''PWNED''\">'\n"
        "---\n"
        f"China controls 90% of global rare earth refining capacity {PAYLOAD}.\n\n"
        f"China accounts for 60% of global rare earth mining, see {LONG_TOKEN} {ONERROR} "
        "<a href=\"javascript:document.title='PWNED'\">link</a> </style><style>body{display:none}</style>.\n"
    ),
    "zh.txt": (
        "---\n"
        "title: 稀土精炼与开采\n"
        "date: 2025-04-02\n"
        "source: 新闻社\n"
        "---\n"
        "中国控制着全球80%的稀土精炼产能。\n\n"
        "中国占全球稀土开采量的64%。\n"
    ),
}

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--mute-audio", "--enable-logging=stderr", "--v=0")


def find_chromium() -> str | None:
    candidates = [os.environ.get("FACTCHECK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome",
                  "/usr/bin/chromium"]
    for name in candidates:
        if name and (path := shutil.which(name)):
            return path
    return None


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found")


def chromium(tmp: Path, page: Path, *args: str, size: str = "1280,900") -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", *args, page.as_uri()]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp,
                              env={**os.environ, "HOME": str(tmp)})
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 120 s")


def dump_dom(tmp: Path, page: Path, size: str = "1280,900") -> tuple[str, str]:
    done = chromium(tmp, page, "--dump-dom", size=size)
    assert "<html" in done.stdout, done.stderr[-2000:]
    return done.stdout, done.stderr


def head_title(dom: str) -> str:
    head = dom[:dom.index("</head>")]
    m = re.search(r"<title>(.*?)</title>", head, re.S)
    return m.group(1) if m else ""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    analysis = analyse([corpus], warn=lambda line: None)
    assert len(analysis.findings) >= 2, [f.message for f in analysis.findings]
    page = tmp / "report.html"
    page.write_text(html_report.render_string(analysis), encoding="utf-8")
    return tmp, page, analysis


def test_findings_render(built):
    tmp, page, analysis = built
    dom, _ = dump_dom(tmp, page)
    assert head_title(dom) == f"factcheck report: {len(analysis.findings)} findings"
    for f in analysis.findings:
        assert f'id="{f.id}"' in dom
        assert f.message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dom
        for c in f.claims:
            assert f"<mark>{c.quote}</mark>" in dom
    assert "中国控制着全球<mark>80%</mark>的稀土精炼产能。" in dom


def test_no_script_from_article_text_runs(built):
    tmp, page, _ = built
    dom, log = dump_dom(tmp, page)
    assert "PWNED" not in head_title(dom)
    assert 'id="pwned"' not in dom
    assert "data-pwned" not in dom.replace("setAttribute('data-pwned'", "")
    assert re.search(r"<(script|img|iframe|object|embed)\b", dom, re.I) is None
    # Shown as text instead.
    assert "&lt;script&gt;document.title='PWNED'" in dom
    assert "javascript:document.title='PWNED'" in dom
    # Nothing was even attempted: no CSP violation, the stylesheet passed its hash.
    assert "Content Security Policy" not in log


def test_csp_blocks_a_script_that_slipped_in(built):
    """Defence in depth: even a script injected into the page's markup does not run."""
    tmp, page, _ = built
    markup = page.read_text(encoding="utf-8")
    tampered = tmp / "tampered.html"
    tampered.write_text(markup.replace("<body>", "<body>" + PAYLOAD + ONERROR, 1), encoding="utf-8")
    dom, log = dump_dom(tmp, tampered)
    assert "PWNED" not in head_title(dom)
    assert 'id="pwned"' not in dom
    assert "data-pwned=" not in dom
    if "CONSOLE" in log:  # chromium logs console messages: the CSP refused the script
        assert "Content Security Policy" in log


def _measure(tmp: Path, page: Path, size: str, name: str) -> dict[str, str]:
    """Lay a copy of the report out in an iframe of the given size and measure it (see `_probe`)."""
    assert "script-src &#39;none&#39;" in page.read_text(encoding="utf-8")
    return _probe(tmp, page, size, f"measure-{name}", (
        "var e=document.documentElement,f=document.querySelector('.finding');"
        "r.scroll=e.scrollWidth;r.inner=e.clientWidth;"
        "r.border=getComputedStyle(f).borderLeftWidth;"
        "r.wide=[].filter.call(document.querySelectorAll('body *'),function(x){"
        "var b=x.getBoundingClientRect();return b.width>0&&b.right>e.clientWidth+1&&!x.matches('.filter-input');})"
        ".map(function(x){return x.tagName+'.'+x.className.toString().replace(/ /g,'.');}).join(',')||'none';"
        "var vis=function(){return [].filter.call(document.querySelectorAll('.finding'),"
        "function(x){return x.offsetParent!==null;}).length;};"
        "r.all=vis();document.querySelector('label[for=sev-medium]').click();r.medium=vis();"
        "document.querySelector('label[for=sev-all]').click();document.querySelector('label[for=subj-1]').click();"
        "r.subj1=vis();"))


@pytest.mark.parametrize("size", ["320,640", "390,844", "1280,900"], ids=["small-phone", "phone", "desktop"])
def test_layout_holds_and_filters_work(built, size):
    tmp, page, analysis = built
    m = _measure(tmp, page, size, size.replace(",", "x"))
    assert m["border"] == "6px"  # the stylesheet applied under the CSP
    assert int(m["scroll"]) <= int(m["inner"]), m  # no horizontal scrolling, even with a 300-character URL
    assert m["wide"] == "none", m
    assert int(m["all"]) == len(analysis.findings)
    assert int(m["medium"]) == sum(f.severity == "medium" for f in analysis.findings)
    first_subject = html_report.context(analysis)["subjects"][0]
    assert int(m["subj1"]) == len(first_subject.findings)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", ["390,844", "1280,900"], ids=["phone", "desktop"])
def test_screenshot(built, size):
    tmp, page, _ = built
    keep = os.environ.get("FACTCHECK_SCREENSHOTS")
    out_dir = Path(keep) if keep else tmp
    out_dir.mkdir(parents=True, exist_ok=True)
    shot = out_dir / f"report-{size.replace(',', 'x')}.png"
    done = chromium(tmp, page, f"--screenshot={shot}", size=size)
    assert shot.exists(), done.stderr[-2000:]
    width, height = png_size(shot)
    assert (width, height) == tuple(int(v) for v in size.split(","))


# --- a finding with many claims, collapsed to its figures (issue 11) --------------------------------------

def _probe(tmp: Path, page: Path, size: str, name: str, body: str) -> dict[str, str]:
    """Run `body` (JavaScript filling an object `r`) in a copy of the page laid out in an iframe of `size`.

    Only this copy's CSP allows the probing script. An iframe gives a true phone-width viewport (headless
    windows are at least 500 px wide); the frame posts `r` to the wrapper, which shows it as its title."""
    markup = page.read_text(encoding="utf-8")
    probe = ("<script>addEventListener('load',function(){var r={};" + body +
             "parent.postMessage(Object.keys(r).map(function(k){return k+'='+r[k];}).join(' '),'*');});</script>")
    frame = tmp / f"probe-{name}.html"
    frame.write_text(markup.replace("script-src &#39;none&#39;", "script-src &#39;unsafe-inline&#39;")
                     .replace("</body>", probe + "</body>", 1), encoding="utf-8")
    width, height = size.split(",")
    wrapper = tmp / f"probe-wrap-{name}.html"
    wrapper.write_text(
        "<!doctype html><html><head><title>pending</title></head><body>"
        f"<iframe src=\"{frame.name}\" width=\"{width}\" height=\"{height}\"></iframe>"
        "<script>addEventListener('message',function(e){document.title=e.data;});</script></body></html>",
        encoding="utf-8")
    done = chromium(tmp, wrapper, "--virtual-time-budget=10000", "--dump-dom", size="1400,1000")
    title = head_title(done.stdout)
    assert title != "pending", done.stderr[-2000:]
    return dict(part.split("=", 1) for part in title.split())


@pytest.fixture(scope="module")
def collapsed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("collapsed")
    corpus = tmp / "corpus"
    corpus.mkdir()
    figures = ["90%"] * 9 + ["80%"] * 4 + ["64%"] * 2
    for n, figure in enumerate(figures):
        (corpus / f"article_{n:02d}_with_a_rather_long_file_name_for_a_phone.md").write_text(
            f"---\ntitle: Refining report\ndate: 2025-03-{n + 1:02d}\nsource: Wire\n---\n"
            f"China refines {figure} of the world's rare earths, analysts said.\n", encoding="utf-8")
    # A second finding with large figures: its axis labels are the widest ("1.2 million").
    for n, tons in enumerate(("1,250,000", "2,900,000", "1,980,000")):
        (corpus / f"exports_{n}.md").write_text(f"---\ntitle: Exports\ndate: 2025-05-0{n + 1}\n---\n"
                                               f"Rare earth exports reached {tons} tons in 2025.\n", encoding="utf-8")
    analysis = analyse([corpus], warn=lambda line: None)
    [finding] = [f for f in analysis.findings if f.claims[0].unit == "percent"]
    assert len(analysis.findings) == 2 and len(finding.claims) == len(figures)
    page = tmp / "report.html"
    page.write_text(html_report.render_string(analysis), encoding="utf-8")
    return tmp, page, finding


@pytest.mark.parametrize("size", ["320,640", "1280,900"], ids=["small-phone", "desktop"])
def test_collapsed_figures_open_on_demand_without_script(collapsed, size):
    tmp, page, finding = collapsed
    markup = page.read_text(encoding="utf-8")
    assert "<script" not in markup and "script-src &#39;none&#39;" in markup
    m = _probe(tmp, page, size, size.replace(",", "x"), (
        f"var root=document.getElementById('{finding.id}');"
        "var e=document.documentElement,vis=function(){return [].filter.call(root.querySelectorAll('.claim'),"
        "function(x){return x.checkVisibility?x.checkVisibility():x.getBoundingClientRect().height>0;}).length;};"
        "var rows=root.querySelectorAll('.value');r.rows=rows.length;"
        "r.closed=[].filter.call(root.querySelectorAll('.value details'),function(d){return !d.open;}).length;"
        "r.visible=vis();"
        "r.first=rows[0].querySelector('summary').textContent.replace(/\\s+/g,'_');"
        "rows[2].querySelector('details').open=true;r.opened=vis();"
        "r.scroll=e.scrollWidth;r.inner=e.clientWidth;"))
    assert m["rows"] == "3"  # 15 claims, three figures
    assert m["closed"] == "3" and m["visible"] == "0"  # collapsed: no claim shown until asked for
    assert m["first"].startswith("A_#1_64%_—_2_articles")
    assert int(m["opened"]) >= 1  # one row opened: its claims appear
    assert int(m["scroll"]) <= int(m["inner"]), m  # long file names wrap, no sideways scrolling


def test_plot_axis_labels_are_never_clipped(collapsed):
    tmp, page, _ = collapsed
    assert "million" in page.read_text(encoding="utf-8")
    m = _probe(tmp, page, "320,640", "axis", (
        "var out=[];[].forEach.call(document.querySelectorAll('figure.plot svg'),function(svg){"
        "var w=svg.viewBox.baseVal.width,h=svg.viewBox.baseVal.height;"
        "[].forEach.call(svg.querySelectorAll('text'),function(t){var b=t.getBBox();"
        "if(b.x<0||b.y<0||b.x+b.width>w+0.5||b.y+b.height>h+0.5)out.push(t.textContent.replace(/\\s+/g,'_'));});});"
        "r.texts=document.querySelectorAll('figure.plot svg text').length;r.clipped=out.join(',')||'none';"))
    assert int(m["texts"]) >= 8
    assert m["clipped"] == "none", m
