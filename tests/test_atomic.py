"""Writes are atomic: a crash, Ctrl-C or SIGTERM mid-write leaves the previous file intact; output is
deterministic across runs and listing orders."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import atomic
from factcheck.cli import main


def test_interrupted_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    atomic.write_text(target, "old")
    real_replace = atomic.os.replace

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new" * 1000)
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file left


_SLOW_WRITER = r"""
import sys, time
from factcheck import atomic

class Slow(str):
    pass

real_fdopen = atomic.os.fdopen
def slow_fdopen(*args, **kwargs):
    handle = real_fdopen(*args, **kwargs)
    write = handle.write
    def slow_write(text):
        write(text[: len(text) // 2])
        handle.flush()
        print("half", flush=True)
        time.sleep(30)
        write(text[len(text) // 2:])
    handle.write = slow_write
    return handle
atomic.os.fdopen = slow_fdopen
atomic.write_text(sys.argv[1], "new" * 100000)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_mid_write_keeps_the_previous_file(tmp_path, sig):
    target = tmp_path / "baseline.json"
    target.write_text("old", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout.readline().strip() == "half"
    proc.send_signal(sig)
    proc.wait(timeout=20)
    assert target.read_text(encoding="utf-8") == "old"


def _write_corpus(root: Path) -> None:
    root.mkdir()
    (root / "b.md").write_text("China refines 90% of the world's rare earths.\n", encoding="utf-8")
    (root / "a.md").write_text("China refines 80% of the world's rare earths.\n", encoding="utf-8")
    (root / "c.md").write_text("中国控制了全球70%的稀土开采,精炼份额为85%。\n", encoding="utf-8")


def test_reports_are_byte_identical_across_runs_and_listing_orders(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    outputs = []
    for n, args in enumerate([[str(corpus)], [str(corpus / "c.md"), str(corpus / "a.md"), str(corpus / "b.md")],
                              [str(corpus / "b.md"), str(corpus / "a.md"), str(corpus / "c.md")]]):
        out = tmp_path / f"out{n}"
        result = CliRunner().invoke(main, ["report", *args, "--out", str(out), "--format", "all"])
        assert result.exit_code == 0, result.output
        outputs.append(((out / "report.json").read_bytes(), (out / "report.html").read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0][0])["findings"]
