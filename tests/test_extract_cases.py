"""Data-driven extraction cases: tests/cases/extract_{en,zh}.yaml, one test per sentence."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from helpers import claims_of

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list:
    cases = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{name.split('.')[0]}-{i}-{c['text'][:30]}") for i, c in enumerate(cases)]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _describe(claims) -> str:
    return "; ".join(f"{c.text!r}={c.value}..{c.value_high} {c.unit} {c.qualifier} {c.direction}" for c in claims)


@pytest.mark.parametrize("case", _load("extract_en.yaml") + _load("extract_zh.yaml"))
def test_case(case: dict) -> None:
    text = case["text"]
    claims = claims_of(text)
    got = _describe(claims)
    assert len(claims) == len(case["expected"]), f"expected {len(case['expected'])} claims, got: {got}"
    for want, claim in zip(case["expected"], claims):
        assert claim.text == want["surface"], got
        assert text[claim.start:claim.end] == claim.text
        assert claim.unit == want["unit"], got
        assert _close(claim.value, want["value"]), got
        if "value_high" in want:
            assert _close(claim.value_high, want["value_high"]), got
        for key in ("qualifier", "direction", "noun", "year"):
            if key in want:
                assert getattr(claim, key) == want[key], got
        if "precision" in want:
            assert _close(claim.precision, want["precision"]), got
