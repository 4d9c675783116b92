"""`check DRAFT... --against ARCHIVE...` reads the archive from the claims store: the same findings as
reading everything, no archive file read or extracted twice, only findings with a draft claim."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import archive, parallel
from factcheck import store as store_module
from factcheck.cache import open_cache
from factcheck.cli import main
from factcheck.model import Frame, Slot
from factcheck.store import frame_block
from gate_texts import A, B

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DRAFT = "# Draft\n\nThe report adds that China refines 60% of the world's rare earths.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """An archive (the sample corpus plus two articles that disagree with each other), a draft, cwd inside;
    file stats are trusted at once (no racy-clean window), so a second run can skip reading."""
    shutil.copytree(SEEDS, tmp_path / "archive" / "seeds")
    (tmp_path / "archive" / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "archive" / "b.md").write_text(B, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(store_module, "RACY_NS", -1)
    return tmp_path


@pytest.fixture
def activity(monkeypatch) -> dict[str, list[str]]:
    """Archive files read from disk and files extracted, in this process."""
    seen: dict[str, list[str]] = {"read": [], "extracted": []}
    real_read = archive.read_file
    monkeypatch.setattr(archive, "read_file", lambda path, rel: seen["read"].append(rel) or real_read(path, rel))
    monkeypatch.setattr(parallel, "extraction_hooks", [lambda source: seen["extracted"].append(source.path)])
    return seen


def check(*args: str):
    return CliRunner().invoke(main, ["check", "draft.md", "--against", "archive", "--baseline", "none.json",
                                     "--quiet", *args])


def test_same_findings_as_reading_everything_and_nothing_read_twice(project: Path, activity) -> None:
    unstored = check("--format", "json", "--no-cache")
    assert unstored.exit_code == 1, unstored.output
    assert not (project / ".factcheck").exists()
    activity["extracted"].clear()
    cold = check("--format", "json")
    assert len(activity["extracted"]) == len(activity["read"]) + 1 == 8  # the draft is read by the corpus stage
    for seen in activity.values():
        seen.clear()
    warm = check("--format", "json")
    assert activity == {"read": [], "extracted": []}  # unchanged archive: not read, not hashed, not extracted
    assert unstored.stdout == cold.stdout == warm.stdout and warm.exit_code == 1
    new = json.loads(warm.stdout)["new"]
    assert len(new) == 1 and {c["path"] for c in new[0]["claims"]} == {"draft.md", "archive/a.md", "archive/b.md"}


def test_a_changed_archive_file_alone_is_read_and_extracted_again(project: Path, activity) -> None:
    assert check().exit_code == 1
    for seen in activity.values():
        seen.clear()
    (project / "archive" / "b.md").write_text(B.replace("80%", "60%"), encoding="utf-8")
    (project / "archive" / "a.md").write_text(A.replace("90%", "61%"), encoding="utf-8")
    result = check("--format", "json")
    assert sorted(activity["read"]) == ["a.md", "b.md"]
    assert sorted(activity["extracted"]) == ["a.md", "b.md"]  # the draft did not change either
    assert result.exit_code == 0, result.output  # 60% and 61% agree: nothing with a draft claim
    assert json.loads(result.stdout)["new"] == []


def test_findings_without_a_draft_claim_are_not_reported(project: Path) -> None:
    (project / "draft.md").write_text("# Draft\n\nNothing numeric here.\n", encoding="utf-8")
    result = check("--format", "json")
    assert result.exit_code == 0, result.output  # a.md and b.md disagree, but that is the archive's own
    assert json.loads(result.stdout)["new"] == []


def test_unreadable_draft_or_archive_is_one_line_exit_2(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "draft.md", "--against", "nowhere", "--baseline", "none.json"])
    assert result.exit_code == 2 and result.output.strip() == "factcheck: nowhere: no such file or folder"
    result = CliRunner().invoke(main, ["check", "missing.md", "--against", "archive"])
    assert result.exit_code == 2 and result.output.strip() == "factcheck: missing.md: no such file or folder"


def test_an_archive_file_that_became_unreadable_is_skipped_with_one_line(project: Path) -> None:
    assert check().exit_code == 1
    (project / "archive" / "b.md").write_bytes(b"\x00\x01\x02\x03" * 64)
    result = check()
    assert "archive/b.md: skipped: binary file (NUL bytes)" in result.stderr
    assert result.exit_code == 1  # a.md still disagrees with the draft


def _frame(holder: str) -> Frame:
    return Frame(measure=Slot("share"), holder=Slot(holder), object=Slot("rare earths"), period=Slot("2025"),
                 basis=Slot("actual"), attribution=Slot(None), dimension="percent")


def test_frame_block_is_what_comparison_blocks_on() -> None:
    assert frame_block(_frame("China")) == ("percent", "share", "China", False)
    # a share's base, the place and the object are compared inside a block, not blocked on
    wider = Frame(measure=Slot("share of production"), holder=Slot("China@World"), object=Slot(None),
                  period=Slot("2024"), basis=Slot("forecast"), attribution=Slot("USGS"), dimension="percent")
    assert frame_block(wider) == frame_block(_frame("China"))
    assert frame_block(Frame(Slot(None), Slot("China"), Slot(None), Slot("2025"), Slot("actual"), Slot(None),
                             "percent")) is None


def test_select_archive_claims_by_block_key(project: Path) -> None:
    store = open_cache(project / ".factcheck", None)
    held = archive.sync_archive(["archive"], store)
    by_path = {f.path: f for f in held.files}
    a, b = by_path["a.md"], by_path["b.md"]
    store.put_frames(a.path, a.sha256, [_frame("China")] * len(store.claims(a)))
    store.put_frames(b.path, b.sha256, [_frame("Japan")] * len(store.claims(b)))
    everything = archive.select_archive_claims(store, held.files)
    china = archive.select_archive_claims(store, held.files, {frame_block(_frame("China"))})
    assert {c.file for c in china} == {c.file for c in everything} - {"b.md"}  # unframed claims are kept
    assert [c for c in china if c.file == "a.md"] == store.claims(a)
    assert len(everything) == sum(len(store.claims(f)) for f in held.files)


def test_a_report_factcheck_wrote_into_the_archive_is_not_read_back(project: Path) -> None:
    made = CliRunner().invoke(main, ["report", "archive", "--out", "archive/reports", "--quiet"])
    assert (project / "archive" / "reports" / "report.html").exists(), made.output
    result = check()
    assert result.exit_code == 1, result.output  # a.md still disagrees with the draft; no crash on the report
    assert "report.html" not in result.stderr


def test_narrowing_to_the_drafts_groups_finds_what_reading_everything_finds(project: Path) -> None:
    (project / "draft.md").write_text(
        "---\ntitle: Draft\ndate: 2025-07-01\n---\nChina refines 60% of the world's rare earths.\n\n"
        "China's rare-earth reserves were 30 million tonnes in 2024, and the US imported 95% of its supply.\n",
        encoding="utf-8")
    (project / "archive" / "dated.md").write_text(
        "---\ntitle: Reserves\ndate: 2025-02-01\n---\nChina's rare-earth reserves were 44 million tonnes in 2024.\n",
        encoding="utf-8")

    def with_draft(analysis) -> list:
        return sorted((f.id, tuple(sorted((c.file, c.start) for c in f.claims))) for f in analysis.findings
                      if any(c.file == "draft.md" for c in f.claims))

    narrowed = archive.analyse_against(["draft.md"], ["archive"], cache=project / ".factcheck")
    everything = archive.analyse_against(["draft.md"], ["archive"], cache=project / ".factcheck", narrow=False)
    assert with_draft(narrowed) == with_draft(everything) and len(with_draft(narrowed)) >= 2
    assert len(narrowed.extraction.claims) < len(everything.extraction.claims)
