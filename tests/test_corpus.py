"""Reading corpus files: encodings, binary and empty files, HTML, article splitting, front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus import read_corpus, split_articles

ZH = "中国稀土产量占全球七成。\n"
EN = "Exports rose 12% in May.\n"


def _read(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    lines: list[str] = []
    corpus = read_corpus([tmp_path], warn=lines.append)
    return corpus, lines


def test_utf8_with_and_without_bom(tmp_path):
    (tmp_path / "a.txt").write_bytes((EN + ZH).encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + (EN + ZH).encode("utf-8"))
    corpus = read_corpus([tmp_path], warn=lambda line: None)
    assert [f.text for f in corpus.files] == [EN + ZH, EN + ZH]


def test_gb18030_without_bom(tmp_path):
    corpus, lines = _read(tmp_path, "gb.txt", ("新华社消息：" + ZH * 3).encode("gb18030"))
    assert not lines
    assert corpus.files[0].text == "新华社消息：" + ZH * 3
    assert corpus.files[0].encoding == "gb18030"


def test_utf16(tmp_path):
    (tmp_path / "le.txt").write_bytes((EN + ZH).encode("utf-16"))  # with BOM
    (tmp_path / "nobom.txt").write_bytes((EN * 3).encode("utf-16-le"))
    corpus = read_corpus([tmp_path], warn=lambda line: None)
    assert sorted(f.text for f in corpus.files) == sorted([EN + ZH, EN * 3])


def test_binary_file_is_skipped_with_one_line(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    corpus = read_corpus([tmp_path])
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "blob.txt" in err[0] and "skipped" in err[0]
    assert [f.path for f in corpus.files] == ["ok.txt"]
    assert [p for p, _ in corpus.skipped] == ["blob.txt"]


def test_empty_file_is_skipped(tmp_path):
    corpus, lines = _read(tmp_path, "empty.txt", b"")
    assert corpus.files == [] and len(lines) == 1 and "empty.txt" in lines[0]


def test_html_visible_text_only(tmp_path):
    html = ("<html><head><title>T</title><style>p{x:1}</style><script>var n = 99;</script></head>"
            "<body><p>Exports rose <b>12%</b>.</p><!-- 77 hidden --><p>第二段</p></body></html>")
    corpus, _ = _read(tmp_path, "page.html", html.encode("utf-8"))
    text = corpus.files[0].text
    assert "Exports rose 12%." in text and "第二段" in text
    assert "99" not in text and "77" not in text and "x:1" not in text


def test_search_result_page_splits_into_articles(tmp_path):
    page = ("Search results\nAll  News  Images\n"
            "Rare earth exports fall\nReuters· 2025-11-18 06:38\nExports fell 34% in October.\n\n"
            "稀土出口下降\n新华网· 2025-11-19 10:05\n出口下降了三成。\n")
    corpus, _ = _read(tmp_path, "012_page.txt", page.encode("utf-8"))
    arts = split_articles(corpus.files[0])
    assert [(a.id, a.title, a.source, a.date) for a in arts] == [
        ("012#1", "Rare earth exports fall", "Reuters", "2025-11-18"),
        ("012#2", "稀土出口下降", "新华网", "2025-11-19"),
    ]
    text = corpus.files[0].text
    assert text[arts[0].start:arts[0].end].startswith("Rare earth exports fall")
    assert "34%" in text[arts[0].start:arts[0].end] and "三成" not in text[arts[0].start:arts[0].end]
    assert arts[1].end == len(text)


def test_single_article_with_front_matter(tmp_path):
    doc = "---\ntitle: Grain report\ndate: 2025-03-02\nsource: Agency\n---\n# Heading\nYields rose 5%.\n"
    corpus, _ = _read(tmp_path, "note.md", doc.encode("utf-8"))
    (art,) = split_articles(corpus.files[0])
    assert (art.title, art.date, art.source, art.start, art.end) == ("Grain report", "2025-03-02", "Agency", 0,
                                                                      len(doc))


def test_single_article_without_front_matter(tmp_path):
    corpus, _ = _read(tmp_path, "plain.txt", ("\nFirst line title\n" + EN).encode("utf-8"))
    (art,) = split_articles(corpus.files[0])
    assert art.title == "First line title" and art.date is None and art.source is None


# --- decoding by detection (issue 11): each encoding is read right, or skipped with one line ----------------

TRAD = "新華社消息：中國控制著全球九成的稀土精煉產能，出口下降了三成。\n"
LATIN = "Le café coûte 30 000 € — « cher » pour un naïf; exports rose 12% in May.\n"


@pytest.mark.parametrize("name, text, encoding", [
    ("big5.txt", TRAD * 3, "big5"),
    ("gb.txt", "新华社消息：" + ZH * 3, "gb18030"),
    ("gbk_traditional.txt", TRAD * 3, "gb18030"),
    ("cp1252.txt", LATIN * 2, "windows-1252"),
    ("latin1.txt", "Größe der Fläche: 12 % weniger, naïve façade.\n", "latin-1"),
    ("utf16le_zh.txt", ZH + "出口下降了三成。\n", "utf-16-le"),
    ("utf16be_zh.txt", ZH + "出口下降了三成。\n", "utf-16-be"),
    ("utf16le_en.txt", EN * 3, "utf-16-le"),
    ("utf16le_mixed.txt", EN + ZH, "utf-16-le"),
])
def test_each_encoding_is_detected_and_decoded(tmp_path, name, text, encoding):
    corpus, lines = _read(tmp_path, name, text.encode(encoding))
    assert not lines
    [source] = corpus.files
    assert source.text == text
    # Latin-1 text is valid Windows-1252 whenever it has no C1 bytes; both name the same characters here.
    assert source.encoding == encoding or {source.encoding, encoding} == {"windows-1252", "latin-1"}


@pytest.mark.parametrize("name, data", [
    ("shift_jis.txt", "日本の輸出は12%減少した。東京の会社。".encode("shift_jis")),
    ("koi8.txt", "Экспорт редкоземельных металлов вырос на 12%.".encode("koi8-r")),
])
def test_other_encodings_are_skipped_with_one_line_not_read_as_mojibake(tmp_path, name, data):
    corpus, lines = _read(tmp_path, name, data)
    assert corpus.files == []
    assert len(lines) == 1 and name in lines[0] and "skipped: cannot decode" in lines[0]


# --- HTML: line and column in the markup ------------------------------------------------------------------

def test_html_claims_point_into_the_raw_file(tmp_path):
    from factcheck.pipeline import analyse

    page = ("<!doctype html>\n<html><head><title>Refining</title>\n<style>p { margin: 0 }</style></head>\n"
            "<body>\n<article>\n  <p class=\"lede\">Analysts &amp; traders say China refines <b>90%</b> of the "
            "world's rare earths.</p>\n\n\n</article></body></html>\n")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Supply\n\nAnalysts say China refines 80% of the world's rare earths.\n",
                                   encoding="utf-8")
    analysis = analyse([tmp_path], warn=lambda line: None)
    [finding] = [f for f in analysis.findings if {c.quote for c in f.claims} == {"90%", "80%"}]
    for c in finding.claims:
        raw = (tmp_path / c.file).read_text(encoding="utf-8").split("\n")
        assert raw[c.line - 1][c.col - 1:].startswith(c.quote), (c.file, c.line, c.col)
        assert analysis.texts[c.file][c.start:c.end] == c.quote  # offsets stay in the visible text
    html_claim = next(c for c in finding.claims if c.file == "a.html")
    assert (html_claim.line, html_claim.col) == (6, page.split("\n")[5].index("90%") + 1)


def test_html_raw_map_through_entities_and_blank_lines():
    from factcheck.corpus import html_visible

    markup = ("<p>A &amp; B rose 12%.</p>\n\n\n\n<p>&lt;x&gt; 第二段 30%</p>\n"
              "<!-- factcheck-ignore FC100: why -->\n<div>tail 5%</div>")
    text, raw = html_visible(markup)
    assert text == "A & B rose 12%.\n\n<x> 第二段 30%\n\n<!-- factcheck-ignore FC100: why -->\n\ntail 5%\n"
    for needle in ("12%", "第二段", "30%", "factcheck-ignore", "5%", "B rose"):
        at = raw.raw_offset(text.index(needle))
        assert markup[at:at + len(needle)] == needle


def test_inline_ignore_in_html_covers_the_claim_below_it(tmp_path):
    from factcheck.gate import acknowledged_findings
    from factcheck.pipeline import analyse

    page = ("<html><body>\n<p>Intro.</p>\n<!-- factcheck-ignore FC100: other survey -->\n"
            "<p>China refines <b>90%</b> of the world's rare earths.</p>\n</body></html>\n")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.md").write_text("Analysts say China refines 80% of the world's rare earths.\n", encoding="utf-8")
    analysis = analyse([tmp_path], warn=lambda line: None)
    [finding] = analysis.findings
    assert "other survey (inline, a.html:3)" in acknowledged_findings(analysis)[finding.id]


# --- line_col: an index per text, not a scan per claim ----------------------------------------------------

def test_line_col_matches_a_scan_on_every_offset():
    from factcheck.corpus import LineIndex, line_col

    text = "ab\n\ncd\nxyz\n" * 50 + "tail"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        assert line_col(text, offset) == index.line_col(offset) == (line, col)


# --- factcheck's own report is never read back ------------------------------------------------------------

def test_report_output_folder_is_not_read_back(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import main

    (tmp_path / "a.md").write_text("China refines 90% of the world's rare earths.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Analysts say China refines 80% of the world's rare earths.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(main, ["report", ".", "--format", "json"])
    second = CliRunner().invoke(main, ["report", ".", "--format", "all"])
    third = CliRunner().invoke(main, ["report", ".", "--format", "json", "--out", "."])
    assert first.exit_code == second.exit_code == third.exit_code == 0, second.output
    assert (tmp_path / "reports" / "report.html").exists()
    corpus = read_corpus([tmp_path], warn=lambda line: None)
    assert [f.path for f in corpus.files] == ["a.md", "b.md"] and corpus.skipped == []
    import json

    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 2


def test_corpus_names_are_the_paths_relative_to_their_root() -> None:
    from pathlib import Path

    from factcheck.corpus import corpus_name

    cases = [("a/b/c.md", "a"), ("a/b/c.md", "a/"), ("/x/y.md", "/"), ("x.md", "."), ("./a/b.md", "."),
             ("/a/b.md", "/a"), ("ab/c.md", "a"), ("a", "a"), ("../a/b.md", ".."), ("a/b.md", "b")]
    for path, root in cases:
        p, r = Path(path), Path(root)
        assert corpus_name(p, r) == (p.relative_to(r).as_posix() if p.is_relative_to(r) else p.as_posix())
