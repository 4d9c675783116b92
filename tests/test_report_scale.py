"""Reports at archive scale (issue 11) on corpora made by bench/corpus_gen.py: report.html grows with the
number of findings, each finding's bytes bounded, never with the corpus; report.json keeps every claim of
every finding but not the corpus's claim list; the terminal report fits 80 columns. (The 100k-article size
is measured by bench/run.py, not here.)"""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from factcheck.pipeline import analyse
from factcheck.report import html, json_report, terminal

ROOT = Path(__file__).resolve().parent.parent
SIZES = (60, 240)
# A small corpus has lighter findings than an archive: a tight tier makes the caps bite at this size, as the
# archive tier does at 100k articles.
TIGHT = html.Detail(values=3, quoted=1, located=2, context=80, sentences=False, message=160)


def _generator():
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "bench" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    gen = _generator()
    out = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html, "detail_for", lambda findings: TIGHT)
        for n in SIZES:
            root = tmp_path_factory.mktemp(f"gen{n}")
            gen.generate(root, n, per_file=10, seed=7)
            analysis = analyse([root], warn=lambda line: None)
            out[n] = (analysis, html.render_string(analysis))
    return out


def _sections(page: str) -> dict[str, str]:
    return {m.group(1): m.group(0) for m in re.finditer(r'<article class="finding[^"]*" id="([^"]+)">.*?</article>',
                                                         page, re.S)}


def test_each_finding_is_bounded_and_the_page_grows_with_findings_not_claims(reports):
    small_analysis, small = reports[SIZES[0]]
    big_analysis, big = reports[SIZES[1]]
    sections = _sections(big)
    assert set(sections) == {f.id for f in big_analysis.findings}
    detail = TIGHT
    # A finding's bytes are bounded by what its tier shows, however many claims it has.
    bound = 2500 + detail.values * (700 + detail.quoted * (2 * detail.context * 3 + 700) + detail.located * 160)
    heaviest = max(big_analysis.findings, key=lambda f: len(f.claims))
    assert len(heaviest.claims) > detail.values * (detail.quoted + detail.located)  # the caps do bite here
    assert max(len(s.encode()) for s in sections.values()) <= bound
    # The page is its findings (bounded each) and a fixed part: four times the articles, it grows by less
    # than the claims in its findings do.
    outside = len(big.encode()) - sum(len(s.encode()) for s in sections.values())
    assert outside <= 150_000 + 400 * len(big_analysis.findings)  # summary, filters, stylesheet, subject headers
    claims = {n: sum(len(f.claims) for f in a.findings) for n, (a, _) in reports.items()}
    growth = len(big.encode()) / len(small.encode())
    assert growth < claims[SIZES[1]] / claims[SIZES[0]]


def test_heavy_finding_is_collapsed_to_figures_with_claims_on_demand(reports):
    analysis, page = reports[SIZES[1]]
    heaviest = max(analysis.findings, key=lambda f: len(f.claims))
    section = _sections(page)[heaviest.id]
    figures = re.findall(r'<span class="figure">([^<]+)</span> — (\d+) articles?', section)
    detail = TIGHT
    assert 2 <= len(figures) <= detail.values
    assert "<details open" not in section and section.count("<details>") == len(figures)
    # Not every claim is on the page; the page says so, and report.json has each one.
    shown = re.findall(r'<code class="loc">([^<]+)</code>', section)
    assert len(shown) < len(heaviest.claims)
    assert "report.json" in section
    assert "<script" not in page and "script-src 'none'" in page.replace("&#39;", "'")


def test_detail_tiers_shrink_as_findings_grow():
    tiers = [html.detail_for(n) for n in (10, 500, 5000)]
    assert [t.values for t in tiers] == sorted((t.values for t in tiers), reverse=True)
    assert tiers[0].values > tiers[-1].values >= 2  # a disagreement always shows two figures


def test_small_finding_is_shown_whole_and_open():
    from factcheck.report.html import render_string

    root = ROOT / "tests" / "corpora" / "golden"
    analysis = analyse([root], warn=lambda line: None)
    page = render_string(analysis)
    for f in analysis.findings:
        section = _sections(page)[f.id]
        for c in f.claims:
            assert f"{c.file}:{c.line}:{c.col}" in section
        if len(f.claims) <= 4:
            assert "<details>" not in section


def test_json_keeps_every_claim_of_every_finding_not_the_corpus_list(reports):
    analysis, _ = reports[SIZES[1]]
    data = json_report.report_data(analysis)
    assert set(data) == {"summary", "findings", "skipped"}
    by_id = {f["id"]: f for f in data["findings"]}
    for f in analysis.findings:
        got = by_id[f.id]["claims"]
        assert [(c["file"], c["start"], c["line"], c["col"], c["quote"]) for c in got] == \
               [(c.file, c.start, c.line, c.col, c.quote) for c in f.claims]
    assert data["summary"]["assertions"] == len(analysis.placed)


