"""Formatters for extracted claims (`factcheck extract`)."""

from __future__ import annotations

import json
import math
from typing import Callable, TextIO

import pandas as pd
from rich.console import Console
from rich.table import Table

from .. import numfmt


def _records(frame: pd.DataFrame) -> list[dict]:
    records = frame.to_dict(orient="records")
    for rec in records:
        for key, value in rec.items():
            if isinstance(value, float) and math.isnan(value):
                rec[key] = None
    return records


def claims_json(frame: pd.DataFrame, stream: TextIO) -> None:
    """A JSON array, one claim per line: readable and diffable, and written by the C encoder (an `indent`
    would force the pure-Python one, the slowest part of `extract --format json`)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    records = _records(frame)
    stream.write("[\n" + ",\n".join(encode(r) for r in records) + "\n]\n" if records else "[]\n")


def claims_csv(frame: pd.DataFrame, stream: TextIO) -> None:
    frame.to_csv(stream, index=False)


def _number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return numfmt.number(value, significant=10)  # as the reports write it, with every digit kept


def claims_table(frame: pd.DataFrame, stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=False)
    table = Table(title=f"{len(frame)} numeric assertions", show_lines=False)
    for col in ("file", "article", "start", "text", "value", "unit", "qualifier", "noun"):
        table.add_column(col, overflow="fold")
    for rec in _records(frame):
        value = _number(rec["value"])
        if rec["value_high"] is not None:
            value += " – " + _number(rec["value_high"])
        table.add_row(rec["file"], rec["article"], str(rec["start"]), rec["text"], value, rec["unit"],
                      rec["qualifier"], rec["noun"] or "")
    console.print(table)


CLAIM_FORMATS: dict[str, Callable[[pd.DataFrame, TextIO], None]] = {
    "table": claims_table, "json": claims_json, "csv": claims_csv,
}
