"""Reading corpus files: encodings, binary and empty files, HTML, article splitting, front matter."""

from __future__ import annotations

from pathlib import Path

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
