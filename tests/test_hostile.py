"""Hostile input never breaks the checker: one clear stderr line per bad file, the rest still checked,
exit 2 only when nothing could be read; arbitrary text through the whole pipeline never raises."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.corpus import read_corpus
from factcheck.model import SourceFile
from factcheck.pipeline import Extraction, add_file, analyse_extraction, extract_file
from factcheck.corpus import Corpus

GOOD = "China refines 90% of the world's rare earths.\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _hostile_corpus(root: Path) -> None:
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "empty.txt").write_bytes(b"")
    (root / "gbk.txt").write_bytes("中国控制了全球60%的稀土开采,另有约3834吨出口。".encode("gbk"))
    (root / "nul.md").write_bytes(b"China mines 70%\x00 of rare earths \x00\x01\x02" * 3)
    (root / "mixed.txt").write_bytes("中国控制了全球70%的稀土开采。美国依赖进口。".encode("utf-8")
                                     + "稀土".encode("gbk") + " 55%的需求。\n".encode("utf-8"))


def test_hostile_files_are_skipped_with_one_line_each(tmp_path):
    _hostile_corpus(tmp_path)
    out = tmp_path / "out"
    result = _run("report", str(tmp_path), "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ": skipped: " in ln]
    assert sorted(Path(ln.split(":")[0]).name for ln in lines) == ["binary.txt", "empty.txt", "nul.md"]
    assert all(ln.count("\n") == 0 and "skipped: " in ln for ln in lines)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in report["skipped"]} == {"binary.txt", "empty.txt", "nul.md"}
    assert "claims" not in report  # the corpus's claim list is `factcheck extract`'s
    claims = json.loads(_run("extract", str(tmp_path), "--format", "json").stdout)
    read = {c["file"] for c in claims}
    assert {"good.txt", "gbk.txt", "mixed.txt"} <= read
    gbk = [c for c in claims if c["file"] == "gbk.txt"]
    assert {(c["value"], c["unit"]) for c in gbk} >= {(60.0, "percent"), (3834.0, "t")}
    assert "mixed encodings" in result.stderr


def test_nothing_readable_is_exit_2_with_one_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    result = _run("report", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("factcheck: no readable article")
    assert "Traceback" not in result.output


def test_missing_path_is_exit_2(tmp_path):
    result = _run("extract", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr and "Traceback" not in result.output


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):  # root can read anything, so the permission error is simulated
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    warnings: list[str] = []
    corpus = read_corpus([tmp_path], warnings.append)
    assert [f.path for f in corpus.files] == ["good.txt"]
    assert warnings == [f"{tmp_path / 'locked.txt'}: skipped: Permission denied"]


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    corpus = read_corpus([tmp_path], lambda line: None)
    assert [f.path for f in corpus.files] == ["a/good.txt"]


def test_ten_thousand_tiny_files(tmp_path):
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(f"Output rose {i % 97}% in the quarter.\n", encoding="utf-8")
    result = _run("extract", str(tmp_path), "--format", "csv", "--jobs", "1")
    assert result.exit_code == 0
    assert result.output.count("\n") == 10_001


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
                | st.lists(st.sampled_from(["90%", "百分之九十", "０９％", "$1.3 billion", "7000亿卢布",
                                            "between 5 and", "三四十", "\x00", "\u202e", "约", "over",
                                            " ", "\n", "China", "中国", "稀土", "refining", "(", ")", "·",
                                            "2025-10-26 03:24\n", "Sou Hu· "]), max_size=40)
                .map("".join), min_size=1, max_size=3))
def test_arbitrary_text_through_the_whole_pipeline_never_raises(texts):
    files = [SourceFile(f"f{i}.txt", t or " ", "utf-8", str(i)) for i, t in enumerate(texts)]
    extraction = Extraction(Corpus(files=files))
    for n, source in enumerate(files):
        # framed where extracted, or (every other file) left for the analysis to frame
        articles, claims, frames, declared = extract_file(source, frame=n % 2 == 0)
        add_file(extraction, source.path, articles, claims, frames, declared)
    analysis = analyse_extraction(extraction)
    for finding in analysis.findings:
        assert finding.claims


def test_full_width_digits_and_percent_read_like_ascii(tmp_path):
    (tmp_path / "a.txt").write_text("中国控制了全球９０％的稀土精炼。\n", encoding="utf-8")
    result = _run("extract", str(tmp_path), "--format", "json")
    (claim,) = json.loads(result.output)
    assert (claim["value"], claim["unit"], claim["text"]) == (90.0, "percent", "９０％")