def test_terminal_report_fits_80_columns_without_breaking_file_names(reports):
    analysis, _ = reports[SIZES[1]]
    out = io.StringIO()
    terminal.render(analysis, out)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert not [line for line in lines if line.endswith(" ")]
    files = {c.file for f in analysis.findings for c in f.claims}
    located = re.findall(r"(\S+\.txt):(\d+):(\d+)", out.getvalue())
    assert located and {name for name, _, _ in located} <= files  # every location printed whole
    for f in analysis.findings:
        assert f.id in out.getvalue()


def test_report_json_is_each_finding_record_one_per_line(reports) -> None:
    import dataclasses
    import math

    analysis = dataclasses.replace(reports[SIZES[0]][0])
    first = analysis.findings[0]
    odd = dataclasses.replace(first, extra={**first.extra, "spread": math.nan, "shape": (1, 2)})
    analysis.findings = [odd] + analysis.findings[1:]
    buffer = io.StringIO()
    json_report.render(analysis, buffer, {first.id: "known"})
    lines = buffer.getvalue().splitlines()
    document = json.loads(buffer.getvalue())
    assert document["findings"] == [json_report.finding_record(f, {first.id: "known"}) for f in analysis.findings]
    assert document["findings"][0]["extra"]["spread"] is None and document["findings"][0]["acknowledged"] == "known"
    assert len(lines) == len(analysis.findings) + 3  # summary, one line per finding, skipped


def _odd_findings(analysis):
    """The analysis with findings whose text a terminal layout finds hard: tabs, wide characters, zero-width
    marks, long unbroken names, newlines and control characters, in subjects, messages, figures and files."""
    import dataclasses

    first = analysis.findings[0]
    odd = []
    for n, text in enumerate(("tab\there and\tthere " * 6, "稀土出口占全球供应的百分之九十以上" * 5,
                              "zero\u200bwidth\u0301 marks " * 9, "x" * 130, "two\nlines\n\nand a blank",
                              "bell\x07 back\x08 cr\r vt\x0b ff\x0c esc\x1b[31m", "  lead and trail  " * 6)):
        claims = tuple(dataclasses.replace(c, file=f"{text[:40]}/{c.file}") for c in first.claims)
        odd.append(dataclasses.replace(first, id=f"FC100-odd{n}", subject=text[:60], message=text, claims=claims))
    return dataclasses.replace(analysis, findings=odd + list(analysis.findings))


@pytest.mark.parametrize("width", [None, 20, 45, 80, 133])
def test_terminal_report_laid_out_as_strings_is_what_rich_writes(reports, width, monkeypatch):
    """Without styles to write (a file, a pipe) the report is laid out as plain strings; it must be exactly
    what laying it out with rich's `Text` gives, wrapping included."""
    from factcheck.report.figures import _FIGURES, _SHOWN

    analysis = _odd_findings(reports[SIZES[1]][0])
    acknowledged = {analysis.findings[0].id: "known\tone", analysis.findings[-1].id: ""}
    monkeypatch.setattr(terminal, "WIDTH", width or 80)
    outputs = []
    for plain in (True, False):
        _FIGURES.clear()
        _SHOWN.clear()
        out = io.StringIO()
        terminal.render(analysis, out, acknowledged, plain=plain)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert "\t" not in outputs[0] and "稀土" in outputs[0]


def test_frames_written_from_their_parts_are_the_bytes_json_dumps_gives(reports) -> None:
    """report.json writes the frames a finding lists from each frame's and slot's text, made once; every
    finding's line must be what dumping its record gives, acknowledged or not, with odd frames and extras
    (those are dumped whole)."""
    import dataclasses

    analysis = reports[SIZES[0]][0]
    findings = [f for f in analysis.findings if f.extra.get("frames")]
    first = findings[0]
    frames = first.extra["frames"]

    class Name(str):
        pass

    odd = [dataclasses.replace(first, id="only-frames", extra={"frames": frames}),
           dataclasses.replace(first, id="frames-first", extra={"frames": frames, "gap": 1.5}),
           dataclasses.replace(first, id="odd-slot", extra={**first.extra, "frames": [
               {**frames[0], "holder": {**frames[0]["holder"], "words": Name("CATL")}}] + frames[1:]}),
           dataclasses.replace(first, id="odd-date", extra={**first.extra, "frames": [{**frames[0], "date": 2024}]}),
           dataclasses.replace(first, id="no-frames", extra={**first.extra, "frames": []}),
           dataclasses.replace(first, id="nan", extra={**first.extra, "gap": float("nan")}),
           dataclasses.replace(first, id="quotes\"\\\u2028", message="稀土 \"quoted\"\n\ttab \x00 \ud800")]
    made = json_report._FrameJSON()
    for f in findings + odd:
        for acknowledged in (None, {f.id: "known \"why\""}):
            raw = {name: [json_report._claim_fields(c) for c in f.claims] if name == "claims" else getattr(f, name)
                   for name in json_report._FINDING_FIELDS}
            if acknowledged:
                raw["acknowledged"] = acknowledged[f.id]
            try:
                expected = json.dumps(raw, ensure_ascii=False, allow_nan=False, check_circular=False)
            except ValueError:
                expected = json.dumps(json_report.finding_record(f, acknowledged), ensure_ascii=False)
            assert json_report._finding_json(f, acknowledged, made) == expected
    assert any(text for _, text in made._made.values())  # the frames were written from their parts
