"""Formatters for `factcheck claims`: records with `query.RECORD_COLUMNS`, most recent first."""

from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

from rich.console import Console
from rich.table import Table

from ..query import RECORD_COLUMNS


def records_json(records: list[dict], stream: TextIO) -> None:
    json.dump(records, stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def records_csv(records: list[dict], stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=RECORD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def records_table(records: list[dict], stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=False, width=max(80, Console(file=stream).width))
    table = Table(title=f"{len(records)} matching claims, most recent first", show_lines=False)
    table.add_column("date", no_wrap=True)
    table.add_column("where", no_wrap=True)  # a file name is never broken; the sentence gives way
    table.add_column("quote", no_wrap=True)
    table.add_column("sentence", overflow="fold", ratio=1)
    for rec in records:
        table.add_row(rec["date"] or "", f"{rec['file']}:{rec['line']}", rec["quote"], rec["sentence"])
    console.print(table)


RECORD_FORMATS: dict[str, Callable[[list[dict], TextIO], None]] = {
    "table": records_table, "json": records_json, "csv": records_csv,
}
